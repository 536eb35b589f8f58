//! The findings section (the themes, drawn by `themes.rs`), and the finding entries: open findings grouped by area, severity and subject, which the roadmap and the summary order.
//!
//! `entries` is the plain data the section draws (and the roadmap orders); dismissed findings
//! are left out, accepted ones carry the consultant's note, manual findings stand alone.

use super::{and_list, count, severity_colour, Facts};
use crate::diagnostics::{Fact, Finding};
use crate::model::{Area, Severity, Verdict};
use crate::report::flow::{Flow, CONTENT_WIDTH, MARGIN_X};
use crate::report::text::{self, Style};
use std::collections::HashMap;

/// One group of findings as the client reads it.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub severity: Severity,
    pub area: Area,
    pub code: String,
    pub title: String,
    pub rationale: String,
    /// What the group is about: a competency, a channel, a role, a cycle.
    pub subject: String,
    /// Who else it concerns, e.g. "3 roles: A, B and C"; empty when nobody else.
    pub affected: String,
    /// The competency it is about, for ordering the roadmap by prerequisites.
    pub competency: Option<String>,
    pub evidence: Vec<String>,
    pub recommendation: String,
    /// The consultant's notes on accepted findings.
    pub notes: Vec<String>,
    pub manual: bool,
    /// How many findings the group holds.
    pub count: usize,
}

fn humanise(key: &str) -> String {
    key.replace(['_', '-'], " ")
}

fn value_text(facts: &Facts<'_>, v: Fact) -> String {
    match v {
        Fact::Kind(k) => facts.name(k.as_str()).to_owned(),
        Fact::Word(w) => w.to_owned(),
        Fact::Unknown => "unknown".into(),
        Fact::Int(n) => n.to_string(),
        Fact::Decimal(x) => format!("{:.2}", x).trim_end_matches('0').trim_end_matches('.').to_owned(),
        Fact::Stages(stages) => {
            let parts: Vec<&str> = stages.iter().map(|s| facts.name(s.as_str())).collect();
            if parts.is_empty() {
                "none".into()
            } else {
                parts.join(", ")
            }
        }
    }
}

fn evidence_text(facts: &Facts<'_>, f: &Finding<'_>) -> String {
    f.evidence.iter().map(|(k, v)| format!("{}: {}", humanise(k), value_text(facts, v))).collect::<Vec<_>>().join("; ")
}

/// One recommendation for the group: the shared sentence with every role named once, when the
/// findings' recommendations differ only by the role; otherwise each one, by role.
fn merged_recommendation(facts: &Facts<'_>, members: &[&Finding<'_>]) -> String {
    let texts: Vec<String> = members.iter().map(|f| facts.diagnosis.recommendation(f)).collect();
    let mut distinct: Vec<&str> = Vec::new();
    for t in &texts {
        if !distinct.contains(&t.as_str()) {
            distinct.push(t);
        }
    }
    if distinct.len() <= 1 {
        return distinct.first().copied().unwrap_or_default().to_owned();
    }
    let mut shape: Option<(&str, &str)> = None;
    let mut roles: Vec<&str> = Vec::new();
    let mut same = true;
    for (f, text) in members.iter().zip(&texts) {
        let role = f.subjects.role.map(|r| facts.name(r)).unwrap_or("");
        let split = (!role.is_empty()).then(|| text.find(role)).flatten();
        let Some(at) = split else {
            same = false;
            break;
        };
        let parts = (&text[..at], &text[at + role.len()..]);
        if shape.is_some_and(|s| s != parts) {
            same = false;
            break;
        }
        shape = Some(parts);
        if !roles.contains(&role) {
            roles.push(role);
        }
    }
    match (same, shape) {
        (true, Some((before, after))) => format!("{before}{}{after}", and_list(&roles)),
        _ => distinct.join("\n"),
    }
}

const MAX_NAMES: usize = 8;
const MAX_EVIDENCE: usize = 6;

fn entry(facts: &Facts<'_>, members: &[&Finding<'_>]) -> Entry {
    let f = members[0];
    let s = &f.subjects;
    let (subject, others): (String, Vec<&str>) = if let Some(c) = s.competency {
        let others = members.iter().filter_map(|m| m.subjects.role.or(m.subjects.channel));
        (facts.name(c).to_owned(), others.map(|id| facts.name(id)).collect())
    } else if let Some(ch) = s.channel {
        (facts.name(ch).to_owned(), Vec::new())
    } else if let Some(r) = s.role {
        (facts.name(r).to_owned(), Vec::new())
    } else if let Some(cycle) = &s.cycle {
        (cycle.iter().map(|id| facts.name(id)).collect::<Vec<_>>().join(" → "), Vec::new())
    } else if f.is_manual() {
        ("Raised by the consultant".to_owned(), Vec::new())
    } else if let Some(a) = s.area {
        // An area finding (perception-gap, perception-split) is about that area.
        (a.label().to_owned(), Vec::new())
    } else {
        ("The ecosystem as a whole".to_owned(), Vec::new())
    };
    let mut others_dedup: Vec<&str> = Vec::new();
    for o in others {
        if !others_dedup.contains(&o) {
            others_dedup.push(o);
        }
    }
    let affected = if others_dedup.is_empty() {
        String::new()
    } else {
        let kind = if s.role.is_some() { ("role", "roles") } else { ("channel", "channels") };
        let shown: Vec<&str> = others_dedup.iter().take(MAX_NAMES).copied().collect();
        let mut list = and_list(&shown);
        if others_dedup.len() > MAX_NAMES {
            list = format!("{} and {} more", shown.join(", "), others_dedup.len() - MAX_NAMES);
        }
        format!("{}: {list}", count(others_dedup.len(), kind.0, kind.1))
    };
    // Only the evidence that can be shown is written out: large groups hold thousands.
    let with_evidence = members.iter().filter(|m| !m.evidence.is_empty()).count();
    let texts: Vec<(Option<&str>, String)> = members
        .iter()
        .filter(|m| !m.evidence.is_empty())
        .take(MAX_EVIDENCE + 1)
        .map(|m| (m.subjects.role.or(m.subjects.channel), evidence_text(facts, m)))
        .collect();
    let mut evidence: Vec<String> = Vec::new();
    if texts.iter().all(|(_, t)| Some(t) == texts.first().map(|(_, t)| t)) {
        evidence.extend(texts.first().map(|(_, t)| t.clone()));
    } else {
        for (who, t) in texts.iter().take(MAX_EVIDENCE) {
            evidence.push(match who {
                Some(id) if members.len() > 1 => format!("{}: {t}", facts.name(id)),
                _ => t.clone(),
            });
        }
        if with_evidence > MAX_EVIDENCE {
            evidence.push(format!("and {} more", with_evidence - MAX_EVIDENCE));
        }
    }
    let mut notes: Vec<String> = Vec::new();
    for m in members {
        if m.status == Some(Verdict::Accepted) {
            if let Some(n) = m.note.map(str::trim).filter(|n| !n.is_empty()) {
                if !notes.iter().any(|x| x == n) {
                    notes.push(n.to_owned());
                }
            }
        }
    }
    Entry {
        severity: f.severity,
        area: f.area,
        code: f.code.to_owned(),
        title: f.title().to_owned(),
        rationale: f.rationale().to_owned(),
        subject,
        affected,
        competency: s.competency.map(str::to_owned),
        evidence,
        recommendation: merged_recommendation(facts, members),
        notes,
        manual: f.is_manual(),
        count: members.len(),
    }
}

/// The finding entries, by area, severity and code: dismissed findings left out, computed
/// findings of one code grouped around their subject, each manual finding on its own.
pub fn entries<'m>(facts: &Facts<'m>, findings: Vec<Finding<'m>>) -> Vec<Entry> {
    // Which group each finding joins (`usize::MAX`: dismissed, left out).
    let mut slot_of: Vec<usize> = Vec::with_capacity(findings.len());
    let mut groups = 0;
    {
        let mut at: HashMap<(Severity, &str, String), usize> = HashMap::new();
        for (i, f) in findings.iter().enumerate() {
            if f.is_dismissed() {
                slot_of.push(usize::MAX);
                continue;
            }
            let s = &f.subjects;
            let anchor = if f.is_manual() {
                format!("manual#{i}")
            } else if let Some(c) = s.competency {
                c.to_owned()
            } else if let Some(c) = s.channel.or(s.role) {
                c.to_owned()
            } else if let Some(cycle) = &s.cycle {
                cycle.join(",")
            } else {
                String::new()
            };
            let slot = *at.entry((f.severity, f.code, anchor)).or_insert_with(|| {
                groups += 1;
                groups - 1
            });
            slot_of.push(slot);
        }
    }
    let mut members: Vec<Vec<u32>> = vec![Vec::new(); groups];
    for (i, slot) in slot_of.iter().enumerate() {
        if *slot != usize::MAX {
            members[*slot].push(i as u32);
        }
    }
    // Each group's findings are dropped as soon as its entry is made: a large engagement has
    // hundreds of thousands, and holding them next to the entries would double the memory.
    let mut cells: Vec<Option<Finding<'m>>> = findings.into_iter().map(Some).collect();
    let mut out: Vec<Entry> = Vec::with_capacity(groups);
    for list in members {
        let group: Vec<Finding<'m>> = list.iter().filter_map(|i| cells[*i as usize].take()).collect();
        out.push(entry(facts, &group.iter().collect::<Vec<_>>()));
    }
    drop(cells);
    let code_rank = |code: &str| crate::diagnostics::CODES.iter().position(|c| *c == code).unwrap_or(usize::MAX);
    out.sort_by(|a, b| {
        (a.area, a.severity, code_rank(&a.code), std::cmp::Reverse(a.count)).cmp(&(
            b.area,
            b.severity,
            code_rank(&b.code),
            std::cmp::Reverse(b.count),
        ))
    });
    out
}

pub fn compose(flow: &mut Flow<'_>, facts: &Facts<'_>, title: &str) {
    flow.start_section(title);
    let d = flow.design;
    let body = flow.body();
    let dismissed = facts.dismissed;
    let open = facts.open_findings();
    let mut intro = format!(
        "The diagnosis raised {} about this ecosystem. They are gathered here into {}, one for each kind of finding and group of roles (or category of competencies), ranked by impact: the people affected, how critical the competencies are to their roles and how far below target people stand. ",
        count(open, "finding", "findings"),
        count(facts.themes.len(), "theme", "themes")
    );
    if dismissed > 0 {
        intro.push_str(&format!(
            "{} set aside after review {} not shown. ",
            count(dismissed, "finding", "findings"),
            if dismissed == 1 { "is" } else { "are" }
        ));
    }
    intro.push_str("Each theme gives its numbers, its most telling examples and one recommendation");
    intro.push_str(if facts.finding_list {
        "; the appendix lists every finding."
    } else {
        "; the engagement file lists every finding (trellis diagnose)."
    });
    flow.paragraph(&intro, body);
    if facts.themes.is_empty() {
        flow.paragraph(
            "No open findings: the structure of the ecosystem raised nothing that needs action.",
            body.bold(),
        );
        return;
    }
    // Counts by severity.
    let chip_w = CONTENT_WIDTH / 4.0;
    flow.ensure(30.0);
    let top = flow.y;
    for (i, sev) in Severity::ALL.iter().enumerate() {
        let n = facts.open_by_severity[*sev as usize];
        let x = MARGIN_X + i as f32 * chip_w;
        flow.rect(x + 2.0, top, chip_w - 4.0, 22.0, Some(severity_colour(*sev).tint(0.85)), None);
        flow.rect(x + 2.0, top, 3.0, 22.0, Some(severity_colour(*sev)), None);
        flow.text(x + 12.0, top + 15.0, &super::thousands(n), Style::new(11.0, severity_colour(*sev)).bold());
        let label = format!("{} findings", sev.label().to_lowercase());
        flow.text(
            x + 16.0 + text::width(&super::thousands(n), 11.0, true),
            top + 14.5,
            &label,
            Style::new(7.5, d.text),
        );
    }
    flow.y += 30.0;
    super::themes::compose(flow, facts);
}
