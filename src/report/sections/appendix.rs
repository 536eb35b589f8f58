//! The appendix: the method (areas, stages, scores, the maturity rule, Trellis's conventions), the models it draws on, the data sources with their attributions, a glossary, and the list of every finding.

use super::{stage_colour, Facts};
use crate::diagnostics::Rules;
use crate::model::{Area, Stage};
use crate::report::flow::Flow;
use crate::report::table::{self, Cell, Column, Table};
use serde::Deserialize;
use std::collections::BTreeMap;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Texts {
    method: String,
    areas: BTreeMap<Area, String>,
    stages: BTreeMap<Stage, String>,
    scores: String,
    conventions: String,
    maturity: String,
    glossary: BTreeMap<String, String>,
    sources: Sources,
    references: Vec<Reference>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Reference {
    name: String,
    text: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Sources {
    model: String,
    answers: String,
    onet: String,
    esco: String,
    fonts: String,
}

fn texts() -> &'static Texts {
    static TEXTS: std::sync::OnceLock<Texts> = std::sync::OnceLock::new();
    TEXTS.get_or_init(|| {
        toml::from_str(include_str!("../../../templates/blueprints/appendix.toml"))
            .expect("templates/blueprints/appendix.toml is valid (tested)")
    })
}

/// Which external frameworks the model's items came from, by their `refs` prefixes.
fn imported(facts: &Facts<'_>, prefix: &str) -> bool {
    let m = facts.model;
    m.roles
        .iter()
        .flat_map(|r| &r.refs)
        .chain(m.competencies.iter().flat_map(|c| &c.refs))
        .any(|r| r.starts_with(prefix))
}

pub fn compose(flow: &mut Flow<'_>, facts: &Facts<'_>, title: &str) {
    flow.start_section(title);
    let t = texts();
    // Reference text for whoever checks the method: a size smaller than the sections' body.
    let body = flow.body().sized(8.5);
    let w = crate::report::flow::CONTENT_WIDTH;
    flow.heading("Method", 40.0);
    flow.paragraph(&t.method, body);
    flow.subheading("The six areas", 40.0);
    let rows = Area::ALL
        .iter()
        .map(|p| vec![Cell::new(p.label()).bold(), Cell::new(t.areas.get(p).cloned().unwrap_or_default())])
        .collect();
    table::draw(
        flow,
        &Table { columns: vec![Column::new("Area", 135.0), Column::new("What it asks", w - 135.0)], rows, size: 8.0 },
    );
    flow.subheading("The four stages of a learning journey", 40.0);
    let rows = Stage::ALL
        .iter()
        .map(|s| {
            vec![
                Cell::new(s.label()).bold().chip(stage_colour(*s)),
                Cell::new(t.stages.get(s).cloned().unwrap_or_default()),
            ]
        })
        .collect();
    table::draw(
        flow,
        &Table { columns: vec![Column::new("Stage", 100.0), Column::new("What it is", w - 100.0)], rows, size: 8.0 },
    );
    flow.subheading("Scores", 30.0);
    flow.paragraph(&t.scores, body);
    flow.subheading("Maturity", 40.0);
    flow.paragraph(&t.maturity, body);
    let rows = Rules::builtin()
        .maturity
        .iter()
        .map(|l| {
            vec![
                Cell::new(format!("{}", l.level)),
                Cell::new(l.label.clone()).bold(),
                Cell::new(format!("{:.0}", l.min_mean)),
                Cell::new(format!("{:.0}", l.min_area)),
            ]
        })
        .collect();
    let columns = vec![
        Column::right("Level", 40.0),
        Column::new("Name", w - 40.0 - 250.0),
        Column::right("Mean area score at least", 125.0),
        Column::right("Weakest area at least", 125.0),
    ];
    table::draw(flow, &Table { columns, rows, size: 8.0 });
    // The conventions cover the scores and the maturity rule both, so they come after them.
    flow.subheading("Trellis conventions", 30.0);
    flow.paragraph(&t.conventions, body);

    flow.heading("Sources of the method", 60.0);
    let rows = t.references.iter().map(|r| vec![Cell::new(r.name.clone()).bold(), Cell::new(r.text.clone())]).collect();
    table::draw(
        flow,
        &Table {
            columns: vec![Column::new("Model", 110.0), Column::new("What Trellis takes from it", w - 110.0)],
            rows,
            size: 8.0,
        },
    );

    // The data sources follow the sources of the method; the glossary's short rows then fill
    // the foot of whichever page it starts on.
    flow.heading("Data sources", 60.0);
    let mut sources = vec![("Engagement model", t.sources.model.clone())];
    if !facts.model.responses.is_empty() {
        sources.push(("Diagnostic answers", t.sources.answers.clone()));
    }
    if imported(facts, "onet:") {
        sources.push(("O*NET", t.sources.onet.clone()));
    }
    if imported(facts, "esco:") {
        sources.push(("ESCO", t.sources.esco.clone()));
    }
    sources.push(("Typefaces", t.sources.fonts.clone()));
    let rows = sources.into_iter().map(|(what, text)| vec![Cell::new(what).bold(), Cell::new(text)]).collect();
    table::draw(
        flow,
        &Table { columns: vec![Column::new("Source", 100.0), Column::new("Attribution", w - 100.0)], rows, size: 8.0 },
    );
    let e = &facts.model.engagement;
    flow.paragraph(
        &format!(
            "Engagement file created {}; blueprint dated {}. The diagnosis uses the rules and thresholds that ship with Trellis.",
            super::long_date(&e.created),
            facts.date
        ),
        flow.muted(),
    );
    flow.heading("Glossary", 60.0);
    let rows =
        t.glossary.iter().map(|(term, text)| vec![Cell::new(term.clone()).bold(), Cell::new(text.clone())]).collect();
    table::draw(
        flow,
        &Table { columns: vec![Column::new("Term", 92.0), Column::new("Meaning", w - 92.0)], rows, size: 8.0 },
    );

    super::finding_list::compose(flow, facts);
}
