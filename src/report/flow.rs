//! Flowing content down pages: a cursor, page breaks, section starts with their bookmarks, and the running header and footer.

use super::design::Design;
use super::layout::{Colour, Document, Info, Item, Logo, OutlineEntry, Page, TextRun, PAGE_HEIGHT, PAGE_WIDTH};
use super::text::{self, Style};

pub const MARGIN_X: f32 = 56.0;
pub const CONTENT_WIDTH: f32 = PAGE_WIDTH - 2.0 * MARGIN_X;
/// Where content starts below the running header, and where it must end above the footer.
pub const TOP: f32 = 80.0;
pub const BOTTOM: f32 = PAGE_HEIGHT - 64.0;

/// The pages being laid out and the cursor on the current one.
pub struct Flow<'d> {
    pub design: &'d Design,
    pages: Vec<Page>,
    /// The section title each page shows in its running header; `None`: no header or footer (the cover).
    running: Vec<Option<String>>,
    current: usize,
    section: Option<String>,
    pub y: f32,
    pub outline: Vec<OutlineEntry>,
}

impl<'d> Flow<'d> {
    pub fn new(design: &'d Design) -> Flow<'d> {
        Flow { design, pages: Vec::new(), running: Vec::new(), current: 0, section: None, y: TOP, outline: Vec::new() }
    }

    /// Base body style in the layout's text colour.
    pub fn body(&self) -> Style {
        Style::new(9.5, self.design.text)
    }

    pub fn muted(&self) -> Style {
        Style::new(8.5, self.design.muted)
    }

    pub fn page_index(&self) -> usize {
        self.current
    }

    pub fn new_page(&mut self) {
        self.pages.push(Page::default());
        self.running.push(self.section.clone());
        self.current = self.pages.len() - 1;
        self.y = TOP;
    }

    /// A page without running header or footer (the cover).
    pub fn bare_page(&mut self) {
        self.section = None;
        self.new_page();
    }

    /// Draws on an earlier page (the contents, filled in last), then comes back.
    pub fn on_page(&mut self, index: usize, draw: impl FnOnce(&mut Flow<'d>)) {
        let (was, y) = (self.current, self.y);
        self.current = index;
        self.y = TOP;
        draw(self);
        self.current = was;
        self.y = y;
    }

    /// Starts a section on a new page: its bookmark, its heading and the running header.
    pub fn start_section(&mut self, title: &str) {
        self.section = Some(title.to_owned());
        self.new_page();
        self.outline.push(OutlineEntry { title: title.to_owned(), page: self.current });
        let d = self.design;
        self.rect(MARGIN_X, self.y, 36.0, 3.0, Some(d.accent), None);
        self.y += 10.0;
        let style = Style::new(20.0, d.primary).bold();
        for line in text::wrap(title, &style, CONTENT_WIDTH) {
            let y = self.y + style.size;
            self.text(MARGIN_X, y, &line, style);
            self.y += style.line_height();
        }
        self.y += 10.0;
    }

    /// Makes sure `height` fits below the cursor, starting a new page if not (and if the page
    /// is not already empty). Returns true when it broke the page.
    pub fn ensure(&mut self, height: f32) -> bool {
        if self.y + height > BOTTOM && self.y > TOP + 0.5 {
            self.new_page();
            return true;
        }
        false
    }

    pub fn push(&mut self, item: Item) {
        self.pages[self.current].items.push(item);
    }

    pub fn rect(&mut self, x: f32, y: f32, w: f32, h: f32, fill: Option<Colour>, stroke: Option<(Colour, f32)>) {
        self.push(Item::Rect { x, y, w, h, fill, stroke });
    }

    pub fn line(&mut self, points: Vec<(f32, f32)>, colour: Colour, width: f32, dash: bool) {
        self.push(Item::Line { points, colour, width, dash });
    }

    /// One line of text with its baseline at `y`, split into runs by face. No wrapping.
    pub fn text(&mut self, x: f32, y: f32, line: &str, style: Style) {
        self.text_rotated(x, y, line, style, 0.0);
    }

    pub fn text_rotated(&mut self, x: f32, y: f32, line: &str, style: Style, angle: f32) {
        let (cos, sin) = (angle.to_radians().cos(), angle.to_radians().sin());
        let mut advance = 0.0;
        for (face, run) in text::runs(line, style.bold) {
            let w = text::width(&run, style.size, style.bold);
            if !run.trim().is_empty() {
                self.push(Item::Text(TextRun {
                    x: x + advance * cos,
                    y: y - advance * sin,
                    size: style.size,
                    face,
                    colour: style.colour,
                    angle,
                    text: run,
                }));
            }
            advance += w;
        }
    }

    pub fn text_right(&mut self, right: f32, y: f32, line: &str, style: Style) {
        let w = text::width(line, style.size, style.bold);
        self.text(right - w, y, line, style);
    }

    pub fn text_centred(&mut self, centre: f32, y: f32, line: &str, style: Style) {
        let w = text::width(line, style.size, style.bold);
        self.text(centre - w / 2.0, y, line, style);
    }

    /// Draws wrapped lines from `top` (the top of the first line box); returns their height.
    pub fn lines_at(&mut self, x: f32, top: f32, lines: &[String], style: Style) -> f32 {
        for (i, line) in lines.iter().enumerate() {
            self.text(x, top + i as f32 * style.line_height() + style.size * 1.05, line, style);
        }
        lines.len() as f32 * style.line_height()
    }

    /// A wrapped paragraph at the cursor, breaking pages between lines, never leaving its
    /// first line alone at the foot of a page nor its last alone at the top of the next.
    pub fn paragraph_in(&mut self, x: f32, width: f32, text: &str, style: Style) {
        let lines = text::wrap(text, &style, width);
        let n = lines.len();
        for (i, line) in lines.into_iter().enumerate() {
            let keep = if n >= 2 && (i == 0 || i + 2 == n) { 2.0 } else { 1.0 };
            self.ensure(keep * style.line_height());
            let top = self.y;
            self.lines_at(x, top, std::slice::from_ref(&line), style);
            self.y += style.line_height();
        }
    }

    pub fn paragraph(&mut self, text: &str, style: Style) {
        self.paragraph_in(MARGIN_X, CONTENT_WIDTH, text, style);
        self.y += style.size * 0.6;
    }

    /// A sub-heading, kept with at least `keep` points of what follows.
    pub fn heading(&mut self, title: &str, keep: f32) {
        let style = Style::new(13.0, self.design.primary).bold();
        let lines = text::wrap(title, &style, CONTENT_WIDTH);
        let h = lines.len() as f32 * style.line_height() + 6.0;
        self.ensure(h + keep);
        self.y += 4.0;
        let top = self.y;
        self.y += self.lines_at(MARGIN_X, top, &lines, style) + 2.0;
    }

    /// A smaller heading (bold body text) kept with what follows.
    pub fn subheading(&mut self, title: &str, keep: f32) {
        let style = self.body().bold().sized(10.5);
        let lines = text::wrap(title, &style, CONTENT_WIDTH);
        let h = lines.len() as f32 * style.line_height();
        self.ensure(h + keep);
        let top = self.y;
        self.y += self.lines_at(MARGIN_X, top, &lines, style) + 1.0;
    }

    /// Adds the running header and footer and returns the document.
    pub fn finish(mut self, info: Info, running_title: &str, footer: &str, logo: Option<Logo>) -> Document {
        let total = self.pages.len();
        let d = self.design;
        let small = Style::new(7.5, d.muted);
        for i in 0..total {
            let Some(section) = self.running[i].clone() else { continue };
            self.current = i;
            let right = MARGIN_X + CONTENT_WIDTH;
            let section = text::fit(&section, small.size, false, CONTENT_WIDTH * 0.45);
            let left = text::fit(running_title, small.size, true, CONTENT_WIDTH * 0.5);
            self.text(MARGIN_X, 42.0, &left, small.bold().coloured(d.primary));
            self.text_right(right, 42.0, &section, small);
            self.line(vec![(MARGIN_X, 49.0), (right, 49.0)], d.muted.tint(0.7), 0.5, false);
            let fy = PAGE_HEIGHT - 34.0;
            self.line(vec![(MARGIN_X, fy - 11.0), (right, fy - 11.0)], d.muted.tint(0.7), 0.5, false);
            let number = format!("Page {} of {total}", i + 1);
            let number_w = text::width(&number, small.size, false);
            self.text(MARGIN_X, fy, &text::fit(footer, small.size, false, CONTENT_WIDTH - number_w - 24.0), small);
            self.text_right(right, fy, &number, small);
        }
        Document { info, pages: self.pages, outline: self.outline, logo }
    }
}
