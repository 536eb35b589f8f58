//! What people told us: per area, the spread and mean of the answers, results by group where a group is large enough to stay anonymous, and notable notes.

use super::{count, Facts};
use crate::diagnostics::find_bank;
use crate::model::{scale_text, Area, DONT_KNOW, SCALE};
use crate::report::flow::{Flow, BOTTOM, CONTENT_WIDTH, MARGIN_X, TOP};
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
                bullet(flow, &q.text, body, 4.0);
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
        let groups = (!area.groups.is_empty()).then(|| {
            let rows = area
                .groups
                .iter()
                .take(MAX_GROUPS)
                .map(|g| (g.group.clone(), g.respondents, g.mean))
                .collect::<Vec<_>>();
            results("Group", rows)
        });
        // By the part people play (learner, manager, ...): managers and learners side by side.
        let types = (!area.types.is_empty()).then(|| {
            let rows = area
                .types
                .iter()
                .map(|t| (t.respondent_type.label().to_owned(), t.respondents, t.mean))
                .collect::<Vec<_>>();
            results("Part in learning", rows)
        });
        beside(flow, groups, types);
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
            flow.subheading("In their words", 24.0);
            let style = Style::new(8.5, flow.design.primary);
            for n in notes {
                bullet(flow, &format!("“{}”", n.trim()), style, 1.5);
            }
            flow.y += 4.0;
        }
    }
    let unanswered: Vec<&str> = Area::ALL.iter().filter(|p| a.area(**p).is_none()).map(|p| p.label()).collect();
    if !unanswered.is_empty() {
        flow.paragraph(&format!("No answers yet in: {}.", unanswered.join(", ")), flow.muted());
    }
}

/// A bulleted paragraph with a hanging indent, and `after` points below it.
fn bullet(flow: &mut Flow<'_>, text: &str, style: Style, after: f32) {
    let lines = text::wrap(text, &style, CONTENT_WIDTH - 14.0);
    flow.ensure(style.line_height());
    flow.text(MARGIN_X + 2.0, flow.y + style.size * 1.05, "•", style);
    for line in lines {
        flow.ensure(style.line_height());
        let top = flow.y;
        flow.lines_at(MARGIN_X + 14.0, top, std::slice::from_ref(&line), style);
        flow.y += style.line_height();
    }
    flow.y += after;
}

/// A results table (a name, its respondents and their mean) for half the page width.
fn results(first: &str, rows: Vec<(String, usize, Option<f64>)>) -> Table {
    let rows = rows
        .into_iter()
        .map(|(name, n, mean)| {
            vec![
                Cell::new(name),
                Cell::new(super::thousands(n)),
                Cell::new(mean.map_or("-".to_owned(), |m| format!("{m:.1}"))).bold(),
            ]
        })
        .collect();
    let columns =
        vec![Column::new(first, HALF - 128.0), Column::right("Respondents", 68.0), Column::right("Mean (1-5)", 60.0)];
    Table { columns, rows, size: 8.0 }
}

/// The width of a table beside another, and the gap between them.
const GAP: f32 = 14.0;
const HALF: f32 = (CONTENT_WIDTH - GAP) / 2.0;

/// Draws the results by group and by part side by side when both fit on the page together,
/// one under the other when not (a long list of groups breaks across pages).
fn beside(flow: &mut Flow<'_>, left: Option<Table>, right: Option<Table>) {
    let tall = |t: &Option<Table>| t.as_ref().map_or(0.0, table::height);
    let h = tall(&left).max(tall(&right));
    if left.is_none() || right.is_none() || h > (BOTTOM - TOP) / 2.0 {
        for t in left.iter().chain(right.iter()) {
            table::draw(flow, t);
        }
        return;
    }
    flow.ensure(h);
    let top = flow.y;
    let mut end = top;
    for (x, t) in [(MARGIN_X, &left), (MARGIN_X + HALF + GAP, &right)] {
        if let Some(t) = t {
            flow.y = top;
            table::draw_at(flow, x, t);
            end = end.max(flow.y);
        }
    }
    flow.y = end;
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next().map(|f| f.to_uppercase().collect::<String>() + c.as_str()).unwrap_or_default()
}
