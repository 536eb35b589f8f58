//! The room: the live session as the server's handlers read it (questions open and closed, who joined, the latest answers), and the views sent to phones and to the facilitator.

use crate::model::{Area, Bank, Model, RespondentType};
use crate::store::{LiveRecord, QuestionState};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// One participant's answer that counts (their latest) to one question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answer {
    pub score: Option<i64>,
    pub note: String,
    pub group: Option<String>,
}

/// What a participant said about themselves: both optional.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Participant {
    pub group: Option<String>,
    pub respondent_type: Option<RespondentType>,
}

/// A respondent type a participant may pick, with the words the phone shows.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TypeChoice {
    pub id: RespondentType,
    pub label: &'static str,
}

/// The live session. Only the recorder changes it, after each commit; handlers read it.
#[derive(Debug, Clone)]
pub struct Room {
    pub session: String,
    pub bank: Bank,
    /// Per question of the bank, by position: never opened (`None`), open or closed.
    pub states: Vec<Option<QuestionState>>,
    pub current: Option<usize>,
    pub ended: bool,
    /// The groups a participant may pick (role groups of the engagement, else role names).
    pub groups: Vec<String>,
    pub anonymity_threshold: i64,
    /// Respondent id to the group and type they picked.
    pub participants: HashMap<String, Participant>,
    /// The latest answer per question (by position) and respondent, for this bank.
    pub answers: HashMap<(usize, String), Answer>,
}

impl Room {
    /// The room as the file left it: the record's questions and participants, and their answers
    /// to this bank (the latest per respondent and question counts). Answers from other
    /// sessions stay in the file and in the summary, not in this session's live view.
    pub fn new(bank: Bank, record: &LiveRecord, model: &Model) -> Room {
        let position = |id: &str| bank.questions.iter().position(|q| q.id == id);
        let participants: HashMap<String, Participant> = record
            .participants
            .iter()
            .map(|p| (p.respondent.clone(), Participant { group: p.group.clone(), respondent_type: p.respondent_type }))
            .collect();
        let mut states = vec![None; bank.questions.len()];
        for (id, state) in &record.questions {
            if let Some(i) = position(id) {
                states[i] = Some(*state);
            }
        }
        let mut answers = HashMap::new();
        for r in model.responses.iter().filter(|r| r.bank == bank.id && participants.contains_key(&r.respondent)) {
            if let Some(i) = position(&r.question) {
                let answer = Answer { score: r.score, note: r.note.clone(), group: r.group.clone() };
                answers.insert((i, r.respondent.clone()), answer);
            }
        }
        Room {
            session: record.session.clone(),
            current: record.current.as_deref().and_then(position),
            ended: record.ended.is_some(),
            groups: groups_of(model),
            anonymity_threshold: model.settings.anonymity_threshold,
            participants,
            answers,
            states,
            bank,
        }
    }

    pub fn position(&self, question: &str) -> Option<usize> {
        self.bank.questions.iter().position(|q| q.id == question)
    }

    /// What a participant's phone shows.
    pub fn participant_view(&self, respondent: &str) -> ParticipantView {
        let question = self.current.filter(|_| !self.ended).map(|i| {
            let q = &self.bank.questions[i];
            QuestionView {
                id: q.id.clone(),
                number: i + 1,
                total: self.bank.questions.len(),
                area: q.area,
                area_title: q.area.label().to_owned(),
                text: q.text.clone(),
                help: q.help.clone(),
                prompt: q.prompt,
                open: self.states[i] == Some(QuestionState::Open),
            }
        });
        let answer = self
            .current
            .and_then(|i| self.answers.get(&(i, respondent.to_owned())))
            .map(|a| MyAnswer { score: a.score, note: a.note.clone() });
        ParticipantView {
            session: self.session.clone(),
            ended: self.ended,
            respondent: respondent.to_owned(),
            group: self.participants.get(respondent).and_then(|p| p.group.clone()),
            groups: self.groups.clone(),
            respondent_type: self.participants.get(respondent).and_then(|p| p.respondent_type),
            respondent_types: RespondentType::ALL.iter().map(|t| TypeChoice { id: *t, label: t.label() }).collect(),
            anonymity_threshold: self.anonymity_threshold,
            title: self.bank.title.clone(),
            question,
            answer,
        }
    }

    /// What the facilitator sees: every question with its live distribution.
    pub fn live_view(&self) -> LiveView {
        let mut by_question: Vec<Vec<(&str, &Answer)>> = vec![Vec::new(); self.bank.questions.len()];
        for ((i, respondent), a) in &self.answers {
            by_question[*i].push((respondent, a));
        }
        let questions = self
            .bank
            .questions
            .iter()
            .zip(by_question)
            .enumerate()
            .map(|(i, (q, mut answers))| {
                answers.sort_by(|a, b| a.0.cmp(b.0));
                let state = match self.states[i] {
                    None => "waiting",
                    Some(QuestionState::Open) => "open",
                    Some(QuestionState::Closed) => "closed",
                };
                LiveQuestion {
                    id: q.id.clone(),
                    number: i + 1,
                    area: q.area,
                    text: q.text.clone(),
                    state,
                    tally: Tally::of(answers.iter().map(|(_, a)| *a), self.anonymity_threshold),
                }
            })
            .collect();
        LiveView {
            session: self.session.clone(),
            bank: self.bank.id.clone(),
            title: self.bank.title.clone(),
            ended: self.ended,
            participants: self.participants.len(),
            anonymity_threshold: self.anonymity_threshold,
            current: self.current.map(|i| self.bank.questions[i].id.clone()),
            questions,
        }
    }
}

/// Distinct role groups of the engagement, else its role names: what people say they are.
fn groups_of(model: &Model) -> Vec<String> {
    let groups: BTreeSet<&str> = model.roles.iter().map(|r| r.group.trim()).filter(|g| !g.is_empty()).collect();
    if !groups.is_empty() {
        return groups.into_iter().map(str::to_owned).collect();
    }
    let names: BTreeSet<&str> = model.roles.iter().map(|r| r.name.trim()).filter(|n| !n.is_empty()).collect();
    names.into_iter().map(str::to_owned).collect()
}

fn mean(sum: i64, n: usize) -> Option<f64> {
    (n > 0).then(|| ((sum as f64 / n as f64) * 100.0).round() / 100.0)
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuestionView {
    pub id: String,
    pub number: usize,
    pub total: usize,
    pub area: Area,
    pub area_title: String,
    pub text: String,
    pub help: String,
    /// A discussion prompt: people talk about it and may leave a note, but do not rate it.
    pub prompt: bool,
    /// False once the facilitator closed it: the phone shows the answer but no longer sends one.
    pub open: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MyAnswer {
    pub score: Option<i64>,
    pub note: String,
}

/// `GET /api/state`: everything a phone needs to draw itself.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ParticipantView {
    pub session: String,
    pub ended: bool,
    pub respondent: String,
    pub group: Option<String>,
    pub groups: Vec<String>,
    /// Learner, manager, L&D or leader, once they said.
    pub respondent_type: Option<RespondentType>,
    /// The types they may pick from, with their labels.
    pub respondent_types: Vec<TypeChoice>,
    pub anonymity_threshold: i64,
    pub title: String,
    pub question: Option<QuestionView>,
    pub answer: Option<MyAnswer>,
}

/// A group's mean on one question, shown only at or above the anonymity threshold.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LiveGroup {
    pub group: String,
    pub respondents: usize,
    pub mean: Option<f64>,
}

/// One question's live distribution for the facilitator.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LiveQuestion {
    pub id: String,
    pub number: usize,
    pub area: Area,
    pub text: String,
    /// `waiting` (never opened), `open` or `closed`.
    #[cfg_attr(feature = "ts", ts(type = "\"waiting\" | \"open\" | \"closed\""))]
    pub state: &'static str,
    #[serde(flatten)]
    pub tally: Tally,
}

/// The answers that count to one question.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Tally {
    pub answers: usize,
    /// How many answered 1, 2, 3, 4, 5.
    pub distribution: [usize; 5],
    pub dont_know: usize,
    pub mean: Option<f64>,
    pub groups: Vec<LiveGroup>,
    /// Groups left out because fewer than the anonymity threshold answered.
    pub hidden_groups: usize,
    /// Notes as typed: whoever shows them shows them as text.
    pub notes: Vec<String>,
}

impl Tally {
    fn of<'a>(answers: impl Iterator<Item = &'a Answer>, threshold: i64) -> Tally {
        let mut t = Tally::default();
        let mut sum = 0;
        // Per group: respondents, sum of scores, how many scored.
        let mut groups: BTreeMap<&str, (usize, i64, usize)> = BTreeMap::new();
        for a in answers {
            t.answers += 1;
            let group = a.group.as_deref().filter(|g| !g.is_empty()).map(|g| groups.entry(g).or_default());
            match a.score {
                Some(s @ 1..=5) => {
                    t.distribution[(s - 1) as usize] += 1;
                    sum += s;
                    if let Some(g) = group {
                        *g = (g.0 + 1, g.1 + s, g.2 + 1);
                    }
                }
                _ => {
                    t.dont_know += 1;
                    if let Some(g) = group {
                        g.0 += 1;
                    }
                }
            }
            if !a.note.trim().is_empty() {
                t.notes.push(a.note.clone());
            }
        }
        t.mean = mean(sum, t.distribution.iter().sum());
        for (name, (respondents, sum, scored)) in groups {
            if respondents as i64 >= threshold {
                t.groups.push(LiveGroup { group: name.to_owned(), respondents, mean: mean(sum, scored) });
            } else {
                t.hidden_groups += 1;
            }
        }
        t
    }
}

/// `GET /api/facilitator/live`: the session at a glance.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LiveView {
    pub session: String,
    pub bank: String,
    pub title: String,
    pub ended: bool,
    pub participants: usize,
    pub anonymity_threshold: i64,
    pub current: Option<String>,
    pub questions: Vec<LiveQuestion>,
}

impl LiveView {
    pub fn current_question(&self) -> Option<&LiveQuestion> {
        self.current.as_ref().and_then(|id| self.questions.iter().find(|q| &q.id == id))
    }
}
