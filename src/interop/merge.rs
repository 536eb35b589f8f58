//! Merging imported items into a model: same id, same identity ref (or same endpoints) updates, new ones are added.

use super::increment::{Increment, MergeMode};
use crate::model::{Competency, Id, Model, Requires, Role};
use rustc_hash::{FxHashMap, FxHasher};
use serde::Serialize;
use std::collections::HashMap;
use std::hash::{Hash, Hasher};

/// Refs that name an item in a framework: an item carrying one is that item, whatever its id.
/// Other refs (`case-code:`, `esco-broader:`, a client's own) only inform.
pub const IDENTITY_PREFIXES: &[&str] = &["esco:", "onet:", "case:"];

/// The identity refs as compared: a CASE identifier (a UUID mostly) without regard to case.
fn identity_keys(refs: &[String]) -> Vec<String> {
    refs.iter()
        .filter(|r| IDENTITY_PREFIXES.iter().any(|p| r.starts_with(p)))
        .map(|r| if r.starts_with(super::case::ITEM_REF) { r.to_lowercase() } else { r.clone() })
        .collect()
}

/// An engagement's competency is also known by the CASE identifier the CASE export gives it,
/// so that importing that export again lands on it instead of adding a copy.
fn competency_keys(c: &Competency) -> Vec<String> {
    let mut keys = identity_keys(&c.refs);
    let exported = format!("{}{}", super::case::ITEM_REF, super::case_export::identifier(c).to_lowercase());
    if !keys.contains(&exported) {
        keys.push(exported);
    }
    keys
}

/// What an import did to one kind of item.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct KindCount {
    pub added: usize,
    pub updated: usize,
    pub unchanged: usize,
}

/// What an import did, per kind, in interchange order.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ImportSummary {
    pub kinds: Vec<(&'static str, KindCount)>,
    /// Rows or items left out, each with the reason.
    pub skipped: Vec<String>,
    /// What the source's reader noticed and read anyway (an encoding guessed, a file not
    /// read), each naming the file.
    pub warnings: Vec<String>,
}

impl ImportSummary {
    pub fn total_changes(&self) -> usize {
        self.kinds.iter().map(|(_, c)| c.added + c.updated).sum()
    }
}

impl std::fmt::Display for ImportSummary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for (kind, c) in &self.kinds {
            if c.added + c.updated + c.unchanged > 0 {
                writeln!(f, "{kind}: {} added, {} updated, {} unchanged", c.added, c.updated, c.unchanged)?;
            }
        }
        for s in &self.skipped {
            writeln!(f, "skipped: {s}")?;
        }
        for w in &self.warnings {
            writeln!(f, "warning: {w}")?;
        }
        Ok(())
    }
}

/// The positions of a list's elements by a key's hash, with chains for the rare collisions:
/// no key is cloned, which matters at ESCO scale (130,000 requires).
struct Index {
    heads: FxHashMap<u64, usize>,
    next: Vec<usize>,
}

const END: usize = usize::MAX;

fn hash_of<K: Hash + ?Sized>(key: &K) -> u64 {
    let mut h = FxHasher::default();
    key.hash(&mut h);
    h.finish()
}

impl Index {
    fn of<T>(list: &[T], hash: &impl Fn(&T) -> u64) -> Index {
        let mut index = Index { heads: FxHashMap::default(), next: Vec::with_capacity(list.len()) };
        index.heads.reserve(list.len());
        for item in list {
            index.push(hash(item));
        }
        index
    }

    /// Records the next element of the list, whose key hashes to `h`.
    fn push(&mut self, h: u64) {
        let at = self.next.len();
        self.next.push(self.heads.insert(h, at).unwrap_or(END));
    }

    fn find<T>(&self, list: &[T], h: u64, same: impl Fn(&T) -> bool) -> Option<usize> {
        let mut at = self.heads.get(&h).copied().unwrap_or(END);
        while at != END {
            if same(&list[at]) {
                return Some(at);
            }
            at = self.next[at];
        }
        None
    }
}

/// Puts each incoming element in place of the one with the same key (through `overlay`), or
/// appends it.
fn upsert_with<T: PartialEq>(
    list: &mut Vec<T>,
    incoming: impl IntoIterator<Item = T>,
    hash: impl Fn(&T) -> u64,
    same: impl Fn(&T, &T) -> bool,
    overlay: impl Fn(&T, T) -> T,
) -> KindCount {
    let mut index = Index::of(list, &hash);
    let mut count = KindCount::default();
    for item in incoming {
        let h = hash(&item);
        match index.find(list, h, |x| same(x, &item)) {
            Some(i) => {
                let merged = overlay(&list[i], item);
                if merged == list[i] {
                    count.unchanged += 1;
                } else {
                    list[i] = merged;
                    count.updated += 1;
                }
            }
            None => {
                index.push(h);
                list.push(item);
                count.added += 1;
            }
        }
    }
    count
}

/// Same key, replaced whole.
fn upsert<T: PartialEq + Clone, K: Eq + Hash>(list: &mut Vec<T>, incoming: &[T], key: impl Fn(&T) -> K) -> KindCount {
    upsert_with(list, incoming.iter().cloned(), |x| hash_of(&key(x)), |a, b| key(a) == key(b), |_, new| new)
}

/// Merges `incoming` into `base`; the engagement is replaced when `engagement` is given.
/// The result is not validated here: the caller validates the whole before saving.
pub fn merge(base: &mut Model, incoming: &Model, engagement: Option<&crate::model::Engagement>) -> ImportSummary {
    let mut kinds = Vec::new();
    if let Some(e) = engagement {
        let changed = base.engagement != *e;
        base.engagement = e.clone();
        kinds.push(("engagement", KindCount { updated: changed as usize, unchanged: !changed as usize, added: 0 }));
    }
    kinds.push(("roles", upsert(&mut base.roles, &incoming.roles, |x| x.id.clone())));
    kinds.push(("competencies", upsert(&mut base.competencies, &incoming.competencies, |x| x.id.clone())));
    kinds.push(("channels", upsert(&mut base.channels, &incoming.channels, |x| x.id.clone())));
    kinds
        .push(("requires", upsert(&mut base.requires, &incoming.requires, |x| (x.role.clone(), x.competency.clone()))));
    kinds.push((
        "develops",
        upsert(&mut base.develops, &incoming.develops, |x| (x.channel.clone(), x.competency.clone())),
    ));
    kinds.push(("reaches", upsert(&mut base.reaches, &incoming.reaches, |x| x.clone())));
    kinds.push(("follows", upsert(&mut base.follows, &incoming.follows, |x| x.clone())));
    kinds.push(("prerequisites", upsert(&mut base.prerequisites, &incoming.prerequisites, |x| x.clone())));
    // A response is a record, not an item: the same answer imported twice is kept once.
    kinds.push((
        "responses",
        upsert(&mut base.responses, &incoming.responses, |r| serde_json::to_string(r).unwrap_or_default()),
    ));
    kinds.push(("banks", upsert(&mut base.banks, &incoming.banks, |x| x.id.clone())));
    kinds.push(("dispositions", upsert(&mut base.dispositions, &incoming.dispositions, |x| x.key.clone())));
    kinds.push(("manual_findings", upsert(&mut base.manual_findings, &incoming.manual_findings, |x| x.id.clone())));
    base.normalize();
    ImportSummary { kinds, skipped: Vec::new(), warnings: Vec::new() }
}

/// Merges an increment as its mode says, and adds what the importer left out to the summary.
pub fn apply(base: &mut Model, mut increment: Increment) -> ImportSummary {
    let skipped = increment.skipped.lines();
    let warnings = std::mem::take(&mut increment.warnings);
    let mut summary = match increment.mode {
        MergeMode::ById => merge(base, &increment.model, increment.engagement.as_ref()),
        MergeMode::ByRefs { complete } => merge_by_refs(base, increment.model, complete),
    };
    summary.skipped.extend(skipped);
    summary.warnings = warnings;
    summary
}

/// Where incoming items land: the id of the engagement's item each incoming id is matched with.
struct Landing {
    ids: HashMap<Id, Id>,
    /// Incoming items whose ref several of the engagement's items carry.
    ambiguous: usize,
}

impl Landing {
    fn id<'a>(&'a self, incoming: &'a Id) -> &'a Id {
        self.ids.get(incoming).unwrap_or(incoming)
    }

    /// Matches each incoming item with an existing one: the item with its id, else the item
    /// carrying one of its identity refs (the first in the engagement's order when several
    /// do: a client's two roles may both point to one O*NET occupation). Unmatched items keep
    /// their id and are added.
    fn matching<T>(
        existing: &[T],
        incoming: &[T],
        id: impl Fn(&T) -> &Id,
        existing_keys: impl Fn(&T) -> Vec<String>,
        refs: impl Fn(&T) -> &[String],
    ) -> Landing {
        let mut by_ref: HashMap<String, (usize, usize)> = HashMap::new();
        for (i, item) in existing.iter().enumerate() {
            for r in existing_keys(item) {
                by_ref.entry(r).or_insert((i, 0)).1 += 1;
            }
        }
        let mut landing = Landing { ids: HashMap::new(), ambiguous: 0 };
        if by_ref.is_empty() {
            return landing;
        }
        let taken: std::collections::HashSet<&str> = existing.iter().map(|x| id(x).as_str()).collect();
        for item in incoming.iter().filter(|x| !taken.contains(id(x).as_str())) {
            if let Some((i, carriers)) = identity_keys(refs(item)).iter().find_map(|r| by_ref.get(r).copied()) {
                landing.ids.insert(id(item).clone(), id(&existing[i]).clone());
                landing.ambiguous += usize::from(carriers > 1);
            }
        }
        landing
    }
}

/// Adds the refs of `new` that `old` lacks, keeping `old`'s order first.
fn union_refs(old: &[String], new: &[String]) -> Vec<String> {
    let mut refs = old.to_vec();
    let same = |a: &String, b: &String| a == b || (a.starts_with(super::case::ITEM_REF) && a.eq_ignore_ascii_case(b));
    for r in new {
        if !refs.iter().any(|o| same(o, r)) {
            refs.push(r.clone());
        }
    }
    refs
}

fn or_kept(new: &str, old: &str) -> String {
    if new.is_empty() { old } else { new }.to_owned()
}

/// A framework's view of a role laid over the engagement's: blank fields and the headcount
/// (no framework knows it) keep the engagement's values; refs are unioned.
fn overlay_role(old: &Role, new: &Role) -> Role {
    Role {
        id: old.id.clone(),
        name: or_kept(&new.name, &old.name),
        description: or_kept(&new.description, &old.description),
        group: or_kept(&new.group, &old.group),
        headcount: old.headcount,
        refs: union_refs(&old.refs, &new.refs),
    }
}

fn overlay_competency(old: &Competency, new: &Competency) -> Competency {
    Competency {
        id: old.id.clone(),
        name: or_kept(&new.name, &old.name),
        description: or_kept(&new.description, &old.description),
        category: or_kept(&new.category, &old.category),
        parent: new.parent.clone().or_else(|| old.parent.clone()),
        refs: union_refs(&old.refs, &new.refs),
    }
}

/// Merges items from an external source: an item with the same identity ref as one in `base`
/// (or else the same id) updates it under `base`'s id, and links follow it there.
pub fn merge_by_refs(base: &mut Model, incoming: Model, complete: bool) -> ImportSummary {
    let roles_at = Landing::matching(&base.roles, &incoming.roles, |r| &r.id, |r| identity_keys(&r.refs), |r| &r.refs);
    let comps_at =
        Landing::matching(&base.competencies, &incoming.competencies, |c| &c.id, competency_keys, |c| &c.refs);
    let by_id = |x: &String| hash_of(x.as_str());
    let pair = |a: &String, b: &String| hash_of(&(a.as_str(), b.as_str()));
    let mut kinds = Vec::new();

    let roles = incoming.roles.into_iter().map(|r| Role { id: roles_at.id(&r.id).clone(), ..r });
    let overlay = |old: &Role, new: Role| if complete { new } else { overlay_role(old, &new) };
    kinds.push(("roles", upsert_with(&mut base.roles, roles, |r| by_id(&r.id), |a, b| a.id == b.id, overlay)));

    let comps = incoming.competencies.into_iter().map(|c| Competency {
        id: comps_at.id(&c.id).clone(),
        parent: c.parent.as_ref().map(|p| comps_at.id(p).clone()),
        ..c
    });
    let overlay = |old: &Competency, new: Competency| if complete { new } else { overlay_competency(old, &new) };
    let count = upsert_with(&mut base.competencies, comps, |c| by_id(&c.id), |a, b| a.id == b.id, overlay);
    kinds.push(("competencies", count));
    let count = upsert_with(&mut base.channels, incoming.channels, |c| by_id(&c.id), |a, b| a.id == b.id, |_, n| n);
    kinds.push(("channels", count));

    let requires = incoming.requires.into_iter().map(|r| Requires {
        role: roles_at.id(&r.role).clone(),
        competency: comps_at.id(&r.competency).clone(),
        ..r
    });
    // A framework knows no current levels: the engagement's are kept.
    let overlay = |old: &Requires, new: Requires| {
        if complete {
            new
        } else {
            Requires { current_level: new.current_level.or(old.current_level), ..new }
        }
    };
    let same = |a: &Requires, b: &Requires| a.role == b.role && a.competency == b.competency;
    let count = upsert_with(&mut base.requires, requires, |r| pair(&r.role, &r.competency), same, overlay);
    kinds.push(("requires", count));

    let develops = incoming
        .develops
        .into_iter()
        .map(|d| crate::model::Develops { competency: comps_at.id(&d.competency).clone(), ..d });
    let same =
        |a: &crate::model::Develops, b: &crate::model::Develops| a.channel == b.channel && a.competency == b.competency;
    let count = upsert_with(&mut base.develops, develops, |d| pair(&d.channel, &d.competency), same, |_, n| n);
    kinds.push(("develops", count));
    let reaches = incoming
        .reaches
        .into_iter()
        .map(|r| crate::model::Reaches { role: roles_at.id(&r.role).clone(), channel: r.channel });
    let count = upsert_with(&mut base.reaches, reaches, |r| pair(&r.channel, &r.role), |a, b| a == b, |_, n| n);
    kinds.push(("reaches", count));
    let count = upsert_with(&mut base.follows, incoming.follows, |f| pair(&f.from, &f.to), |a, b| a == b, |_, n| n);
    kinds.push(("follows", count));
    let prerequisites = incoming.prerequisites.into_iter().map(|p| crate::model::Prerequisite {
        competency: comps_at.id(&p.competency).clone(),
        requires: comps_at.id(&p.requires).clone(),
    });
    let count = upsert_with(
        &mut base.prerequisites,
        prerequisites,
        |p| pair(&p.competency, &p.requires),
        |a, b| a == b,
        |_, n| n,
    );
    kinds.push(("prerequisites", count));
    kinds.push((
        "responses",
        upsert(&mut base.responses, &incoming.responses, |r| serde_json::to_string(r).unwrap_or_default()),
    ));
    base.normalize();
    let mut skipped = Vec::new();
    for (kind, n) in [("roles", roles_at.ambiguous), ("competencies", comps_at.ambiguous)] {
        if n > 0 {
            skipped.push(format!(
                "{n} {kind} carry a ref that several items of the engagement share: the first was updated"
            ));
        }
    }
    ImportSummary { kinds, skipped, warnings: Vec::new() }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Criticality;

    fn role(id: &str, refs: &[&str], headcount: i64) -> Role {
        Role {
            id: id.into(),
            name: format!("Role {id}"),
            description: String::new(),
            group: String::new(),
            headcount,
            refs: refs.iter().map(|r| r.to_string()).collect(),
        }
    }

    fn comp(id: &str, refs: &[&str]) -> Competency {
        Competency {
            id: id.into(),
            name: id.into(),
            description: String::new(),
            category: String::new(),
            parent: None,
            refs: refs.iter().map(|r| r.to_string()).collect(),
        }
    }

    fn requires(role: &str, competency: &str, current: Option<i64>) -> Requires {
        Requires {
            role: role.into(),
            competency: competency.into(),
            target_level: 3,
            current_level: current,
            criticality: Criticality::High,
        }
    }

    #[test]
    fn a_framework_item_lands_on_the_item_with_its_ref_and_links_follow() {
        let mut base = Model::default();
        base.roles.push(role("mine", &["esco:o1", "hr:7"], 12));
        base.competencies.push(comp("skill-a", &["esco:s1"]));
        base.requires.push(requires("mine", "skill-a", Some(1)));
        let mut incoming = Model::default();
        incoming.roles.push(Role { name: "Renamed".into(), ..role("occupation/o1", &["esco:o1"], 1) });
        incoming.competencies.push(Competency { name: "skill-a".into(), ..comp("skill/s1", &["esco:s1"]) });
        incoming.competencies.push(Competency { parent: Some("skill/s1".into()), ..comp("skill/s2", &["esco:s2"]) });
        incoming.requires.push(requires("occupation/o1", "skill/s1", None));
        incoming.requires.push(requires("occupation/o1", "skill/s2", None));
        let summary = merge_by_refs(&mut base, incoming, false);
        assert_eq!(base.roles.len(), 1);
        let r = &base.roles[0];
        assert_eq!((r.id.as_str(), r.name.as_str(), r.headcount), ("mine", "Renamed", 12));
        assert_eq!(r.refs, ["esco:o1", "hr:7"]);
        assert_eq!(base.competency("skill/s2").unwrap().parent.as_deref(), Some("skill-a"));
        assert_eq!(base.requires, [requires("mine", "skill-a", Some(1)), requires("mine", "skill/s2", None)]);
        let count = |k: &str| summary.kinds.iter().find(|(kind, _)| *kind == k).unwrap().1;
        assert_eq!(count("roles"), KindCount { added: 0, updated: 1, unchanged: 0 });
        assert_eq!(count("competencies"), KindCount { added: 1, updated: 0, unchanged: 1 });
        assert_eq!(count("requires"), KindCount { added: 1, updated: 0, unchanged: 1 });
        assert!(crate::model::validate(&base).is_empty());
    }

    #[test]
    fn an_id_wins_over_a_ref_that_several_items_share() {
        let mut base = Model::default();
        base.roles.push(role("first-line", &["onet:11-1021.00"], 64));
        base.roles.push(role("mid-level", &["onet:11-1021.00"], 26));
        let mut incoming = Model::default();
        incoming.roles.push(role("mid-level", &["onet:11-1021.00"], 30));
        incoming.roles.push(role("11-1021.00", &["onet:11-1021.00"], 1));
        let summary = merge_by_refs(&mut base, incoming, true);
        assert_eq!(
            base.roles.iter().map(|r| (r.id.as_str(), r.headcount)).collect::<Vec<_>>(),
            [("first-line", 1), ("mid-level", 30)]
        );
        assert!(summary.skipped[0].starts_with("1 roles carry a ref that several items"), "{:?}", summary.skipped);
    }

    #[test]
    fn a_complete_source_replaces_what_it_matches() {
        let mut base = Model::default();
        base.roles.push(role("r", &[], 12));
        let mut incoming = Model::default();
        incoming.roles.push(role("r", &[], 3));
        incoming.roles.push(role("r", &[], 4));
        let summary = merge_by_refs(&mut base, incoming, true);
        assert_eq!(base.roles, [role("r", &[], 4)]);
        assert_eq!(summary.total_changes(), 2);
    }

    #[test]
    fn the_index_finds_keys_whose_hashes_collide() {
        let list = vec![1u32, 2, 3];
        let index = Index::of(&list, &|_| 7);
        assert_eq!(index.find(&list, 7, |x| *x == 2), Some(1));
        assert_eq!(index.find(&list, 7, |x| *x == 9), None);
        assert_eq!(index.find(&list, 8, |x| *x == 1), None);
    }
}
