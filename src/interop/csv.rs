//! The csv folder: one file per kind of item or link, headed with the interchange's field names, read and written so that it round-trips.

use super::increment::{Increment, Skipped};
use super::progress::ProgressSink;
use super::source::{self, table_text, Column, Dialect, Source, Table};
use crate::model::{
    Channel, ChannelKind, Competency, Criticality, Develops, Follows, Model, Prerequisite, Reaches, Requires, Role,
    Scale, Stage,
};
use crate::{Error, Result};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// The files of a csv folder and their columns, in the order they are read and written.
pub const FILES: [(&str, &[&str]); 8] = [
    ("roles.csv", &["id", "name", "description", "group", "headcount", "refs"]),
    ("competencies.csv", &["id", "name", "description", "category", "parent", "refs"]),
    (
        "channels.csv",
        &[
            "id",
            "name",
            "kind",
            "description",
            "capacity",
            "cohorts_per_year",
            "cost",
            "cost_basis",
            "hours",
            "evaluation_level",
        ],
    ),
    ("requires.csv", &["role", "competency", "target_level", "current_level", "criticality"]),
    ("develops.csv", &["channel", "competency", "stages"]),
    ("reaches.csv", &["channel", "role"]),
    ("follows.csv", &["from", "to"]),
    ("prerequisites.csv", &["competency", "requires"]),
];

/// Columns read but no longer written: `develops.csv`'s single `stage`, from before stage sets.
const OLDER_COLUMNS: [(&str, &str); 1] = [("develops.csv", "stage")];

/// Separates the refs of one item, or the stages of one link, within a field.
pub const REF_SEPARATOR: char = '|';

/// Reads a csv folder; missing files mean nothing of that kind. File names are matched in
/// any case (`Roles.csv`); a file that is none of `FILES` is not read, and a warning names it.
pub fn read(dir: &Path, base: &Model, progress: &mut ProgressSink<'_>) -> Result<Increment> {
    source::require_dir(dir)?;
    let mut entries: Vec<(String, PathBuf)> = std::fs::read_dir(dir)
        .map_err(Error::io(dir))?
        .filter_map(|e| e.ok())
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
        .map(|e| (e.file_name().to_string_lossy().into_owned(), e.path()))
        .filter(|(name, _)| !name.starts_with('.'))
        .collect();
    entries.sort();
    let mut loaded = Vec::new();
    let mut warnings = Vec::new();
    for (name, path) in &entries {
        match FILES.iter().find(|(f, _)| f.eq_ignore_ascii_case(name)) {
            Some((file, _)) if loaded.iter().any(|(f, _, _)| f == file) => warnings.push(format!(
                "{}: another file here is already read as {file}; this one was not read",
                path.display()
            )),
            Some((file, _)) => {
                let shown = path.display().to_string();
                let bytes = source::read_bytes(path)?;
                let (utf8, warning) = super::encoding::to_utf8(Source::new(&shown, &bytes))?;
                warnings.extend(warning);
                loaded.push((*file, shown, utf8));
            }
            None if name.eq_ignore_ascii_case("responses.csv") => warnings.push(format!(
                "{}: answers are not part of a csv folder; not read (import the file on its own, as responses)",
                path.display()
            )),
            None => {
                let names: Vec<&str> = FILES.iter().map(|(f, _)| *f).collect();
                warnings.push(format!("{}: not one of {}; not read", path.display(), names.join(", ")));
            }
        }
    }
    if loaded.is_empty() {
        let names: Vec<&str> = FILES.iter().map(|(f, _)| *f).collect();
        return Err(Error::Refused(format!("{}: none of {} is there", dir.display(), names.join(", "))));
    }
    let sources: Vec<(&str, Source<'_>)> =
        loaded.iter().map(|(file, name, bytes)| (*file, Source::new(name, bytes))).collect();
    let mut increment = parse(&sources, base, progress)?;
    increment.warnings = warnings;
    Ok(increment)
}

/// Parses csv files given as (file name from `FILES`, contents). References are checked
/// against the files and `base`, so that a bad row is named by file, line and field.
pub fn parse(files: &[(&str, Source<'_>)], base: &Model, progress: &mut ProgressSink<'_>) -> Result<Increment> {
    let mut reader = Reader { base, model: Model::default(), lines: HashMap::new() };
    for (file, _) in FILES {
        let Some((_, source)) = files.iter().find(|(f, _)| *f == file) else { continue };
        progress.start(format!("reading {file}"), source.bytes.len() as u64);
        let mut table = Table::new(*source, Dialect::Spreadsheet)?.guarded();
        let mut columns = FILES.iter().find(|(f, _)| *f == file).map(|(_, c)| c.to_vec()).unwrap_or_default();
        columns.extend(OLDER_COLUMNS.iter().filter(|(f, _)| *f == file).map(|(_, c)| *c));
        table.only(&columns)?;
        while table.next_row()? {
            reader.row(file, &table)?;
            progress.advance(table.position());
        }
        progress.finish();
        if file == "competencies.csv" {
            reader.check_parents(source.name)?;
        }
    }
    Ok(Increment::by_refs(reader.model, true, Skipped::default()))
}

/// Reads rows into a model, remembering where each item and link was first seen.
struct Reader<'b> {
    base: &'b Model,
    model: Model,
    /// (file, key) -> line, for "listed twice" errors.
    lines: HashMap<(&'static str, String), u64>,
}

impl Reader<'_> {
    fn first_seen(&mut self, table: &Table<'_>, file: &'static str, key: String, column: &'static str) -> Result<()> {
        if let Some(line) = self.lines.insert((file, key.clone()), table.line()) {
            let col = table.optional(column);
            return Err(table.error(col, format!("`{key}` is already on line {line}")));
        }
        Ok(())
    }

    fn row(&mut self, file: &str, t: &Table<'_>) -> Result<()> {
        match file {
            "roles.csv" => {
                let id = t.required(t.column("id")?)?.to_owned();
                self.first_seen(t, "roles.csv", id.clone(), "id")?;
                let headcount = t.optional("headcount");
                self.model.roles.push(Role {
                    id,
                    name: t.required_text(t.column("name")?)?.to_owned(),
                    description: t.text(t.optional("description")).to_owned(),
                    group: t.text(t.optional("group")).to_owned(),
                    headcount: t.whole(headcount, "a whole number")?.unwrap_or(1),
                    refs: refs(t.get(t.optional("refs"))),
                });
            }
            "competencies.csv" => {
                let id = t.required(t.column("id")?)?.to_owned();
                self.first_seen(t, "competencies.csv", id.clone(), "id")?;
                let parent = Some(t.get(t.optional("parent")).to_owned()).filter(|p| !p.is_empty());
                self.model.competencies.push(Competency {
                    id,
                    name: t.required_text(t.column("name")?)?.to_owned(),
                    description: t.text(t.optional("description")).to_owned(),
                    category: t.text(t.optional("category")).to_owned(),
                    parent,
                    refs: refs(t.get(t.optional("refs"))),
                });
            }
            "channels.csv" => {
                let id = t.required(t.column("id")?)?.to_owned();
                self.first_seen(t, "channels.csv", id.clone(), "id")?;
                let kind = t.column("kind")?;
                t.required(kind)?;
                let kind: ChannelKind = named(t, kind)?.expect("not empty");
                self.model.channels.push(Channel {
                    id,
                    name: t.required_text(t.column("name")?)?.to_owned(),
                    kind,
                    description: t.text(t.optional("description")).to_owned(),
                    capacity: t.whole(t.optional("capacity"), "a whole number")?,
                    cohorts_per_year: t.whole(t.optional("cohorts_per_year"), "a whole number")?,
                    cost: t.number(t.optional("cost"))?,
                    cost_basis: named(t, t.optional("cost_basis"))?,
                    hours: t.number(t.optional("hours"))?,
                    evaluation_level: t.whole(t.optional("evaluation_level"), "a whole number")?.unwrap_or(0),
                });
            }
            "requires.csv" => {
                let role = self.endpoint(t, "role", Kind::Role)?;
                let competency = self.endpoint(t, "competency", Kind::Competency)?;
                self.first_seen(t, "requires.csv", format!("{role} -> {competency}"), "competency")?;
                let scale = &self.base.engagement.scale;
                let target = t.column("target_level")?;
                let target_level = level(t, target, scale)?.ok_or_else(|| t.error(target, "must not be empty"))?;
                let current_level = level(t, t.optional("current_level"), scale)?;
                let crit = t.optional("criticality");
                let criticality: Criticality = named(t, crit)?.unwrap_or_default();
                self.model.requires.push(Requires { role, competency, target_level, current_level, criticality });
            }
            "develops.csv" => {
                let channel = self.endpoint(t, "channel", Kind::Channel)?;
                let competency = self.endpoint(t, "competency", Kind::Competency)?;
                self.first_seen(t, "develops.csv", format!("{channel} -> {competency}"), "competency")?;
                let (set, one) = (t.optional("stages"), t.optional("stage"));
                let (col, text) = match (t.get(set), t.get(one)) {
                    (a, b) if !a.is_empty() && !b.is_empty() => {
                        return Err(t.error(set, "give `stages` or the older `stage`, not both"))
                    }
                    ("", b) if one.is_present() => (one, b),
                    (a, _) => (set, a),
                };
                let stages = match text {
                    "" => vec![self
                        .kind_of(&channel)
                        .map(ChannelKind::default_stage)
                        .ok_or_else(|| t.error(col, format!("no stage given and channel `{channel}` is not known")))?],
                    text => text
                        .split(REF_SEPARATOR)
                        .map(|s| s.trim().to_lowercase().parse::<Stage>().map_err(|e| t.error(col, e)))
                        .collect::<Result<Vec<Stage>>>()?,
                };
                self.model.develops.push(Develops { channel, competency, stages });
            }
            "reaches.csv" => {
                let channel = self.endpoint(t, "channel", Kind::Channel)?;
                let role = self.endpoint(t, "role", Kind::Role)?;
                self.first_seen(t, "reaches.csv", format!("{channel} -> {role}"), "role")?;
                self.model.reaches.push(Reaches { channel, role });
            }
            "follows.csv" => {
                let from = self.endpoint(t, "from", Kind::Channel)?;
                let to = self.endpoint(t, "to", Kind::Channel)?;
                self.first_seen(t, "follows.csv", format!("{from} -> {to}"), "to")?;
                self.model.follows.push(Follows { from, to });
            }
            _ => {
                let competency = self.endpoint(t, "competency", Kind::Competency)?;
                let requires = self.endpoint(t, "requires", Kind::Competency)?;
                self.first_seen(t, "prerequisites.csv", format!("{competency} -> {requires}"), "requires")?;
                self.model.prerequisites.push(Prerequisite { competency, requires });
            }
        }
        Ok(())
    }

    /// Each parent must be a competency of these files or of the engagement.
    fn check_parents(&self, source_name: &str) -> Result<()> {
        for c in &self.model.competencies {
            let Some(parent) = &c.parent else { continue };
            let here = self.lines.contains_key(&("competencies.csv", parent.clone()));
            if !here && self.base.competency(parent).is_none() {
                let line = self.lines.get(&("competencies.csv", c.id.clone())).copied().unwrap_or(0);
                return Err(Error::Parse {
                    source_name: format!("{source_name}, line {line}, field `parent`"),
                    message: format!("`{parent}` is not in competencies.csv nor in the engagement"),
                });
            }
        }
        Ok(())
    }

    /// A link's end: it must name an item of `kind` in these files or in the engagement.
    fn endpoint(&self, t: &Table<'_>, column: &'static str, kind: Kind) -> Result<String> {
        let col = t.column(column)?;
        let id = t.required(col)?;
        let (file, known) = match kind {
            Kind::Role => ("roles.csv", self.base.role(id).is_some()),
            Kind::Competency => ("competencies.csv", self.base.competency(id).is_some()),
            Kind::Channel => ("channels.csv", self.base.channel(id).is_some()),
        };
        if !known && !self.lines.contains_key(&(file, id.to_owned())) {
            let what = file.trim_end_matches(".csv");
            return Err(t.error(col, format!("`{id}` is not in {what}.csv nor in the engagement")));
        }
        Ok(id.to_owned())
    }

    fn kind_of(&self, channel: &str) -> Option<ChannelKind> {
        let here = self.model.channels.iter().find(|c| c.id == channel);
        here.or_else(|| self.base.channel(channel)).map(|c| c.kind)
    }
}

#[derive(Clone, Copy)]
enum Kind {
    Role,
    Competency,
    Channel,
}

fn refs(field: &str) -> Vec<String> {
    field.split(REF_SEPARATOR).map(str::trim).filter(|r| !r.is_empty()).map(str::to_owned).collect()
}

/// A value of a vocabulary, in any case (`Coaching`, `HIGH`), or `None` when empty.
fn named<T: std::str::FromStr<Err = String>>(t: &Table<'_>, column: Column) -> Result<Option<T>> {
    match t.get(column) {
        "" => Ok(None),
        text => text.to_lowercase().parse().map(Some).map_err(|e| t.error(column, e)),
    }
}

/// A level on the scale. A half level (`2.5`) is refused rather than rounded: which way it
/// goes decides whether the pair is a gap, and that is the client's call, not Trellis's.
fn level(t: &Table<'_>, column: Column, scale: &Scale) -> Result<Option<i64>> {
    let value = t.whole(column, "a whole level (round a half level such as 2.5 up or down in the file)")?;
    if let Some(v) = value.filter(|v| !scale.contains(*v)) {
        return Err(t.error(column, format!("{v} is outside the scale {}..={}", scale.min, scale.max)));
    }
    Ok(value)
}

/// The csv files of a model, as (file name, contents), in canonical order.
pub fn export(model: &Model) -> Vec<(&'static str, String)> {
    let mut m = model.clone();
    m.normalize();
    let opt = |v: Option<i64>| v.map(|v| v.to_string()).unwrap_or_default();
    let rows: [Vec<Vec<String>>; 8] = [
        m.roles
            .iter()
            .map(|r| {
                vec![
                    r.id.clone(),
                    r.name.clone(),
                    r.description.clone(),
                    r.group.clone(),
                    r.headcount.to_string(),
                    join_refs(&r.refs),
                ]
            })
            .collect(),
        m.competencies
            .iter()
            .map(|c| {
                vec![
                    c.id.clone(),
                    c.name.clone(),
                    c.description.clone(),
                    c.category.clone(),
                    c.parent.clone().unwrap_or_default(),
                    join_refs(&c.refs),
                ]
            })
            .collect(),
        m.channels
            .iter()
            .map(|c| {
                vec![
                    c.id.clone(),
                    c.name.clone(),
                    c.kind.to_string(),
                    c.description.clone(),
                    opt(c.capacity),
                    opt(c.cohorts_per_year),
                    c.cost.map(|c| c.to_string()).unwrap_or_default(),
                    c.cost_basis.map(|b| b.to_string()).unwrap_or_default(),
                    c.hours.map(|h| h.to_string()).unwrap_or_default(),
                    c.evaluation_level.to_string(),
                ]
            })
            .collect(),
        m.requires
            .iter()
            .map(|r| {
                vec![
                    r.role.clone(),
                    r.competency.clone(),
                    r.target_level.to_string(),
                    opt(r.current_level),
                    r.criticality.to_string(),
                ]
            })
            .collect(),
        m.develops
            .iter()
            .map(|d| {
                let stages: Vec<&str> = d.stages.iter().map(|s| s.as_str()).collect();
                vec![d.channel.clone(), d.competency.clone(), stages.join(&REF_SEPARATOR.to_string())]
            })
            .collect(),
        m.reaches.iter().map(|r| vec![r.channel.clone(), r.role.clone()]).collect(),
        m.follows.iter().map(|f| vec![f.from.clone(), f.to.clone()]).collect(),
        m.prerequisites.iter().map(|p| vec![p.competency.clone(), p.requires.clone()]).collect(),
    ];
    FILES.iter().zip(rows).map(|((file, columns), rows)| (*file, table_text(columns, &rows))).collect()
}

fn join_refs(refs: &[String]) -> String {
    refs.join(&REF_SEPARATOR.to_string())
}

/// Writes the csv files into `dir`, made when missing; existing files of these names are replaced.
pub fn write_folder(model: &Model, dir: &Path) -> Result<Vec<PathBuf>> {
    std::fs::create_dir_all(dir).map_err(Error::io(dir))?;
    let mut written = Vec::new();
    for (file, text) in export(model) {
        let path = dir.join(file);
        std::fs::write(&path, text).map_err(Error::io(&path))?;
        written.push(path);
    }
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_one(file: &str, text: &str) -> Result<Increment> {
        let mut noop = |_: &super::super::Progress| {};
        let mut sink = ProgressSink::new(&mut noop);
        parse(&[(file, Source::new(file, text.as_bytes()))], &Model::default(), &mut sink)
    }

    #[test]
    fn a_role_file_with_defaults_reads() {
        let inc = parse_one("roles.csv", "id;name;refs\nr1;Sales rep;esco:a | onet:b\n").unwrap();
        let r = &inc.model.roles[0];
        assert_eq!((r.id.as_str(), r.headcount), ("r1", 1));
        assert_eq!(r.refs, ["esco:a", "onet:b"]);
    }

    #[test]
    fn bad_rows_name_file_line_and_field() {
        let cases = [
            ("roles.csv", "id,name,headcount\nr1,A,2\nr2,B,many\n", "roles.csv, line 3, field `headcount`"),
            ("roles.csv", "id,name\nr1,A\nr1,B\n", "roles.csv, line 3, field `id`"),
            ("roles.csv", "id,name,headcont\n", "unknown column `headcont`"),
            ("channels.csv", "id,name,kind\nc,C,wiki\n", "channels.csv, line 2, field `kind`"),
            ("requires.csv", "role,competency,target_level\nr,c,3\n", "requires.csv, line 2, field `role`"),
        ];
        for (file, text, expected) in cases {
            let err = parse_one(file, text).unwrap_err().to_string();
            assert!(err.contains(expected), "{file}: {err}");
        }
    }

    #[test]
    fn levels_outside_the_scale_are_refused_with_their_line() {
        let text = "id,name\nr,R\n";
        let roles = Source::new("roles.csv", text.as_bytes());
        let comps = Source::new("competencies.csv", b"id,name\nc,C\n");
        let reqs = Source::new("requires.csv", b"role,competency,target_level\nr,c,9\n");
        let mut noop = |_: &super::super::Progress| {};
        let mut sink = ProgressSink::new(&mut noop);
        let files = [("roles.csv", roles), ("competencies.csv", comps), ("requires.csv", reqs)];
        let err = parse(&files, &Model::default(), &mut sink).unwrap_err().to_string();
        assert!(err.contains("line 2, field `target_level`") && err.contains("outside"), "{err}");
    }

    #[test]
    fn quotes_commas_and_newlines_survive_export() {
        let mut m = Model::default();
        m.roles.push(Role {
            id: "r".into(),
            name: "A, \"quoted\"\nname".into(),
            description: String::new(),
            group: String::new(),
            headcount: 2,
            refs: vec![],
        });
        let files = export(&m);
        let inc = parse_one("roles.csv", &files[0].1).unwrap();
        assert_eq!(inc.model.roles, m.roles);
    }
}
