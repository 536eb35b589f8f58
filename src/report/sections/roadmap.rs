//! The roadmap: the recommendations gathered into actions (one per kind of finding and severity, one per manual finding), ordered by severity and prerequisites and spread over the horizons.

use super::{and_list, count, severity_colour, Facts};
use crate::model::{Area, Severity};
use crate::report::flow::{Flow, CONTENT_WIDTH, MARGIN_X};
use crate::report::layout::{Colour, Item};
use crate::report::table::{self, Cell, Column, Table};
use crate::report::text::{self, Style};
use std::collections::{BTreeMap, HashMap};

const MAX_NAMES: usize = 4;

/// One line of the roadmap.
#[derive(Debug, Clone, PartialEq)]
pub struct Action {
    pub severity: Severity,
    pub area: Area,
    pub what: String,
    /// The subjects of its findings, by name.
    pub about: Vec<String>,
    pub findings: usize,
    /// Competency ids its findings are about.
    competencies: Vec<String>,
    pub horizon: usize,
}

fn phrases() -> &'static BTreeMap<String, String> {
    static P: std::sync::OnceLock<BTreeMap<String, String>> = std::sync::OnceLock::new();
    P.get_or_init(|| {
        toml::from_str(include_str!("../../../templates/blueprints/roadmap.toml"))
            .expect("templates/blueprints/roadmap.toml is valid (tested)")
    })
}

/// The first clause of a recommendation: what to do, without the how.
pub fn first_clause(recommendation: &str) -> String {
    let first = recommendation.lines().next().unwrap_or_default();
    let cut = [": ", ". ", "; "].iter().filter_map(|p| first.find(p)).min().unwrap_or(first.len());
    let s = first[..cut].trim_end_matches('.').trim();
    if s.is_empty() {
        first.trim().to_owned()
    } else {
        s.to_owned()
    }
}

/// Longest chain of prerequisites under a competency (cycles count once), memoised.
fn depth<'a>(
    c: &'a str,
    needs: &HashMap<&'a str, Vec<&'a str>>,
    memo: &mut HashMap<&'a str, usize>,
    on: &mut Vec<&'a str>,
) -> usize {
    if let Some(d) = memo.get(c) {
        return *d;
    }
    if on.contains(&c) {
        return 0;
    }
    on.push(c);
    let d = needs.get(c).into_iter().flatten().map(|n| 1 + depth(n, needs, memo, on)).max().unwrap_or(0);
    on.pop();
    memo.insert(c, d);
    d
}

/// The roadmap: actions in order, each with its horizon (0: nearest) out of `horizons`.
/// Critical actions come first; the rest are spread evenly in order of severity and of
/// prerequisite depth, and an action never comes before one about a competency it builds on.
pub fn plan(facts: &Facts<'_>, horizons: usize) -> Vec<Action> {
    let mut by_code: Vec<Action> = Vec::new();
    let mut seen: Vec<std::collections::HashSet<&str>> = Vec::new();
    let mut at: HashMap<(Severity, &str), usize> = HashMap::new();
    for e in &facts.entries {
        let key = (e.severity, e.code.as_str());
        let slot = if e.manual { None } else { at.get(&key).copied() };
        let i = slot.unwrap_or_else(|| {
            let what = match (e.manual, phrases().get(&e.code)) {
                (false, Some(p)) => p.clone(),
                _ => first_clause(&e.recommendation),
            };
            by_code.push(Action {
                severity: e.severity,
                area: e.area,
                what: if what.is_empty() { e.title.clone() } else { what },
                about: Vec::new(),
                findings: 0,
                competencies: Vec::new(),
                horizon: 0,
            });
            seen.push(std::collections::HashSet::new());
            if !e.manual {
                at.insert(key, by_code.len() - 1);
            }
            by_code.len() - 1
        });
        let a = &mut by_code[i];
        if seen[i].insert(e.subject.as_str()) {
            a.about.push(e.subject.clone());
        }
        a.findings += e.count;
        a.competencies.extend(e.competency.clone());
    }
    let m = facts.model;
    let mut needs: HashMap<&str, Vec<&str>> = HashMap::new();
    for p in &m.prerequisites {
        needs.entry(p.competency.as_str()).or_default().push(p.requires.as_str());
    }
    let mut memo: HashMap<&str, usize> = HashMap::new();
    let depths: Vec<usize> = by_code
        .iter()
        .map(|a| a.competencies.iter().map(|c| depth(c, &needs, &mut memo, &mut Vec::new())).min().unwrap_or(0))
        .collect();
    let mut order: Vec<usize> = (0..by_code.len()).collect();
    order.sort_by_key(|i| (by_code[*i].severity, depths[*i], std::cmp::Reverse(by_code[*i].findings)));
    let n = order.len().max(1);
    let last = horizons.saturating_sub(1);
    let mut placed: HashMap<&str, usize> = HashMap::new();
    let mut out = Vec::with_capacity(order.len());
    for (rank, i) in order.iter().enumerate() {
        let a = &by_code[*i];
        let mut h = if a.severity == Severity::Critical { 0 } else { (rank * horizons / n).min(last) };
        for c in &a.competencies {
            for p in needs.get(c.as_str()).into_iter().flatten() {
                if let Some(hp) = placed.get(p) {
                    h = h.max((hp + 1).min(last));
                }
            }
        }
        for c in &a.competencies {
            let e = placed.entry(c.as_str()).or_insert(h);
            *e = (*e).max(h);
        }
        out.push(Action { horizon: h, ..a.clone() });
    }
    out.sort_by_key(|a| a.horizon);
    out
}

fn about_text(a: &Action) -> String {
    let shown: Vec<&str> = a.about.iter().take(MAX_NAMES).map(String::as_str).collect();
    if a.about.len() > MAX_NAMES {
        format!("{} and {} more", shown.join(", "), a.about.len() - MAX_NAMES)
    } else {
        and_list(&shown)
    }
}

pub fn compose(flow: &mut Flow<'_>, facts: &Facts<'_>, title: &str) {
    flow.start_section(title);
    let d = flow.design;
    let labels = d.horizons.clone();
    let plan = plan(facts, labels.len());
    let body = flow.body();
    flow.paragraph(
        "The recommendations of the findings section, gathered into actions and put in the order we propose to take them. Critical matters come first and the rest follow by severity; an action about a competency comes after the actions about the competencies it builds on, so that foundations are laid first.",
        body,
    );
    // The horizons as a row of chevrons with their counts.
    flow.ensure(60.0);
    let top = flow.y + 4.0;
    let w = CONTENT_WIDTH / labels.len() as f32;
    for (i, label) in labels.iter().enumerate() {
        let x = MARGIN_X + i as f32 * w;
        let fill = d.primary.mix(d.accent, i as f32 / (labels.len().max(2) - 1) as f32);
        let tip = 10.0;
        let notch = if i == 0 { 0.0 } else { tip };
        let right = if i + 1 == labels.len() { x + w } else { x + w - 2.0 };
        let tip_x = if i + 1 == labels.len() { right } else { right + tip };
        flow.push(Item::Shape {
            points: vec![
                (x, top),
                (right, top),
                (tip_x, top + 20.0),
                (right, top + 40.0),
                (x, top + 40.0),
                (x + notch, top + 20.0),
            ],
            fill,
        });
        let n = plan.iter().filter(|a| a.horizon == i).count();
        flow.text(
            x + notch + 6.0,
            top + 16.0,
            &text::fit(label, 9.0, true, w - notch - 14.0),
            Style::new(9.0, Colour::WHITE).bold(),
        );
        flow.text(x + notch + 6.0, top + 30.0, &count(n, "action", "actions"), Style::new(8.0, Colour::WHITE));
    }
    flow.y = top + 54.0;
    if plan.is_empty() {
        flow.paragraph("There is nothing to recommend: the diagnosis raised no open findings.", body.bold());
        return;
    }
    let mut number = 0;
    for (h, label) in labels.iter().enumerate() {
        let items: Vec<&Action> = plan.iter().filter(|a| a.horizon == h).collect();
        flow.heading(label, 70.0);
        if items.is_empty() {
            flow.paragraph("Nothing is planned for this horizon.", flow.muted());
            continue;
        }
        let rows = items
            .iter()
            .map(|a| {
                number += 1;
                vec![
                    Cell::new(format!("{number}")),
                    Cell::new(a.what.clone()).bold(),
                    Cell::new(format!("{} ({})", about_text(a), count(a.findings, "finding", "findings"))),
                    Cell::new(a.area.label()),
                    Cell::new(a.severity.label()).chip(severity_colour(a.severity)),
                ]
            })
            .collect();
        let columns = vec![
            Column::right("#", 20.0),
            Column::new("Action", 150.0),
            Column::new("About", CONTENT_WIDTH - 20.0 - 150.0 - 92.0 - 60.0),
            Column::new("Area", 92.0),
            Column::new("Priority", 60.0),
        ];
        table::draw(flow, &Table { columns, rows, size: 8.0 });
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_first_clause_is_the_action() {
        assert_eq!(
            super::first_clause("Give X a way to practise Y on real work: a stretch assignment."),
            "Give X a way to practise Y on real work"
        );
        assert_eq!(super::first_clause("Decide what Z is for. Then act."), "Decide what Z is for");
        assert_eq!(super::first_clause("Just do it"), "Just do it");
    }

    #[test]
    fn every_check_code_has_a_roadmap_phrase() {
        for code in crate::diagnostics::CODES {
            assert!(super::phrases().contains_key(*code), "templates/blueprints/roadmap.toml has no `{code}`");
        }
    }
}
