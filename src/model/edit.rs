//! Edits: the single changes a user makes, applied to the model in memory and to the file as one transaction.

use super::{
    validate, Bank, Channel, Competency, Develops, Disposition, Engagement, Follows, Id, ManualFinding, Model,
    Prerequisite, Reaches, Requires, Response, Role, Settings, ValidationError,
};
use serde::{Deserialize, Serialize};

/// One change. `Put*` inserts or replaces by id (or by endpoints for relations).
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "snake_case")]
pub enum Edit {
    SetEngagement(Engagement),
    PutRole(Role),
    RemoveRole {
        id: Id,
    },
    PutCompetency(Competency),
    RemoveCompetency {
        id: Id,
    },
    PutChannel(Channel),
    RemoveChannel {
        id: Id,
    },
    PutRequires(Requires),
    RemoveRequires {
        role: Id,
        competency: Id,
    },
    PutDevelops(Develops),
    RemoveDevelops {
        channel: Id,
        competency: Id,
    },
    AddReaches(Reaches),
    RemoveReaches(Reaches),
    AddFollows(Follows),
    RemoveFollows(Follows),
    AddPrerequisite(Prerequisite),
    RemovePrerequisite(Prerequisite),
    AddResponse(Response),
    /// Withdraws every answer of one respondent (in a bank, or in all banks).
    RemoveResponses {
        respondent: String,
        bank: Option<Id>,
    },
    SetDisposition(Disposition),
    RemoveDisposition {
        key: String,
    },
    PutManualFinding(ManualFinding),
    RemoveManualFinding {
        id: Id,
    },
    SetSummary(String),
    SetSettings(Settings),
    PutBank(Bank),
    RemoveBank {
        id: Id,
    },
}

/// Replaces the element matching `same` or appends `new`; returns the element it replaced.
fn put<T: Clone>(list: &mut Vec<T>, new: T, same: impl Fn(&T) -> bool) -> Option<T> {
    match list.iter().position(same) {
        Some(i) => Some(std::mem::replace(&mut list[i], new)),
        None => {
            list.push(new);
            None
        }
    }
}

/// Removes every element matching `gone`, returning them in their old order.
fn take<T>(list: &mut Vec<T>, gone: impl Fn(&T) -> bool) -> Vec<T> {
    let (out, keep): (Vec<T>, Vec<T>) = std::mem::take(list).into_iter().partition(|x| gone(x));
    *list = keep;
    out
}

impl Model {
    /// Applies one edit and validates the result. On success returns the edits that undo it;
    /// on failure the model is left as it was and the errors name what is wrong.
    pub fn apply(&mut self, edit: &Edit) -> Result<Vec<Edit>, Vec<ValidationError>> {
        let undo = self.apply_unchecked(edit);
        let errors = validate(self);
        if errors.is_empty() {
            Ok(undo)
        } else {
            if matches!(edit, Edit::AddResponse(_)) {
                self.responses.pop();
            }
            for e in undo.iter() {
                self.apply_unchecked(e);
            }
            Err(errors)
        }
    }

    /// Applies an edit without validation, returning its inverse (in the order to apply it).
    pub fn apply_unchecked(&mut self, edit: &Edit) -> Vec<Edit> {
        use Edit::*;
        match edit.clone() {
            SetEngagement(e) => vec![SetEngagement(std::mem::replace(&mut self.engagement, e))],
            PutRole(r) => {
                let id = r.id.clone();
                match put(&mut self.roles, r, |x| x.id == id) {
                    Some(old) => vec![PutRole(old)],
                    None => vec![RemoveRole { id }],
                }
            }
            PutCompetency(c) => {
                let id = c.id.clone();
                match put(&mut self.competencies, c, |x| x.id == id) {
                    Some(old) => vec![PutCompetency(old)],
                    None => vec![RemoveCompetency { id }],
                }
            }
            PutChannel(c) => {
                let id = c.id.clone();
                match put(&mut self.channels, c, |x| x.id == id) {
                    Some(old) => vec![PutChannel(old)],
                    None => vec![RemoveChannel { id }],
                }
            }
            RemoveRole { id } => {
                let mut undo: Vec<Edit> = take(&mut self.roles, |x| x.id == id).into_iter().map(PutRole).collect();
                undo.extend(take(&mut self.requires, |x| x.role == id).into_iter().map(PutRequires));
                undo.extend(take(&mut self.reaches, |x| x.role == id).into_iter().map(AddReaches));
                undo
            }
            RemoveCompetency { id } => {
                let mut undo: Vec<Edit> =
                    take(&mut self.competencies, |x| x.id == id).into_iter().map(PutCompetency).collect();
                // Children lose their parent; undo gives it back.
                for child in self.competencies.iter_mut().filter(|c| c.parent.as_deref() == Some(id.as_str())) {
                    undo.push(PutCompetency(child.clone()));
                    child.parent = None;
                }
                undo.extend(take(&mut self.requires, |x| x.competency == id).into_iter().map(PutRequires));
                undo.extend(take(&mut self.develops, |x| x.competency == id).into_iter().map(PutDevelops));
                undo.extend(
                    take(&mut self.prerequisites, |x| x.competency == id || x.requires == id)
                        .into_iter()
                        .map(AddPrerequisite),
                );
                undo
            }
            RemoveChannel { id } => {
                let mut undo: Vec<Edit> =
                    take(&mut self.channels, |x| x.id == id).into_iter().map(PutChannel).collect();
                undo.extend(take(&mut self.develops, |x| x.channel == id).into_iter().map(PutDevelops));
                undo.extend(take(&mut self.reaches, |x| x.channel == id).into_iter().map(AddReaches));
                undo.extend(take(&mut self.follows, |x| x.from == id || x.to == id).into_iter().map(AddFollows));
                undo
            }
            PutRequires(r) => {
                let (role, competency) = (r.role.clone(), r.competency.clone());
                match put(&mut self.requires, r, |x| x.role == role && x.competency == competency) {
                    Some(old) => vec![PutRequires(old)],
                    None => vec![RemoveRequires { role, competency }],
                }
            }
            RemoveRequires { role, competency } => {
                take(&mut self.requires, |x| x.role == role && x.competency == competency)
                    .into_iter()
                    .map(PutRequires)
                    .collect()
            }
            PutDevelops(d) => {
                let (channel, competency) = (d.channel.clone(), d.competency.clone());
                match put(&mut self.develops, d, |x| x.channel == channel && x.competency == competency) {
                    Some(old) => vec![PutDevelops(old)],
                    None => vec![RemoveDevelops { channel, competency }],
                }
            }
            RemoveDevelops { channel, competency } => {
                take(&mut self.develops, |x| x.channel == channel && x.competency == competency)
                    .into_iter()
                    .map(PutDevelops)
                    .collect()
            }
            AddReaches(r) => add_link(&mut self.reaches, r, RemoveReaches),
            RemoveReaches(r) => take(&mut self.reaches, |x| *x == r).into_iter().map(AddReaches).collect(),
            AddFollows(f) => add_link(&mut self.follows, f, RemoveFollows),
            RemoveFollows(f) => take(&mut self.follows, |x| *x == f).into_iter().map(AddFollows).collect(),
            AddPrerequisite(p) => add_link(&mut self.prerequisites, p, RemovePrerequisite),
            RemovePrerequisite(p) => {
                take(&mut self.prerequisites, |x| *x == p).into_iter().map(AddPrerequisite).collect()
            }
            // Responses are an append-only record; undoing one is not offered.
            AddResponse(r) => {
                self.responses.push(r);
                Vec::new()
            }
            // Withdrawn answers are gone for good: that is the point of withdrawing them.
            RemoveResponses { respondent, bank } => {
                take(&mut self.responses, |r| r.respondent == respondent && bank.as_ref().is_none_or(|b| *b == r.bank));
                Vec::new()
            }
            SetDisposition(d) => {
                let key = d.key.clone();
                match put(&mut self.dispositions, d, |x| x.key == key) {
                    Some(old) => vec![SetDisposition(old)],
                    None => vec![RemoveDisposition { key }],
                }
            }
            RemoveDisposition { key } => {
                take(&mut self.dispositions, |x| x.key == key).into_iter().map(SetDisposition).collect()
            }
            PutManualFinding(f) => {
                let id = f.id.clone();
                match put(&mut self.manual_findings, f, |x| x.id == id) {
                    Some(old) => vec![PutManualFinding(old)],
                    None => vec![RemoveManualFinding { id }],
                }
            }
            RemoveManualFinding { id } => {
                take(&mut self.manual_findings, |x| x.id == id).into_iter().map(PutManualFinding).collect()
            }
            SetSummary(text) => vec![SetSummary(std::mem::replace(&mut self.summary, text))],
            SetSettings(s) => vec![SetSettings(std::mem::replace(&mut self.settings, s))],
            PutBank(b) => {
                let id = b.id.clone();
                match put(&mut self.banks, b, |x| x.id == id) {
                    Some(old) => vec![PutBank(old)],
                    None => vec![RemoveBank { id }],
                }
            }
            RemoveBank { id } => take(&mut self.banks, |x| x.id == id).into_iter().map(PutBank).collect(),
        }
    }
}

/// Adds a plain link unless it is already there; the undo removes it only if this edit added it.
fn add_link<T: PartialEq + Clone>(list: &mut Vec<T>, link: T, remove: fn(T) -> Edit) -> Vec<Edit> {
    if list.contains(&link) {
        Vec::new()
    } else {
        list.push(link.clone());
        vec![remove(link)]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ChannelKind, Criticality, Stage};

    fn small() -> Model {
        let mut m = Model::default();
        m.roles.push(Role {
            id: "r1".into(),
            name: "Nurse".into(),
            description: String::new(),
            group: "Care".into(),
            headcount: 10,
            refs: vec![],
        });
        m.competencies.push(Competency {
            id: "c1".into(),
            name: "Triage".into(),
            description: String::new(),
            category: "Clinical".into(),
            parent: None,
            refs: vec![],
        });
        m.channels.push(Channel {
            id: "ch1".into(),
            name: "Triage course".into(),
            kind: ChannelKind::Formal,
            description: String::new(),
            capacity: None,
            cohorts_per_year: None,
            cost: None,
            cost_basis: None,
            hours: None,
            evaluation_level: 1,
        });
        m.requires.push(Requires {
            role: "r1".into(),
            competency: "c1".into(),
            target_level: 4,
            current_level: Some(2),
            criticality: Criticality::High,
        });
        m.develops.push(Develops::at("ch1", "c1", Stage::Introduce));
        m.reaches.push(Reaches { channel: "ch1".into(), role: "r1".into() });
        m
    }

    #[test]
    fn removing_a_role_takes_its_links_and_undo_restores_them() {
        let mut m = small();
        let before = m.clone();
        let undo = m.apply(&Edit::RemoveRole { id: "r1".into() }).unwrap();
        assert!(m.roles.is_empty() && m.requires.is_empty() && m.reaches.is_empty());
        for e in &undo {
            m.apply(e).unwrap();
        }
        m.normalize();
        assert_eq!(m, before);
    }

    #[test]
    fn an_invalid_edit_is_refused_and_leaves_the_model_unchanged() {
        let mut m = small();
        let before = m.clone();
        let bad = Edit::PutRequires(Requires {
            role: "r1".into(),
            competency: "missing".into(),
            target_level: 9,
            current_level: None,
            criticality: Criticality::Low,
        });
        let errors = m.apply(&bad).unwrap_err();
        assert!(errors.iter().any(|e| e.field == "competency" && e.message.contains("missing")), "{errors:?}");
        assert!(errors.iter().any(|e| e.field == "target_level"), "{errors:?}");
        assert_eq!(m, before);
    }

    #[test]
    fn put_replaces_and_undo_puts_back_the_old_value() {
        let mut m = small();
        let mut role = m.roles[0].clone();
        role.name = "Senior nurse".into();
        let undo = m.apply(&Edit::PutRole(role)).unwrap();
        assert_eq!(m.roles[0].name, "Senior nurse");
        m.apply(&undo[0]).unwrap();
        assert_eq!(m.roles[0].name, "Nurse");
    }
}
