//! Model hygiene: what is worth fixing in the model but is no finding for a client (a loop of
//! prerequisites, a cost with no basis). Listed by `diagnose` (JSON and text) and `trellis check`;
//! never a finding, never in the blueprint, never a change of exit status.

use super::checks::prerequisite_cycle;
pub use super::warning::Warning;
use super::{Context, FindingSubjects};
use crate::model::Model;

/// `cost-without-basis`: a channel with a cost and no `cost_basis`, read as per person.
pub const COST_WITHOUT_BASIS: &str = "cost-without-basis";

/// Every warning code, in the order they are listed.
pub const WARNING_CODES: &[&str] = &[prerequisite_cycle::CODE, COST_WITHOUT_BASIS];

/// The warnings of a model, in `WARNING_CODES` order, subjects in model order.
pub fn warnings<'m>(cx: &Context<'m>) -> Vec<Warning<'m>> {
    let mut out = prerequisite_cycle::warnings(cx);
    out.extend(costs_without_basis(cx.model));
    out
}

/// The warnings of a model on their own, for `trellis check`.
pub fn warnings_of(model: &Model) -> Vec<Warning<'_>> {
    warnings(&Context::new(model))
}

fn costs_without_basis(model: &Model) -> impl Iterator<Item = Warning<'_>> {
    model.channels.iter().filter(|c| c.cost.is_some() && c.cost_basis.is_none()).map(|c| Warning {
        code: COST_WITHOUT_BASIS,
        subjects: FindingSubjects { channel: Some(&c.id), ..FindingSubjects::default() },
        title: "A cost with no basis, read as per person: say whether it is per person, per cohort or per year",
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::fixture::Fixture;
    use crate::model::{ChannelKind, CostBasis};

    #[test]
    fn a_cost_without_a_basis_is_a_warning_and_one_with_a_basis_is_not() {
        let mut m = Fixture::new().channel("a", ChannelKind::Formal).channel("b", ChannelKind::Formal).build();
        m.channels[0].cost = Some(25.0);
        m.channels[1].cost = Some(6000.0);
        m.channels[1].cost_basis = Some(CostBasis::PerYear);
        let cx = Context::new(&m);
        let w = warnings(&cx);
        assert_eq!(w.len(), 1);
        assert_eq!((w[0].code, w[0].subjects.channel), (COST_WITHOUT_BASIS, Some("a")));
        assert_eq!(m.channels[0].effective_cost_basis(), CostBasis::PerPerson);
    }
}
