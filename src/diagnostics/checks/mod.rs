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
//! (`tests/method_doc.rs`, where `UPDATE_DOCS=1` rewrites the file).

pub(super) mod coaching_overload;
mod mix_imbalance;
mod no_behaviour_measure;
mod no_feedback;
mod no_practice;
mod no_reinforcement;
mod no_support;
mod orphan_channel;
mod prerequisite_cycle;
mod proficiency_gap;
mod single_source;
mod training_only;
mod unmeasured;
mod unreachable;

use super::finding::{Evidence, Fact, Finding, FindingSubjects, Raw};
use super::Context;
use crate::model::{Channel, Criticality, Requires, Severity, Stage};

/// Every check code, in the order they run.
pub const CODES: &[&str] = &[
    training_only::CODE,
    unreachable::CODE,
    no_practice::CODE,
    no_feedback::CODE,
    no_support::CODE,
    orphan_channel::CODE,
    no_reinforcement::CODE,
    coaching_overload::CODE,
    unmeasured::CODE,
    no_behaviour_measure::CODE,
    prerequisite_cycle::CODE,
    proficiency_gap::CODE,
    mix_imbalance::CODE,
    single_source::CODE,
];

type Check = for<'m> fn(&Context<'m>, &mut Vec<Finding<'m>>);

const CHECKS: &[Check] = &[
    training_only::run,
    unreachable::run,
    no_practice::run,
    no_feedback::run,
    no_support::run,
    orphan_channel::run,
    no_reinforcement::run,
    coaching_overload::run,
    unmeasured::run,
    no_behaviour_measure::run,
    prerequisite_cycle::run,
    proficiency_gap::run,
    mix_imbalance::run,
    single_source::run,
];

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

/// The shared rule of `no-practice`, `no-feedback` and `no-support`: a covered pair that lacks `stage`.
/// Evidence: `covered_stages` (list), `integration` (0-4).
fn missing_stage<'m>(cx: &Context<'m>, code: &'static str, stage: Stage, out: &mut Vec<Finding<'m>>) {
    for (r, covered) in cx.model.requires.iter().zip(&cx.covered) {
        if !covered.is_empty() && !covered.contains(stage) {
            out.push(
                Raw {
                    code,
                    severity: Severity::Medium,
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

            #[test]
            fn fires_when_the_covered_pair_lacks_the_stage() {
                assert_eq!(codes_of(&Fixture::trained_pair().build(), super::run), vec![concat!($code, ":c,r")]);
            }

            #[test]
            fn quiet_when_the_stage_is_covered_or_nothing_is() {
                let m =
                    Fixture::trained_pair().channel("x", $kind).develops("x", "c", $stage).reaches("x", "r").build();
                assert!(codes_of(&m, super::run).is_empty());
                let uncovered = Fixture::required_pair().build();
                assert!(codes_of(&uncovered, super::run).is_empty());
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
