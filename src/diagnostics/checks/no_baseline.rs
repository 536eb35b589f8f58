//! `no-baseline`: a high-criticality required (role, competency) with no current level, so the gap it closes cannot be known (area `measurement`).
//!
//! Area: `measurement`.
//! Evidence: `target_level`, `headcount` (people in the role).
//! Severity: medium.

use super::{evidence, pair_subjects, Finding, Raw};
use crate::diagnostics::{Context, Fact};
use crate::model::{Criticality, Severity};

pub const CODE: &str = "no-baseline";

pub fn run<'m>(cx: &Context<'m>, out: &mut Vec<Finding<'m>>) {
    let g = &cx.graph;
    for (role, r) in cx.model.roles.iter().enumerate() {
        for &(i, _) in g.requires_of(role) {
            let link = &cx.model.requires[i];
            if link.criticality != Criticality::High || link.current_level.is_some() {
                continue;
            }
            out.push(
                Raw {
                    code: CODE,
                    severity: Severity::Medium,
                    subjects: pair_subjects(link),
                    evidence: evidence(
                        &["target_level", "headcount"],
                        [Fact::from(link.target_level), Fact::from(r.headcount)],
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
    use crate::model::Criticality;

    #[test]
    fn fires_for_a_critical_pair_with_no_current_level() {
        let m = Fixture::new().role("r").comp("c").requires_at("r", "c", 4, None, Criticality::High).build();
        assert_eq!(codes_of(&m, super::run), vec!["no-baseline:c,r"]);
    }

    #[test]
    fn quiet_with_a_baseline_or_below_high_criticality() {
        let m = Fixture::new()
            .role("r")
            .comp("a")
            .comp("b")
            .requires_at("r", "a", 4, Some(1), Criticality::High)
            .requires_at("r", "b", 4, None, Criticality::Medium)
            .build();
        assert!(codes_of(&m, super::run).is_empty());
    }
}
