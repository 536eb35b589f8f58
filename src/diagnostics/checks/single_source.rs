//! `single-source`: a competency two or more roles still need to develop, that exactly one channel
//! reaching any of those roles develops.
//!
//! Only open pairs count (current level below target, or unknown): roles already at target have
//! nothing left to lose if that one channel stops.
//!
//! Area: `beyond-training`.
//! Evidence: `roles` (how many roles need it, below target), `headcount` (people in those roles).
//! Severity: medium.

use super::{evidence, is_open, Finding, FindingSubjects, Raw};
use crate::diagnostics::{Context, Fact};
use crate::model::Severity;

pub const CODE: &str = "single-source";

pub fn run<'m>(cx: &Context<'m>, out: &mut Vec<Finding<'m>>) {
    let g = &cx.graph;
    let mut requiring = vec![false; cx.model.roles.len()];
    // The open pairs of one competency at a time, in one buffer reused across competencies.
    let mut roles: Vec<(usize, usize)> = Vec::new();
    for c in 0..cx.model.competencies.len() {
        roles.clear();
        roles.extend(g.required_into(c).iter().copied().filter(|(i, _)| is_open(&cx.model.requires[*i])));
        if roles.len() < 2 {
            continue;
        }
        for &(_, r) in &roles {
            requiring[r] = true;
        }
        let mut sources = g
            .develops_into(c)
            .iter()
            .filter_map(|d| g.develops_channel(*d))
            .filter(|ch| g.reached(*ch).iter().any(|r| requiring[*r]));
        let (first, second) = (sources.next(), sources.next());
        if let (Some(only), None) = (first, second) {
            let headcount: i64 = roles.iter().map(|(_, r)| cx.model.roles[*r].headcount).sum();
            out.push(
                Raw {
                    code: CODE,
                    severity: Severity::Medium,
                    subjects: FindingSubjects {
                        competency: Some(&cx.model.competencies[c].id),
                        channel: Some(&cx.model.channels[only].id),
                        ..FindingSubjects::default()
                    },
                    evidence: evidence(&["roles", "headcount"], [Fact::from(roles.len()), Fact::from(headcount)]),
                }
                .into(),
            );
        }
        for &(_, r) in &roles {
            requiring[r] = false;
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::diagnostics::checks::codes_of;
    use crate::diagnostics::fixture::*;
    use crate::model::{ChannelKind, Criticality, Stage};

    fn two_roles() -> Fixture {
        Fixture::new()
            .role("a")
            .role("b")
            .comp("c")
            .requires("a", "c")
            .requires("b", "c")
            .channel("only", ChannelKind::Formal)
            .develops("only", "c", Stage::Introduce)
            .reaches("only", "a")
            .reaches("only", "b")
    }

    #[test]
    fn fires_when_one_channel_is_the_only_route_for_several_roles() {
        assert_eq!(codes_of(&two_roles().build(), super::run), vec!["single-source:c,only"]);
    }

    #[test]
    fn quiet_with_a_second_route_or_a_single_role() {
        let m = two_roles()
            .channel("aid", ChannelKind::Knowledge)
            .develops("aid", "c", Stage::Support)
            .reaches("aid", "b")
            .build();
        assert!(codes_of(&m, super::run).is_empty());
        let one = Fixture::new()
            .role("a")
            .comp("c")
            .requires("a", "c")
            .channel("only", ChannelKind::Formal)
            .develops("only", "c", Stage::Introduce)
            .reaches("only", "a")
            .build();
        assert!(codes_of(&one, super::run).is_empty());
    }

    #[test]
    fn roles_already_at_target_do_not_count() {
        let with = |current| {
            Fixture::new()
                .role("a")
                .role("b")
                .comp("c")
                .requires("a", "c")
                .requires_at("b", "c", 3, current, Criticality::Medium)
                .channel("only", ChannelKind::Formal)
                .develops("only", "c", Stage::Introduce)
                .reaches("only", "a")
                .reaches("only", "b")
                .build()
        };
        assert!(codes_of(&with(Some(3)), super::run).is_empty());
        assert_eq!(codes_of(&with(Some(1)), super::run), vec!["single-source:c,only"]);
    }
}
