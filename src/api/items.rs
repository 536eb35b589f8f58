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

    /// Applies one edit as `apply` does, for the studio's forms. A role, competency or channel
    /// with an empty id is new: it is added as `add_item` adds it, and its id returned. Removing
    /// an item or a link that is not there is refused (`not-in-model`); `trellis remove` calls
    /// this too, so both faces refuse it alike.
    pub fn apply_edit(&mut self, edit: Edit) -> Result<Applied> {
        let id = match &edit {
            Edit::PutRole(Role { id, .. })
            | Edit::PutCompetency(Competency { id, .. })
            | Edit::PutChannel(Channel { id, .. })
                if id.is_empty() =>
            {
                Some(self.add_item(edit)?)
            }
            _ => {
                if let Some(missing) = self.missing(&edit) {
                    return Err(missing);
                }
                self.apply(edit)?;
                None
            }
        };
        Ok(Applied { id, history: self.history() })
    }

    /// Adds a new role, competency or channel (a `Put*` edit) and returns its id: an empty id is
    /// given a fresh one, and an id that any item already has is refused, because adding never
    /// replaces (editing an item is `apply_edit` with its id).
    pub fn add_item(&mut self, mut edit: Edit) -> Result<Id> {
        let id = match &mut edit {
            Edit::PutRole(Role { id, .. })
            | Edit::PutCompetency(Competency { id, .. })
            | Edit::PutChannel(Channel { id, .. }) => id,
            _ => return Err(Error::Refused("only a role, a competency or a channel can be added".into())),
        };
        if id.is_empty() {
            *id = model::new_id();
        }
        let id = id.clone();
        if let Some(kind) = self.kind_of(&id) {
            return Err(Error::Refused(format!(
                "the id `{id}` is already used in this engagement, by a {}",
                kind.noun()
            )));
        }
        self.apply(edit)?;
        Ok(id)
    }

    /// Which kind of item has `id`, if any.
    fn kind_of(&self, id: &str) -> Option<ItemKind> {
        let m = self.model();
        if m.role(id).is_some() {
            Some(ItemKind::Role)
        } else if m.competency(id).is_some() {
            Some(ItemKind::Competency)
        } else {
            m.channel(id).is_some().then_some(ItemKind::Channel)
        }
    }

    /// The refusal for an edit that removes an item or a link the model does not have.
    fn missing(&self, edit: &Edit) -> Option<Error> {
        let m = self.model();
        let item = |kind: ItemKind, id: &str| {
            (self.kind_of(id) != Some(kind))
                .then(|| Error::NotInModel(format!("no {} with the id `{id}`", kind.noun())))
        };
        let link = |present: bool, what: &str, a: &str, b: &str| {
            (!present).then(|| Error::NotInModel(format!("there is no {what} link from `{a}` to `{b}`")))
        };
        match edit {
            Edit::RemoveRole { id } => item(ItemKind::Role, id),
            Edit::RemoveCompetency { id } => item(ItemKind::Competency, id),
            Edit::RemoveChannel { id } => item(ItemKind::Channel, id),
            Edit::RemoveRequires { role, competency } => link(
                m.requires.iter().any(|r| r.role == *role && r.competency == *competency),
                "requires",
                role,
                competency,
            ),
            Edit::RemoveDevelops { channel, competency } => link(
                m.develops.iter().any(|d| d.channel == *channel && d.competency == *competency),
                "develops",
                channel,
                competency,
            ),
            Edit::RemoveReaches(r) => link(m.reaches.contains(r), "reaches", &r.channel, &r.role),
            Edit::RemoveFollows(f) => link(m.follows.contains(f), "follows", &f.from, &f.to),
            Edit::RemovePrerequisite(p) => {
                link(m.prerequisites.contains(p), "prerequisite", &p.competency, &p.requires)
            }
            _ => None,
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

    fn role(id: &str) -> Role {
        Role {
            id: id.into(),
            name: "Night lead".into(),
            description: String::new(),
            group: String::new(),
            headcount: 1,
            refs: vec![],
        }
    }

    #[test]
    fn adding_refuses_an_id_any_item_has_while_editing_replaces() {
        let (_dir, mut s) = demo();
        let taken = s.model().roles[0].id.clone();
        let competency = s.model().competencies[0].id.clone();
        for id in [&taken, &competency] {
            let err = s.add_item(Edit::PutRole(role(id))).unwrap_err();
            assert_eq!(err.code(), "refused", "{err}");
            assert!(err.to_string().contains("already used"), "{err}");
        }
        assert_eq!(s.add_item(Edit::PutRole(role("role-night"))).unwrap(), "role-night");
        assert!(s.history().can_undo);
        // The studio's form saves an existing role by its id: that is an edit, not an add.
        let applied =
            s.apply_edit(Edit::PutRole(Role { name: "Night shift lead".into(), ..role("role-night") })).unwrap();
        assert_eq!(applied.id, None);
        assert_eq!(s.model().role("role-night").unwrap().name, "Night shift lead");
    }

    #[test]
    fn removing_a_link_or_an_item_that_is_not_there_is_refused_by_both_faces() {
        let (_dir, mut s) = demo();
        let r = s.model().reaches[0].clone();
        s.apply_edit(Edit::RemoveReaches(r.clone())).unwrap();
        let err = s.apply_edit(Edit::RemoveReaches(r.clone())).unwrap_err();
        assert_eq!(err.code(), "not-in-model");
        assert_eq!(err.to_string(), format!("there is no reaches link from `{}` to `{}`", r.channel, r.role));
        let err = s.apply_edit(Edit::RemoveChannel { id: r.role.clone() }).unwrap_err();
        assert_eq!(err.code(), "not-in-model", "a role's id names no channel");
        assert!(s.undo().unwrap(), "the refusals left the history as it was");
        assert!(!s.history().can_undo);
    }
}
