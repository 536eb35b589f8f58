//! The themes as the findings section draws them: one card per theme, most impact first, with its numbers, examples and recommendation.
//!
//! The first theme of each code carries its full recommendation; later ones of the same code
//! refer to it and name their own starting point, so the section does not repeat itself.
//! A large engagement has hundreds of themes: the first `CARDS` are drawn as cards, the next
//! up to `ROWS` as one line each, and the rest are counted.

use super::{count, severity_colour, Facts};
use crate::diagnostics::{GroupKind, Theme};
use crate::report::flow::{Flow, CONTENT_WIDTH, MARGIN_X};
use crate::report::text::{self, Style};

/// Themes drawn as cards; the rest as one line each.
pub const CARDS: usize = 60;
/// Themes drawn as lines after the cards; the rest are counted.
pub const ROWS: usize = 160;

const INDENT: f32 = 22.0;

/// "451 people · 7 findings · Experiential learning. For example: A; B; C".
fn numbers(t: &Theme) -> String {
    let mut s = format!(
        "{} · {} · {}",
        count(t.people.max(0) as usize, "person", "people"),
        count(t.findings.len(), "finding", "findings"),
        t.pillar.label()
    );
    if t.group_kind != GroupKind::Manual && !t.examples.is_empty() {
        let labels: Vec<&str> = t.examples.iter().map(|e| e.label.as_str()).collect();
        s.push_str(if labels.len() == 1 { ". Example: " } else { ". Examples: " });
        s.push_str(&labels.join("; "));
    }
    s
}

/// The consultant's own words for a manual theme: its rationale.
fn rationale<'a>(facts: &'a Facts<'_>, t: &Theme) -> Option<&'a str> {
    if t.group_kind != GroupKind::Manual {
        return None;
    }
    let id = t.key.strip_prefix("manual:")?;
    let m = facts.model.manual_findings.iter().find(|m| m.id == id)?;
    Some(m.rationale.trim()).filter(|r| !r.is_empty())
}

/// A theme as a card: rank, title and severity; its numbers and examples; the recommendation
/// (after the consultant's rationale for a manual theme) and the notes on accepted findings.
fn card(flow: &mut Flow<'_>, facts: &Facts<'_>, rank: usize, t: &Theme, seen: Option<usize>) {
    let d = flow.design;
    let x = MARGIN_X + INDENT;
    let w = CONTENT_WIDTH - INDENT;
    let title_style = Style::new(9.0, d.text).bold();
    let tag = if t.group_kind == GroupKind::Manual {
        format!("{} · consultant’s finding", t.severity.label()).to_uppercase()
    } else {
        t.severity.label().to_uppercase()
    };
    let tag_style = Style::new(6.5, severity_colour(t.severity)).bold();
    let tag_w = text::width(&tag, tag_style.size, true) + 10.0;
    let mut blocks: Vec<(Vec<String>, Style)> = Vec::new();
    blocks.push((text::wrap(&t.title, &title_style, w), title_style));
    // The severity tag sits at the right of the numbers line.
    let meta = Style::new(7.0, d.muted);
    blocks.push((text::wrap(&numbers(t), &meta, w - tag_w - 8.0), meta));
    let body = Style::new(8.0, d.text);
    if let Some(r) = rationale(facts, t) {
        blocks.push((text::wrap(r, &body.coloured(d.muted), w), body.coloured(d.muted)));
    }
    // A theme of a code already shown refers to the first one's approach, with its own start.
    let recommendation = match (seen, t.examples.first()) {
        (Some(first), Some(e)) => format!("As for theme {first}; here, start with {}.", e.label),
        _ => t.recommendation.clone(),
    };
    blocks.push((text::wrap(&recommendation, &body, w), body));
    let mut notes: Vec<&str> = t.findings.iter().filter_map(|k| facts.notes.get(k).map(String::as_str)).collect();
    notes.dedup();
    for n in notes {
        let style = body.coloured(d.primary);
        blocks.push((text::wrap(&format!("Consultant’s note: {n}"), &style, w), style));
    }
    let h: f32 = blocks.iter().map(|(l, s)| l.len() as f32 * s.line_height() + 0.5).sum::<f32>() + 4.0;
    flow.ensure(h);
    let top = flow.y;
    flow.text(MARGIN_X + 2.0, top + title_style.size * 1.05, &rank.to_string(), Style::new(9.0, d.primary).bold());
    let tag_top = top + blocks[0].0.len() as f32 * title_style.line_height() + 0.5;
    flow.rect(
        MARGIN_X + CONTENT_WIDTH - tag_w,
        tag_top,
        tag_w,
        9.0,
        Some(severity_colour(t.severity).tint(0.85)),
        None,
    );
    flow.text(MARGIN_X + CONTENT_WIDTH - tag_w + 5.0, tag_top + 6.8, &tag, tag_style);
    let mut y = top;
    for (lines, style) in &blocks {
        y += flow.lines_at(x, y, lines, *style) + 0.5;
    }
    flow.rect(MARGIN_X + INDENT - 8.0, top + 1.0, 2.5, h - 4.5, Some(severity_colour(t.severity)), None);
    flow.y = top + h;
    flow.line(vec![(x, flow.y - 2.0), (MARGIN_X + CONTENT_WIDTH, flow.y - 2.0)], d.muted.tint(0.85), 0.4, false);
}

/// One line for a theme past the cards: rank, severity, title and people.
fn line(flow: &mut Flow<'_>, rank: usize, t: &Theme) {
    let d = flow.design;
    let style = Style::new(7.5, d.text);
    let title = text::wrap(&t.title, &style, CONTENT_WIDTH - INDENT - 60.0);
    let h = title.len() as f32 * style.line_height() + 1.5;
    flow.ensure(h);
    let top = flow.y;
    flow.lines_at(MARGIN_X + 2.0, top, &[rank.to_string()], style.coloured(d.primary).bold());
    flow.lines_at(MARGIN_X + INDENT, top, &title, style);
    let sev = Style::new(7.0, severity_colour(t.severity)).bold();
    flow.text_right(MARGIN_X + CONTENT_WIDTH, top + style.size * 1.05, &t.severity.label().to_uppercase(), sev);
    flow.y = top + h;
}

/// Draws the themes, most impact first.
pub fn compose(flow: &mut Flow<'_>, facts: &Facts<'_>) {
    let themes = &facts.themes;
    let mut first_of: Vec<(&str, usize)> = Vec::new();
    for (i, t) in themes.iter().take(CARDS).enumerate() {
        let code = t.codes.first().copied().unwrap_or_default();
        let seen = first_of.iter().find(|(c, _)| *c == code).map(|(_, n)| *n);
        if seen.is_none() && t.group_kind != GroupKind::Manual {
            first_of.push((code, i + 1));
        }
        card(flow, facts, i + 1, t, seen.filter(|_| t.group_kind != GroupKind::Manual));
    }
    if themes.len() > CARDS {
        flow.heading("Further themes", 40.0);
        for (i, t) in themes.iter().enumerate().skip(CARDS).take(ROWS) {
            line(flow, i + 1, t);
        }
    }
    if themes.len() > CARDS + ROWS {
        let rest = &themes[CARDS + ROWS..];
        let findings: usize = rest.iter().map(|t| t.findings.len()).sum();
        flow.y += 4.0;
        flow.paragraph(
            &format!(
                "And {} more ({}). The engagement file lists every one (trellis diagnose).",
                count(rest.len(), "theme", "themes"),
                count(findings, "finding", "findings")
            ),
            flow.muted(),
        );
    }
}
