//! Finding rules and scoring thresholds, read from templates/rules/ (data a firm may edit).

use crate::model::{Area, Severity};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::sync::Arc;

/// The words a finding of one code carries.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rule {
    // `pillar` in `findings.toml`, the key firms already write.
    #[serde(rename = "pillar")]
    pub area: Area,
    pub title: Arc<str>,
    pub rationale: Arc<str>,
    pub recommendation: String,
    /// The evidence key whose value picks a recommendation from `variants` (`kind` for `unmeasured`).
    #[serde(default)]
    pub variant_by: Option<String>,
    /// Recommendations by the value of the `variant_by` evidence; others take `recommendation`.
    #[serde(default)]
    pub variants: BTreeMap<String, String>,
}

impl Rule {
    /// The recommendation for a finding with this evidence: its variant's, or the rule's own.
    pub fn recommendation_for(&self, evidence: &super::Evidence) -> (&str, Option<&str>) {
        let variant = self.variant_by.as_deref().and_then(|key| match evidence.get(key)? {
            super::Fact::Kind(k) => Some(k.as_str()),
            super::Fact::Word(w) => Some(w),
            _ => None,
        });
        match variant.and_then(|v| self.variants.get_key_value(v)) {
            Some((v, text)) => (text, Some(v.as_str())),
            None => (&self.recommendation, None),
        }
    }
}

/// How `proficiency-gap` fires and how severe it is.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GapRules {
    /// A gap fires from this share of the scale's span (rounded up to whole levels).
    pub min_share_of_span: f64,
    /// Severity by criticality (low, medium, high), before the headcount step.
    pub severity_by_criticality: [Severity; 3],
    /// From this many people in the role the severity goes one step up.
    pub many_people: i64,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MaturityLevel {
    pub level: u8,
    pub label: String,
    pub min_mean: f64,
    pub min_area: f64,
}

/// How much evidence from people's answers a score and a maturity level need, and when the
/// perception checks fire.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EvidenceRules {
    /// A perceived score counts from this many respondents to the area (or the anonymity
    /// threshold, when higher).
    pub min_respondents: usize,
    /// Levels above this one need a transfer-climate score from answers.
    pub climate_needed_above: u8,
    /// `perception-gap`: structural and perceived scores this many points apart (of 100).
    pub gap_points: f64,
    /// `perception-split`: managers and learners this far apart on the 1-5 scale.
    pub split_points: f64,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct MeasurementWeights {
    level_weights: Vec<f64>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct CoachingWeights {
    overload_penalty: f64,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct Scoring {
    measurement: MeasurementWeights,
    coaching: CoachingWeights,
    proficiency_gap: GapRules,
    evidence: EvidenceRules,
    maturity: Vec<MaturityLevel>,
}

/// All rules: texts per finding code, and the scoring weights and maturity ladder.
#[derive(Debug, Clone)]
pub struct Rules {
    pub findings: BTreeMap<String, Rule>,
    /// Weight of a channel in the measurement score by its evaluation level 0-5.
    pub level_weights: Vec<f64>,
    /// When a proficiency gap is a finding, and how severe.
    pub proficiency_gap: GapRules,
    /// How much the coaching score drops when every coaching channel is overloaded.
    pub overload_penalty: f64,
    /// What answers a score and a maturity level need; when the perception checks fire.
    pub evidence: EvidenceRules,
    /// Maturity levels, lowest first.
    pub maturity: Vec<MaturityLevel>,
}

const FINDINGS: &str = include_str!("../../templates/rules/findings.toml");
const SCORING: &str = include_str!("../../templates/rules/scoring.toml");

impl Rules {
    /// The rules shipped in templates/rules/.
    pub fn builtin() -> &'static Rules {
        static RULES: std::sync::OnceLock<Rules> = std::sync::OnceLock::new();
        RULES.get_or_init(|| Rules::parse(FINDINGS, SCORING).expect("templates/rules are valid (tested)"))
    }

    /// Parses rule files; errors name the file and what is wrong.
    pub fn parse(findings: &str, scoring: &str) -> Result<Rules, String> {
        let findings: BTreeMap<String, Rule> =
            toml::from_str(findings).map_err(|e| format!("templates/rules/findings.toml: {e}"))?;
        let scoring: Scoring = toml::from_str(scoring).map_err(|e| format!("templates/rules/scoring.toml: {e}"))?;
        if scoring.measurement.level_weights.len() != 6 {
            return Err("templates/rules/scoring.toml: measurement.level_weights needs 6 weights (levels 0-5)".into());
        }
        let share = scoring.proficiency_gap.min_share_of_span;
        if !(share > 0.0 && share <= 1.0) {
            return Err(format!(
                "templates/rules/scoring.toml: proficiency_gap.min_share_of_span is {share}, expected above 0 and at most 1"
            ));
        }
        for (code, rule) in &findings {
            if rule.variant_by.is_none() != rule.variants.is_empty() {
                return Err(format!(
                    "templates/rules/findings.toml: [{code}] needs both `variant_by` and `variants`, or neither"
                ));
            }
        }
        let mut maturity = scoring.maturity;
        maturity.sort_by_key(|m| m.level);
        if maturity.is_empty() {
            return Err("templates/rules/scoring.toml: at least one [[maturity]] level is needed".into());
        }
        Ok(Rules {
            findings,
            level_weights: scoring.measurement.level_weights,
            proficiency_gap: scoring.proficiency_gap,
            overload_penalty: scoring.coaching.overload_penalty,
            evidence: scoring.evidence,
            maturity,
        })
    }

    pub fn rule(&self, code: &str) -> Option<&Rule> {
        self.findings.get(code)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_rules_cover_every_check_code() {
        let rules = Rules::builtin();
        for code in crate::diagnostics::checks::CODES {
            assert!(rules.rule(code).is_some(), "templates/rules/findings.toml has no [{code}]");
        }
        assert_eq!(rules.maturity.iter().map(|m| m.level).collect::<Vec<_>>(), vec![1, 2, 3, 4]);
    }

    #[test]
    fn a_bad_rule_file_names_itself() {
        let err = Rules::parse("[x]\npillar = \"nowhere\"", SCORING).unwrap_err();
        assert!(err.contains("findings.toml"), "{err}");
    }
}
