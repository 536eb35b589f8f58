//! The contents page: each section after it with its page number, filled in once the sections are laid out.

use crate::report::flow::{Flow, CONTENT_WIDTH, MARGIN_X};
use crate::report::layout::OutlineEntry;
use crate::report::text::{self, Style};

/// Starts the contents section; returns its page, to fill in last.
pub fn reserve(flow: &mut Flow<'_>, title: &str) -> usize {
    flow.start_section(title);
    flow.page_index()
}

/// Writes the entries (sections after the contents page) onto the reserved page.
pub fn fill(flow: &mut Flow<'_>, page: usize, entries: &[OutlineEntry]) {
    let d = flow.design;
    flow.on_page(page, |flow| {
        flow.y = 80.0 + 60.0;
        let style = Style::new(11.5, d.text);
        let number_w = 40.0;
        for (i, e) in entries.iter().filter(|e| e.page > page).enumerate() {
            let num = format!("{}", i + 1);
            let page_no = format!("{}", e.page + 1);
            let avail = CONTENT_WIDTH - number_w - 50.0;
            let lines = text::wrap(&e.title, &style, avail);
            let top = flow.y;
            flow.text(MARGIN_X, top + style.size * 1.05, &num, style.bold().coloured(d.accent));
            let h = flow.lines_at(MARGIN_X + number_w * 0.6, top, &lines, style);
            let last_w = text::width(lines.last().map_or("", String::as_str), style.size, false);
            let base = top + h - style.line_height() + style.size * 1.05;
            let from = MARGIN_X + number_w * 0.6 + last_w + 6.0;
            let to = MARGIN_X + CONTENT_WIDTH - text::width(&page_no, style.size, true) - 6.0;
            if to > from {
                flow.line(vec![(from, base), (to, base)], d.muted.tint(0.5), 0.6, true);
            }
            flow.text_right(MARGIN_X + CONTENT_WIDTH, base, &page_no, style.bold());
            flow.y += h + 12.0;
        }
    });
}
