//! The csv folder: blank templates, csv -> csv round trips byte for byte, spreadsheet dialects, merging again, and bad rows named by file, line and field with nothing written.

use crate::common;
use crate::shared_data;

use shared_data::{dir, empty_engagement, no_progress};
use std::collections::BTreeMap;
use std::path::Path;
use trellis::api::Session;
use trellis::interop::{csv, responses, ExportFormat, ImportFormat, ImportOptions};
use trellis::model::Model;

fn templates() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("templates/import")
}

fn read_folder(dir: &Path) -> BTreeMap<String, String> {
    csv::FILES.iter().map(|(f, _)| (f.to_string(), std::fs::read_to_string(dir.join(f)).unwrap())).collect()
}

fn import_csv(s: &mut Session, folder: &Path) -> trellis::Result<trellis::interop::ImportSummary> {
    s.import(ImportFormat::Csv, folder, &ImportOptions::default(), false, &mut no_progress())
}

/// An engagement holding only `model`'s engagement metadata (its scale matters to levels).
fn blank_like(dir: &Path, name: &str, model: &Model) -> Session {
    let path = dir.join(name);
    trellis::store::Store::create(&path, &Model { engagement: model.engagement.clone(), ..Model::default() }).unwrap();
    Session::open(&path).unwrap()
}

/// Exports `model` as csv, imports that into a blank engagement, exports again: same bytes.
fn assert_round_trip(model: &Model, what: &str) {
    let tmp = tempfile::tempdir().unwrap();
    let original = tmp.path().join("original.trellis");
    trellis::store::Store::create(&original, model).unwrap();
    let first = tmp.path().join("first");
    Session::open(&original).unwrap().export(ExportFormat::Csv, &first).unwrap();
    let mut copy = blank_like(tmp.path(), "copy.trellis", model);
    import_csv(&mut copy, &first).unwrap();
    let second = tmp.path().join("second");
    copy.export(ExportFormat::Csv, &second).unwrap();
    let (a, b) = (read_folder(&first), read_folder(&second));
    for (file, text) in &a {
        assert!(text == &b[file], "{what}: {file} differs after csv -> csv");
    }
    // And the items themselves came through (responses and judgement are not in the csv set).
    let mut expected = model.clone();
    expected.responses.clear();
    let got = copy.model();
    assert_eq!(got.roles, expected.roles, "{what}");
    assert_eq!(got.competencies, expected.competencies, "{what}");
    assert_eq!(got.channels, expected.channels, "{what}");
    assert_eq!(got.requires, expected.requires, "{what}");
    assert_eq!(got.develops, expected.develops, "{what}");
    assert_eq!(
        (&got.reaches, &got.follows, &got.prerequisites),
        (&expected.reaches, &expected.follows, &expected.prerequisites)
    );
}

#[test]
fn the_blank_templates_have_the_export_headers_and_import_as_nothing() {
    let folder = templates();
    for (file, columns) in csv::FILES {
        let text = std::fs::read_to_string(folder.join(file)).unwrap();
        assert_eq!(text, format!("\u{feff}{}\n", columns.join(",")), "{file}: a BOM, so Excel reads UTF-8");
    }
    let responses_header = std::fs::read_to_string(folder.join("responses.csv")).unwrap();
    assert_eq!(responses_header, format!("\u{feff}{}\n", responses::COLUMNS.join(",")));
    let empty = csv::export(&Model::default());
    for ((file, text), (template, _)) in empty.iter().zip(csv::FILES) {
        assert_eq!((*file, text.as_str()), (template, std::fs::read_to_string(folder.join(file)).unwrap().as_str()));
    }
    let tmp = tempfile::tempdir().unwrap();
    let mut s = Session::open(&empty_engagement(tmp.path(), "e.trellis")).unwrap();
    assert_eq!(import_csv(&mut s, &folder).unwrap().total_changes(), 0);
}

#[test]
fn csv_to_csv_is_identical_for_every_starter_template_and_tricky_text() {
    for t in trellis::templates::all() {
        assert_round_trip(&t.model().unwrap(), t.name);
        // Into an engagement that already holds it: nothing changes, even where two roles
        // share one O*NET ref (leadership's managers do).
        let tmp = tempfile::tempdir().unwrap();
        let mut s = Session::create(&tmp.path().join("t.trellis"), t.name, None, "2026-03-01").unwrap();
        s.export(ExportFormat::Csv, &tmp.path().join("out")).unwrap();
        let summary = import_csv(&mut s, &tmp.path().join("out")).unwrap();
        assert_eq!(summary.total_changes(), 0, "{}: {summary}", t.name);
    }
    let mut tricky = common::small_model();
    tricky.roles[0].name = "Lead, \"night\" shift; Zürich\nsecond line".into();
    tricky.roles[0].refs = vec!["esco:http://data.europa.eu/esco/occupation/x".into(), "hr:42".into()];
    tricky.competencies[0].description = "  漢字 and ☃, with a trailing space ".into();
    tricky.competencies[1].parent = Some("c1".into());
    tricky.channels[0].cost = Some(1234.5);
    tricky.channels[1].capacity = Some(12);
    tricky.roles[1].description = "=HYPERLINK(\"http://evil.example\",\"click\")".into();
    tricky.roles[1].group = "'=already guarded".into();
    tricky.competencies[1].description = "- a bullet\n@mention".into();
    tricky.channels[0].description = "'tis plain".into();
    assert_round_trip(&tricky, "tricky text");
}

#[test]
fn csv_exports_guard_every_formula_cell_and_begin_with_a_bom() {
    let mut m = common::small_model();
    m.roles[0].name = "=1+1".into();
    m.roles[0].description = "+SUM(A1:A9)".into();
    m.competencies[0].name = "@cmd".into();
    m.competencies[0].description = "\tindented".into();
    m.channels[0].description = "-2 days".into();
    let files = csv::export(&m);
    for (file, text) in &files {
        assert!(text.starts_with('\u{feff}'), "{file}");
        let mut cells = ::csv::ReaderBuilder::new().has_headers(false).from_reader(&text.as_bytes()[3..]);
        for record in cells.records() {
            for cell in record.unwrap().iter() {
                assert!(!cell.starts_with(['=', '+', '-', '@', '\t', '\r']), "{file}: `{cell}` would run as a formula");
            }
        }
    }
    assert!(files[0].1.contains("'=1+1") && files[0].1.contains("'+SUM(A1:A9)"), "{}", files[0].1);
}

#[test]
fn csv_to_csv_is_identical_for_an_esco_selection() {
    let Some(data) = dir("esco") else { return };
    let tmp = tempfile::tempdir().unwrap();
    let mut s = Session::open(&empty_engagement(tmp.path(), "e.trellis")).unwrap();
    let options = ImportOptions { isco: vec!["2654".into()], ..ImportOptions::default() };
    s.import(ImportFormat::Esco, &data, &options, false, &mut no_progress()).unwrap();
    assert_round_trip(s.model(), "ESCO 2654");
}

#[test]
fn a_spreadsheet_folder_with_semicolons_and_a_bom_imports() {
    let tmp = tempfile::tempdir().unwrap();
    let folder = tmp.path().join("client");
    std::fs::create_dir(&folder).unwrap();
    std::fs::write(folder.join("roles.csv"), "\u{feff}id;name;headcount\nsales;Sales rep;25\nlead;Team lead;\n")
        .unwrap();
    std::fs::write(folder.join("competencies.csv"), "id,name,category\nneg,Negotiation,Sales\n").unwrap();
    std::fs::write(folder.join("requires.csv"), "role;competency;target_level;criticality\nsales;neg;4;high\n")
        .unwrap();
    let mut s = Session::open(&empty_engagement(tmp.path(), "e.trellis")).unwrap();
    let summary = import_csv(&mut s, &folder).unwrap();
    assert_eq!(summary.total_changes(), 4, "{summary}");
    let m = s.model();
    assert_eq!((m.role("sales").unwrap().headcount, m.role("lead").unwrap().headcount), (25, 1));
    assert_eq!(m.requires[0].target_level, 4);

    // Again: nothing changes. A changed row updates in place.
    assert_eq!(import_csv(&mut s, &folder).unwrap().total_changes(), 0);
    std::fs::write(folder.join("roles.csv"), "id;name;headcount\nsales;Sales rep;30\n").unwrap();
    let summary = import_csv(&mut s, &folder).unwrap();
    let roles = summary.kinds.iter().find(|(k, _)| *k == "roles").unwrap().1;
    assert_eq!((roles.added, roles.updated), (0, 1));
    assert_eq!(s.model().roles.len(), 2);
}

#[test]
fn a_bad_row_stops_the_import_naming_file_line_and_field() {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("demo.trellis");
    let mut s = Session::create(&path, "demo", None, "2026-03-01").unwrap();
    let before = s.export_json();
    let folder = tmp.path().join("bad");
    std::fs::create_dir(&folder).unwrap();
    std::fs::write(folder.join("roles.csv"), "id,name\nnew-role,New role\n").unwrap();
    let cases = [
        ("requires.csv", "role,competency,target_level\nnew-role,nope,3\n", "requires.csv, line 2, field `competency`"),
        (
            "requires.csv",
            "role,competency,target_level\n\nnew-role,nope,3\n",
            "requires.csv, line 3, field `competency`",
        ),
        ("channels.csv", "id,name,kind,cost\nch,Course,formal,free\n", "channels.csv, line 2, field `cost`"),
        ("develops.csv", "channel,competency,stage\nnope,x,\n", "develops.csv, line 2, field `channel`"),
        ("competencies.csv", "id,name,parent\nc,C,ghost\n", "competencies.csv, line 2, field `parent`"),
        ("follows.csv", "from,to,when\na,b,now\n", "unknown column `when`"),
    ];
    for (file, text, expected) in cases {
        std::fs::write(folder.join(file), text).unwrap();
        let err = import_csv(&mut s, &folder).unwrap_err();
        assert!(err.to_string().contains(expected), "{file}: {err}");
        assert!(err.to_string().contains(&folder.display().to_string()), "the path is named: {err}");
        std::fs::remove_file(folder.join(file)).unwrap();
    }
    assert_eq!(Session::open(&path).unwrap().export_json(), before, "nothing was written");

    // A dry run reports and writes nothing.
    let summary = s.import(ImportFormat::Csv, &folder, &ImportOptions::default(), true, &mut no_progress()).unwrap();
    assert_eq!(summary.total_changes(), 1);
    assert_eq!(Session::open(&path).unwrap().export_json(), before);
}

#[test]
fn folders_that_are_not_csv_folders_are_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let mut s = Session::open(&empty_engagement(tmp.path(), "e.trellis")).unwrap();
    let err = import_csv(&mut s, &tmp.path().join("missing")).unwrap_err();
    assert_eq!(err.code(), "not-found");
    let err = import_csv(&mut s, &tmp.path().join("e.trellis")).unwrap_err();
    assert!(err.to_string().contains("folder"), "{err}");
    let empty = tmp.path().join("empty");
    std::fs::create_dir(&empty).unwrap();
    let err = import_csv(&mut s, &empty).unwrap_err();
    assert!(err.to_string().contains("roles.csv"), "{err}");
}

#[test]
fn excel_shapes_import_and_a_stray_file_is_named_in_a_warning() {
    let tmp = tempfile::tempdir().unwrap();
    let folder = tmp.path().join("excel");
    std::fs::create_dir(&folder).unwrap();
    // Excel's "CSV" on Western Windows: Windows-1252, a `sep=` line, trailing empty columns.
    std::fs::write(folder.join("Roles.csv"), b"sep=;\r\nID;Name;Headcount;;\r\nbar;Barista \x96 caf\xe9;14.0;;\r\n")
        .unwrap();
    std::fs::write(folder.join("competencies.csv"), "Id,NAME\nlatte,Latte art\n").unwrap();
    std::fs::write(folder.join("Channels.csv"), "id\tname\tkind\nbuddy\tBuddy\tCoaching\n").unwrap();
    std::fs::write(folder.join("REQUIRES.CSV"), "role,competency,target_level,criticality\nbar,latte,4.0,High\n")
        .unwrap();
    std::fs::write(folder.join("develops.csv"), "channel,competency,stages\nbuddy,latte,Practice | FEEDBACK\n")
        .unwrap();
    std::fs::write(folder.join("notes.txt"), "not a table").unwrap();
    let mut s = Session::open(&empty_engagement(tmp.path(), "e.trellis")).unwrap();
    let summary = import_csv(&mut s, &folder).unwrap();
    let m = s.model();
    let role = m.role("bar").unwrap();
    assert_eq!((role.name.as_str(), role.headcount), ("Barista – café", 14));
    assert_eq!(m.channels[0].kind, trellis::model::ChannelKind::Coaching);
    assert_eq!((m.requires[0].target_level, m.requires[0].criticality), (4, trellis::model::Criticality::High));
    assert_eq!(m.develops[0].stages.len(), 2);
    let text = summary.to_string();
    assert!(
        text.contains("warning: ") && text.contains("Roles.csv is not UTF-8 and was read as Windows-1252"),
        "{text}"
    );
    assert!(text.contains("notes.txt: not one of roles.csv"), "{text}");

    // A half level is refused, naming file, line and field; nothing changes.
    let before = s.export_json();
    std::fs::write(folder.join("REQUIRES.CSV"), "role,competency,target_level\nbar,latte,4\nbar,latte2,2.5\n").unwrap();
    std::fs::write(folder.join("competencies.csv"), "id,name\nlatte,Latte art\nlatte2,Pour-over\n").unwrap();
    let err = import_csv(&mut s, &folder).unwrap_err().to_string();
    assert!(err.contains("REQUIRES.CSV, line 3, field `target_level`: `2.5` is not a whole level"), "{err}");
    assert_eq!(s.export_json(), before);
}
