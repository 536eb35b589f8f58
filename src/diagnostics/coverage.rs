//! Stage coverage: which stages reach each required (role, competency), its integration score, and the matrices built from it.

use super::Context;
use crate::graph::StageSet;
use crate::model::{ChannelKind, Model};
use serde::Serialize;
use std::collections::BTreeMap;

/// One cell of the roles x competencies matrix.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PairCoverage<'m> {
    pub role: &'m str,
    pub competency: &'m str,
    pub stages: StageSet,
    /// How many of the four stages are covered: 0-4.
    pub integration: usize,
}

/// One row of the competencies x channel kinds matrix: `develops` links into the competency by kind.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct KindCoverage<'m> {
    pub competency: &'m str,
    pub kinds: BTreeMap<ChannelKind, usize>,
}

/// Role groups x competency categories: the mean integration score of the pairs in each cell.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GroupMatrix {
    pub groups: Vec<String>,
    pub categories: Vec<String>,
    /// `cells[g][c]`: mean integration 0-4, or `None` when no pair falls in the cell.
    pub cells: Vec<Vec<Option<f64>>>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Coverage<'m> {
    /// Mean integration score over every required pair (0-4).
    pub mean_integration: f64,
    pub pairs: Vec<PairCoverage<'m>>,
    pub competency_kinds: Vec<KindCoverage<'m>>,
}

impl<'m> Coverage<'m> {
    /// The coverage of a model on its own, without diagnosing it.
    pub fn of_model(model: &'m Model) -> Coverage<'m> {
        Coverage::of(&Context::new(model))
    }

    pub fn of(cx: &Context<'m>) -> Coverage<'m> {
        let m = cx.model;
        let pairs: Vec<PairCoverage<'m>> = m
            .requires
            .iter()
            .zip(&cx.covered)
            .map(|(r, s)| PairCoverage { role: &r.role, competency: &r.competency, stages: *s, integration: s.len() })
            .collect();
        let mean_integration = if pairs.is_empty() {
            0.0
        } else {
            pairs.iter().map(|p| p.integration as f64).sum::<f64>() / pairs.len() as f64
        };
        // Every competency in id order (the model keeps its lists sorted; a model that is not gets sorted here).
        let comps = &m.competencies;
        let mut order: Vec<usize> = (0..comps.len()).collect();
        if !order.windows(2).all(|w| comps[w[0]].id <= comps[w[1]].id) {
            order.sort_by(|a, b| comps[*a].id.cmp(&comps[*b].id));
        }
        let g = &cx.graph;
        let competency_kinds = order
            .into_iter()
            .map(|c| {
                let mut counts = [0usize; ChannelKind::ALL.len()];
                for ch in g.develops_into(c).iter().filter_map(|d| g.develops_channel(*d)) {
                    counts[m.channels[ch].kind as usize] += 1;
                }
                KindCoverage { competency: &comps[c].id, kinds: ChannelKind::ALL.iter().copied().zip(counts).collect() }
            })
            .collect();
        Coverage { mean_integration: (mean_integration * 100.0).round() / 100.0, pairs, competency_kinds }
    }

    /// Summarises the pairs by role group and competency category (for large models).
    pub fn group_matrix(&self, model: &Model) -> GroupMatrix {
        let group: std::collections::HashMap<&str, &str> =
            model.roles.iter().map(|r| (r.id.as_str(), r.group.as_str())).collect();
        let category: std::collections::HashMap<&str, &str> =
            model.competencies.iter().map(|c| (c.id.as_str(), c.category.as_str())).collect();
        let mut sums: BTreeMap<(&str, &str), (f64, usize)> = BTreeMap::new();
        for p in &self.pairs {
            let g = group.get(p.role).copied().unwrap_or("");
            let c = category.get(p.competency).copied().unwrap_or("");
            let e = sums.entry((g, c)).or_default();
            e.0 += p.integration as f64;
            e.1 += 1;
        }
        let mut groups: Vec<String> = sums.keys().map(|(g, _)| g.to_string()).collect();
        groups.dedup();
        let mut categories: Vec<String> = sums.keys().map(|(_, c)| c.to_string()).collect();
        categories.sort();
        categories.dedup();
        let cells = groups
            .iter()
            .map(|g| {
                categories
                    .iter()
                    .map(|c| {
                        sums.get(&(g.as_str(), c.as_str())).map(|(s, n)| ((s / *n as f64) * 100.0).round() / 100.0)
                    })
                    .collect()
            })
            .collect();
        GroupMatrix { groups, categories, cells }
    }
}
