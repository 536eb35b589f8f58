//! Crash safety: a process killed mid-write loses nothing it had committed, and the file stays sound.

use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};
use trellis::api::Session;
use trellis::model::{Edit, Role};

const FILE_VAR: &str = "TRELLIS_CRASH_TEST_FILE";

/// The child: edits as fast as it can, announcing each edit once its transaction committed.
/// Runs only when the parent test starts it with the file to write.
#[test]
fn crash_writer_child() {
    let Ok(path) = std::env::var(FILE_VAR) else { return };
    let mut session = Session::open(path.as_ref()).expect("child opens the file");
    let stdout = std::io::stdout();
    for i in 0..1_000_000 {
        let id = format!("crash-{i:07}");
        let role = Role {
            id: id.clone(),
            name: format!("Role written before the crash {i}"),
            description: "x".repeat(300),
            group: "Crash".into(),
            headcount: i,
            refs: vec![],
        };
        session.apply(Edit::PutRole(role)).expect("edit commits");
        let mut out = stdout.lock();
        writeln!(out, "committed {id}").unwrap();
        out.flush().unwrap();
    }
}

#[test]
fn a_killed_writer_loses_no_committed_edit() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("crash.trellis");
    Session::create(&path, "demo", None, "2026-01-01").unwrap();
    let before = Session::open(&path).unwrap().model().roles.len();

    // The child is this same test binary (tests/it/main.rs) running only the test above, named
    // by its path in the binary.
    let mut child = Command::new(std::env::current_exe().unwrap())
        .args(["--exact", "crash::crash_writer_child", "--nocapture", "--test-threads=1"])
        .env(FILE_VAR, &path)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let mut committed = Vec::new();
    while committed.len() < 200 {
        let line = lines.next().expect("child still writing").unwrap();
        if let Some(id) = line.strip_prefix("committed ") {
            committed.push(id.to_owned());
        }
    }
    // SIGKILL, mid-run: no destructor, no chance to tidy up.
    child.kill().unwrap();
    // Whatever the child announced before dying was committed too.
    for line in lines.map_while(Result::ok) {
        if let Some(id) = line.strip_prefix("committed ") {
            committed.push(id.to_owned());
        }
    }
    child.wait().unwrap();

    let session = Session::open(&path).expect("the file opens after the crash");
    let model = session.model();
    for id in &committed {
        assert!(model.role(id).is_some(), "committed edit {id} was lost");
    }
    assert!(model.roles.len() >= before + committed.len());
    assert!(session.check().unwrap().is_sound(), "{:?}", session.check().unwrap());
}
