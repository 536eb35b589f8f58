//! The recorder: the one thread that owns the engagement file while a live session is served, committing what arrives together as one transaction (group commit) and only then answering each request.
//!
//! Handlers never write. They send a job and wait for its reply, which comes after the
//! transaction holding that job's row committed: an acknowledged answer is in the file.
//! Jobs are taken in arrival order, so an answer sent before the facilitator closed its
//! question counts, and one sent after is refused.

use super::state::{Answer, Participant, Room};
use crate::api::Session;
use crate::diagnostics::ResponseSummary;
use crate::model::{Edit, Response};
use crate::store::{LiveParticipant, LiveWrite, QuestionState};
use crate::ErrorCode;
use std::collections::HashMap;
use std::sync::{Arc, RwLock};
use tokio::sync::{mpsc, oneshot};

/// Most jobs committed in one transaction.
const MAX_BATCH: usize = 1024;

/// What the facilitator can do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    /// Close the current question (if open) and open the one after it.
    Next,
    /// Open a question by id, closing the current one.
    Open(String),
    /// Close the current question.
    Close,
    /// Close the session: every question closes, phones say thank you.
    End,
    /// Delete one participant's answers to this bank (during the session or after it).
    RemoveParticipant(String),
}

/// Why a job was not done; the handlers turn each into an HTTP status.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// The question is not open (closed, not yet opened, or not the current one).
    Closed(String),
    UnknownQuestion(String),
    UnknownParticipant,
    /// The facilitator closed the session.
    Ended,
    /// Nothing comes after the last question.
    NoMoreQuestions,
    Full,
    /// The file refused the write; nothing of the batch was kept.
    Failed(String),
}

impl Refusal {
    /// A stable code for each refusal: the phone page and the studio switch on it.
    pub fn code(&self) -> ErrorCode {
        match self {
            Refusal::Closed(_) => ErrorCode::Closed,
            Refusal::UnknownQuestion(_) => ErrorCode::UnknownQuestion,
            Refusal::UnknownParticipant => ErrorCode::UnknownParticipant,
            Refusal::Ended => ErrorCode::Ended,
            Refusal::NoMoreQuestions => ErrorCode::NoMoreQuestions,
            Refusal::Full => ErrorCode::Full,
            Refusal::Failed(_) => ErrorCode::NotSaved,
        }
    }
}

impl std::fmt::Display for Refusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Refusal::Closed(q) => write!(f, "question `{q}` is not open"),
            Refusal::UnknownQuestion(q) => write!(f, "no question `{q}` in this bank"),
            Refusal::UnknownParticipant => write!(f, "join the session with its code first"),
            Refusal::Ended => write!(f, "the facilitator has closed this session"),
            Refusal::NoMoreQuestions => write!(f, "that was the last question; it is closed now"),
            Refusal::Full => write!(f, "this session has as many participants as it takes"),
            Refusal::Failed(e) => write!(f, "not saved: {e}"),
        }
    }
}

/// A job done: when (RFC 3339) and, for withdrawals and removals, how many answers went.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Done {
    pub at: String,
    pub count: usize,
}

pub type Reply = oneshot::Sender<Result<Done, Refusal>>;

pub enum Job {
    Join {
        respondent: String,
        about: Participant,
        reply: Reply,
    },
    /// The participant's group and respondent type (either may be unsaid).
    SetGroup {
        respondent: String,
        about: Participant,
        reply: Reply,
    },
    Answer {
        respondent: String,
        question: String,
        score: Option<i64>,
        note: String,
        reply: Reply,
    },
    Withdraw {
        respondent: String,
        reply: Reply,
    },
    Control {
        command: Command,
        reply: Reply,
    },
    Summarize {
        reply: oneshot::Sender<ResponseSummary>,
    },
    /// Stop after the jobs before it.
    Stop,
}

/// A change to the room, made once its rows are committed.
enum Effect {
    Join(String, Participant),
    Answer(usize, String, Answer),
    Forget(String),
    Room { states: Vec<Option<QuestionState>>, current: Option<usize>, ended: bool },
}

/// Runs until a `Stop` job or until every sender is gone. `now` stamps answers (RFC 3339).
pub fn run(mut session: Session, room: Arc<RwLock<Room>>, mut jobs: mpsc::Receiver<Job>, now: fn() -> String) {
    while let Some(first) = jobs.blocking_recv() {
        let mut batch = vec![first];
        while batch.len() < MAX_BATCH {
            match jobs.try_recv() {
                Ok(job) => batch.push(job),
                Err(_) => break,
            }
        }
        let stop = batch.iter().position(|j| matches!(j, Job::Stop));
        if let Some(i) = stop {
            batch.truncate(i);
        }
        commit(&mut session, &room, batch, now());
        if stop.is_some() {
            break;
        }
    }
}

/// Checks every job against the room as the jobs before it leave it, writes the accepted ones
/// as one transaction, then changes the room and answers.
fn commit(session: &mut Session, room: &RwLock<Room>, batch: Vec<Job>, at: String) {
    // Handlers keep reading while the batch commits; only the recorder ever writes the room.
    let guard = room.read().unwrap_or_else(|e| e.into_inner());
    let mut draft = Draft::of(&guard);
    let mut writes = Vec::new();
    let mut effects = Vec::new();
    let mut replies: Vec<(Reply, Result<Done, Refusal>)> = Vec::new();
    let done = |count| Ok(Done { at: at.clone(), count });
    for job in batch {
        match job {
            Job::Join { respondent, about, reply } => {
                let outcome = if draft.ended {
                    Err(Refusal::Ended)
                } else if draft.room.participants.len() + draft.joined.len() >= super::security::MAX_PARTICIPANTS {
                    Err(Refusal::Full)
                } else {
                    let p = LiveParticipant {
                        respondent: respondent.clone(),
                        group: about.group.clone(),
                        respondent_type: about.respondent_type,
                        joined: at.clone(),
                    };
                    writes.push(LiveWrite::Join(p));
                    effects.push(Effect::Join(respondent.clone(), about.clone()));
                    draft.joined.insert(respondent, about);
                    done(0)
                };
                replies.push((reply, outcome));
            }
            Job::SetGroup { respondent, about, reply } => {
                let outcome = if !draft.knows(&respondent) {
                    Err(Refusal::UnknownParticipant)
                } else {
                    writes.push(LiveWrite::SetGroup {
                        respondent: respondent.clone(),
                        group: about.group.clone(),
                        respondent_type: about.respondent_type,
                    });
                    effects.push(Effect::Join(respondent.clone(), about.clone()));
                    draft.joined.insert(respondent, about);
                    done(0)
                };
                replies.push((reply, outcome));
            }
            Job::Answer { respondent, question, score, note, reply } => {
                let outcome = match draft.room.position(&question) {
                    _ if draft.ended => Err(Refusal::Ended),
                    None => Err(Refusal::UnknownQuestion(question)),
                    Some(_) if !draft.knows(&respondent) => Err(Refusal::UnknownParticipant),
                    Some(i) if draft.current != Some(i) || draft.states[i] != Some(QuestionState::Open) => {
                        Err(Refusal::Closed(question))
                    }
                    Some(i) => {
                        let Participant { group, respondent_type } = draft.about(&respondent);
                        // A discussion prompt keeps the note, never a score.
                        let score = score.filter(|_| !draft.room.bank.questions[i].prompt);
                        let response = Response {
                            bank: draft.room.bank.id.clone(),
                            question,
                            respondent: respondent.clone(),
                            group: group.clone(),
                            respondent_type,
                            score,
                            note: note.clone(),
                            at: at.clone(),
                        };
                        writes.push(LiveWrite::Edit(Edit::AddResponse(response)));
                        effects.push(Effect::Answer(i, respondent, Answer { score, note, group }));
                        done(1)
                    }
                };
                replies.push((reply, outcome));
            }
            Job::Withdraw { respondent, reply } => {
                let outcome = if draft.ended {
                    Err(Refusal::Ended)
                } else if !draft.knows(&respondent) {
                    Err(Refusal::UnknownParticipant)
                } else {
                    done(draft.forget(respondent, &mut writes, &mut effects))
                };
                replies.push((reply, outcome));
            }
            Job::Control { command, reply } => {
                let outcome = draft.control(command, &at, &mut writes, &mut effects);
                replies.push((reply, outcome.map(|count| Done { at: at.clone(), count })));
            }
            Job::Summarize { reply } => {
                // Reads see the file as committed so far; what this batch adds comes after.
                let _ = reply.send(ResponseSummary::of(session.model()));
            }
            Job::Stop => {}
        }
    }
    drop(guard);
    if !writes.is_empty() {
        if let Err(e) = session.record_live(&writes) {
            for (reply, outcome) in replies {
                let _ = reply.send(outcome.and(Err(Refusal::Failed(e.to_string()))));
            }
            return;
        }
        let mut room = room.write().unwrap_or_else(|e| e.into_inner());
        for effect in effects {
            match effect {
                Effect::Join(respondent, group) => _ = room.participants.insert(respondent, group),
                Effect::Answer(i, respondent, answer) => _ = room.answers.insert((i, respondent), answer),
                Effect::Forget(respondent) => room.answers.retain(|(_, r), _| *r != respondent),
                Effect::Room { states, current, ended } => {
                    room.states = states;
                    room.current = current;
                    room.ended = ended;
                }
            }
        }
    }
    for (reply, outcome) in replies {
        let _ = reply.send(outcome);
    }
}

/// The room as the jobs of one batch leave it, before anything is committed.
struct Draft<'r> {
    room: &'r Room,
    states: Vec<Option<QuestionState>>,
    current: Option<usize>,
    ended: bool,
    /// Joined, or changed group or type, in this batch.
    joined: HashMap<String, Participant>,
}

impl<'r> Draft<'r> {
    fn of(room: &'r Room) -> Draft<'r> {
        Draft { room, states: room.states.clone(), current: room.current, ended: room.ended, joined: HashMap::new() }
    }

    fn knows(&self, respondent: &str) -> bool {
        self.room.participants.contains_key(respondent) || self.joined.contains_key(respondent)
    }

    fn about(&self, respondent: &str) -> Participant {
        self.joined.get(respondent).or_else(|| self.room.participants.get(respondent)).cloned().unwrap_or_default()
    }

    /// Deletes one respondent's answers to this bank; returns how many counted before.
    fn forget(&self, respondent: String, writes: &mut Vec<LiveWrite>, effects: &mut Vec<Effect>) -> usize {
        let count = self.room.answers.keys().filter(|(_, r)| *r == respondent).count();
        writes.push(LiveWrite::Edit(Edit::RemoveResponses {
            respondent: respondent.clone(),
            bank: Some(self.room.bank.id.clone()),
        }));
        effects.push(Effect::Forget(respondent));
        count
    }

    /// Applies a facilitator command to the draft, queueing its rows and its effect.
    fn control(
        &mut self,
        command: Command,
        at: &str,
        writes: &mut Vec<LiveWrite>,
        effects: &mut Vec<Effect>,
    ) -> Result<usize, Refusal> {
        match command {
            Command::RemoveParticipant(respondent) => return Ok(self.forget(respondent, writes, effects)),
            _ if self.ended => return Err(Refusal::Ended),
            Command::Close => self.close_current(writes),
            Command::Next => {
                let next = self.current.map_or(0, |i| i + 1);
                self.close_current(writes);
                if next >= self.states.len() {
                    // The last question is closed; the facilitator ends the session when ready.
                    self.effect(effects);
                    return Err(Refusal::NoMoreQuestions);
                }
                self.open(next, writes);
            }
            Command::Open(id) => {
                let i = self.room.position(&id).ok_or(Refusal::UnknownQuestion(id))?;
                if self.current != Some(i) {
                    self.close_current(writes);
                }
                self.open(i, writes);
            }
            Command::End => {
                writes.push(LiveWrite::End { at: at.to_owned() });
                self.states.iter_mut().flatten().for_each(|s| *s = QuestionState::Closed);
                self.current = None;
                self.ended = true;
            }
        }
        self.effect(effects);
        Ok(0)
    }

    fn effect(&self, effects: &mut Vec<Effect>) {
        effects.push(Effect::Room { states: self.states.clone(), current: self.current, ended: self.ended });
    }

    fn question_id(&self, i: usize) -> String {
        self.room.bank.questions[i].id.clone()
    }

    fn close_current(&mut self, writes: &mut Vec<LiveWrite>) {
        if let Some(i) = self.current.filter(|i| self.states[*i] == Some(QuestionState::Open)) {
            self.states[i] = Some(QuestionState::Closed);
            writes.push(LiveWrite::Question { question: self.question_id(i), state: QuestionState::Closed });
        }
    }

    fn open(&mut self, i: usize, writes: &mut Vec<LiveWrite>) {
        self.states[i] = Some(QuestionState::Open);
        self.current = Some(i);
        writes.push(LiveWrite::Question { question: self.question_id(i), state: QuestionState::Open });
        writes.push(LiveWrite::Current(Some(self.question_id(i))));
    }
}
