//! The sections of a blueprint, one file each, and the facts they share (the diagnosis, names, answers).

pub mod appendix;
pub mod contents;
pub mod cover;
pub mod finding_list;
pub mod findings;
pub mod heatmap;
pub mod map;
pub mod pathways;
pub mod responses;
pub mod roadmap;
pub mod summary;
pub mod themes;

use crate::diagnostics::{self, Diagnosis, ResponseSummary, Theme};
use crate::model::{ChannelKind, Model, Severity, Stage};
use std::collections::HashMap;

use super::layout::Colour;

/// What every section may draw from: the model, its diagnosis and the finding entries.
pub struct Facts<'m> {
    pub model: &'m Model,
    pub diagnosis: Diagnosis<'m>,
    pub answers: ResponseSummary,
    pub entries: Vec<findings::Entry>,
    /// The themes of the open findings, most impact first.
    pub themes: Vec<Theme>,
    /// The consultant's notes on accepted findings, by finding key.
    pub notes: HashMap<String, String>,
    /// The open findings for the appendix's list (at most `finding_list::LIMIT`), in report order.
    pub list: Vec<finding_list::Row>,
    /// Whether the appendix lists every finding (`--no-finding-list` leaves it out).
    pub finding_list: bool,
    /// Open (not dismissed) findings by severity, most severe first, and the dismissed ones.
    pub open_by_severity: [usize; 4],
    pub dismissed: usize,
    names: HashMap<&'m str, &'m str>,
    /// The blueprint's date as the client reads it ("15 January 2026").
    pub date: String,
}

impl<'m> Facts<'m> {
    /// With the default options (tests).
    #[cfg(test)]
    pub fn new(model: &'m Model, date: &str) -> Facts<'m> {
        Facts::with(model, date, &super::Options::default())
    }

    pub fn with(model: &'m Model, date: &str, options: &super::Options) -> Facts<'m> {
        let mut diagnosis = diagnostics::diagnose(model);
        let themes = diagnosis.themes();
        let notes = diagnosis
            .findings
            .iter()
            .filter(|f| f.status == Some(crate::model::Verdict::Accepted))
            .filter_map(|f| f.note.map(str::trim).filter(|n| !n.is_empty()).map(|n| (f.key(), n.to_owned())))
            .collect();
        let list = if options.finding_list { finding_list::rows(&diagnosis, &themes) } else { Vec::new() };
        let found = std::mem::take(&mut diagnosis.findings);
        let names = model
            .roles
            .iter()
            .map(|r| (r.id.as_str(), r.name.as_str()))
            .chain(model.competencies.iter().map(|c| (c.id.as_str(), c.name.as_str())))
            .chain(model.channels.iter().map(|c| (c.id.as_str(), c.name.as_str())))
            .collect();
        let mut facts = Facts {
            model,
            answers: ResponseSummary::of(model),
            diagnosis,
            entries: Vec::new(),
            themes,
            notes,
            list,
            finding_list: options.finding_list,
            open_by_severity: [0; 4],
            dismissed: 0,
            names,
            date: long_date(date),
        };
        for f in &found {
            if f.is_dismissed() {
                facts.dismissed += 1;
            } else {
                facts.open_by_severity[f.severity as usize] += 1;
            }
        }
        // The entries hold what the sections show; the findings are consumed making them.
        facts.entries = findings::entries(&facts, found);
        facts
    }

    /// The name of an item by id, or the id itself when there is no such item.
    pub fn name<'a>(&'a self, id: &'a str) -> &'a str {
        self.names.get(id).copied().unwrap_or(id)
    }

    pub fn open_findings(&self) -> usize {
        self.open_by_severity.iter().sum()
    }

    pub fn client(&self) -> &str {
        let c = self.model.engagement.client.trim();
        if c.is_empty() {
            "the client"
        } else {
            c
        }
    }
}

/// `2026-01-15` as `15 January 2026`; anything else as given.
pub fn long_date(date: &str) -> String {
    let fmt = time::macros::format_description!("[year]-[month]-[day]");
    match time::Date::parse(date, fmt) {
        Ok(d) => format!("{} {} {}", d.day(), d.month(), d.year()),
        Err(_) => date.to_owned(),
    }
}

/// "A", "A and B", "A, B and C".
pub fn and_list(items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// A count with its noun: "1 role", "3 roles".
pub fn count(n: usize, one: &str, many: &str) -> String {
    format!("{} {}", thousands(n), if n == 1 { one } else { many })
}

pub fn thousands(n: usize) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// The colour a channel kind is drawn in, everywhere in the blueprint.
pub fn kind_colour(kind: ChannelKind) -> Colour {
    match kind {
        ChannelKind::Formal => Colour(0x3B, 0x6E, 0xA8),
        ChannelKind::Experiential => Colour(0x2E, 0x9E, 0x6B),
        ChannelKind::Coaching => Colour(0xD9, 0x7B, 0x29),
        ChannelKind::Knowledge => Colour(0x8E, 0x5B, 0xB5),
        ChannelKind::Social => Colour(0xC9, 0x4C, 0x7C),
        ChannelKind::Platform => Colour(0x4F, 0x9D, 0xB8),
    }
}

pub fn severity_colour(s: Severity) -> Colour {
    match s {
        Severity::Critical => Colour(0xB4, 0x23, 0x18),
        Severity::High => Colour(0xE0, 0x6C, 0x1F),
        Severity::Medium => Colour(0xC9, 0xA2, 0x27),
        Severity::Low => Colour(0x6B, 0x8E, 0xA8),
    }
}

pub fn stage_colour(s: Stage) -> Colour {
    match s {
        Stage::Introduce => Colour(0x3B, 0x6E, 0xA8),
        Stage::Practice => Colour(0x2E, 0x9E, 0x6B),
        Stage::Feedback => Colour(0xD9, 0x7B, 0x29),
        Stage::Support => Colour(0x8E, 0x5B, 0xB5),
    }
}

/// The coverage colour scale: 0 (no stage reached) to 4 (the whole journey).
pub fn coverage_colour(level: f64) -> Colour {
    const SCALE: [Colour; 5] = [
        Colour(0xD6, 0x4F, 0x3C),
        Colour(0xEE, 0x9B, 0x5B),
        Colour(0xF3, 0xD2, 0x6B),
        Colour(0x9C, 0xC9, 0x83),
        Colour(0x3A, 0x9A, 0x6A),
    ];
    let l = level.clamp(0.0, 4.0);
    let i = (l.floor() as usize).min(3);
    SCALE[i].mix(SCALE[i + 1], (l - i as f64) as f32)
}

#[cfg(test)]
mod tests {
    #[test]
    fn words_for_people() {
        assert_eq!(super::long_date("2026-01-15"), "15 January 2026");
        assert_eq!(super::long_date("soon"), "soon");
        assert_eq!(super::and_list(&["a", "b", "c"]), "a, b and c");
        assert_eq!(super::count(1, "role", "roles"), "1 role");
        assert_eq!(super::thousands(1234567), "1,234,567");
        assert_eq!(super::coverage_colour(4.0), super::coverage_colour(9.0));
    }
}
