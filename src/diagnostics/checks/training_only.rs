//! `training-only`: a required (role, competency) whose covered stages are all `introduce`.
//!
//! Area: `beyond-training`.
//! Evidence: `channels` (how many channels reaching the role develop it), `target_level`, `current_level`.
//! Severity: high when the competency is critical for the role, medium otherwise.

use super::{by_criticality, evidence, pair_subjects, Finding, Raw};
use crate::diagnostics::{Context, Fact};
use crate::model::Stage;

pub const CODE: &str = "training-only";

pub fn run<'m>(cx: &Context<'m>, out: &mut Vec<Finding<'m>>) {
    for ((r, covered), channels) in cx.model.requires.iter().zip(&cx.covered).zip(&cx.covering) {
        if covered.is_empty() || covered.iter().any(|s| s != Stage::Introduce) {
            continue;
        }
        out.push(
            Raw {
                code: CODE,
                severity: by_criticality(r.criticality),
                subjects: pair_subjects(r),
                evidence: evidence(
                    &["channels", "target_level", "current_level"],
                    [Fact::from(*channels), Fact::from(r.target_level), Fact::from(r.current_level)],
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
    use crate::model::{ChannelKind, Stage};

    #[test]
    fn fires_when_only_a_course_covers_the_pair() {
        let m = Fixture::trained_pair().build();
        assert_eq!(codes_of(&m, super::run), vec!["training-only:c,r"]);
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
}
