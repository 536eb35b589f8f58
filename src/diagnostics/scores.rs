//! Area scores (structural from the model, perceived from the answers) and the maturity level they add up to.
//!
//! Per area, `structural` is 0-100 from the model. The stage areas (experiential, coaching,
//! knowledge-access) are the share of required pairs whose matching stage (practice, feedback,
//! support) is covered; coaching is then reduced by `coaching.overload_penalty` times the share of
//! coaching channels that are overloaded. Beyond-training is the mean integration score / 4.
//! Measurement is the mean over channels of a weight per Kirkpatrick evaluation level
//! (`measurement.level_weights`). Transfer-climate has no structural part.
//!
//! `perceived` is (mean answer - 1) / 4 x 100, absent without answers. `score` is the mean of
//! the parts present. Maturity is the highest level whose mean area score and weakest area both
//! reach its thresholds (`maturity`).

use super::bank::ResponseSummary;
use super::checks::coaching_overload;
use super::{Context, Coverage, Rules};
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
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Maturity {
    pub level: u8,
    pub label: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Scores {
    // `pillars` in `diagnose --format json`, the key scripts already read.
    #[serde(rename = "pillars")]
    pub areas: BTreeMap<Area, AreaScore>,
    pub maturity: Maturity,
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
        let areas: BTreeMap<Area, AreaScore> = Area::ALL
            .iter()
            .map(|p| {
                let s = structural.get(p).copied().flatten().map(one_decimal);
                let area = answers.area(*p);
                let perceived = area.and_then(|a| a.mean).map(|mean| one_decimal((mean - 1.0) / 4.0 * 100.0));
                let parts: Vec<f64> = [s, perceived].into_iter().flatten().collect();
                let score = (!parts.is_empty()).then(|| one_decimal(parts.iter().sum::<f64>() / parts.len() as f64));
                (*p, AreaScore { score, structural: s, perceived, responses: area.map_or(0, |a| a.responses) })
            })
            .collect();
        let maturity = maturity(rules, &areas);
        Scores { areas, maturity }
    }

    /// The mean of the area scores present.
    pub fn mean(&self) -> Option<f64> {
        let present: Vec<f64> = self.areas.values().filter_map(|p| p.score).collect();
        (!present.is_empty()).then(|| one_decimal(present.iter().sum::<f64>() / present.len() as f64))
    }
}

/// The highest level whose thresholds the mean and the weakest area both reach.
fn maturity(rules: &Rules, areas: &BTreeMap<Area, AreaScore>) -> Maturity {
    let present: Vec<f64> = areas.values().filter_map(|p| p.score).collect();
    let mean = if present.is_empty() { 0.0 } else { present.iter().sum::<f64>() / present.len() as f64 };
    let lowest = present.iter().copied().fold(f64::INFINITY, f64::min);
    let lowest = if lowest.is_finite() { lowest } else { 0.0 };
    let level =
        rules.maturity.iter().rev().find(|l| mean >= l.min_mean && lowest >= l.min_area).unwrap_or(&rules.maturity[0]);
    Maturity { level: level.level, label: level.label.clone() }
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

    #[test]
    fn a_fully_covered_measured_model_scores_100_and_climbs_the_ladder() {
        let m = full_journey();
        let d = crate::diagnostics::diagnose(&m);
        for p in [Area::BeyondTraining, Area::Experiential, Area::Coaching, Area::KnowledgeAccess, Area::Measurement] {
            assert_eq!(d.scores.areas[&p].structural, Some(100.0), "{p}");
        }
        assert_eq!(d.scores.areas[&Area::TransferClimate].score, None, "no structural part, no answers");
        assert_eq!(d.scores.maturity.level, 4);
    }

    #[test]
    fn perceived_scores_come_from_answers_and_pull_maturity_down() {
        let mut m = full_journey();
        for (i, q) in ["tc-1", "tc-2", "tc-3"].iter().enumerate() {
            m.responses.push(Response {
                bank: "core".into(),
                question: (*q).into(),
                respondent: format!("p{i}"),
                group: None,
                score: Some(1),
                note: String::new(),
                at: "2026-01-01T00:00:00Z".into(),
            });
        }
        let d = crate::diagnostics::diagnose(&m);
        let tc = d.scores.areas[&Area::TransferClimate];
        assert_eq!((tc.perceived, tc.score, tc.responses), (Some(0.0), Some(0.0), 3));
        assert_eq!(d.scores.maturity.level, 1, "an area at 0 keeps the ecosystem at level 1");
    }

    #[test]
    fn overloaded_coaching_lowers_the_coaching_score() {
        let mut m = full_journey();
        m.channels.iter_mut().find(|c| c.id == "coach").unwrap().capacity = Some(2);
        let d = crate::diagnostics::diagnose(&m);
        assert_eq!(d.scores.areas[&Area::Coaching].structural, Some(50.0));
    }
}
