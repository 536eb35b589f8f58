//! `trellis import` and `trellis export` as users run them: summaries on stderr, data on stdout, exit codes, bad rows named.

use crate::shared_data;

use std::path::Path;
use std::process::{Command, Output};

fn trellis(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_trellis")).args(args).current_dir(dir).output().expect("run trellis")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn new_engagement(dir: &Path) {
    let o = trellis(&["new", "e.trellis", "--template", "demo", "--date", "2026-03-01"], dir);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
}

#[test]
fn importing_esco_prints_a_summary_and_no_progress_bar_off_a_terminal() {
    let Some(data) = shared_data::dir("esco") else { return };
    let tmp = tempfile::tempdir().unwrap();
    new_engagement(tmp.path());
    let data = data.display().to_string();
    let o = trellis(&["import", "e.trellis", "--format", "esco", &data, "--isco", "2654", "--dry-run"], tmp.path());
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let err = text(&o.stderr);
    assert!(err.starts_with("dry run, nothing written; would change:\nroles: "), "{err}");
    assert!(!err.contains('\r') && !err.contains('%'), "no progress bar when stderr is not a terminal: {err:?}");
    assert!(o.stdout.is_empty());

    let o = trellis(&["import", "e.trellis", "--format", "esco", &data, "--soc", "15-"], tmp.path());
    assert_eq!(o.status.code(), Some(2), "{}", text(&o.stderr));
    assert!(text(&o.stderr).contains("--soc applies to onet imports only"), "{}", text(&o.stderr));
}

#[test]
fn csv_export_then_import_and_the_other_exports_from_the_command_line() {
    let tmp = tempfile::tempdir().unwrap();
    new_engagement(tmp.path());
    let o = trellis(&["export", "e.trellis", "--format", "csv"], tmp.path());
    assert_eq!(o.status.code(), Some(2), "csv needs -o: {}", text(&o.stderr));
    let o = trellis(&["export", "e.trellis", "--format", "csv", "-o", "out"], tmp.path());
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    assert!(text(&o.stderr).contains("wrote 8 files in out"), "{}", text(&o.stderr));
    let o = trellis(&["import", "e.trellis", "--format", "csv", "out"], tmp.path());
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    assert!(text(&o.stderr).contains("nothing to change"), "{}", text(&o.stderr));
    for (format, start) in [("graphml", "<?xml"), ("kumu", "{"), ("case", "{"), ("dot", "digraph"), ("json", "{")] {
        let o = trellis(&["export", "e.trellis", "--format", format], tmp.path());
        assert_eq!(o.status.code(), Some(0), "{format}: {}", text(&o.stderr));
        assert!(text(&o.stdout).starts_with(start), "{format}");
    }
}

#[test]
fn a_bad_csv_row_exits_1_naming_file_line_and_field() {
    let tmp = tempfile::tempdir().unwrap();
    new_engagement(tmp.path());
    std::fs::create_dir(tmp.path().join("in")).unwrap();
    std::fs::write(tmp.path().join("in/roles.csv"), "id,name,headcount\nx,X,1\ny,Y,lots\n").unwrap();
    let before = trellis(&["export", "e.trellis", "--format", "json"], tmp.path()).stdout;
    let o = trellis(&["import", "e.trellis", "--format", "csv", "in"], tmp.path());
    assert_eq!(o.status.code(), Some(1));
    let err = text(&o.stderr);
    assert!(err.contains("roles.csv, line 3, field `headcount`: `lots` is not a whole number"), "{err}");
    assert_eq!(trellis(&["export", "e.trellis", "--format", "json"], tmp.path()).stdout, before);
}

#[test]
fn one_unbalanced_quote_refuses_the_file_naming_its_line_and_imports_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    new_engagement(tmp.path());
    std::fs::create_dir(tmp.path().join("in")).unwrap();
    let mut roles = String::from("id,name,headcount\nr1,\"Ops lead,1\n");
    for i in 2..=100 {
        roles.push_str(&format!("r{i},Role {i},1\n"));
    }
    let before = trellis(&["export", "e.trellis", "--format", "json"], tmp.path()).stdout;
    // Closed nowhere: the rest of the file would be one field.
    std::fs::write(tmp.path().join("in/roles.csv"), &roles).unwrap();
    for dry in [false, true] {
        let mut args = vec!["import", "e.trellis", "--format", "csv", "in"];
        args.extend(dry.then_some("--dry-run"));
        let o = trellis(&args, tmp.path());
        assert_eq!(o.status.code(), Some(1), "dry run {dry}");
        let err = text(&o.stderr);
        assert!(err.contains("roles.csv, line 2") && err.contains("never closed"), "{err}");
    }
    // Closed far below by another stray quote: the lines between look like records.
    roles.push_str("r101,\"Last\",1\n");
    std::fs::write(tmp.path().join("in/roles.csv"), roles.replacen("r50,Role 50", "r50,Role\" 50", 1)).unwrap();
    let o = trellis(&["import", "e.trellis", "--format", "csv", "in"], tmp.path());
    assert_eq!(o.status.code(), Some(1));
    let err = text(&o.stderr);
    assert!(err.contains("roles.csv, line 2") && err.contains("look like records"), "{err}");
    assert_eq!(trellis(&["export", "e.trellis", "--format", "json"], tmp.path()).stdout, before);
}

#[test]
fn a_blank_engagement_has_nothing_in_it_and_takes_a_csv_folder() {
    let tmp = tempfile::tempdir().unwrap();
    let o = trellis(&["new", "b.trellis", "--template", "blank", "--date", "2026-03-01"], tmp.path());
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let doc: serde_json::Value =
        serde_json::from_slice(&trellis(&["export", "b.trellis", "--format", "json"], tmp.path()).stdout).unwrap();
    for list in ["roles", "competencies", "channels", "requires", "develops", "reaches", "responses"] {
        assert_eq!(doc[list].as_array().map(Vec::len), Some(0), "{list}: {doc}");
    }
    assert_eq!(doc["engagement"]["created"], "2026-03-01");
    std::fs::create_dir(tmp.path().join("in")).unwrap();
    std::fs::write(tmp.path().join("in/roles.csv"), "id,name\nr1,Barista\n").unwrap();
    let o = trellis(&["import", "b.trellis", "--format", "csv", "in"], tmp.path());
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    assert!(text(&o.stderr).contains("roles: 1 added"), "{}", text(&o.stderr));
}
