//! `unreachable`: an open required (role, competency), one whose current level is below target or unknown, that no channel reaching the role develops (area `beyond-training`).
//!
//! Area: `beyond-training`.
//! Evidence: `developing_channels` (channels that develop the competency but do not reach the role),
//! `headcount` (people in the role).
//! Severity: high at high criticality, medium otherwise.

use super::{by_criticality, evidence, is_open, pair_subjects, Finding, Raw};
use crate::diagnostics::{Context, Fact};

pub const CODE: &str = "unreachable";

pub fn run<'m>(cx: &Context<'m>, out: &mut Vec<Finding<'m>>) {
    let g = &cx.graph;
    for role in 0..cx.model.roles.len() {
        let headcount = cx.model.roles[role].headcount;
        for &(i, c) in g.requires_of(role) {
            let r = &cx.model.requires[i];
            if !cx.covered[i].is_empty() || !is_open(r) {
                continue;
            }
            out.push(
                Raw {
                    code: CODE,
                    severity: by_criticality(r.criticality),
                    subjects: pair_subjects(r),
                    evidence: evidence(
                        &["developing_channels", "headcount"],
                        [Fact::from(g.develops_into(c).len()), Fact::from(headcount)],
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
    fn fires_when_the_developing_channel_does_not_reach_the_role() {
        let m = Fixture::required_pair()
            .role("other")
            .channel("ch", ChannelKind::Coaching)
            .develops("ch", "c", Stage::Feedback)
            .reaches("ch", "other")
            .build();
        assert_eq!(codes_of(&m, super::run), vec!["unreachable:c,r"]);
    }

    #[test]
    fn quiet_when_the_role_is_already_at_target() {
        let m = Fixture::new()
            .role("r")
            .comp("c")
            .requires_at("r", "c", 3, Some(3), crate::model::Criticality::High)
            .build();
        assert!(codes_of(&m, super::run).is_empty());
        let below = Fixture::new()
            .role("r")
            .comp("c")
            .requires_at("r", "c", 3, Some(2), crate::model::Criticality::High)
            .build();
        assert_eq!(codes_of(&below, super::run), vec!["unreachable:c,r"]);
    }

    #[test]
    fn quiet_when_any_reaching_channel_develops_it() {
        let m = Fixture::required_pair()
            .channel("ch", ChannelKind::Knowledge)
            .develops("ch", "c", Stage::Support)
            .reaches("ch", "r")
            .build();
        assert!(codes_of(&m, super::run).is_empty());
    }
}
