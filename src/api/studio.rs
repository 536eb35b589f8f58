//! What the studio asks of a session beyond single edits: the item lists, an item's links, edits that name new items, history, and coverage cells.

use super::{BlueprintOptions, Session};
use crate::diagnostics;
use crate::model::{
    self, Channel, ChannelKind, Competency, Criticality, Develops, Edit, Follows, Id, Prerequisite, Reaches, Requires,
    Role, Stage,
};
use crate::{Error, Result};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeSet, HashMap, HashSet};
use std::path::Path;

/// Whether there is something to undo and to redo: the studio greys its buttons and menu items.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct History {
    pub can_undo: bool,
    pub can_redo: bool,
}

/// The three kinds of item in a model.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ItemKind {
    Role,
    Competency,
    Channel,
}

/// The items of the model without their links, and the role groups and competency categories in use.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Lists {
    pub roles: Vec<Role>,
    pub competencies: Vec<Competency>,
    pub channels: Vec<Channel>,
    pub groups: Vec<String>,
    pub categories: Vec<String>,
}

/// Every link that touches one item.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Links {
    pub requires: Vec<Requires>,
    pub develops: Vec<Develops>,
    pub reaches: Vec<Reaches>,
    pub follows: Vec<Follows>,
    pub prerequisites: Vec<Prerequisite>,
}

/// What an edit did: the id of the item it created (when it created one) and the history after it.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Applied {
    pub id: Option<Id>,
    pub history: History,
}

/// A participant's answers deleted at their request: how many, and the history after it (the
/// deletion is kept out of undo: withdrawn answers do not come back).
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Withdrawn {
    pub answers: usize,
    pub history: History,
}

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

/// An engagement the studio opened lately.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecentEngagement {
    pub path: String,
    pub name: String,
    pub client: String,
}

/// How to write the blueprint: a layout name, a PNG logo file, and the date printed on it (`YYYY-MM-DD`).
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct BlueprintRequest {
    pub layout: Option<String>,
    pub logo: Option<String>,
    pub date: String,
}

/// A file the studio wrote.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Exported {
    pub path: String,
    pub bytes: usize,
}

/// Beyond this many roles or competencies, the heatmap shows groups and categories.
pub const COVERAGE_ITEMS: usize = 150;

impl Session {
    /// The item lists, sorted by name for display.
    pub fn lists(&self) -> Lists {
        let m = self.model();
        let mut roles = m.roles.clone();
        roles.sort_by_cached_key(|x| x.name.to_lowercase());
        let mut competencies = m.competencies.clone();
        competencies.sort_by_cached_key(|x| x.name.to_lowercase());
        let mut channels = m.channels.clone();
        channels.sort_by_cached_key(|x| x.name.to_lowercase());
        let groups: BTreeSet<String> = m.roles.iter().map(|r| r.group.clone()).filter(|g| !g.is_empty()).collect();
        let categories: BTreeSet<String> =
            m.competencies.iter().map(|c| c.category.clone()).filter(|c| !c.is_empty()).collect();
        Lists {
            roles,
            competencies,
            channels,
            groups: groups.into_iter().collect(),
            categories: categories.into_iter().collect(),
        }
    }

    /// Every link touching one item; `not-in-model` when there is no such item.
    pub fn links(&self, kind: ItemKind, id: &str) -> Result<Links> {
        let m = self.model();
        let exists = match kind {
            ItemKind::Role => m.role(id).is_some(),
            ItemKind::Competency => m.competency(id).is_some(),
            ItemKind::Channel => m.channel(id).is_some(),
        };
        if !exists {
            return Err(Error::NotInModel(format!("no {} with the id `{id}`", kind.noun())));
        }
        let mut out = Links::default();
        match kind {
            ItemKind::Role => {
                out.requires = m.requires.iter().filter(|r| r.role == id).cloned().collect();
                out.reaches = m.reaches.iter().filter(|r| r.role == id).cloned().collect();
            }
            ItemKind::Competency => {
                out.requires = m.requires.iter().filter(|r| r.competency == id).cloned().collect();
                out.develops = m.develops.iter().filter(|d| d.competency == id).cloned().collect();
                out.prerequisites =
                    m.prerequisites.iter().filter(|p| p.competency == id || p.requires == id).cloned().collect();
            }
            ItemKind::Channel => {
                out.develops = m.develops.iter().filter(|d| d.channel == id).cloned().collect();
                out.reaches = m.reaches.iter().filter(|r| r.channel == id).cloned().collect();
                out.follows = m.follows.iter().filter(|f| f.from == id || f.to == id).cloned().collect();
            }
        }
        Ok(out)
    }

    pub fn history(&self) -> History {
        History { can_undo: self.can_undo(), can_redo: self.can_redo() }
    }

    /// Applies one edit as `apply` does; a new role, competency or channel with an empty id is
    /// given a fresh one, which is returned.
    pub fn apply_edit(&mut self, mut edit: Edit) -> Result<Applied> {
        let fresh = |id: &mut Id| {
            if id.is_empty() {
                *id = model::new_id();
                Some(id.clone())
            } else {
                None
            }
        };
        let id = match &mut edit {
            Edit::PutRole(r) => fresh(&mut r.id),
            Edit::PutCompetency(c) => fresh(&mut c.id),
            Edit::PutChannel(c) => fresh(&mut c.id),
            _ => None,
        };
        self.apply(edit)?;
        Ok(Applied { id, history: self.history() })
    }

    /// Writes the engagement as a JSON interchange document.
    pub fn write_json(&self, out: &Path) -> Result<Exported> {
        let text = self.export_json();
        std::fs::write(out, &text).map_err(Error::io_at(out))?;
        Ok(Exported { path: out.display().to_string(), bytes: text.len() })
    }

    /// Writes the blueprint PDF; the logo, when named, is read from its PNG file.
    pub fn write_blueprint(&self, out: &Path, req: &BlueprintRequest) -> Result<Exported> {
        let logo = match req.logo.as_deref().filter(|l| !l.is_empty()) {
            Some(path) => Some(std::fs::read(path).map_err(|e| match e.kind() {
                std::io::ErrorKind::NotFound => Error::NotFound(path.into()),
                _ => Error::io_at(Path::new(path))(e),
            })?),
            None => None,
        };
        let layout = req.layout.clone().filter(|l| !l.is_empty());
        let pdf = self.blueprint(&BlueprintOptions { layout, date: req.date.clone(), logo })?;
        std::fs::write(out, &pdf).map_err(Error::io_at(out))?;
        Ok(Exported { path: out.display().to_string(), bytes: pdf.len() })
    }

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
            stages.entry(d.channel.as_str()).or_default().insert(d.stage);
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

impl ItemKind {
    pub fn noun(self) -> &'static str {
        match self {
            ItemKind::Role => "role",
            ItemKind::Competency => "competency",
            ItemKind::Channel => "channel",
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
    fn a_new_role_gets_an_id_and_can_be_undone() {
        let (_dir, mut s) = demo();
        let role = Role {
            id: String::new(),
            name: "<b>Night lead</b>".into(),
            description: String::new(),
            group: "Operations".into(),
            headcount: 3,
            refs: vec![],
        };
        let applied = s.apply_edit(Edit::PutRole(role)).unwrap();
        let id = applied.id.unwrap();
        assert!(applied.history.can_undo);
        assert!(s.lists().roles.iter().any(|r| r.id == id && r.name == "<b>Night lead</b>"));
        assert!(s.links(ItemKind::Role, &id).unwrap().requires.is_empty());
        assert!(s.undo().unwrap());
        assert_eq!(s.links(ItemKind::Role, &id).unwrap_err().code(), "not-in-model");
    }

    #[test]
    fn answers_and_withdrawals_stay_out_of_undo_and_redo() {
        let (_dir, mut s) = demo();
        let bank = s.banks().remove(0);
        let answer = |respondent: &str| crate::model::Response {
            bank: bank.id.clone(),
            question: bank.questions[0].id.clone(),
            respondent: respondent.into(),
            group: None,
            score: Some(4),
            note: String::new(),
            at: "2026-02-01T10:00:00Z".into(),
        };
        let role = Role { id: String::new(), name: "Night lead".into(), ..s.lists().roles[0].clone() };
        let id = s.apply_edit(Edit::PutRole(role)).unwrap().id.unwrap();
        s.answer(answer("Table 1")).unwrap();
        s.answer(answer("Table 2")).unwrap();
        assert_eq!(s.withdraw("Table 2", None).unwrap(), 1);
        // Undo passes over the answers and the withdrawal to the role; redo brings the role back
        // and no answer twice.
        assert!(s.undo().unwrap());
        assert!(s.lists().roles.iter().all(|r| r.id != id));
        assert!(!s.undo().unwrap(), "nothing older to undo");
        while s.redo().unwrap() {}
        assert!(s.lists().roles.iter().any(|r| r.id == id));
        let respondents: Vec<&str> =
            s.model().responses.iter().map(|r| r.respondent.as_str()).filter(|r| r.starts_with("Table")).collect();
        assert_eq!(respondents, ["Table 1"]);
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
