//! Tables that wrap their cells, break across pages and repeat their header row on each page.

use super::flow::{Flow, MARGIN_X};
use super::layout::Colour;
use super::text::{self, Style};

const PAD_X: f32 = 4.0;
const PAD_Y: f32 = 2.5;
/// Lines in a cell sit closer than in running text (1.4): a table is read row by row, and
/// its rules and banding already separate the rows.
const LEADING: f32 = 1.2;
/// The first baseline below a cell's top padding, as a share of the type size.
const BASELINE: f32 = 0.95;
/// The space below a table.
const AFTER: f32 = 6.0;

fn leading(style: &Style) -> f32 {
    style.size * LEADING
}

/// Left-aligned lines of a cell, the first line box's top at `top`.
fn cell_lines(flow: &mut Flow<'_>, x: f32, top: f32, lines: &[String], style: Style) {
    for (i, line) in lines.iter().enumerate() {
        flow.text(x, top + i as f32 * leading(&style) + style.size * BASELINE, line, style);
    }
}

/// A column: its heading and width in points.
pub struct Column {
    pub title: String,
    pub width: f32,
    pub right: bool,
}

impl Column {
    pub fn new(title: &str, width: f32) -> Column {
        Column { title: title.to_owned(), width, right: false }
    }

    pub fn right(title: &str, width: f32) -> Column {
        Column { title: title.to_owned(), width, right: true }
    }
}

/// One cell: text, optionally bold or coloured, with an optional background or a colour chip.
#[derive(Default, Clone)]
pub struct Cell {
    pub text: String,
    pub bold: bool,
    pub colour: Option<Colour>,
    pub fill: Option<Colour>,
    /// A small coloured square before the text (channel kind, severity).
    pub chip: Option<Colour>,
}

impl Cell {
    pub fn new(text: impl Into<String>) -> Cell {
        Cell { text: text.into(), ..Cell::default() }
    }

    pub fn bold(mut self) -> Cell {
        self.bold = true;
        self
    }

    pub fn colour(mut self, c: Colour) -> Cell {
        self.colour = Some(c);
        self
    }

    pub fn chip(mut self, c: Colour) -> Cell {
        self.chip = Some(c);
        self
    }
}

pub struct Table {
    pub columns: Vec<Column>,
    pub rows: Vec<Vec<Cell>>,
    pub size: f32,
}

fn header(flow: &mut Flow<'_>, x0: f32, columns: &[Column], size: f32) {
    let style = Style::new(size, Colour::WHITE).bold();
    let wrapped: Vec<Vec<String>> =
        columns.iter().map(|c| text::wrap(&c.title, &style, c.width - 2.0 * PAD_X)).collect();
    let lines = wrapped.iter().map(Vec::len).max().unwrap_or(1) as f32;
    let h = lines * leading(&style) + 2.0 * PAD_Y;
    let total: f32 = columns.iter().map(|c| c.width).sum();
    let top = flow.y;
    flow.rect(x0, top, total, h, Some(flow.design.primary), None);
    let mut x = x0;
    for (c, lines) in columns.iter().zip(&wrapped) {
        if c.right {
            for (i, l) in lines.iter().enumerate() {
                let y = top + PAD_Y + i as f32 * leading(&style) + style.size * BASELINE;
                flow.text_right(x + c.width - PAD_X, y, l, style);
            }
        } else {
            cell_lines(flow, x + PAD_X, top + PAD_Y, lines, style);
        }
        x += c.width;
    }
    flow.y += h;
}

/// The height the table takes when drawn whole (header and every row).
pub fn height(table: &Table) -> f32 {
    opening(table, table.rows.len())
}

/// The height of the header and the first `rows` rows (with the space below, as if whole):
/// what a heading above the table must be kept with.
pub fn opening(table: &Table, rows: usize) -> f32 {
    let body = Style::new(table.size, Colour::WHITE);
    let lines = |text: &str, style: &Style, w: f32| text::wrap(text, style, w).len().max(1) as f32;
    let header = table.columns.iter().map(|c| lines(&c.title, &body.bold(), c.width - 2.0 * PAD_X)).fold(1.0, f32::max);
    let rows: f32 = table
        .rows
        .iter()
        .take(rows)
        .map(|row| {
            let n = row
                .iter()
                .zip(&table.columns)
                .map(|(cell, col)| {
                    let style = if cell.bold { body.bold() } else { body };
                    let chip = if cell.chip.is_some() { body.size + 2.0 } else { 0.0 };
                    lines(&cell.text, &style, col.width - 2.0 * PAD_X - chip)
                })
                .fold(1.0, f32::max);
            n * leading(&body) + 2.0 * PAD_Y
        })
        .sum();
    header * leading(&body) + 2.0 * PAD_Y + rows + AFTER
}

/// Draws the table at the cursor. A row never splits; a page break repeats the header.
pub fn draw(flow: &mut Flow<'_>, table: &Table) {
    draw_at(flow, MARGIN_X, table);
}

/// Draws the table at the cursor with its left edge at `x0` (a table beside another).
pub fn draw_at(flow: &mut Flow<'_>, x0: f32, table: &Table) {
    let body = Style::new(table.size, flow.design.text);
    let total: f32 = table.columns.iter().map(|c| c.width).sum();
    let header_h = {
        let style = body.bold();
        let lines = table.columns.iter().map(|c| text::wrap(&c.title, &style, c.width - 2.0 * PAD_X).len()).max();
        lines.unwrap_or(1) as f32 * leading(&style) + 2.0 * PAD_Y
    };
    let laid: Vec<(Vec<Vec<String>>, f32)> = table
        .rows
        .iter()
        .map(|row| {
            let wrapped: Vec<Vec<String>> = row
                .iter()
                .zip(&table.columns)
                .map(|(cell, col)| {
                    let style = if cell.bold { body.bold() } else { body };
                    let chip = if cell.chip.is_some() { body.size + 2.0 } else { 0.0 };
                    text::wrap(&cell.text, &style, col.width - 2.0 * PAD_X - chip)
                })
                .collect();
            let lines = wrapped.iter().map(Vec::len).max().unwrap_or(1).max(1) as f32;
            (wrapped, lines * leading(&body) + 2.0 * PAD_Y)
        })
        .collect();
    let n = laid.len();
    for (r, (row, (wrapped, h))) in table.rows.iter().zip(&laid).enumerate() {
        let h = *h;
        // The last row never goes to a new page alone: the one before it goes with it.
        let keep = if n >= 3 && r == n - 2 { h + laid[n - 1].1 } else { h };
        if r == 0 {
            flow.ensure(header_h + h);
            header(flow, x0, &table.columns, table.size);
        } else if flow.ensure(keep) {
            header(flow, x0, &table.columns, table.size);
        }
        let top = flow.y;
        if r % 2 == 1 {
            flow.rect(x0, top, total, h, Some(flow.design.muted.tint(0.93)), None);
        }
        let mut x = x0;
        for ((cell, col), lines) in row.iter().zip(&table.columns).zip(wrapped) {
            if let Some(fill) = cell.fill {
                flow.rect(x, top, col.width, h, Some(fill), None);
            }
            let mut style = if cell.bold { body.bold() } else { body };
            if let Some(c) = cell.colour {
                style = style.coloured(c);
            }
            let mut tx = x + PAD_X;
            if let Some(chip) = cell.chip {
                let s = body.size * 0.8;
                flow.rect(tx, top + PAD_Y + (leading(&body) - s) / 2.0, s, s, Some(chip), None);
                tx += body.size + 2.0;
            }
            if col.right {
                for (i, l) in lines.iter().enumerate() {
                    let y = top + PAD_Y + i as f32 * leading(&style) + style.size * BASELINE;
                    flow.text_right(x + col.width - PAD_X, y, l, style);
                }
            } else {
                cell_lines(flow, tx, top + PAD_Y, lines, style);
            }
            x += col.width;
        }
        flow.y += h;
        flow.line(vec![(x0, flow.y), (x0 + total, flow.y)], flow.design.muted.tint(0.75), 0.4, false);
    }
    flow.y += AFTER;
}
