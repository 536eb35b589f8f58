//! O*NET import on the real 29.x text files: kept pairs, roles and competencies counted independently from the source, spot values, options and malformed rows.

use crate::shared_data;

use shared_data::{dir, empty_engagement, no_progress, tsv_rows};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use trellis::api::Session;
use trellis::interop::{ImportFormat, ImportOptions};
use trellis::model::Criticality;

/// One (occupation, element) pair as the source gives it.
#[derive(Default)]
struct Pair {
    im: Option<f64>,
    lv: Option<f64>,
    flagged: bool,
}

/// The pairs of Skills.txt and Knowledge.txt, computed here without the importer.
fn source_pairs(data: &Path) -> BTreeMap<(String, String), Pair> {
    let mut pairs: BTreeMap<(String, String), Pair> = BTreeMap::new();
    for file in ["Skills.txt", "Knowledge.txt"] {
        for row in tsv_rows(&data.join(file)) {
            let p = pairs.entry((row["O*NET-SOC Code"].clone(), row["Element ID"].clone())).or_default();
            p.flagged |= row["Recommend Suppress"] == "Y" || row["Not Relevant"] == "Y";
            let value: f64 = row["Data Value"].parse().unwrap();
            match row["Scale ID"].as_str() {
                "IM" => p.im = Some(value),
                "LV" => p.lv = Some(value),
                _ => {}
            }
        }
    }
    pairs
}

fn kept<'p>(
    pairs: &'p BTreeMap<(String, String), Pair>,
    min: f64,
    soc: &str,
) -> Vec<(&'p String, &'p String, f64, f64)> {
    pairs
        .iter()
        .filter(|((code, _), p)| code.starts_with(soc) && !p.flagged && p.im.unwrap() >= min)
        .map(|((code, element), p)| (code, element, p.im.unwrap(), p.lv.unwrap()))
        .collect()
}

fn import(options: &ImportOptions) -> Option<(tempfile::TempDir, Session, trellis::interop::ImportSummary)> {
    let data = dir("onet")?;
    let tmp = tempfile::tempdir().unwrap();
    let path = empty_engagement(tmp.path(), "onet.trellis");
    let mut s = Session::open(&path).unwrap();
    let summary = s.import(ImportFormat::Onet, &data, options, false, &mut no_progress()).unwrap();
    Some((tmp, s, summary))
}

#[test]
fn the_database_imports_with_the_pairs_the_rules_keep() {
    let Some(data) = dir("onet") else { return };
    let pairs = source_pairs(&data);
    assert_eq!(pairs.len(), 30_765 + 29_007, "the README's row counts, two rows per pair");
    let kept = kept(&pairs, 3.0, "");
    let roles: BTreeSet<&String> = kept.iter().map(|k| k.0).collect();
    let elements: BTreeSet<&String> = kept.iter().map(|k| k.1).collect();

    let Some((_tmp, s, summary)) = import(&ImportOptions::default()) else { return };
    let m = s.model();
    assert_eq!(m.requires.len(), kept.len());
    assert_eq!(m.roles.len(), roles.len());
    assert_eq!(m.competencies.len(), elements.len());
    assert_eq!(m.competencies.iter().filter(|c| c.category == "Skills").count(), 35);
    assert_eq!(m.competencies.iter().filter(|c| c.category == "Knowledge").count(), 33);
    for (code, element, im, lv) in &kept {
        let r = m.requires.iter().find(|r| &&r.role == code && &&r.competency == element).unwrap();
        let expected = if *im >= 4.0 { Criticality::High } else { Criticality::Medium };
        assert_eq!(r.criticality, expected);
        assert_eq!(r.target_level, (lv / 7.0 * 5.0).round() as i64, "{code} {element}");
    }
    let text = summary.to_string();
    assert!(text.contains("pairs flagged Not Relevant") && text.contains("pairs of importance below 3.0"), "{text}");
    assert!(s.check().unwrap().is_sound());
}

#[test]
fn spot_values_of_chief_executives() {
    let Some((_tmp, s, _)) = import(&ImportOptions::default()) else { return };
    let m = s.model();
    let ceo = m.role("11-1011.00").unwrap();
    assert_eq!((ceo.name.as_str(), ceo.group.as_str()), ("Chief Executives", "SOC 11"));
    assert_eq!(ceo.refs, ["onet:11-1011.00"]);
    let need = |element: &str| m.requires.iter().find(|r| r.role == "11-1011.00" && r.competency == element);
    // Reading Comprehension: IM 4.12, LV 4.62 -> high, round(4.62 / 7 x 5) = 3.
    let reading = need("2.A.1.a").unwrap();
    assert_eq!((reading.criticality, reading.target_level), (Criticality::High, 3));
    // Administration and Management: IM 4.78, LV 6.5 -> high, 5.
    let admin = need("2.C.1.a").unwrap();
    assert_eq!((admin.criticality, admin.target_level), (Criticality::High, 5));
    // Administrative: IM 2.42 is below 3.0: left out.
    assert!(need("2.C.1.b").is_none());
    let comp = m.competency("2.A.1.a").unwrap();
    assert_eq!((comp.name.as_str(), comp.category.as_str()), ("Reading Comprehension", "Skills"));
    assert_eq!(comp.refs, ["onet:2.A.1.a"]);
    assert!(comp.description.contains("Understanding written sentences"), "{}", comp.description);
}

#[test]
fn options_select_occupations_and_move_the_importance_bar() {
    let Some(data) = dir("onet") else { return };
    let pairs = source_pairs(&data);
    let expected = kept(&pairs, 4.0, "15-");
    let options = ImportOptions { soc: vec!["15-".into()], min_importance: Some(4.0), ..ImportOptions::default() };
    let Some((_tmp, s, _)) = import(&options) else { return };
    let m = s.model();
    assert_eq!(m.requires.len(), expected.len());
    assert!(m.roles.iter().all(|r| r.id.starts_with("15-")));
    assert!(m.requires.iter().all(|r| r.criticality == Criticality::High));

    let low =
        ImportOptions { min_importance: Some(1.0), search: Some("chief exec".into()), ..ImportOptions::default() };
    let Some((_tmp, s, _)) = import(&low) else { return };
    let m = s.model();
    assert_eq!(m.roles.iter().map(|r| r.name.as_str()).collect::<Vec<_>>(), ["Chief Executives"]);
    assert!(m.requires.iter().any(|r| r.criticality == Criticality::Low));
    let ceo_pairs = pairs.iter().filter(|((c, _), p)| c == "11-1011.00" && !p.flagged).count();
    assert_eq!(m.requires.len(), ceo_pairs);
}

#[test]
fn malformed_rows_name_file_line_and_field() {
    let Some(data) = dir("onet") else { return };
    let tmp = tempfile::tempdir().unwrap();
    let folder = tmp.path().join("onet");
    std::fs::create_dir(&folder).unwrap();
    std::fs::copy(data.join("Occupation Data.txt"), folder.join("Occupation Data.txt")).unwrap();
    let skills = std::fs::read_to_string(data.join("Skills.txt")).unwrap();
    let mut lines: Vec<String> = skills.lines().take(30).map(str::to_owned).collect();
    let mut fields: Vec<String> = lines[11].split('\t').map(str::to_owned).collect();
    fields[6] = "high".into();
    lines[11] = fields.join("\t");
    std::fs::write(folder.join("Skills.txt"), lines.join("\n")).unwrap();
    let path = empty_engagement(tmp.path(), "e.trellis");
    let mut s = Session::open(&path).unwrap();
    let err = s.import(ImportFormat::Onet, &folder, &ImportOptions::default(), false, &mut no_progress()).unwrap_err();
    assert!(err.to_string().contains("Skills.txt, line 12, field `Data Value`"), "{err}");
    assert!(s.model().roles.is_empty());

    // A pair rated twice on one scale is ambiguous.
    lines[11] = lines[9].clone();
    std::fs::write(folder.join("Skills.txt"), lines.join("\n")).unwrap();
    let err = s.import(ImportFormat::Onet, &folder, &ImportOptions::default(), false, &mut no_progress()).unwrap_err();
    assert!(err.to_string().contains("line 12") && err.to_string().contains("line 10"), "{err}");

    // Without Skills.txt or Knowledge.txt there is nothing to import.
    std::fs::remove_file(folder.join("Skills.txt")).unwrap();
    let err = s.import(ImportFormat::Onet, &folder, &ImportOptions::default(), false, &mut no_progress()).unwrap_err();
    assert!(err.to_string().contains("Knowledge.txt"), "{err}");
}
