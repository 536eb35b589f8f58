//! `prerequisite-cycle`: each strongly connected group of 2+ competencies in the prerequisite graph.
//!
//! Area: `beyond-training`.
//! Evidence: `members` (how many competencies are in the loop).
//! Severity: medium.

use super::{evidence, Finding, FindingSubjects, Raw};
use crate::diagnostics::{Context, Fact};
use crate::graph::PrerequisiteOrder;
use crate::model::Severity;

pub const CODE: &str = "prerequisite-cycle";

pub fn run<'m>(cx: &Context<'m>, out: &mut Vec<Finding<'m>>) {
    if cx.model.prerequisites.is_empty() {
        return;
    }
    let PrerequisiteOrder::Cycles(cycles) = cx.graph.prerequisite_order() else { return };
    for cycle in cycles.into_iter().filter(|c| c.len() >= 2) {
        out.push(
            Raw {
                code: CODE,
                severity: Severity::Medium,
                evidence: evidence(&["members"], [Fact::from(cycle.len())]),
                subjects: FindingSubjects { cycle: Some(cycle), ..FindingSubjects::default() },
            }
            .into(),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::diagnostics::checks::codes_of;
    use crate::diagnostics::fixture::*;

    #[test]
    fn fires_once_per_loop_listing_its_members() {
        let m = Fixture::new()
            .comp("a")
            .comp("b")
            .comp("c")
            .comp("x")
            .comp("y")
            .prerequisite("a", "b")
            .prerequisite("b", "c")
            .prerequisite("c", "a")
            .prerequisite("x", "y")
            .prerequisite("y", "x")
            .build();
        assert_eq!(codes_of(&m, super::run), vec!["prerequisite-cycle:a,b,c", "prerequisite-cycle:x,y"]);
    }

    #[test]
    fn quiet_for_a_chain() {
        let m = Fixture::new().comp("a").comp("b").comp("c").prerequisite("a", "b").prerequisite("b", "c").build();
        assert!(codes_of(&m, super::run).is_empty());
    }
}
