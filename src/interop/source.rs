//! Reading source files: named byte buffers, and delimited tables whose errors name the file, line and field.

use super::formula;
use super::quotes::{swallowed_records, unclosed_quote};
use crate::{Error, Result};
use std::path::Path;

/// One input file in memory, with the name errors give it (usually its path).
#[derive(Debug, Clone, Copy)]
pub struct Source<'a> {
    pub name: &'a str,
    pub bytes: &'a [u8],
}

impl<'a> Source<'a> {
    pub fn new(name: &'a str, bytes: &'a [u8]) -> Self {
        Source { name, bytes }
    }

    /// The bytes without a UTF-8 byte order mark.
    pub fn body(&self) -> &'a [u8] {
        self.bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(self.bytes)
    }

    /// The error for a whole file.
    pub fn error(&self, message: impl Into<String>) -> Error {
        Error::Parse { source_name: self.name.to_owned(), message: message.into() }
    }
}

/// The byte order mark that csv exports begin with and every reader takes off.
pub const BOM: char = '\u{feff}';

/// A file read whole; a missing file is `NotFound`.
pub fn read_bytes(path: &Path) -> Result<Vec<u8>> {
    std::fs::read(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => Error::NotFound(path.to_owned()),
        _ => Error::io(path)(e),
    })
}

/// A text file read whole, without its byte order mark.
pub fn read_text(path: &Path) -> Result<String> {
    let bytes = read_bytes(path)?;
    let name = path.display().to_string();
    let body = Source::new(&name, &bytes).body();
    String::from_utf8(body.to_vec()).map_err(|e| {
        Source::new(&name, &bytes).error(format!("not UTF-8 text (byte {})", e.utf8_error().valid_up_to()))
    })
}

/// A file of `dir` read whole when it exists.
pub fn read_optional(dir: &Path, file: &str) -> Result<Option<(String, Vec<u8>)>> {
    let path = dir.join(file);
    match read_bytes(&path) {
        Ok(bytes) => Ok(Some((path.display().to_string(), bytes))),
        Err(Error::NotFound(_)) => Ok(None),
        Err(e) => Err(e),
    }
}

/// Checks that an import folder exists and is a folder.
pub fn require_dir(dir: &Path) -> Result<()> {
    match std::fs::metadata(dir) {
        Ok(m) if m.is_dir() => Ok(()),
        Ok(_) => Err(Error::Refused(format!("{}: this format imports a folder, not a file", dir.display()))),
        Err(_) => Err(Error::NotFound(dir.to_owned())),
    }
}

/// How a table's fields are separated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dialect {
    /// RFC 4180, separated as a first `sep=;` line says (Excel writes one), else by whichever
    /// of comma, semicolon and tab the header line has most of (a comma when none).
    Spreadsheet,
    /// Tab-separated without quoting, as the O*NET text files are.
    Tabs,
}

/// A column of a table: its header and where it is (absent for an optional column not there).
#[derive(Debug, Clone, Copy)]
pub struct Column {
    pub name: &'static str,
    index: Option<usize>,
}

impl Column {
    /// Whether the header has this column.
    pub fn is_present(&self) -> bool {
        self.index.is_some()
    }
}

/// A delimited table with a header row, read record by record.
pub struct Table<'a> {
    source: Source<'a>,
    /// The bytes read: the file without its byte order mark and `sep=` line.
    body: &'a [u8],
    /// The header's line: 2 below a `sep=` line, else 1.
    header_line: u64,
    reader: ::csv::Reader<&'a [u8]>,
    headers: Vec<String>,
    record: ::csv::StringRecord,
    line: u64,
    /// Where the line count was last brought up to date: (byte offset, line there).
    counted: (usize, u64),
    /// The field separator, and whether quotes quote (for the open-quote checks).
    delimiter: u8,
    quoting: bool,
    /// Where the last record read starts (byte offset in `body`, line), or the header's.
    record_start: (usize, u64),
    /// Whether the `'` that Trellis's csv exports put before formula-like cells is taken off.
    guarded: bool,
}

impl<'a> Table<'a> {
    pub fn new(source: Source<'a>, dialect: Dialect) -> Result<Table<'a>> {
        let mut body = source.body();
        let mut header_line = 1;
        let mut builder = ::csv::ReaderBuilder::new();
        builder.flexible(true).has_headers(true);
        let (delimiter, quoting) = match dialect {
            Dialect::Spreadsheet => {
                let first = body.split(|b| *b == b'\n').next().unwrap_or_default();
                let sep = first.strip_prefix(b"sep=").map(|rest| rest.trim_ascii_end());
                match sep {
                    Some(&[d]) => {
                        body = &body[(first.len() + 1).min(body.len())..];
                        header_line = 2;
                        (d, true)
                    }
                    _ => {
                        let count = |d: u8| first.iter().filter(|b| **b == d).count();
                        let d = [b',', b';', b'\t'].into_iter().rev().max_by_key(|d| count(*d)).unwrap_or(b',');
                        (if count(d) == 0 { b',' } else { d }, true)
                    }
                }
            }
            Dialect::Tabs => (b'\t', false),
        };
        builder.delimiter(delimiter).quoting(quoting);
        let mut reader = builder.from_reader(body);
        let mut headers = reader
            .headers()
            .map_err(|e| Self::csv_error(source, header_line, e))?
            .iter()
            .map(|h| h.trim().to_owned())
            .collect::<Vec<_>>();
        // Spreadsheets often save columns left empty to the right: they are not columns.
        while headers.last().is_some_and(String::is_empty) {
            headers.pop();
        }
        if headers.is_empty() {
            return Err(source.error(format!("line {header_line}: no header row")));
        }
        Ok(Table {
            source,
            body,
            header_line,
            reader,
            headers,
            record: ::csv::StringRecord::new(),
            line: header_line,
            counted: (0, header_line),
            delimiter,
            quoting,
            guarded: false,
            record_start: (0, header_line),
        })
    }

    /// Takes off the `'` that Trellis's csv exports put before cells a spreadsheet would read
    /// as formulas (`formula::unprotect`), for the formats Trellis writes as well as reads.
    pub fn guarded(mut self) -> Self {
        self.guarded = true;
        self
    }

    pub fn source(&self) -> Source<'a> {
        self.source
    }

    pub fn headers(&self) -> &[String] {
        &self.headers
    }

    /// Where the header names `name`, in any case (`ID` is `id`).
    fn position_of(&self, name: &str) -> Option<usize> {
        self.headers.iter().position(|h| h.eq_ignore_ascii_case(name))
    }

    /// A column that must be there.
    pub fn column(&self, name: &'static str) -> Result<Column> {
        match self.position_of(name) {
            Some(i) => Ok(Column { name, index: Some(i) }),
            None => Err(Error::Parse {
                source_name: format!("{}, line {}", self.source.name, self.header_line),
                message: format!("no `{name}` column (the header has: {})", self.headers.join(", ")),
            }),
        }
    }

    /// A column that may be missing: its fields then read as empty.
    pub fn optional(&self, name: &'static str) -> Column {
        Column { name, index: self.position_of(name) }
    }

    /// Refuses headers outside `known`, so that a misspelt column is not silently ignored.
    pub fn only(&self, known: &[&str]) -> Result<()> {
        if let Some(i) = self.headers.iter().position(String::is_empty) {
            return Err(Error::Parse {
                source_name: format!("{}, line {}", self.source.name, self.header_line),
                message: format!("column {} has no name; name it or delete the column", i + 1),
            });
        }
        if let Some(h) = self.headers.iter().find(|h| !known.iter().any(|k| k.eq_ignore_ascii_case(h))) {
            return Err(Error::Parse {
                source_name: format!("{}, line {}", self.source.name, self.header_line),
                message: format!("unknown column `{h}`; the columns are: {}", known.join(", ")),
            });
        }
        Ok(())
    }

    /// Bytes read so far, for progress.
    pub fn position(&self) -> u64 {
        self.reader.position().byte()
    }

    /// Moves to the next record; false at the end of the file. Blank lines are skipped.
    pub fn next_row(&mut self) -> Result<bool> {
        loop {
            match self.reader.read_record(&mut self.record) {
                Ok(false) => {
                    if let Some(line) = self.open_quote_at_end() {
                        return Err(self.never_closed(line));
                    }
                    return Ok(false);
                }
                Ok(true) => {
                    // The reader's position can be at blank lines it skipped before the record.
                    let mut start = self.record.position().map_or(0, |p| p.byte() as usize);
                    let body = self.body;
                    while matches!(body.get(start), Some(b'\n' | b'\r')) {
                        start += 1;
                    }
                    self.line = self.line_at(start);
                    self.record_start = (start, self.line);
                    let extra = self.record.iter().skip(self.headers.len()).any(|f| !f.trim().is_empty());
                    if extra {
                        return Err(Error::Parse {
                            source_name: format!("{}, line {}", self.source.name, self.line),
                            message: format!(
                                "{} fields, but the header names {}",
                                self.record.len(),
                                self.headers.len()
                            ),
                        });
                    }
                    if self.record.iter().all(|f| f.trim().is_empty()) {
                        continue;
                    }
                    self.refuse_swallowed_records()?;
                    return Ok(true);
                }
                Err(e) => {
                    let line = match e.position() {
                        Some(p) => self.line_at(p.byte() as usize),
                        None => self.line + 1,
                    };
                    return Err(Self::csv_error(self.source, line, e));
                }
            }
        }
    }

    /// Refuses a record one of whose fields holds lines that look like records: a quote left
    /// open took them in, and importing the rest would lose them without a word.
    fn refuse_swallowed_records(&self) -> Result<()> {
        if !self.quoting {
            return Ok(());
        }
        let mut line = self.line;
        for field in &self.record {
            let swallowed = swallowed_records(field, self.delimiter, self.headers.len());
            let at_end = self.reader.position().byte() as usize >= self.body.len();
            if swallowed > 0 && at_end && self.open_quote_at_end().is_some() {
                return Err(self.never_closed(line));
            }
            if swallowed > 0 {
                let lines = if swallowed == 1 { "line" } else { "lines" };
                return Err(Error::Parse {
                    source_name: format!("{}, line {line}", self.source.name),
                    message: format!(
                        "a quoted field here runs on over {swallowed} {lines} that look like records of their own; \
                         a quote is probably missing or extra (a quote within a field is written twice, \"\")"
                    ),
                });
            }
            line += field.matches('\n').count() as u64;
        }
        Ok(())
    }

    /// The line of a quote the file leaves open at its end. Only the last record can hold
    /// one (a quote left open runs to the end of the file), so only it is scanned: checking a
    /// large file costs nothing.
    fn open_quote_at_end(&self) -> Option<u64> {
        if !self.quoting {
            return None;
        }
        let (start, line) = self.record_start;
        unclosed_quote(&self.body[start.min(self.body.len())..], self.delimiter).map(|l| l + line - 1)
    }

    fn never_closed(&self, line: u64) -> Error {
        Error::Parse {
            source_name: format!("{}, line {line}", self.source.name),
            message: "a quote opens a field here and is never closed, so the rest of the file would be read as \
                      that one field; close it (a quote within a field is written twice, \"\")"
                .into(),
        }
    }

    /// The line of the byte at `offset`, counted from the last place counted (offsets only
    /// grow as records are read). Blank lines count, unlike in the csv reader's own count.
    fn line_at(&mut self, offset: usize) -> u64 {
        let body = self.body;
        let (from, line) = self.counted;
        let to = offset.min(body.len()).max(from);
        let line = line + body[from..to].iter().filter(|b| **b == b'\n').count() as u64;
        self.counted = (to, line);
        line
    }

    /// The line the current record starts on.
    pub fn line(&self) -> u64 {
        self.line
    }

    /// The current record's field as written; empty when the column or the field is missing.
    pub fn text(&self, column: Column) -> &str {
        let text = column.index.and_then(|i| self.record.get(i)).unwrap_or_default();
        if self.guarded {
            formula::unprotect(text)
        } else {
            text
        }
    }

    /// The field trimmed, for ids, codes, numbers and names from a vocabulary.
    pub fn get(&self, column: Column) -> &str {
        self.text(column).trim()
    }

    /// The field trimmed, which must not be empty.
    pub fn required(&self, column: Column) -> Result<&str> {
        let value = self.get(column);
        if value.is_empty() {
            return Err(self.error(column, "must not be empty"));
        }
        Ok(value)
    }

    /// The field as written (a name, say), which must not be blank.
    pub fn required_text(&self, column: Column) -> Result<&str> {
        self.required(column)?;
        Ok(self.text(column))
    }

    /// The field parsed, or `None` when empty.
    pub fn parsed<T: std::str::FromStr>(&self, column: Column, what: &str) -> Result<Option<T>> {
        let value = self.get(column);
        if value.is_empty() {
            return Ok(None);
        }
        value.parse().map(Some).map_err(|_| self.error(column, format!("`{value}` is not {what}")))
    }

    /// A whole number, also as a spreadsheet writes one (`14.0`); `2.5` is refused as not
    /// `what`.
    pub fn whole(&self, column: Column, what: &str) -> Result<Option<i64>> {
        let value = self.get(column);
        if value.is_empty() {
            return Ok(None);
        }
        if let Ok(n) = value.parse::<i64>() {
            return Ok(Some(n));
        }
        match value.parse::<f64>() {
            // Below 2^53 every whole f64 is exact, so the cast loses nothing.
            Ok(n) if n.fract() == 0.0 && n.abs() < 9_007_199_254_740_992.0 => Ok(Some(n as i64)),
            _ => Err(self.error(column, format!("`{value}` is not {what}"))),
        }
    }

    /// A finite number.
    pub fn number(&self, column: Column) -> Result<Option<f64>> {
        match self.parsed::<f64>(column, "a number")? {
            Some(n) if !n.is_finite() => Err(self.error(column, format!("`{}` is not a number", self.get(column)))),
            n => Ok(n),
        }
    }

    /// The error for a field of the current record: file, line and field are named.
    pub fn error(&self, column: Column, message: impl Into<String>) -> Error {
        Error::Parse {
            source_name: format!("{}, line {}, field `{}`", self.source.name, self.line, column.name),
            message: message.into(),
        }
    }

    fn csv_error(source: Source<'_>, line: u64, e: ::csv::Error) -> Error {
        let message = match e.kind() {
            ::csv::ErrorKind::Utf8 { err, .. } => format!("not UTF-8 text (field {})", err.field() + 1),
            _ => e.to_string(),
        };
        Error::Parse { source_name: format!("{}, line {line}", source.name), message }
    }
}

/// One csv text for spreadsheets: a UTF-8 byte order mark (so that Excel reads it as UTF-8),
/// a header and rows, quoted where needed, every cell guarded against formula injection
/// (`formula::protect`), lines ending in `\n`.
pub fn table_text(columns: &[&str], rows: &[Vec<String>]) -> String {
    fn write(columns: &[&str], rows: &[Vec<String>]) -> ::csv::Result<Vec<u8>> {
        let mut w =
            ::csv::WriterBuilder::new().terminator(::csv::Terminator::Any(b'\n')).from_writer(Vec::with_capacity(4096));
        w.write_record(columns)?;
        for row in rows {
            w.write_record(row.iter().map(|cell| formula::protect(cell).into_owned()))?;
        }
        w.flush()?;
        Ok(w.into_inner().map_err(|e| e.into_error())?)
    }
    let bytes = write(columns, rows).expect("writing csv to memory cannot fail");
    let text = String::from_utf8(bytes).expect("csv of UTF-8 strings is UTF-8");
    format!("{BOM}{text}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn semicolons_and_a_bom_are_understood() {
        let bytes = "\u{feff}id;name\nr1;\"Ops; lead\"\n\n r2 ;Two\n".as_bytes();
        let mut t = Table::new(Source::new("roles.csv", bytes), Dialect::Spreadsheet).unwrap();
        let (id, name) = (t.column("id").unwrap(), t.column("name").unwrap());
        assert!(t.next_row().unwrap());
        assert_eq!((t.get(id), t.get(name), t.line()), ("r1", "Ops; lead", 2));
        assert!(t.next_row().unwrap());
        assert_eq!((t.get(id), t.line()), ("r2", 4));
        assert!(!t.next_row().unwrap());
    }

    #[test]
    fn blank_lines_and_multi_line_fields_count_as_lines() {
        let bytes = b"id,name\n\nr1,\"two\nlines\"\n\n\nr2,x\n";
        let mut t = Table::new(Source::new("roles.csv", bytes), Dialect::Spreadsheet).unwrap();
        let name = t.column("name").unwrap();
        assert!(t.next_row().unwrap());
        assert_eq!((t.line(), t.text(name)), (3, "two\nlines"));
        assert!(t.next_row().unwrap());
        assert_eq!(t.line(), 7);
    }

    #[test]
    fn errors_name_file_line_and_field() {
        let bytes = b"id,headcount\nr1,3\nr2,lots\n";
        let mut t = Table::new(Source::new("roles.csv", bytes), Dialect::Spreadsheet).unwrap();
        let n = t.column("headcount").unwrap();
        t.next_row().unwrap();
        assert_eq!(t.parsed::<i64>(n, "a whole number").unwrap(), Some(3));
        t.next_row().unwrap();
        let err = t.parsed::<i64>(n, "a whole number").unwrap_err().to_string();
        assert_eq!(err, "roles.csv, line 3, field `headcount`: `lots` is not a whole number");
        let err = t.column("name").unwrap_err().to_string();
        assert!(err.contains("line 1") && err.contains("`name`"), "{err}");
    }

    #[test]
    fn bad_bytes_and_long_rows_are_errors() {
        let mut t = Table::new(Source::new("x.csv", b"a,b\n1,2,3\n"), Dialect::Spreadsheet).unwrap();
        assert!(t.next_row().unwrap_err().to_string().contains("line 2"));
        let mut t = Table::new(Source::new("x.csv", b"a,b\n\xff,2\n"), Dialect::Spreadsheet).unwrap();
        assert!(t.next_row().unwrap_err().to_string().contains("UTF-8"));
        assert!(Table::new(Source::new("x.csv", b""), Dialect::Spreadsheet).is_err());
    }

    #[test]
    fn a_quote_left_open_is_named_by_its_line_after_a_sep_line_too() {
        let read_all = |bytes: &[u8]| {
            let mut t = Table::new(Source::new("roles.csv", bytes), Dialect::Spreadsheet)?;
            while t.next_row()? {}
            Ok::<_, Error>(())
        };
        let err = read_all(b"sep=;\nid;name\nr1;A\n\nr2;\"B\n").unwrap_err().to_string();
        assert!(err.starts_with("roles.csv, line 5: a quote opens a field here and is never closed"), "{err}");
        let err = read_all(b"id,name,n\nr1,\"A\nr2,B,1\nr3,\"C\",1\nr4,D,1\n").unwrap_err().to_string();
        assert!(err.starts_with("roles.csv, line 2: a quoted field here runs on over 1 line that look"), "{err}");
        read_all(b"id,name\nr1,\"two\nlines, fine\"\nr2,\"\"\"quoted\"\"\"\n").unwrap();
    }

    #[test]
    fn excel_headers_read_in_any_case_without_their_empty_right_hand_columns() {
        let bytes = b"ID\tName\t\t\nr1\tA\t\t\n";
        let mut t = Table::new(Source::new("roles.csv", bytes), Dialect::Spreadsheet).unwrap();
        t.only(&["id", "name"]).unwrap();
        let id = t.column("id").unwrap();
        assert!(t.next_row().unwrap());
        assert_eq!(t.get(id), "r1");
        let t = Table::new(
            Source::new(
                "roles.csv",
                b"id,,name
",
            ),
            Dialect::Spreadsheet,
        )
        .unwrap();
        let err = t.only(&["id", "name"]).unwrap_err().to_string();
        assert_eq!(err, "roles.csv, line 1: column 2 has no name; name it or delete the column");
    }

    #[test]
    fn tabs_keep_quotes_as_text() {
        let bytes = b"Code\tTitle\n11-1011.00\t\"Chief\" Executives\n";
        let mut t = Table::new(Source::new("o.txt", bytes), Dialect::Tabs).unwrap();
        let title = t.column("Title").unwrap();
        t.next_row().unwrap();
        assert_eq!(t.get(title), "\"Chief\" Executives");
    }
}
