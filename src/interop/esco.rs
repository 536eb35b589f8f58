//! The ESCO importer: occupations become roles, skills competencies, occupation-skill relations requires, skill groups the hierarchy.

use super::esco_concepts::concepts;
pub use super::esco_concepts::id_of;
use super::increment::{Increment, Skipped};
use super::options::ImportOptions;
use super::progress::ProgressSink;
use super::source::{self, Dialect, Source, Table};
use crate::model::{Competency, Criticality, Model, Requires, Role, Scale};
use crate::{Error, ImportOption, Result};
use rustc_hash::FxHashMap;
use std::path::Path;

pub const OCCUPATIONS: &str = "occupations_en.csv";
pub const SKILLS: &str = "skills_en.csv";
pub const RELATIONS: &str = "occupationSkillRelations_en.csv";
pub const BROADER: &str = "broaderRelationsSkillPillar_en.csv";
pub const GROUPS: &str = "skillGroups_en.csv";

/// The files of an ESCO CSV export; the last two give the skill hierarchy.
#[derive(Debug, Clone, Copy)]
pub struct EscoFiles<'a> {
    pub occupations: Source<'a>,
    pub skills: Source<'a>,
    pub relations: Source<'a>,
    pub broader: Option<Source<'a>>,
    pub groups: Option<Source<'a>>,
}

/// Reads the ESCO CSV export in `dir`.
pub fn read(dir: &Path, options: &ImportOptions, scale: &Scale, progress: &mut ProgressSink<'_>) -> Result<Increment> {
    source::require_dir(dir)?;
    let required = |file: &str| -> Result<(String, Vec<u8>)> {
        let path = dir.join(file);
        Ok((path.display().to_string(), source::read_bytes(&path)?))
    };
    let (occupations, skills, relations) = (required(OCCUPATIONS)?, required(SKILLS)?, required(RELATIONS)?);
    let broader = source::read_optional(dir, BROADER)?;
    let groups = source::read_optional(dir, GROUPS)?;
    let files = EscoFiles {
        occupations: Source::new(&occupations.0, &occupations.1),
        skills: Source::new(&skills.0, &skills.1),
        relations: Source::new(&relations.0, &relations.1),
        broader: broader.as_ref().map(|(n, b)| Source::new(n, b)),
        groups: groups.as_ref().map(|(n, b)| Source::new(n, b)),
    };
    parse(&files, options, scale, progress)
}

/// Parses an ESCO export held in memory.
pub fn parse(
    files: &EscoFiles<'_>,
    options: &ImportOptions,
    scale: &Scale,
    progress: &mut ProgressSink<'_>,
) -> Result<Increment> {
    let target_level = options.target_level.unwrap_or_else(|| scale.midpoint());
    if !scale.contains(target_level) {
        let problem = format!("{target_level} is outside the engagement's scale {}..={}", scale.min, scale.max);
        return Err(Error::Option { option: ImportOption::TargetLevel, problem });
    }
    let mut skipped = Skipped::default();

    // Occupations, and which of them the selection picks.
    let mut chosen: Vec<bool> = Vec::new();
    let mut isco: Vec<String> = Vec::new();
    let (occupations, occupation_at) = concepts(files.occupations, progress, |t| {
        let uri = t.get(t.optional("conceptUri"));
        let group = t.get(t.optional("iscoGroup"));
        let alt = t.get(t.optional("altLabels"));
        let label = t.get(t.optional("preferredLabel"));
        let pick = !options.selects()
            || options.occupations.iter().any(|o| o == uri)
            || options.isco.iter().any(|p| group.starts_with(p.as_str()))
            || options.label_matches(std::iter::once(label).chain(alt.lines()));
        chosen.push(pick);
        isco.push(group.to_owned());
        Ok(pick)
    })?;
    if let Some(missing) = options.occupations.iter().find(|o| !occupation_at.contains_key(o.as_str())) {
        return Err(Error::Refused(format!("no occupation `{missing}` in {}", files.occupations.name)));
    }
    if !chosen.contains(&true) {
        return Err(Error::Refused(format!("the selection matches no occupation in {}", files.occupations.name)));
    }

    let (skills, skill_at) = concepts(files.skills, progress, |_| Ok(true))?;
    let links = relations(files.relations, &occupation_at, &chosen, &skill_at, progress, &mut skipped)?;

    // The skills that come along: all, or those the chosen occupations require.
    let mut included = vec![!options.selects(); skills.len()];
    for link in &links {
        included[link.skill] = true;
    }
    let mut model = Model::default();
    for (i, o) in occupations.iter().enumerate().filter(|(i, _)| chosen[*i]) {
        model.roles.push(Role {
            id: id_of(&o.uri),
            name: o.label.clone(),
            description: o.description.clone(),
            group: if isco[i].is_empty() { String::new() } else { format!("ISCO {}", isco[i]) },
            headcount: 1,
            refs: vec![format!("esco:{}", o.uri)],
        });
    }
    for (s, _) in skills.iter().zip(&included).filter(|(_, inc)| **inc) {
        model.competencies.push(Competency {
            id: id_of(&s.uri),
            name: s.label.clone(),
            description: s.description.clone(),
            category: String::new(),
            parent: None,
            refs: vec![format!("esco:{}", s.uri)],
        });
    }
    match (files.broader, files.groups) {
        (Some(broader), Some(groups)) => {
            super::esco_hierarchy::attach(&mut model, broader, groups, &skill_at, progress, &mut skipped)?
        }
        (Some(_), None) => skipped.add(format!("skill hierarchy: {BROADER} without {GROUPS}")),
        (None, Some(_)) => skipped.add(format!("skill hierarchy: {GROUPS} without {BROADER}")),
        (None, None) => {}
    }
    model.requires = links
        .iter()
        .map(|l| Requires {
            role: id_of(&occupations[l.occupation].uri),
            competency: id_of(&skills[l.skill].uri),
            target_level,
            current_level: None,
            criticality: l.criticality,
        })
        .collect();
    Ok(Increment::by_refs(model, false, skipped))
}

/// One occupation-skill link, by position in the occupation and skill lists.
struct Link {
    occupation: usize,
    skill: usize,
    criticality: Criticality,
}

fn relations(
    source: Source<'_>,
    occupation_at: &FxHashMap<String, usize>,
    chosen: &[bool],
    skill_at: &FxHashMap<String, usize>,
    progress: &mut ProgressSink<'_>,
    skipped: &mut Skipped,
) -> Result<Vec<Link>> {
    progress.start(format!("reading {}", source.name), source.bytes.len() as u64);
    let mut t = Table::new(source, Dialect::Spreadsheet)?;
    let (occ, kind, skill) = (t.column("occupationUri")?, t.column("relationType")?, t.column("skillUri")?);
    let mut links: Vec<Link> = Vec::new();
    let mut at: FxHashMap<(usize, usize), usize> = FxHashMap::default();
    while t.next_row()? {
        let criticality = match t.required(kind)? {
            "essential" => Criticality::High,
            "optional" => Criticality::Medium,
            other => return Err(t.error(kind, format!("`{other}` is not `essential` or `optional`"))),
        };
        let (o, s) = (t.required(occ)?, t.required(skill)?);
        progress.advance(t.position());
        let Some(&o) = occupation_at.get(o) else {
            skipped.add(format!("links to occupations not in {OCCUPATIONS}"));
            continue;
        };
        let Some(&s) = skill_at.get(s) else {
            skipped.add(format!("links to skills not in {SKILLS}"));
            continue;
        };
        if !chosen[o] {
            continue;
        }
        match at.get(&(o, s)) {
            Some(&i) => {
                skipped.add("occupation-skill pairs listed twice (merged, keeping the stronger)");
                links[i].criticality = links[i].criticality.max(criticality);
            }
            None => {
                at.insert((o, s), links.len());
                links.push(Link { occupation: o, skill: s, criticality });
            }
        }
    }
    progress.finish();
    Ok(links)
}
