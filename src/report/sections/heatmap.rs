//! The coverage heatmap: how many of the four stages reach each required (role, competency) pair, or each (group, category) cell when large.

use super::{coverage_colour, thousands, Facts};
use crate::report::flow::{Flow, BOTTOM, CONTENT_WIDTH, MARGIN_X};
use crate::report::layout::Colour;
use crate::report::text::{self, Style};
use std::collections::HashMap;

/// Above either of these, the heatmap shows role groups x competency categories.
const MAX_ROLES: usize = 40;
const MAX_COMPETENCIES: usize = 90;
const LABEL_W: f32 = 150.0;
const MIN_CELL: f32 = 17.0;
const MAX_CELL: f32 = 30.0;
const HEADER_H: f32 = 84.0;
const ROW_H: f32 = 12.0;

enum Row {
    /// A band naming the category the rows below belong to.
    Band(String),
    Cells {
        label: String,
        cells: Vec<Option<f64>>,
    },
}

struct Matrix {
    columns: Vec<String>,
    rows: Vec<Row>,
    /// Cells hold means (one decimal) rather than whole stage counts.
    means: bool,
}

fn detailed(facts: &Facts<'_>) -> Matrix {
    let m = facts.model;
    let mut roles: Vec<usize> = (0..m.roles.len()).collect();
    roles.sort_by(|a, b| (&m.roles[*a].group, &m.roles[*a].name).cmp(&(&m.roles[*b].group, &m.roles[*b].name)));
    let col_of: HashMap<&str, usize> = roles.iter().enumerate().map(|(c, r)| (m.roles[*r].id.as_str(), c)).collect();
    let mut cells: HashMap<&str, Vec<Option<f64>>> = HashMap::new();
    for p in &facts.diagnosis.coverage.pairs {
        if let Some(c) = col_of.get(p.role) {
            cells.entry(p.competency).or_insert_with(|| vec![None; roles.len()])[*c] = Some(p.integration as f64);
        }
    }
    let mut comps: Vec<usize> =
        (0..m.competencies.len()).filter(|i| cells.contains_key(m.competencies[*i].id.as_str())).collect();
    comps.sort_by(|a, b| {
        (&m.competencies[*a].category, &m.competencies[*a].name)
            .cmp(&(&m.competencies[*b].category, &m.competencies[*b].name))
    });
    let mut rows = Vec::new();
    let mut last: Option<&str> = None;
    for i in comps {
        let c = &m.competencies[i];
        if last != Some(c.category.as_str()) {
            rows.push(Row::Band(if c.category.trim().is_empty() { "No category".into() } else { c.category.clone() }));
            last = Some(&c.category);
        }
        rows.push(Row::Cells { label: c.name.clone(), cells: cells.remove(c.id.as_str()).unwrap_or_default() });
    }
    Matrix { columns: roles.iter().map(|r| m.roles[*r].name.clone()).collect(), rows, means: false }
}

fn summarised(facts: &Facts<'_>) -> Matrix {
    let gm = facts.diagnosis.coverage.group_matrix(facts.model);
    let name = |s: &str, empty: &str| if s.trim().is_empty() { empty.to_owned() } else { s.to_owned() };
    Matrix {
        columns: gm.categories.iter().map(|c| name(c, "No category")).collect(),
        rows: gm
            .groups
            .iter()
            .zip(gm.cells)
            .map(|(g, cells)| Row::Cells { label: name(g, "No group"), cells })
            .collect(),
        means: true,
    }
}

fn header(flow: &mut Flow<'_>, columns: &[String], cell: f32, corner: &str) {
    let d = flow.design;
    let top = flow.y;
    let bottom = top + HEADER_H;
    let style = Style::new(6.5, d.text);
    let room = HEADER_H - 8.0;
    for (i, name) in columns.iter().enumerate() {
        let centre = MARGIN_X + LABEL_W + i as f32 * cell + cell / 2.0;
        // Names read upwards; a long one takes two lines side by side when the column is wide enough.
        let lines = text::wrap(name, &style, room);
        let shown: Vec<String> = if lines.len() > 1 && cell >= 2.0 * style.line_height() {
            vec![lines[0].clone(), text::fit(&lines[1..].join(" "), style.size, false, room)]
        } else {
            vec![text::fit(name, style.size, false, room)]
        };
        let n = shown.len() as f32;
        for (j, line) in shown.iter().enumerate() {
            let x = centre - (n - 1.0) * style.line_height() / 2.0 + j as f32 * style.line_height() + style.size * 0.35;
            flow.text_rotated(x, bottom - 4.0, line, style, 90.0);
        }
    }
    flow.text(MARGIN_X, bottom - 4.0, corner, Style::new(7.5, d.muted).bold());
    flow.line(
        vec![(MARGIN_X, bottom), (MARGIN_X + LABEL_W + cell * columns.len() as f32, bottom)],
        d.muted,
        0.6,
        false,
    );
    flow.y = bottom + 2.0;
}

fn draw(flow: &mut Flow<'_>, m: &Matrix, corner: &str) {
    let d = flow.design;
    let per_page = (((CONTENT_WIDTH - LABEL_W) / MIN_CELL).floor() as usize).max(1);
    let chunks: Vec<(usize, usize)> =
        (0..m.columns.len()).step_by(per_page).map(|s| (s, (s + per_page).min(m.columns.len()))).collect();
    for (ci, (from, to)) in chunks.iter().enumerate() {
        let n = to - from;
        let cell = ((CONTENT_WIDTH - LABEL_W) / n as f32).clamp(MIN_CELL, MAX_CELL);
        let cols = &m.columns[*from..*to];
        if chunks.len() > 1 {
            flow.subheading(&format!("Columns {} to {} of {}", from + 1, to, m.columns.len()), HEADER_H + 40.0);
        }
        flow.ensure(HEADER_H + ROW_H * 4.0);
        header(flow, cols, cell, corner);
        for (ri, row) in m.rows.iter().enumerate() {
            // A band is kept with the row after it.
            let need = if matches!(row, Row::Band(_)) { ROW_H * 2.0 + 1.0 } else { ROW_H };
            if flow.y + need > BOTTOM {
                flow.new_page();
                header(flow, cols, cell, corner);
            }
            let y = flow.y;
            match row {
                Row::Band(label) => {
                    flow.rect(MARGIN_X, y + 1.0, LABEL_W + cell * n as f32, ROW_H, Some(d.primary.tint(0.9)), None);
                    flow.text(
                        MARGIN_X + 3.0,
                        y + 9.5,
                        &text::fit(label, 7.5, true, LABEL_W + cell * n as f32 - 6.0),
                        Style::new(7.5, d.primary).bold(),
                    );
                    flow.y += ROW_H + 1.0;
                }
                Row::Cells { label, cells } => {
                    flow.text(
                        MARGIN_X + 3.0,
                        y + 8.8,
                        &text::fit(label, 7.5, false, LABEL_W - 8.0),
                        Style::new(7.5, d.text),
                    );
                    for (i, v) in cells[*from..*to].iter().enumerate() {
                        let x = MARGIN_X + LABEL_W + i as f32 * cell;
                        match v {
                            Some(v) => {
                                let fill = coverage_colour(*v);
                                flow.rect(x + 0.6, y + 0.6, cell - 1.2, ROW_H - 1.2, Some(fill), None);
                                let ink = if fill.lightness() < 0.55 { Colour::WHITE } else { d.text };
                                let label = if m.means { format!("{v:.1}") } else { format!("{v:.0}") };
                                flow.text_centred(x + cell / 2.0, y + 8.6, &label, Style::new(6.5, ink));
                            }
                            None => {
                                flow.rect(
                                    x + cell / 2.0 - 1.0,
                                    y + ROW_H / 2.0 - 1.0,
                                    2.0,
                                    2.0,
                                    Some(d.muted.tint(0.7)),
                                    None,
                                );
                            }
                        }
                    }
                    flow.y += ROW_H;
                    if ri + 1 < m.rows.len() {
                        flow.line(
                            vec![(MARGIN_X, flow.y), (MARGIN_X + LABEL_W + cell * n as f32, flow.y)],
                            d.muted.tint(0.88),
                            0.3,
                            false,
                        );
                    }
                }
            }
        }
        flow.y += if ci + 1 < chunks.len() { 14.0 } else { 8.0 };
    }
}

fn legend(flow: &mut Flow<'_>, means: bool) {
    let d = flow.design;
    flow.ensure(30.0);
    let y = flow.y;
    let labels = ["0 stages", "1 stage", "2 stages", "3 stages", "All 4 stages"];
    let w = CONTENT_WIDTH / 6.0;
    for (i, l) in labels.iter().enumerate() {
        let x = MARGIN_X + i as f32 * w;
        flow.rect(x, y, 14.0, 10.0, Some(coverage_colour(i as f64)), None);
        flow.text(x + 18.0, y + 8.0, l, Style::new(7.5, d.text));
    }
    let x = MARGIN_X + 5.0 * w;
    flow.rect(x + 6.0, y + 4.0, 2.0, 2.0, Some(d.muted.tint(0.7)), None);
    flow.text(x + 18.0, y + 8.0, if means { "No pairs" } else { "Not required" }, Style::new(7.5, d.text));
    flow.y += 20.0;
}

pub fn compose(flow: &mut Flow<'_>, facts: &Facts<'_>, title: &str) {
    flow.start_section(title);
    let m = facts.model;
    let pairs = &facts.diagnosis.coverage.pairs;
    let full = pairs.iter().filter(|p| p.integration == 4).count();
    let none = pairs.iter().filter(|p| p.integration == 0).count();
    let pct = |n: usize| if pairs.is_empty() { 0.0 } else { n as f64 * 100.0 / pairs.len() as f64 };
    let large = m.roles.len() > MAX_ROLES || m.competencies.len() > MAX_COMPETENCIES;
    let mut intro = format!(
        "A learning journey has four stages: introduce, practise, get feedback, find support when needed. For each competency a role requires, the cell counts how many of those stages the channels open to that role cover. Of {} required pairs, {} ({:.0}%) have the whole journey and {} ({:.0}%) have none.",
        thousands(pairs.len()),
        thousands(full),
        pct(full),
        thousands(none),
        pct(none)
    );
    if large {
        intro.push_str(" With this many roles and competencies, each cell is the mean over a role group (row) and a competency category (column).");
    }
    flow.paragraph(&intro, flow.body());
    if pairs.is_empty() {
        flow.paragraph("No role requires a competency yet, so there is nothing to cover.", flow.body().bold());
        return;
    }
    legend(flow, large);
    if large {
        draw(flow, &summarised(facts), "GROUP / CATEGORY");
    } else {
        draw(flow, &detailed(facts), "COMPETENCY / ROLE");
    }
}
