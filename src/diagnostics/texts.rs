//! Filling rule texts: item names by id, and recommendation templates split once into text and `{placeholders}`.

use super::evidence::{Evidence, Fact};
use super::subjects::FindingSubjects;
use crate::model::Model;

/// Names by id, for filling texts: one hash look-up per placeholder, even for 100,000 findings.
#[derive(Debug, Clone)]
pub struct Names<'m> {
    names: rustc_hash::FxHashMap<&'m str, &'m str>,
}

impl<'m> Names<'m> {
    pub fn new(m: &'m Model) -> Self {
        let mut names = rustc_hash::FxHashMap::with_capacity_and_hasher(
            m.roles.len() + m.competencies.len() + m.channels.len(),
            Default::default(),
        );
        let items = m.roles.iter().map(|r| (r.id.as_str(), r.name.as_str()));
        let items = items.chain(m.competencies.iter().map(|c| (c.id.as_str(), c.name.as_str())));
        names.extend(items.chain(m.channels.iter().map(|c| (c.id.as_str(), c.name.as_str()))));
        Names { names }
    }

    /// The name of an item, or its id when the model has no such item.
    pub fn get<'a>(&'a self, id: &'a str) -> &'a str {
        self.names.get(id).copied().unwrap_or(id)
    }

    /// Fills `{placeholder}`s from the subject names and the evidence; unknown ones stay as written.
    pub fn fill(&self, template: &str, subjects: &FindingSubjects<'_>, evidence: &Evidence) -> String {
        let mut out = String::new();
        self.fill_into(&Template::parse(template), subjects, evidence, &mut out);
        out
    }

    /// Appends the filled template to `out`.
    pub(super) fn fill_into(
        &self,
        template: &Template<'_>,
        subjects: &FindingSubjects<'_>,
        evidence: &Evidence,
        out: &mut String,
    ) {
        out.reserve(template.len + 48);
        for part in &template.parts {
            match *part {
                Part::Text(t) => out.push_str(t),
                Part::Slot(slot, name, raw) => {
                    let id = match slot {
                        Slot::Role => subjects.role,
                        Slot::Competency => subjects.competency,
                        Slot::Channel => subjects.channel,
                        Slot::Area | Slot::Members | Slot::Other => None,
                    };
                    if let (Slot::Area, Some(area)) = (slot, subjects.area) {
                        out.push_str(&area.label().to_lowercase());
                    } else if let Some(id) = id {
                        out.push_str(self.get(id));
                    } else if let (Some(ids), Slot::Members) = (&subjects.cycle, slot) {
                        for (i, id) in ids.iter().enumerate() {
                            if i > 0 {
                                out.push_str(", ");
                            }
                            out.push_str(self.get(id));
                        }
                    } else {
                        match evidence.get(name) {
                            Some(fact) => push_fact(out, fact),
                            None => out.push_str(raw),
                        }
                    }
                }
            }
        }
    }
}

/// A fact in a sentence: a word as it is, `unknown` for null, anything else as its JSON text.
fn push_fact(out: &mut String, fact: Fact) {
    match fact {
        Fact::Int(n) => {
            use std::fmt::Write;
            let _ = write!(out, "{n}");
        }
        Fact::Unknown => out.push_str("unknown"),
        Fact::Kind(k) => out.push_str(k.as_str()),
        Fact::Word(w) => out.push_str(w),
        Fact::Decimal(_) | Fact::Stages(_) => out.push_str(&fact.to_value().to_string()),
    }
}

/// A text with `{placeholders}`, split once so that filling it 100,000 times does not re-scan it.
#[derive(Debug, Clone)]
pub(super) struct Template<'t> {
    parts: Vec<Part<'t>>,
    len: usize,
}

#[derive(Debug, Clone, Copy)]
enum Part<'t> {
    Text(&'t str),
    /// A placeholder, its name and its raw text (kept when nothing fills it).
    Slot(Slot, &'t str, &'t str),
}

/// What a placeholder names: a subject, the members of a cycle, or else a piece of evidence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Slot {
    Role,
    Competency,
    Channel,
    /// The area of a finding about answers, by its title in lower case.
    Area,
    Members,
    Other,
}

impl<'t> Template<'t> {
    pub(super) fn parse(text: &'t str) -> Self {
        let mut parts = Vec::new();
        let mut rest = text;
        while let Some(open) = rest.find('{') {
            let Some(close) = rest[open..].find('}') else { break };
            if open > 0 {
                parts.push(Part::Text(&rest[..open]));
            }
            let name = &rest[open + 1..open + close];
            let slot = match name {
                "role" => Slot::Role,
                "competency" => Slot::Competency,
                "channel" => Slot::Channel,
                "area" => Slot::Area,
                "members" => Slot::Members,
                _ => Slot::Other,
            };
            parts.push(Part::Slot(slot, name, &rest[open..open + close + 1]));
            rest = &rest[open + close + 1..];
        }
        if !rest.is_empty() {
            parts.push(Part::Text(rest));
        }
        Template { parts, len: text.len() }
    }
}
