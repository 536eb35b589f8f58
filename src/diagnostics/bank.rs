//! Question banks (built-in from templates/diagnostics/, custom ones from the engagement) and the summary of the answers.

use crate::model::{Area, Bank, Model, RespondentType};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet, HashMap};

const BUILTIN: &[(&str, &str)] =
    &[("templates/diagnostics/core.toml", include_str!("../../templates/diagnostics/core.toml"))];

/// The banks that ship with Trellis.
pub fn builtin_banks() -> &'static [Bank] {
    static BANKS: std::sync::OnceLock<Vec<Bank>> = std::sync::OnceLock::new();
    BANKS.get_or_init(|| {
        BUILTIN
            .iter()
            .map(|(name, text)| toml::from_str(text).unwrap_or_else(|e| panic!("{name} is not a valid bank: {e}")))
            .collect()
    })
}

/// A bank by id: the engagement's own version first, else the built-in one.
pub fn find_bank<'a>(model: &'a Model, id: &str) -> Option<&'a Bank> {
    model.banks.iter().find(|b| b.id == id).or_else(|| builtin_banks().iter().find(|b| b.id == id))
}

/// Every bank available to an engagement: its own, then the built-in ones it does not override.
pub fn available_banks(model: &Model) -> Vec<&Bank> {
    let mut out: Vec<&Bank> = model.banks.iter().collect();
    out.extend(builtin_banks().iter().filter(|b| !model.banks.iter().any(|m| m.id == b.id)));
    out
}

/// The answers to one question.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuestionResult {
    pub bank: String,
    pub question: String,
    pub area: Area,
    pub text: String,
    /// A discussion prompt: notes only, no scores.
    pub prompt: bool,
    /// How many answered 1, 2, 3, 4, 5.
    pub distribution: [usize; 5],
    pub dont_know: usize,
    pub mean: Option<f64>,
    pub notes: Vec<String>,
}

/// An area's answers from one group, shown only when the group is large enough to stay anonymous.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GroupResult {
    pub group: String,
    pub respondents: usize,
    pub mean: Option<f64>,
}

/// An area's answers from one respondent type (learners, managers, ...), shown only when enough
/// of that type answered to stay anonymous.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TypeResult {
    pub respondent_type: RespondentType,
    pub respondents: usize,
    pub mean: Option<f64>,
}

/// The answers in one area.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AreaResult {
    pub area: Area,
    pub distribution: [usize; 5],
    pub dont_know: usize,
    pub responses: usize,
    pub respondents: usize,
    pub mean: Option<f64>,
    pub groups: Vec<GroupResult>,
    /// Groups left out because fewer than the anonymity threshold answered.
    pub hidden_groups: usize,
    /// By respondent type, for the types at or above the anonymity threshold.
    pub types: Vec<TypeResult>,
}

#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ResponseSummary {
    pub anonymity_threshold: i64,
    /// People whose answers count, in any area.
    pub respondents: usize,
    pub areas: Vec<AreaResult>,
    pub questions: Vec<QuestionResult>,
}

fn mean(sum: i64, n: usize) -> Option<f64> {
    (n > 0).then(|| ((sum as f64 / n as f64) * 100.0).round() / 100.0)
}

#[derive(Default)]
struct Tally {
    distribution: [usize; 5],
    dont_know: usize,
    sum: i64,
    respondents: BTreeSet<String>,
}

impl Tally {
    fn add(&mut self, score: Option<i64>, respondent: &str) {
        match score {
            Some(s @ 1..=5) => {
                self.distribution[(s - 1) as usize] += 1;
                self.sum += s;
            }
            _ => self.dont_know += 1,
        }
        self.respondents.insert(respondent.to_owned());
    }

    fn scored(&self) -> usize {
        self.distribution.iter().sum()
    }
}

/// One question's area, text, whether it is a prompt, tally and notes while the answers are counted.
type QuestionTally = (Area, String, bool, Tally, Vec<String>);

impl ResponseSummary {
    /// Summarises the answers that count: the latest per respondent and question, for questions of known banks.
    pub fn of(model: &Model) -> ResponseSummary {
        let threshold = model.settings.anonymity_threshold;
        let mut latest: HashMap<(&str, &str, &str), usize> = HashMap::new();
        for (i, r) in model.responses.iter().enumerate() {
            latest.insert((&r.bank, &r.question, &r.respondent), i);
        }
        let mut counted: Vec<usize> = latest.into_values().collect();
        counted.sort_unstable();
        let mut areas: BTreeMap<Area, Tally> = BTreeMap::new();
        let mut groups: BTreeMap<(Area, String), Tally> = BTreeMap::new();
        let mut types: BTreeMap<(Area, RespondentType), Tally> = BTreeMap::new();
        let mut everyone: BTreeSet<&str> = BTreeSet::new();
        let mut questions: BTreeMap<(String, String), QuestionTally> = BTreeMap::new();
        for i in counted {
            let r = &model.responses[i];
            let Some(q) = find_bank(model, &r.bank).and_then(|b| b.question(&r.question)) else { continue };
            // A discussion prompt keeps its notes and counts in no score.
            if !q.prompt {
                areas.entry(q.area).or_default().add(r.score, &r.respondent);
                everyone.insert(&r.respondent);
                if let Some(t) = r.respondent_type {
                    types.entry((q.area, t)).or_default().add(r.score, &r.respondent);
                }
                if let Some(g) = r.group.as_deref().filter(|g| !g.is_empty()) {
                    groups.entry((q.area, g.to_owned())).or_default().add(r.score, &r.respondent);
                }
            }
            let entry = questions
                .entry((r.bank.clone(), r.question.clone()))
                .or_insert_with(|| (q.area, q.text.clone(), q.prompt, Tally::default(), Vec::new()));
            if !q.prompt {
                entry.3.add(r.score, &r.respondent);
            }
            if !r.note.trim().is_empty() {
                entry.4.push(r.note.clone());
            }
        }
        let areas = Area::ALL
            .iter()
            .filter_map(|area| {
                let t = areas.get(area)?;
                let (shown, hidden): (Vec<_>, Vec<_>) = groups
                    .iter()
                    .filter(|((a, _), _)| a == area)
                    .partition(|(_, g)| g.respondents.len() as i64 >= threshold);
                Some(AreaResult {
                    area: *area,
                    distribution: t.distribution,
                    dont_know: t.dont_know,
                    responses: t.scored() + t.dont_know,
                    respondents: t.respondents.len(),
                    mean: mean(t.sum, t.scored()),
                    groups: shown
                        .into_iter()
                        .map(|((_, name), g)| GroupResult {
                            group: name.clone(),
                            respondents: g.respondents.len(),
                            mean: mean(g.sum, g.scored()),
                        })
                        .collect(),
                    hidden_groups: hidden.len(),
                    types: types
                        .iter()
                        .filter(|((a, _), t)| a == area && t.respondents.len() as i64 >= threshold)
                        .map(|((_, kind), t)| TypeResult {
                            respondent_type: *kind,
                            respondents: t.respondents.len(),
                            mean: mean(t.sum, t.scored()),
                        })
                        .collect(),
                })
            })
            .collect();
        let questions = questions
            .into_iter()
            .map(|((bank, question), (area, text, prompt, t, notes))| QuestionResult {
                bank,
                question,
                area,
                text,
                prompt,
                distribution: t.distribution,
                dont_know: t.dont_know,
                mean: mean(t.sum, t.scored()),
                notes,
            })
            .collect();
        ResponseSummary { anonymity_threshold: threshold, respondents: everyone.len(), areas, questions }
    }

    pub fn area(&self, area: Area) -> Option<&AreaResult> {
        self.areas.iter().find(|a| a.area == area)
    }
}

impl AreaResult {
    /// The answers of one respondent type, when enough of them answered to be shown.
    pub fn of_type(&self, t: RespondentType) -> Option<&TypeResult> {
        self.types.iter().find(|r| r.respondent_type == t)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Response;

    fn answer(respondent: &str, group: &str, question: &str, score: Option<i64>) -> Response {
        Response {
            bank: "core".into(),
            question: question.into(),
            respondent: respondent.into(),
            group: Some(group.into()),
            respondent_type: None,
            score,
            note: String::new(),
            at: "2026-01-01T10:00:00Z".into(),
        }
    }

    #[test]
    fn the_builtin_bank_quotes_the_four_questions_as_prompts_each_followed_by_statements() {
        let empty = Model::default();
        let core = find_bank(&empty, "core").unwrap();
        for q in [
            "How do employees acquire knowledge beyond formal training programs?",
            "What opportunities exist for experiential learning?",
            "How do managers support employee development through coaching?",
            "Are knowledge resources accessible when employees need them?",
        ] {
            let at = core.questions.iter().position(|x| x.text == q).unwrap_or_else(|| panic!("missing: {q}"));
            let prompt = &core.questions[at];
            assert!(prompt.prompt, "{q} is a discussion prompt, not rated");
            let next = &core.questions[at + 1];
            assert!(!next.prompt && next.area == prompt.area, "{q} is followed by a rated statement of its area");
        }
        assert_eq!(core.questions.iter().filter(|q| q.prompt).count(), 4, "only the article's questions are prompts");
        for area in Area::ALL {
            let n = core.questions.iter().filter(|q| q.area == *area && !q.prompt).count();
            assert!((3..=11).contains(&n), "{area}: {n} statements");
        }
    }

    #[test]
    fn rated_items_are_statements_for_the_scale_each_asking_one_thing() {
        let core = builtin_banks().iter().find(|b| b.id == "core").unwrap();
        for q in core.questions.iter().filter(|q| !q.prompt) {
            assert!(q.text.ends_with('.') && !q.text.contains('?'), "{}: a statement, not a question", q.id);
            assert!(!q.text.contains(" and "), "{}: two things at once? {}", q.id, q.text);
            assert!(q.help.starts_with("Fully: "), "{}: help says what the top of the scale looks like", q.id);
        }
        let ids: BTreeSet<&str> = core.questions.iter().map(|q| q.id.as_str()).collect();
        assert_eq!(ids.len(), core.questions.len(), "ids are unique");
    }

    #[test]
    fn transfer_climate_covers_use_managers_peers_time_consequences_and_tools() {
        let core = builtin_banks().iter().find(|b| b.id == "core").unwrap();
        let climate: Vec<&str> =
            core.questions.iter().filter(|q| q.area == Area::TransferClimate).map(|q| q.text.as_str()).collect();
        for factor in [
            "chance to use",
            "Before a course",
            "After a course",
            "Colleagues help",
            "time in their working hours to learn",
            "time to try out",
            "recognised",
            "safe from blame",
            "tools",
            "information",
        ] {
            assert!(climate.iter().any(|t| t.contains(factor)), "no transfer-climate statement on {factor}");
        }
    }

    #[test]
    fn a_prompt_keeps_its_notes_and_counts_in_no_score() {
        let mut noted = answer("p1", "Sales", "ex-p", Some(5));
        noted.note = "Mostly by shadowing".into();
        let m = Model { responses: vec![noted, answer("p2", "Sales", "ex-1", Some(2))], ..Model::default() };
        let s = ResponseSummary::of(&m);
        let ex = s.area(Area::Experiential).unwrap();
        assert_eq!((ex.distribution, ex.respondents, s.respondents), ([0, 1, 0, 0, 0], 1, 1));
        let prompt = s.questions.iter().find(|q| q.question == "ex-p").unwrap();
        assert!(prompt.prompt);
        assert_eq!((prompt.mean, prompt.notes.clone()), (None, vec!["Mostly by shadowing".to_owned()]));
    }

    #[test]
    fn the_latest_answer_counts_and_small_groups_stay_hidden() {
        let responses = vec![
            answer("p1", "Sales", "ex-1", Some(1)),
            answer("p1", "Sales", "ex-1", Some(5)), // changed answer: only this one counts
            answer("p2", "Sales", "ex-1", Some(3)),
            answer("p3", "Sales", "ex-1", None),
            answer("p4", "Ops", "ex-1", Some(2)),
        ];
        let mut m = Model { responses, ..Model::default() };
        let s = ResponseSummary::of(&m);
        let ex = s.area(Area::Experiential).unwrap();
        assert_eq!(ex.distribution, [0, 1, 1, 0, 1]);
        assert_eq!(ex.dont_know, 1);
        assert_eq!(ex.mean, Some(3.33));
        assert_eq!(ex.groups.iter().map(|g| g.group.as_str()).collect::<Vec<_>>(), vec!["Sales"]);
        assert_eq!(ex.hidden_groups, 1, "Ops has one respondent, under the threshold of 3");
        m.settings.anonymity_threshold = 1;
        assert_eq!(ResponseSummary::of(&m).area(Area::Experiential).unwrap().groups.len(), 2);
    }
}
