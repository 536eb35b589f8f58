//! `mix-imbalance`: a role reached by 3 or more channels whose learning mix is far from the target mix (area `experiential`).
//!
//! When every channel reaching the role has `hours`, the mix is the share per 70-20-10 bucket of
//! those learner hours per person, and it fires when a bucket differs from the target by more
//! than 20 points. Otherwise the mix is the share of the channels (each counts once, however
//! many competencies it develops); a count says nothing about time spent, so it fires only when
//! a bucket the target gives 10% or more has no channel at all. 70-20-10 is a reference model
//! with weak evidence (a Trellis convention here), so this is a hint, not a rule. The
//! recommendation is chosen by `short` (`variant_by` in `templates/rules/findings.toml`).
//!
//! Area: `experiential`.
//! Evidence: `experiential`, `social`, `formal` (percent, rounded), `target_experiential`,
//! `target_social`, `target_formal`, `channels`, `measured_by` (`hours` or `channels`), `short`
//! (by hours the bucket furthest below its target, by count the empty bucket with the largest
//! target), `short_by` (points below).
//! Severity: low.

use super::{evidence, Finding, FindingSubjects, Raw};
use crate::diagnostics::{Context, Fact};
use crate::model::{Bucket, Severity};

pub const CODE: &str = "mix-imbalance";

/// Points a bucket may differ from the target before the mix counts as imbalanced.
pub const TOLERANCE: f64 = 20.0;

/// Fewer channels than this reaching a role say too little about its mix.
pub const MIN_CHANNELS: usize = 3;

/// By channel count, a bucket with at least this target share must have some channel.
pub const MIN_TARGET_SHARE: f64 = 10.0;

const BUCKETS: [Bucket; 3] = [Bucket::Experiential, Bucket::Social, Bucket::Formal];

/// The role's mix in percent per bucket (experiential, social, formal), the number of channels
/// reaching it, and whether hours weighed them; `None` when nothing weighs anything.
pub fn role_mix(cx: &Context<'_>, role: usize) -> Option<([f64; 3], usize, bool)> {
    let reaching = cx.graph.reaching(role);
    let channels = reaching.iter().map(|&ch| &cx.model.channels[ch]);
    let by_hours = !reaching.is_empty() && channels.clone().all(|c| c.hours.is_some());
    let mut weights = [0.0f64; 3];
    for c in channels {
        let i = BUCKETS.iter().position(|b| *b == c.kind.bucket()).expect("three buckets");
        weights[i] += if by_hours { c.hours.unwrap_or(0.0) } else { 1.0 };
    }
    let total: f64 = weights.iter().sum();
    (total > 0.0).then(|| (weights.map(|w| w * 100.0 / total), reaching.len(), by_hours))
}

pub fn run<'m>(cx: &Context<'m>, out: &mut Vec<Finding<'m>>) {
    let t = cx.model.engagement.target_mix;
    let target = [t.experiential as f64, t.social as f64, t.formal as f64];
    for (i, role) in cx.model.roles.iter().enumerate() {
        if cx.graph.reaching(i).len() < MIN_CHANNELS {
            continue;
        }
        let Some((mix, channels, by_hours)) = role_mix(cx, i) else { continue };
        let far = if by_hours {
            mix.iter().zip(&target).any(|(m, t)| (m - t).abs() > TOLERANCE)
        } else {
            mix.iter().zip(&target).any(|(m, t)| *m == 0.0 && *t >= MIN_TARGET_SHARE)
        };
        if !far {
            continue;
        }
        // By hours, the bucket furthest below its target (some bucket is below when another is
        // above); by count, the empty bucket with the largest target.
        let (short, short_by) = (0..3)
            .filter(|b| by_hours || mix[*b] == 0.0)
            .map(|b| (b, target[b] - mix[b]))
            .fold((0, f64::MIN), |best, this| if this.1 > best.1 { this } else { best });
        out.push(
            Raw {
                code: CODE,
                severity: Severity::Low,
                subjects: FindingSubjects { role: Some(&role.id), ..FindingSubjects::default() },
                evidence: evidence(
                    &[
                        "experiential",
                        "social",
                        "formal",
                        "target_experiential",
                        "target_social",
                        "target_formal",
                        "channels",
                        "measured_by",
                        "short",
                        "short_by",
                    ],
                    [
                        Fact::from(mix[0].round() as i64),
                        Fact::from(mix[1].round() as i64),
                        Fact::from(mix[2].round() as i64),
                        Fact::from(t.experiential),
                        Fact::from(t.social),
                        Fact::from(t.formal),
                        Fact::from(channels),
                        Fact::Word(if by_hours { "hours" } else { "channels" }),
                        Fact::Word(BUCKETS[short].as_str()),
                        Fact::from(short_by.round() as i64),
                    ],
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
    use crate::diagnostics::{Context, Fact};
    use crate::model::{ChannelKind, Model, Severity, Stage};

    /// Role `r` needs `c`; one channel per kind given reaches it and develops `c`.
    fn reached_by(kinds: &[(&str, ChannelKind)]) -> Fixture {
        let mut f = Fixture::new().role("r").comp("c").requires("r", "c");
        for (id, kind) in kinds {
            f = f.channel(id, *kind).develops(id, "c", Stage::Introduce).reaches(id, "r");
        }
        f
    }

    fn run(m: &Model) -> Vec<crate::diagnostics::Finding<'_>> {
        let cx = Context::new(m);
        let mut out = Vec::new();
        super::run(&cx, &mut out);
        out
    }

    #[test]
    fn fires_at_low_severity_for_a_role_served_by_courses_naming_the_short_bucket() {
        let m = reached_by(&[("a", ChannelKind::Formal), ("b", ChannelKind::Formal), ("lxp", ChannelKind::Platform)])
            .build();
        let out = run(&m);
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].severity, Severity::Low);
        assert_eq!(out[0].evidence["short"], Fact::Word("experiential"));
        assert_eq!(out[0].evidence["short_by"], 70);
        assert_eq!(out[0].evidence["measured_by"], Fact::Word("channels"));
        let d = crate::diagnostics::diagnose(&m);
        let f = d.findings.iter().find(|f| f.code == "mix-imbalance").unwrap();
        let text = d.recommendation(f);
        assert!(text.contains("experiential") || text.contains("on the job"), "{text}");
    }

    #[test]
    fn by_count_it_fires_only_for_an_empty_bucket() {
        // Two courses and a project: no social channel, which the target gives 20%.
        let m = reached_by(&[("a", ChannelKind::Formal), ("b", ChannelKind::Formal), ("p", ChannelKind::Experiential)])
            .build();
        let out = run(&m);
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].evidence["short"], Fact::Word("social"));
        // One of each: far from 70/20/10 by count, but a count says nothing about time.
        let even =
            reached_by(&[("a", ChannelKind::Formal), ("s", ChannelKind::Social), ("p", ChannelKind::Experiential)])
                .build();
        assert!(run(&even).is_empty());
    }

    #[test]
    fn counts_channels_not_links() {
        // One course developing ten competencies counts once: 2 experiential, 1 social, 1 formal.
        let mut f = reached_by(&[
            ("p1", ChannelKind::Experiential),
            ("p2", ChannelKind::Experiential),
            ("peer", ChannelKind::Social),
            ("course", ChannelKind::Formal),
        ]);
        for i in 0..10 {
            let c = format!("k{i}");
            f = f.comp(&c).requires("r", &c).develops("course", &c, Stage::Introduce);
        }
        assert!(codes_of(&f.build(), super::run).is_empty());
    }

    #[test]
    fn learner_hours_weigh_the_mix_when_every_channel_has_them() {
        let mut m = reached_by(&[
            ("project", ChannelKind::Experiential),
            ("peer", ChannelKind::Social),
            ("course", ChannelKind::Formal),
        ])
        .build();
        // By count every bucket has a channel: quiet. By hours, 60 of 100 hours are formal.
        assert!(codes_of(&m, super::run).is_empty());
        for (c, h) in m.channels.iter_mut().zip([60.0, 20.0, 20.0]) {
            c.hours = Some(h); // sorted ids: course, peer, project
        }
        assert_eq!(codes_of(&m, super::run), vec!["mix-imbalance:r"]);
        assert_eq!(run(&m)[0].evidence["measured_by"], Fact::Word("hours"));
        for (c, h) in m.channels.iter_mut().zip([10.0, 20.0, 70.0]) {
            c.hours = Some(h);
        }
        assert!(codes_of(&m, super::run).is_empty(), "70/20/10 by hours");
        m.channels[0].hours = Some(60.0);
        m.channels[2].hours = None;
        assert!(codes_of(&m, super::run).is_empty(), "one channel without hours: counted, and no bucket is empty");
    }

    #[test]
    fn quiet_for_roles_reached_by_fewer_than_three_channels() {
        let m = reached_by(&[("a", ChannelKind::Formal), ("b", ChannelKind::Formal)]).role("idle").build();
        assert!(codes_of(&m, super::run).is_empty());
    }
}
