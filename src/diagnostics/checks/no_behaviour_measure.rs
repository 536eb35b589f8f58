//! `no-behaviour-measure`: a competency some role requires at high criticality, none of whose developing channels is evaluated at level 3+.
//!
//! Evidence: `developing_channels`, `max_evaluation_level` (null when nothing develops it), `roles` (roles requiring it at high criticality).
//! Severity: medium.

use super::{evidence, Raw};
use crate::diagnostics::Context;
use crate::model::{Criticality, Severity, Subjects};
use serde_json::Value;
use std::collections::BTreeMap;

pub const CODE: &str = "no-behaviour-measure";

pub fn run(cx: &Context<'_>, out: &mut Vec<Raw>) {
    let mut critical: BTreeMap<&str, usize> = BTreeMap::new();
    for r in cx.model.requires.iter().filter(|r| r.criticality == Criticality::High) {
        *critical.entry(r.competency.as_str()).or_default() += 1;
    }
    for (competency, roles) in critical {
        let Some(crate::graph::Node::Competency(c)) = cx.graph.node(competency).map(|n| cx.graph.kind(n)) else {
            continue;
        };
        let levels: Vec<i64> = cx
            .graph
            .developing(c)
            .into_iter()
            .filter_map(|d| match cx.graph.node(&cx.model.develops[d].channel).map(|n| cx.graph.kind(n)) {
                Some(crate::graph::Node::Channel(ch)) => Some(cx.model.channels[ch].evaluation_level),
                _ => None,
            })
            .collect();
        let max = levels.iter().copied().max();
        if max.is_none_or(|m| m < 3) {
            out.push(Raw {
                code: CODE,
                severity: Severity::Medium,
                subjects: Subjects { competency: Some(competency.to_owned()), ..Subjects::default() },
                evidence: evidence([
                    ("developing_channels", Value::from(levels.len())),
                    ("max_evaluation_level", Value::from(max)),
                    ("roles", Value::from(roles)),
                ]),
            });
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
