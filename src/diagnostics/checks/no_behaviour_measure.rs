//! `no-behaviour-measure`: a competency some role requires at high criticality, none of whose developing channels is evaluated at level 3+.
//!
//! Area: `measurement`.
//! Evidence: `developing_channels`, `max_evaluation_level` (null when nothing develops it), `roles` (roles requiring it at high criticality).
//! Severity: medium.

use super::{evidence, Finding, FindingSubjects, Raw};
use crate::diagnostics::{Context, Fact};
use crate::graph::Node;
use crate::model::{Criticality, Severity};

pub const CODE: &str = "no-behaviour-measure";

pub fn run<'m>(cx: &Context<'m>, out: &mut Vec<Finding<'m>>) {
    let g = &cx.graph;
    let competencies = &cx.model.competencies;
    // Roles requiring each competency (by position) at high criticality.
    let mut critical = vec![0usize; competencies.len()];
    for r in cx.model.requires.iter().filter(|r| r.criticality == Criticality::High) {
        if let Some(Node::Competency(c)) = g.node(&r.competency).map(|n| g.kind(n)) {
            critical[c] += 1;
        }
    }
    // In id order: the model keeps its lists sorted, so this sorts only a model that is not.
    let mut order: Vec<usize> = (0..competencies.len()).filter(|c| critical[*c] > 0).collect();
    if !order.windows(2).all(|w| competencies[w[0]].id <= competencies[w[1]].id) {
        order.sort_by(|a, b| competencies[*a].id.cmp(&competencies[*b].id));
    }
    for c in order {
        let channels = g.develops_into(c).iter().filter_map(|d| g.develops_channel(*d));
        let (developing, max) = channels
            .map(|ch| cx.model.channels[ch].evaluation_level)
            .fold((0usize, None::<i64>), |(n, max), level| (n + 1, max.max(Some(level))));
        if max.is_none_or(|m| m < 3) {
            out.push(
                Raw {
                    code: CODE,
                    severity: Severity::Medium,
                    subjects: FindingSubjects { competency: Some(&competencies[c].id), ..FindingSubjects::default() },
                    evidence: evidence(
                        &["developing_channels", "max_evaluation_level", "roles"],
                        [Fact::from(developing), Fact::from(max), Fact::from(critical[c])],
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
            .build();
        assert_eq!(codes_of(&m, super::run), vec!["no-behaviour-measure:c"]);
    }

    #[test]
    fn quiet_with_a_behaviour_measure_or_when_not_critical() {
        let m = Fixture::new()
            .role("r")
            .comp("c")
            .requires_at("r", "c", 3, None, Criticality::High)
            .channel_at("project", ChannelKind::Experiential, None, 3)
            .develops("project", "c", Stage::Practice)
            .build();
        assert!(codes_of(&m, super::run).is_empty());
        let m = Fixture::new().role("r").comp("c").requires_at("r", "c", 3, None, Criticality::Medium).build();
        assert!(codes_of(&m, super::run).is_empty());
    }
}
