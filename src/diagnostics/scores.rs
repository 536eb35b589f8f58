//! Area scores (structural from the model, perceived from the answers) and the maturity level they add up to.
//!
//! Per area, `structural` is 0-100 from the model. The stage areas (experiential, coaching,
//! knowledge-access) are the share of required pairs whose matching stage (practice, feedback,
//! support) is covered; coaching is then reduced by `coaching.overload_penalty` times the share of
//! coaching channels that are overloaded. Beyond-training is the mean integration score / 4.
//! Measurement is the mean over channels of a weight per Kirkpatrick evaluation level
//! (`measurement.level_weights`). Transfer-climate has no structural part.
//!
//! `perceived` is (mean answer - 1) / 4 x 100, a linear reading of an ordinal 1-5 scale (a
//! Trellis convention), counted only when at least `evidence.min_respondents` people (or the
//! anonymity threshold, when higher) answered the area's questions; `respondents` says how many
//! did. `score` is the mean of the parts present. Maturity is the highest level whose mean area
//! score and weakest area both reach its thresholds (`maturity`); above
//! `evidence.climate_needed_above` it also needs a transfer-climate score from answers, and
//! `capped` says when that held it down.

use super::bank::ResponseSummary;
use super::checks::coaching_overload;
use super::{Context, Coverage, MaturityLevel, Rules};
use crate::model::{Area, ChannelKind, Stage};
use serde::Serialize;
use std::collections::BTreeMap;

/// One area's score, 0-100; `None` where there is nothing to score it on.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct AreaScore {
    pub score: Option<f64>,
    pub structural: Option<f64>,
    pub perceived: Option<f64>,
    /// How many answers (including "don't know") the perceived score rests on.
    pub responses: usize,
    /// How many people answered the area's questions; the perceived score counts from
    /// `Scores::min_respondents`.
    pub respondents: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Maturity {
    pub level: u8,
    pub label: String,
    /// Held down because transfer climate has no score from answers.
    pub capped: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Scores {
    // `pillars` in `diagnose --format json`, the key scripts already read.
    #[serde(rename = "pillars")]
    pub areas: BTreeMap<Area, AreaScore>,
    pub maturity: Maturity,
    /// People whose answers count, in any area.
    pub respondents: usize,
    /// How many respondents an area needs before its perceived score counts.
    pub min_respondents: usize,
}

fn one_decimal(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

/// Share (0-100) of required pairs whose coverage includes `stage`; `None` without required pairs.
fn stage_share(coverage: &Coverage, stage: Stage) -> Option<f64> {
    let n = coverage.pairs.len();
    (n > 0).then(|| coverage.pairs.iter().filter(|p| p.stages.contains(stage)).count() as f64 * 100.0 / n as f64)
}

impl Scores {
    pub fn of(cx: &Context<'_>, rules: &Rules, coverage: &Coverage) -> Scores {
        let m = cx.model;
        let answers = ResponseSummary::of(m);
        let mut structural: BTreeMap<Area, Option<f64>> = BTreeMap::new();
        structural.insert(
            Area::BeyondTraining,
            (!coverage.pairs.is_empty()).then(|| coverage.mean_integration / 4.0 * 100.0),
        );
        structural.insert(Area::Experiential, stage_share(coverage, Stage::Practice));
        let coaching_channels: Vec<usize> =
            (0..m.channels.len()).filter(|i| m.channels[*i].kind == ChannelKind::Coaching).collect();
        let overloaded = coaching_channels.iter().filter(|c| coaching_overload::overloaded(cx, **c).is_some()).count();
        let overload_share =
            if coaching_channels.is_empty() { 0.0 } else { overloaded as f64 / coaching_channels.len() as f64 };
        structural.insert(
            Area::Coaching,
            stage_share(coverage, Stage::Feedback).map(|s| s * (1.0 - rules.overload_penalty * overload_share)),
        );
        structural.insert(Area::KnowledgeAccess, stage_share(coverage, Stage::Support));
        structural.insert(Area::TransferClimate, None);
        structural.insert(
            Area::Measurement,
            (!m.channels.is_empty()).then(|| {
                let w = &rules.level_weights;
                let total: f64 = m
                    .channels
                    .iter()
                    .map(|c| w.get(c.evaluation_level.clamp(0, 5) as usize).copied().unwrap_or(0.0))
                    .sum();
                total / m.channels.len() as f64 * 100.0
            }),
        );
        let min_respondents = min_respondents(rules, m.settings.anonymity_threshold);
        let areas: BTreeMap<Area, AreaScore> = Area::ALL
            .iter()
            .map(|p| {
                let s = structural.get(p).copied().flatten().map(one_decimal);
                let area = answers.area(*p);
                let respondents = area.map_or(0, |a| a.respondents);
                let perceived = area
                    .filter(|_| respondents >= min_respondents)
                    .and_then(|a| a.mean)
                    .map(|mean| one_decimal((mean - 1.0) / 4.0 * 100.0));
                let parts: Vec<f64> = [s, perceived].into_iter().flatten().collect();
                let score = (!parts.is_empty()).then(|| one_decimal(parts.iter().sum::<f64>() / parts.len() as f64));
                let responses = area.map_or(0, |a| a.responses);
                (*p, AreaScore { score, structural: s, perceived, responses, respondents })
            })
            .collect();
        let maturity = maturity(rules, &areas);
        Scores { areas, maturity, respondents: answers.respondents, min_respondents }
    }

    /// The mean of the area scores present.
    pub fn mean(&self) -> Option<f64> {
        let present: Vec<f64> = self.areas.values().filter_map(|p| p.score).collect();
        (!present.is_empty()).then(|| one_decimal(present.iter().sum::<f64>() / present.len() as f64))
    }
}

/// A small count in words ("five"), larger ones in digits.
fn in_words(n: usize) -> String {
    const WORDS: [&str; 7] = ["no", "one", "two", "three", "four", "five", "six"];
    WORDS.get(n).map_or_else(|| n.to_string(), |w| (*w).to_owned())
}

/// Area titles in lower case, joined as "a, b and c".
fn area_list(areas: &[Area]) -> String {
    let names: Vec<String> = areas.iter().map(|p| p.label().to_lowercase()).collect();
    match names.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
        Some((last, _)) => last.clone(),
        None => String::new(),
    }
}

impl Scores {
    /// What the scores rest on, in plain sentences: which areas the model scores, which the
    /// answers do and from how many people, and whether the lack of a transfer-climate score
    /// from answers holds maturity down. The text report and the blueprint's summary say this.
    pub fn evidence_text(&self) -> String {
        let of = |f: fn(&AreaScore) -> bool| -> Vec<Area> {
            self.areas.iter().filter(|(_, s)| f(s)).map(|(p, _)| *p).collect()
        };
        let structural = of(|s| s.structural.is_some());
        let perceived = of(|s| s.perceived.is_some());
        let total = self.areas.len();
        let mut out = match structural.len() {
            0 => "The model scores none of the areas yet.".to_owned(),
            n if n == total => format!("The model scores all {} areas.", in_words(total)),
            n => {
                let missing = of(|s| s.structural.is_none());
                format!(
                    "The model scores {} of the {} areas (not {}).",
                    in_words(n),
                    in_words(total),
                    area_list(&missing)
                )
            }
        };
        let people = if self.respondents == 1 { "person" } else { "people" };
        let need = format!("at least {} people per area", self.min_respondents);
        out.push(' ');
        out.push_str(&match (self.respondents, perceived.len()) {
            (0, _) => "No one has answered the diagnostic questions, so no area has a score from answers.".to_owned(),
            (n, 0) => format!("{n} {people} answered, too few for a score from answers in any area ({need})."),
            (n, k) if k == total => {
                format!("{n} {people} answered; their answers score all {} areas ({need}).", in_words(total))
            }
            (n, _) => format!("{n} {people} answered; their answers score {} ({need}).", area_list(&perceived)),
        });
        if self.maturity.capped {
            out.push_str(&format!(
                " Maturity is held at level {} until transfer climate is scored from people's answers.",
                self.maturity.level
            ));
        }
        out
    }
}

/// How many respondents an area needs: `evidence.min_respondents`, or the anonymity threshold when higher.
pub fn min_respondents(rules: &Rules, anonymity_threshold: i64) -> usize {
    rules.evidence.min_respondents.max(usize::try_from(anonymity_threshold).unwrap_or(0))
}

/// The highest level whose thresholds the mean and the weakest area both reach; above
/// `evidence.climate_needed_above` only with a transfer-climate score from answers.
fn maturity(rules: &Rules, areas: &BTreeMap<Area, AreaScore>) -> Maturity {
    let present: Vec<f64> = areas.values().filter_map(|p| p.score).collect();
    let mean = if present.is_empty() { 0.0 } else { present.iter().sum::<f64>() / present.len() as f64 };
    let lowest = present.iter().copied().fold(f64::INFINITY, f64::min);
    let lowest = if lowest.is_finite() { lowest } else { 0.0 };
    let reached = |l: &&MaturityLevel| mean >= l.min_mean && lowest >= l.min_area;
    let climate = areas.get(&Area::TransferClimate).and_then(|p| p.perceived).is_some();
    let cap = rules.evidence.climate_needed_above;
    let allowed = |l: &&MaturityLevel| climate || l.level <= cap;
    let level = rules.maturity.iter().rev().find(|l| reached(l) && allowed(l)).unwrap_or(&rules.maturity[0]);
    let capped = rules.maturity.iter().rev().find(reached).is_some_and(|l| l.level > level.level);
    Maturity { level: level.level, label: level.label.clone(), capped }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::fixture::Fixture;
    use crate::model::{ChannelKind, Response};

    fn full_journey() -> crate::model::Model {
        Fixture::new()
            .role("r")
            .comp("c")
            .requires("r", "c")
            .channel_at("course", ChannelKind::Formal, None, 4)
            .develops("course", "c", Stage::Introduce)
            .reaches("course", "r")
            .channel_at("project", ChannelKind::Experiential, None, 4)
            .develops("project", "c", Stage::Practice)
            .reaches("project", "r")
            .channel_at("coach", ChannelKind::Coaching, Some(100), 4)
            .develops("coach", "c", Stage::Feedback)
            .reaches("coach", "r")
            .channel_at("aid", ChannelKind::Knowledge, None, 4)
            .develops("aid", "c", Stage::Support)
            .reaches("aid", "r")
            .build()
    }

    /// `n` people answer each of `questions` with `score`.
    fn answered(mut m: crate::model::Model, n: usize, questions: &[&str], score: i64) -> crate::model::Model {
        for q in questions {
            for i in 0..n {
                m.responses.push(Response {
                    bank: "core".into(),
                    question: (*q).into(),
                    respondent: format!("p{i}"),
                    group: None,
                    respondent_type: None,
                    score: Some(score),
                    note: String::new(),
                    at: "2026-01-01T00:00:00Z".into(),
                });
            }
        }
        m
    }

    #[test]
    fn a_fully_covered_measured_model_scores_100_but_stops_at_level_2_without_climate_answers() {
        let m = full_journey();
        let d = crate::diagnostics::diagnose(&m);
        for p in [Area::BeyondTraining, Area::Experiential, Area::Coaching, Area::KnowledgeAccess, Area::Measurement] {
            assert_eq!(d.scores.areas[&p].structural, Some(100.0), "{p}");
        }
        assert_eq!(d.scores.areas[&Area::TransferClimate].score, None, "no structural part, no answers");
        assert_eq!((d.scores.maturity.level, d.scores.maturity.capped), (2, true), "a culture level needs answers");
        let said = d.scores.evidence_text();
        assert!(said.contains("five of the six areas (not transfer climate)"), "{said}");
        assert!(said.contains("held at level 2"), "{said}");
        // Good answers on transfer climate from enough people open the top of the ladder.
        let m = answered(full_journey(), 5, &["tc-1"], 5);
        let d = crate::diagnostics::diagnose(&m);
        assert_eq!((d.scores.maturity.level, d.scores.maturity.capped), (4, false));
        assert!(d.scores.evidence_text().contains("5 people answered; their answers score transfer climate"));
    }

    #[test]
    fn perceived_scores_come_from_answers_and_pull_maturity_down() {
        let m = answered(full_journey(), 5, &["tc-1", "tc-2", "tc-3"], 1);
        let d = crate::diagnostics::diagnose(&m);
        let tc = d.scores.areas[&Area::TransferClimate];
        assert_eq!((tc.perceived, tc.score, tc.responses, tc.respondents), (Some(0.0), Some(0.0), 15, 5));
        assert_eq!(d.scores.maturity.level, 1, "an area at 0 keeps the ecosystem at level 1");
    }

    #[test]
    fn a_perceived_score_needs_five_respondents_or_the_anonymity_threshold() {
        // Four people, however many answers, are not enough: the area keeps its structural score.
        let m = answered(full_journey(), 4, &["co-2", "co-3", "co-4"], 1);
        let d = crate::diagnostics::diagnose(&m);
        let co = d.scores.areas[&Area::Coaching];
        assert_eq!((co.perceived, co.score, co.responses, co.respondents), (None, Some(100.0), 12, 4));
        let said = d.scores.evidence_text();
        assert!(said.contains("4 people answered, too few") && said.contains("at least 5 people per area"), "{said}");
        let mut m = answered(full_journey(), 5, &["co-2"], 1);
        assert_eq!(crate::diagnostics::diagnose(&m).scores.areas[&Area::Coaching].perceived, Some(0.0));
        m.settings.anonymity_threshold = 6;
        let d = crate::diagnostics::diagnose(&m);
        assert_eq!((d.scores.areas[&Area::Coaching].perceived, d.scores.min_respondents), (None, 6));
    }

    #[test]
    fn area_scores_carry_respondents_in_json_beside_the_existing_keys() {
        let m = answered(full_journey(), 5, &["co-2"], 3);
        let d = crate::diagnostics::diagnose(&m);
        let json = serde_json::to_value(&d.scores).unwrap();
        let co = &json["pillars"]["coaching"];
        for key in ["score", "structural", "perceived", "responses"] {
            assert!(co.get(key).is_some(), "{key} is still there");
        }
        assert_eq!(co["respondents"], 5);
        assert_eq!(json["respondents"], 5);
        assert_eq!(json["maturity"]["capped"], true);
    }

    #[test]
    fn overloaded_coaching_lowers_the_coaching_score() {
        let mut m = full_journey();
        m.channels.iter_mut().find(|c| c.id == "coach").unwrap().capacity = Some(2);
        let d = crate::diagnostics::diagnose(&m);
        assert_eq!(d.scores.areas[&Area::Coaching].structural, Some(50.0));
    }
}
