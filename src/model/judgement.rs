//! The consultant's judgement kept in the engagement: verdicts on findings, manual findings, and settings.

use super::{Area, Id, Severity, Verdict};
use serde::{Deserialize, Serialize};

/// The items a finding is about; absent keys are omitted in JSON.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Subjects {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<Id>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub competency: Option<Id>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub channel: Option<Id>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cycle: Option<Vec<Id>>,
}

impl Subjects {
    /// Every id named, sorted: the second half of a finding key.
    pub fn ids(&self) -> Vec<&str> {
        let mut ids: Vec<&str> = [&self.role, &self.competency, &self.channel]
            .into_iter()
            .flatten()
            .map(String::as_str)
            .chain(self.cycle.iter().flatten().map(String::as_str))
            .collect();
        ids.sort_unstable();
        ids
    }
}

/// The consultant accepted or dismissed the finding with this key.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Disposition {
    pub key: String,
    pub status: Verdict,
    #[serde(default)]
    pub note: String,
}

/// A finding the consultant wrote from what they saw and heard.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ManualFinding {
    pub id: Id,
    pub title: String,
    pub severity: Severity,
    // `pillar` in the interchange and over IPC, the key files already carry.
    #[serde(rename = "pillar")]
    pub area: Area,
    #[serde(default)]
    pub subjects: Subjects,
    #[serde(default)]
    pub rationale: String,
    #[serde(default)]
    pub recommendation: String,
}

/// Engagement settings that are not part of the client's model.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Settings {
    /// Results by group are shown only for groups with at least this many respondents.
    pub anonymity_threshold: i64,
}

impl Default for Settings {
    fn default() -> Self {
        Settings { anonymity_threshold: 3 }
    }
}
