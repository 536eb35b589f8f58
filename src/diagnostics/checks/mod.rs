//! The structural checks, one file per code. Each takes the context and pushes raw findings.
//!
//! A finding has `code`, `severity`, `pillar` (area), `title`, `subjects` (`role`, `competency`,
//! `channel`, `cycle`: only the keys that apply), `evidence` (numbers; keys documented in each
//! check's header), `rationale`, `recommendation` (from `templates/rules/findings.toml`,
//! placeholders filled with names and evidence) and `key` (code and sorted subject ids, e.g.
//! `training-only:comp-x,role-y`), plus `status` and `note` once the consultant accepts or
//! dismisses it. "A channel reaching a role" is a `reaches` link; the "covered stages" of a
//! required (role, competency) are the stages of `develops` links into the competency from
//! channels reaching the role.
//!
//! Each check file starts with a header that `docs/method.md` is generated from: a first line
//! `` `code`: what fires``, then `Area:`, `Evidence:` and `Severity:`, each starting a line
//! (`tests/it/method_doc.rs`, where `UPDATE_DOCS=1` rewrites the file).

pub(super) mod coaching_overload;
mod mix_imbalance;
mod no_baseline;
mod no_behaviour_measure;
mod no_feedback;
mod no_practice;
mod no_reinforcement;
mod no_support;
mod orphan_channel;
mod perception_gap;
mod perception_split;
pub(super) mod prerequisite_cycle;
mod proficiency_gap;
mod single_source;
mod training_only;
mod unmeasured;
mod unreachable;

use super::finding::{Evidence, Fact, Finding, FindingSubjects, Raw};
use super::Context;
use crate::graph::StageSet;
use crate::model::{Channel, Criticality, Requires, Severity, Stage};

type Check = for<'m> fn(&Context<'m>, &mut Vec<Finding<'m>>);

/// The one list of checks: `CODES` and `CHECKS` both come from it, in the order they run.
macro_rules! checks {
    ($($check:ident),+ $(,)?) => {
        /// Every check code, in the order they run.
        pub const CODES: &[&str] = &[$($check::CODE),+];
        const CHECKS: &[Check] = &[$($check::run),+];
    };
}

checks!(
    training_only,
    unreachable,
    no_practice,
    no_feedback,
    no_support,
    orphan_channel,
    no_reinforcement,
    coaching_overload,
    unmeasured,
    no_behaviour_measure,
    proficiency_gap,
    no_baseline,
    mix_imbalance,
    single_source,
    perception_gap,
    perception_split,
);

pub fn run_all<'m>(cx: &Context<'m>) -> Vec<Finding<'m>> {
    // Room for two findings per required pair from the start: large models give about that many.
    let mut out = Vec::with_capacity(cx.model.requires.len() * 2);
    for check in CHECKS {
        check(cx, &mut out);
    }
    out
}

/// Builds the evidence of a finding from its names and values, one for one.
fn evidence<const N: usize>(keys: &'static [&'static str; N], values: [Fact; N]) -> Evidence {
    Evidence::new(keys, values)
}

fn pair_subjects(r: &Requires) -> FindingSubjects<'_> {
    FindingSubjects { role: Some(&r.role), competency: Some(&r.competency), ..FindingSubjects::default() }
}

/// The subjects of a finding about one channel.
fn channel_subjects(channel: &Channel) -> FindingSubjects<'_> {
    FindingSubjects { channel: Some(&channel.id), ..FindingSubjects::default() }
}

/// High when the competency is critical for the role, medium otherwise.
fn by_criticality(c: Criticality) -> Severity {
    if c == Criticality::High {
        Severity::High
    } else {
        Severity::Medium
    }
}

/// Low, medium or high, as the pair's criticality.
fn as_criticality(c: Criticality) -> Severity {
    match c {
        Criticality::Low => Severity::Low,
        Criticality::Medium => Severity::Medium,
        Criticality::High => Severity::High,
    }
}

/// Whether a required pair is still open: its current level is below target, or unknown.
/// Pairs at or above target raise no coverage finding (they still count in coverage).
fn is_open(r: &Requires) -> bool {
    r.current_level.is_none_or(|current| current < r.target_level)
}

/// Whether `training-only` speaks for a pair: something covers it, and only at `introduce`.
fn training_only(covered: StageSet) -> bool {
    !covered.is_empty() && covered.iter().all(|s| s == Stage::Introduce)
}

/// The shared rule of `no-practice`, `no-feedback` and `no-support`: an open, covered pair that
/// lacks `stage`, unless `training-only` already fires for it. Severity: the pair's criticality.
/// Evidence: `covered_stages` (list), `integration` (0-4).
fn missing_stage<'m>(cx: &Context<'m>, code: &'static str, stage: Stage, out: &mut Vec<Finding<'m>>) {
    for (r, covered) in cx.model.requires.iter().zip(&cx.covered) {
        if !covered.is_empty() && !covered.contains(stage) && !training_only(*covered) && is_open(r) {
            out.push(
                Raw {
                    code,
                    severity: as_criticality(r.criticality),
                    subjects: pair_subjects(r),
                    evidence: evidence(&["covered_stages", "integration"], [(*covered).into(), covered.len().into()]),
                }
                .into(),
            );
        }
    }
}

/// The positive and negative tests shared by the three stage-gap checks.
#[cfg(test)]
macro_rules! stage_gap_tests {
    ($code:literal, $stage:expr, $kind:expr) => {
        #[cfg(test)]
        mod tests {
            use crate::diagnostics::checks::codes_of;
            use crate::diagnostics::fixture::*;

            use crate::model::{ChannelKind, Criticality, Severity, Stage};

            /// `r` needs `c`; `other` reaches `r` and develops `c` at one stage that is neither
            /// `introduce` nor the checked one, so the pair is covered beyond training alone.
            fn covered_without_the_stage(current: Option<i64>, criticality: Criticality) -> Fixture {
                let other = Stage::ALL.iter().copied().find(|s| *s != $stage && *s != Stage::Introduce).unwrap();
                Fixture::new()
                    .role("r")
                    .comp("c")
                    .requires_at("r", "c", 3, current, criticality)
                    .channel("other", ChannelKind::Social)
                    .develops("other", "c", other)
                    .reaches("other", "r")
            }

            #[test]
            fn fires_for_an_open_pair_lacking_the_stage_at_the_pairs_criticality() {
                for (criticality, severity) in [
                    (Criticality::Low, Severity::Low),
                    (Criticality::Medium, Severity::Medium),
                    (Criticality::High, Severity::High),
                ] {
                    let m = covered_without_the_stage(Some(1), criticality).build();
                    let cx = crate::diagnostics::Context::new(&m);
                    let mut out = Vec::new();
                    super::run(&cx, &mut out);
                    assert_eq!(out.len(), 1, "{criticality:?}");
                    assert_eq!(out[0].severity, severity, "{criticality:?}");
                }
                let unknown = covered_without_the_stage(None, Criticality::Medium).build();
                assert_eq!(codes_of(&unknown, super::run), vec![concat!($code, ":c,r")]);
            }

            #[test]
            fn quiet_at_target_when_covered_for_training_only_or_for_nothing() {
                let at_target = covered_without_the_stage(Some(3), Criticality::High).build();
                assert!(codes_of(&at_target, super::run).is_empty());
                let m = covered_without_the_stage(Some(1), Criticality::High)
                    .channel("x", $kind)
                    .develops("x", "c", $stage)
                    .reaches("x", "r")
                    .build();
                assert!(codes_of(&m, super::run).is_empty());
                // `training-only` speaks for a pair only a course covers.
                assert!(codes_of(&Fixture::trained_pair().build(), super::run).is_empty());
                let uncovered = Fixture::required_pair().build();
                assert!(codes_of(&uncovered, super::run).is_empty());
            }

            #[test]
            fn one_link_at_several_stages_covers_each() {
                let m = covered_without_the_stage(Some(1), Criticality::High)
                    .channel("sim", $kind)
                    .develops_at("sim", "c", &[Stage::Introduce, $stage])
                    .reaches("sim", "r")
                    .build();
                assert!(codes_of(&m, super::run).is_empty());
            }
        }
    };
}
#[cfg(test)]
pub(crate) use stage_gap_tests;

#[cfg(test)]
pub(crate) fn codes_of(model: &crate::model::Model, check: Check) -> Vec<String> {
    let cx = Context::new(model);
    let mut out = Vec::new();
    check(&cx, &mut out);
    out.into_iter()
        .map(|r| {
            let mut key = String::new();
            super::finding::write_key(r.code, &r.subjects, &mut key);
            key
        })
        .collect()
}
