//! The executive summary: the consultant's words (or a generated summary), the maturity level, the six area scores and the three themes that matter most.

use super::{count, severity_colour, Facts};
use crate::diagnostics::Rules;
use crate::model::Area;
use crate::report::flow::{Flow, CONTENT_WIDTH, MARGIN_X};
use crate::report::text::{self, Style};

fn score_text(s: Option<f64>) -> String {
    s.map_or_else(|| "not scored".to_owned(), |v| format!("{v:.0}"))
}

/// A summary in plain words from the diagnosis, for when the consultant has not written one.
pub fn generated(facts: &Facts<'_>) -> String {
    let m = facts.model;
    let d = &facts.diagnosis;
    let people: i64 = m.roles.iter().map(|r| r.headcount.max(0)).sum();
    let mut s = format!(
        "{} asked for a view of how its people build the capabilities their work needs. We mapped {} ({}) against {}, and the {} that develop them.",
        facts.client(),
        count(m.roles.len(), "role", "roles"),
        count(people as usize, "person", "people"),
        count(m.competencies.len(), "competency", "competencies"),
        count(m.channels.len(), "learning channel", "learning channels"),
    );
    s.push_str(&format!(
        " It stands at maturity level {} of 4, {}. {}",
        d.scores.maturity.level,
        d.scores.maturity.label.to_lowercase(),
        d.scores.evidence_text()
    ));
    let scored: Vec<(Area, f64)> = d.scores.areas.iter().filter_map(|(p, s)| s.score.map(|v| (*p, v))).collect();
    let best = scored.iter().copied().max_by(|a, b| a.1.total_cmp(&b.1));
    let worst = scored.iter().copied().min_by(|a, b| a.1.total_cmp(&b.1));
    if let (Some(b), Some(w)) = (best, worst) {
        if b.0 != w.0 {
            s.push_str(&format!(
                " Its strongest area is {} ({:.0} of 100); its weakest is {} ({:.0}).",
                b.0.label().to_lowercase(),
                b.1,
                w.0.label().to_lowercase(),
                w.1
            ));
        }
    }
    let open = facts.open_findings();
    let urgent = facts.open_by_severity[0] + facts.open_by_severity[1];
    s.push_str(&format!(
        "\n\nThe diagnosis raised {}, {} of them critical or high.",
        count(open, "finding", "findings"),
        super::thousands(urgent)
    ));
    // The first theme, so the sentence names what heads "What matters most" below.
    if let Some(top) = facts.themes.first() {
        s.push_str(&format!(" The most pressing theme is “{}”.", top.title.trim_end_matches('.')));
    }
    s.push_str(
        " The roadmap at the end of this blueprint puts the recommendations in order, most urgent first and each after what it builds on.",
    );
    s
}

pub fn compose(flow: &mut Flow<'_>, facts: &Facts<'_>, title: &str) {
    flow.start_section(title);
    let d = flow.design;
    let body = flow.body().sized(10.0);
    let own = facts.model.summary.trim();
    let summary = if own.is_empty() { generated(facts) } else { own.to_owned() };
    for para in summary.split("\n\n") {
        flow.paragraph(para.trim(), body);
    }
    flow.y += 4.0;

    // Maturity ladder.
    flow.heading("Maturity", 80.0);
    let levels = &Rules::builtin().maturity;
    let current = facts.diagnosis.scores.maturity.level;
    let step_w = CONTENT_WIDTH / levels.len().max(1) as f32;
    let top = flow.y + 4.0;
    let step = 7.0;
    let full = 36.0 + step * (levels.len().saturating_sub(1)) as f32;
    for (i, level) in levels.iter().enumerate() {
        let x = MARGIN_X + i as f32 * step_w;
        let rise = step * (levels.len() - 1 - i) as f32;
        let here = level.level == current;
        let fill = if here {
            d.primary
        } else if level.level < current {
            d.primary.tint(0.6)
        } else {
            d.muted.tint(0.85)
        };
        flow.rect(x + 1.5, top + rise, step_w - 3.0, full - rise, Some(fill), None);
        let ink = if here || level.level < current { crate::report::layout::Colour::WHITE } else { d.text };
        let label = if here { format!("Level {}: today", level.level) } else { format!("Level {}", level.level) };
        flow.text(x + 8.0, top + rise + 12.0, &label, Style::new(8.0, ink).bold());
        let lines = text::wrap(&level.label, &Style::new(8.5, ink), step_w - 16.0);
        flow.lines_at(x + 8.0, top + rise + 15.0, &lines[..lines.len().min(2)], Style::new(8.5, ink));
    }
    flow.y = top + full + 6.0;
    let mean = facts.diagnosis.scores.mean().map_or("no".to_owned(), |m| format!("{m:.0}"));
    flow.paragraph(
        &format!(
            "Level {} of 4, {}: the mean area score is {mean} of 100. A level is reached when both the mean and the weakest area meet its thresholds (see the appendix).",
            current,
            facts.diagnosis.scores.maturity.label.to_lowercase()
        ),
        flow.muted(),
    );

    // Area scores chart.
    flow.heading("The six areas", 150.0);
    let label_w = 170.0;
    let bar_x = MARGIN_X + label_w;
    let bar_w = CONTENT_WIDTH - label_w - 40.0;
    let row = 15.0;
    let top = flow.y + 4.0;
    let areas = &facts.diagnosis.scores.areas;
    for t in [0.0, 25.0, 50.0, 75.0, 100.0] {
        let x = bar_x + bar_w * t / 100.0;
        flow.line(vec![(x, top - 2.0), (x, top + row * areas.len() as f32)], d.muted.tint(0.8), 0.4, false);
        flow.text_centred(x, top + row * areas.len() as f32 + 9.0, &format!("{t:.0}"), Style::new(7.0, d.muted));
    }
    for (i, (p, s)) in areas.iter().enumerate() {
        let y = top + i as f32 * row;
        flow.text(MARGIN_X, y + 10.5, &text::fit(p.label(), 9.0, false, label_w - 8.0), Style::new(9.0, d.text));
        match s.score {
            Some(v) => {
                flow.rect(bar_x, y + 2.5, bar_w * (v as f32 / 100.0).clamp(0.0, 1.0), row - 5.0, Some(d.primary), None);
                flow.text(bar_x + bar_w + 6.0, y + 10.5, &score_text(Some(v)), Style::new(9.0, d.text).bold());
            }
            None => {
                flow.text(
                    bar_x + 4.0,
                    y + 10.5,
                    "not scored: no structure or answers to score it on",
                    Style::new(8.0, d.muted),
                );
            }
        }
    }
    flow.y = top + row * areas.len() as f32 + 14.0;
    flow.paragraph(
        "Scores run from 0 to 100. Each area combines what the model shows (structure) with what people answered (perception) where both exist.",
        flow.muted(),
    );

    // The themes that matter most: the top three by impact, with their numbers.
    flow.heading("What matters most", 80.0);
    if facts.themes.is_empty() {
        flow.paragraph("The diagnosis found nothing that needs action.", body);
    }
    for (i, t) in facts.themes.iter().take(3).enumerate() {
        let tag = t.severity.label().to_uppercase();
        let sev = Style::new(7.0, severity_colour(t.severity)).bold();
        let tag_w = text::width(&tag, sev.size, true);
        let head = Style::new(9.5, d.text).bold();
        let body9 = Style::new(9.0, d.text);
        let w = CONTENT_WIDTH - 14.0;
        let head_lines = text::wrap(&format!("{}. {}", i + 1, t.title), &head, w - tag_w - 10.0);
        let numbers = format!(
            "{} affected; {}.",
            count(t.people.max(0) as usize, "person", "people"),
            count(t.findings.len(), "finding", "findings")
        );
        // The recommendation's first sentence: the summary must stay on its page.
        let first = t.recommendation.split_once(". ").map_or(t.recommendation.as_str(), |(s, _)| s);
        let first = first.trim_end_matches('.');
        let rec_lines = text::wrap(&format!("{numbers} {first}."), &body9, w);
        let need = head_lines.len() as f32 * head.line_height() + rec_lines.len() as f32 * body9.line_height() + 8.0;
        flow.ensure(need);
        let y0 = flow.y;
        flow.text_right(MARGIN_X + CONTENT_WIDTH, y0 + head.size * 1.05, &tag, sev);
        flow.y += flow.lines_at(MARGIN_X + 14.0, flow.y, &head_lines, head);
        flow.y += flow.lines_at(MARGIN_X + 14.0, flow.y, &rec_lines, body9);
        flow.rect(MARGIN_X, y0 + 2.0, 3.0, flow.y - y0 - 2.0, Some(severity_colour(t.severity)), None);
        flow.y += 6.0;
    }
}
