//! `no-behaviour-measure`: a competency some role requires at high criticality and has not yet
//! reached, developed by channels reaching those roles, none of which is evaluated at level 3+
//! (area `measurement`).
//!
//! Only open pairs count (current level below target, or unknown): where people are already at
//! target there is no change of behaviour left to evidence. Only the channels that reach such a
//! role count; when none of them develops it, `unreachable` speaks for the pairs and this stays
//! silent.
//!
//! Area: `measurement`.
//! Evidence: `developing_channels` (those channels), `max_evaluation_level`, `roles` (roles
//! requiring it at high criticality, below target).
//! Severity: medium.

use super::{evidence, is_open, Finding, FindingSubjects, Raw};
use crate::diagnostics::{Context, Fact};
use crate::graph::Node;
use crate::model::{Criticality, Severity};

pub const CODE: &str = "no-behaviour-measure";

pub fn run<'m>(cx: &Context<'m>, out: &mut Vec<Finding<'m>>) {
    let g = &cx.graph;
    let competencies = &cx.model.competencies;
    // Roles (positions) requiring each competency at high criticality and not yet at target.
    let mut critical: Vec<Vec<usize>> = vec![Vec::new(); competencies.len()];
    for r in cx.model.requires.iter().filter(|r| r.criticality == Criticality::High && is_open(r)) {
        let (Some(Node::Competency(c)), Some(Node::Role(role))) =
            (g.node(&r.competency).map(|n| g.kind(n)), g.node(&r.role).map(|n| g.kind(n)))
        else {
            continue;
        };
        critical[c].push(role);
    }
    // In id order: the model keeps its lists sorted, so this sorts only a model that is not.
    let mut order: Vec<usize> = (0..competencies.len()).filter(|c| !critical[*c].is_empty()).collect();
    if !order.windows(2).all(|w| competencies[w[0]].id <= competencies[w[1]].id) {
        order.sort_by(|a, b| competencies[*a].id.cmp(&competencies[*b].id));
    }
    for c in order {
        let roles = &critical[c];
        let channels = g.develops_into(c).iter().filter_map(|d| g.develops_channel(*d));
        let reaching = channels.filter(|ch| roles.iter().any(|r| g.reached(*ch).binary_search(r).is_ok()));
        let (developing, max) = reaching
            .map(|ch| cx.model.channels[ch].evaluation_level)
            .fold((0usize, None::<i64>), |(n, max), level| (n + 1, max.max(Some(level))));
        if max.is_some_and(|m| m < 3) {
            out.push(
                Raw {
                    code: CODE,
                    severity: Severity::Medium,
                    subjects: FindingSubjects { competency: Some(&competencies[c].id), ..FindingSubjects::default() },
                    evidence: evidence(
                        &["developing_channels", "max_evaluation_level", "roles"],
                        [Fact::from(developing), Fact::from(max), Fact::from(roles.len())],
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
    use crate::model::{ChannelKind, Criticality, Stage};

    #[test]
    fn fires_for_a_critical_competency_measured_only_by_tests() {
        let m = Fixture::new()
            .role("r")
            .comp("c")
            .requires_at("r", "c", 3, None, Criticality::High)
            .channel_at("course", ChannelKind::Formal, None, 2)
            .develops("course", "c", Stage::Introduce)
            .reaches("course", "r")
            .build();
        assert_eq!(codes_of(&m, super::run), vec!["no-behaviour-measure:c"]);
    }

    #[test]
    fn only_channels_reaching_the_critical_roles_count() {
        // The measured project reaches another role; the course reaching `r` is measured by a test.
        let base = Fixture::new()
            .role("r")
            .role("other")
            .comp("c")
            .requires_at("r", "c", 3, None, Criticality::High)
            .channel_at("course", ChannelKind::Formal, None, 2)
            .develops("course", "c", Stage::Introduce)
            .channel_at("project", ChannelKind::Experiential, None, 3)
            .develops("project", "c", Stage::Practice)
            .reaches("project", "other");
        assert_eq!(codes_of(&base.reaches("course", "r").build(), super::run), vec!["no-behaviour-measure:c"]);
        // Nothing reaching `r` develops it: `unreachable` speaks for the pair, not this check.
        let unreached = Fixture::new()
            .role("r")
            .comp("c")
            .requires_at("r", "c", 3, None, Criticality::High)
            .channel_at("course", ChannelKind::Formal, None, 2)
            .develops("course", "c", Stage::Introduce)
            .build();
        assert!(codes_of(&unreached, super::run).is_empty());
    }

    #[test]
    fn quiet_with_a_behaviour_measure_or_when_not_critical() {
        let m = Fixture::new()
            .role("r")
            .comp("c")
            .requires_at("r", "c", 3, None, Criticality::High)
            .channel_at("project", ChannelKind::Experiential, None, 3)
            .develops("project", "c", Stage::Practice)
            .reaches("project", "r")
            .build();
        assert!(codes_of(&m, super::run).is_empty());
        let m = Fixture::new().role("r").comp("c").requires_at("r", "c", 3, None, Criticality::Medium).build();
        assert!(codes_of(&m, super::run).is_empty());
    }

    #[test]
    fn quiet_when_the_critical_roles_are_already_at_target() {
        let at = |current| {
            Fixture::new()
                .role("r")
                .comp("c")
                .requires_at("r", "c", 3, current, Criticality::High)
                .channel_at("course", ChannelKind::Formal, None, 2)
                .develops("course", "c", Stage::Introduce)
                .reaches("course", "r")
                .build()
        };
        assert!(codes_of(&at(Some(3)), super::run).is_empty());
        assert!(codes_of(&at(Some(4)), super::run).is_empty());
        assert_eq!(codes_of(&at(Some(2)), super::run), vec!["no-behaviour-measure:c"]);
    }
}
