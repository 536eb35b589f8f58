//! `proficiency-gap`: a required (role, competency) whose current level is at least 2 below target.
//!
//! Area: `beyond-training`.
//! Evidence: `target_level`, `current_level`, `gap`, `headcount`.
//! Severity: critical when the gap is 3+ at high criticality; high when either holds; medium otherwise.

use super::{evidence, pair_subjects, Finding, Raw};
use crate::diagnostics::{Context, Fact};
use crate::model::{Criticality, Severity};

pub const CODE: &str = "proficiency-gap";

pub fn run<'m>(cx: &Context<'m>, out: &mut Vec<Finding<'m>>) {
    let headcount = |role: &str| {
        cx.graph.node(role).map_or(0, |n| match cx.graph.kind(n) {
            crate::graph::Node::Role(i) => cx.model.roles[i].headcount,
            _ => 0,
        })
    };
    // The links come sorted by role: look each role up once.
    let mut last: Option<(&str, i64)> = None;
    let mut headcount = |role: &'m str| match last {
        Some((id, n)) if id == role => n,
        _ => {
            let n = headcount(role);
            last = Some((role, n));
            n
        }
    };
    for r in &cx.model.requires {
        let Some(current) = r.current_level else { continue };
        let gap = r.target_level - current;
        if gap < 2 {
            continue;
        }
        let high = r.criticality == Criticality::High;
        let severity = match (gap >= 3, high) {
            (true, true) => Severity::Critical,
            (true, false) | (false, true) => Severity::High,
            (false, false) => Severity::Medium,
        };
        out.push(
            Raw {
                code: CODE,
                severity,
                subjects: pair_subjects(r),
                evidence: evidence(
                    &["target_level", "current_level", "gap", "headcount"],
                    [Fact::from(r.target_level), Fact::from(current), Fact::from(gap), Fact::from(headcount(&r.role))],
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
    use crate::diagnostics::Context;
    use crate::model::{Criticality, Severity};

    #[test]
    fn fires_from_two_levels_with_severity_by_gap_and_criticality() {
        let m = Fixture::new()
            .role("r")
            .comp("a")
            .comp("b")
            .comp("c")
            .comp("d")
            .requires_at("r", "a", 5, Some(2), Criticality::High)
            .requires_at("r", "b", 5, Some(2), Criticality::Low)
            .requires_at("r", "c", 4, Some(2), Criticality::High)
            .requires_at("r", "d", 4, Some(2), Criticality::Medium)
            .build();
        let cx = Context::new(&m);
        let mut out = Vec::new();
        super::run(&cx, &mut out);
        let severities: Vec<Severity> = out.iter().map(|f| f.severity).collect();
        assert_eq!(severities, vec![Severity::Critical, Severity::High, Severity::High, Severity::Medium]);
        assert_eq!(out[0].evidence["gap"], 3);
    }

    #[test]
    fn quiet_below_two_levels_or_without_a_current_level() {
        let m = Fixture::new()
            .role("r")
            .comp("a")
            .comp("b")
            .requires_at("r", "a", 4, Some(3), Criticality::High)
            .requires_at("r", "b", 5, None, Criticality::High)
            .build();
        assert!(codes_of(&m, super::run).is_empty());
    }
}
