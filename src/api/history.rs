//! Whether there is something to undo and to redo, and answers withdrawn outside the history.

use super::Session;
use serde::Serialize;

/// Whether there is something to undo and to redo: the studio greys its buttons and menu items.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct History {
    pub can_undo: bool,
    pub can_redo: bool,
}

/// A participant's answers deleted at their request: how many, and the history after it (the
/// deletion is kept out of undo: withdrawn answers do not come back).
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Withdrawn {
    pub answers: usize,
    pub history: History,
}

impl Session {
    pub fn history(&self) -> History {
        History { can_undo: self.can_undo(), can_redo: self.can_redo() }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Edit, Role};

    fn demo() -> (tempfile::TempDir, Session) {
        let dir = tempfile::tempdir().unwrap();
        let s = Session::create(&dir.path().join("d.trellis"), "demo", None, "2026-01-15").unwrap();
        (dir, s)
    }

    #[test]
    fn answers_and_withdrawals_stay_out_of_undo_and_redo() {
        let (_dir, mut s) = demo();
        let bank = s.banks().remove(0);
        let answer = |respondent: &str| crate::model::Response {
            bank: bank.id.clone(),
            question: bank.questions.iter().find(|q| !q.prompt).unwrap().id.clone(),
            respondent: respondent.into(),
            group: None,
            respondent_type: None,
            score: Some(4),
            note: String::new(),
            at: "2026-02-01T10:00:00Z".into(),
        };
        let role = Role { id: String::new(), name: "Night lead".into(), ..s.lists().roles[0].clone() };
        let id = s.apply_edit(Edit::PutRole(role)).unwrap().id.unwrap();
        s.answer(answer("Table 1")).unwrap();
        s.answer(answer("Table 2")).unwrap();
        assert_eq!(s.withdraw("Table 2", None).unwrap(), 1);
        // Undo passes over the answers and the withdrawal to the role; redo brings the role back
        // and no answer twice.
        assert!(s.undo().unwrap());
        assert!(s.lists().roles.iter().all(|r| r.id != id));
        assert!(!s.undo().unwrap(), "nothing older to undo");
        while s.redo().unwrap() {}
        assert!(s.lists().roles.iter().any(|r| r.id == id));
        let respondents: Vec<&str> =
            s.model().responses.iter().map(|r| r.respondent.as_str()).filter(|r| r.starts_with("Table")).collect();
        assert_eq!(respondents, ["Table 1"]);
    }
}
