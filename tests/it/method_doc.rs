//! `docs/method.md` is generated from the check headers, the scoring header and `templates/rules/`; this test fails when the committed file is stale.
//!
//! Run `UPDATE_DOCS=1 cargo test -p trellis --test it method_doc` to rewrite it. Each
//! `src/diagnostics/checks/<code>.rs` starts with a `//!` header: a first line
//! `` `code`: what fires``, then `Area:`, `Evidence:` and `Severity:`, each starting a line (other
//! paragraphs are notes). The area must be the one `templates/rules/findings.toml` gives the code.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use trellis::diagnostics::{Rules, ThemeRules, CODES};

const LABELS: [&str; 3] = ["Area:", "Evidence:", "Severity:"];

/// What a check's header says.
#[derive(Debug, PartialEq)]
struct Header {
    code: String,
    fires: String,
    area: String,
    evidence: String,
    severity: String,
    notes: Vec<String>,
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).to_owned()
}

fn read(relative: &str) -> String {
    let path = root().join(relative);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The `//!` lines at the top of a file, without the marker, as paragraphs of joined lines.
fn doc_paragraphs(text: &str) -> Vec<String> {
    let mut paragraphs = vec![String::new()];
    for line in text.lines().map_while(|l| l.strip_prefix("//!")) {
        let line = line.strip_prefix(' ').unwrap_or(line).trim_end();
        let current = paragraphs.last_mut().unwrap();
        if line.is_empty() {
            if !current.is_empty() {
                paragraphs.push(String::new());
            }
        } else {
            if !current.is_empty() {
                current.push(' ');
            }
            current.push_str(line);
        }
    }
    paragraphs.retain(|p| !p.is_empty());
    paragraphs
}

fn parse_header(file: &str, text: &str) -> Result<Header, String> {
    let paragraphs = doc_paragraphs(text);
    let (first, rest) = paragraphs.split_first().ok_or(format!("{file}: no `//!` header"))?;
    let (code, fires) = first
        .strip_prefix('`')
        .and_then(|s| s.split_once("`: "))
        .ok_or(format!("{file}: the header's first line is not `` `code`: what fires``"))?;
    let mut header = Header {
        code: code.to_owned(),
        fires: fires.to_owned(),
        area: String::new(),
        evidence: String::new(),
        severity: String::new(),
        notes: Vec::new(),
    };
    for paragraph in rest {
        // Where each label starts a field: at the paragraph's start or after a space.
        let mut starts: Vec<(usize, &str)> = LABELS
            .iter()
            .flat_map(|label| {
                paragraph
                    .match_indices(label)
                    .filter(|(i, _)| *i == 0 || paragraph.as_bytes()[i - 1] == b' ')
                    .map(|(i, _)| (i, *label))
                    .collect::<Vec<_>>()
            })
            .collect();
        starts.sort();
        let before = starts.first().map_or(paragraph.len(), |(i, _)| *i);
        if before > 0 {
            header.notes.push(paragraph[..before].trim().to_owned());
        }
        for (n, (at, label)) in starts.iter().enumerate() {
            let end = starts.get(n + 1).map_or(paragraph.len(), |(i, _)| *i);
            let value = paragraph[at + label.len()..end].trim().to_owned();
            let slot = match *label {
                "Area:" => &mut header.area,
                "Evidence:" => &mut header.evidence,
                _ => &mut header.severity,
            };
            if !slot.is_empty() {
                return Err(format!("{file}: `{label}` appears twice"));
            }
            *slot = value;
        }
    }
    for (label, value) in LABELS.iter().zip([&header.area, &header.evidence, &header.severity]) {
        if value.is_empty() {
            return Err(format!("{file}: the header has no `{label}`"));
        }
    }
    header.area = header.area.trim_end_matches('.').trim_matches('`').to_owned();
    Ok(header)
}

/// A table cell: one line, with `|` escaped.
fn cell(text: &str) -> String {
    text.replace('|', "\\|")
}

/// Strips the quotes of a TOML basic string; other values stay as written.
fn toml_value(raw: &str) -> String {
    let raw = raw.trim();
    match raw.strip_prefix('"').and_then(|s| s.strip_suffix('"')) {
        Some(s) => s.to_owned(),
        None => raw.to_owned(),
    }
}

/// An array of tables in `scoring.toml` (`[[maturity]]`): the comment above its first entry,
/// its keys in order of first use, and each entry's values.
struct ArrayOfTables {
    name: String,
    meaning: String,
    keys: Vec<String>,
    rows: Vec<Vec<(String, String)>>,
}

/// The settings of `scoring.toml`: one table of the plain keys (with the comment above each
/// section), and one table per array of tables.
fn scoring_tables(text: &str, out: &mut String) {
    let mut comment = String::new();
    let mut section = String::new();
    let mut plain: Vec<(String, String, String)> = Vec::new();
    let mut arrays: Vec<ArrayOfTables> = Vec::new();
    let mut in_array = false;
    for line in text.lines().map(str::trim) {
        if let Some(c) = line.strip_prefix('#') {
            if !comment.is_empty() {
                comment.push(' ');
            }
            comment.push_str(c.trim());
        } else if let Some(name) = line.strip_prefix("[[").and_then(|l| l.strip_suffix("]]")) {
            in_array = true;
            match arrays.iter_mut().find(|a| a.name == name) {
                Some(a) => a.rows.push(Vec::new()),
                None => arrays.push(ArrayOfTables {
                    name: name.to_owned(),
                    meaning: std::mem::take(&mut comment),
                    keys: Vec::new(),
                    rows: vec![Vec::new()],
                }),
            }
            comment.clear();
            section = name.to_owned();
        } else if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            in_array = false;
            section = name.to_owned();
        } else if let Some((key, value)) = line.split_once('=') {
            let key = key.trim().to_owned();
            if in_array {
                let a = arrays.iter_mut().find(|a| a.name == section).unwrap();
                if !a.keys.contains(&key) {
                    a.keys.push(key.clone());
                }
                a.rows.last_mut().unwrap().push((key, toml_value(value)));
            } else {
                plain.push((format!("{section}.{key}"), toml_value(value), std::mem::take(&mut comment)));
            }
        } else if line.is_empty() && section.is_empty() {
            // The file's own opening comment says what the file is; it is not a setting.
            comment.clear();
        }
    }
    out.push_str("| setting | value | meaning |\n|---|---|---|\n");
    for (key, value, meaning) in &plain {
        writeln!(out, "| `{key}` | `{}` | {} |", cell(value), cell(meaning)).unwrap();
    }
    for ArrayOfTables { name, meaning, keys, rows } in &arrays {
        writeln!(out, "\n`[[{name}]]`: {}\n", cell(meaning)).unwrap();
        writeln!(out, "| {} |", keys.join(" | ")).unwrap();
        writeln!(out, "|{}", "---|".repeat(keys.len())).unwrap();
        for row in rows {
            let cells: Vec<String> = keys
                .iter()
                .map(|k| row.iter().find(|(key, _)| key == k).map_or(String::new(), |(_, v)| cell(v)))
                .collect();
            writeln!(out, "| {} |", cells.join(" | ")).unwrap();
        }
    }
}

/// The whole of `docs/method.md`.
fn generate() -> Result<String, String> {
    let rules = Rules::builtin();
    let mut out = String::from(
        "# Method reference: findings, themes, scores and maturity\n\n\
         <!-- Generated by tests/it/method_doc.rs from the headers of src/diagnostics/checks/*.rs,\n\
         src/diagnostics/themes/mod.rs and src/diagnostics/scores.rs and from templates/rules/. Do not edit by hand: change those, then run\n\
         `UPDATE_DOCS=1 cargo test -p trellis --test it method_doc`. -->\n\n## Findings\n\n",
    );
    for p in doc_paragraphs(&read("src/diagnostics/checks/mod.rs")).iter().skip(1) {
        // The last paragraph tells contributors how headers are written; readers of the method need not.
        if !p.contains("docs/method.md") {
            writeln!(out, "{p}\n").unwrap();
        }
    }
    out.push_str("| code | title | fires for | area | severity |\n|---|---|---|---|---|\n");
    let mut evidence = String::new();
    for code in CODES {
        let file = format!("src/diagnostics/checks/{}.rs", code.replace('-', "_"));
        let h = parse_header(&file, &read(&file))?;
        if h.code != *code {
            return Err(format!("{file}: the header names `{}`, the check is `{code}`", h.code));
        }
        let rule = rules.rule(code).ok_or(format!("templates/rules/findings.toml has no rule for `{code}`"))?;
        // A finding about one area's answers takes that area (`subjects.area`), whatever its rule's.
        let per_finding = h.area == "subjects.area";
        if rule.area.as_str() != h.area && !per_finding {
            return Err(format!("{file}: the header gives area `{}`, findings.toml `{}`", h.area, rule.area.as_str()));
        }
        let fires = h.fires.trim_end_matches('.');
        let severity = h.severity.trim_end_matches('.');
        let area = if per_finding { "the area compared (`subjects.area`)" } else { h.area.as_str() };
        writeln!(out, "| `{code}` | {} | {} | {} | {} |", cell(&rule.title), cell(fires), area, cell(severity))
            .unwrap();
        let notes: String = h.notes.iter().map(|n| format!(" {n}")).collect();
        writeln!(evidence, "- `{code}`: {}{notes}", h.evidence).unwrap();
    }
    writeln!(out, "\nEvidence keys by code:\n\n{evidence}").unwrap();
    out.push_str("## Themes\n\n");
    for p in doc_paragraphs(&read("src/diagnostics/themes/mod.rs")).iter().skip(1) {
        writeln!(out, "{p}\n").unwrap();
    }
    out.push_str("Titles by code, from `templates/rules/themes.toml` (its header lists the placeholders):\n\n");
    out.push_str("| code | theme title |\n|---|---|\n");
    let themes = ThemeRules::builtin();
    for code in CODES {
        let rule = themes.rule(code).ok_or(format!("templates/rules/themes.toml has no entry for `{code}`"))?;
        writeln!(out, "| `{code}` | {} |", cell(&rule.title)).unwrap();
    }
    out.push_str("\n## Scores and maturity\n\n");
    for p in doc_paragraphs(&read("src/diagnostics/scores.rs")).iter().skip(1) {
        writeln!(out, "{p}\n").unwrap();
    }
    out.push_str("All weights and thresholds live in `templates/rules/scoring.toml`:\n\n");
    scoring_tables(&read("templates/rules/scoring.toml"), &mut out);
    Ok(out)
}

#[test]
fn method_doc_is_fresh() {
    let fresh = generate().unwrap_or_else(|e| panic!("{e}"));
    let path = root().join("docs/method.md");
    if std::env::var_os("UPDATE_DOCS").is_some() {
        std::fs::write(&path, &fresh).unwrap();
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == fresh,
        "docs/method.md is stale: run `UPDATE_DOCS=1 cargo test -p trellis --test it method_doc` and commit it"
    );
}

#[test]
fn a_header_without_its_fields_is_refused() {
    let good = "//! `x`: fires.\n//!\n//! Area: `coaching`.\n//! Evidence: `a`. Severity: medium.\n\nuse x;\n";
    let h = parse_header("x.rs", good).unwrap();
    assert_eq!((h.area.as_str(), h.evidence.as_str(), h.severity.as_str()), ("coaching", "`a`.", "medium."));
    let missing = "//! `x`: fires.\n//!\n//! Evidence: `a`.\n//! Severity: medium.\n";
    assert_eq!(parse_header("x.rs", missing).unwrap_err(), "x.rs: the header has no `Area:`");
    assert!(parse_header("x.rs", "//! x fires.\n").is_err());
}
