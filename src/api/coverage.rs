//! Coverage as the studio shows it: the roles x competencies heatmap, the competencies x channel kinds matrix, and the channels behind one cell.

use super::Session;
use crate::diagnostics;
use crate::model::{ChannelKind, Competency, Criticality, Id, Role, Stage};
use crate::{Error, Result};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeSet, HashMap, HashSet};

/// A coverage cell to explain: a (role, competency) pair, or with `kind` a (competency, channel kind) cell.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct CellQuery {
    #[serde(default)]
    pub role: Option<Id>,
    pub competency: Id,
    #[serde(default)]
    pub kind: Option<ChannelKind>,
}

/// A channel that covers a cell, and the stages it develops the competency at.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CellChannel {
    pub id: Id,
    pub name: String,
    pub kind: ChannelKind,
    pub stages: Vec<Stage>,
}

/// An item's id and name, with its role group or competency category.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Named {
    pub id: Id,
    pub name: String,
    pub group: String,
}

/// One cell of the roles x competencies heatmap.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CoverageCell {
    pub role: Id,
    pub competency: Id,
    pub stages: Vec<Stage>,
    /// How many of the four stages are covered: 0-4.
    pub integration: usize,
    pub criticality: Criticality,
    pub target_level: i64,
}

/// A row of the competencies x channel kinds matrix: `develops` links by kind, in `kinds` order.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct KindRow {
    pub competency: Id,
    pub counts: Vec<usize>,
}

/// Role groups x competency categories: the mean integration (0-4) of the pairs in each cell.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GroupCells {
    pub groups: Vec<String>,
    pub categories: Vec<String>,
    pub cells: Vec<Vec<Option<f64>>>,
}

/// Both coverage matrices. Past `COVERAGE_ITEMS` roles or competencies the heatmap is `grouped`
/// (role groups x competency categories) and the pair lists are empty.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CoverageView {
    pub mean_integration: f64,
    pub roles: Vec<Named>,
    pub competencies: Vec<Named>,
    pub cells: Vec<CoverageCell>,
    pub kinds: Vec<ChannelKind>,
    pub kind_rows: Vec<KindRow>,
    pub grouped: Option<GroupCells>,
}

/// Beyond this many roles or competencies, the heatmap shows groups and categories.
pub const COVERAGE_ITEMS: usize = 150;

impl Session {
    /// The channels that cover a coverage cell, and at which stages.
    pub fn coverage_cell(&self, q: &CellQuery) -> Result<Vec<CellChannel>> {
        let m = self.model();
        if m.competency(&q.competency).is_none() {
            return Err(Error::NotInModel(format!("no competency with the id `{}`", q.competency)));
        }
        let reaching: Option<HashSet<&str>> = match &q.role {
            Some(role) if m.role(role).is_none() => {
                return Err(Error::NotInModel(format!("no role with the id `{role}`")));
            }
            Some(role) => Some(m.reaches.iter().filter(|r| &r.role == role).map(|r| r.channel.as_str()).collect()),
            None => None,
        };
        let mut stages: HashMap<&str, BTreeSet<Stage>> = HashMap::new();
        for d in m.develops.iter().filter(|d| d.competency == q.competency) {
            if reaching.as_ref().is_some_and(|r| !r.contains(d.channel.as_str())) {
                continue;
            }
            stages.entry(d.channel.as_str()).or_default().extend(d.stages.iter().copied());
        }
        let mut out: Vec<CellChannel> = m
            .channels
            .iter()
            .filter(|c| q.kind.is_none_or(|k| c.kind == k))
            .filter_map(|c| {
                let s = stages.get(c.id.as_str())?;
                Some(CellChannel {
                    id: c.id.clone(),
                    name: c.name.clone(),
                    kind: c.kind,
                    stages: s.iter().copied().collect(),
                })
            })
            .collect();
        out.sort_by(|a, b| a.name.cmp(&b.name));
        Ok(out)
    }

    /// The roles x competencies heatmap and the competencies x channel kinds matrix.
    pub fn coverage_view(&self) -> CoverageView {
        let m = self.model();
        let coverage = diagnostics::Coverage::of_model(m);
        let kinds = ChannelKind::ALL.to_vec();
        let named_role = |r: &Role| Named { id: r.id.clone(), name: r.name.clone(), group: r.group.clone() };
        let named_comp = |c: &Competency| Named { id: c.id.clone(), name: c.name.clone(), group: c.category.clone() };
        if m.roles.len() > COVERAGE_ITEMS || m.competencies.len() > COVERAGE_ITEMS {
            let g = coverage.group_matrix(m);
            return CoverageView {
                mean_integration: coverage.mean_integration,
                roles: Vec::new(),
                competencies: Vec::new(),
                cells: Vec::new(),
                kinds,
                kind_rows: Vec::new(),
                grouped: Some(GroupCells { groups: g.groups, categories: g.categories, cells: g.cells }),
            };
        }
        let by_name = |a: &Named, b: &Named| (&a.group, a.name.to_lowercase()).cmp(&(&b.group, b.name.to_lowercase()));
        let required: HashSet<&str> = m.requires.iter().map(|r| r.competency.as_str()).collect();
        let mut roles: Vec<Named> = m.roles.iter().map(named_role).collect();
        roles.sort_by(by_name);
        let mut competencies: Vec<Named> = m.competencies.iter().map(named_comp).collect();
        competencies.sort_by(by_name);
        let cells = m
            .requires
            .iter()
            .zip(&coverage.pairs)
            .map(|(r, p)| CoverageCell {
                role: r.role.clone(),
                competency: r.competency.clone(),
                stages: p.stages.iter().collect(),
                integration: p.integration,
                criticality: r.criticality,
                target_level: r.target_level,
            })
            .collect();
        let kind_rows = coverage
            .competency_kinds
            .iter()
            .filter(|k| required.contains(k.competency) || k.kinds.values().any(|n| *n > 0))
            .map(|k| KindRow {
                competency: k.competency.to_owned(),
                counts: kinds.iter().map(|kind| k.kinds.get(kind).copied().unwrap_or(0)).collect(),
            })
            .collect();
        CoverageView {
            mean_integration: coverage.mean_integration,
            roles,
            competencies,
            cells,
            kinds,
            kind_rows,
            grouped: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn demo() -> (tempfile::TempDir, Session) {
        let dir = tempfile::tempdir().unwrap();
        let s = Session::create(&dir.path().join("d.trellis"), "demo", None, "2026-01-15").unwrap();
        (dir, s)
    }

    #[test]
    fn coverage_cells_name_the_channels_and_stages() {
        let (_dir, s) = demo();
        let view = s.coverage_view();
        assert!(view.grouped.is_none());
        assert_eq!(view.cells.len(), s.model().requires.len());
        let covered = view.cells.iter().find(|c| c.integration > 0).unwrap();
        let q = CellQuery { role: Some(covered.role.clone()), competency: covered.competency.clone(), kind: None };
        let channels = s.coverage_cell(&q).unwrap();
        let stages: BTreeSet<Stage> = channels.iter().flat_map(|c| c.stages.iter().copied()).collect();
        assert_eq!(stages.into_iter().collect::<Vec<_>>(), covered.stages);
        let bad = CellQuery { role: None, competency: "nope".into(), kind: None };
        assert_eq!(s.coverage_cell(&bad).unwrap_err().code(), "not-in-model");
    }
}
