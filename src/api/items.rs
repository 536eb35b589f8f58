//! The model's items as the studio lists and edits them: the item lists, an item's links, and edits that name new items.

use super::{History, Session};
use crate::model::{self, Channel, Competency, Develops, Edit, Follows, Id, Prerequisite, Reaches, Requires, Role};
use crate::{Error, Result};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

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
}
