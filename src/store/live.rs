//! The live session kept in the engagement file (schema 4): its bank, which questions are open, who joined, and hashes of its secrets.
//!
//! The answers themselves are ordinary `response` rows. A batch of live writes (answers,
//! joins, questions opened and closed) is one transaction, so the live server can commit
//! many submissions at once and still acknowledge each only after it is in the file.

use super::{sqlite, write, Store};
use crate::model::{Edit, RespondentType};
use crate::Result;
use rusqlite::{OptionalExtension, Transaction};

/// Where a question stands in a live session. A question never opened has no state.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuestionState {
    Open,
    Closed,
}

impl QuestionState {
    pub fn as_str(self) -> &'static str {
        match self {
            QuestionState::Open => "open",
            QuestionState::Closed => "closed",
        }
    }
}

/// Someone who joined with the code. `respondent` is the anonymous id their answers carry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LiveParticipant {
    pub respondent: String,
    pub group: Option<String>,
    /// Learner, manager, L&D or leader, when they said (schema 7).
    pub respondent_type: Option<RespondentType>,
    /// RFC 3339 time.
    pub joined: String,
}

/// The live session as the file keeps it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LiveRecord {
    /// A random id; phones keep their participant token under it.
    pub session: String,
    pub bank: String,
    /// `salt$hex(sha256(salt || code))`: the code itself is never stored.
    pub join_code_hash: String,
    pub facilitator_hash: String,
    /// The question on the participants' screens.
    pub current: Option<String>,
    pub started: String,
    /// Set once the facilitator closed the session.
    pub ended: Option<String>,
    /// Questions opened so far, in the order of the bank.
    pub questions: Vec<(String, QuestionState)>,
    pub participants: Vec<LiveParticipant>,
}

/// One row-level change of a live session; a slice of them is written as one transaction.
#[derive(Debug, Clone, PartialEq)]
pub enum LiveWrite {
    /// An answer (`AddResponse`) or a withdrawal (`RemoveResponses`).
    Edit(Edit),
    Join(LiveParticipant),
    /// The participant's group and respondent type, either of them unsaid.
    SetGroup {
        respondent: String,
        group: Option<String>,
        respondent_type: Option<RespondentType>,
    },
    Question {
        question: String,
        state: QuestionState,
    },
    Current(Option<String>),
    Secrets {
        join_code_hash: String,
        facilitator_hash: String,
    },
    End {
        at: String,
    },
}

impl Store {
    /// The live session the file holds (open or ended), if any was ever started.
    pub fn live_record(&self) -> Result<Option<LiveRecord>> {
        read(&self.conn).map_err(sqlite(&self.path))
    }

    /// Starts a session, replacing whatever session the file held before (its answers stay).
    pub fn begin_live(&mut self, record: &LiveRecord) -> Result<()> {
        let tx = self.conn.transaction().map_err(sqlite(&self.path))?;
        begin(&tx, record).map_err(sqlite(&self.path))?;
        tx.commit().map_err(sqlite(&self.path))
    }

    /// Writes every change in order as one transaction: all of them or none.
    pub fn record_live(&mut self, writes: &[LiveWrite]) -> Result<()> {
        let tx = self.conn.transaction().map_err(sqlite(&self.path))?;
        for w in writes {
            record(&tx, w).map_err(sqlite(&self.path))?;
        }
        tx.commit().map_err(sqlite(&self.path))
    }
}

fn read(conn: &rusqlite::Connection) -> rusqlite::Result<Option<LiveRecord>> {
    let row = conn
        .query_row(
            "SELECT session, bank, join_code_hash, facilitator_hash, current, started, ended FROM workshop WHERE id = 1",
            [],
            |r| {
                Ok(LiveRecord {
                    session: r.get(0)?,
                    bank: r.get(1)?,
                    join_code_hash: r.get(2)?,
                    facilitator_hash: r.get(3)?,
                    current: r.get(4)?,
                    started: r.get(5)?,
                    ended: r.get(6)?,
                    questions: Vec::new(),
                    participants: Vec::new(),
                })
            },
        )
        .optional()?;
    let Some(mut record) = row else { return Ok(None) };
    let mut stmt = conn.prepare("SELECT question, state FROM workshop_question ORDER BY rowid")?;
    record.questions = stmt
        .query_map([], |r| {
            let state: String = r.get(1)?;
            let state = if state == "open" { QuestionState::Open } else { QuestionState::Closed };
            Ok((r.get(0)?, state))
        })?
        .collect::<rusqlite::Result<_>>()?;
    let mut stmt = conn.prepare(
        "SELECT respondent, grp, joined, respondent_type FROM workshop_participant ORDER BY joined, respondent",
    )?;
    record.participants = stmt
        .query_map([], |r| {
            let respondent_type = match r.get_ref(3)?.as_str_or_null()? {
                Some(t) => Some(t.parse::<RespondentType>().map_err(|e| {
                    rusqlite::Error::FromSqlConversionFailure(3, rusqlite::types::Type::Text, e.into())
                })?),
                None => None,
            };
            Ok(LiveParticipant { respondent: r.get(0)?, group: r.get(1)?, respondent_type, joined: r.get(2)? })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(Some(record))
}

fn begin(tx: &Transaction<'_>, r: &LiveRecord) -> rusqlite::Result<()> {
    tx.execute_batch("DELETE FROM workshop_participant; DELETE FROM workshop_question; DELETE FROM workshop;")?;
    tx.execute(
        "INSERT INTO workshop (id, session, bank, join_code_hash, facilitator_hash, current, started, ended)
         VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        (&r.session, &r.bank, &r.join_code_hash, &r.facilitator_hash, &r.current, &r.started, &r.ended),
    )?;
    for (question, state) in &r.questions {
        record(tx, &LiveWrite::Question { question: question.clone(), state: *state })?;
    }
    for p in &r.participants {
        record(tx, &LiveWrite::Join(p.clone()))?;
    }
    Ok(())
}

fn record(tx: &Transaction<'_>, w: &LiveWrite) -> rusqlite::Result<()> {
    match w {
        LiveWrite::Edit(edit) => write::apply(tx, edit)?,
        LiveWrite::Join(p) => {
            tx.prepare_cached(
                "INSERT OR REPLACE INTO workshop_participant (respondent, grp, joined, respondent_type)
                 VALUES (?1, ?2, ?3, ?4)",
            )?
            .execute((&p.respondent, &p.group, &p.joined, p.respondent_type.map(|t| t.as_str())))?;
        }
        LiveWrite::SetGroup { respondent, group, respondent_type } => {
            tx.execute(
                "UPDATE workshop_participant SET grp = ?2, respondent_type = ?3 WHERE respondent = ?1",
                (respondent, group, respondent_type.map(|t| t.as_str())),
            )?;
        }
        LiveWrite::Question { question, state } => {
            tx.execute(
                "INSERT INTO workshop_question (question, state) VALUES (?1, ?2)
                 ON CONFLICT (question) DO UPDATE SET state = ?2",
                (question, state.as_str()),
            )?;
        }
        LiveWrite::Current(question) => {
            tx.execute("UPDATE workshop SET current = ?1 WHERE id = 1", [question])?;
        }
        LiveWrite::Secrets { join_code_hash, facilitator_hash } => {
            tx.execute(
                "UPDATE workshop SET join_code_hash = ?1, facilitator_hash = ?2 WHERE id = 1",
                (join_code_hash, facilitator_hash),
            )?;
        }
        LiveWrite::End { at } => {
            tx.execute("UPDATE workshop SET ended = ?1, current = NULL WHERE id = 1", [at])?;
            tx.execute("UPDATE workshop_question SET state = 'closed'", [])?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Response;

    fn answer(respondent: &str, score: i64) -> LiveWrite {
        LiveWrite::Edit(Edit::AddResponse(Response {
            bank: "core".into(),
            question: "bt-1".into(),
            respondent: respondent.into(),
            group: None,
            respondent_type: None,
            score: Some(score),
            note: String::new(),
            at: "2026-01-01T10:00:00Z".into(),
        }))
    }

    fn join(respondent: &str) -> LiveWrite {
        LiveWrite::Join(LiveParticipant {
            respondent: respondent.into(),
            group: Some("Transport".into()),
            respondent_type: Some(RespondentType::Manager),
            joined: "2026-01-01T09:59:00Z".into(),
        })
    }

    #[test]
    fn a_live_session_round_trips_and_a_batch_is_all_or_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("w.trellis");
        let mut model = crate::templates::load("demo").unwrap();
        model.engagement.created = "2026-01-01".into();
        model.responses.clear(); // the demo's own answers; this test counts the session's
        let mut store = Store::create(&path, &model).unwrap();
        assert_eq!(store.live_record().unwrap(), None);
        let record = LiveRecord {
            session: "s1".into(),
            bank: "core".into(),
            join_code_hash: "aa$bb".into(),
            facilitator_hash: "cc$dd".into(),
            current: None,
            started: "2026-01-01T09:00:00Z".into(),
            ended: None,
            questions: Vec::new(),
            participants: Vec::new(),
        };
        store.begin_live(&record).unwrap();
        store
            .record_live(&[
                join("ws-1"),
                LiveWrite::Question { question: "bt-1".into(), state: QuestionState::Open },
                LiveWrite::Current(Some("bt-1".into())),
                answer("ws-1", 4),
            ])
            .unwrap();
        let live = store.live_record().unwrap().unwrap();
        assert_eq!(live.current.as_deref(), Some("bt-1"));
        assert_eq!(live.questions, vec![("bt-1".to_owned(), QuestionState::Open)]);
        assert_eq!(live.participants.len(), 1);
        assert_eq!(live.participants[0].respondent_type, Some(RespondentType::Manager), "the type is kept");
        assert_eq!(store.load().unwrap().responses.len(), 1);
        let say =
            LiveWrite::SetGroup { respondent: "ws-1".into(), group: None, respondent_type: Some(RespondentType::Ld) };
        store.record_live(&[say]).unwrap();
        let p = &store.live_record().unwrap().unwrap().participants[0];
        assert_eq!((p.group.as_deref(), p.respondent_type), (None, Some(RespondentType::Ld)));

        // A score the file refuses (CHECK 1..5) takes the whole batch with it.
        assert!(store.record_live(&[join("ws-2"), answer("ws-2", 9)]).is_err());
        assert_eq!(store.live_record().unwrap().unwrap().participants.len(), 1);
        assert_eq!(store.load().unwrap().responses.len(), 1);

        store.record_live(&[LiveWrite::End { at: "2026-01-01T11:00:00Z".into() }]).unwrap();
        let ended = store.live_record().unwrap().unwrap();
        assert_eq!(ended.ended.as_deref(), Some("2026-01-01T11:00:00Z"));
        assert_eq!(ended.current, None);
        assert_eq!(ended.questions, vec![("bt-1".to_owned(), QuestionState::Closed)]);

        // A new session replaces the record; the answers stay.
        store.begin_live(&LiveRecord { session: "s2".into(), ..record }).unwrap();
        let fresh = store.live_record().unwrap().unwrap();
        assert_eq!((fresh.session.as_str(), fresh.participants.len(), fresh.questions.len()), ("s2", 0, 0));
        assert_eq!(store.load().unwrap().responses.len(), 1);
    }
}
