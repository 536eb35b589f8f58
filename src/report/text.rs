//! Setting text: styles, measuring, wrapping to a width, and splitting lines into runs of one face.
//!
//! What users typed is only ever measured and drawn here, never interpreted: control
//! characters are dropped, tabs become spaces, and nothing is parsed as markup.

use super::fonts::Face;
use super::layout::Colour;
use crate::model::typed::is_invisible_control;

/// How a piece of text looks.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Style {
    pub size: f32,
    pub bold: bool,
    pub colour: Colour,
}

impl Style {
    pub fn new(size: f32, colour: Colour) -> Style {
        Style { size, bold: false, colour }
    }

    pub fn bold(self) -> Style {
        Style { bold: true, ..self }
    }

    pub fn sized(self, size: f32) -> Style {
        Style { size, ..self }
    }

    pub fn coloured(self, colour: Colour) -> Style {
        Style { colour, ..self }
    }

    /// Baseline-to-baseline distance.
    pub fn line_height(&self) -> f32 {
        self.size * 1.4
    }
}

/// The text with control characters removed and tabs as spaces; newlines are kept.
pub fn clean(text: &str) -> String {
    text.chars()
        .filter_map(|c| match c {
            '\n' => Some('\n'),
            '\t' => Some(' '),
            c if c.is_control() => None,
            c => Some(c),
        })
        .collect()
}

/// The width of `text` in points.
pub fn width(text: &str, size: f32, bold: bool) -> f32 {
    text.chars()
        .filter(|c| !is_invisible_control(*c))
        .map(|c| Face::for_char(c, bold).metrics().advance(c))
        .sum::<f32>()
        * size
}

/// `text` split into runs that each use one face.
pub fn runs(text: &str, bold: bool) -> Vec<(Face, String)> {
    let mut out: Vec<(Face, String)> = Vec::new();
    for c in text.chars().filter(|c| !is_invisible_control(*c)) {
        let face = Face::for_char(c, bold);
        match out.last_mut() {
            Some((f, s)) if *f == face || c == ' ' => s.push(c),
            _ => out.push((face, c.to_string())),
        }
    }
    out
}

/// CJK and other wide characters: a line may break before or after any of them.
fn breaks_anywhere(c: char) -> bool {
    matches!(c as u32,
        0x1100..=0x11FF | 0x2E80..=0x303F | 0x3040..=0x30FF | 0x3100..=0x31FF | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF | 0xA960..=0xA97F | 0xAC00..=0xD7AF | 0xF900..=0xFAFF | 0xFF00..=0xFFEF
        | 0x20000..=0x2FA1F)
}

/// Words with their trailing spaces; wide characters are words of their own.
fn tokens(paragraph: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut in_space = false;
    for (i, c) in paragraph.char_indices() {
        let wide = breaks_anywhere(c);
        if (in_space && c != ' ') || (wide && i > start) {
            out.push(&paragraph[start..i]);
            start = i;
        }
        in_space = c == ' ';
        if wide {
            let end = i + c.len_utf8();
            out.push(&paragraph[start..end]);
            start = end;
            in_space = false;
        }
    }
    if start < paragraph.len() {
        out.push(&paragraph[start..]);
    }
    out
}

/// Breaks a word wider than the line into pieces that fit.
fn split_long(word: &str, size: f32, bold: bool, max: f32) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut w = 0.0;
    for c in word.chars() {
        let cw = Face::for_char(c, bold).metrics().advance(c) * size;
        if w + cw > max && !cur.is_empty() {
            out.push(std::mem::take(&mut cur));
            w = 0.0;
        }
        cur.push(c);
        w += cw;
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// Wraps `text` into lines no wider than `max` points; newlines start new lines. Never
/// returns a line wider than `max` unless a single character is.
pub fn wrap(text: &str, style: &Style, max: f32) -> Vec<String> {
    let text = clean(text);
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        let mut line = String::new();
        let mut line_w = 0.0;
        for token in tokens(paragraph) {
            let tw = width(token, style.size, style.bold);
            let visible = width(token.trim_end(), style.size, style.bold);
            if line_w + visible <= max + 0.01 {
                line.push_str(token);
                line_w += tw;
                continue;
            }
            if !line.trim().is_empty() {
                lines.push(line.trim_end().to_owned());
            }
            line = String::new();
            if visible > max {
                let mut pieces = split_long(token.trim_end(), style.size, style.bold, max);
                let last = pieces.pop().unwrap_or_default();
                lines.extend(pieces);
                line_w = width(&last, style.size, style.bold);
                line = last;
                if token.ends_with(' ') {
                    line.push(' ');
                    line_w += width(" ", style.size, style.bold);
                }
            } else {
                line.push_str(token);
                line_w = tw;
            }
        }
        lines.push(line.trim_end().to_owned());
    }
    lines
}

/// The text shortened with an ellipsis to fit `max` points.
pub fn fit(text: &str, size: f32, bold: bool, max: f32) -> String {
    let text = clean(text).replace('\n', " ");
    if width(&text, size, bold) <= max {
        return text;
    }
    let ellipsis = width("…", size, bold);
    let mut out = String::new();
    let mut w = 0.0;
    for c in text.chars() {
        let cw = Face::for_char(c, bold).metrics().advance(c) * size;
        if w + cw + ellipsis > max {
            break;
        }
        out.push(c);
        w += cw;
    }
    out.trim_end().to_owned() + "…"
}

#[cfg(test)]
mod tests {
    use super::*;

    fn style() -> Style {
        Style::new(10.0, Colour(0, 0, 0))
    }

    #[test]
    fn lines_never_exceed_the_width_and_keep_every_word() {
        let text = "Warehouse Management System Operation for the Customer Service Team Lead and Dispatchers";
        for max in [40.0, 90.0, 200.0] {
            let lines = wrap(text, &style(), max);
            for l in &lines {
                assert!(width(l, 10.0, false) <= max + 0.01 || l.chars().count() == 1, "{l:?} at {max}");
            }
            assert_eq!(
                lines.join(" ").split_whitespace().collect::<String>(),
                text.split_whitespace().collect::<String>()
            );
        }
    }

    #[test]
    fn a_word_longer_than_the_line_is_broken_and_cjk_breaks_between_characters() {
        let lines = wrap("Donaudampfschifffahrtsgesellschaftskapitän", &style(), 60.0);
        assert!(lines.len() > 2, "{lines:?}");
        let cjk = wrap("学习生态系统设计学习生态系统设计", &style(), 45.0);
        assert!(cjk.len() >= 3 && cjk.iter().all(|l| width(l, 10.0, false) <= 45.0), "{cjk:?}");
    }

    #[test]
    fn newlines_and_control_characters() {
        assert_eq!(wrap("a\nb\u{7}c\td", &style(), 500.0), vec!["a", "bc d"]);
        assert_eq!(wrap("", &style(), 100.0), vec![""]);
    }

    #[test]
    fn runs_switch_face_for_cjk_and_fit_adds_an_ellipsis() {
        let r = runs("Team 学习 lead", false);
        assert_eq!(r.iter().map(|(f, _)| *f).collect::<Vec<_>>(), vec![Face::Regular, Face::Fallback, Face::Regular]);
        assert_eq!(r.iter().map(|(_, s)| s.as_str()).collect::<String>(), "Team 学习 lead");
        let f = fit("A very long engagement name that will not fit", 10.0, false, 80.0);
        assert!(f.ends_with('…') && width(&f, 10.0, false) <= 80.0, "{f}");
    }

    #[test]
    fn controls_and_bidi_overrides_never_reach_the_page() {
        // A note typed on a phone: an escape sequence and a right-to-left override.
        let note = "ok\u{1b}[31m red \u{202E}evil\u{202C} \u{7}done";
        let drawn: String = runs(note, false).into_iter().map(|(_, s)| s).collect();
        assert_eq!(drawn, "ok[31m red evil done");
        assert!(!is_invisible_control('é') && !is_invisible_control('中') && is_invisible_control('\u{2067}'));
    }
}
