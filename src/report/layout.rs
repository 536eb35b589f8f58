//! The page model of a blueprint: pages of positioned text runs, rules, boxes and an image, as plain data.
//!
//! Coordinates are in points from the top-left corner of an A4 page, y growing downwards;
//! `render` turns them into PDF space. `to_text` prints a document for snapshot tests.

use super::fonts::Face;
use std::fmt::Write;

/// A4 in points.
pub const PAGE_WIDTH: f32 = 595.28;
pub const PAGE_HEIGHT: f32 = 841.89;

/// An sRGB colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Colour(pub u8, pub u8, pub u8);

impl Colour {
    pub const WHITE: Colour = Colour(255, 255, 255);

    /// Parses `#RRGGBB`.
    pub fn hex(text: &str) -> Option<Colour> {
        let h = text.strip_prefix('#')?;
        if h.len() != 6 || !h.is_ascii() {
            return None;
        }
        let byte = |i: usize| u8::from_str_radix(&h[i..i + 2], 16).ok();
        Some(Colour(byte(0)?, byte(2)?, byte(4)?))
    }

    /// This colour moved towards `other` by `t` (0: this colour, 1: the other).
    pub fn mix(self, other: Colour, t: f32) -> Colour {
        let m = |a: u8, b: u8| (f32::from(a) + (f32::from(b) - f32::from(a)) * t.clamp(0.0, 1.0)).round() as u8;
        Colour(m(self.0, other.0), m(self.1, other.1), m(self.2, other.2))
    }

    /// A tint: the colour mixed with white.
    pub fn tint(self, t: f32) -> Colour {
        self.mix(Colour::WHITE, t)
    }

    /// Perceived lightness 0-1, to choose dark or light text on a fill.
    pub fn lightness(self) -> f32 {
        (0.299 * f32::from(self.0) + 0.587 * f32::from(self.1) + 0.114 * f32::from(self.2)) / 255.0
    }
}

/// Text in one face, its baseline starting at (x, y).
#[derive(Debug, Clone, PartialEq)]
pub struct TextRun {
    pub x: f32,
    pub y: f32,
    pub size: f32,
    pub face: Face,
    pub colour: Colour,
    /// Degrees counter-clockwise around (x, y); 0 for ordinary text.
    pub angle: f32,
    pub text: String,
}

impl TextRun {
    /// The advance width of the run in points.
    pub fn width(&self) -> f32 {
        let m = self.face.metrics();
        self.text.chars().map(|c| m.advance(c)).sum::<f32>() * self.size
    }
}

/// Something drawn on a page.
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    Text(TextRun),
    /// A box from its top-left corner, filled and/or outlined.
    Rect {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        fill: Option<Colour>,
        stroke: Option<(Colour, f32)>,
    },
    /// A polyline; `dash` draws it dashed.
    Line {
        points: Vec<(f32, f32)>,
        colour: Colour,
        width: f32,
        dash: bool,
    },
    /// A filled closed shape (arrow heads, markers).
    Shape {
        points: Vec<(f32, f32)>,
        fill: Colour,
    },
    /// The logo, scaled into the box.
    Logo {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
    },
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Page {
    pub items: Vec<Item>,
}

/// A bookmark: a section title and the page (0-based) it starts on.
#[derive(Debug, Clone, PartialEq)]
pub struct OutlineEntry {
    pub title: String,
    pub page: usize,
}

/// A decoded logo: 8-bit RGBA pixels.
#[derive(Debug, Clone, PartialEq)]
pub struct Logo {
    pub width: usize,
    pub height: usize,
    pub rgba: Vec<u8>,
}

/// Document information written into the PDF.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Info {
    pub title: String,
    pub author: String,
    pub subject: String,
    pub creator: String,
    /// `YYYY-MM-DD`: the creation and modification date.
    pub date: String,
}

/// A laid-out blueprint, ready to render.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Document {
    pub info: Info,
    pub pages: Vec<Page>,
    pub outline: Vec<OutlineEntry>,
    pub logo: Option<Logo>,
}

fn hex(c: Colour) -> String {
    format!("#{:02x}{:02x}{:02x}", c.0, c.1, c.2)
}

impl Document {
    /// Every text run in reading order, joined: what a text extractor should find.
    pub fn plain_text(&self) -> String {
        let mut s = String::new();
        for page in &self.pages {
            for item in &page.items {
                if let Item::Text(t) = item {
                    s.push_str(&t.text);
                    s.push('\n');
                }
            }
        }
        s
    }

    /// A line per item, for snapshot tests of the layout step.
    pub fn to_text(&self) -> String {
        let mut s = String::new();
        let _ = writeln!(
            s,
            "info title={:?} author={:?} creator={:?} date={}",
            self.info.title, self.info.author, self.info.creator, self.info.date
        );
        for o in &self.outline {
            let _ = writeln!(s, "outline p{} {:?}", o.page + 1, o.title);
        }
        for (i, page) in self.pages.iter().enumerate() {
            let _ = writeln!(s, "page {}", i + 1);
            for item in &page.items {
                let _ = match item {
                    Item::Text(t) => writeln!(
                        s,
                        "  text {:.1},{:.1} {:.1}pt {:?} {}{} {:?}",
                        t.x,
                        t.y,
                        t.size,
                        t.face,
                        hex(t.colour),
                        if t.angle == 0.0 { String::new() } else { format!(" rot{}", t.angle) },
                        t.text
                    ),
                    Item::Rect { x, y, w, h, fill, stroke } => writeln!(
                        s,
                        "  rect {x:.1},{y:.1} {w:.1}x{h:.1}{}{}",
                        fill.map(|c| format!(" fill {}", hex(c))).unwrap_or_default(),
                        stroke.map(|(c, w)| format!(" stroke {} {w:.1}", hex(c))).unwrap_or_default()
                    ),
                    Item::Line { points, colour, width, dash } => writeln!(
                        s,
                        "  line {} {} {width:.1}{}",
                        points.iter().map(|(x, y)| format!("{x:.1},{y:.1}")).collect::<Vec<_>>().join(" "),
                        hex(*colour),
                        if *dash { " dashed" } else { "" }
                    ),
                    Item::Shape { points, fill } => writeln!(
                        s,
                        "  shape {} {}",
                        points.iter().map(|(x, y)| format!("{x:.1},{y:.1}")).collect::<Vec<_>>().join(" "),
                        hex(*fill)
                    ),
                    Item::Logo { x, y, w, h } => writeln!(s, "  logo {x:.1},{y:.1} {w:.1}x{h:.1}"),
                };
            }
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colours_parse_and_mix() {
        assert_eq!(Colour::hex("#1F3A5F"), Some(Colour(0x1f, 0x3a, 0x5f)));
        assert_eq!(Colour::hex("1F3A5F"), None);
        assert_eq!(Colour::hex("#12345"), None);
        assert_eq!(Colour(0, 0, 0).tint(1.0), Colour::WHITE);
        assert_eq!(Colour(0, 100, 200).mix(Colour(100, 100, 0), 0.5), Colour(50, 100, 100));
    }
}
