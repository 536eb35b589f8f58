//! The live workshop on a session: the session record kept in the file, and batches of answers committed as one transaction each (group commit).

use super::Session;
use crate::diagnostics;
use crate::model::{self, Edit, Model, Response};
use crate::store::{WorkshopRecord, WorkshopWrite};
use crate::{Error, Result};

impl Session {
    /// The live session the file holds (open or ended), if one was ever started.
    pub fn workshop(&self) -> Result<Option<WorkshopRecord>> {
        self.store.workshop()
    }

    /// Starts a live session on a bank, replacing the record of any earlier one (answers stay).
    pub fn begin_workshop(&mut self, record: &WorkshopRecord) -> Result<()> {
        if diagnostics::find_bank(&self.model, &record.bank).is_none() {
            return Err(Error::NotInModel(format!("no question bank `{}`", record.bank)));
        }
        self.store.begin_workshop(record)
    }

    /// Reads the answers again from the file, after a live session's server wrote them through
    /// its own connection; the rest of the model, and undo and redo, stay as they are.
    pub fn reload_responses(&mut self) -> Result<usize> {
        let before = self.model.responses.len();
        self.model.responses = self.store.responses()?;
        Ok(self.model.responses.len().saturating_sub(before))
    }

    /// Writes a batch of workshop changes as one transaction, then keeps the answers in memory.
    ///
    /// Each answer is checked on its own against the model's rules and the bank. The rest of the
    /// model is not validated again: an answer or a withdrawal touches nothing else, and checking
    /// every earlier answer on each submission would make a workshop quadratic in its answers.
    pub fn record_workshop(&mut self, writes: &[WorkshopWrite]) -> Result<()> {
        for w in writes {
            match w {
                WorkshopWrite::Edit(Edit::AddResponse(r)) => self.check_answer(r)?,
                WorkshopWrite::Edit(Edit::RemoveResponses { .. }) => {}
                WorkshopWrite::Edit(other) => {
                    return Err(Error::Usage(format!("a workshop writes answers only, not {other:?}")));
                }
                _ => {}
            }
        }
        self.store.record_workshop(writes)?;
        for w in writes {
            if let WorkshopWrite::Edit(edit) = w {
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
