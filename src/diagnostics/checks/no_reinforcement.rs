//! `no-reinforcement`: a formal channel (a learning event) with no experiential or coaching channel within two `follows` hops after it (area `beyond-training`).
//!
//! Platform channels (a learning platform, a video library) are always open, not events, so they
//! are left out.
//!
//! Area: `beyond-training`.
//! Evidence: `followers_within_two` (channels reachable in two hops), `kind`.
//! Severity: medium.

use super::{channel_subjects, evidence, Finding, Raw};
use crate::diagnostics::{Context, Fact};
use crate::model::{ChannelKind, Severity};

pub const CODE: &str = "no-reinforcement";

pub fn run<'m>(cx: &Context<'m>, out: &mut Vec<Finding<'m>>) {
    for (i, channel) in cx.model.channels.iter().enumerate() {
        if channel.kind != ChannelKind::Formal {
            continue;
        }
        let followers = cx.graph.followers_within(i, 2);
        let reinforced = followers
            .iter()
            .any(|f| matches!(cx.model.channels[*f].kind, ChannelKind::Experiential | ChannelKind::Coaching));
        if !reinforced {
            out.push(
                Raw {
                    code: CODE,
                    severity: Severity::Medium,
                    subjects: channel_subjects(channel),
                    evidence: evidence(
                        &["followers_within_two", "kind"],
                        [Fact::from(followers.len()), Fact::from(channel.kind)],
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
    use crate::model::ChannelKind;

    #[test]
    fn fires_when_nothing_practical_follows_within_two_hops() {
        let m = Fixture::new()
            .channel("course", ChannelKind::Formal)
            .channel("video", ChannelKind::Platform)
            .channel("wiki", ChannelKind::Knowledge)
            .channel("project", ChannelKind::Experiential)
            // course -> video -> wiki -> project: the project is three hops from the course.
            .follows("course", "video")
            .follows("video", "wiki")
            .follows("wiki", "project")
            .build();
        assert_eq!(codes_of(&m, super::run), vec!["no-reinforcement:course"]);
    }

    #[test]
    fn quiet_for_an_always_open_platform() {
        let m = Fixture::new().channel("video", ChannelKind::Platform).build();
        assert!(codes_of(&m, super::run).is_empty());
    }

    #[test]
    fn quiet_when_coaching_follows_two_hops_later() {
        let m = Fixture::new()
            .channel("course", ChannelKind::Formal)
            .channel("wiki", ChannelKind::Knowledge)
            .channel("coach", ChannelKind::Coaching)
            .follows("course", "wiki")
            .follows("wiki", "coach")
            .build();
        assert!(codes_of(&m, super::run).is_empty());
    }
}
