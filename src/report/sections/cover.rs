//! The cover: the document's title, the engagement, who it is for and by whom, the date, the logo and a few headline numbers.

use super::{count, Facts};
use crate::report::flow::{Flow, CONTENT_WIDTH, MARGIN_X};
use crate::report::layout::{Colour, OutlineEntry, PAGE_HEIGHT, PAGE_WIDTH};
use crate::report::text::{self, Style};

/// The logo's box on the cover, in points: at most this wide and high, aspect kept.
const LOGO_BOX: (f32, f32) = (130.0, 64.0);

pub fn compose(flow: &mut Flow<'_>, facts: &Facts<'_>, title: &str, logo: Option<(usize, usize)>) {
    let d = flow.design;
    let e = &facts.model.engagement;
    flow.bare_page();
    flow.outline.push(OutlineEntry { title: title.to_owned(), page: flow.page_index() });
    let band = 360.0;
    flow.rect(0.0, 0.0, PAGE_WIDTH, band, Some(d.primary), None);
    flow.rect(0.0, band, PAGE_WIDTH, 6.0, Some(d.accent), None);
    let white = Style::new(10.0, Colour::WHITE);
    if !d.firm.trim().is_empty() {
        flow.text(
            MARGIN_X,
            70.0,
            &text::fit(&d.firm, 11.0, true, CONTENT_WIDTH - LOGO_BOX.0 - 30.0),
            white.bold().sized(11.0),
        );
    }
    if let Some((w, h)) = logo {
        let scale = (LOGO_BOX.0 / w as f32).min(LOGO_BOX.1 / h as f32);
        let (lw, lh) = (w as f32 * scale, h as f32 * scale);
        let (px, py) = (MARGIN_X + CONTENT_WIDTH - LOGO_BOX.0 - 8.0, 44.0);
        flow.rect(px, py, LOGO_BOX.0 + 16.0, LOGO_BOX.1 + 16.0, Some(Colour::WHITE), None);
        flow.push(crate::report::layout::Item::Logo {
            x: px + 8.0 + (LOGO_BOX.0 - lw) / 2.0,
            y: py + 8.0 + (LOGO_BOX.1 - lh) / 2.0,
            w: lw,
            h: lh,
        });
    }
    let kicker = d.document_title.to_uppercase();
    flow.text(
        MARGIN_X,
        170.0,
        &text::fit(&kicker, 10.0, true, CONTENT_WIDTH),
        white.bold().coloured(d.accent.tint(0.45)),
    );
    // The engagement name: large, wrapped, and smaller when it is long, so it stays in the band.
    let mut size = 30.0;
    let mut lines = text::wrap(&e.name, &Style::new(size, Colour::WHITE).bold(), CONTENT_WIDTH);
    while lines.len() > 3 && size > 14.0 {
        size -= 2.0;
        lines = text::wrap(&e.name, &Style::new(size, Colour::WHITE).bold(), CONTENT_WIDTH);
    }
    let name_style = Style::new(size, Colour::WHITE).bold();
    let shown: Vec<String> = if lines.len() > 5 {
        let mut l = lines[..4].to_vec();
        l.push(text::fit(&lines[4..].join(" "), size, true, CONTENT_WIDTH));
        l
    } else {
        lines
    };
    flow.lines_at(MARGIN_X, 186.0, &shown, name_style);

    let label = Style::new(8.5, d.muted).bold();
    let value = Style::new(15.0, d.text).bold();
    let mut y = band + 60.0;
    let consultant = match (e.consultant.trim(), d.firm.trim()) {
        ("", "") => String::new(),
        ("", firm) => firm.to_owned(),
        (who, "") => who.to_owned(),
        (who, firm) => format!("{who}, {firm}"),
    };
    for (what, text_value) in
        [("PREPARED FOR", e.client.trim().to_owned()), ("PREPARED BY", consultant), ("DATE", facts.date.clone())]
    {
        if text_value.is_empty() {
            continue;
        }
        flow.text(MARGIN_X, y, what, label);
        let lines = text::wrap(&text_value, &value, CONTENT_WIDTH);
        let h = flow.lines_at(MARGIN_X, y + 5.0, &lines, value);
        y += h + 30.0;
    }

    // Headline numbers along the foot of the cover.
    let m = facts.model;
    let people: i64 = m.roles.iter().map(|r| r.headcount.max(0)).sum();
    let figures = [
        (super::thousands(m.roles.len()), count(m.roles.len(), "role", "roles")),
        (super::thousands(people as usize), count(people as usize, "person", "people")),
        (super::thousands(m.competencies.len()), count(m.competencies.len(), "competency", "competencies")),
        (super::thousands(m.channels.len()), count(m.channels.len(), "learning channel", "learning channels")),
    ];
    let fy = PAGE_HEIGHT - 150.0;
    flow.line(vec![(MARGIN_X, fy - 26.0), (MARGIN_X + CONTENT_WIDTH, fy - 26.0)], d.muted.tint(0.6), 0.6, false);
    let col = CONTENT_WIDTH / figures.len() as f32;
    for (i, (number, words)) in figures.iter().enumerate() {
        let x = MARGIN_X + i as f32 * col;
        flow.text(x, fy, number, Style::new(20.0, d.primary).bold());
        let noun = words.split_once(' ').map_or(words.as_str(), |(_, w)| w);
        flow.text(x, fy + 15.0, &text::fit(noun, 8.5, false, col - 6.0), Style::new(8.5, d.muted));
    }
    let footer = super::super::design::fill(
        &d.footer,
        &[("client", facts.client()), ("firm", d.firm.as_str()), ("engagement", e.name.as_str())],
    );
    let lines = text::wrap(&footer, &Style::new(8.0, d.muted), CONTENT_WIDTH);
    flow.lines_at(MARGIN_X, PAGE_HEIGHT - 70.0, &lines[..lines.len().min(2)], Style::new(8.0, d.muted));
}
