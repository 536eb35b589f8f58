//! The pure layout step of the blueprint: every glyph covered by its font, nothing off the page or over other text, tables that repeat their header, large models summarised, and text snapshots.

use crate::blueprint_support;

use blueprint_support::*;
use trellis::model::synthetic::{self, Sizes};
use trellis::model::Model;
use trellis::report::{self, Design, Document, Item, TextRun, PAGE_HEIGHT, PAGE_WIDTH};

const DATE: &str = "2026-03-01";

fn compose(m: &Model) -> Document {
    report::compose(m, &Design::default_layout(), DATE, None)
}

fn runs(doc: &Document) -> impl Iterator<Item = (usize, &TextRun)> {
    doc.pages.iter().enumerate().flat_map(|(i, p)| {
        p.items.iter().filter_map(move |it| match it {
            Item::Text(t) => Some((i, t)),
            _ => None,
        })
    })
}

/// Every character of every run has a glyph in the face the run is set in: nothing falls back to `.notdef`.
fn assert_every_glyph_is_covered(doc: &Document) {
    for (page, t) in runs(doc) {
        for c in t.text.chars().filter(|c| !c.is_whitespace()) {
            assert!(
                t.face.covers(c),
                "page {}: {c:?} (U+{:04X}) in {:?} is not in {:?}",
                page + 1,
                c as u32,
                t.text,
                t.face
            );
        }
    }
}

/// A text run's box on the page: x0, x1, y0, y1, and its text for messages.
type Bounds<'a> = (f32, f32, f32, f32, &'a str);

/// Upright runs stay inside the page margins and no two overlap.
fn assert_nothing_overflows_or_overlaps(doc: &Document) {
    let margin = 30.0;
    let mut boxes: Vec<Vec<Bounds<'_>>> = vec![Vec::new(); doc.pages.len()];
    for (page, t) in runs(doc) {
        if t.angle != 0.0 {
            assert!(t.y <= PAGE_HEIGHT - margin && t.y - t.width() >= margin, "rotated {:?} leaves the page", t.text);
            continue;
        }
        let (x0, x1) = (t.x, t.x + t.width());
        let (y0, y1) = (t.y - t.size * 0.75, t.y + t.size * 0.2);
        assert!(
            x0 >= margin - 0.01 && x1 <= PAGE_WIDTH - margin + 0.01,
            "page {}: {:?} runs off the page ({x0:.1}..{x1:.1})",
            page + 1,
            t.text
        );
        assert!(
            y0 >= margin && y1 <= PAGE_HEIGHT - margin,
            "page {}: {:?} is off the page vertically",
            page + 1,
            t.text
        );
        boxes[page].push((x0, x1, y0, y1, &t.text));
    }
    for (page, list) in boxes.iter().enumerate() {
        for (i, a) in list.iter().enumerate() {
            for b in &list[i + 1..] {
                let overlap_x = a.0.max(b.0) < a.1.min(b.1) - 0.5;
                let overlap_y = a.2.max(b.2) < a.3.min(b.3) - 0.5;
                assert!(!(overlap_x && overlap_y), "page {}: {:?} overlaps {:?}", page + 1, a.4, b.4);
            }
        }
    }
}

#[test]
fn no_glyph_of_user_text_falls_back_to_notdef() {
    for m in [unicode(), demo(), long_names()] {
        let doc = compose(&m);
        assert_every_glyph_is_covered(&doc);
        // And the user's own words, one by one: every character has a face that draws it.
        for text in m
            .roles
            .iter()
            .map(|r| &r.name)
            .chain(m.competencies.iter().map(|c| &c.name))
            .chain([&m.summary, &m.engagement.name])
        {
            assert!(
                report::uncovered(text).is_empty(),
                "{text:?} has characters no font draws: {:?}",
                report::uncovered(text)
            );
        }
    }
}

#[test]
fn cjk_runs_use_the_fallback_face() {
    let doc = compose(&unicode());
    let cjk = runs(&doc).find(|(_, t)| t.text.contains('学')).expect("a CJK run").1;
    assert_eq!(cjk.face, report::Face::Fallback);
    assert!(runs(&doc).any(|(_, t)| t.text.contains("Zażółć") && t.face != report::Face::Fallback));
}

#[test]
fn long_names_wrap_and_never_run_off_the_page_or_over_other_text() {
    for m in [long_names(), demo(), unicode(), many_channels()] {
        assert_nothing_overflows_or_overlaps(&compose(&m));
    }
    let doc = compose(&long_names());
    let cover: String = doc.pages[0]
        .items
        .iter()
        .filter_map(|i| if let Item::Text(t) = i { Some(t.text.as_str()) } else { None })
        .collect::<Vec<_>>()
        .join(" ");
    assert!(cover.contains("Senior Regional Multimodal"), "the long name is on the cover, wrapped: {cover:.300}");
}

#[test]
fn a_long_table_breaks_across_pages_and_repeats_its_header() {
    let m = many_channels();
    let doc = compose(&m);
    let start = doc.outline.iter().find(|o| o.title == "Learning pathways").unwrap().page;
    let end = doc.outline.iter().find(|o| o.page > start).map_or(doc.pages.len(), |o| o.page);
    let with_header: Vec<usize> = (start..end)
        .filter(|p| doc.pages[*p].items.iter().any(|i| matches!(i, Item::Text(t) if t.text == "Builds")))
        .collect();
    assert!(with_header.len() >= 2, "the 60-step table spans pages, each with its header: {with_header:?}");
    let text = doc.plain_text();
    // The table shows its first 30 steps (a long name wraps inside its cell) and counts the rest.
    let shown = m.channels.iter().filter(|c| text.contains(&c.name[.."Channel number 00".len()])).count();
    assert!(shown >= 30, "{shown} rows");
    assert!(text.contains("And 30 channels more."), "the rest are counted");
}

#[test]
fn a_3000_role_engagement_is_summarised_not_drawn_as_a_hairball() {
    let m = synthetic::model(Sizes {
        roles: 3_000,
        competencies: 2_000,
        requires: 20_000,
        channels: 120,
        develops: 2_400,
        reaches: 6_000,
    });
    let doc = compose(&m);
    let text = doc.plain_text();
    assert!(
        text.contains("ROLE GROUPS") && text.contains("COMPETENCY CATEGORIES") && text.contains("CHANNEL KINDS"),
        "the map by group"
    );
    assert!(text.contains("GROUP / CATEGORY"), "the heatmap by group and category");
    let map_start = doc.outline.iter().find(|o| o.title == "The ecosystem today").unwrap().page;
    let map_end = doc.outline.iter().find(|o| o.page > map_start).map_or(doc.pages.len(), |o| o.page);
    let map_text: String = doc.pages[map_start..map_end]
        .iter()
        .flat_map(|p| &p.items)
        .filter_map(|i| if let Item::Text(t) = i { Some(t.text.as_str()) } else { None })
        .collect();
    assert!(!map_text.contains("Occupation 2999"), "3,000 role boxes would be unreadable");
    assert!(text.contains("Group 7"), "groups are named");
    let sections: Vec<(&str, usize)> = doc.outline.iter().map(|o| (o.title.as_str(), o.page + 1)).collect();
    assert!(doc.pages.len() <= 60, "a 3,000-role blueprint has {} pages, at most 60: {sections:?}", doc.pages.len());
    assert!(text.contains("Further themes"), "themes past the cards are one line each");
    assert!(text.contains("Every finding") && text.contains("are listed; the engagement file holds every one"));
    assert_every_glyph_is_covered(&doc);
    assert_nothing_overflows_or_overlaps(&doc);
}

#[test]
fn user_text_is_drawn_as_typed() {
    let mut m = demo();
    m.roles[0].name = "<script>{role} **bold** %s \\n".into();
    m.summary = "{client} [link](http://x) {{firm}}".into();
    let text = compose(&m).plain_text();
    assert!(text.contains("<script>{role} **bold** %s \\n"), "names are not interpreted");
    assert!(text.contains("{client} [link](http://x) {{firm}}"), "the summary is not interpreted");
}

/// A small engagement for the snapshots: two roles, three competencies, three channels.
fn snapshot_model() -> Model {
    let mut m = unicode();
    m.engagement.name = "Snapshot engagement".into();
    m.engagement.client = "Client Ltd".into();
    m.engagement.consultant = "A. Consultant".into();
    m
}

#[test]
fn layout_snapshot_default() {
    insta::assert_snapshot!(compose(&snapshot_model()).to_text());
}

#[test]
fn layout_snapshot_board_brief() {
    let doc = report::compose(&snapshot_model(), &Design::find("board-brief").unwrap(), DATE, None);
    insta::assert_snapshot!(doc.to_text());
}
