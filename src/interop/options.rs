//! The choices an import takes (occupations, levels, importance); `format.rs` says which formats take which.

use serde::{Deserialize, Serialize};

/// The O*NET importance below which a pair is left out, unless the options say otherwise.
pub const DEFAULT_MIN_IMPORTANCE: f64 = 3.0;

/// Choices for the framework importers; each applies to some formats only (`check`, in `format.rs`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ImportOptions {
    /// ESCO: the target level of every requirement (default: the scale's midpoint).
    pub target_level: Option<i64>,
    /// ESCO: occupations to import, by URI.
    pub occupations: Vec<String>,
    /// ESCO: occupations whose ISCO group starts with one of these.
    pub isco: Vec<String>,
    /// O*NET: occupations whose O*NET-SOC code starts with one of these.
    pub soc: Vec<String>,
    /// ESCO and O*NET: occupations whose label contains this text (any case).
    pub search: Option<String>,
    /// O*NET: pairs less important than this are left out (default 3.0).
    pub min_importance: Option<f64>,
}

impl ImportOptions {
    /// True when the options pick some occupations rather than all of them.
    pub fn selects(&self) -> bool {
        !self.occupations.is_empty() || !self.isco.is_empty() || !self.soc.is_empty() || self.search.is_some()
    }

    /// Case-insensitive label match for `--search`.
    pub(crate) fn label_matches<'a>(&self, labels: impl IntoIterator<Item = &'a str>) -> bool {
        let Some(needle) = &self.search else { return false };
        let needle = needle.to_lowercase();
        labels.into_iter().any(|l| l.to_lowercase().contains(&needle))
    }
}
