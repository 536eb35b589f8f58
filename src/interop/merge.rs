//! Merging imported items into a model: same id (or same endpoints) updates, new ones are added.

use crate::model::Model;
use serde::Serialize;
use std::collections::HashMap;
use std::hash::Hash;

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
        Ok(())
    }
}

fn upsert<T: PartialEq + Clone, K: Eq + Hash>(list: &mut Vec<T>, incoming: &[T], key: impl Fn(&T) -> K) -> KindCount {
    let mut at: HashMap<K, usize> = list.iter().enumerate().map(|(i, x)| (key(x), i)).collect();
    let mut count = KindCount::default();
    for item in incoming {
        match at.get(&key(item)) {
            Some(&i) if list[i] == *item => count.unchanged += 1,
            Some(&i) => {
                list[i] = item.clone();
                count.updated += 1;
            }
            None => {
                at.insert(key(item), list.len());
                list.push(item.clone());
                count.added += 1;
            }
        }
    }
    count
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
    ImportSummary { kinds, skipped: Vec::new() }
}
