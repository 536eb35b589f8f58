//! The live session on a session: the session record kept in the file, and batches of answers committed as one transaction each (group commit).

use super::Session;
use crate::diagnostics;
use crate::model::{self, Edit, Model, Response};
use crate::store::{LiveRecord, LiveWrite};
use crate::{Error, Result};

impl Session {
    /// The live session the file holds (open or ended), if one was ever started.
    pub fn live_record(&self) -> Result<Option<LiveRecord>> {
        self.store.live_record()
    }

    /// Starts a live session on a bank, replacing the record of any earlier one (answers stay).
    pub fn begin_live(&mut self, record: &LiveRecord) -> Result<()> {
        if diagnostics::find_bank(&self.model, &record.bank).is_none() {
            return Err(Error::NotInModel(format!("no question bank `{}`", record.bank)));
        }
        self.store.begin_live(record)
    }

    /// Reads the answers again from the file when another connection (a live session's server)
    /// committed since the last look; the rest of the model, and undo and redo, stay as they are.
    pub fn reload_responses(&mut self) -> Result<()> {
        let version = self.store.data_version()?;
        if self.others_version != Some(version) {
            self.model.responses = self.store.responses()?;
            self.others_version = Some(version);
        }
        Ok(())
    }

    /// Writes a batch of workshop changes as one transaction, then keeps the answers in memory.
    ///
    /// Each answer is checked on its own against the model's rules and the bank. The rest of the
    /// model is not validated again: an answer or a withdrawal touches nothing else, and checking
    /// every earlier answer on each submission would make a workshop quadratic in its answers.
    pub fn record_live(&mut self, writes: &[LiveWrite]) -> Result<()> {
        for w in writes {
            match w {
                LiveWrite::Edit(Edit::AddResponse(r)) => self.check_answer(r)?,
                LiveWrite::Edit(Edit::RemoveResponses { .. }) => {}
                LiveWrite::Edit(other) => {
                    return Err(Error::Refused(format!("a workshop writes answers only, not {other:?}")));
                }
                _ => {}
            }
        }
        self.store.record_live(writes)?;
        for w in writes {
            if let LiveWrite::Edit(edit) = w {
                self.model.apply_unchecked(edit);
            }
        }
        Ok(())
    }

    fn check_answer(&self, r: &Response) -> Result<()> {
        let known = diagnostics::find_bank(&self.model, &r.bank).is_some_and(|b| b.question(&r.question).is_some());
        if !known {
            return Err(Error::NotInModel(format!("no question `{}` in bank `{}`", r.question, r.bank)));
        }
        // The model's own rules, applied to this answer alone.
        let alone = Model { engagement: self.model.engagement.clone(), responses: vec![r.clone()], ..Model::default() };
        let errors = model::validate(&alone);
        if errors.is_empty() {
            Ok(())
        } else {
            Err(Error::Invalid(errors))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_another_connection_saved_are_read_in_only_when_the_file_changed() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("demo.trellis");
        let mut studio = Session::create(&path, "demo", None, "2026-01-15").unwrap();
        let mut server = Session::open(&path).unwrap();
        studio.reload_responses().unwrap();
        let shipped = studio.model().responses.clone();
        assert!(!shipped.is_empty(), "the demo ships its own answers");

        let question = diagnostics::find_bank(server.model(), "core").unwrap().questions[0].id.clone();
        let answer = Response {
            bank: "core".into(),
            question,
            respondent: "ws-1".into(),
            group: None,
            respondent_type: None,
            score: Some(4),
            note: String::new(),
            at: "2026-01-15T10:00:00Z".into(),
        };
        server.record_live(&[LiveWrite::Edit(Edit::AddResponse(answer.clone()))]).unwrap();
        studio.reload_responses().unwrap();
        assert_eq!(studio.model().responses.last(), Some(&answer));
        assert_eq!(studio.model().responses.len(), shipped.len() + 1);

        // Nothing new in the file: what is in memory is kept, not read again.
        studio.model.responses.clear();
        studio.reload_responses().unwrap();
        assert!(studio.model().responses.is_empty());
    }
}
