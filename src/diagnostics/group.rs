//! Findings of one code gathered around one subject, so that 500 roles do not give 2,000 lines: for text, Markdown and the studio.

use super::finding::Finding;
use crate::model::{Area, Severity};
use serde::Serialize;
use std::collections::HashMap;

/// Findings of one code gathered around one subject.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FindingGroup<'m> {
    pub code: &'static str,
    pub severity: Severity,
    // `pillar` in JSON, as the findings are.
    #[serde(rename = "pillar")]
    pub area: Area,
    pub title: &'m str,
    /// What the group is about (a competency, a channel, a role), by kind and id.
    pub anchor_kind: &'static str,
    pub anchor: String,
    /// The roles affected, for findings about a (role, competency) pair.
    pub others: Vec<&'m str>,
    /// The channels named alongside, e.g. the single source of a competency.
    pub channels: Vec<&'m str>,
    pub count: usize,
    pub dismissed: usize,
}

/// Groups findings by (severity, code, anchor): pair findings by competency with their roles,
/// channel findings by channel, cycles by their first member. Order: as the findings come.
pub fn group_findings<'m>(findings: &[Finding<'m>]) -> Vec<FindingGroup<'m>> {
    let mut groups: Vec<FindingGroup<'m>> = Vec::new();
    let mut at: HashMap<(Severity, &'static str, String), usize> = HashMap::new();
    for f in findings {
        let s = &f.subjects;
        let (anchor_kind, anchor, other) = if let Some(c) = s.competency {
            ("competency", c.to_owned(), s.role)
        } else if let Some(ch) = s.channel {
            ("channel", ch.to_owned(), None)
        } else if let Some(r) = s.role {
            ("role", r.to_owned(), None)
        } else if let Some(cycle) = &s.cycle {
            ("cycle", cycle.join(","), None)
        } else if let Some(area) = s.area {
            ("area", area.as_str().to_owned(), None)
        } else {
            ("engagement", String::new(), None)
        };
        let i = *at.entry((f.severity, f.code, anchor.clone())).or_insert_with(|| {
            groups.push(FindingGroup {
                code: f.code,
                severity: f.severity,
                area: f.area,
                title: f.title(),
                anchor_kind,
                anchor,
                others: Vec::new(),
                channels: Vec::new(),
                count: 0,
                dismissed: 0,
            });
            groups.len() - 1
        });
        let g = &mut groups[i];
        g.count += 1;
        g.dismissed += usize::from(f.is_dismissed());
        if let Some(o) = other {
            g.others.push(o);
        }
        if let (Some(ch), "competency") = (s.channel, anchor_kind) {
            g.channels.push(ch);
        }
    }
    groups
}
