//! Diagnosis as text for a terminal and as Markdown: scores, then the themes (most impact first), then every finding grouped by severity (text) or area (Markdown).

use super::group::{group_findings, FindingGroup};
use super::texts::Names;
use super::Diagnosis;
use crate::model::{Area, Model, Severity};
use std::fmt::Write;

fn score(x: Option<f64>) -> String {
    x.map_or_else(|| "-".to_owned(), |v| format!("{v:.1}"))
}

/// "Name, Name, Name and 4 more".
fn names_list(names: &Names<'_>, ids: &[&str], max: usize) -> String {
    let mut shown: Vec<&str> = ids.iter().take(max).map(|id| names.get(id)).collect();
    shown.dedup();
    let mut s = shown.join(", ");
    if ids.len() > max {
        let _ = write!(s, " and {} more", ids.len() - max);
    }
    s
}

fn anchor_text(names: &Names<'_>, g: &FindingGroup) -> String {
    match g.anchor_kind {
        "cycle" => g.anchor.split(',').map(|id| names.get(id)).collect::<Vec<_>>().join(" -> "),
        "area" => g.anchor.parse::<Area>().map_or_else(|_| g.anchor.clone(), |p| p.label().to_owned()),
        _ => names.get(&g.anchor).to_owned(),
    }
}

fn group_line(names: &Names<'_>, g: &FindingGroup) -> String {
    let mut line = anchor_text(names, g);
    if !g.others.is_empty() {
        let what = if g.others.len() == 1 { "role" } else { "roles" };
        let _ = write!(line, ": {} {what} ({})", g.others.len(), names_list(names, &g.others, 4));
    }
    if !g.channels.is_empty() {
        let _ = write!(line, ", only through {}", names_list(names, &g.channels, 3));
    }
    if g.dismissed == g.count {
        line.push_str(" [dismissed]");
    } else if g.dismissed > 0 {
        let _ = write!(line, " [{} dismissed]", g.dismissed);
    }
    line
}

/// The area table's rows: area, score, structural, perceived, answers.
fn area_rows<'d>(d: &'d Diagnosis<'_>) -> impl Iterator<Item = [String; 5]> + 'd {
    d.scores.areas.iter().map(|(p, ps)| {
        [p.label().to_owned(), score(ps.score), score(ps.structural), score(ps.perceived), ps.responses.to_string()]
    })
}

/// A report's sections: `items` by `key`, in the order of `keys`, leaving out empty sections
/// (findings by severity in text, by area in Markdown and in the blueprint).
pub fn sections<'a, T, K: Copy + PartialEq>(
    items: &'a [T],
    keys: &'a [K],
    key: impl Fn(&T) -> K + 'a,
) -> impl Iterator<Item = (K, Vec<&'a T>)> + 'a {
    keys.iter()
        .map(move |k| (*k, items.iter().filter(|item| key(item) == *k).collect::<Vec<_>>()))
        .filter(|(_, in_section)| !in_section.is_empty())
}

fn paint(color: bool, severity: Severity, text: &str) -> String {
    if !color {
        return text.to_owned();
    }
    let code = match severity {
        Severity::Critical => "1;31",
        Severity::High => "31",
        Severity::Medium => "33",
        Severity::Low => "36",
    };
    format!("\x1b[{code}m{text}\x1b[0m")
}

/// The terminal report: scores, maturity, then findings grouped by severity and code.
pub fn to_text(d: &Diagnosis<'_>, model: &Model, color: bool) -> String {
    let names = d.names();
    let mut s = String::new();
    let e = &model.engagement;
    let _ = writeln!(s, "{} ({})", e.name, if e.client.is_empty() { "no client set" } else { &e.client });
    let _ = writeln!(
        s,
        "Maturity: level {} of 4, {} (mean area score {})",
        d.scores.maturity.level,
        d.scores.maturity.label,
        score(d.scores.mean())
    );
    let _ = writeln!(s, "{}\n", d.scores.evidence_text());
    let header = ["Area", "score", "structural", "perceived", "answers"].map(String::from);
    for [area, overall, structural, perceived, answers] in std::iter::once(header).chain(area_rows(d)) {
        let _ = writeln!(s, "{area:<32} {overall:>6} {structural:>11} {perceived:>10} {answers:>8}");
    }
    write_themes_text(&mut s, d, color);
    let groups = group_findings(&d.findings);
    for (sev, of_sev) in sections(&groups, Severity::ALL, |g| g.severity) {
        let count: usize = of_sev.iter().map(|g| g.count).sum();
        let _ = writeln!(s, "\n{}", paint(color, sev, &format!("{} ({count} findings)", sev.label().to_uppercase())));
        let mut last_code = "";
        for g in of_sev {
            if g.code != last_code {
                let _ = writeln!(s, "  {}  {}  [{}]", g.code, g.title, g.area);
                last_code = g.code;
            }
            let _ = writeln!(s, "    - {}", group_line(names, g));
        }
    }
    if d.findings.is_empty() {
        s.push_str("\nNo findings.\n");
    }
    write_warnings(&mut s, d);
    s
}

/// The themes, most impact first: severity, title and code; examples; the recommendation.
fn write_themes_text(s: &mut String, d: &Diagnosis<'_>, color: bool) {
    let themes = d.themes();
    if themes.is_empty() {
        return;
    }
    let held: usize = themes.iter().map(|t| t.findings.len()).sum();
    let _ = writeln!(s, "\nThemes ({}, most impact first; {held} findings not dismissed)", themes.len());
    for (i, t) in themes.iter().enumerate() {
        let tag = paint(color, t.severity, &format!("{:<8}", t.severity.as_str().to_uppercase()));
        let _ = writeln!(s, "{:>4}. {tag} {}  [{}]", i + 1, t.title, t.codes.join(", "));
        // A manual theme is one finding: its example would repeat its title.
        if t.group_kind != super::GroupKind::Manual {
            let examples: Vec<&str> = t.examples.iter().map(|e| e.label.as_str()).collect();
            let _ = writeln!(s, "      e.g. {}", examples.join("; "));
        }
        let _ = writeln!(s, "      {}", t.recommendation.replace('\n', " "));
    }
}

/// The themes in Markdown, most impact first.
fn write_themes_markdown(s: &mut String, d: &Diagnosis<'_>) {
    let themes = d.themes();
    if themes.is_empty() {
        return;
    }
    s.push_str("\n## Themes\n\n");
    for (i, t) in themes.iter().enumerate() {
        let examples: Vec<String> = t.examples.iter().map(|e| md(&e.label)).collect();
        let examples = if t.group_kind == super::GroupKind::Manual {
            String::new()
        } else {
            format!("Examples: {}  \n   ", examples.join("; "))
        };
        let _ = writeln!(
            s,
            "{}. **{}** ({}, {} {}, {} {})  \n   {}{}",
            i + 1,
            md(&t.title),
            t.severity,
            t.people,
            if t.people == 1 { "person" } else { "people" },
            t.findings.len(),
            if t.findings.len() == 1 { "finding" } else { "findings" },
            examples,
            md(&t.recommendation)
        );
    }
}

/// Model hygiene after the findings: one line each, the subjects by name.
fn write_warnings(s: &mut String, d: &Diagnosis<'_>) {
    if d.warnings.is_empty() {
        return;
    }
    let names = d.names();
    let _ = writeln!(s, "\nWarnings (the model, not findings; {}):", d.warnings.len());
    for w in &d.warnings {
        let ids = w.subjects.ids();
        let subjects = ids.iter().map(|id| names.get(id)).collect::<Vec<_>>().join(", ");
        let _ = writeln!(s, "  {}  {}: {}", w.code, subjects, w.title);
    }
}

/// Escapes text for Markdown so that names users typed are shown, never interpreted.
fn md(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        if matches!(
            ch,
            '\\' | '`' | '*' | '_' | '{' | '}' | '[' | ']' | '<' | '>' | '(' | ')' | '#' | '+' | '-' | '!' | '|'
        ) {
            out.push('\\');
        }
        if ch == '\n' {
            out.push(' ');
        } else {
            out.push(ch);
        }
    }
    out
}

/// The report as Markdown: a table of scores, then findings by area and severity with their recommendations.
pub fn to_markdown(d: &Diagnosis<'_>, model: &Model) -> String {
    let names = d.names();
    let mut s = String::new();
    let e = &model.engagement;
    let _ = writeln!(s, "# Diagnosis: {}\n", md(&e.name));
    let _ = writeln!(s, "**Maturity:** level {} of 4, {}\n", d.scores.maturity.level, md(&d.scores.maturity.label));
    let _ = writeln!(s, "{}\n", md(&d.scores.evidence_text()));
    s.push_str("| Area | Score | Structural | Perceived | Answers |\n|---|---:|---:|---:|---:|\n");
    for row in area_rows(d) {
        let _ = writeln!(s, "| {} |", row.join(" | "));
    }
    write_themes_markdown(&mut s, d);
    let groups = group_findings(&d.findings);
    for (area, in_area) in sections(&groups, Area::ALL, |g| g.area) {
        let _ = writeln!(s, "\n## {}\n", area.label());
        for g in in_area {
            let example = d.findings.iter().find(|f| f.code == g.code).map_or("", |f| f.rationale());
            let _ = writeln!(
                s,
                "- **{}** ({}): {}  \n  {}",
                md(g.title),
                g.severity,
                md(&group_line(names, g)),
                md(example)
            );
        }
    }
    s
}
