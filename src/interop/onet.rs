//! The O*NET importer: occupations become roles, skill and knowledge elements competencies, rated pairs requires.

use super::increment::{Increment, Skipped};
use super::options::{ImportOptions, DEFAULT_MIN_IMPORTANCE};
use super::progress::ProgressSink;
use super::source::{self, Dialect, Source, Table};
use crate::model::{Competency, Criticality, Model, Requires, Role, Scale};
use crate::{Error, Result};
use rustc_hash::FxHashMap;
use std::path::Path;

pub const OCCUPATIONS: &str = "Occupation Data.txt";
pub const SKILLS: &str = "Skills.txt";
pub const KNOWLEDGE: &str = "Knowledge.txt";
pub const CONTENT_MODEL: &str = "Content Model Reference.txt";

/// The top of O*NET's level scale (LV runs 0-7).
const LEVEL_MAX: f64 = 7.0;

/// The O*NET database text files an import reads; skills and knowledge may each be missing.
#[derive(Debug, Clone, Copy)]
pub struct OnetFiles<'a> {
    pub occupations: Source<'a>,
    pub skills: Option<Source<'a>>,
    pub knowledge: Option<Source<'a>>,
    pub content_model: Option<Source<'a>>,
}

/// Reads the O*NET text files in `dir`.
pub fn read(dir: &Path, options: &ImportOptions, scale: &Scale, progress: &mut ProgressSink<'_>) -> Result<Increment> {
    source::require_dir(dir)?;
    let occupations = dir.join(OCCUPATIONS);
    let occupations = (occupations.display().to_string(), source::read_bytes(&occupations)?);
    let skills = source::read_optional(dir, SKILLS)?;
    let knowledge = source::read_optional(dir, KNOWLEDGE)?;
    let content = source::read_optional(dir, CONTENT_MODEL)?;
    let files = OnetFiles {
        occupations: Source::new(&occupations.0, &occupations.1),
        skills: skills.as_ref().map(|(n, b)| Source::new(n, b)),
        knowledge: knowledge.as_ref().map(|(n, b)| Source::new(n, b)),
        content_model: content.as_ref().map(|(n, b)| Source::new(n, b)),
    };
    parse(&files, options, scale, progress)
}

/// The criticality an importance rating gives: IM 4+ high, 3+ medium, else low.
pub fn criticality(importance: f64) -> Criticality {
    if importance >= 4.0 {
        Criticality::High
    } else if importance >= 3.0 {
        Criticality::Medium
    } else {
        Criticality::Low
    }
}

/// The target level an O*NET level gives on `scale`: round(LV / 7 x max), kept on the scale.
pub fn target_level(level: f64, scale: &Scale) -> i64 {
    let t = (level / LEVEL_MAX * scale.max as f64).round();
    (t as i64).clamp(scale.min, scale.max)
}

struct Occupation {
    code: String,
    title: String,
    description: String,
    chosen: bool,
}

/// One (occupation, element) pair with its ratings and flags.
struct Pair {
    occupation: usize,
    element: usize,
    importance: Option<f64>,
    level: Option<f64>,
    suppressed: bool,
    not_relevant: bool,
}

/// A skill or knowledge element.
struct Element {
    id: String,
    name: String,
    category: &'static str,
}

/// Parses O*NET text files held in memory.
pub fn parse(
    files: &OnetFiles<'_>,
    options: &ImportOptions,
    scale: &Scale,
    progress: &mut ProgressSink<'_>,
) -> Result<Increment> {
    let min_importance = options.min_importance.unwrap_or(DEFAULT_MIN_IMPORTANCE);
    let (occupations, occupation_at) = read_occupations(files.occupations, options, progress)?;
    if !occupations.iter().any(|o| o.chosen) {
        return Err(Error::Refused(format!("the selection matches no occupation in {}", files.occupations.name)));
    }
    if files.skills.is_none() && files.knowledge.is_none() {
        return Err(files.occupations.error(format!("neither {SKILLS} nor {KNOWLEDGE} is beside it")));
    }
    let descriptions = match files.content_model {
        Some(source) => read_descriptions(source)?,
        None => FxHashMap::default(),
    };
    let mut skipped = Skipped::default();
    let mut elements: Vec<Element> = Vec::new();
    let mut pairs: Vec<Pair> = Vec::new();
    for (source, category) in [(files.skills, "Skills"), (files.knowledge, "Knowledge")] {
        let Some(source) = source else { continue };
        let mut reader = Ratings { occupations: &occupations, occupation_at: &occupation_at, category };
        reader.read(source, &mut elements, &mut pairs, progress, &mut skipped)?;
    }

    let mut model = Model::default();
    let mut role_used = vec![false; occupations.len()];
    let mut element_used = vec![false; elements.len()];
    for p in &pairs {
        let reason = if p.suppressed {
            Some("pairs flagged Recommend Suppress".to_owned())
        } else if p.not_relevant {
            Some("pairs flagged Not Relevant".to_owned())
        } else {
            match (p.importance, p.level) {
                (None, _) => Some("pairs without an importance (IM) rating".to_owned()),
                (Some(im), _) if im < min_importance => Some(format!("pairs of importance below {min_importance:?}")),
                (_, None) => Some("pairs without a level (LV) rating".to_owned()),
                _ => None,
            }
        };
        if let Some(reason) = reason {
            skipped.add(reason);
            continue;
        }
        let (Some(im), Some(lv)) = (p.importance, p.level) else { continue };
        role_used[p.occupation] = true;
        element_used[p.element] = true;
        model.requires.push(Requires {
            role: occupations[p.occupation].code.clone(),
            competency: elements[p.element].id.clone(),
            target_level: target_level(lv, scale),
            current_level: None,
            criticality: criticality(im),
        });
    }
    for (o, _) in occupations.iter().zip(&role_used).filter(|(_, used)| **used) {
        model.roles.push(Role {
            id: o.code.clone(),
            name: o.title.clone(),
            description: o.description.clone(),
            group: o.code.get(..2).map(|major| format!("SOC {major}")).unwrap_or_default(),
            headcount: 1,
            refs: vec![format!("onet:{}", o.code)],
        });
    }
    let unused = occupations.iter().zip(&role_used).filter(|(o, used)| o.chosen && !**used).count();
    skipped.add_many("occupations with no skill or knowledge pair kept", unused);
    for (e, _) in elements.iter().zip(&element_used).filter(|(_, used)| **used) {
        model.competencies.push(Competency {
            id: e.id.clone(),
            name: e.name.clone(),
            description: descriptions.get(&e.id).cloned().unwrap_or_default(),
            category: e.category.to_owned(),
            parent: None,
            refs: vec![format!("onet:{}", e.id)],
        });
    }
    Ok(Increment::by_refs(model, false, skipped))
}

fn read_occupations(
    source: Source<'_>,
    options: &ImportOptions,
    progress: &mut ProgressSink<'_>,
) -> Result<(Vec<Occupation>, FxHashMap<String, usize>)> {
    progress.start(format!("reading {}", source.name), source.bytes.len() as u64);
    let mut t = Table::new(source, Dialect::Tabs)?;
    let (code, title, description) = (t.column("O*NET-SOC Code")?, t.column("Title")?, t.optional("Description"));
    let mut list = Vec::new();
    let mut at: FxHashMap<String, usize> = FxHashMap::default();
    while t.next_row()? {
        let c = t.required(code)?;
        if at.contains_key(c) {
            return Err(t.error(code, format!("`{c}` is listed twice")));
        }
        let name = t.required(title)?;
        let chosen = !options.selects()
            || options.soc.iter().any(|p| c.starts_with(p.as_str()))
            || options.label_matches([name]);
        at.insert(c.to_owned(), list.len());
        list.push(Occupation {
            code: c.to_owned(),
            title: name.to_owned(),
            description: t.get(description).to_owned(),
            chosen,
        });
    }
    progress.finish();
    Ok((list, at))
}

fn read_descriptions(source: Source<'_>) -> Result<FxHashMap<String, String>> {
    let mut t = Table::new(source, Dialect::Tabs)?;
    let (id, description) = (t.column("Element ID")?, t.column("Description")?);
    let mut map = FxHashMap::default();
    while t.next_row()? {
        map.insert(t.required(id)?.to_owned(), t.get(description).to_owned());
    }
    Ok(map)
}

/// Reads one ratings file (Skills or Knowledge) into pairs.
struct Ratings<'o> {
    occupations: &'o [Occupation],
    occupation_at: &'o FxHashMap<String, usize>,
    category: &'static str,
}

impl Ratings<'_> {
    fn read(
        &mut self,
        source: Source<'_>,
        elements: &mut Vec<Element>,
        pairs: &mut Vec<Pair>,
        progress: &mut ProgressSink<'_>,
        skipped: &mut Skipped,
    ) -> Result<()> {
        progress.start(format!("reading {}", source.name), source.bytes.len() as u64);
        let mut t = Table::new(source, Dialect::Tabs)?;
        let code = t.column("O*NET-SOC Code")?;
        let (element, name, scale) = (t.column("Element ID")?, t.column("Element Name")?, t.column("Scale ID")?);
        let value = t.column("Data Value")?;
        let (suppress, not_relevant) = (t.optional("Recommend Suppress"), t.optional("Not Relevant"));
        let mut element_at: FxHashMap<String, usize> =
            elements.iter().enumerate().map(|(i, e)| (e.id.clone(), i)).collect();
        let mut pair_at: FxHashMap<(usize, usize), (usize, u64, u64)> = FxHashMap::default();
        while t.next_row()? {
            progress.advance(t.position());
            let c = t.required(code)?;
            let Some(&o) = self.occupation_at.get(c) else {
                skipped.add(format!("rating rows of occupations not in {OCCUPATIONS}"));
                continue;
            };
            let flags = (flag(&t, suppress)?, flag(&t, not_relevant)?);
            let scale_id = t.required(scale)?;
            if scale_id != "IM" && scale_id != "LV" {
                continue;
            }
            let rating = Some(t.number(value)?.ok_or_else(|| t.error(value, "must not be empty"))?);
            if !self.occupations[o].chosen {
                continue;
            }
            let id = t.required(element)?;
            let e = match element_at.get(id) {
                Some(&e) => e,
                None => {
                    element_at.insert(id.to_owned(), elements.len());
                    let category = self.category;
                    elements.push(Element { id: id.to_owned(), name: t.required(name)?.to_owned(), category });
                    elements.len() - 1
                }
            };
            let (p, im_line, lv_line) = pair_at.entry((o, e)).or_insert_with(|| {
                pairs.push(Pair {
                    occupation: o,
                    element: e,
                    importance: None,
                    level: None,
                    suppressed: false,
                    not_relevant: false,
                });
                (pairs.len() - 1, 0, 0)
            });
            let pair = &mut pairs[*p];
            pair.suppressed |= flags.0;
            pair.not_relevant |= flags.1;
            let (slot, line) =
                if scale_id == "IM" { (&mut pair.importance, im_line) } else { (&mut pair.level, lv_line) };
            if *line != 0 {
                let message = format!("a second {scale_id} rating for ({c}, {id}); the first is on line {line}");
                return Err(t.error(scale, message));
            }
            *slot = rating;
            *line = t.line();
        }
        progress.finish();
        Ok(())
    }
}

/// A Y/N flag; empty means no.
fn flag(t: &Table<'_>, column: super::source::Column) -> Result<bool> {
    match t.get(column) {
        "Y" => Ok(true),
        "N" | "" | "n/a" => Ok(false),
        other => Err(t.error(column, format!("`{other}` is not Y or N"))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn criticality_and_target_follow_the_issue() {
        assert_eq!(criticality(4.0), Criticality::High);
        assert_eq!(criticality(3.99), Criticality::Medium);
        assert_eq!(criticality(2.5), Criticality::Low);
        let scale = Scale::default();
        assert_eq!(target_level(4.62, &scale), 3); // 4.62 / 7 x 5 = 3.3
        assert_eq!(target_level(6.5, &scale), 5); // 4.64
        assert_eq!(target_level(0.0, &scale), 0);
        assert_eq!(target_level(9.0, &scale), 5, "kept on the scale");
    }
}
