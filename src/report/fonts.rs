//! The fonts a blueprint is set in: DejaVu Sans (regular, bold) with Droid Sans Fallback for CJK, embedded from templates/fonts/.
//!
//! Metrics (which characters a face covers and how wide they are) are read once per process
//! from the font files themselves, so measuring and drawing can never disagree.

use std::collections::HashMap;
use std::sync::OnceLock;

const REGULAR: &[u8] = include_bytes!("../../templates/fonts/DejaVuSans.ttf");
const BOLD: &[u8] = include_bytes!("../../templates/fonts/DejaVuSans-Bold.ttf");
const FALLBACK: &[u8] = include_bytes!("../../templates/fonts/DroidSansFallback.ttf");

/// One font face; text is set in runs of a single face.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Face {
    Regular,
    Bold,
    /// Droid Sans Fallback: CJK and whatever DejaVu lacks (it has no bold; bold CJK is set in it too).
    Fallback,
}

/// Advance widths and glyph ids of one face, by character.
pub struct Metrics {
    units_per_em: f32,
    glyphs: HashMap<char, (u16, u16)>,
}

impl Metrics {
    fn parse(bytes: &[u8]) -> Metrics {
        let font = printpdf::ParsedFont::from_bytes(bytes, 0, &mut Vec::new())
            .expect("templates/fonts hold valid TrueType fonts (tested)");
        let glyphs = font
            .codepoint_to_glyph
            .iter()
            .filter_map(|(cp, gid)| {
                let c = char::from_u32(*cp)?;
                Some((c, (*gid, font.glyph_widths.get(gid).copied().unwrap_or(0))))
            })
            .collect();
        Metrics { units_per_em: f32::from(font.units_per_em.max(1)), glyphs }
    }

    /// The glyph id for a character, if the face has one (glyph 0 is `.notdef`: not a glyph).
    pub fn glyph(&self, c: char) -> Option<u16> {
        self.glyphs.get(&c).map(|(g, _)| *g).filter(|g| *g != 0)
    }

    /// Advance width of a character at 1 pt, in pt.
    pub fn advance(&self, c: char) -> f32 {
        self.glyphs.get(&c).map_or(0.6, |(_, w)| f32::from(*w) / self.units_per_em)
    }
}

impl Face {
    pub const ALL: [Face; 3] = [Face::Regular, Face::Bold, Face::Fallback];

    pub fn bytes(self) -> &'static [u8] {
        match self {
            Face::Regular => REGULAR,
            Face::Bold => BOLD,
            Face::Fallback => FALLBACK,
        }
    }

    /// The PostScript name written into the PDF.
    pub fn postscript_name(self) -> &'static str {
        match self {
            Face::Regular => "DejaVuSans",
            Face::Bold => "DejaVuSans-Bold",
            Face::Fallback => "DroidSansFallback",
        }
    }

    pub fn metrics(self) -> &'static Metrics {
        static REG: OnceLock<Metrics> = OnceLock::new();
        static BLD: OnceLock<Metrics> = OnceLock::new();
        static FBK: OnceLock<Metrics> = OnceLock::new();
        match self {
            Face::Regular => REG.get_or_init(|| Metrics::parse(REGULAR)),
            Face::Bold => BLD.get_or_init(|| Metrics::parse(BOLD)),
            Face::Fallback => FBK.get_or_init(|| Metrics::parse(FALLBACK)),
        }
    }

    pub fn covers(self, c: char) -> bool {
        self.metrics().glyph(c).is_some()
    }

    /// The face a character is set in: DejaVu when it has the glyph, else the fallback when it
    /// has it, else DejaVu (which draws its `.notdef` box: see `uncovered`).
    pub fn for_char(c: char, bold: bool) -> Face {
        let main = if bold { Face::Bold } else { Face::Regular };
        // ASCII is always in DejaVu: skip the look-ups for the common case.
        if c.is_ascii() || main.covers(c) {
            return main;
        }
        if bold && Face::Regular.covers(c) {
            return Face::Regular;
        }
        if Face::Fallback.covers(c) {
            return Face::Fallback;
        }
        main
    }
}

/// The characters of `text` that no shipped face can draw (they would show as empty boxes).
pub fn uncovered(text: &str) -> Vec<char> {
    let mut out: Vec<char> = text
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .filter(|c| !Face::for_char(*c, false).covers(*c))
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_script_the_blueprint_promises_has_a_face() {
        for (c, face) in [
            ('a', Face::Regular),
            ('ł', Face::Regular),
            ('ş', Face::Regular),
            ('λ', Face::Regular),
            ('学', Face::Fallback),
        ] {
            assert_eq!(Face::for_char(c, false), face, "{c}");
            assert!(Face::for_char(c, false).covers(c), "{c}");
        }
        assert_eq!(Face::for_char('学', true), Face::Fallback, "CJK in bold text falls back too");
        assert!(uncovered("Zażółć gęślą jaźń, Çalışkan, Ελληνικά, 学习生态系统").is_empty());
    }

    #[test]
    fn bold_is_wider_than_regular() {
        let w = |f: Face| "Blueprint".chars().map(|c| f.metrics().advance(c)).sum::<f32>();
        assert!(w(Face::Bold) > w(Face::Regular));
    }
}
