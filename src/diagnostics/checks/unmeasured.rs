//! `unmeasured`: a channel evaluated below Kirkpatrick level 2 (learning).
//!
//! Area: `measurement`.
//! Evidence: `evaluation_level`.
//! Severity: medium.

use super::{channel_subjects, evidence, Finding, Raw};
use crate::diagnostics::{Context, Fact};
use crate::model::Severity;

pub const CODE: &str = "unmeasured";

pub fn run<'m>(cx: &Context<'m>, out: &mut Vec<Finding<'m>>) {
    for channel in cx.model.channels.iter().filter(|c| c.evaluation_level < 2) {
        out.push(
            Raw {
                code: CODE,
                severity: Severity::Medium,
                subjects: channel_subjects(channel),
                evidence: evidence(&["evaluation_level"], [Fact::from(channel.evaluation_level)]),
            }
            .into(),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::diagnostics::checks::codes_of;
    use crate::diagnostics::fixture::*;
    use crate::model::ChannelKind;

    #[test]
    fn fires_for_no_evaluation_and_reaction_only() {
        let m = Fixture::new()
            .channel_at("none", ChannelKind::Formal, None, 0)
            .channel_at("smiles", ChannelKind::Formal, None, 1)
            .build();
        assert_eq!(codes_of(&m, super::run), vec!["unmeasured:none", "unmeasured:smiles"]);
    }

    #[test]
    fn quiet_from_level_two() {
        let m = Fixture::new()
            .channel_at("tested", ChannelKind::Formal, None, 2)
            .channel_at("observed", ChannelKind::Coaching, None, 3)
            .build();
        assert!(codes_of(&m, super::run).is_empty());
    }
}
