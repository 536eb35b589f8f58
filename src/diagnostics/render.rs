//! Diagnosis as text for a terminal (grouped by severity, colour optional) and as Markdown.

use super::group::{group_findings, FindingGroup};
use super::texts::Names;
use super::Diagnosis;
use crate::model::{Model, Pillar, Severity};
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
        "Maturity: level {} of 4, {} (mean area score {})\n",
        d.scores.maturity.level,
        d.scores.maturity.label,
        score(d.scores.mean())
    );
    let _ = writeln!(s, "{:<32} {:>6} {:>11} {:>10} {:>8}", "Area", "score", "structural", "perceived", "answers");
    for (p, ps) in &d.scores.pillars {
        let _ = writeln!(
            s,
            "{:<32} {:>6} {:>11} {:>10} {:>8}",
            p.title(),
            score(ps.score),
            score(ps.structural),
            score(ps.perceived),
            ps.responses
        );
    }
    let groups = group_findings(&d.findings);
    for sev in Severity::ALL {
        let of_sev: Vec<&FindingGroup> = groups.iter().filter(|g| g.severity == *sev).collect();
        if of_sev.is_empty() {
            continue;
        }
        let count: usize = of_sev.iter().map(|g| g.count).sum();
        let _ = writeln!(s, "\n{}", paint(color, *sev, &format!("{} ({count} findings)", sev.as_str().to_uppercase())));
        let mut last_code = "";
        for g in of_sev {
            if g.code != last_code {
                let _ = writeln!(s, "  {}  {}  [{}]", g.code, g.title, g.pillar);
                last_code = g.code;
            }
            let _ = writeln!(s, "    - {}", group_line(names, g));
        }
    }
    if d.findings.is_empty() {
        s.push_str("\nNo findings.\n");
    }
    s
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
    s.push_str("| Area | Score | Structural | Perceived | Answers |\n|---|---:|---:|---:|---:|\n");
    for (p, ps) in &d.scores.pillars {
        let _ = writeln!(
            s,
            "| {} | {} | {} | {} | {} |",
            p.title(),
            score(ps.score),
            score(ps.structural),
            score(ps.perceived),
            ps.responses
        );
    }
    let groups = group_findings(&d.findings);
    for pillar in Pillar::ALL {
        let in_area: Vec<&FindingGroup> = groups.iter().filter(|g| g.pillar == *pillar).collect();
        if in_area.is_empty() {
            continue;
        }
        let _ = writeln!(s, "\n## {}\n", pillar.title());
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
