//! The engagement file: round trips, one transaction per edit, migrations from frozen schemas, and refusals that leave files untouched.

use crate::common;

use common::*;
use rusqlite::Connection;
use std::path::Path;
use trellis::model::{Edit, Model};
use trellis::store::{self, Store};
use trellis::Error;

#[test]
fn a_saved_model_loads_back_equal() {
    let dir = temp_dir();
    let path = dir.path().join("e.trellis");
    let model = small_model();
    let store = Store::create(&path, &model).unwrap();
    assert_eq!(store.load().unwrap(), model);
    drop(store);
    // Whole on its own after close: no journal or WAL beside it.
    let names: Vec<String> =
        std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    assert_eq!(names, vec!["e.trellis".to_string()]);
    assert_eq!(Store::open(&path).unwrap().load().unwrap(), model);
}

#[test]
fn the_file_declares_itself() {
    let dir = temp_dir();
    let path = dir.path().join("e.trellis");
    Store::create(&path, &small_model()).unwrap();
    let conn = Connection::open(&path).unwrap();
    let app: i32 = conn.pragma_query_value(None, "application_id", |r| r.get(0)).unwrap();
    let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0)).unwrap();
    assert_eq!(app, store::APPLICATION_ID);
    assert_eq!(version, store::SCHEMA_VERSION);
}

#[test]
fn create_refuses_to_overwrite() {
    let dir = temp_dir();
    let path = dir.path().join("e.trellis");
    std::fs::write(&path, b"precious").unwrap();
    let err = Store::create(&path, &small_model()).err().unwrap();
    assert_eq!(err.code(), "exists");
    assert_eq!(std::fs::read(&path).unwrap(), b"precious");
}

#[test]
fn edits_are_one_transaction_all_or_nothing() {
    let dir = temp_dir();
    let path = dir.path().join("e.trellis");
    let mut store = Store::create(&path, &small_model()).unwrap();
    // The second edit breaks a reference; the first must not be kept either.
    let edits = vec![
        Edit::PutRole(role("r3")),
        Edit::AddReaches(trellis::model::Reaches { channel: "nope".into(), role: "r3".into() }),
    ];
    assert!(store.apply(&edits).is_err());
    let loaded = Store::open(&path).unwrap().load().unwrap();
    assert!(loaded.role("r3").is_none());
    store.apply(&edits[..1]).unwrap();
    assert!(Store::open(&path).unwrap().load().unwrap().role("r3").is_some());
}

#[test]
fn removing_an_item_cascades_in_the_file_as_in_memory() {
    let dir = temp_dir();
    let path = dir.path().join("e.trellis");
    let mut model = small_model();
    let mut store = Store::create(&path, &model).unwrap();
    for edit in [Edit::RemoveCompetency { id: "c1".into() }, Edit::RemoveChannel { id: "ch1".into() }] {
        model.apply(&edit).unwrap();
        store.apply(&[edit]).unwrap();
    }
    model.normalize();
    assert_eq!(store.load().unwrap(), model);
    assert!(store.integrity_check().unwrap().is_empty());
}

/// Builds a schema-1 file exactly as Trellis 0.1 wrote it, from the frozen schema.
fn frozen_v1_file(path: &Path) {
    let conn = Connection::open(path).unwrap();
    conn.execute_batch(include_str!("../fixtures/schema-v1.sql")).unwrap();
    conn.execute_batch(&format!(
        "PRAGMA application_id = {};
         PRAGMA user_version = 1;
         INSERT INTO engagement VALUES (1, 'Old engagement', 'Old client', 'Ana', '2025-05-01', 0, 5,
             '[\"None\",\"Awareness\",\"Basic\",\"Competent\",\"Advanced\",\"Expert\"]', 70, 20, 10);
         INSERT INTO role VALUES ('r1', 'Nurse', '', 'Care', 12, '[\"onet:29-1141.00\"]');
         INSERT INTO competency VALUES ('c1', 'Triage', '', 'Clinical', NULL, '[]');
         INSERT INTO channel VALUES ('ch1', 'Triage course', 'formal', '', NULL, 120.5, 1);
         INSERT INTO requires VALUES ('r1', 'c1', 4, 2, 'high');
         INSERT INTO develops VALUES ('ch1', 'c1', 'introduce');
         INSERT INTO reaches VALUES ('ch1', 'r1');",
        store::APPLICATION_ID
    ))
    .unwrap();
}

#[test]
fn a_schema_1_file_is_migrated_with_its_data_intact() {
    let dir = temp_dir();
    let path = dir.path().join("old.trellis");
    frozen_v1_file(&path);
    let store = Store::open(&path).unwrap();
    let m = store.load().unwrap();
    assert_eq!(m.engagement.name, "Old engagement");
    assert_eq!(m.roles[0].refs, vec!["onet:29-1141.00".to_string()]);
    assert_eq!(m.channels[0].cost, Some(120.5));
    assert_eq!(m.requires[0].current_level, Some(2));
    assert!(m.responses.is_empty());
    assert!(store.integrity_check().unwrap().is_empty());
    drop(store);
    let conn = Connection::open(&path).unwrap();
    let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0)).unwrap();
    assert_eq!(version, store::SCHEMA_VERSION);
    // The table schema 2 added is there and usable.
    conn.execute(
        "INSERT INTO response (bank, question, respondent, score, at) VALUES ('b', 'q', 'x', 3, '2026-01-01T00:00:00Z')",
        [],
    )
    .unwrap();
}

/// Opens `path`, expects the error `code`, and checks the file and its folder are exactly as before.
fn refused_untouched(dir: &Path, path: &Path, code: &str) {
    let before = std::fs::read(path).unwrap();
    let listing = |d: &Path| {
        let mut v: Vec<_> = std::fs::read_dir(d).unwrap().map(|e| e.unwrap().file_name()).collect();
        v.sort();
        v
    };
    let files_before = listing(dir);
    let err = match Store::open(path) {
        Ok(_) => panic!("{} opened but should be refused with {code}", path.display()),
        Err(e) => e,
    };
    assert_eq!(err.code(), code, "{err}");
    // The path users take (open and read) refuses it the same way.
    let err = match Store::open_and_load(path) {
        Ok(_) => panic!("{} opened and loaded but should be refused with {code}", path.display()),
        Err(e) => e,
    };
    assert_eq!(err.code(), code, "open_and_load: {err}");
    assert!(err.to_string().contains(&path.display().to_string()), "error names the file: {err}");
    assert_eq!(std::fs::read(path).unwrap(), before, "file changed");
    assert_eq!(listing(dir), files_before, "journal or other files appeared");
}

#[test]
fn a_foreign_sqlite_database_is_refused_untouched() {
    let dir = temp_dir();
    let path = dir.path().join("other.db");
    let conn = Connection::open(&path).unwrap();
    conn.execute_batch("CREATE TABLE t (x); INSERT INTO t VALUES (1); PRAGMA application_id = 42;").unwrap();
    drop(conn);
    refused_untouched(dir.path(), &path, "not-trellis");
}

#[test]
fn a_text_file_and_an_empty_file_are_refused_untouched() {
    let dir = temp_dir();
    let path = dir.path().join("notes.trellis");
    std::fs::write(
        &path,
        "Meeting notes: not a database at all, but long enough to have a header.....................",
    )
    .unwrap();
    refused_untouched(dir.path(), &path, "not-trellis");
    let empty = dir.path().join("empty.trellis");
    std::fs::write(&empty, b"").unwrap();
    refused_untouched(dir.path(), &empty, "not-trellis");
}

#[test]
fn a_file_from_a_newer_trellis_is_refused_untouched() {
    let dir = temp_dir();
    let path = dir.path().join("new.trellis");
    Store::create(&path, &small_model()).unwrap();
    Connection::open(&path).unwrap().pragma_update(None, "user_version", store::SCHEMA_VERSION + 7).unwrap();
    refused_untouched(dir.path(), &path, "too-new");
}

/// A realistic model big enough to span many pages, so damage lands in table data.
fn padded_model() -> Model {
    let mut m = small_model();
    for i in 0..400 {
        let mut r = role(&format!("pad-{i:04}"));
        r.description = "x".repeat(200);
        m.roles.push(r);
    }
    m.normalize();
    m
}

#[test]
fn a_truncated_file_is_refused_untouched() {
    let dir = temp_dir();
    let path = dir.path().join("cut.trellis");
    Store::create(&path, &padded_model()).unwrap();
    let bytes = std::fs::read(&path).unwrap();
    std::fs::write(&path, &bytes[..bytes.len() / 2]).unwrap();
    refused_untouched(dir.path(), &path, "damaged");
}

#[test]
fn a_file_with_garbage_pages_is_refused_untouched() {
    let dir = temp_dir();
    let path = dir.path().join("bad.trellis");
    Store::create(&path, &padded_model()).unwrap();
    let mut bytes = std::fs::read(&path).unwrap();
    let page = 4096;
    for b in &mut bytes[page * 2..page * 6] {
        *b = 0xA5;
    }
    std::fs::write(&path, &bytes).unwrap();
    refused_untouched(dir.path(), &path, "damaged");
}

#[test]
fn a_missing_file_is_not_found() {
    let dir = temp_dir();
    let err = Store::open(&dir.path().join("nope.trellis")).err().unwrap();
    assert!(matches!(err, Error::NotFound(_)), "{err}");
}

#[test]
fn migrations_are_append_only_and_numbered_without_gaps() {
    // Version N is reached by running scripts 1..N in order: the scripts are numbered 0001, 0002...
    // with no gap, and the first still creates what the frozen v1 fixture has.
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/store/migrations");
    let mut names: Vec<String> =
        std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    names.sort();
    assert!(names.len() >= 5, "{names:?}");
    for (i, name) in names.iter().enumerate() {
        assert!(
            name.starts_with(&format!("{:04}_", i + 1)) && name.ends_with(".sql"),
            "{name} out of order in {names:?}"
        );
    }
    let first = std::fs::read_to_string(dir.join(&names[0])).unwrap();
    let frozen = include_str!("../fixtures/schema-v1.sql");
    for table in frozen.lines().filter_map(|l| l.strip_prefix("CREATE TABLE ")) {
        let table = table.split_whitespace().next().unwrap();
        assert!(first.contains(&format!("CREATE TABLE {table}")), "migration 1 no longer creates `{table}`");
    }
}

/// A participant who asks for their answers to be deleted is promised they are gone for good:
/// not only from the model but from the file's bytes (SQLite's `secure_delete`).
#[test]
fn withdrawn_answers_leave_no_trace_in_the_file() {
    use trellis::api::Session;
    use trellis::model::Response;
    let dir = temp_dir();
    let path = dir.path().join("w.trellis");
    let mut s = Session::create(&path, "leadership", None, "2026-01-01").unwrap();
    let note = "Zyxwvut my manager never asks what I learned";
    let answer = Response {
        bank: "core".into(),
        question: "tc-1".into(),
        respondent: "anon-7".into(),
        group: Some("Ops".into()),
        respondent_type: None,
        score: Some(2),
        note: note.into(),
        at: "2026-01-02T10:00:00Z".into(),
    };
    s.answer(answer).unwrap();
    let holds = |p: &Path| std::fs::read(p).unwrap().windows(note.len()).any(|w| w == note.as_bytes());
    assert!(holds(&path), "the note is saved in the file");
    assert_eq!(s.withdraw("anon-7", None).unwrap(), 1);
    drop(s);
    assert!(!holds(&path), "the withdrawn note is still in the file's bytes");
}
