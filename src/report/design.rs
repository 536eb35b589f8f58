//! A blueprint layout file (templates/blueprints/NAME.toml): section order and titles, branding and footer. Data a firm edits.

use super::layout::Colour;
use crate::{Error, Result};
use serde::Deserialize;

/// What a section shows; its title and place come from the layout file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SectionKind {
    Cover,
    Contents,
    Summary,
    Map,
    Heatmap,
    Findings,
    Pathways,
    Responses,
    Roadmap,
    Appendix,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SectionSpec {
    pub kind: SectionKind,
    pub title: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct Colours {
    primary: String,
    accent: String,
    text: String,
    muted: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    firm: String,
    /// Placeholders `{client}`, `{firm}` and `{engagement}` are filled once with the names as typed.
    footer: String,
    document_title: String,
    colours: Colours,
    horizons: Vec<String>,
    sections: Vec<SectionSpec>,
}

/// A parsed layout: everything about a blueprint that is not the engagement.
#[derive(Debug, Clone, PartialEq)]
pub struct Design {
    pub name: String,
    pub firm: String,
    pub footer: String,
    /// The kind of document, on the cover and in the PDF title ("Learning Ecosystem Blueprint").
    pub document_title: String,
    pub primary: Colour,
    pub accent: Colour,
    pub text: Colour,
    pub muted: Colour,
    /// Roadmap horizon labels, nearest first (three or more).
    pub horizons: Vec<String>,
    pub sections: Vec<SectionSpec>,
}

const BUILTIN: &[(&str, &str)] = &[
    ("default", include_str!("../../templates/blueprints/default.toml")),
    ("board-brief", include_str!("../../templates/blueprints/board-brief.toml")),
];

impl Design {
    /// The names of the layouts that ship with Trellis.
    pub fn builtin_names() -> Vec<&'static str> {
        BUILTIN.iter().map(|(n, _)| *n).collect()
    }

    /// A built-in layout by name, or a layout file when `name` ends in `.toml`.
    pub fn find(name: &str) -> Result<Design> {
        if name.ends_with(".toml") {
            let path = std::path::Path::new(name);
            let text = std::fs::read_to_string(path).map_err(|e| match e.kind() {
                std::io::ErrorKind::NotFound => Error::NotFound(path.to_owned()),
                _ => Error::io(path)(e),
            })?;
            let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("custom");
            return Design::parse(stem, &text, name);
        }
        let (_, text) = BUILTIN.iter().find(|(n, _)| *n == name).ok_or_else(|| {
            Error::Refused(format!(
                "no blueprint layout named `{name}`; the layouts are: {} (or give a path to a .toml file)",
                Design::builtin_names().join(", ")
            ))
        })?;
        Design::parse(name, text, &format!("templates/blueprints/{name}.toml"))
    }

    pub fn default_layout() -> Design {
        Design::find("default").expect("templates/blueprints/default.toml is valid (tested)")
    }

    /// Parses a layout file; errors name the source and what is wrong.
    pub fn parse(name: &str, text: &str, source_name: &str) -> Result<Design> {
        let err = |message: String| Error::Parse { source_name: source_name.to_owned(), message };
        let file: File = toml::from_str(text).map_err(|e| err(e.to_string()))?;
        let colour = |key: &str, value: &str| {
            Colour::hex(value).ok_or_else(|| err(format!("colours.{key} `{value}` is not a #RRGGBB colour")))
        };
        if file.horizons.len() < 3 {
            return Err(err("`horizons` needs at least three labels, nearest first".into()));
        }
        if file.sections.is_empty() {
            return Err(err("at least one [[sections]] entry is needed".into()));
        }
        for (i, s) in file.sections.iter().enumerate() {
            if file.sections[..i].iter().any(|t| t.kind == s.kind) {
                return Err(err(format!("the section kind `{:?}` appears twice", s.kind).to_lowercase()));
            }
        }
        Ok(Design {
            name: name.to_owned(),
            firm: file.firm,
            footer: file.footer,
            document_title: file.document_title,
            primary: colour("primary", &file.colours.primary)?,
            accent: colour("accent", &file.colours.accent)?,
            text: colour("text", &file.colours.text)?,
            muted: colour("muted", &file.colours.muted)?,
            horizons: file.horizons,
            sections: file.sections,
        })
    }

    pub fn has(&self, kind: SectionKind) -> bool {
        self.sections.iter().any(|s| s.kind == kind)
    }

    /// The title the layout gives a section kind, if it has one.
    pub fn title(&self, kind: SectionKind) -> Option<&str> {
        self.sections.iter().find(|s| s.kind == kind).map(|s| s.title.as_str())
    }
}

/// Fills `{client}`, `{firm}` and `{engagement}` in one pass: the values are inserted as text
/// and never scanned again, so braces typed in a name stay as typed.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open..];
        match after
            .find('}')
            .and_then(|close| values.iter().find(|(k, _)| *k == &after[1..close]).map(|(_, v)| (close, v)))
        {
            Some((close, v)) => {
                out.push_str(v);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = &after[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_builtin_layout_parses() {
        for name in Design::builtin_names() {
            let d = Design::find(name).unwrap();
            assert!(d.horizons.len() >= 3, "{name}");
        }
        let d = Design::default_layout();
        assert_eq!(d.sections.len(), 10, "the default shows every section");
    }

    #[test]
    fn bad_layouts_are_refused_with_their_name() {
        let e = Design::find("nope").unwrap_err().to_string();
        assert!(e.contains("default") && e.contains("board-brief"), "{e}");
        let base = include_str!("../../templates/blueprints/default.toml");
        let e = Design::parse("x", &base.replace("#1F3A5F", "navy"), "x.toml").unwrap_err().to_string();
        assert!(e.contains("x.toml") && e.contains("navy"), "{e}");
        let e = Design::parse("x", &format!("{base}\n[[sections]]\nkind = \"map\"\ntitle = \"Again\"\n"), "x.toml");
        assert!(e.unwrap_err().to_string().contains("twice"));
    }

    #[test]
    fn a_layout_file_is_read_from_its_path() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("acme.toml");
        let base = include_str!("../../templates/blueprints/default.toml");
        std::fs::write(&path, base.replace("firm = \"\"", "firm = \"Acme Advisory\"")).unwrap();
        let d = Design::find(path.to_str().unwrap()).unwrap();
        assert_eq!((d.name.as_str(), d.firm.as_str()), ("acme", "Acme Advisory"));
        let missing = Design::find(dir.path().join("none.toml").to_str().unwrap()).unwrap_err();
        assert_eq!(missing.code(), "not-found");
    }

    #[test]
    fn fill_inserts_values_once() {
        assert_eq!(
            fill("For {client} by {firm} {x}", &[("client", "A {firm} B"), ("firm", "F")]),
            "For A {firm} B by F {x}"
        );
    }
}
