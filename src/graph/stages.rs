//! A set of learning stages, as a bit set: what the coverage of a (role, competency) pair is made of.

use crate::model::Stage;
use serde::{Serialize, Serializer};

/// Which of the four stages (introduce, practice, feedback, support) are covered.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct StageSet(u8);

fn bit(stage: Stage) -> u8 {
    match stage {
        Stage::Introduce => 1,
        Stage::Practice => 2,
        Stage::Feedback => 4,
        Stage::Support => 8,
    }
}

impl StageSet {
    pub fn insert(&mut self, stage: Stage) {
        self.0 |= bit(stage);
    }

    /// Adds every stage of `other`.
    pub fn extend(&mut self, other: StageSet) {
        self.0 |= other.0;
    }

    pub fn contains(self, stage: Stage) -> bool {
        self.0 & bit(stage) != 0
    }

    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// How many of the four stages are covered: the integration score 0-4.
    pub fn len(self) -> usize {
        self.0.count_ones() as usize
    }

    pub fn iter(self) -> impl Iterator<Item = Stage> {
        Stage::ALL.iter().copied().filter(move |s| self.contains(*s))
    }
}

impl FromIterator<Stage> for StageSet {
    fn from_iter<I: IntoIterator<Item = Stage>>(iter: I) -> Self {
        let mut set = StageSet::default();
        for s in iter {
            set.insert(s);
        }
        set
    }
}

impl Serialize for StageSet {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.iter())
    }
}
