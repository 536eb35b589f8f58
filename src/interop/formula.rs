//! Formula injection: a csv cell a spreadsheet would run as a formula is written behind a `'`, and the csv importers take exactly that `'` off again, so a round trip loses nothing.
//!
//! The rule (OWASP's "CSV injection"): a cell that begins with `=`, `+`, `-`, `@`, a tab or a
//! carriage return is written with a leading `'`, which spreadsheets show as text. So that a
//! cell that really begins with `'` reads back as typed, a cell beginning with `'` followed by
//! one of those characters or by another `'` gets one too. Reading undoes exactly that: a cell
//! that is `'` followed by a cell needing the guard loses its first `'`; no other cell changes.

use std::borrow::Cow;

/// The characters that make a spreadsheet read a cell as a formula.
const TRIGGERS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

fn needs_guard(cell: &str) -> bool {
    let mut chars = cell.chars();
    match chars.next() {
        Some('\'') => chars.next().is_some_and(|c| c == '\'' || TRIGGERS.contains(&c)),
        Some(c) => TRIGGERS.contains(&c),
        None => false,
    }
}

/// The cell as written to a csv file meant for spreadsheets.
pub fn protect(cell: &str) -> Cow<'_, str> {
    if needs_guard(cell) {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

/// The cell as it was before `protect`.
pub fn unprotect(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if needs_guard(rest) => rest,
        _ => cell,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_guarded_and_every_cell_reads_back_as_typed() {
        assert_eq!(protect("=HYPERLINK(\"http://x\")"), "'=HYPERLINK(\"http://x\")");
        assert_eq!(protect("+1"), "'+1");
        assert_eq!(protect("-2"), "'-2");
        assert_eq!(protect("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(protect("\tx"), "'\tx");
        assert_eq!(protect("\rx"), "'\rx");
        assert_eq!(protect("Plain, text"), "Plain, text");
        assert_eq!(protect("'tis"), "'tis", "an apostrophe before ordinary text is left alone");
        for cell in ["=1+1", "'=1+1", "''=1", "'", "''", "'tis", "a=b", "", "-", "@", "'-", "x"] {
            assert_eq!(unprotect(&protect(cell)), cell, "{cell:?}");
        }
        assert_eq!(unprotect("'hello"), "'hello", "only Trellis's own guard is taken off");
    }
}
