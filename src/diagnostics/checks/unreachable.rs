//! `unreachable`: a required (role, competency) that no channel reaching the role develops.
//!
//! Evidence: `developing_channels` (channels that develop the competency but do not reach the role),
//! `headcount` (people in the role). Severity: high at high criticality, medium otherwise.

use super::{by_criticality, evidence, pair_subjects, Raw};
use crate::diagnostics::Context;
use crate::graph::Node;
use serde_json::Value;

pub const CODE: &str = "unreachable";

pub fn run(cx: &Context<'_>, out: &mut Vec<Raw>) {
    for (r, covered) in cx.model.requires.iter().zip(&cx.covered) {
        if !covered.is_empty() {
            continue;
        }
        let developing = match cx.graph.node(&r.competency).map(|n| cx.graph.kind(n)) {
            Some(Node::Competency(c)) => cx.graph.developing(c).len(),
            _ => 0,
        };
        let headcount = cx.model.role(&r.role).map_or(0, |role| role.headcount);
        out.push(Raw {
            code: CODE,
            severity: by_criticality(r.criticality),
            subjects: pair_subjects(r),
            evidence: evidence([
                ("developing_channels", Value::from(developing)),
                ("headcount", Value::from(headcount)),
            ]),
        });
    }
}

#[cfg(test)]
mod tests {
    use crate::diagnostics::checks::codes_of;
    use crate::diagnostics::fixture::*;
    use crate::model::{ChannelKind, Stage};

    #[test]
    fn fires_when_the_developing_channel_does_not_reach_the_role() {
        let m = Fixture::new().role("r").role("other").comp("c").requires("r", "c")
            .channel("ch", ChannelKind::Coaching).develops("ch", "c", Stage::Feedback).reaches("ch", "other").build();
        assert_eq!(codes_of(&m, super::run), vec!["unreachable:c,r"]);
    }

    #[test]
    fn quiet_when_any_reaching_channel_develops_it() {
        let m = Fixture::new().role("r").comp("c").requires("r", "c")
            .channel("ch", ChannelKind::Knowledge).develops("ch", "c", Stage::Support).reaches("ch", "r").build();
        assert!(codes_of(&m, super::run).is_empty());
    }
}
