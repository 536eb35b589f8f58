//! Gap diagnostics: structural checks over the graph, stage coverage, area scores and maturity, and the question banks.
//!
//! Findings are data, not errors: each check returns what it found with the evidence behind it.
//! Themes (`themes/`) gather them into what the client reads: one per check code and group.

mod bank;
mod checks;
mod coverage;
mod evidence;
mod finding;
mod group;
mod json;
mod render;
mod rules;
mod scores;
mod subjects;
mod texts;
mod themes;
mod warning;
mod warnings;

pub use bank::{
    available_banks, builtin_banks, find_bank, AreaResult, GroupResult, QuestionResult, ResponseSummary, TypeResult,
};
pub use checks::CODES;
pub use coverage::{Coverage, KindCoverage, PairCoverage};
pub use evidence::{Evidence, Fact};
pub use finding::{Finding, FindingSubjects, MANUAL};
pub use group::{group_findings, FindingGroup};
pub use json::write_json;
pub use render::{sections, to_markdown, to_text};
pub use rules::{GapRules, MaturityLevel, Rule, Rules};
pub use scores::{AreaScore, Maturity, Scores};
pub use texts::Names;
pub use themes::{GroupKind, Theme, ThemeExample, ThemeRule, ThemeRules, EXAMPLES};
pub use warnings::{warnings_of, Warning, WARNING_CODES};

use crate::graph::{EcosystemGraph, StageSet};
use crate::model::{Model, Severity};
use texts::Template;

/// Everything `trellis diagnose` reports, borrowing ids and words from the model and the rules.
#[derive(Debug, Clone)]
pub struct Diagnosis<'m> {
    pub scores: Scores,
    pub coverage: Coverage<'m>,
    /// Most severe first, then by area, code and subjects; manual findings last among equals.
    pub findings: Vec<Finding<'m>>,
    /// Model hygiene (a prerequisite loop, a cost with no basis): not findings, never in the blueprint.
    pub warnings: Vec<Warning<'m>>,
    /// The model diagnosed: themes read its groups, categories and headcounts.
    model: &'m Model,
    names: Names<'m>,
    /// The parsed recommendation of each rule the findings use.
    templates: Vec<Template<'m>>,
}

/// What every check may look at: the model, its graph and the stage coverage of every `requires` link.
pub struct Context<'m> {
    pub model: &'m Model,
    pub graph: EcosystemGraph<'m>,
    /// Covered stages per `model.requires[i]`.
    pub covered: Vec<StageSet>,
    /// How many channels reaching the role develop the competency, per `model.requires[i]`.
    pub covering: Vec<u32>,
    /// Thresholds the checks read (`proficiency-gap`, the perception checks).
    pub rules: &'m Rules,
    /// The area scores, when `diagnose` computed them before the checks (the perception checks
    /// read them); `Context::scores` computes them otherwise.
    scores: Option<Scores>,
}

impl<'m> Context<'m> {
    /// The context with the built-in rules.
    pub fn new(model: &'m Model) -> Self {
        Context::with_rules(model, Rules::builtin())
    }

    pub fn with_rules(model: &'m Model, rules: &'m Rules) -> Self {
        let graph = EcosystemGraph::build(model);
        let (covered, covering) = graph.coverage_with_counts();
        Context { model, graph, covered, covering, rules, scores: None }
    }

    /// The area scores: those `diagnose` computed, or computed now.
    pub fn scores(&self) -> std::borrow::Cow<'_, Scores> {
        match &self.scores {
            Some(s) => std::borrow::Cow::Borrowed(s),
            None => std::borrow::Cow::Owned(Scores::of(self, self.rules, &Coverage::of(self))),
        }
    }
}

/// Diagnoses a model with the built-in rules and banks.
pub fn diagnose(model: &Model) -> Diagnosis<'_> {
    diagnose_with(model, Rules::builtin())
}

/// Diagnoses a model: findings sorted by severity, area, code and subjects; then scores and coverage.
pub fn diagnose_with<'m>(model: &'m Model, rules: &'m Rules) -> Diagnosis<'m> {
    let mut cx = Context::with_rules(model, rules);
    // Scores come first: the perception checks compare their parts.
    let coverage = Coverage::of(&cx);
    cx.scores = Some(Scores::of(&cx, rules, &coverage));
    let mut findings = checks::run_all(&cx);
    // Checks run in `CODES` order and emit in model order (ids sorted), manual findings last; a
    // stable sort on severity and area therefore orders by (severity, area, code, subjects).
    let templates = finding::finish(model, rules, &mut findings);
    let warnings = warnings::warnings(&cx);
    let scores = cx.scores.take().expect("computed above");
    Diagnosis { scores, coverage, findings, warnings, model, names: Names::new(model), templates }
}

impl<'m> Diagnosis<'m> {
    /// Drops findings less severe than `min`.
    pub fn retain_min_severity(&mut self, min: Severity) {
        self.findings.retain(|f| f.severity <= min);
    }

    /// Item names by id.
    pub fn names(&self) -> &Names<'m> {
        &self.names
    }

    /// What to do about a finding: its rule's recommendation with names and evidence filled in,
    /// or the consultant's own for a manual finding.
    pub fn recommendation(&self, f: &Finding<'m>) -> String {
        let mut out = String::new();
        self.write_recommendation(f, &mut out);
        out
    }

    /// Appends the recommendation to `out`.
    pub fn write_recommendation(&self, f: &Finding<'m>, out: &mut String) {
        match f.texts {
            finding::Texts::Rule(_, t) => self.names.fill_into(&self.templates[t], &f.subjects, &f.evidence, out),
            finding::Texts::Manual(m) => out.push_str(&m.recommendation),
            finding::Texts::Missing => {}
        }
    }

    /// Whether some finding has this key.
    pub fn has_finding(&self, key: &str) -> bool {
        self.findings.iter().any(|f| f.has_key(key))
    }
}

#[cfg(test)]
pub(crate) mod fixture;
