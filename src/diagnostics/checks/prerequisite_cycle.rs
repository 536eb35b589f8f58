//! `prerequisite-cycle` (a warning, not a finding): each strongly connected group of 2+ competencies in the prerequisite graph.
//!
//! A loop of prerequisites is model hygiene: the architect fixes the model, the client never
//! reads it. It is listed in `warnings` (`diagnose`, `trellis check`), never among the findings,
//! and never changes the exit status. Subjects: `cycle` (the competency ids, sorted).
//!
//! Area: `beyond-training`.
//! Evidence: `members` (how many competencies are in the loop).
//! Severity: none (a warning, not a finding).

use crate::diagnostics::warning::Warning;
use crate::diagnostics::{Context, FindingSubjects};
use crate::graph::PrerequisiteOrder;

pub const CODE: &str = "prerequisite-cycle";

pub fn warnings<'m>(cx: &Context<'m>) -> Vec<Warning<'m>> {
    if cx.model.prerequisites.is_empty() {
        return Vec::new();
    }
    let PrerequisiteOrder::Cycles(cycles) = cx.graph.prerequisite_order() else { return Vec::new() };
    cycles
        .into_iter()
        .filter(|c| c.len() >= 2)
        .map(|cycle| Warning {
            code: CODE,
            subjects: FindingSubjects { cycle: Some(cycle), ..FindingSubjects::default() },
            title: "Competencies whose prerequisites form a loop, so no learning path through them can be ordered",
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use crate::diagnostics::fixture::*;
    use crate::diagnostics::Context;

    fn cycles(m: &crate::model::Model) -> Vec<Vec<String>> {
        let cx = Context::new(m);
        super::warnings(&cx)
            .into_iter()
            .map(|w| w.subjects.cycle.unwrap().into_iter().map(String::from).collect())
            .collect()
    }

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
        assert_eq!(cycles(&m), vec![vec!["a", "b", "c"], vec!["x", "y"]]);
    }

    #[test]
    fn a_loop_is_a_warning_not_a_finding() {
        let m = Fixture::new().comp("a").comp("b").prerequisite("a", "b").prerequisite("b", "a").build();
        let d = crate::diagnostics::diagnose(&m);
        assert!(d.findings.iter().all(|f| f.code != super::CODE), "{:?}", d.findings);
        assert_eq!(d.warnings.len(), 1);
        assert_eq!(d.warnings[0].code, super::CODE);
    }

    #[test]
    fn quiet_for_a_chain() {
        let m = Fixture::new().comp("a").comp("b").comp("c").prerequisite("a", "b").prerequisite("b", "c").build();
        assert!(cycles(&m).is_empty());
    }
}
