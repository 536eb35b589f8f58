//! The items a finding is about (`FindingSubjects`): ids borrowed from the model, with `Subjects` as their owned form.

use crate::model::{Area, Subjects};
use serde::Serialize;

/// The items a finding is about, as ids borrowed from the model; `Subjects` is the owned form.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct FindingSubjects<'m> {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role: Option<&'m str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub competency: Option<&'m str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub channel: Option<&'m str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cycle: Option<Vec<&'m str>>,
    /// The area a finding about answers is in (`perception-gap`, `perception-split`); it is the
    /// finding's area too, and its wire name is part of the key.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub area: Option<Area>,
}

impl<'m> FindingSubjects<'m> {
    pub fn of(s: &'m Subjects) -> Self {
        FindingSubjects {
            role: s.role.as_deref(),
            competency: s.competency.as_deref(),
            channel: s.channel.as_deref(),
            cycle: s.cycle.as_ref().map(|ids| ids.iter().map(String::as_str).collect()),
            area: None,
        }
    }

    /// Every id named, sorted: the second half of a finding key.
    pub fn ids(&self) -> Vec<&'m str> {
        let mut ids: Vec<&'m str> = [self.role, self.competency, self.channel]
            .into_iter()
            .flatten()
            .chain(self.cycle.iter().flatten().copied())
            .chain(self.area.map(Area::as_str))
            .collect();
        ids.sort_unstable();
        ids
    }
}
