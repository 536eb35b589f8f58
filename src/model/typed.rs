//! What people type, as every face must show it: text, never an instruction to the viewer.

/// Characters that are not text but instructions to whatever shows it: C0 and C1 controls
/// (a terminal's escape sequences among them) and the bidirectional embeddings, overrides and
/// isolates, which could make a participant's note read in another order than it was typed.
/// They have no glyph, so leaving them out, or showing them escaped, loses nothing meant to be
/// read. The PDF leaves them out; the command line shows them as `\u{..}`.
pub fn is_invisible_control(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// `text` for a terminal: every invisible control but the line break written as `\u{1b}`, so
/// that a name or note typed on a phone cannot move the cursor, recolour the screen or reorder
/// what the consultant reads.
pub fn for_terminal(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.chars().any(|c| c != '\n' && is_invisible_control(c)) {
        return text.into();
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if c != '\n' && is_invisible_control(c) {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    out.into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_and_overrides_are_shown_not_obeyed() {
        assert_eq!(for_terminal("Ops\u{1b}[2J\u{202E}lla\nnext"), "Ops\\u{1b}[2J\\u{202e}lla\nnext");
        assert!(matches!(for_terminal("Café 学习\n"), std::borrow::Cow::Borrowed(_)));
        assert!(is_invisible_control('\u{7}') && is_invisible_control('\u{2066}') && !is_invisible_control('é'));
    }
}
