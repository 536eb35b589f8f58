//! CASE import on the shared OpenSALT packages: items, parents and prerequisites checked against the JSON read independently, the 2016 package, re-imports and malformed input.

use crate::shared_data;

use serde_json::Value;
use shared_data::{dir, empty_engagement, no_progress};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;
use trellis::api::Session;
use trellis::interop::{ImportFormat, ImportOptions};
use trellis::model::Prerequisite;

/// What the package says, read with serde_json alone: items, child -> parent (items only),
/// prerequisite pairs (competency, requires) and the other association types counted.
struct Expected {
    items: BTreeMap<String, Value>,
    parents: BTreeMap<String, String>,
    prerequisites: BTreeSet<(String, String)>,
    others: BTreeMap<String, usize>,
}

fn expected(path: &Path) -> Expected {
    let doc: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let items: BTreeMap<String, Value> = doc["CFItems"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| (i["identifier"].as_str().unwrap().to_owned(), i.clone()))
        .collect();
    let mut e = Expected { items, parents: BTreeMap::new(), prerequisites: BTreeSet::new(), others: BTreeMap::new() };
    for a in doc["CFAssociations"].as_array().unwrap() {
        let from = a["originNodeURI"]["identifier"].as_str().unwrap().to_owned();
        let to = a["destinationNodeURI"]["identifier"].as_str().unwrap().to_owned();
        let both = e.items.contains_key(&from) && e.items.contains_key(&to);
        match a["associationType"].as_str().unwrap() {
            "isChildOf" if both => {
                e.parents.entry(from).or_insert(to);
            }
            "precedes" if both => {
                e.prerequisites.insert((to, from));
            }
            "isChildOf" | "precedes" => {}
            other => *e.others.entry(other.to_owned()).or_default() += 1,
        }
    }
    e
}

fn import(file: &str) -> Option<(tempfile::TempDir, Session, trellis::interop::ImportSummary, Expected)> {
    let path = dir("case")?.join(file);
    let tmp = tempfile::tempdir().unwrap();
    let engagement = empty_engagement(tmp.path(), "case.trellis");
    let mut s = Session::open(&engagement).unwrap();
    let summary = s.import(ImportFormat::Case, &path, &ImportOptions::default(), false, &mut no_progress()).unwrap();
    Some((tmp, s, summary, expected(&path)))
}

fn check_against_source(s: &Session, e: &Expected) {
    let m = s.model();
    assert_eq!(m.competencies.len(), e.items.len());
    for c in &m.competencies {
        let item = &e.items[&c.id];
        assert_eq!(c.refs[0], format!("case:{}", c.id));
        let full = item["fullStatement"].as_str().unwrap_or_default();
        match item["abbreviatedStatement"].as_str() {
            Some(abbreviated) => assert_eq!(c.name, abbreviated),
            None if full.chars().count() <= 80 => assert_eq!(c.name, full),
            None => {
                assert!(c.name.chars().count() <= 80 && c.name.ends_with('…'), "{}", c.name);
                assert_eq!(c.description, full, "the whole statement is kept");
            }
        }
        if let Some(code) = item["humanCodingScheme"].as_str() {
            assert!(c.refs.contains(&format!("case-code:{code}")), "{:?}", c.refs);
        }
        assert_eq!(c.parent.as_ref(), e.parents.get(&c.id), "parent of {}", c.id);
    }
    let prerequisites: BTreeSet<(String, String)> =
        m.prerequisites.iter().map(|p| (p.competency.clone(), p.requires.clone())).collect();
    assert_eq!(prerequisites, e.prerequisites);
    assert!(s.check().unwrap().is_sound());
}

#[test]
fn the_opensalt_framework_imports_items_parents_and_prerequisites() {
    let Some((_tmp, s, summary, e)) = import("opensalt-framework-20c5134f-what-standards-could-be.json") else {
        return;
    };
    assert_eq!(e.items.len(), 16);
    assert_eq!(e.parents.len(), 14, "two clusters hang from the document itself");
    assert_eq!(e.prerequisites.len(), 2, "one of three precedes leaves the package");
    check_against_source(&s, &e);
    let m = s.model();
    // 6.RP.A.1 precedes 6.RP.A.2: the second builds on the first.
    let code = |c: &str| m.competencies.iter().find(|x| x.refs.contains(&format!("case-code:CCSS.Math.Content.{c}")));
    let (a1, a2) = (code("6.RP.A.1").unwrap(), code("6.RP.A.2").unwrap());
    assert!(m.prerequisites.contains(&Prerequisite { competency: a2.id.clone(), requires: a1.id.clone() }));
    assert_eq!(a1.parent.as_deref(), Some(code("6.RP.A").unwrap().id.as_str()));
    assert_eq!((a1.category.as_str(), code("6.RP.A").unwrap().category.as_str()), ("Standard", "Cluster"));
    let text = summary.to_string();
    for (kind, n) in &e.others {
        assert!(text.contains(&format!("{n} {kind} associations (not imported)")), "{text}");
    }
    assert!(text.contains("1 precedes associations with an end outside the package"), "{text}");
}

#[test]
fn the_small_packages_and_the_2016_package_import_too() {
    for (file, items) in [("Ordering.json", 28), ("SmartLevelFramework.json", 14), ("ccss_math_cfs_sample.json", 703)] {
        let Some((_tmp, s, _, e)) = import(file) else { return };
        assert_eq!(e.items.len(), items, "{file}");
        check_against_source(&s, &e);
    }
    let Some((_tmp, s, _, _)) = import("Ordering.json") else { return };
    let geometry = s.model().competencies.iter().find(|c| c.refs.contains(&"case-code:H.A.MATH.GM".to_owned()));
    assert_eq!(geometry.unwrap().name, "Geometry and Measurement");
}

#[test]
fn importing_again_changes_nothing() {
    let Some(path) = dir("case").map(|d| d.join("opensalt-framework-20c5134f-what-standards-could-be.json")) else {
        return;
    };
    let tmp = tempfile::tempdir().unwrap();
    let engagement = empty_engagement(tmp.path(), "e.trellis");
    let mut s = Session::open(&engagement).unwrap();
    s.import(ImportFormat::Case, &path, &ImportOptions::default(), false, &mut no_progress()).unwrap();
    let again = s.import(ImportFormat::Case, &path, &ImportOptions::default(), false, &mut no_progress()).unwrap();
    assert_eq!(again.total_changes(), 0, "{again}");
    let counts: HashMap<&str, usize> =
        again.kinds.iter().map(|(k, c)| (*k, c.added + c.updated + c.unchanged)).collect();
    assert_eq!(counts["competencies"], 16);
}

#[test]
fn malformed_packages_are_errors_that_write_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let engagement = empty_engagement(tmp.path(), "e.trellis");
    let mut s = Session::open(&engagement).unwrap();
    for (text, expected) in [
        ("{\"CFItems\": [", "line 1"),
        ("{\"CFItems\": [{\"identifier\": 7}]}", "CFItems[0].identifier"),
        ("{\"CFDocument\": {}, \"CFItems\": [{\"identifier\": \"a\"}]}", "CFItems[0].fullStatement"),
        ("\u{feff}{\"roles\": []}", "not a CASE package"),
    ] {
        let file = tmp.path().join("bad.json");
        std::fs::write(&file, text).unwrap();
        let err =
            s.import(ImportFormat::Case, &file, &ImportOptions::default(), false, &mut no_progress()).unwrap_err();
        assert_eq!(err.code(), "parse");
        assert!(err.to_string().contains("bad.json") && err.to_string().contains(expected), "{err}");
    }
    // A package whose parents loop is refused by validation, naming the competency.
    let looped = r#"{"CFDocument": {"identifier": "d"}, "CFItems": [
        {"identifier": "a", "fullStatement": "A"}, {"identifier": "b", "fullStatement": "B"}],
        "CFAssociations": [
        {"associationType": "isChildOf", "originNodeURI": {"identifier": "a"}, "destinationNodeURI": {"identifier": "b"}},
        {"associationType": "isChildOf", "originNodeURI": {"identifier": "b"}, "destinationNodeURI": {"identifier": "a"}}]}"#;
    let file = tmp.path().join("loop.json");
    std::fs::write(&file, looped).unwrap();
    let err = s.import(ImportFormat::Case, &file, &ImportOptions::default(), false, &mut no_progress()).unwrap_err();
    assert_eq!(err.code(), "invalid");
    assert!(err.to_string().contains("loops"), "{err}");
    assert!(s.model().competencies.is_empty());
}

/// An engagement of the consultant's own (ids that are not UUIDs, no `case:` refs) with a parent.
fn own_engagement(dir: &Path) -> std::path::PathBuf {
    let path = dir.join("own.trellis");
    let mut model = trellis::model::Model::default();
    model.engagement.name = "Own".into();
    model.engagement.created = "2026-03-01".into();
    for (id, parent) in [("data-literacy", None), ("spreadsheets", Some("data-literacy"))] {
        model.competencies.push(trellis::model::Competency {
            id: id.into(),
            name: id.replace('-', " "),
            description: String::new(),
            category: String::new(),
            parent: parent.map(Into::into),
            refs: Vec::new(),
        });
    }
    trellis::store::Store::create(&path, &model).unwrap();
    path
}

/// Every `identifier` in upper case, as some CASE servers write UUIDs.
fn upper_case_identifiers(v: &mut Value) {
    match v {
        Value::Object(o) => {
            for (k, x) in o.iter_mut() {
                match x {
                    Value::String(s) if k == "identifier" => *s = s.to_uppercase(),
                    _ => upper_case_identifiers(x),
                }
            }
        }
        Value::Array(a) => a.iter_mut().for_each(upper_case_identifiers),
        _ => {}
    }
}

#[test]
fn importing_the_engagements_own_case_export_adds_no_copies() {
    let tmp = tempfile::tempdir().unwrap();
    let mut s = Session::open(&own_engagement(tmp.path())).unwrap();
    let before = s.model().competencies.clone();
    let text = s.export_text(trellis::interop::ExportFormat::Case).unwrap();
    // Another tool may hand it back with upper-case UUIDs.
    let mut upper: Value = serde_json::from_str(&text).unwrap();
    upper_case_identifiers(&mut upper);
    for (name, text) in [("export.json", text), ("upper.json", upper.to_string())] {
        let file = tmp.path().join(name);
        std::fs::write(&file, &text).unwrap();
        let summary =
            s.import(ImportFormat::Case, &file, &ImportOptions::default(), false, &mut no_progress()).unwrap();
        let ids: Vec<&str> = s.model().competencies.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ids, ["data-literacy", "spreadsheets"], "{name}: {summary}");
        assert_eq!(s.model().competencies[1].parent.as_deref(), Some("data-literacy"), "{name}");
    }
    assert_eq!(s.model().competencies[0].name, before[0].name);
}

#[test]
fn upper_case_uuids_in_associations_keep_the_hierarchy_and_a_twice_listed_item_is_merged() {
    let Some(path) = dir("case").map(|d| d.join("opensalt-framework-20c5134f-what-standards-could-be.json")) else {
        return;
    };
    let mut doc: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    upper_case_identifiers(&mut doc["CFAssociations"]);
    let items = doc["CFItems"].as_array_mut().unwrap();
    let mut again = items[3].clone();
    again["fullStatement"] = Value::String("A different statement".into());
    let id = again["identifier"].as_str().unwrap().to_owned();
    items.push(again);
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("changed.json");
    std::fs::write(&file, serde_json::to_string(&doc).unwrap()).unwrap();
    let mut s = Session::open(&empty_engagement(tmp.path(), "e.trellis")).unwrap();
    let summary = s.import(ImportFormat::Case, &file, &ImportOptions::default(), false, &mut no_progress()).unwrap();
    check_against_source(&s, &expected(&path));
    assert!(
        summary.warnings.iter().any(|w| w.contains("changed.json") && w.contains(&id) && w.contains("fullStatement")),
        "{summary}"
    );
}
