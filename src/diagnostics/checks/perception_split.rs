//! `perception-split`: an area where managers and learners answer `evidence.split_points` (1 point on the 1-5 scale) or more apart, each side with at least the anonymity threshold of respondents.
//!
//! Area: `subjects.area`.
//! Evidence: `managers`, `learners` (mean answers, 1-5), `manager_respondents`,
//! `learner_respondents`, `difference` (managers minus learners, two decimals). Answers without a
//! respondent type, and those of L&D and leaders, do not count here. Below the anonymity
//! threshold a side is not shown at all, so the check stays silent. The finding's subject is the
//! area it compares (`subjects.area`, in the key too: `perception-split:coaching`).
//! Severity: medium.

use super::{evidence, Finding, FindingSubjects, Raw};
use crate::diagnostics::{Context, Fact, ResponseSummary};
use crate::model::{RespondentType, Severity};

pub const CODE: &str = "perception-split";

pub fn run<'m>(cx: &Context<'m>, out: &mut Vec<Finding<'m>>) {
    if !cx.model.responses.iter().any(|r| r.respondent_type.is_some()) {
        return;
    }
    let summary = ResponseSummary::of(cx.model);
    for a in &summary.areas {
        let (Some(managers), Some(learners)) = (a.of_type(RespondentType::Manager), a.of_type(RespondentType::Learner))
        else {
            continue;
        };
        let (Some(m), Some(l)) = (managers.mean, learners.mean) else { continue };
        let difference = ((m - l) * 100.0).round() / 100.0;
        if difference.abs() < cx.rules.evidence.split_points {
            continue;
        }
        out.push(
            Raw {
                code: CODE,
                severity: Severity::Medium,
                subjects: FindingSubjects { area: Some(a.area), ..FindingSubjects::default() },
                evidence: evidence(
                    &["managers", "learners", "manager_respondents", "learner_respondents", "difference"],
                    [
                        Fact::from(m),
                        Fact::from(l),
                        Fact::from(managers.respondents),
                        Fact::from(learners.respondents),
                        Fact::from(difference),
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
    use crate::model::RespondentType::{Leader, Learner, Manager};

    #[test]
    fn fires_when_managers_see_far_more_than_learners() {
        let m = Fixture::new()
            .answers("m", Some(Manager), 3, "co-2", Some(4))
            .answers("l", Some(Learner), 3, "co-2", Some(2))
            .build();
        assert_eq!(codes_of(&m, super::run), vec!["perception-split:coaching"]);
        let d = crate::diagnostics::diagnose(&m);
        let f = d.findings.iter().find(|f| f.code == super::CODE).unwrap();
        assert_eq!(f.evidence.get("difference").and_then(|x| x.as_f64()), Some(2.0));
        assert_eq!(f.evidence.get("manager_respondents").and_then(|x| x.as_i64()), Some(3));
    }

    #[test]
    fn quiet_when_they_are_close_or_only_others_differ() {
        let close = Fixture::new()
            .answers("m", Some(Manager), 3, "co-2", Some(3))
            .answers("l", Some(Learner), 3, "co-2", Some(3))
            .answers("x", Some(Leader), 3, "co-2", Some(5))
            .build();
        assert!(codes_of(&close, super::run).is_empty());
    }

    #[test]
    fn quiet_while_either_side_is_below_the_anonymity_threshold() {
        let few = Fixture::new()
            .answers("m", Some(Manager), 2, "co-2", Some(5))
            .answers("l", Some(Learner), 9, "co-2", Some(1))
            .build();
        assert!(codes_of(&few, super::run).is_empty());
        let mut lower = few.clone();
        lower.settings.anonymity_threshold = 2;
        assert_eq!(codes_of(&lower, super::run), vec!["perception-split:coaching"]);
    }
}
