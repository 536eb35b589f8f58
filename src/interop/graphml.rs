//! The GraphML export, for Gephi and yEd: roles, competencies and channels as nodes, every relation as an edge, with kinds, levels and stages as attributes.

use crate::model::Model;
use quick_xml::events::{BytesDecl, BytesText, Event};
use quick_xml::Writer;
use std::io;

/// The attributes declared for nodes and edges: (id, for, type).
pub const KEYS: &[(&str, &str, &str)] = &[
    ("label", "node", "string"),
    ("kind", "node", "string"),
    ("description", "node", "string"),
    ("group", "node", "string"),
    ("headcount", "node", "int"),
    ("category", "node", "string"),
    ("channel_kind", "node", "string"),
    ("bucket", "node", "string"),
    ("capacity", "node", "int"),
    ("cost", "node", "double"),
    ("evaluation_level", "node", "int"),
    ("refs", "node", "string"),
    ("trellis_id", "node", "string"),
    ("relation", "edge", "string"),
    ("target_level", "edge", "int"),
    ("current_level", "edge", "int"),
    ("criticality", "edge", "string"),
    ("stages", "edge", "string"),
];

/// Keeps only the characters XML 1.0 allows (control characters other than tab and line ends are dropped).
pub fn xml_text(s: &str) -> String {
    s.chars().filter(|c| !c.is_control() || matches!(c, '\t' | '\n' | '\r')).collect()
}

type Data = Vec<(&'static str, String)>;

/// A character an id keeps as it is: a plain GraphML id (an XML NMTOKEN) is made of these.
fn plain(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.')
}

/// The GraphML ids of the nodes, in the order given as (kind, Trellis id). GraphML ids are
/// XML NMTOKENs unique in the document; Trellis ids are unique within a kind and may hold
/// spaces, slashes or letters beyond ASCII. An id of plain characters that no other kind has
/// is kept as it is; any other becomes `kind:` followed by the id with each byte that is not
/// plain written `:HH`, so that no two items share a node id (`skill/a b` of a competency is
/// `competency:skill:2Fa:20b`). Edge and graph ids hold a colon after a word that is no kind,
/// so they never meet a node's.
pub fn node_ids(items: &[(&str, &str)]) -> Vec<String> {
    let mut count: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for (_, id) in items {
        *count.entry(id).or_default() += 1;
    }
    items
        .iter()
        .map(|(kind, id)| {
            if !id.is_empty() && id.chars().all(plain) && count[id] == 1 {
                return (*id).to_owned();
            }
            let mut out = format!("{kind}:");
            for c in id.chars() {
                if plain(c) {
                    out.push(c);
                } else {
                    let mut bytes = [0u8; 4];
                    for b in c.encode_utf8(&mut bytes).bytes() {
                        out.push_str(&format!(":{b:02X}"));
                    }
                }
            }
            out
        })
        .collect()
}

/// The node id of each (kind, Trellis id).
type NodeIds<'a> = std::collections::HashMap<(&'a str, &'a str), String>;

fn element(w: &mut Writer<Vec<u8>>, tag: &str, attrs: &[(&str, &str)], data: &Data) -> io::Result<()> {
    let attrs: Vec<(&str, String)> = attrs.iter().map(|(k, v)| (*k, xml_text(v))).collect();
    let start = w.create_element(tag).with_attributes(attrs.iter().map(|(k, v)| (*k, v.as_str())));
    start.write_inner_content(|w| {
        for (key, value) in data {
            w.create_element("data")
                .with_attribute(("key", *key))
                .write_text_content(BytesText::new(&xml_text(value)))?;
        }
        Ok(())
    })?;
    Ok(())
}

/// Writes the model as one directed GraphML graph. Edges: requires role -> competency,
/// develops channel -> competency, reaches channel -> role, follows earlier -> later channel,
/// prerequisite the competency that comes first -> the one that builds on it, part-of
/// competency -> its parent.
pub fn export(model: &Model) -> String {
    let mut m = model.clone();
    m.normalize();
    let mut w = Writer::new_with_indent(Vec::new(), b' ', 2);
    write(&mut w, &m).expect("writing XML to memory cannot fail");
    let mut out = String::from_utf8(w.into_inner()).expect("the XML written is UTF-8");
    out.push('\n');
    out
}

fn write(w: &mut Writer<Vec<u8>>, m: &Model) -> io::Result<()> {
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    let root = w.create_element("graphml").with_attributes([
        ("xmlns", "http://graphml.graphdrawing.org/xmlns"),
        ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
        (
            "xsi:schemaLocation",
            "http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd",
        ),
    ]);
    root.write_inner_content(|w| {
        for (id, target, kind) in KEYS {
            w.create_element("key")
                .with_attributes([("id", *id), ("for", *target), ("attr.name", *id), ("attr.type", *kind)])
                .write_empty()?;
        }
        let mut items: Vec<(&str, &str)> = Vec::new();
        items.extend(m.roles.iter().map(|r| ("role", r.id.as_str())));
        items.extend(m.competencies.iter().map(|c| ("competency", c.id.as_str())));
        items.extend(m.channels.iter().map(|c| ("channel", c.id.as_str())));
        let ids: NodeIds<'_> = items.iter().copied().zip(node_ids(&items)).collect();
        let graph = w.create_element("graph").with_attributes([("id", "graph:ecosystem"), ("edgedefault", "directed")]);
        graph.write_inner_content(|w| {
            nodes(w, m, &ids)?;
            edges(w, m, &ids)
        })?;
        Ok(())
    })?;
    Ok(())
}

/// Writes a node; the Trellis id goes in `trellis_id` when the node id differs from it.
fn node(w: &mut Writer<Vec<u8>>, ids: &NodeIds<'_>, kind: &str, id: &str, mut data: Data) -> io::Result<()> {
    let node_id = &ids[&(kind, id)];
    if node_id != id {
        data.push(("trellis_id", id.to_owned()));
    }
    element(w, "node", &[("id", node_id)], &data)
}

fn nodes(w: &mut Writer<Vec<u8>>, m: &Model, ids: &NodeIds<'_>) -> io::Result<()> {
    for r in &m.roles {
        let mut data: Data = vec![("label", r.name.clone()), ("kind", "role".into())];
        push_text(&mut data, "description", &r.description);
        push_text(&mut data, "group", &r.group);
        data.push(("headcount", r.headcount.to_string()));
        push_text(&mut data, "refs", &r.refs.join(" "));
        node(w, ids, "role", &r.id, data)?;
    }
    for c in &m.competencies {
        let mut data: Data = vec![("label", c.name.clone()), ("kind", "competency".into())];
        push_text(&mut data, "description", &c.description);
        push_text(&mut data, "category", &c.category);
        push_text(&mut data, "refs", &c.refs.join(" "));
        node(w, ids, "competency", &c.id, data)?;
    }
    for c in &m.channels {
        let mut data: Data = vec![("label", c.name.clone()), ("kind", "channel".into())];
        push_text(&mut data, "description", &c.description);
        data.push(("channel_kind", c.kind.to_string()));
        data.push(("bucket", c.kind.bucket().to_string()));
        if let Some(capacity) = c.capacity {
            data.push(("capacity", capacity.to_string()));
        }
        if let Some(cost) = c.cost {
            data.push(("cost", cost.to_string()));
        }
        data.push(("evaluation_level", c.evaluation_level.to_string()));
        node(w, ids, "channel", &c.id, data)?;
    }
    Ok(())
}

fn push_text(data: &mut Data, key: &'static str, value: &str) {
    if !value.is_empty() {
        data.push((key, value.to_owned()));
    }
}

fn edges(w: &mut Writer<Vec<u8>>, m: &Model, ids: &NodeIds<'_>) -> io::Result<()> {
    let mut n = 0usize;
    let mut edge = |w: &mut Writer<Vec<u8>>, from: (&str, &str), to: (&str, &str), relation: &str, mut data: Data| {
        // A link to an item the model lacks is left out, as validation refuses such a model.
        let (Some(from), Some(to)) = (ids.get(&from), ids.get(&to)) else { return Ok(()) };
        n += 1;
        data.insert(0, ("relation", relation.to_owned()));
        element(w, "edge", &[("id", &format!("edge:{n}")), ("source", from), ("target", to)], &data)
    };
    for r in &m.requires {
        let mut data: Data = vec![("target_level", r.target_level.to_string())];
        if let Some(current) = r.current_level {
            data.push(("current_level", current.to_string()));
        }
        data.push(("criticality", r.criticality.to_string()));
        edge(w, ("role", &r.role), ("competency", &r.competency), "requires", data)?;
    }
    for d in &m.develops {
        let stages: Vec<&str> = d.stages.iter().map(|s| s.as_str()).collect();
        edge(
            w,
            ("channel", &d.channel),
            ("competency", &d.competency),
            "develops",
            vec![("stages", stages.join(","))],
        )?;
    }
    for r in &m.reaches {
        edge(w, ("channel", &r.channel), ("role", &r.role), "reaches", vec![])?;
    }
    for f in &m.follows {
        edge(w, ("channel", &f.from), ("channel", &f.to), "follows", vec![])?;
    }
    for p in &m.prerequisites {
        edge(w, ("competency", &p.requires), ("competency", &p.competency), "prerequisite", vec![])?;
    }
    for c in &m.competencies {
        if let Some(parent) = &c.parent {
            edge(w, ("competency", &c.id), ("competency", parent), "part-of", vec![])?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_that_are_no_nmtoken_or_that_two_kinds_share_are_escaped_apart() {
        let ids = node_ids(&[
            ("role", "analyst"),
            ("competency", "analyst"),
            ("competency", "skill/a b"),
            ("channel", "café"),
            ("channel", "11-1021.00"),
        ]);
        assert_eq!(
            ids,
            ["role:analyst", "competency:analyst", "competency:skill:2Fa:20b", "channel:caf:C3:A9", "11-1021.00"]
        );
        // A colon is escaped too, so `x:2F` of a kind cannot pass for `x/`.
        assert_eq!(node_ids(&[("role", "x:2F"), ("role", "x/")]), ["role:x:3A2F", "role:x:2F"]);
    }
}
