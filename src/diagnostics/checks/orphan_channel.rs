//! `orphan-channel`: a channel that reaches no role, or develops no competency that a role it reaches requires (area `beyond-training`).
//!
//! Area: `beyond-training`.
//! Evidence: `roles_reached`, `competencies_developed`, `relevant` (developed competencies some
//! reached role requires), and what it costs: `cost` (null when unknown), `cost_basis`
//! (per-person when the channel gives none; null without a cost), `currency` (the engagement's
//! ISO 4217 code, null when it has none).
//! Severity: medium.

use super::{channel_subjects, evidence, Finding, Raw};
use crate::diagnostics::{Context, Fact};
use crate::model::{currency, Severity};

pub const CODE: &str = "orphan-channel";

pub fn run<'m>(cx: &Context<'m>, out: &mut Vec<Finding<'m>>) {
    let g = &cx.graph;
    let mut developed = vec![false; cx.model.competencies.len()];
    let mut relevant_seen = vec![false; cx.model.competencies.len()];
    let money = cx.model.engagement.currency.as_deref().and_then(currency::iso_code).map_or(Fact::Unknown, Fact::Word);
    for (i, channel) in cx.model.channels.iter().enumerate() {
        let roles = g.reached(i);
        for &(c, _) in g.develops_of(i) {
            developed[c] = true;
        }
        let mut relevant = 0usize;
        for &r in roles {
            for &(_, c) in g.requires_of(r) {
                if developed[c] && !relevant_seen[c] {
                    relevant_seen[c] = true;
                    relevant += 1;
                }
            }
        }
        for &(c, _) in g.develops_of(i) {
            developed[c] = false;
            relevant_seen[c] = false;
        }
        if roles.is_empty() || relevant == 0 {
            out.push(
                Raw {
                    code: CODE,
                    severity: Severity::Medium,
                    subjects: channel_subjects(channel),
                    evidence: evidence(
                        &["roles_reached", "competencies_developed", "relevant", "cost", "cost_basis", "currency"],
                        [
                            Fact::from(roles.len()),
                            Fact::from(g.develops_of(i).len()),
                            Fact::from(relevant),
                            channel.cost.map_or(Fact::Unknown, Fact::from),
                            match channel.cost {
                                Some(_) => Fact::Word(channel.effective_cost_basis().as_str()),
                                None => Fact::Unknown,
                            },
                            money,
                        ],
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
    fn fires_for_a_channel_reaching_nobody_and_one_developing_nothing_needed() {
        let m = Fixture::new()
            .role("r")
            .comp("c")
            .comp("other")
            .requires("r", "c")
            .channel("lonely", ChannelKind::Platform)
            .develops("lonely", "c", Stage::Introduce)
            .channel("offtopic", ChannelKind::Formal)
            .develops("offtopic", "other", Stage::Introduce)
            .reaches("offtopic", "r")
            .build();
        assert_eq!(codes_of(&m, super::run), vec!["orphan-channel:lonely", "orphan-channel:offtopic"]);
    }

    #[test]
    fn the_evidence_shows_the_cost_with_its_basis_and_currency() {
        let mut m = Fixture::new().channel("library", ChannelKind::Platform).build();
        m.channels[0].cost = Some(6000.0);
        m.channels[0].cost_basis = Some(crate::model::CostBasis::PerYear);
        m.engagement.currency = Some("EUR".into());
        let cx = crate::diagnostics::Context::new(&m);
        let mut out = Vec::new();
        super::run(&cx, &mut out);
        let e = serde_json::to_value(&out[0].evidence).unwrap();
        assert_eq!(
            (&e["cost"], &e["cost_basis"], &e["currency"]),
            (&serde_json::json!(6000.0), &serde_json::json!("per-year"), &serde_json::json!("EUR"))
        );
        m.channels[0].cost_basis = None;
        m.engagement.currency = None;
        let cx = crate::diagnostics::Context::new(&m);
        let mut out = Vec::new();
        super::run(&cx, &mut out);
        let e = serde_json::to_value(&out[0].evidence).unwrap();
        assert_eq!((&e["cost_basis"], &e["currency"]), (&serde_json::json!("per-person"), &serde_json::Value::Null));
    }

    #[test]
    fn quiet_for_a_channel_serving_a_need() {
        let m = Fixture::trained_pair().build();
        assert!(codes_of(&m, super::run).is_empty());
    }
}
