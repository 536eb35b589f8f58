//! The `trellis` binary as users run it: stdout for data, stderr for messages, exit codes 0/1/2.

use std::path::Path;
use std::process::{Command, Output};

fn trellis(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_trellis")).args(args).current_dir(dir).output().expect("run trellis")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn ok(args: &[&str], dir: &Path) -> String {
    let o = trellis(args, dir);
    assert_eq!(o.status.code(), Some(0), "trellis {args:?} failed:\n{}", stderr(&o));
    stdout(&o)
}

#[test]
fn help_on_every_subcommand() {
    let dir = tempfile::tempdir().unwrap();
    for sub in [
        vec!["--help"],
        vec!["new", "--help"],
        vec!["templates", "--help"],
        vec!["info", "--help"],
        vec!["import", "--help"],
        vec!["export", "--help"],
        vec!["check", "--help"],
        vec!["add", "role", "--help"],
        vec!["add", "channel", "--help"],
        vec!["link", "requires", "--help"],
        vec!["remove", "role", "--help"],
    ] {
        let out = ok(&sub, dir.path());
        assert!(out.contains("Usage"), "{sub:?}: {out}");
    }
}

#[test]
fn usage_errors_exit_2_and_errors_and_refusals_exit_1() {
    let dir = tempfile::tempdir().unwrap();
    let o = trellis(&["frobnicate"], dir.path());
    assert_eq!(o.status.code(), Some(2));
    let o = trellis(&["info"], dir.path());
    assert_eq!(o.status.code(), Some(2), "missing FILE is a usage error");
    let o = trellis(&["info", "missing.trellis"], dir.path());
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("missing.trellis"), "{}", stderr(&o));
    assert!(stdout(&o).is_empty(), "errors go to stderr only");
    let o = trellis(&["new", "x.trellis", "--date", "1 March"], dir.path());
    assert_eq!(o.status.code(), Some(2), "a malformed value is a usage error: {}", stderr(&o));
    // The command line is well formed: the core refuses the name, as the studio's would be.
    let o = trellis(&["new", "x.trellis", "--template", "nope"], dir.path());
    assert_eq!(o.status.code(), Some(1), "a refusal is not a usage error: {}", stderr(&o));
    assert!(stderr(&o).contains("leadership"), "lists the templates: {}", stderr(&o));
}

#[test]
fn templates_lists_each_with_a_line() {
    let dir = tempfile::tempdir().unwrap();
    let out = ok(&["templates"], dir.path());
    for name in ["demo", "leadership", "sales-enablement", "new-system-rollout"] {
        let line = out.lines().find(|l| l.starts_with(name)).unwrap_or_else(|| panic!("{name} missing: {out}"));
        assert!(line.len() > name.len() + 10, "{line}");
    }
}

#[test]
fn new_info_and_refusal_to_overwrite() {
    let dir = tempfile::tempdir().unwrap();
    ok(&["new", "acme.trellis", "--client", "ACME Ltd", "--date", "2026-04-01"], dir.path());
    let info: serde_json::Value = serde_json::from_str(&ok(&["info", "acme.trellis", "--json"], dir.path())).unwrap();
    assert_eq!(info["engagement"]["client"], "ACME Ltd");
    assert_eq!(info["engagement"]["created"], "2026-04-01");
    for key in [
        "roles",
        "competencies",
        "channels",
        "requires",
        "develops",
        "reaches",
        "follows",
        "prerequisites",
        "responses",
    ] {
        assert!(info[key].is_u64(), "info has a count for {key}: {info}");
    }
    assert!(info["roles"].as_u64().unwrap() >= 8);
    let before = std::fs::read(dir.path().join("acme.trellis")).unwrap();
    let o = trellis(&["new", "acme.trellis"], dir.path());
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("already exists"), "{}", stderr(&o));
    assert_eq!(std::fs::read(dir.path().join("acme.trellis")).unwrap(), before);
    let text = ok(&["info", "acme.trellis"], dir.path());
    assert!(text.contains("ACME Ltd") && text.contains("roles"), "{text}");
}

#[test]
fn a_whole_model_can_be_scripted() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    ok(&["new", "e.trellis", "--template", "leadership", "--date", "2026-04-01"], d);
    let role = ok(&["add", "role", "e.trellis", "--name", "Shift lead", "--group", "Ops", "--headcount", "14"], d);
    let role = role.trim();
    assert_eq!(role.len(), 36, "a UUID: {role}");
    ok(&["add", "competency", "e.trellis", "--name", "Handover", "--id", "comp-handover", "--category", "Ops"], d);
    ok(&["add", "channel", "e.trellis", "--name", "Handover huddle", "--kind", "social", "--id", "chan-huddle"], d);
    // Adding never replaces: an id any item has is refused, whatever its kind.
    let o = trellis(&["add", "role", "e.trellis", "--name", "Huddle lead", "--id", "chan-huddle"], d);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("the id `chan-huddle` is already used in this engagement, by a channel"),
        "{}",
        stderr(&o)
    );
    ok(
        &[
            "link",
            "requires",
            "e.trellis",
            "Shift lead",
            "Handover",
            "--target",
            "4",
            "--current",
            "1",
            "--criticality",
            "high",
        ],
        d,
    );
    ok(&["link", "develops", "e.trellis", "chan-huddle", "comp-handover"], d);
    ok(&["add", "channel", "e.trellis", "--name", "Handover drill", "--kind", "experiential", "--id", "chan-drill"], d);
    ok(&["add", "channel", "e.trellis", "--name", "Floor walker", "--kind", "coaching", "--id", "chan-walker"], d);
    ok(&["link", "develops", "e.trellis", "chan-drill", "comp-handover", "--stage", "practice,feedback"], d);
    ok(
        &["link", "develops", "e.trellis", "chan-walker", "comp-handover", "--stage", "feedback", "--stage", "support"],
        d,
    );
    ok(&["link", "reaches", "e.trellis", "chan-huddle", role], d);
    ok(&["link", "follows", "e.trellis", "chan-huddle", "chan-stretch-project"], d);
    ok(&["link", "prerequisite", "e.trellis", "comp-handover", "comp-delegation"], d);
    let doc: serde_json::Value = serde_json::from_str(&ok(&["export", "e.trellis", "--format", "json"], d)).unwrap();
    let develops = doc["develops"].as_array().unwrap();
    let link = develops.iter().find(|x| x["channel"] == "chan-huddle").unwrap();
    assert_eq!(link["stages"], serde_json::json!(["feedback"]), "social channels default to feedback");
    let stages = |channel: &str| develops.iter().find(|x| x["channel"] == channel).unwrap()["stages"].clone();
    assert_eq!(stages("chan-drill"), serde_json::json!(["practice", "feedback"]), "a comma list");
    assert_eq!(stages("chan-walker"), serde_json::json!(["feedback", "support"]), "the flag repeated");
    assert!(doc["requires"].as_array().unwrap().iter().any(|r| r["role"] == role && r["current_level"] == 1));
    // A link to something that does not exist is refused with its name.
    let o = trellis(&["link", "reaches", "e.trellis", "chan-huddle", "Ghost role"], d);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("Ghost role"), "{}", stderr(&o));
    // Levels outside the scale are refused and name the field.
    let o = trellis(&["link", "requires", "e.trellis", role, "comp-handover", "--target", "9"], d);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("target_level"), "{}", stderr(&o));
    ok(&["remove", "follows", "e.trellis", "chan-huddle", "chan-stretch-project"], d);
    ok(&["remove", "role", "e.trellis", role], d);
    let info: serde_json::Value = serde_json::from_str(&ok(&["info", "e.trellis", "--json"], d)).unwrap();
    let doc2: serde_json::Value = serde_json::from_str(&ok(&["export", "e.trellis", "--format", "json"], d)).unwrap();
    assert!(!doc2["requires"].as_array().unwrap().iter().any(|r| r["role"] == role), "links went with the role");
    assert_eq!(info["roles"], doc["roles"].as_array().unwrap().len() - 1);
    let o = trellis(&["remove", "follows", "e.trellis", "chan-huddle", "chan-stretch-project"], d);
    assert_eq!(o.status.code(), Some(1), "removing a missing link is an error");
    ok(&["check", "e.trellis"], d);
}

#[test]
fn export_and_import_json_through_files() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    ok(&["new", "a.trellis", "--template", "sales-enablement", "--date", "2026-04-01"], d);
    ok(&["export", "a.trellis", "--format", "json", "-o", "a.json"], d);
    let stdout_doc = ok(&["export", "a.trellis", "--format", "json"], d);
    assert_eq!(std::fs::read_to_string(d.join("a.json")).unwrap(), stdout_doc);
    ok(&["new", "b.trellis", "--template", "demo", "--date", "2026-04-01"], d);
    let before = std::fs::read(d.join("b.trellis")).unwrap();
    let o = trellis(&["import", "b.trellis", "--format", "json", "a.json", "--dry-run"], d);
    assert_eq!(o.status.code(), Some(0));
    assert!(stderr(&o).contains("added"), "{}", stderr(&o));
    assert_eq!(std::fs::read(d.join("b.trellis")).unwrap(), before, "dry run writes nothing");
    ok(&["import", "b.trellis", "--format", "json", "a.json"], d);
    let info: serde_json::Value = serde_json::from_str(&ok(&["info", "b.trellis", "--json"], d)).unwrap();
    assert_eq!(
        info["engagement"]["name"],
        serde_json::from_str::<serde_json::Value>(&stdout_doc).unwrap()["engagement"]["name"]
    );
    std::fs::write(d.join("broken.json"), "{\"format\": \"trellis\", \"version\": 1,\n \"roles\": [{\"id\": 5}]}")
        .unwrap();
    let o = trellis(&["import", "b.trellis", "--format", "json", "broken.json"], d);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(err.contains("broken.json") && err.contains("roles[0].id") && err.contains("line 2"), "{err}");
}

#[test]
fn bad_new_fields_are_refused_naming_item_and_field_and_the_file_is_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    ok(&["new", "e.trellis", "--template", "demo", "--date", "2026-04-01"], d);
    let before = std::fs::read(d.join("e.trellis")).unwrap();
    let channel = |extra: &str| {
        format!(
            r#"{{"format": "trellis", "version": 1, "channels": [{{"id": "x", "name": "X", "kind": "coaching"{extra}}}]}}"#
        )
    };
    let cases = [
        (
            r#"{"format": "trellis", "version": 1, "channels": [{"id": "x", "name": "X", "kind": "experiential"}],
              "develops": [{"channel": "x", "competency": "x2", "stage": "practice", "stages": ["practice"]}],
              "competencies": [{"id": "x2", "name": "X2"}]}"#
                .to_owned(),
            vec!["develops[0]", "stages"],
        ),
        (
            r#"{"format": "trellis", "version": 1, "channels": [{"id": "x", "name": "X", "kind": "experiential"}],
              "develops": [{"channel": "x", "competency": "x2", "stages": []}],
              "competencies": [{"id": "x2", "name": "X2"}]}"#
                .to_owned(),
            vec!["develops 'x' -> 'x2'", "stages"],
        ),
        (
            r#"{"format": "trellis", "version": 1, "channels": [{"id": "x", "name": "X", "kind": "experiential"}],
              "develops": [{"channel": "x", "competency": "x2", "stages": ["practice", "practice"]}],
              "competencies": [{"id": "x2", "name": "X2"}]}"#
                .to_owned(),
            vec!["develops 'x' -> 'x2'", "stages"],
        ),
        (channel(r#", "cohorts_per_year": 0"#), vec!["channel 'x'", "cohorts_per_year"]),
        (channel(r#", "cohorts_per_year": -3"#), vec!["channel 'x'", "cohorts_per_year"]),
        (channel(r#", "hours": -1"#), vec!["channel 'x'", "hours"]),
        (channel(r#", "cost": 10, "cost_basis": "per-head""#), vec!["channels[0].cost_basis", "per-head"]),
        (channel(r#", "evaluation_level": 6"#), vec!["channel 'x'", "evaluation_level"]),
    ];
    for (i, (doc, wanted)) in cases.iter().enumerate() {
        let name = format!("bad{i}.json");
        std::fs::write(d.join(&name), doc).unwrap();
        let o = trellis(&["import", "e.trellis", "--format", "json", &name], d);
        assert_eq!(o.status.code(), Some(1), "{name}: {}", stderr(&o));
        let err = stderr(&o);
        for w in wanted {
            assert!(err.contains(w), "{name} should name {w}: {err}");
        }
        assert_eq!(std::fs::read(d.join("e.trellis")).unwrap(), before, "{name} left the file as it was");
    }
}

#[test]
fn check_lists_warnings_without_failing() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    ok(&["new", "e.trellis", "--date", "2026-04-01"], d);
    ok(&["add", "channel", "e.trellis", "--name", "Course", "--kind", "formal", "--id", "chan-c", "--cost", "25"], d);
    ok(&["add", "competency", "e.trellis", "--name", "A", "--id", "comp-a"], d);
    ok(&["add", "competency", "e.trellis", "--name", "B", "--id", "comp-b"], d);
    ok(&["link", "prerequisite", "e.trellis", "comp-a", "comp-b"], d);
    ok(&["link", "prerequisite", "e.trellis", "comp-b", "comp-a"], d);
    let o = trellis(&["check", "e.trellis"], d);
    assert_eq!(o.status.code(), Some(0), "warnings never fail the check: {}", stderr(&o));
    let out = String::from_utf8_lossy(&o.stdout).to_string() + &stderr(&o);
    assert!(out.contains("cost-without-basis") && out.contains("Course"), "{out}");
    assert!(out.contains("prerequisite-cycle") && out.contains("A, B"), "{out}");
    let json: serde_json::Value = serde_json::from_str(&ok(&["diagnose", "e.trellis", "--format", "json"], d)).unwrap();
    let codes: Vec<&str> = json["warnings"].as_array().unwrap().iter().map(|w| w["code"].as_str().unwrap()).collect();
    assert_eq!(codes, ["prerequisite-cycle", "cost-without-basis"]);
    assert!(json["findings"].as_array().unwrap().iter().all(|f| f["code"] != "prerequisite-cycle"));
    let o = trellis(&["diagnose", "e.trellis"], d);
    assert!(String::from_utf8_lossy(&o.stdout).contains("Warnings"), "{}", String::from_utf8_lossy(&o.stdout));
}

#[test]
fn check_reports_a_sound_file_and_refuses_a_foreign_one() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    ok(&["new", "e.trellis", "--date", "2026-04-01"], d);
    let o = trellis(&["check", "e.trellis"], d);
    assert_eq!(o.status.code(), Some(0));
    assert!(stderr(&o).contains("ok"));
    std::fs::write(
        d.join("notes.trellis"),
        "just some text, not an engagement, padded out to one hundred bytes ..........................",
    )
    .unwrap();
    let o = trellis(&["check", "notes.trellis"], d);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("not a Trellis engagement file"), "{}", stderr(&o));
}
