//! The CASE export: the engagement's competencies as a CASE 1.0 package, with isChildOf and precedes associations.

use super::case::{short_name, CODE_REF, ITEM_REF};
use crate::model::{Competency, Model};
use serde::Serialize;
use std::collections::HashMap;
use uuid::Uuid;

/// The namespace of the name-based (v5) UUIDs this export makes, so that ids are stable.
const NAMESPACE: Uuid = Uuid::from_u128(0x6c0f_1e4b_2d7a_4c59_9a3e_7b21_d5f8_4e10);

#[derive(Serialize)]
struct Package<'a> {
    #[serde(rename = "CFDocument")]
    document: Document<'a>,
    #[serde(rename = "CFItems")]
    items: Vec<Item<'a>>,
    #[serde(rename = "CFAssociations")]
    associations: Vec<Association<'a>>,
}

#[derive(Serialize, Clone)]
struct Link {
    title: String,
    identifier: String,
    uri: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Document<'a> {
    identifier: String,
    uri: String,
    creator: &'a str,
    title: &'a str,
    last_change_date_time: &'a str,
    #[serde(rename = "CFPackageURI")]
    package_uri: Link,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Item<'a> {
    identifier: String,
    uri: String,
    #[serde(rename = "CFDocumentURI")]
    document_uri: Link,
    full_statement: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    abbreviated_statement: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    human_coding_scheme: Option<&'a str>,
    #[serde(rename = "CFItemType", skip_serializing_if = "Option::is_none")]
    item_type: Option<&'a str>,
    last_change_date_time: &'a str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Association<'a> {
    identifier: String,
    uri: String,
    #[serde(rename = "CFDocumentURI")]
    document_uri: Link,
    association_type: &'static str,
    #[serde(rename = "originNodeURI")]
    origin: Link,
    #[serde(rename = "destinationNodeURI")]
    destination: Link,
    last_change_date_time: &'a str,
}

/// The CASE identifier of a competency: its `case:` ref, else its id when that is a UUID, else
/// a UUID made from its id.
pub fn identifier(c: &Competency) -> String {
    if let Some(id) = c.refs.iter().find_map(|r| r.strip_prefix(ITEM_REF)) {
        return id.to_owned();
    }
    match Uuid::parse_str(&c.id) {
        Ok(u) => u.to_string(),
        Err(_) => Uuid::new_v5(&NAMESPACE, format!("competency:{}", c.id).as_bytes()).to_string(),
    }
}

fn uri(identifier: &str) -> String {
    match Uuid::parse_str(identifier) {
        Ok(_) => format!("urn:uuid:{identifier}"),
        Err(_) => identifier.to_owned(),
    }
}

fn link(title: &str, identifier: &str) -> Link {
    Link { title: title.to_owned(), identifier: identifier.to_owned(), uri: uri(identifier) }
}

/// Writes the package. Times are the engagement's creation date, so that the export of an
/// unchanged engagement is the same every time.
pub fn export(model: &Model) -> String {
    let mut m = model.clone();
    m.normalize();
    let e = &m.engagement;
    let changed = format!("{}T00:00:00+00:00", e.created);
    let doc_id = Uuid::new_v5(&NAMESPACE, format!("document:{}:{}", e.name, e.created).as_bytes()).to_string();
    let doc_link = link(&e.name, &doc_id);
    let creator = if e.consultant.is_empty() { "Trellis" } else { e.consultant.as_str() };
    let ids: HashMap<&str, (String, &str)> =
        m.competencies.iter().map(|c| (c.id.as_str(), (identifier(c), c.name.as_str()))).collect();
    let items = m
        .competencies
        .iter()
        .map(|c| {
            let full = if c.description.is_empty() { c.name.as_str() } else { c.description.as_str() };
            let shortened = !c.description.is_empty() && short_name(&c.description) == c.name;
            Item {
                identifier: ids[c.id.as_str()].0.clone(),
                uri: uri(&ids[c.id.as_str()].0),
                document_uri: doc_link.clone(),
                full_statement: full,
                abbreviated_statement: Some(c.name.as_str()).filter(|_| !c.description.is_empty() && !shortened),
                human_coding_scheme: c.refs.iter().find_map(|r| r.strip_prefix(CODE_REF)),
                item_type: Some(c.category.as_str()).filter(|t| !t.is_empty()),
                last_change_date_time: &changed,
            }
        })
        .collect();
    let node = |id: &str| {
        let (identifier, name) = &ids[id];
        link(name, identifier)
    };
    let association = |kind: &'static str, origin: Link, destination: Link| Association {
        identifier: Uuid::new_v5(
            &NAMESPACE,
            format!("{kind}:{}:{}", origin.identifier, destination.identifier).as_bytes(),
        )
        .to_string(),
        uri: String::new(),
        document_uri: doc_link.clone(),
        association_type: kind,
        origin,
        destination,
        last_change_date_time: &changed,
    };
    let mut associations: Vec<Association<'_>> = Vec::new();
    for c in &m.competencies {
        let parent = match c.parent.as_deref().filter(|p| ids.contains_key(p)) {
            Some(p) => node(p),
            None => doc_link.clone(),
        };
        associations.push(association("isChildOf", node(&c.id), parent));
    }
    for p in m
        .prerequisites
        .iter()
        .filter(|p| ids.contains_key(p.competency.as_str()) && ids.contains_key(p.requires.as_str()))
    {
        associations.push(association("precedes", node(&p.requires), node(&p.competency)));
    }
    for a in &mut associations {
        a.uri = uri(&a.identifier);
    }
    let package = Package {
        document: Document {
            identifier: doc_id.clone(),
            uri: uri(&doc_id),
            creator,
            title: &e.name,
            last_change_date_time: &changed,
            package_uri: doc_link.clone(),
        },
        items,
        associations,
    };
    let mut out = serde_json::to_string_pretty(&package).expect("a CASE package always serialises");
    out.push('\n');
    out
}
