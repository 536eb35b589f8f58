//! A finding as users see it: code, severity, area, subjects, evidence, the claim behind it and what to do; and grouping for display.

use super::{Context, Rules};
use crate::model::{Pillar, Severity, Subjects, Verdict};
use serde::Serialize;
use serde_json::{Map, Value};
use std::collections::BTreeMap;

/// What a check reports, before the rule texts are filled in.
#[derive(Debug, Clone)]
pub struct Raw {
    pub code: &'static str,
    pub severity: Severity,
    pub subjects: Subjects,
    pub evidence: Map<String, Value>,
}

/// One finding about one affected subject (or one cycle).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    pub code: String,
    pub severity: Severity,
    pub pillar: Pillar,
    pub title: String,
    pub subjects: Subjects,
    /// The numbers behind the finding; keys documented per code in `checks/`.
    pub evidence: Map<String, Value>,
    pub rationale: String,
    pub recommendation: String,
    /// The code and the sorted subject ids: stable across runs, used to accept or dismiss.
    pub key: String,
    /// `accepted` or `dismissed` when the consultant decided; absent while open.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<Verdict>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl Finding {
    pub fn is_dismissed(&self) -> bool {
        self.status == Some(Verdict::Dismissed)
    }
}

/// The stable key of a finding: `code:id1,id2`.
pub fn key(code: &str, subjects: &Subjects) -> String {
    format!("{code}:{}", subjects.ids().join(","))
}

/// Names by id, for filling texts: one hash look-up per placeholder, even for 100,000 findings.
pub struct Names<'m> {
    names: std::collections::HashMap<&'m str, &'m str>,
}

impl<'m> Names<'m> {
    pub fn new(m: &'m crate::model::Model) -> Self {
        let names = m
            .roles
            .iter()
            .map(|r| (r.id.as_str(), r.name.as_str()))
            .chain(m.competencies.iter().map(|c| (c.id.as_str(), c.name.as_str())))
            .chain(m.channels.iter().map(|c| (c.id.as_str(), c.name.as_str())))
            .collect();
        Names { names }
    }

    /// The name of an item, or its id when the model has no such item.
    pub fn get<'a>(&'a self, id: &'a str) -> &'a str {
        self.names.get(id).copied().unwrap_or(id)
    }

    /// Fills `{placeholder}`s from the subject names and the evidence; unknown ones stay as written.
    pub fn fill(&self, template: &str, subjects: &Subjects, evidence: &Map<String, Value>) -> String {
        let mut out = String::with_capacity(template.len() + 32);
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let Some(close) = rest[open..].find('}') else {
                out.push_str(&rest[open..]);
                return out;
            };
            let name = &rest[open + 1..open + close];
            let value = match name {
                "role" => subjects.role.as_deref().map(|id| self.get(id).to_owned()),
                "competency" => subjects.competency.as_deref().map(|id| self.get(id).to_owned()),
                "channel" => subjects.channel.as_deref().map(|id| self.get(id).to_owned()),
                "members" => subjects.cycle.as_ref().map(|ids| ids.iter().map(|id| self.get(id)).collect::<Vec<_>>().join(", ")),
                key => evidence.get(key).map(|v| match v {
                    Value::String(s) => s.clone(),
                    Value::Null => "unknown".into(),
                    other => other.to_string(),
                }),
            };
            match value {
                Some(v) => out.push_str(&v),
                None => out.push_str(&rest[open..open + close + 1]),
            }
            rest = &rest[open + close + 1..];
        }
        out.push_str(rest);
        out
    }
}

/// Turns raw findings into findings: rule texts, keys, and the consultant's verdicts; adds manual findings.
pub fn finish(cx: &Context<'_>, rules: &Rules, raw: Vec<Raw>) -> Vec<Finding> {
    let verdicts: BTreeMap<&str, (Verdict, &str)> =
        cx.model.dispositions.iter().map(|d| (d.key.as_str(), (d.status, d.note.as_str()))).collect();
    // Subject names are looked up per finding; index the lists once so that 100,000 findings stay fast.
    let mut out: Vec<Finding> = Vec::with_capacity(raw.len() + cx.model.manual_findings.len());
    let names = Names::new(cx.model);
    for r in raw {
        let rule = rules.rule(r.code);
        let key = key(r.code, &r.subjects);
        let (status, note) = match verdicts.get(key.as_str()) {
            Some((v, n)) => (Some(*v), Some((*n).to_owned())),
            None => (None, None),
        };
        let (title, rationale, recommendation, pillar) = match rule {
            Some(rule) => (
                rule.title.clone(),
                rule.rationale.clone(),
                names.fill(&rule.recommendation, &r.subjects, &r.evidence),
                rule.pillar,
            ),
            None => (r.code.to_owned(), String::new(), String::new(), Pillar::BeyondTraining),
        };
        out.push(Finding {
            code: r.code.to_owned(),
            severity: r.severity,
            pillar,
            title,
            subjects: r.subjects,
            evidence: r.evidence,
            rationale,
            recommendation,
            key,
            status,
            note,
        });
    }
    for f in &cx.model.manual_findings {
        let key = format!("manual:{}", f.id);
        let (status, note) = match verdicts.get(key.as_str()) {
            Some((v, n)) => (Some(*v), Some((*n).to_owned())),
            None => (None, None),
        };
        out.push(Finding {
            code: "manual".into(),
            severity: f.severity,
            pillar: f.pillar,
            title: f.title.clone(),
            subjects: f.subjects.clone(),
            evidence: Map::new(),
            rationale: f.rationale.clone(),
            recommendation: f.recommendation.clone(),
            key,
            status,
            note,
        });
    }
    out
}

/// Findings of one code gathered around one subject, for text, the studio and the PDF.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FindingGroup {
    pub code: String,
    pub severity: Severity,
    pub pillar: Pillar,
    pub title: String,
    /// What the group is about (a competency, a channel, a role), by kind and id.
    pub anchor_kind: &'static str,
    pub anchor: String,
    /// The roles affected, for findings about a (role, competency) pair.
    pub others: Vec<String>,
    /// The channels named alongside, e.g. the single source of a competency.
    pub channels: Vec<String>,
    pub count: usize,
    pub dismissed: usize,
}

/// Groups findings by (severity, code, anchor): pair findings by competency with their roles,
/// channel findings by channel, cycles by their first member. Order: as the findings come.
pub fn group_findings(findings: &[Finding]) -> Vec<FindingGroup> {
    let mut groups: Vec<FindingGroup> = Vec::new();
    let mut at: BTreeMap<(Severity, String, String), usize> = BTreeMap::new();
    for f in findings {
        let s = &f.subjects;
        let (anchor_kind, anchor, other) = if let Some(c) = &s.competency {
            ("competency", c.clone(), s.role.clone())
        } else if let Some(ch) = &s.channel {
            ("channel", ch.clone(), None)
        } else if let Some(r) = &s.role {
            ("role", r.clone(), None)
        } else if let Some(cycle) = &s.cycle {
            ("cycle", cycle.join(","), None)
        } else {
            ("engagement", String::new(), None)
        };
        let k = (f.severity, f.code.clone(), anchor.clone());
        let i = *at.entry(k).or_insert_with(|| {
            groups.push(FindingGroup {
                code: f.code.clone(),
                severity: f.severity,
                pillar: f.pillar,
                title: f.title.clone(),
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
        if let (Some(ch), "competency") = (&s.channel, anchor_kind) {
            g.channels.push(ch.clone());
        }
    }
    groups
}
