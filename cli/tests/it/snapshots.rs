//! What users read, snapshotted whole (exit code, stdout and stderr; see `support::run_text`):
//! `info`, `templates`, `check`, `diagnose` as text and Markdown, an import's summary, and the
//! usage and runtime errors. The `contains` assertions in the other modules state the rules;
//! these show every other change to the output as a reviewable diff (`INSTA_UPDATE=always`
//! rewrites them, then review `git diff cli/tests/it/snapshots/`).

use crate::support::ok;

/// A folder with the demo engagement as `trellis new --template demo` makes it.
fn demo() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    ok(&["new", "d.trellis", "--template", "demo", "--date", "2026-01-15"], dir.path());
    dir
}

#[test]
fn top_level_help() {
    let dir = tempfile::tempdir().unwrap();
    trellis_snapshot!(dir.path(), ["--help"]);
}

#[test]
fn templates() {
    let dir = tempfile::tempdir().unwrap();
    trellis_snapshot!(dir.path(), ["templates"]);
}

#[test]
fn new_then_info_and_check() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    trellis_snapshot!("new", d, ["new", "e.trellis", "--client", "ACME Ltd", "--date", "2026-04-01"]);
    trellis_snapshot!("info", d, ["info", "e.trellis"]);
    trellis_snapshot!("info_json", d, ["info", "e.trellis", "--json"]);
    trellis_snapshot!("check", d, ["check", "e.trellis"]);
}

#[test]
fn diagnose_the_demo_as_text() {
    let dir = demo();
    trellis_snapshot!(dir.path(), ["diagnose", "d.trellis"]);
}

#[test]
fn diagnose_the_demo_as_markdown() {
    let dir = demo();
    trellis_snapshot!(dir.path(), ["diagnose", "d.trellis", "--format", "markdown"]);
}

#[test]
fn diagnose_the_demo_at_high_severity() {
    let dir = demo();
    trellis_snapshot!(dir.path(), ["diagnose", "d.trellis", "--min-severity", "high"]);
}

#[test]
fn an_import_summary_and_a_dry_run() {
    let dir = demo();
    let d = dir.path();
    ok(&["new", "s.trellis", "--template", "sales-enablement", "--date", "2026-01-15"], d);
    ok(&["export", "s.trellis", "--format", "json", "-o", "s.json"], d);
    trellis_snapshot!("dry_run", d, ["import", "d.trellis", "--format", "json", "s.json", "--dry-run"]);
    trellis_snapshot!("import", d, ["import", "d.trellis", "--format", "json", "s.json"]);
}

#[test]
fn errors_users_see() {
    let dir = demo();
    let d = dir.path();
    std::fs::write(d.join("broken.json"), "{\"format\": \"trellis\", \"version\": 1,\n \"roles\": [{\"id\": 5}]}")
        .unwrap();
    std::fs::write(d.join("notes.trellis"), "just some text, not an engagement, padded out to one hundred bytes ....")
        .unwrap();
    trellis_snapshot!("unknown_subcommand", d, ["frobnicate"]);
    trellis_snapshot!("missing_file_argument", d, ["info"]);
    trellis_snapshot!("missing_file", d, ["info", "missing.trellis"]);
    trellis_snapshot!("unknown_template", d, ["new", "x.trellis", "--template", "nope"]);
    trellis_snapshot!("file_exists", d, ["new", "d.trellis"]);
    trellis_snapshot!("foreign_file", d, ["check", "notes.trellis"]);
    trellis_snapshot!("bad_interchange", d, ["import", "d.trellis", "--format", "json", "broken.json"]);
    trellis_snapshot!("unknown_link_end", d, ["link", "reaches", "d.trellis", "chan-buddy-shifts", "Ghost role"]);
    trellis_snapshot!("score_out_of_scale", d, ["answer", "d.trellis", "--question", "tc-1", "--score", "7"]);
    trellis_snapshot!("bad_layout", d, ["blueprint", "d.trellis", "-o", "g.pdf", "--layout", "glossy"]);
    trellis_snapshot!("bad_date", d, ["blueprint", "d.trellis", "-o", "g.pdf", "--date", "1 March"]);
    trellis_snapshot!("option_of_another_format", d, ["import", "d.trellis", "--format", "csv", ".", "--soc", "15-"]);
    trellis_snapshot!("csv_export_without_a_folder", d, ["export", "d.trellis", "--format", "csv"]);
    trellis_snapshot!("id_taken", d, ["add", "role", "d.trellis", "--name", "Buddy", "--id", "chan-buddy-shifts"]);
    trellis_snapshot!(
        "link_not_there",
        d,
        ["remove", "follows", "d.trellis", "chan-buddy-shifts", "chan-buddy-shifts"]
    );
}

/// The flags that take a vocabulary take the core's enum: `--help` lists its values (with the
/// help each import format declares), and a mistyped value is refused naming them.
#[test]
fn vocabularies_on_the_command_line() {
    let dir = demo();
    let d = dir.path();
    trellis_snapshot!("import_help", d, ["import", "--help"]);
    trellis_snapshot!("add_channel_help", d, ["add", "channel", "--help"]);
    trellis_snapshot!(
        "unknown_stage",
        d,
        ["link", "develops", "d.trellis", "chan-buddy-shifts", "Forklift Operation", "--stage", "practise"]
    );
}
