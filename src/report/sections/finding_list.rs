//! The appendix's finding list: theme by theme, the theme's number and kind of finding, then one compact row per open finding (severity, what it is about), two columns a page, so the themes can stay short.
//!
//! A large engagement has tens of thousands of findings: the list shows the first `LIMIT` in
//! report order (most severe first) and counts the rest, which `trellis diagnose` lists.

use super::{count, severity_colour, Facts};
use crate::diagnostics::{Diagnosis, Theme};
use crate::model::Severity;
use crate::report::flow::{Flow, BOTTOM, CONTENT_WIDTH, MARGIN_X};
use crate::report::text::{self, Style};
use std::collections::HashMap;

/// The most rows the list shows.
pub const LIMIT: usize = 600;

/// One finding in the list.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub severity: Severity,
    /// The rank of its theme in the findings section, from 1.
    pub theme: usize,
    pub title: String,
    pub about: String,
}

/// The rows of the open findings, theme by theme in the order of the findings section, at
/// most `LIMIT`.
pub fn rows(d: &Diagnosis<'_>, themes: &[Theme]) -> Vec<Row> {
    let at: HashMap<String, usize> =
        d.findings.iter().enumerate().filter(|(_, f)| !f.is_dismissed()).map(|(i, f)| (f.key(), i)).collect();
    let mut out = Vec::new();
    for (rank, t) in themes.iter().enumerate() {
        for key in &t.findings {
            if out.len() == LIMIT {
                return out;
            }
            if let Some(f) = at.get(key).map(|i| &d.findings[*i]) {
                out.push(Row {
                    severity: f.severity,
                    theme: rank + 1,
                    title: f.title().to_owned(),
                    about: about(d, f),
                });
            }
        }
    }
    out
}

/// What a finding is about: its subjects by name, or its area for an area finding
/// (perception-gap, perception-split), which would otherwise repeat the theme's title.
fn about(d: &Diagnosis<'_>, f: &crate::diagnostics::Finding<'_>) -> String {
    let s = &f.subjects;
    match s.area {
        Some(a) if s.role.is_none() && s.competency.is_none() && s.channel.is_none() && !f.is_manual() => {
            a.label().to_owned()
        }
        _ => d.subject_label(f),
    }
}

const SIZE: f32 = 6.5;
/// The rows' leading: closer than running text, as in the tables.
const LEADING: f32 = SIZE * 1.15;
/// Two columns of rows a page: a theme's number and kind of finding, then its findings' severity and subjects.
const COLUMNS: usize = 2;
const COLUMN_GAP: f32 = 14.0;
const SEVERITY_W: f32 = 37.0;

fn column_width() -> f32 {
    (CONTENT_WIDTH - COLUMN_GAP * (COLUMNS - 1) as f32) / COLUMNS as f32
}

fn header(flow: &mut Flow<'_>, x: f32, y: f32) {
    let style = Style::new(6.0, flow.design.accent).bold();
    flow.text(x + 2.0, y + 7.0, "SEVERITY", style);
    flow.text(x + SEVERITY_W, y + 7.0, "ABOUT", style);
}

const HEADER_H: f32 = 10.0;

/// Lines at the list's leading, the first line box's top at `top`.
fn rows_at(flow: &mut Flow<'_>, x: f32, top: f32, lines: &[String], style: Style) {
    for (i, line) in lines.iter().enumerate() {
        flow.text(x, top + i as f32 * LEADING + SIZE * 0.9, line, style);
    }
}

/// Draws the list under its own heading, in columns that repeat their header on every page.
pub fn compose(flow: &mut Flow<'_>, facts: &Facts<'_>) {
    if !facts.finding_list || facts.list.is_empty() {
        return;
    }
    let d = flow.design;
    flow.heading("Every finding", 80.0);
    let open = facts.open_findings();
    let mut intro = format!(
        "The {} behind the themes, theme by theme: each theme's number and kind of finding, then one row for each of its findings.",
        count(open, "finding", "findings")
    );
    if open > facts.list.len() {
        intro.push_str(&format!(
            " The first {} are listed; the engagement file holds every one (trellis diagnose).",
            super::thousands(facts.list.len())
        ));
    }
    flow.paragraph(&intro, flow.muted());
    let body = Style::new(SIZE, d.text);
    let col_w = column_width();
    let about_w = col_w - SEVERITY_W - 2.0;
    // Rows fill the left column down to the foot of the page, then the right one, then a new page.
    flow.ensure(HEADER_H + 3.0 * LEADING);
    let mut top = flow.y;
    let mut column = 0;
    header(flow, MARGIN_X, top);
    let mut y = top + HEADER_H;
    let mut last_theme = 0;
    for (i, row) in facts.list.iter().enumerate() {
        let opens = row.theme != last_theme;
        last_theme = row.theme;
        let lines = text::wrap(&row.about, &body, about_w);
        let lead = if opens { LEADING } else { 0.0 };
        let h = lines.len().max(1) as f32 * LEADING;
        if y + lead + h > BOTTOM {
            column += 1;
            if column == COLUMNS {
                flow.new_page();
                column = 0;
                top = flow.y;
            }
            // Each column gets its header when the first row reaches it.
            header(flow, MARGIN_X + column as f32 * (col_w + COLUMN_GAP), top);
            y = top + HEADER_H;
        }
        let x = MARGIN_X + column as f32 * (col_w + COLUMN_GAP);
        // The band goes down before the theme's line, so it never covers its descenders.
        if i % 2 == 1 {
            flow.rect(x, y + lead, col_w, h, Some(d.muted.tint(0.93)), None);
        }
        if opens {
            let head = format!("{}  {}", row.theme, row.title);
            let bold = body.bold().coloured(d.primary);
            rows_at(flow, x + 2.0, y, &[text::fit(&head, SIZE, true, col_w - 4.0)], bold);
            y += lead;
        }
        let sev = Style::new(SIZE, severity_colour(row.severity)).bold();
        rows_at(flow, x + 2.0, y, &[row.severity.label().to_owned()], sev);
        rows_at(flow, x + SEVERITY_W, y, &lines, body);
        y += h;
    }
    // The cursor goes below the longest column on the last page.
    flow.y = if column == 0 { y } else { BOTTOM };
    if open > facts.list.len() {
        flow.y += 4.0;
        let rest = open - facts.list.len();
        flow.paragraph(&format!("And {} more.", count(rest, "finding", "findings")), flow.muted());
    }
}

#[cfg(test)]
mod tests {
    use crate::report::sections::Facts;

    #[test]
    fn an_area_finding_is_listed_under_its_area() {
        let m = crate::templates::load("demo").unwrap();
        let facts = Facts::new(&m, "2026-03-01");
        let d = crate::diagnostics::diagnose(&m);
        let split = d
            .findings
            .iter()
            .find(|f| f.code == "perception-split")
            .expect("the demo's answers split managers and learners");
        let area = split.subjects.area.unwrap().label();
        let row = facts.list.iter().find(|r| r.title == split.title()).unwrap();
        assert_eq!(row.about, area);
        let entry = facts.entries.iter().find(|e| e.code == "perception-split").unwrap();
        assert_eq!(entry.subject, area, "not the ecosystem as a whole");
    }
}
