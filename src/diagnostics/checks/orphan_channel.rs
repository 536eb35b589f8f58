//! `orphan-channel`: a channel that reaches no role, or develops no competency that a role it reaches requires.
//!
//! Area: `beyond-training`.
//! Evidence: `roles_reached`, `competencies_developed`, `relevant` (developed competencies some reached role requires).
//! Severity: medium.

use super::{channel_subjects, evidence, Finding, Raw};
use crate::diagnostics::{Context, Fact};
use crate::model::Severity;

pub const CODE: &str = "orphan-channel";

pub fn run<'m>(cx: &Context<'m>, out: &mut Vec<Finding<'m>>) {
    let g = &cx.graph;
    let mut developed = vec![false; cx.model.competencies.len()];
    let mut relevant_seen = vec![false; cx.model.competencies.len()];
    for (i, channel) in cx.model.channels.iter().enumerate() {
        let roles = g.reached(i);
        for &(c, _) in g.develops_of(i) {
            developed[c] = true;
        }
        let mut relevant = 0usize;
        for &r in roles {
            for &(_, c) in g.requires_of(r) {
                if developed[c] && !relevant_seen[c] {
                    relevant_seen[c] = true;
                    relevant += 1;
                }
            }
        }
        for &(c, _) in g.develops_of(i) {
            developed[c] = false;
            relevant_seen[c] = false;
        }
        if roles.is_empty() || relevant == 0 {
            out.push(
                Raw {
                    code: CODE,
                    severity: Severity::Medium,
                    subjects: channel_subjects(channel),
                    evidence: evidence(
                        &["roles_reached", "competencies_developed", "relevant"],
                        [Fact::from(roles.len()), Fact::from(g.develops_of(i).len()), Fact::from(relevant)],
                    ),
                }
                .into(),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::diagnostics::checks::codes_of;
    use crate::diagnostics::fixture::*;
    use crate::model::{ChannelKind, Stage};

    #[test]
    fn fires_for_a_channel_reaching_nobody_and_one_developing_nothing_needed() {
        let m = Fixture::new()
            .role("r")
            .comp("c")
            .comp("other")
            .requires("r", "c")
            .channel("lonely", ChannelKind::Platform)
            .develops("lonely", "c", Stage::Introduce)
            .channel("offtopic", ChannelKind::Formal)
            .develops("offtopic", "other", Stage::Introduce)
            .reaches("offtopic", "r")
            .build();
        assert_eq!(codes_of(&m, super::run), vec!["orphan-channel:lonely", "orphan-channel:offtopic"]);
    }

    #[test]
    fn quiet_for_a_channel_serving_a_need() {
        let m = Fixture::trained_pair().build();
        assert!(codes_of(&m, super::run).is_empty());
    }
}
