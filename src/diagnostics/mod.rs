//! Gap diagnostics: structural checks over the graph, stage coverage, area scores and maturity, and the question banks.
//!
//! Findings are data, not errors: each check returns what it found with the evidence behind it.

mod bank;
mod checks;
mod coverage;
mod finding;
mod render;
mod rules;
mod scores;

pub use bank::{available_banks, builtin_banks, find_bank, AreaResult, GroupResult, QuestionResult, ResponseSummary};
pub use checks::CODES;
pub use coverage::{Coverage, KindCoverage, PairCoverage};
pub use finding::{group_findings, Evidence, Finding, FindingGroup, Names};
pub use render::{to_markdown, to_text};
pub use rules::{MaturityLevel, Rule, Rules};
pub use scores::{Maturity, PillarScore, Scores};

use crate::graph::{EcosystemGraph, StageSet};
use crate::model::{Model, Severity};
use serde::Serialize;

/// Everything `trellis diagnose` reports.
#[derive(Debug, Clone, Serialize)]
pub struct Diagnosis {
    pub scores: Scores,
    pub coverage: Coverage,
    pub findings: Vec<Finding>,
}

/// What every check may look at: the model, its graph and the stage coverage of every `requires` link.
pub struct Context<'m> {
    pub model: &'m Model,
    pub graph: EcosystemGraph<'m>,
    /// Covered stages per `model.requires[i]`.
    pub covered: Vec<StageSet>,
    /// How many channels reaching the role develop the competency, per `model.requires[i]`.
    pub covering: Vec<u32>,
}

impl<'m> Context<'m> {
    pub fn new(model: &'m Model) -> Self {
        let graph = EcosystemGraph::build(model);
        let (covered, covering) = graph.coverage_with_counts();
        Context { model, graph, covered, covering }
    }
}

/// Diagnoses a model with the built-in rules and banks.
pub fn diagnose(model: &Model) -> Diagnosis {
    diagnose_with(model, Rules::builtin())
}

/// Diagnoses a model: findings sorted by severity, area, code and key; then scores and coverage.
pub fn diagnose_with(model: &Model, rules: &Rules) -> Diagnosis {
    let cx = Context::new(model);
    let raw = checks::run_all(&cx);
    let mut findings = finding::finish(&cx, rules, raw);
    // Checks run in `CODES` order and emit in model order (ids sorted), manual findings last; a
    // stable sort on severity and area therefore orders by (severity, area, code, subjects).
    findings.sort_by_key(|f| (f.severity, f.pillar));
    let coverage = Coverage::of(&cx);
    let scores = Scores::of(&cx, rules, &coverage);
    Diagnosis { scores, coverage, findings }
}

impl Diagnosis {
    /// Drops findings less severe than `min`.
    pub fn retain_min_severity(&mut self, min: Severity) {
        self.findings.retain(|f| f.severity <= min);
    }
}

#[cfg(test)]
pub(crate) mod fixture;
