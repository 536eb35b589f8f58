//! Finding rules and scoring thresholds, read from templates/rules/ (data a firm may edit).

use crate::model::Pillar;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::sync::Arc;

/// The words a finding of one code carries.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rule {
    pub pillar: Pillar,
    pub title: Arc<str>,
    pub rationale: Arc<str>,
    pub recommendation: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MaturityLevel {
    pub level: u8,
    pub label: String,
    pub min_mean: f64,
    pub min_area: f64,
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
    maturity: Vec<MaturityLevel>,
}

/// All rules: texts per finding code, and the scoring weights and maturity ladder.
#[derive(Debug, Clone)]
pub struct Rules {
    pub findings: BTreeMap<String, Rule>,
    /// Weight of a channel in the measurement score by its evaluation level 0-4.
    pub level_weights: Vec<f64>,
    /// How much the coaching score drops when every coaching channel is overloaded.
    pub overload_penalty: f64,
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
        if scoring.measurement.level_weights.len() != 5 {
            return Err("templates/rules/scoring.toml: measurement.level_weights needs 5 weights (levels 0-4)".into());
        }
        let mut maturity = scoring.maturity;
        maturity.sort_by_key(|m| m.level);
        if maturity.is_empty() {
            return Err("templates/rules/scoring.toml: at least one [[maturity]] level is needed".into());
        }
        Ok(Rules {
            findings,
            level_weights: scoring.measurement.level_weights,
            overload_penalty: scoring.coaching.overload_penalty,
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
