//! The open engagement's history: undo and redo hold only edits with an inverse, so answers
//! (a record of what people said) are neither undone nor replayed, and stay in the file.

use trellis::api::Session;
use trellis::model::{Edit, Response, Role};

fn answer(respondent: &str) -> Response {
    Response {
        bank: "core".into(),
        question: "co-1".into(),
        respondent: respondent.into(),
        group: None,
        respondent_type: None,
        score: Some(4),
        note: String::new(),
        at: "2026-02-01T10:00:00Z".into(),
    }
}

#[test]
fn undo_and_redo_pass_over_answers() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("h.trellis");
    let mut s = Session::create(&path, "demo", None, "2026-01-01").unwrap();
    let role = Role { id: "role-night-lead".into(), name: "Night lead".into(), ..s.model().roles[0].clone() };
    s.apply(Edit::PutRole(role)).unwrap();
    s.answer(answer("Table 1")).unwrap();
    let answered = |s: &Session| s.model().responses.iter().filter(|r| r.respondent == "Table 1").count();
    // Undo goes past the answer to the role; the answer stays.
    assert!(s.undo().unwrap());
    assert!(s.model().role("role-night-lead").is_none());
    assert_eq!(answered(&s), 1, "undo leaves the answer in place");
    // Redo brings the role back and does not record the answer a second time.
    assert!(s.redo().unwrap());
    assert!(!s.can_redo());
    assert!(s.model().role("role-night-lead").is_some());
    assert_eq!(answered(&s), 1);
    drop(s);
    let s = Session::open(&path).unwrap();
    assert_eq!(answered(&s), 1, "the answer is in the file");
    assert!(!s.can_undo(), "a reopened file starts with an empty history");
}
