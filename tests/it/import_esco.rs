//! ESCO import on the real v1.2.0 export: counts and values checked against the source files read independently, selections, the hierarchy and re-imports.

use crate::shared_data;

use shared_data::{csv_rows, dir, empty_engagement, no_progress};
use std::collections::{BTreeMap, HashMap, HashSet};
use trellis::api::Session;
use trellis::interop::{ImportFormat, ImportOptions};
use trellis::model::{Criticality, Model};

const BASE: &str = "http://data.europa.eu/esco/";

fn esco_ref(item_refs: &[String]) -> Option<&str> {
    item_refs.iter().find_map(|r| r.strip_prefix("esco:"))
}

/// Imports into an engagement file, end to end: read, merge, validate, save.
fn import(options: &ImportOptions) -> Option<(tempfile::TempDir, Session, trellis::interop::ImportSummary)> {
    let data = dir("esco")?;
    let tmp = tempfile::tempdir().unwrap();
    let path = empty_engagement(tmp.path(), "esco.trellis");
    let mut s = Session::open(&path).unwrap();
    let summary = s.import(ImportFormat::Esco, &data, options, false, &mut no_progress()).unwrap();
    Some((tmp, s, summary))
}

/// Reads and merges into a model in memory only (the file is tested above; this is quicker).
fn import_in_memory(options: &ImportOptions) -> Option<Model> {
    let data = dir("esco")?;
    let mut model = Model::default();
    let increment = trellis::interop::read(ImportFormat::Esco, &data, options, &model, &mut no_progress()).unwrap();
    trellis::interop::apply(&mut model, increment);
    assert!(trellis::model::validate(&model).is_empty());
    Some(model)
}

#[test]
fn the_whole_export_imports_with_the_counts_of_the_source() {
    let Some(data) = dir("esco") else { return };
    let occupations = csv_rows(&data.join("occupations_en.csv"));
    let skills = csv_rows(&data.join("skills_en.csv"));
    let relations = csv_rows(&data.join("occupationSkillRelations_en.csv"));
    // The figures the issue gives, so that a change in the data is noticed too.
    assert_eq!((occupations.len(), skills.len(), relations.len()), (3_039, 13_492, 129_004));
    let mut pairs: HashMap<(&str, &str), Vec<&str>> = HashMap::new();
    for r in &relations {
        pairs.entry((&r["occupationUri"], &r["skillUri"])).or_default().push(&r["relationType"]);
    }
    let twice: Vec<_> = pairs.iter().filter(|(_, kinds)| kinds.len() == 2).collect();
    assert_eq!(twice.len(), 17);

    let Some((_tmp, s, summary)) = import(&ImportOptions::default()) else { return };
    let m = s.model();
    assert_eq!(m.roles.len(), occupations.len());
    let skill_uris: HashSet<&str> = skills.iter().map(|s| s["conceptUri"].as_str()).collect();
    let skill_comps: Vec<_> =
        m.competencies.iter().filter(|c| esco_ref(&c.refs).is_some_and(|u| skill_uris.contains(u))).collect();
    assert_eq!(skill_comps.len(), skills.len());
    assert_eq!(m.requires.len(), pairs.len());
    assert_eq!(m.requires.len(), 129_004 - 17);
    let skipped = summary.skipped.join("\n");
    assert!(skipped.contains("17 occupation-skill pairs listed twice"), "{skipped}");

    // Essential is high, optional medium, a pair listed twice keeps the stronger; the target
    // is the scale's midpoint (3 on 0..5).
    let role_of: HashMap<&str, &str> = m.roles.iter().map(|r| (esco_ref(&r.refs).unwrap(), r.id.as_str())).collect();
    let comp_of: HashMap<&str, &str> =
        m.competencies.iter().map(|c| (esco_ref(&c.refs).unwrap(), c.id.as_str())).collect();
    let requires: HashMap<(&str, &str), &trellis::model::Requires> =
        m.requires.iter().map(|r| ((r.role.as_str(), r.competency.as_str()), r)).collect();
    for ((occ, skill), kinds) in &pairs {
        let r = requires[&(role_of[occ], comp_of[skill])];
        let expected = if kinds.contains(&"essential") { Criticality::High } else { Criticality::Medium };
        assert_eq!(r.criticality, expected, "{occ} {skill}");
        assert_eq!((r.target_level, r.current_level), (3, None));
    }

    // Spot values: technical director, with its label, description and URI ref.
    let td = m.roles.iter().find(|r| r.refs[0].ends_with("00030d09-2b3a-4efd-87cc-c4ea39d27c34")).unwrap();
    assert_eq!((td.name.as_str(), td.group.as_str(), td.headcount), ("technical director", "ISCO 2654", 1));
    assert!(td.description.starts_with("Technical directors realise the artistic visions"), "{}", td.description);
    assert_eq!(td.id, "occupation/00030d09-2b3a-4efd-87cc-c4ea39d27c34");
    assert!(trellis::model::validate(m).is_empty());
    assert!(s.check().unwrap().is_sound());
}

#[test]
fn skills_hang_under_their_first_broader_group_and_take_the_top_groups_label() {
    let Some(data) = dir("esco") else { return };
    let groups: HashMap<String, String> = csv_rows(&data.join("skillGroups_en.csv"))
        .into_iter()
        .map(|g| (g["conceptUri"].clone(), g["preferredLabel"].clone()))
        .collect();
    let mut broader: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for b in csv_rows(&data.join("broaderRelationsSkillPillar_en.csv")) {
        broader.entry(b["conceptUri"].clone()).or_default().push(b["broaderUri"].clone());
    }
    let first_group =
        |uri: &str| -> Option<String> { broader.get(uri)?.iter().filter(|b| groups.contains_key(*b)).min().cloned() };
    let top = |uri: &str| -> String {
        let mut at = uri.to_owned();
        let mut seen = HashSet::new();
        while let Some(up) = first_group(&at) {
            if !seen.insert(up.clone()) {
                break;
            }
            at = up;
        }
        groups[&at].clone()
    };

    let Some(m) = import_in_memory(&ImportOptions::default()) else { return };
    let m = &m;
    let by_id: HashMap<&str, &trellis::model::Competency> = m.competencies.iter().map(|c| (c.id.as_str(), c)).collect();
    let mut group_items = 0;
    for c in &m.competencies {
        let uri = esco_ref(&c.refs).unwrap();
        if groups.contains_key(uri) {
            group_items += 1;
        }
        let expected = first_group(uri);
        let parent_uri = c.parent.as_ref().map(|p| esco_ref(&by_id[p.as_str()].refs).unwrap().to_owned());
        assert_eq!(parent_uri, expected, "parent of {uri}");
        if let Some(group) = expected {
            assert_eq!(c.category, top(&group), "category of {uri}");
        }
        // The other broader concepts are kept as refs that inform but do not identify.
        let others = broader.get(uri).map_or(0, |l| l.iter().collect::<HashSet<_>>().len());
        let kept = c.refs.iter().filter(|r| r.starts_with("esco-broader:")).count();
        assert_eq!(kept + c.parent.is_some() as usize, others, "broader refs of {uri}");
    }
    assert!(group_items > 0 && group_items <= groups.len(), "{group_items}");
    // skillSkillRelations are not prerequisites.
    assert!(m.prerequisites.is_empty());
    let category = |name: &str| m.competencies.iter().find(|c| c.name == name).unwrap().category.clone();
    assert_eq!(category("Haskell"), "knowledge");
    assert_eq!(category("manage musical staff"), "skills");
    let parent = m.competencies.iter().find(|c| c.name == "Haskell").unwrap().parent.clone().unwrap();
    assert_eq!(m.competency(&parent).unwrap().name, "software and applications development and analysis");
}

#[test]
fn an_isco_selection_brings_only_the_skills_its_occupations_require() {
    let Some(data) = dir("esco") else { return };
    let occupations: Vec<_> =
        csv_rows(&data.join("occupations_en.csv")).into_iter().filter(|o| o["iscoGroup"].starts_with("2654")).collect();
    let chosen: HashSet<&str> = occupations.iter().map(|o| o["conceptUri"].as_str()).collect();
    let relations = csv_rows(&data.join("occupationSkillRelations_en.csv"));
    let pairs: HashSet<(&str, &str)> = relations
        .iter()
        .filter(|r| chosen.contains(r["occupationUri"].as_str()))
        .map(|r| (r["occupationUri"].as_str(), r["skillUri"].as_str()))
        .collect();
    let skills: HashSet<&str> = pairs.iter().map(|(_, s)| *s).collect();

    let options = ImportOptions { isco: vec!["2654".into()], target_level: Some(4), ..ImportOptions::default() };
    let Some((_tmp, s, _)) = import(&options) else { return };
    let m = s.model();
    assert_eq!(m.roles.len(), chosen.len());
    assert_eq!(m.requires.len(), pairs.len());
    assert!(m.requires.iter().all(|r| r.target_level == 4));
    let all_skills: HashSet<String> =
        csv_rows(&data.join("skills_en.csv")).into_iter().map(|s| s["conceptUri"].clone()).collect();
    let imported_skills: HashSet<&str> =
        m.competencies.iter().filter_map(|c| esco_ref(&c.refs)).filter(|u| all_skills.contains(*u)).collect();
    assert_eq!(imported_skills.len(), skills.len());
    assert!(imported_skills == skills, "the skills imported are not those required");
    // The rest are the skill groups above them.
    assert!(m.competencies.len() > skills.len());
}

#[test]
fn occupation_and_search_selections_and_their_refusals() {
    let Some(data) = dir("esco") else { return };
    let uri = format!("{BASE}occupation/00030d09-2b3a-4efd-87cc-c4ea39d27c34");
    let tmp = tempfile::tempdir().unwrap();
    let path = empty_engagement(tmp.path(), "e.trellis");
    let mut s = Session::open(&path).unwrap();
    let one = ImportOptions { occupations: vec![uri.clone()], ..ImportOptions::default() };
    s.import(ImportFormat::Esco, &data, &one, false, &mut no_progress()).unwrap();
    assert_eq!(s.model().roles.len(), 1);
    assert_eq!(s.model().roles[0].name, "technical director");

    // Search matches preferred and alternative labels, in any case.
    let search = ImportOptions { search: Some("TECHNICAL DIRECTOR".into()), ..ImportOptions::default() };
    let summary = s.import(ImportFormat::Esco, &data, &search, true, &mut no_progress()).unwrap();
    assert!(summary.to_string().contains("roles: "), "{summary}");
    let occupations = csv_rows(&data.join("occupations_en.csv"));
    let expected = occupations
        .iter()
        .filter(|o| {
            std::iter::once(o["preferredLabel"].as_str())
                .chain(o["altLabels"].lines())
                .any(|l| l.to_lowercase().contains("technical director"))
        })
        .count();
    let roles = summary.kinds.iter().find(|(k, _)| *k == "roles").unwrap().1;
    assert_eq!(roles.added + roles.unchanged + roles.updated, expected);
    assert_eq!(s.model().roles.len(), 1, "a dry run writes nothing");

    for (options, needle) in [
        (ImportOptions { occupations: vec![format!("{BASE}occupation/nope")], ..ImportOptions::default() }, "nope"),
        (
            ImportOptions { search: Some("zzzz-no-such-job".into()), ..ImportOptions::default() },
            "matches no occupation",
        ),
        (ImportOptions { target_level: Some(9), ..ImportOptions::default() }, "outside"),
        (ImportOptions { soc: vec!["15".into()], ..ImportOptions::default() }, "`soc`"),
    ] {
        let err = s.import(ImportFormat::Esco, &data, &options, false, &mut no_progress()).unwrap_err();
        assert_eq!(err.code(), "refused");
        assert!(err.to_string().contains(needle), "{err}");
    }
}

#[test]
fn importing_again_updates_by_ref_and_keeps_the_consultants_values() {
    let Some(data) = dir("esco") else { return };
    let tmp = tempfile::tempdir().unwrap();
    let path = empty_engagement(tmp.path(), "e.trellis");
    let mut s = Session::open(&path).unwrap();
    let options = ImportOptions { isco: vec!["2654".into()], ..ImportOptions::default() };
    s.import(ImportFormat::Esco, &data, &options, false, &mut no_progress()).unwrap();
    let first = s.model().clone();

    let again = s.import(ImportFormat::Esco, &data, &options, false, &mut no_progress()).unwrap();
    assert_eq!(again.total_changes(), 0, "{again}");
    assert_eq!(s.model(), &first);

    // The consultant renames ids and sets headcounts and current levels through the interchange;
    // the import finds the items by their esco: refs and keeps what ESCO does not know.
    let mut edited: Model = first.clone();
    let old_id = edited.roles[0].id.clone();
    edited.roles[0].id = "my-director".into();
    edited.roles[0].headcount = 12;
    for r in edited.requires.iter_mut().filter(|r| r.role == old_id) {
        r.role = "my-director".into();
        r.current_level = Some(1);
    }
    let reopened = tmp.path().join("edited.trellis");
    trellis::store::Store::create(&reopened, &edited).unwrap();
    let mut s = Session::open(&reopened).unwrap();
    let summary = s.import(ImportFormat::Esco, &data, &options, false, &mut no_progress()).unwrap();
    assert_eq!(summary.total_changes(), 0, "{summary}");
    let m = s.model();
    assert_eq!(m.roles.len(), first.roles.len());
    let mine = m.role("my-director").unwrap();
    assert_eq!(mine.headcount, 12);
    assert!(m.requires.iter().filter(|r| r.role == "my-director").all(|r| r.current_level == Some(1)));
}

#[test]
fn a_bad_row_names_file_line_and_field_and_writes_nothing() {
    let Some(data) = dir("esco") else { return };
    let tmp = tempfile::tempdir().unwrap();
    let broken = tmp.path().join("esco");
    std::fs::create_dir(&broken).unwrap();
    for f in ["occupations_en.csv", "skills_en.csv"] {
        std::fs::copy(data.join(f), broken.join(f)).unwrap();
    }
    let relations = std::fs::read_to_string(data.join("occupationSkillRelations_en.csv")).unwrap();
    let mut lines: Vec<String> = relations.lines().take(50).map(str::to_owned).collect();
    lines[40] = lines[40].replace("essential", "vital").replace("optional", "vital");
    std::fs::write(broken.join("occupationSkillRelations_en.csv"), lines.join("\n")).unwrap();

    let path = empty_engagement(tmp.path(), "e.trellis");
    let mut s = Session::open(&path).unwrap();
    let before = s.export_json();
    let err = s.import(ImportFormat::Esco, &broken, &ImportOptions::default(), false, &mut no_progress()).unwrap_err();
    let message = err.to_string();
    assert!(message.contains("occupationSkillRelations_en.csv, line 41, field `relationType`"), "{message}");
    assert!(message.contains("vital"), "{message}");
    assert_eq!(Session::open(&path).unwrap().export_json(), before);

    // Without the hierarchy files, skills come flat.
    std::fs::write(broken.join("occupationSkillRelations_en.csv"), lines[..40].join("\n")).unwrap();
    s.import(ImportFormat::Esco, &broken, &ImportOptions::default(), false, &mut no_progress()).unwrap();
    assert!(s.model().competencies.iter().all(|c| c.parent.is_none() && c.category.is_empty()));
    assert_eq!(s.model().requires.len(), 39);
}

#[test]
fn progress_is_reported_for_each_file() {
    let Some(data) = dir("esco") else { return };
    let tmp = tempfile::tempdir().unwrap();
    let path = empty_engagement(tmp.path(), "e.trellis");
    let mut s = Session::open(&path).unwrap();
    let mut steps: Vec<String> = Vec::new();
    let mut last = (String::new(), 0u64, 0u64);
    let options = ImportOptions { isco: vec!["2654".into()], ..ImportOptions::default() };
    s.import(ImportFormat::Esco, &data, &options, true, &mut |p| {
        if steps.last() != Some(&p.step) {
            steps.push(p.step.clone());
        }
        last = (p.step.clone(), p.done, p.total);
    })
    .unwrap();
    assert!(steps.iter().any(|s| s.contains("occupationSkillRelations_en.csv")), "{steps:?}");
    assert_eq!(steps.len(), 5, "{steps:?}");
    assert_eq!(last.1, last.2, "the last step ends complete");
}
