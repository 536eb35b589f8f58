//! `unmeasured`: a channel evaluated below what its kind calls for (area `measurement`).
//!
//! Formal and platform channels fire below level 2 (learning); experiential, coaching, knowledge
//! and social channels fire at level 0 only (not evaluated at all): their evidence is observed
//! work, or use and success on the task, not a test. The recommendation is chosen by `kind`
//! (`variant_by` in `templates/rules/findings.toml`). A channel that reaches no role stays
//! silent: `orphan-channel` speaks for it, since measuring what nobody takes is moot.
//!
//! Area: `measurement`.
//! Evidence: `kind`, `evaluation_level`.
//! Severity: medium.

use super::{channel_subjects, evidence, Finding, Raw};
use crate::diagnostics::{Context, Fact};
use crate::model::{ChannelKind, Severity};

pub const CODE: &str = "unmeasured";

/// The lowest evaluation level that is enough for a channel of this kind.
pub fn expected_level(kind: ChannelKind) -> i64 {
    match kind {
        ChannelKind::Formal | ChannelKind::Platform => 2,
        ChannelKind::Experiential | ChannelKind::Coaching | ChannelKind::Knowledge | ChannelKind::Social => 1,
    }
}

pub fn run<'m>(cx: &Context<'m>, out: &mut Vec<Finding<'m>>) {
    let reaching = cx.model.channels.iter().enumerate().filter(|(i, _)| !cx.graph.reached(*i).is_empty());
    for (_, channel) in reaching.filter(|(_, c)| c.evaluation_level < expected_level(c.kind)) {
        out.push(
            Raw {
                code: CODE,
                severity: Severity::Medium,
                subjects: channel_subjects(channel),
                evidence: evidence(
                    &["kind", "evaluation_level"],
                    [Fact::from(channel.kind), Fact::from(channel.evaluation_level)],
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
    use crate::model::ChannelKind;

    /// The fixture with a role `r` that every named channel reaches.
    fn reaching_r(f: Fixture, channels: &[&str]) -> crate::model::Model {
        channels.iter().fold(f.role("r"), |f, ch| f.reaches(ch, "r")).build()
    }

    #[test]
    fn quiet_for_a_channel_that_reaches_no_one() {
        // `orphan-channel` speaks for it: measuring what nobody takes is moot.
        let m = Fixture::new().role("r").channel_at("shelfware", ChannelKind::Platform, None, 0).build();
        assert!(codes_of(&m, super::run).is_empty());
        let m = reaching_r(Fixture::new().channel_at("shelfware", ChannelKind::Platform, None, 0), &["shelfware"]);
        assert_eq!(codes_of(&m, super::run), vec!["unmeasured:shelfware"]);
    }

    #[test]
    fn courses_fire_below_level_two_and_other_kinds_at_level_zero() {
        let m = reaching_r(
            Fixture::new()
                .channel_at("none", ChannelKind::Formal, None, 0)
                .channel_at("smiles", ChannelKind::Formal, None, 1)
                .channel_at("lxp", ChannelKind::Platform, None, 1)
                .channel_at("wiki", ChannelKind::Knowledge, None, 0)
                .channel_at("circle", ChannelKind::Social, None, 0),
            &["none", "smiles", "lxp", "wiki", "circle"],
        );
        assert_eq!(
            codes_of(&m, super::run),
            vec!["unmeasured:circle", "unmeasured:lxp", "unmeasured:none", "unmeasured:smiles", "unmeasured:wiki"]
        );
    }

    #[test]
    fn quiet_from_level_two_for_courses_and_from_level_one_for_the_rest() {
        let m = Fixture::new()
            .channel_at("tested", ChannelKind::Formal, None, 2)
            .channel_at("roi", ChannelKind::Formal, None, 5)
            .channel_at("observed", ChannelKind::Coaching, None, 3)
            .channel_at("aid", ChannelKind::Knowledge, None, 1)
            .channel_at("huddle", ChannelKind::Social, None, 1)
            .channel_at("project", ChannelKind::Experiential, None, 1)
            .build();
        assert!(codes_of(&m, super::run).is_empty());
    }

    #[test]
    fn each_kind_gets_its_own_recommendation_and_none_asks_a_job_aid_for_a_test() {
        let m = reaching_r(
            Fixture::new()
                .channel_at("course", ChannelKind::Formal, None, 0)
                .channel_at("aid", ChannelKind::Knowledge, None, 0)
                .channel_at("circle", ChannelKind::Social, None, 0)
                .channel_at("coach", ChannelKind::Coaching, None, 0)
                .channel_at("project", ChannelKind::Experiential, None, 0),
            &["course", "aid", "circle", "coach", "project"],
        );
        let d = crate::diagnostics::diagnose(&m);
        let text = |id: &str| {
            let f = d.findings.iter().find(|f| f.code == "unmeasured" && f.subjects.channel == Some(id)).unwrap();
            d.recommendation(f).to_lowercase()
        };
        for id in ["aid", "circle"] {
            let t = text(id);
            assert!(!t.contains("test") && !t.contains("before and after"), "{id}: {t}");
            assert!(t.contains("use"), "{id}: {t}");
        }
        for id in ["coach", "project"] {
            assert!(text(id).contains("observ"), "{id}: {}", text(id));
        }
        assert!(text("course").contains("level 2"), "{}", text("course"));
        assert_ne!(text("aid"), text("course"));
        assert_ne!(text("coach"), text("aid"));
    }
}
