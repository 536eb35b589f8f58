//! `mix-imbalance`: a role whose learning mix differs from the target mix by more than 20 points in some bucket.
//!
//! The mix is the share, per 70-20-10 bucket, of `develops` links into competencies the role requires,
//! from channels reaching it.
//!
//! Area: `experiential`.
//! Evidence: `experiential`, `social`, `formal` (percent, rounded), `target_experiential`, `target_social`,
//! `target_formal`, `links`, `largest_difference`.
//! Severity: medium.

use super::{evidence, Finding, FindingSubjects, Raw};
use crate::diagnostics::{Context, Fact};
use crate::model::{Bucket, Severity};

pub const CODE: &str = "mix-imbalance";

/// Points a bucket may differ from the target before the mix counts as imbalanced.
pub const TOLERANCE: f64 = 20.0;

/// The role's mix in percent per bucket (experiential, social, formal) and the number of links, if any.
/// `required` is scratch space, one flag per competency, all false on entry and on exit.
fn role_mix_with(cx: &Context<'_>, role: usize, required: &mut [bool]) -> Option<([f64; 3], usize)> {
    let g = &cx.graph;
    for &(_, c) in g.requires_of(role) {
        required[c] = true;
    }
    let mut counts = [0usize; 3];
    for &ch in g.reaching(role) {
        let bucket = cx.model.channels[ch].kind.bucket();
        counts[bucket_index(bucket)] += g.develops_of(ch).iter().filter(|(c, _)| required[*c]).count();
    }
    for &(_, c) in g.requires_of(role) {
        required[c] = false;
    }
    let total: usize = counts.iter().sum();
    (total > 0).then(|| (counts.map(|c| c as f64 * 100.0 / total as f64), total))
}

fn bucket_index(b: Bucket) -> usize {
    match b {
        Bucket::Experiential => 0,
        Bucket::Social => 1,
        Bucket::Formal => 2,
    }
}

pub fn run<'m>(cx: &Context<'m>, out: &mut Vec<Finding<'m>>) {
    let t = cx.model.engagement.target_mix;
    let target = [t.experiential as f64, t.social as f64, t.formal as f64];
    let mut scratch = vec![false; cx.model.competencies.len()];
    for (i, role) in cx.model.roles.iter().enumerate() {
        let Some((mix, links)) = role_mix_with(cx, i, &mut scratch) else { continue };
        let largest = mix.iter().zip(&target).map(|(m, t)| (m - t).abs()).fold(0.0, f64::max);
        if largest <= TOLERANCE {
            continue;
        }
        out.push(
            Raw {
                code: CODE,
                severity: Severity::Medium,
                subjects: FindingSubjects { role: Some(&role.id), ..FindingSubjects::default() },
                evidence: evidence(
                    &[
                        "experiential",
                        "social",
                        "formal",
                        "target_experiential",
                        "target_social",
                        "target_formal",
                        "links",
                        "largest_difference",
                    ],
                    [
                        Fact::from(mix[0].round() as i64),
                        Fact::from(mix[1].round() as i64),
                        Fact::from(mix[2].round() as i64),
                        Fact::from(t.experiential),
                        Fact::from(t.social),
                        Fact::from(t.formal),
                        Fact::from(links),
                        Fact::from(largest.round() as i64),
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
    use crate::model::{ChannelKind, Stage};

    #[test]
    fn fires_for_a_role_served_by_courses_only() {
        let m = Fixture::new()
            .role("r")
            .comp("a")
            .comp("b")
            .requires("r", "a")
            .requires("r", "b")
            .channel("course", ChannelKind::Formal)
            .develops("course", "a", Stage::Introduce)
            .develops("course", "b", Stage::Introduce)
            .reaches("course", "r")
            .build();
        assert_eq!(codes_of(&m, super::run), vec!["mix-imbalance:r"]);
    }

    #[test]
    fn quiet_near_70_20_10_and_for_roles_nothing_serves() {
        // 7 experiential, 2 social, 1 formal link.
        let mut f = Fixture::new()
            .role("r")
            .role("idle")
            .channel("proj", ChannelKind::Experiential)
            .channel("peer", ChannelKind::Social)
            .channel("course", ChannelKind::Formal)
            .reaches("proj", "r")
            .reaches("peer", "r")
            .reaches("course", "r");
        for i in 0..10 {
            let c = format!("c{i}");
            f = f.comp(&c).requires("r", &c);
            let ch = if i < 7 {
                "proj"
            } else if i < 9 {
                "peer"
            } else {
                "course"
            };
            f = f.develops(ch, &c, Stage::Practice);
        }
        assert!(codes_of(&f.build(), super::run).is_empty());
    }
}
