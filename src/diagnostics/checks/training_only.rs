//! `training-only`: an open required (role, competency), one whose current level is below target or unknown, whose covered stages are all `introduce` (area `beyond-training`).
//!
//! The stage checks (`no-practice`, `no-feedback`, `no-support`) stay silent for such a pair:
//! this finding speaks for it.
//!
//! Area: `beyond-training`.
//! Evidence: `channels` (how many channels reaching the role develop it), `target_level`,
//! `current_level`, `missing_stages` (list: practice, feedback, support).
//! Severity: high when the competency is critical for the role, medium otherwise.

use super::{by_criticality, evidence, is_open, pair_subjects, training_only, Finding, Raw};
use crate::diagnostics::{Context, Fact};
use crate::graph::StageSet;
use crate::model::Stage;

pub const CODE: &str = "training-only";

pub fn run<'m>(cx: &Context<'m>, out: &mut Vec<Finding<'m>>) {
    let missing: StageSet = [Stage::Practice, Stage::Feedback, Stage::Support].into_iter().collect();
    for ((r, covered), channels) in cx.model.requires.iter().zip(&cx.covered).zip(&cx.covering) {
        if !training_only(*covered) || !is_open(r) {
            continue;
        }
        out.push(
            Raw {
                code: CODE,
                severity: by_criticality(r.criticality),
                subjects: pair_subjects(r),
                evidence: evidence(
                    &["channels", "target_level", "current_level", "missing_stages"],
                    [Fact::from(*channels), Fact::from(r.target_level), Fact::from(r.current_level), missing.into()],
                ),
            }
            .into(),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::diagnostics::checks::codes_of;
    use crate::diagnostics::fixture::*;
    use crate::diagnostics::{Context, Fact};
    use crate::model::{ChannelKind, Criticality, Stage};

    #[test]
    fn fires_when_only_a_course_covers_the_pair_naming_the_missing_stages() {
        let m = Fixture::trained_pair().build();
        assert_eq!(codes_of(&m, super::run), vec!["training-only:c,r"]);
        let cx = Context::new(&m);
        let mut out = Vec::new();
        super::run(&cx, &mut out);
        let missing = out[0].evidence["missing_stages"].to_value();
        assert_eq!(missing, serde_json::json!(["practice", "feedback", "support"]));
        assert_eq!(out[0].evidence["current_level"], Fact::Unknown);
    }

    #[test]
    fn quiet_once_practice_follows_or_nothing_covers() {
        let m = Fixture::trained_pair()
            .channel("project", ChannelKind::Experiential)
            .develops("project", "c", Stage::Practice)
            .reaches("project", "r")
            .build();
        assert!(codes_of(&m, super::run).is_empty());
        let uncovered = Fixture::required_pair().build();
        assert!(codes_of(&uncovered, super::run).is_empty());
    }

    #[test]
    fn quiet_for_a_pair_already_at_or_above_target() {
        for current in [3, 4] {
            let m = Fixture::new()
                .role("r")
                .comp("c")
                .requires_at("r", "c", 3, Some(current), Criticality::High)
                .channel("course", ChannelKind::Formal)
                .develops("course", "c", Stage::Introduce)
                .reaches("course", "r")
                .build();
            assert!(codes_of(&m, super::run).is_empty(), "current {current}");
        }
    }

    #[test]
    fn the_stage_checks_stay_silent_for_a_training_only_pair() {
        let m = Fixture::trained_pair().build();
        let d = crate::diagnostics::diagnose(&m);
        let codes: Vec<&str> = d.findings.iter().filter(|f| f.subjects.role == Some("r")).map(|f| f.code).collect();
        assert!(codes.contains(&"training-only"), "{codes:?}");
        for stage_check in ["no-practice", "no-feedback", "no-support"] {
            assert!(!codes.contains(&stage_check), "{codes:?}");
        }
    }
}
