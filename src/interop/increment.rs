//! What an importer hands over: the items and links a source brings, how to merge them, and what it left out.

use crate::model::{Engagement, Model};
use std::collections::BTreeMap;

/// How an increment's items are matched with the engagement's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MergeMode {
    /// The Trellis interchange: same id, same item.
    ById,
    /// External sources: same identity ref (`esco:`, `onet:`, `case:`), else same id, same item.
    /// A `complete` source (a csv folder) says everything about an item and replaces it; a
    /// framework only knows some fields, and the engagement's values for the rest are kept.
    ByRefs { complete: bool },
}

/// A `Model`-shaped increment, merged into the engagement by `merge::apply`.
#[derive(Debug, Clone, PartialEq)]
pub struct Increment {
    /// The items and links; its engagement is ignored.
    pub model: Model,
    /// The engagement, when the source carries one (only the interchange does).
    pub engagement: Option<Engagement>,
    pub mode: MergeMode,
    /// Why rows or items were left out, and how many, in the order first met.
    pub skipped: Skipped,
    /// What the reader noticed and read anyway, each naming its file.
    pub warnings: Vec<String>,
}

impl Increment {
    pub fn by_id(model: Model, engagement: Option<Engagement>) -> Increment {
        Increment { model, engagement, mode: MergeMode::ById, skipped: Skipped::default(), warnings: Vec::new() }
    }

    pub fn by_refs(model: Model, complete: bool, skipped: Skipped) -> Increment {
        Increment { model, engagement: None, mode: MergeMode::ByRefs { complete }, skipped, warnings: Vec::new() }
    }
}

/// Counts of things left out, by reason.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Skipped {
    order: Vec<String>,
    counts: BTreeMap<String, usize>,
}

impl Skipped {
    /// Counts one thing left out for `reason`.
    pub fn add(&mut self, reason: impl Into<String>) {
        self.add_many(reason, 1);
    }

    pub fn add_many(&mut self, reason: impl Into<String>, n: usize) {
        if n == 0 {
            return;
        }
        let reason = reason.into();
        match self.counts.get_mut(&reason) {
            Some(c) => *c += n,
            None => {
                self.order.push(reason.clone());
                self.counts.insert(reason, n);
            }
        }
    }

    pub fn count(&self, reason: &str) -> usize {
        self.counts.get(reason).copied().unwrap_or(0)
    }

    /// One line per reason: `N <reason>`.
    pub fn lines(&self) -> Vec<String> {
        self.order.iter().map(|r| format!("{} {r}", self.counts[r])).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reasons_keep_their_first_order_and_add_up() {
        let mut s = Skipped::default();
        s.add("links to unknown skills");
        s.add_many("pairs flagged Not Relevant", 3);
        s.add("links to unknown skills");
        s.add_many("nothing", 0);
        assert_eq!(s.lines(), ["2 links to unknown skills", "3 pairs flagged Not Relevant"]);
        assert_eq!(s.count("links to unknown skills"), 2);
    }
}
