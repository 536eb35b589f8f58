//! Unbalanced quotes in a csv file: a quote left open swallows the records after it into one field, so the table refuses such a file rather than import what is left.

/// The line (from 1) where a quoted field opens that the file never closes, or `None` when
/// every quote is closed. Follows the csv reader's own rules: a quote opens a field only at its
/// start, `""` inside a quoted field is one quote, and after the closing quote the field goes on
/// unquoted.
pub fn unclosed_quote(body: &[u8], delimiter: u8) -> Option<u64> {
    #[derive(Clone, Copy, PartialEq)]
    enum State {
        FieldStart,
        Unquoted,
        Quoted,
        QuoteInQuoted,
    }
    let (mut state, mut line, mut opened) = (State::FieldStart, 1u64, 0u64);
    for &b in body {
        state = match (state, b) {
            (State::Quoted, b'"') => State::QuoteInQuoted,
            (State::Quoted, _) => State::Quoted,
            (State::QuoteInQuoted, b'"') => State::Quoted,
            (State::FieldStart, b'"') => {
                opened = line;
                State::Quoted
            }
            (_, b'\n') => State::FieldStart,
            (_, d) if d == delimiter => State::FieldStart,
            _ => State::Unquoted,
        };
        if b == b'\n' {
            line += 1;
        }
    }
    (state == State::Quoted).then_some(opened)
}

/// How many lines after the first of a multi-line field look like records of a table of
/// `columns` columns (as many delimiters as the header, less one, and at least two, since one
/// comma is common in prose): a field that holds such lines took them in through a quote left
/// open.
pub fn swallowed_records(field: &str, delimiter: u8, columns: usize) -> usize {
    if columns < 2 || !field.contains('\n') {
        return 0;
    }
    let delimiter = char::from(delimiter);
    let least = (columns - 1).max(2);
    field.split('\n').skip(1).filter(|line| line.matches(delimiter).count() >= least).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_open_quote_is_found_on_its_line_and_balanced_ones_are_not() {
        assert_eq!(unclosed_quote(b"id,name\nr1,\"Ops lead\nr2,B\nr3,C\n", b','), Some(2));
        assert_eq!(unclosed_quote(b"id,name\nr1,\"Ops, \"\"lead\"\"\nsecond line\"\nr2,B\n", b','), None);
        // A quote inside an unquoted field is text, not the start of a quoted one.
        assert_eq!(unclosed_quote(b"id,name\nr1,12\" ruler\nr2,B\n", b','), None);
        assert_eq!(unclosed_quote(b"id;name\nr1;\"a\nr2;b", b';'), Some(2));
    }

    #[test]
    fn lines_that_look_like_records_are_counted_and_prose_is_not() {
        assert_eq!(swallowed_records("Ops lead\nr2,B,1\nr3,C,2\n", b',', 3), 3 - 1);
        assert_eq!(swallowed_records("First line\nsecond, with a comma", b',', 3), 0);
        assert_eq!(swallowed_records("no newline, here", b',', 2), 0);
        assert_eq!(swallowed_records("two\nlines, fine", b',', 2), 0, "one comma is prose");
    }
}
