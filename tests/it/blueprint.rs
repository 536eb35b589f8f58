//! The blueprint PDF checked as a reader sees it: qpdf finds it valid, pdfinfo its metadata, pdftotext every heading, role, finding and recommendation; reproducible bytes; Unicode; logo; layouts; the CLI.

use crate::blueprint_support;

use blueprint_support::*;
use trellis::model::{Area, Disposition, ManualFinding, Severity, Subjects, Verdict};
use trellis::report::{self, Design};

const DATE: &str = "2026-03-01";

fn render(m: &trellis::model::Model, layout: &str) -> Vec<u8> {
    report::blueprint(m, &Design::find(layout).unwrap(), DATE, None).unwrap()
}

/// One field of `pdfinfo`'s output.
fn info(path: &std::path::Path, key: &str) -> String {
    let (ok, out) = tool("pdfinfo", &[path.to_str().unwrap()]);
    assert!(ok, "{out}");
    out.lines().find_map(|l| l.strip_prefix(&format!("{key}:"))).map(|v| v.trim().to_owned()).unwrap_or_default()
}

fn outline_titles(path: &std::path::Path) -> Vec<(String, u64)> {
    let (ok, json) = tool("qpdf", &["--json", "--json-key=outlines", path.to_str().unwrap()]);
    assert!(ok, "{json}");
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    v["outlines"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| (o["title"].as_str().unwrap().to_owned(), o["destpageposfrom1"].as_u64().unwrap()))
        .collect()
}

#[test]
fn the_demo_blueprint_is_valid_and_says_everything_it_must() {
    let dir = tempfile::tempdir().unwrap();
    let m = demo();
    let path = write_pdf(dir.path(), "demo.pdf", &render(&m, "default"));

    let (ok, check) = tool("qpdf", &["--check", path.to_str().unwrap()]);
    assert!(ok && check.contains("No syntax or stream encoding errors"), "{check}");

    assert_eq!(info(&path, "Title"), "Warehouse and Fleet Capability Review: Learning Ecosystem Blueprint");
    assert_eq!(info(&path, "Author"), "Maren Kovács");
    assert!(info(&path, "Creator").starts_with("Trellis "), "{}", info(&path, "Creator"));
    assert!(
        info(&path, "CreationDate").contains("Mar  1 00:00:00 2026"),
        "the date passed in: {}",
        info(&path, "CreationDate")
    );

    let text = pdf_text(&path);
    for must in [m.engagement.name.as_str(), &m.engagement.client, &m.engagement.consultant, "1 March 2026"] {
        assert!(text.contains(must), "missing {must:?}");
    }
    for section in &Design::default_layout().sections {
        assert!(text.contains(&section.title), "missing heading {:?}", section.title);
    }
    for heading in ["Maturity", "The six areas", "What matters most", "Method", "Glossary", "Data sources"] {
        assert!(text.contains(heading), "missing heading {heading:?}");
    }
    for p in Area::ALL {
        assert!(text.contains(p.label()), "missing area {:?}", p.label());
    }
    for r in &m.roles {
        assert!(text.contains(&r.name), "missing role {:?}", r.name);
    }
    for c in &m.channels {
        assert!(text.contains(&c.name), "missing channel {:?}", c.name);
    }
    let d = trellis::diagnostics::diagnose(&m);
    let themes = d.themes();
    assert!(themes.len() > 30, "the demo has many themes: {}", themes.len());
    let mut codes_seen: Vec<&str> = Vec::new();
    for (i, t) in themes.iter().enumerate() {
        assert!(text.contains(&squash(&t.title)), "missing theme {} {:?}", i + 1, t.title);
        // The first theme of a code carries the recommendation; later ones refer to it.
        if codes_seen.contains(&t.codes[0]) {
            assert!(text.contains(&squash(&format!("here, start with {}.", t.examples[0].label))), "{}", t.key);
        } else {
            assert!(text.contains(&squash(&t.recommendation)), "missing recommendation of {}", t.key);
            codes_seen.push(t.codes[0]);
        }
    }
    // The summary names the top three themes.
    let summary = &text[text.find("What matters most").unwrap()..];
    for t in &themes[..3] {
        assert!(summary.contains(&squash(&t.title)), "{:?} in what matters most", t.title);
    }
    // The appendix lists every finding, by what it is about.
    let list = &text[text.rfind("Every finding").expect("the finding list")..];
    for f in d.findings.iter() {
        assert!(list.contains(&squash(&d.subject_label(f))), "{} in the finding list", f.key());
    }
    for source in ["Kirkpatrick", "Phillips", "70-20-10", "Clardy", "Gilbert", "Mager", "Thalheimer", "Holton"] {
        assert!(text.contains(source), "the appendix names {source}");
    }
    assert!(text.contains("Trellis conventions"), "thresholds and weights are called Trellis conventions");
    // The demo's attributions: its roles carry O*NET codes.
    assert!(text.contains("O*NET"), "O*NET attribution");

    let outline = outline_titles(&path);
    let titles: Vec<&str> = outline.iter().map(|(t, _)| t.as_str()).collect();
    let design = Design::default_layout();
    let expected: Vec<&str> = design.sections.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(titles, expected, "a bookmark for every section, in order");
    assert!(outline.windows(2).all(|w| w[0].1 < w[1].1), "every section starts on its own page: {outline:?}");
    // The contents page lists each later section with the page its bookmark points to.
    for (title, page) in outline.iter().skip(2) {
        assert!(text.contains(&format!("{title} {page}")), "contents line for {title:?} on page {page}");
    }
}

/// Pages per section, from the outline: (title, first page, pages).
fn section_pages(path: &std::path::Path) -> Vec<(String, u64, u64)> {
    let outline = outline_titles(path);
    let total: u64 = info(path, "Pages").parse().unwrap();
    outline
        .iter()
        .enumerate()
        .map(|(i, (t, p))| (t.clone(), *p, outline.get(i + 1).map_or(total + 1, |n| n.1) - p))
        .collect()
}

#[test]
fn the_demo_blueprint_keeps_to_its_page_budget() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_pdf(dir.path(), "demo.pdf", &render(&demo(), "default"));
    let pages: u64 = info(&path, "Pages").parse().unwrap();
    let sections = section_pages(&path);
    assert!(pages <= 20, "the demo blueprint has {pages} pages, at most 20: {sections:?}");
    let findings = sections.iter().find(|(t, ..)| t == "Findings").unwrap();
    assert!(findings.2 <= 6, "the findings section has {} pages, at most 6", findings.2);
    let opts = report::Options { finding_list: false };
    let short = report::blueprint_with(&demo(), &Design::default_layout(), DATE, None, &opts).unwrap();
    let short = write_pdf(dir.path(), "short.pdf", &short);
    let short_pages: u64 = info(&short, "Pages").parse().unwrap();
    // The demo's list now fits beside the glossary's end on the appendix's last page, so
    // leaving it out need not save a page; it must never cost one.
    assert!(short_pages <= pages, "without the finding list: {short_pages} pages, with it {pages}");
    let text = pdf_text(&short);
    assert!(!text.contains("Every finding") && text.contains("What matters most"), "the list goes, the themes stay");
}

#[test]
fn every_page_has_the_running_header_and_its_number() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_pdf(dir.path(), "demo.pdf", &render(&demo(), "default"));
    let pages: usize = info(&path, "Pages").parse().unwrap();
    assert!(pages > 10, "{pages} pages");
    for p in 2..=pages {
        let (_, t) = tool("pdftotext", &["-f", &p.to_string(), "-l", &p.to_string(), path.to_str().unwrap(), "-"]);
        let t = squash(&t);
        assert!(t.contains(&format!("Page {p} of {pages}")), "page {p}: {t:.200}");
        assert!(t.contains("Warehouse and Fleet Capability Review"), "running header on page {p}");
        assert!(t.contains("Confidential: prepared for Northmere Freight & Distribution"), "footer on page {p}");
    }
}

#[test]
fn the_same_engagement_and_date_give_the_same_bytes() {
    let m = demo();
    let a = render(&m, "default");
    let b = render(&m, "default");
    assert!(a == b, "two renders differ");
    let design = Design::default_layout();
    let later = report::blueprint(&m, &design, "2026-03-02", None).unwrap();
    assert_ne!(a, later, "the date is in the document");
}

#[test]
fn names_in_every_script_round_trip_through_pdftotext() {
    let dir = tempfile::tempdir().unwrap();
    let m = unicode();
    let path = write_pdf(dir.path(), "unicode.pdf", &render(&m, "default"));
    let (ok, check) = tool("qpdf", &["--check", path.to_str().unwrap()]);
    assert!(ok, "{check}");
    let text = pdf_text(&path);
    for name in UNICODE_NAMES.iter().chain([&m.engagement.client.as_str(), &m.engagement.consultant.as_str()]) {
        assert!(text.contains(name), "missing {name:?}");
    }
    for part in m.summary.split(". ") {
        assert!(text.contains(&squash(part)), "missing summary part {part:?}");
    }
    let (_, fonts) = tool("pdffonts", &[path.to_str().unwrap()]);
    assert!(fonts.contains("DroidSansFallback") && fonts.contains("DejaVuSans"), "{fonts}");
    assert_eq!(info(&path, "Author"), "Małgorzata Şahin");
}

#[test]
fn dismissed_findings_are_left_out_accepted_ones_carry_the_note_and_manual_ones_appear() {
    let dir = tempfile::tempdir().unwrap();
    let mut m = demo();
    // A diagnosis borrows the model: take what the test needs from it before the model changes.
    let (overload_key, overload_recommendation, gap_key) = {
        let d = trellis::diagnostics::diagnose(&m);
        let overload =
            d.findings.iter().find(|f| f.code == "coaching-overload").expect("the demo overloads its coaching");
        let gap = d.findings.iter().find(|f| f.code == "proficiency-gap").unwrap();
        (overload.key(), d.recommendation(overload), gap.key())
    };
    m.dispositions = vec![
        Disposition { key: overload_key, status: Verdict::Dismissed, note: "Budget already approved".into() },
        Disposition { key: gap_key, status: Verdict::Accepted, note: "Agreed with the COO on 3 March".into() },
    ];
    m.manual_findings = vec![ManualFinding {
        id: "m1".into(),
        title: "Night shift never sees a trainer".into(),
        severity: Severity::Critical,
        area: Area::TransferClimate,
        subjects: Subjects::default(),
        rationale: "Interviews showed the night shift is trained by whoever is on duty.".into(),
        recommendation: "Schedule a monthly night-shift session with the site trainer.".into(),
    }];
    m.normalize();
    let path = write_pdf(dir.path(), "judged.pdf", &render(&m, "default"));
    let text = pdf_text(&path);
    assert!(!text.contains(&squash(&overload_recommendation)), "a dismissed finding is left out");
    assert!(!text.contains("Budget already approved"), "a dismissal note is not the client's to read");
    assert!(text.contains("Agreed with the COO on 3 March"), "an accepted finding carries its note");
    for t in [
        "Night shift never sees a trainer",
        "Interviews showed the night shift",
        "Schedule a monthly night-shift session with the site trainer.",
    ] {
        assert!(text.contains(t), "manual finding text {t:?}");
    }
    assert!(text.contains("set aside after review"), "the reader is told some findings were set aside");
}

#[test]
fn the_summary_says_which_areas_were_measured_and_from_how_many_people() {
    let dir = tempfile::tempdir().unwrap();
    let m = demo();
    assert!(!m.responses.is_empty(), "the demo ships answers");
    let text = squash(&pdf_text(&write_pdf(dir.path(), "demo.pdf", &render(&m, "default"))));
    assert!(!text.contains("Measured across the six areas"), "five are scored from the model, not six");
    for said in [
        "The model scores five of the six areas (not transfer climate).",
        "25 people answered; their answers score all six areas (at least 5 people per area).",
        "answered the diagnostic statements by how far each is true here: 1 not at all, 2 a little, 3 partly, 4 mostly, 5 fully, or don't know.",
    ] {
        assert!(text.contains(&squash(said)), "missing {said:?}");
    }
    for legend in trellis::model::SCALE {
        assert!(text.contains(legend), "the legend names {legend:?}");
    }
    let mut quiet = demo();
    quiet.responses.clear();
    let text = squash(&pdf_text(&write_pdf(dir.path(), "quiet.pdf", &render(&quiet, "default"))));
    let said = "No one has answered the diagnostic questions, so no area has a score from answers.";
    assert!(text.contains(&squash(said)), "missing {said:?}");
}

#[test]
fn answers_are_shown_by_group_only_above_the_anonymity_threshold() {
    let dir = tempfile::tempdir().unwrap();
    let m = with_answers(demo());
    let path = write_pdf(dir.path(), "answers.pdf", &render(&m, "default"));
    let text = pdf_text(&path);
    assert!(text.contains("Warehouse") && text.contains("Transport"), "groups at or above the threshold");
    assert!(!text.contains("Finance"), "a group of one is never shown");
    assert!(text.contains("with fewer than 3 respondents"), "the hidden group is counted");
    assert!(
        text.contains("We never get time on the floor to try things <b>out</b> {role}"),
        "notes are quoted as typed, not interpreted"
    );
}

#[test]
fn a_layout_reorders_drops_renames_and_brands() {
    let dir = tempfile::tempdir().unwrap();
    let m = demo();
    let path = write_pdf(dir.path(), "brief.pdf", &render(&m, "board-brief"));
    let design = Design::find("board-brief").unwrap();
    let titles: Vec<String> = outline_titles(&path).into_iter().map(|(t, _)| t).collect();
    assert_eq!(titles, design.sections.iter().map(|s| s.title.clone()).collect::<Vec<_>>());
    let text = pdf_text(&path);
    assert!(text.contains("Northbridge Learning Partners"), "the firm's name");
    assert!(
        text.contains("Northbridge Learning Partners for Northmere Freight & Distribution: board brief"),
        "the firm's footer"
    );
    assert!(text.contains("This quarter") && text.contains("Next quarter"), "the firm's horizons");
    for dropped in ["The ecosystem today", "Learning pathways", "COMPETENCY / ROLE"] {
        assert!(!text.contains(dropped), "{dropped:?} is not in the board brief");
    }
    assert!(info(&path, "Title").ends_with("Learning Ecosystem Board Brief"), "{}", info(&path, "Title"));
}

#[test]
fn the_logo_is_placed_on_the_cover_and_a_bad_one_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let m = demo();
    let design = Design::default_layout();
    let pdf = report::blueprint(&m, &design, DATE, Some(&png_logo(240, 80))).unwrap();
    let path = write_pdf(dir.path(), "logo.pdf", &pdf);
    let (ok, list) = tool("pdfimages", &["-list", "-f", "1", "-l", "1", path.to_str().unwrap()]);
    assert!(ok && list.contains("240    80"), "the logo on page 1: {list}");
    let (ok, check) = tool("qpdf", &["--check", path.to_str().unwrap()]);
    assert!(ok, "{check}");
    let err = report::blueprint(&m, &design, DATE, Some(b"not a png")).unwrap_err();
    assert_eq!(err.code(), "parse", "{err}");
    assert!(err.to_string().contains("logo"), "{err}");
}

#[test]
fn every_starter_template_renders_a_valid_blueprint() {
    let dir = tempfile::tempdir().unwrap();
    for t in trellis::templates::all() {
        let m = t.model().unwrap();
        let path = write_pdf(dir.path(), &format!("{}.pdf", t.name), &render(&m, "default"));
        let (ok, check) = tool("qpdf", &["--check", path.to_str().unwrap()]);
        assert!(ok, "{}: {check}", t.name);
        let text = pdf_text(&path);
        assert!(text.contains(&squash(&m.engagement.name)), "{}", t.name);
        for r in &m.roles {
            assert!(text.contains(&squash(&r.name)), "{}: role {:?}", t.name, r.name);
        }
    }
}
