//! The blueprint: the PDF a client keeps. Laid out as plain data (`layout`), then rendered with printpdf (`render`).
//!
//! `compose` is pure: model + layout file + date + logo in, a `Document` of positioned text
//! and shapes out, which snapshot tests print as text. `render` turns that into bytes and
//! is reproducible: the same document always gives the same PDF. Section order, titles and
//! branding come from a layout file in templates/blueprints/ (`Design`).

mod design;
mod flow;
mod fonts;
mod layout;
mod logo;
mod render;
mod sections;
mod table;
mod text;

pub use design::{Design, SectionKind, SectionSpec};
pub use fonts::{uncovered, Face};
pub use layout::{Colour, Document, Info, Item, Logo, OutlineEntry, Page, TextRun, PAGE_HEIGHT, PAGE_WIDTH};
pub use logo::decode_png;
pub use render::render;

use crate::model::Model;
use crate::Result;
use sections::Facts;

/// What a blueprint holds beyond its layout's sections.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    /// The appendix lists every finding, one row each (`trellis blueprint --no-finding-list`: not).
    pub finding_list: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options { finding_list: true }
    }
}

/// Lays out the blueprint of `model` with `design`, dated `date` (`YYYY-MM-DD`).
pub fn compose(model: &Model, design: &Design, date: &str, logo: Option<Logo>) -> Document {
    compose_with(model, design, date, logo, &Options::default())
}

/// Lays out the blueprint with these options.
pub fn compose_with(model: &Model, design: &Design, date: &str, logo: Option<Logo>, options: &Options) -> Document {
    let facts = Facts::with(model, date, options);
    let mut flow = flow::Flow::new(design);
    let mut contents = None;
    for spec in &design.sections {
        let title = spec.title.as_str();
        match spec.kind {
            SectionKind::Cover => {
                sections::cover::compose(&mut flow, &facts, title, logo.as_ref().map(|l| (l.width, l.height)))
            }
            SectionKind::Contents => contents = Some(sections::contents::reserve(&mut flow, title)),
            SectionKind::Summary => sections::summary::compose(&mut flow, &facts, title),
            SectionKind::Map => sections::map::compose(&mut flow, &facts, title),
            SectionKind::Heatmap => sections::heatmap::compose(&mut flow, &facts, title),
            SectionKind::Findings => sections::findings::compose(&mut flow, &facts, title),
            SectionKind::Pathways => sections::pathways::compose(&mut flow, &facts, title),
            SectionKind::Responses => sections::responses::compose(&mut flow, &facts, title),
            SectionKind::Roadmap => sections::roadmap::compose(&mut flow, &facts, title),
            SectionKind::Appendix => sections::appendix::compose(&mut flow, &facts, title),
        }
    }
    if let Some(page) = contents {
        let entries = flow.outline.clone();
        sections::contents::fill(&mut flow, page, &entries);
    }
    let e = &model.engagement;
    let author = match (e.consultant.trim(), design.firm.trim()) {
        ("", firm) => firm.to_owned(),
        (who, "") => who.to_owned(),
        (who, firm) => format!("{who}, {firm}"),
    };
    let info = Info {
        title: format!("{}: {}", e.name, design.document_title),
        author,
        subject: format!("{} for {}", design.document_title, facts.client()),
        creator: format!("Trellis {}", env!("CARGO_PKG_VERSION")),
        date: date.to_owned(),
    };
    let footer =
        design::fill(&design.footer, &[("client", facts.client()), ("firm", &design.firm), ("engagement", &e.name)]);
    flow.finish(info, &e.name, &footer, logo)
}

/// The blueprint as PDF bytes. `date` must be `YYYY-MM-DD`; `logo` is PNG bytes.
pub fn blueprint(model: &Model, design: &Design, date: &str, logo: Option<&[u8]>) -> Result<Vec<u8>> {
    blueprint_with(model, design, date, logo, &Options::default())
}

/// The blueprint as PDF bytes, with these options.
pub fn blueprint_with(
    model: &Model,
    design: &Design,
    date: &str,
    logo: Option<&[u8]>,
    options: &Options,
) -> Result<Vec<u8>> {
    let fmt = time::macros::format_description!("[year]-[month]-[day]");
    time::Date::parse(date, fmt)
        .map_err(|_| crate::Error::Refused(format!("the date `{date}` is not a date in the form YYYY-MM-DD")))?;
    let logo = logo.map(decode_png).transpose()?;
    Ok(render(&compose_with(model, design, date, logo, options)))
}
