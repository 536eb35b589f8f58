//! `proficiency-gap`: a required (role, competency) whose current level is below target by at least a share of the scale's span (area `beyond-training`).
//!
//! The share is `proficiency_gap.min_share_of_span` in `templates/rules/scoring.toml` (0.4: a
//! gap of 2 on a 0-5 scale, 3 on 0-7), rounded up to whole levels.
//!
//! Area: `beyond-training`.
//! Evidence: `target_level`, `current_level`, `gap`, `headcount`.
//! Severity: from the pair's criticality (`severity_by_criticality`), one step up when the role
//! holds `many_people` or more.

use super::{evidence, pair_subjects, Finding, Raw};
use crate::diagnostics::GapRules;
use crate::diagnostics::{Context, Fact};
use crate::model::{Criticality, Scale, Severity};

pub const CODE: &str = "proficiency-gap";

/// The smallest gap that is a finding on this scale: the share of its span, rounded up, at least 1.
pub fn threshold(scale: &Scale, share: f64) -> i64 {
    (((scale.max - scale.min) as f64 * share - 1e-9).ceil() as i64).max(1)
}

/// Severity from criticality, one step more urgent for a role with many people.
pub fn severity(rules: &GapRules, criticality: Criticality, headcount: i64) -> Severity {
    let base = rules.severity_by_criticality[criticality as usize];
    if headcount >= rules.many_people {
        Severity::ALL[(base as usize).saturating_sub(1)]
    } else {
        base
    }
}

pub fn run<'m>(cx: &Context<'m>, out: &mut Vec<Finding<'m>>) {
    let gaps = &cx.rules.proficiency_gap;
    let min_gap = threshold(&cx.model.engagement.scale, gaps.min_share_of_span);
    let g = &cx.graph;
    for (role, rl) in cx.model.roles.iter().enumerate() {
        for &(i, _) in g.requires_of(role) {
            let r = &cx.model.requires[i];
            let Some(current) = r.current_level else { continue };
            let gap = r.target_level - current;
            if gap < min_gap {
                continue;
            }
            out.push(
                Raw {
                    code: CODE,
                    severity: severity(gaps, r.criticality, rl.headcount),
                    subjects: pair_subjects(r),
                    evidence: evidence(
                        &["target_level", "current_level", "gap", "headcount"],
                        [Fact::from(r.target_level), Fact::from(current), Fact::from(gap), Fact::from(rl.headcount)],
                    ),
                }
                .into(),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::threshold;
    use crate::diagnostics::checks::codes_of;
    use crate::diagnostics::fixture::*;
    use crate::diagnostics::Context;
    use crate::model::{Criticality, Scale, Severity};

    #[test]
    fn the_threshold_follows_the_scale() {
        let scale = |min, max| Scale { min, max, labels: vec![] };
        assert_eq!(threshold(&scale(0, 5), 0.4), 2);
        assert_eq!(threshold(&scale(0, 7), 0.4), 3);
        assert_eq!(threshold(&scale(1, 5), 0.4), 2);
        assert_eq!(threshold(&scale(0, 1), 0.4), 1);
        assert_eq!(threshold(&scale(0, 10), 0.4), 4);
    }

    #[test]
    fn fires_from_the_threshold_with_severity_by_criticality_and_people() {
        let m = Fixture::new()
            .role("r")
            .comp("a")
            .comp("b")
            .comp("c")
            .requires_at("r", "a", 4, Some(2), Criticality::High)
            .requires_at("r", "b", 4, Some(2), Criticality::Low)
            .requires_at("r", "c", 4, Some(2), Criticality::Medium)
            .role("big")
            .headcount("big", 120)
            .requires_at("big", "a", 4, Some(2), Criticality::High)
            .requires_at("big", "b", 4, Some(2), Criticality::Low)
            .build();
        let cx = Context::new(&m);
        let mut out = Vec::new();
        super::run(&cx, &mut out);
        let got: Vec<(String, Severity)> = out
            .iter()
            .map(|f| (format!("{}/{}", f.subjects.role.unwrap(), f.subjects.competency.unwrap()), f.severity))
            .collect();
        let want = [
            ("big/a", Severity::Critical),
            ("big/b", Severity::Medium),
            ("r/a", Severity::High),
            ("r/b", Severity::Low),
            ("r/c", Severity::Medium),
        ];
        assert_eq!(got, want.map(|(k, s)| (k.to_owned(), s)).to_vec());
        assert_eq!(out[0].evidence["gap"], 2);
        assert_eq!(out[0].evidence["headcount"], 120);
    }

    #[test]
    fn quiet_below_the_threshold_or_without_a_current_level() {
        let m = Fixture::new()
            .role("r")
            .comp("a")
            .comp("b")
            .requires_at("r", "a", 4, Some(3), Criticality::High)
            .requires_at("r", "b", 5, None, Criticality::High)
            .build();
        assert!(codes_of(&m, super::run).is_empty());
    }

    #[test]
    fn a_two_level_gap_is_quiet_on_a_zero_to_seven_scale() {
        let mut m = Fixture::new().role("r").comp("a").requires_at("r", "a", 4, Some(2), Criticality::High).build();
        m.engagement.scale = Scale { min: 0, max: 7, labels: vec![] };
        assert!(codes_of(&m, super::run).is_empty());
        m.requires[0].target_level = 5;
        assert_eq!(codes_of(&m, super::run), vec!["proficiency-gap:a,r"]);
    }
}
