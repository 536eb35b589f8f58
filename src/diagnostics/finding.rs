//! A finding as users see it: code, severity, area, subjects, evidence, the claim behind it and what to do; and grouping for display.

use super::{Context, Rules};
use crate::model::{Pillar, Severity, Subjects, Verdict};
use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};
use serde_json::Value;
use std::collections::BTreeMap;
use std::sync::Arc;

/// The numbers behind a finding, in the order the check gives them; serialised as a JSON object.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Evidence(pub Vec<(&'static str, Value)>);

impl Evidence {
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.0.iter().find(|(k, _)| *k == key).map(|(_, v)| v)
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn iter(&self) -> impl Iterator<Item = (&str, &Value)> {
        self.0.iter().map(|(k, v)| (*k, v))
    }
}

impl std::ops::Index<&str> for Evidence {
    type Output = Value;
    fn index(&self, key: &str) -> &Value {
        self.get(key).unwrap_or(&Value::Null)
    }
}

impl Serialize for Evidence {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for (k, v) in &self.0 {
            map.serialize_entry(k, v)?;
        }
        map.end()
    }
}

/// What a check reports, before the rule texts are filled in.
#[derive(Debug, Clone)]
pub struct Raw {
    pub code: &'static str,
    pub severity: Severity,
    pub subjects: Subjects,
    pub evidence: Evidence,
}

/// One finding about one affected subject (or one cycle).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    pub code: String,
    pub severity: Severity,
    pub pillar: Pillar,
    pub title: Arc<str>,
    pub subjects: Subjects,
    /// The numbers behind the finding; keys documented per code in `checks/`.
    pub evidence: Evidence,
    pub rationale: Arc<str>,
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
    let ids = subjects.ids();
    let mut key = String::with_capacity(code.len() + 1 + ids.iter().map(|i| i.len() + 1).sum::<usize>());
    key.push_str(code);
    key.push(':');
    for (i, id) in ids.iter().enumerate() {
        if i > 0 {
            key.push(',');
        }
        key.push_str(id);
    }
    key
}

/// Names by id, for filling texts: one hash look-up per placeholder, even for 100,000 findings.
pub struct Names<'m> {
    names: rustc_hash::FxHashMap<&'m str, &'m str>,
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
    pub fn fill(&self, template: &str, subjects: &Subjects, evidence: &Evidence) -> String {
        self.fill_parsed(&Template::parse(template), subjects, evidence)
    }

    fn fill_parsed(&self, template: &Template<'_>, subjects: &Subjects, evidence: &Evidence) -> String {
        let mut out = String::with_capacity(template.len + 48);
        for part in &template.parts {
            match *part {
                Part::Text(t) => out.push_str(t),
                Part::Slot(name, raw) => {
                    let id = match name {
                        "role" => subjects.role.as_deref(),
                        "competency" => subjects.competency.as_deref(),
                        "channel" => subjects.channel.as_deref(),
                        _ => None,
                    };
                    if let Some(id) = id {
                        out.push_str(self.get(id));
                    } else if let (Some(ids), "members") = (&subjects.cycle, name) {
                        for (i, id) in ids.iter().enumerate() {
                            if i > 0 {
                                out.push_str(", ");
                            }
                            out.push_str(self.get(id));
                        }
                    } else {
                        match evidence.get(name) {
                            Some(Value::String(v)) => out.push_str(v),
                            Some(Value::Null) => out.push_str("unknown"),
                            Some(other) => out.push_str(&other.to_string()),
                            None => out.push_str(raw),
                        }
                    }
                }
            }
        }
        out
    }
}

/// A text with `{placeholders}`, split once so that filling it 100,000 times does not re-scan it.
struct Template<'t> {
    parts: Vec<Part<'t>>,
    len: usize,
}

enum Part<'t> {
    Text(&'t str),
    /// The placeholder's name and its raw text (kept when nothing fills it).
    Slot(&'t str, &'t str),
}

impl<'t> Template<'t> {
    fn parse(text: &'t str) -> Self {
        let mut parts = Vec::new();
        let mut rest = text;
        while let Some(open) = rest.find('{') {
            let Some(close) = rest[open..].find('}') else { break };
            if open > 0 {
                parts.push(Part::Text(&rest[..open]));
            }
            parts.push(Part::Slot(&rest[open + 1..open + close], &rest[open..open + close + 1]));
            rest = &rest[open + close + 1..];
        }
        if !rest.is_empty() {
            parts.push(Part::Text(rest));
        }
        Template { parts, len: text.len() }
    }
}

/// Turns raw findings into findings: rule texts, keys, and the consultant's verdicts; adds manual findings.
pub fn finish(cx: &Context<'_>, rules: &Rules, raw: Vec<Raw>) -> Vec<Finding> {
    let verdicts: BTreeMap<&str, (Verdict, &str)> =
        cx.model.dispositions.iter().map(|d| (d.key.as_str(), (d.status, d.note.as_str()))).collect();
    // Subject names are looked up per finding; index the lists once so that 100,000 findings stay fast.
    let mut out: Vec<Finding> = Vec::with_capacity(raw.len() + cx.model.manual_findings.len());
    let names = Names::new(cx.model);
    let mut templates: BTreeMap<&str, (&super::Rule, Template<'_>)> = BTreeMap::new();
    for r in raw {
        if !templates.contains_key(r.code) {
            if let Some(rule) = rules.rule(r.code) {
                templates.insert(r.code, (rule, Template::parse(&rule.recommendation)));
            }
        }
        let rule = templates.get(r.code);
        let key = key(r.code, &r.subjects);
        let (status, note) = match verdicts.get(key.as_str()) {
            Some((v, n)) => (Some(*v), Some((*n).to_owned())),
            None => (None, None),
        };
        let (title, rationale, recommendation, pillar) = match rule {
            Some((rule, template)) => (
                rule.title.clone(),
                rule.rationale.clone(),
                names.fill_parsed(template, &r.subjects, &r.evidence),
                rule.pillar,
            ),
            None => (Arc::from(r.code), Arc::from(""), String::new(), Pillar::BeyondTraining),
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
            title: Arc::from(f.title.as_str()),
            subjects: f.subjects.clone(),
            evidence: Evidence::default(),
            rationale: Arc::from(f.rationale.as_str()),
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
    pub title: Arc<str>,
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
