//! `perception-gap`: an area whose structural score (from the model) and perceived score (from people's answers) differ by `evidence.gap_points` or more (30 of 100).
//!
//! Area: `subjects.area`.
//! Evidence: `structural`, `perceived` (both 0-100), `gap` (points apart, rounded), `respondents`
//! (people who answered the area), `higher` (`model` when the map promises more than people
//! experience, `answers` when people report more than the map shows). Only areas with both parts
//! count, so the perceived score already rests on enough respondents. The recommendation is chosen
//! by `higher` (`variant_by` in `templates/rules/findings.toml`). The finding's subject is the
//! area it compares (`subjects.area`, in the key too: `perception-gap:coaching`).
//! Severity: medium.

use super::{evidence, Finding, FindingSubjects, Raw};
use crate::diagnostics::{Context, Fact};
use crate::model::Severity;

pub const CODE: &str = "perception-gap";

pub fn run<'m>(cx: &Context<'m>, out: &mut Vec<Finding<'m>>) {
    if cx.model.responses.is_empty() {
        return;
    }
    let scores = cx.scores();
    for (area, s) in &scores.areas {
        let (Some(structural), Some(perceived)) = (s.structural, s.perceived) else { continue };
        let gap = (structural - perceived).abs();
        if gap < cx.rules.evidence.gap_points {
            continue;
        }
        let higher = if structural > perceived { "model" } else { "answers" };
        out.push(
            Raw {
                code: CODE,
                severity: Severity::Medium,
                subjects: FindingSubjects { area: Some(*area), ..FindingSubjects::default() },
                evidence: evidence(
                    &["structural", "perceived", "gap", "respondents", "higher"],
                    [
                        Fact::from(structural),
                        Fact::from(perceived),
                        Fact::from(gap.round() as i64),
                        Fact::from(s.respondents),
                        Fact::Word(higher),
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
    use crate::model::{Area, ChannelKind, Stage};

    /// `r` needs `c`; a project gives practice, so experiential learning scores 100 from the model.
    fn practised() -> Fixture {
        Fixture::required_pair()
            .channel("project", ChannelKind::Experiential)
            .develops("project", "c", Stage::Practice)
            .reaches("project", "r")
    }

    #[test]
    fn fires_when_people_experience_far_less_than_the_map_shows() {
        // Five people answer 2 of 5: perceived 25 against a structural 100.
        let m = practised().answers("p", None, 5, "ex-2", Some(2)).build();
        assert_eq!(codes_of(&m, super::run), vec!["perception-gap:experiential"]);
        let d = crate::diagnostics::diagnose(&m);
        let f = d.findings.iter().find(|f| f.code == super::CODE).unwrap();
        assert_eq!(f.area, Area::Experiential);
        assert_eq!(f.evidence.get("structural").and_then(|x| x.as_f64()), Some(100.0));
        assert_eq!(f.evidence.get("perceived").and_then(|x| x.as_f64()), Some(25.0));
        assert_eq!(f.evidence.get("gap").and_then(|x| x.as_i64()), Some(75));
        assert!(d.recommendation(f).contains("experiential"), "{}", d.recommendation(f));
    }

    #[test]
    fn quiet_when_the_parts_agree_too_few_answered_or_one_part_is_missing() {
        // Answers of 4 of 5: perceived 75, 25 points from the structure.
        let close = practised().answers("p", None, 5, "ex-2", Some(4)).build();
        assert!(codes_of(&close, super::run).is_empty());
        // Four people are under the five an area needs: no perceived score, nothing to compare.
        let few = practised().answers("p", None, 4, "ex-2", Some(1)).build();
        assert!(codes_of(&few, super::run).is_empty());
        // Transfer climate has no structural part.
        let climate = practised().answers("p", None, 5, "tc-1", Some(1)).build();
        assert!(codes_of(&climate, super::run).is_empty());
    }
}
