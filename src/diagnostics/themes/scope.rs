//! Which theme a finding joins, and what it weighs: the group it belongs to, the roles it involves, its criticality and its gap.
//!
//! A finding about a role (a required pair, a role's learning mix) joins the role's group; one
//! about a competency alone joins the competency's category; one about a channel joins the
//! group of the roles the channel reaches ("several groups" when they differ, "no role" when it
//! reaches none); one about nothing but an area joins the area. A finding the consultant wrote
//! is a theme of its own.

use super::super::finding::Finding;
use crate::model::{Area, Criticality, Model};
use rustc_hash::FxHashMap;
use serde::Serialize;

/// What a theme gathers its findings by, besides their code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum GroupKind {
    /// The group of the roles involved (`Role::group`).
    RoleGroup,
    /// A channel reaching roles of more than one group.
    SeveralGroups,
    /// A channel reaching no role.
    NoRole,
    /// The category of the competency (`Competency::category`).
    Category,
    /// The area, for a finding about no role, competency or channel.
    Area,
    /// A finding the consultant wrote: a theme of its own.
    Manual,
}

impl GroupKind {
    pub fn as_str(self) -> &'static str {
        match self {
            GroupKind::RoleGroup => "role-group",
            GroupKind::SeveralGroups => "several-groups",
            GroupKind::NoRole => "no-role",
            GroupKind::Category => "category",
            GroupKind::Area => "area",
            GroupKind::Manual => "manual",
        }
    }
}

/// A theme's group: its kind and its name (the group or category as typed, the area's code, the
/// manual finding's id; empty for several groups and no role).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(super) struct Scope<'m> {
    pub kind: GroupKind,
    pub name: &'m str,
}

impl Scope<'_> {
    /// The group as a title names it.
    pub fn label(self) -> String {
        match self.kind {
            GroupKind::RoleGroup if self.name.trim().is_empty() => "Roles with no group".into(),
            GroupKind::Category if self.name.trim().is_empty() => "Competencies with no category".into(),
            GroupKind::RoleGroup | GroupKind::Category | GroupKind::Manual => self.name.to_owned(),
            GroupKind::SeveralGroups => "Several groups".into(),
            GroupKind::NoRole => "No role reached".into(),
            GroupKind::Area => {
                Area::ALL.iter().find(|p| p.as_str() == self.name).map_or(self.name, |p| p.label()).into()
            }
        }
    }

    /// The theme's key: the code, the kind of group and its name.
    pub fn key(self, code: &str) -> String {
        match self.kind {
            GroupKind::RoleGroup => format!("{code}:group:{}", self.name),
            GroupKind::Category => format!("{code}:category:{}", self.name),
            GroupKind::Area => format!("{code}:area:{}", self.name),
            GroupKind::SeveralGroups => format!("{code}:several-groups"),
            GroupKind::NoRole => format!("{code}:no-role"),
            GroupKind::Manual => format!("{code}:{}", self.name),
        }
    }
}

/// What one finding brings to its theme.
pub(super) struct Reading<'m> {
    pub scope: Scope<'m>,
    /// Positions in `model.roles` of the roles involved.
    pub roles: Vec<u32>,
    pub criticality: Criticality,
    /// Levels below target (at least 1: an unknown current level counts as one).
    pub gap: i64,
}

/// The model seen from findings: positions by id, who a channel reaches, who needs a competency.
pub(super) struct Index<'m> {
    pub model: &'m Model,
    role: FxHashMap<&'m str, u32>,
    competency: FxHashMap<&'m str, u32>,
    channel: FxHashMap<&'m str, u32>,
    /// Per channel: the roles it reaches.
    reached: Vec<Vec<u32>>,
    /// Per channel: the competencies it develops.
    developed: Vec<Vec<u32>>,
    /// Per competency: the roles requiring it, with the criticality.
    requiring: Vec<Vec<(u32, Criticality)>>,
    /// (role, competency) to the `requires` link.
    pair: FxHashMap<(u32, u32), u32>,
    /// Per role: the highest criticality among its required competencies.
    role_criticality: Vec<Criticality>,
}

/// Findings of this code about a competency concern only the roles that need it at high
/// criticality: it is them the check speaks for.
const HIGH_ONLY: &str = "no-behaviour-measure";

impl<'m> Index<'m> {
    pub fn new(model: &'m Model) -> Self {
        let positions = |ids: Box<dyn Iterator<Item = &'m str> + 'm>| -> FxHashMap<&'m str, u32> {
            ids.enumerate().map(|(i, id)| (id, i as u32)).collect()
        };
        let role = positions(Box::new(model.roles.iter().map(|r| r.id.as_str())));
        let competency = positions(Box::new(model.competencies.iter().map(|c| c.id.as_str())));
        let channel = positions(Box::new(model.channels.iter().map(|c| c.id.as_str())));
        let mut reached = vec![Vec::new(); model.channels.len()];
        for r in &model.reaches {
            if let (Some(&ch), Some(&ro)) = (channel.get(r.channel.as_str()), role.get(r.role.as_str())) {
                reached[ch as usize].push(ro);
            }
        }
        let mut developed = vec![Vec::new(); model.channels.len()];
        for d in &model.develops {
            if let (Some(&ch), Some(&co)) = (channel.get(d.channel.as_str()), competency.get(d.competency.as_str())) {
                developed[ch as usize].push(co);
            }
        }
        let mut requiring = vec![Vec::new(); model.competencies.len()];
        let mut pair = FxHashMap::default();
        let mut role_criticality = vec![Criticality::Low; model.roles.len()];
        for (i, q) in model.requires.iter().enumerate() {
            if let (Some(&ro), Some(&co)) = (role.get(q.role.as_str()), competency.get(q.competency.as_str())) {
                requiring[co as usize].push((ro, q.criticality));
                pair.insert((ro, co), i as u32);
                role_criticality[ro as usize] = role_criticality[ro as usize].max(q.criticality);
            }
        }
        Index { model, role, competency, channel, reached, developed, requiring, pair, role_criticality }
    }

    pub fn role_position(&self, id: &str) -> Option<u32> {
        self.role.get(id).copied()
    }

    /// The group a role belongs to, as typed.
    pub fn group_of(&self, role: u32) -> &'m str {
        &self.model.roles[role as usize].group
    }

    /// Where a finding belongs and what it weighs.
    pub fn read(&self, f: &Finding<'m>, manual_id: Option<&'m str>) -> Reading<'m> {
        let s = &f.subjects;
        let role = s.role.and_then(|id| self.role_position(id));
        let competency = s.competency.and_then(|id| self.competency.get(id).copied());
        let channel = s.channel.and_then(|id| self.channel.get(id).copied());
        let mut criticality = Criticality::Medium;
        let mut gap = 1;
        let roles: Vec<u32> = match (role, competency, channel) {
            (Some(r), _, _) => {
                criticality = self.role_criticality[r as usize];
                if let Some(q) = competency.and_then(|c| self.pair.get(&(r, c))) {
                    let q = &self.model.requires[*q as usize];
                    criticality = q.criticality;
                    gap = q.current_level.map_or(1, |current| (q.target_level - current).max(1));
                }
                vec![r]
            }
            (None, Some(c), _) => {
                let needs =
                    self.requiring[c as usize].iter().filter(|(_, k)| f.code != HIGH_ONLY || *k == Criticality::High);
                let needs: Vec<(u32, Criticality)> = needs.copied().collect();
                criticality = needs.iter().map(|(_, k)| *k).max().unwrap_or(Criticality::Medium);
                needs.into_iter().map(|(r, _)| r).collect()
            }
            (None, None, Some(ch)) => {
                let reached = &self.reached[ch as usize];
                let served = reached
                    .iter()
                    .flat_map(|r| self.developed[ch as usize].iter().filter_map(move |c| self.pair.get(&(*r, *c))));
                criticality =
                    served.map(|q| self.model.requires[*q as usize].criticality).max().unwrap_or(Criticality::Low);
                reached.clone()
            }
            (None, None, None) => Vec::new(),
        };
        let scope = match manual_id {
            Some(id) => Scope { kind: GroupKind::Manual, name: id },
            None => self.scope(f.area, role, competency, channel.map(|_| roles.as_slice())),
        };
        Reading { scope, roles, criticality, gap }
    }

    fn scope(&self, pillar: Area, role: Option<u32>, competency: Option<u32>, reached: Option<&[u32]>) -> Scope<'m> {
        if let Some(r) = role {
            return Scope { kind: GroupKind::RoleGroup, name: self.group_of(r) };
        }
        if let Some(c) = competency {
            return Scope { kind: GroupKind::Category, name: &self.model.competencies[c as usize].category };
        }
        match reached {
            Some([]) => Scope { kind: GroupKind::NoRole, name: "" },
            Some([first, rest @ ..]) => {
                let group = self.group_of(*first);
                if rest.iter().all(|r| self.group_of(*r) == group) {
                    Scope { kind: GroupKind::RoleGroup, name: group }
                } else {
                    Scope { kind: GroupKind::SeveralGroups, name: "" }
                }
            }
            None => Scope { kind: GroupKind::Area, name: pillar.as_str() },
        }
    }

    /// People in the roles a theme's group stands for: the role group's roles, the roles requiring
    /// a competency of the category, or everyone.
    pub fn group_people(&self, scope: Scope<'_>) -> i64 {
        let roles = &self.model.roles;
        match scope.kind {
            GroupKind::RoleGroup => roles.iter().filter(|r| r.group == scope.name).map(|r| r.headcount.max(0)).sum(),
            GroupKind::Category => {
                let mut seen = vec![false; roles.len()];
                for (c, comp) in self.model.competencies.iter().enumerate() {
                    if comp.category == scope.name {
                        for (r, _) in &self.requiring[c] {
                            seen[*r as usize] = true;
                        }
                    }
                }
                roles.iter().zip(seen).filter(|(_, s)| *s).map(|(r, _)| r.headcount.max(0)).sum()
            }
            _ => roles.iter().map(|r| r.headcount.max(0)).sum(),
        }
    }

    /// The headcount of a role (never below 0).
    pub fn headcount(&self, role: u32) -> i64 {
        self.model.roles[role as usize].headcount.max(0)
    }
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use crate::diagnostics::diagnose;
    use crate::diagnostics::finding::Raw;
    use crate::diagnostics::fixture::Fixture;
    use crate::model::{ChannelKind, ManualFinding, Severity, Stage, Subjects};

    /// Two roles in Warehouse and one in Transport needing `x` (Safety), which one course reaching
    /// all three only introduces; a second course reaches the Warehouse roles only; a video
    /// library reaches no one.
    pub(crate) fn model() -> Model {
        Fixture::new()
            .role("a")
            .role("b")
            .role("c")
            .group("a", "Warehouse")
            .group("b", "Warehouse")
            .group("c", "Transport")
            .headcount("a", 100)
            .headcount("b", 50)
            .headcount("c", 200)
            .comp("x")
            .comp("z")
            .category("x", "Safety")
            .category("z", "Digital")
            .requires_at("a", "x", 4, Some(1), Criticality::High)
            .requires_at("b", "x", 4, Some(3), Criticality::Medium)
            .requires_at("c", "x", 4, None, Criticality::High)
            .requires_at("a", "z", 3, Some(2), Criticality::Low)
            .channel("course", ChannelKind::Formal)
            .develops("course", "x", Stage::Introduce)
            .reaches("course", "a")
            .reaches("course", "b")
            .reaches("course", "c")
            .channel("wms", ChannelKind::Formal)
            .develops("wms", "z", Stage::Introduce)
            .reaches("wms", "a")
            .reaches("wms", "b")
            .channel("videos", ChannelKind::Platform)
            .develops("videos", "z", Stage::Introduce)
            .build()
    }

    fn keys(m: &Model) -> Vec<String> {
        let mut keys: Vec<String> = diagnose(m).themes().into_iter().map(|t| t.key).collect();
        keys.sort();
        keys
    }

    #[test]
    fn pair_findings_group_by_the_roles_group_and_competency_findings_by_category() {
        let keys = keys(&model());
        for key in [
            "training-only:group:Warehouse",
            "training-only:group:Transport",
            "single-source:category:Safety",
            "no-baseline:group:Transport",
        ] {
            assert!(keys.contains(&key.to_owned()), "{key} in {keys:#?}");
        }
        assert!(!keys.iter().any(|k| k.starts_with("training-only:") && k.contains("Safety")), "{keys:#?}");
    }

    #[test]
    fn channel_findings_group_by_the_reached_roles_group_several_groups_or_no_role() {
        let keys = keys(&model());
        for key in ["no-reinforcement:several-groups", "no-reinforcement:group:Warehouse", "orphan-channel:no-role"] {
            assert!(keys.contains(&key.to_owned()), "{key} in {keys:#?}");
        }
        let m = model();
        let d = diagnose(&m);
        let several = d.themes().into_iter().find(|t| t.key == "no-reinforcement:several-groups").unwrap();
        assert_eq!(
            (several.group.as_str(), several.group_kind, several.people),
            ("Several groups", GroupKind::SeveralGroups, 350)
        );
        assert_eq!(several.findings, vec!["no-reinforcement:course"]);
    }

    #[test]
    fn roles_without_a_group_share_one_theme_named_for_them() {
        let mut m = model();
        m.roles.iter_mut().for_each(|r| r.group = String::new());
        let themes = diagnose(&m).themes();
        let t = themes.iter().find(|t| t.key == "training-only:group:").expect("one theme for the ungrouped roles");
        assert_eq!((t.group.as_str(), t.findings.len(), t.people), ("Roles with no group", 4, 350));
        assert!(t.title.starts_with("Roles with no group: "), "{}", t.title);
    }

    #[test]
    fn a_finding_about_an_area_only_joins_its_area_and_a_manual_one_stands_alone() {
        let m = model();
        let index = Index::new(&m);
        let raw =
            Raw { code: "x", severity: Severity::Low, subjects: Default::default(), evidence: Default::default() };
        let mut f: Finding<'_> = raw.into();
        f.area = Area::TransferClimate;
        let reading = index.read(&f, None);
        assert_eq!(reading.scope, Scope { kind: GroupKind::Area, name: "transfer-climate" });
        assert!(reading.roles.is_empty());
        let mut m = model();
        m.manual_findings.push(ManualFinding {
            id: "m1".into(),
            title: "Night shift never sees a trainer".into(),
            severity: Severity::High,
            area: Area::TransferClimate,
            subjects: Subjects { role: Some("a".into()), ..Subjects::default() },
            rationale: String::new(),
            recommendation: "Schedule a night session.".into(),
        });
        let themes = diagnose(&m).themes();
        let manual = themes.iter().find(|t| t.key == "manual:m1").expect("its own theme");
        assert_eq!(manual.title, "Night shift never sees a trainer");
        assert_eq!(manual.recommendation, "Schedule a night session.");
        assert_eq!((manual.people, manual.codes.as_slice()), (100, &["manual"][..]));
    }

    #[test]
    fn weights_come_from_the_pair_or_the_pairs_a_subject_touches() {
        let m = model();
        let index = Index::new(&m);
        let d = diagnose(&m);
        let read = |key: &str| {
            let f = d.findings.iter().find(|f| f.key() == key).unwrap_or_else(|| panic!("{key}"));
            let r = index.read(f, None);
            (r.roles.len(), r.criticality, r.gap)
        };
        assert_eq!(read("training-only:a,x"), (1, Criticality::High, 3));
        assert_eq!(read("no-baseline:c,x"), (1, Criticality::High, 1), "an unknown level counts one");
        assert_eq!(read("no-reinforcement:course"), (3, Criticality::High, 1));
        assert_eq!(read("single-source:course,x"), (3, Criticality::High, 1));
        assert_eq!(index.group_people(Scope { kind: GroupKind::RoleGroup, name: "Warehouse" }), 150);
        assert_eq!(index.group_people(Scope { kind: GroupKind::Category, name: "Digital" }), 100);
        assert_eq!(index.group_people(Scope { kind: GroupKind::SeveralGroups, name: "" }), 350);
    }
}
