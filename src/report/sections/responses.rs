//! What people told us: per area, the spread and mean of the answers, results by group where a group is large enough to stay anonymous, and notable notes.

use super::{count, Facts};
use crate::diagnostics::find_bank;
use crate::model::{scale_text, Area, DONT_KNOW, SCALE};
use crate::report::flow::{Flow, CONTENT_WIDTH, MARGIN_X};
use crate::report::layout::Colour;
use crate::report::table::{self, Cell, Column, Table};
use crate::report::text::{self, Style};

const MAX_NOTES: usize = 3;
const MAX_GROUPS: usize = 20;

/// The answer scale's colours, 1 (not at all) to 5 (fully), then "don't know".
const SCALE_COLOURS: [Colour; 6] = [
    Colour(0xC8, 0x4B, 0x3A),
    Colour(0xE8, 0x9A, 0x6C),
    Colour(0xD9, 0xD4, 0xC7),
    Colour(0x8C, 0xBF, 0xA6),
    Colour(0x2E, 0x8B, 0x6B),
    Colour(0xB8, 0xBC, 0xC4),
];

fn distribution_bar(flow: &mut Flow<'_>, counts: &[usize; 6], legend: bool) {
    let total: usize = counts.iter().sum();
    if total == 0 {
        return;
    }
    let d = flow.design;
    flow.ensure(34.0);
    let (x0, y, w, h) = (MARGIN_X, flow.y, CONTENT_WIDTH, 14.0);
    let mut x = x0;
    for (i, n) in counts.iter().enumerate() {
        if *n == 0 {
            continue;
        }
        let seg = w * *n as f32 / total as f32;
        flow.rect(x, y, seg, h, Some(SCALE_COLOURS[i]), None);
        let label = super::thousands(*n);
        if text::width(&label, 7.0, true) + 4.0 < seg {
            let ink = if SCALE_COLOURS[i].lightness() < 0.55 { Colour::WHITE } else { d.text };
            flow.text_centred(x + seg / 2.0, y + 10.0, &label, Style::new(7.0, ink).bold());
        }
        x += seg;
    }
    if !legend {
        flow.y += h + 8.0;
        return;
    }
    let legend = scale_legend();
    let lw = CONTENT_WIDTH / legend.len() as f32;
    for (i, l) in legend.iter().enumerate() {
        let lx = x0 + i as f32 * lw;
        flow.rect(lx, y + h + 5.0, 7.0, 7.0, Some(SCALE_COLOURS[i]), None);
        flow.text(lx + 10.0, y + h + 11.5, l, Style::new(7.0, d.muted));
    }
    flow.y += h + 22.0;
}

/// The legend under the first bar: each point of Trellis's one answer scale, then "don't know".
pub fn scale_legend() -> Vec<String> {
    let mut out: Vec<String> = SCALE.iter().enumerate().map(|(i, w)| format!("{} {w}", i + 1)).collect();
    out.push(DONT_KNOW.to_owned());
    out
}

/// The sentence that says how people answered.
pub fn scale_sentence(people: &str) -> String {
    format!("{people} answered the diagnostic statements by how far each is true here: {}.", scale_text())
}

pub fn compose(flow: &mut Flow<'_>, facts: &Facts<'_>, title: &str) {
    flow.start_section(title);
    let a = &facts.answers;
    let body = flow.body();
    if a.areas.is_empty() {
        flow.paragraph(
            "No answers to the diagnostic questions have been recorded for this engagement yet, so the area scores rest on the structure of the ecosystem alone. Asking the people in the roles below adds how the ecosystem is experienced, area by area:",
            body,
        );
        if let Some(bank) = find_bank(facts.model, "core") {
            for p in Area::ALL {
                let Some(q) = bank.questions.iter().find(|q| q.area == *p) else { continue };
                flow.subheading(p.label(), 14.0);
                bullet(flow, &q.text, body);
            }
        }
        return;
    }
    flow.paragraph(
        &format!(
            "{} Results by group are shown only for groups with at least {} respondents, so that no one can be singled out. Notes are quoted as written, without names.",
            scale_sentence(&count(a.respondents, "person", "people")),
            a.anonymity_threshold
        ),
        body,
    );
    let mut first = true;
    for area in &a.areas {
        flow.heading(area.area.label(), 80.0);
        let mean = area.mean.map_or("no scored answers".to_owned(), |m| format!("mean {m:.1} of 5"));
        flow.paragraph(
            &format!(
                "{} from {} ({}).",
                capitalise(&mean),
                count(area.respondents, "respondent", "respondents"),
                count(area.responses, "answer", "answers")
            ),
            body.bold(),
        );
        let mut counts = [0usize; 6];
        counts[..5].copy_from_slice(&area.distribution);
        counts[5] = area.dont_know;
        distribution_bar(flow, &counts, first);
        first = false;
        if !area.groups.is_empty() {
            let rows = area
                .groups
                .iter()
                .take(MAX_GROUPS)
                .map(|g| {
                    vec![
                        Cell::new(g.group.clone()),
                        Cell::new(super::thousands(g.respondents)),
                        Cell::new(g.mean.map_or("-".to_owned(), |m| format!("{m:.1}"))).bold(),
                    ]
                })
                .collect();
            let columns = vec![
                Column::new("Group", CONTENT_WIDTH - 180.0),
                Column::right("Respondents", 90.0),
                Column::right("Mean (1-5)", 90.0),
            ];
            table::draw(flow, &Table { columns, rows, size: 8.5 });
        }
        if !area.types.is_empty() {
            // By the part people play (learner, manager, ...): managers and learners side by side.
            let rows = area
                .types
                .iter()
                .map(|t| {
                    vec![
                        Cell::new(t.respondent_type.label()),
                        Cell::new(super::thousands(t.respondents)),
                        Cell::new(t.mean.map_or("-".to_owned(), |m| format!("{m:.1}"))).bold(),
                    ]
                })
                .collect();
            let columns = vec![
                Column::new("Part in learning", CONTENT_WIDTH - 180.0),
                Column::right("Respondents", 90.0),
                Column::right("Mean (1-5)", 90.0),
            ];
            table::draw(flow, &Table { columns, rows, size: 8.5 });
        }
        if area.hidden_groups > 0 {
            flow.paragraph(
                &format!(
                    "{} with fewer than {} respondents {} not shown separately.",
                    count(area.hidden_groups, "group", "groups"),
                    a.anonymity_threshold,
                    if area.hidden_groups == 1 { "is" } else { "are" }
                ),
                flow.muted(),
            );
        }
        let notes: Vec<&str> = a
            .questions
            .iter()
            .filter(|q| q.area == area.area)
            .flat_map(|q| q.notes.iter().map(String::as_str))
            .filter(|n| !n.trim().is_empty())
            .take(MAX_NOTES)
            .collect();
        if !notes.is_empty() {
            flow.subheading("In their words", 30.0);
            for n in notes {
                let style = body.coloured(flow.design.primary);
                flow.paragraph_in(MARGIN_X + 12.0, CONTENT_WIDTH - 12.0, &format!("“{}”", n.trim()), style);
                flow.y += 4.0;
            }
        }
    }
    let unanswered: Vec<&str> = Area::ALL.iter().filter(|p| a.area(**p).is_none()).map(|p| p.label()).collect();
    if !unanswered.is_empty() {
        flow.paragraph(&format!("No answers yet in: {}.", unanswered.join(", ")), flow.muted());
    }
}

/// A bulleted paragraph with a hanging indent.
fn bullet(flow: &mut Flow<'_>, text: &str, style: Style) {
    let lines = text::wrap(text, &style, CONTENT_WIDTH - 14.0);
    flow.ensure(style.line_height());
    flow.text(MARGIN_X + 2.0, flow.y + style.size * 1.05, "•", style);
    for line in lines {
        flow.ensure(style.line_height());
        let top = flow.y;
        flow.lines_at(MARGIN_X + 14.0, top, std::slice::from_ref(&line), style);
        flow.y += style.line_height();
    }
    flow.y += 4.0;
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next().map(|f| f.to_uppercase().collect::<String>() + c.as_str()).unwrap_or_default()
}
