//! The CASE importer: a 1EdTech CASE 1.0/1.1 JSON package (CFDocument, CFItems, CFAssociations) becomes competencies, parents and prerequisites.

use super::increment::{Increment, Skipped};
use super::source::{self, Source};
use crate::model::{Competency, Model, Prerequisite};
use crate::{Error, Result};
use serde::Deserialize;
use std::collections::{HashMap, HashSet};
use std::path::Path;

/// The ref prefix naming a CASE item: `case:<identifier>`.
pub const ITEM_REF: &str = "case:";
/// The ref prefix keeping an item's humanCodingScheme.
pub const CODE_REF: &str = "case-code:";
/// Statements longer than this are shortened for the name; the whole is kept as the description.
pub const NAME_MAX: usize = 80;

#[derive(Deserialize)]
struct Package {
    #[serde(rename = "CFDocument", default)]
    document: Option<Document>,
    #[serde(rename = "CFItems", alias = "CFItem", default)]
    items: Vec<Item>,
    #[serde(rename = "CFAssociations", alias = "CFAssociation", default)]
    associations: Vec<Association>,
}

#[derive(Deserialize)]
struct Document {
    #[serde(default)]
    identifier: Option<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Item {
    identifier: String,
    #[serde(default)]
    full_statement: Option<String>,
    #[serde(default)]
    abbreviated_statement: Option<String>,
    #[serde(default)]
    human_coding_scheme: Option<String>,
    #[serde(rename = "CFItemType", default)]
    item_type: Option<String>,
    #[serde(rename = "CFItemTypeURI", default)]
    item_type_uri: Option<Link>,
    #[serde(default)]
    notes: Option<String>,
}

/// A CASE LinkURI: `{title, identifier, uri}`.
#[derive(Deserialize)]
struct Link {
    #[serde(default)]
    identifier: Option<String>,
    #[serde(default)]
    title: Option<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Association {
    association_type: String,
    #[serde(rename = "originNodeURI", default)]
    origin: Option<Link>,
    #[serde(default)]
    origin_node_identifier: Option<String>,
    #[serde(rename = "destinationNodeURI", default)]
    destination: Option<Link>,
    #[serde(default)]
    destination_node_identifier: Option<String>,
}

impl Association {
    fn ends(&self) -> (Option<&str>, Option<&str>) {
        (end(&self.origin, &self.origin_node_identifier), end(&self.destination, &self.destination_node_identifier))
    }
}

/// An association's end: the LinkURI's identifier, or the 2016 `...NodeIdentifier` field.
fn end<'a>(link: &'a Option<Link>, id: &'a Option<String>) -> Option<&'a str> {
    link.as_ref().and_then(|l| l.identifier.as_deref()).or(id.as_deref()).filter(|s| !s.is_empty())
}

/// Reads a CASE package file.
pub fn read(path: &Path) -> Result<Increment> {
    let bytes = source::read_bytes(path)?;
    let name = path.display().to_string();
    parse(Source::new(&name, &bytes))
}

/// The name for a statement: itself when short, else cut at a word before `NAME_MAX` characters.
pub fn short_name(statement: &str) -> String {
    let statement = statement.trim();
    if statement.chars().count() <= NAME_MAX {
        return statement.to_owned();
    }
    let cut: String = statement.chars().take(NAME_MAX - 1).collect();
    let at_word = match cut.rfind(char::is_whitespace) {
        Some(i) if i > NAME_MAX / 2 => &cut[..i],
        _ => cut.as_str(),
    };
    format!("{}…", at_word.trim_end_matches(|c: char| c.is_whitespace() || c == ',' || c == ';'))
}

/// Parses a CASE package held in memory.
pub fn parse(source: Source<'_>) -> Result<Increment> {
    let text = std::str::from_utf8(source.body()).map_err(|e| source.error(format!("not UTF-8 text: {e}")))?;
    let de = &mut serde_json::Deserializer::from_str(text);
    let package: Package = serde_path_to_error::deserialize(de).map_err(|e| {
        let path = e.path().to_string();
        let inner = e.into_inner();
        source.error(format!("line {}, column {}: at `{path}`: {inner}", inner.line(), inner.column()))
    })?;
    if package.document.is_none() && package.items.is_empty() {
        return Err(source.error("not a CASE package: it has no CFDocument and no CFItems"));
    }
    let field_error = |path: String, message: &str| Error::Parse {
        source_name: format!("{}, at `{path}`", source.name),
        message: message.to_owned(),
    };

    let mut model = Model::default();
    let mut warnings = Vec::new();
    // Identifiers (UUIDs mostly) are compared without regard to case: the key is lower-case.
    let mut at: HashMap<String, usize> = HashMap::new();
    let mut items: Vec<(usize, Item)> = Vec::with_capacity(package.items.len());
    for (i, item) in package.items.into_iter().enumerate() {
        if item.identifier.trim().is_empty() {
            return Err(field_error(format!("CFItems[{i}].identifier"), "must not be empty"));
        }
        let key = item.identifier.trim().to_lowercase();
        match at.get(&key) {
            Some(&first) => {
                for field in fill_in(&mut items[first].1, item) {
                    warnings.push(format!(
                        "{}: `{}` is listed twice in CFItems and its {field} differs; the first is kept",
                        source.name,
                        items[first].1.identifier.trim()
                    ));
                }
            }
            None => {
                at.insert(key, items.len());
                items.push((i, item));
            }
        }
    }
    for (i, item) in &items {
        let id = item.identifier.trim();
        let full = item.full_statement.as_deref().unwrap_or_default().trim();
        let abbreviated = item.abbreviated_statement.as_deref().unwrap_or_default().trim();
        let name = if abbreviated.is_empty() { short_name(full) } else { abbreviated.to_owned() };
        if name.is_empty() {
            return Err(field_error(format!("CFItems[{i}].fullStatement"), "must not be empty"));
        }
        let description = if name != full { full } else { item.notes.as_deref().unwrap_or_default().trim() };
        let mut refs = vec![format!("{ITEM_REF}{id}")];
        if let Some(code) = item.human_coding_scheme.as_deref().map(str::trim).filter(|c| !c.is_empty()) {
            refs.push(format!("{CODE_REF}{code}"));
        }
        let category = item.item_type.as_deref().or(item.item_type_uri.as_ref().and_then(|l| l.title.as_deref()));
        model.competencies.push(Competency {
            id: id.to_owned(),
            name,
            description: description.to_owned(),
            category: category.unwrap_or_default().trim().to_owned(),
            parent: None,
            refs,
        });
    }

    let document = package.document.as_ref().and_then(|d| d.identifier.as_deref()).map(|d| d.trim().to_lowercase());
    let mut skipped = Skipped::default();
    let mut prerequisites: HashSet<(usize, usize)> = HashSet::new();
    for a in &package.associations {
        let (origin, destination) = a.ends();
        let destination = destination.map(|d| d.trim().to_lowercase());
        let origin = origin.and_then(|o| at.get(&o.trim().to_lowercase()).copied());
        let Some(origin) = origin else {
            skipped.add("associations whose origin is not an item of the package");
            continue;
        };
        let target = destination.as_ref().and_then(|d| at.get(d).copied());
        match a.association_type.as_str() {
            "isChildOf" => match target {
                _ if destination.is_some() && destination == document => {}
                Some(t) if t == origin => skipped.add("isChildOf associations of an item to itself"),
                Some(t) if model.competencies[origin].parent.is_none() => {
                    model.competencies[origin].parent = Some(model.competencies[t].id.clone());
                }
                Some(_) => skipped.add("further isChildOf associations of an item that has a parent (first kept)"),
                None => skipped.add("isChildOf associations to something outside the package"),
            },
            "precedes" => match target {
                Some(t) if t != origin => {
                    if prerequisites.insert((t, origin)) {
                        model.prerequisites.push(Prerequisite {
                            competency: model.competencies[t].id.clone(),
                            requires: model.competencies[origin].id.clone(),
                        });
                    }
                }
                Some(_) => skipped.add("precedes associations of an item to itself"),
                None => skipped.add("precedes associations with an end outside the package"),
            },
            other => skipped.add(format!("{other} associations (not imported)")),
        }
    }
    let mut increment = Increment::by_refs(model, false, skipped);
    increment.warnings = warnings;
    Ok(increment)
}

/// Fills the empty fields of `first` from `again`, the same item listed a second time, and
/// names the fields where both have a value and the values differ (the first is kept).
fn fill_in(first: &mut Item, again: Item) -> Vec<&'static str> {
    let mut differing = Vec::new();
    let mut field = |name: &'static str, kept: &mut Option<String>, other: Option<String>| {
        let other = other.filter(|o| !o.trim().is_empty());
        match (kept.as_deref().map(str::trim).filter(|k| !k.is_empty()), other) {
            (None, other) if other.is_some() => *kept = other,
            (Some(k), Some(o)) if k != o.trim() => differing.push(name),
            _ => {}
        }
    };
    field("fullStatement", &mut first.full_statement, again.full_statement);
    field("abbreviatedStatement", &mut first.abbreviated_statement, again.abbreviated_statement);
    field("humanCodingScheme", &mut first.human_coding_scheme, again.human_coding_scheme);
    field("CFItemType", &mut first.item_type, again.item_type);
    field("notes", &mut first.notes, again.notes);
    let (kept, other) = (&mut first.item_type_uri, again.item_type_uri);
    let title = |l: &Option<Link>| l.as_ref().and_then(|l| l.title.clone()).filter(|t| !t.trim().is_empty());
    match (title(kept), title(&other)) {
        (None, Some(_)) => *kept = other,
        (Some(k), Some(o)) if k.trim() != o.trim() => differing.push("CFItemTypeURI"),
        _ => {}
    }
    differing
}

#[cfg(test)]
mod tests {
    use super::*;

    fn package(items: &str, associations: &str) -> String {
        format!(
            r#"{{"CFDocument": {{"identifier": "doc", "title": "T"}}, "CFItems": [{items}], "CFAssociations": [{associations}]}}"#
        )
    }

    fn link(id: &str) -> String {
        format!(r#"{{"identifier": "{id}", "uri": "u:{id}", "title": "x"}}"#)
    }

    fn association(kind: &str, from: &str, to: &str) -> String {
        format!(
            r#"{{"associationType": "{kind}", "originNodeURI": {}, "destinationNodeURI": {}}}"#,
            link(from),
            link(to)
        )
    }

    #[test]
    fn items_parents_and_prerequisites() {
        let items = r#"{"identifier": "a", "fullStatement": "Ratios", "humanCodingScheme": "6.RP"},
            {"identifier": "b", "fullStatement": "Unit rates", "abbreviatedStatement": "Rates", "CFItemType": "Standard"}"#;
        let assocs = [
            association("isChildOf", "a", "doc"),
            association("isChildOf", "b", "a"),
            association("precedes", "a", "b"),
            association("exactMatchOf", "b", "elsewhere"),
        ]
        .join(",");
        let text = package(items, &assocs);
        let inc = parse(Source::new("p.json", text.as_bytes())).unwrap();
        let b = &inc.model.competencies[1];
        assert_eq!((b.name.as_str(), b.description.as_str(), b.category.as_str()), ("Rates", "Unit rates", "Standard"));
        assert_eq!(b.parent.as_deref(), Some("a"));
        assert_eq!(inc.model.competencies[0].refs, ["case:a", "case-code:6.RP"]);
        assert_eq!(inc.model.prerequisites, [Prerequisite { competency: "b".into(), requires: "a".into() }]);
        assert_eq!(inc.skipped.lines(), ["1 exactMatchOf associations (not imported)"]);
    }

    #[test]
    fn long_statements_are_shortened_at_a_word() {
        let long = "Use ratio and rate reasoning to solve real-world and mathematical problems, e.g., by reasoning about tables";
        let name = short_name(long);
        assert!(name.chars().count() <= NAME_MAX && name.ends_with('…'), "{name}");
        assert!(long.starts_with(name.trim_end_matches('…')), "{name}");
        let unbroken = "x".repeat(200);
        assert_eq!(short_name(&unbroken).chars().count(), NAME_MAX);
        assert_eq!(short_name("ééé"), "ééé");
    }

    #[test]
    fn an_item_listed_twice_is_merged_field_by_field() {
        let items = r#"{"identifier": "AB-1", "fullStatement": "Ratios", "CFItemType": "Standard"},
            {"identifier": "ab-1", "fullStatement": "Ratios and rates", "humanCodingScheme": "6.RP", "CFItemType": "Standard"},
            {"identifier": "c", "fullStatement": "Rates"}"#;
        let text = package(items, &association("isChildOf", "C", "Ab-1"));
        let inc = parse(Source::new("p.json", text.as_bytes())).unwrap();
        assert_eq!(inc.model.competencies.len(), 2);
        let a = &inc.model.competencies[0];
        assert_eq!((a.id.as_str(), a.name.as_str()), ("AB-1", "Ratios"));
        assert_eq!(a.refs, ["case:AB-1", "case-code:6.RP"]);
        assert_eq!(inc.model.competencies[1].parent.as_deref(), Some("AB-1"), "identifiers compared without case");
        assert_eq!(
            inc.warnings,
            ["p.json: `AB-1` is listed twice in CFItems and its fullStatement differs; the first is kept"]
        );
    }

    #[test]
    fn malformed_packages_are_errors() {
        for (text, expected) in [
            ("{", "line 1"),
            ("[]", "not a CASE package"),
            ("[1]", "line 1"),
            (r#"{"CFItems": [{"fullStatement": "x"}]}"#, "CFItems[0]"),
            (r#"{"format": "trellis"}"#, "not a CASE package"),
            (&package(r#"{"identifier": "a", "fullStatement": ""}"#, ""), "CFItems[0].fullStatement"),
        ] {
            let err = parse(Source::new("p.json", text.as_bytes())).unwrap_err().to_string();
            assert!(err.contains(expected), "{text}: {err}");
        }
    }
}
