//! The Kumu export: a Kumu JSON blueprint of elements (id, label, type) and connections (from, to by element id, type).

use crate::model::Model;
use serde_json::{json, Map, Value};
use std::collections::HashMap;

/// The element ids: each item's own id, which Kumu connections name their ends by (Kumu
/// matches `from` and `to` with element ids before labels). Ids are unique within a kind, and
/// Kumu wants them unique across the blueprint: an id that two kinds share gets its kind in
/// front (`role:analyst`, `competency:analyst`).
pub fn element_ids(items: &[(&str, &str)]) -> Vec<String> {
    let mut count: HashMap<&str, usize> = HashMap::new();
    for (_, id) in items {
        *count.entry(id).or_default() += 1;
    }
    items.iter().map(|(kind, id)| if count[id] > 1 { format!("{kind}:{id}") } else { (*id).to_owned() }).collect()
}

fn element(id: &str, label: &str, kind: &str, description: &str, mut attributes: Map<String, Value>) -> Value {
    attributes.insert("id".into(), json!(id));
    attributes.insert("label".into(), json!(label.trim()));
    attributes.insert("type".into(), json!(kind));
    if !description.is_empty() {
        attributes.insert("description".into(), json!(description));
    }
    Value::Object(attributes)
}

/// Writes the blueprint. Elements come in canonical order: roles, competencies, channels.
pub fn export(model: &Model) -> String {
    let mut m = model.clone();
    m.normalize();
    let mut items: Vec<(&str, &str)> = Vec::new();
    items.extend(m.roles.iter().map(|r| ("role", r.id.as_str())));
    items.extend(m.competencies.iter().map(|c| ("competency", c.id.as_str())));
    items.extend(m.channels.iter().map(|c| ("channel", c.id.as_str())));
    let element_ids = element_ids(&items);
    // Links name their ends by the model's ids, each end of a known kind.
    let of_kind: HashMap<(&str, &str), &str> =
        items.iter().copied().zip(element_ids.iter().map(String::as_str)).collect();

    let mut ids = element_ids.iter();
    let mut next_id = || ids.next().expect("an element id per item").as_str();
    let mut elements = Vec::new();
    for r in &m.roles {
        let attrs = json!({"group": r.group, "headcount": r.headcount, "tags": r.refs});
        elements.push(element(next_id(), &r.name, "Role", &r.description, as_map(attrs)));
    }
    for c in &m.competencies {
        let attrs = json!({"category": c.category, "tags": c.refs});
        elements.push(element(next_id(), &c.name, "Competency", &c.description, as_map(attrs)));
    }
    for c in &m.channels {
        let mut attrs = json!({
            "channel kind": c.kind.as_str(),
            "bucket": c.kind.bucket().as_str(),
            "evaluation level": c.evaluation_level,
        });
        if let Some(capacity) = c.capacity {
            attrs["capacity"] = json!(capacity);
        }
        if let Some(cost) = c.cost {
            attrs["cost"] = json!(cost);
        }
        elements.push(element(next_id(), &c.name, "Channel", &c.description, as_map(attrs)));
    }

    let mut connections = Vec::new();
    let mut connect = |from: (&str, &str), to: (&str, &str), kind: &str, extra: Value| {
        let (Some(from), Some(to)) = (of_kind.get(&from), of_kind.get(&to)) else { return };
        let mut c = as_map(extra);
        c.insert("from".into(), json!(from));
        c.insert("to".into(), json!(to));
        c.insert("type".into(), json!(kind));
        c.insert("direction".into(), json!("directed"));
        connections.push(Value::Object(c));
    };
    for r in &m.requires {
        let mut extra = json!({"target level": r.target_level, "criticality": r.criticality.as_str()});
        if let Some(current) = r.current_level {
            extra["current level"] = json!(current);
        }
        connect(("role", &r.role), ("competency", &r.competency), "requires", extra);
    }
    for d in &m.develops {
        let stages: Vec<&str> = d.stages.iter().map(|s| s.as_str()).collect();
        connect(("channel", &d.channel), ("competency", &d.competency), "develops", json!({"stages": stages}));
    }
    for r in &m.reaches {
        connect(("channel", &r.channel), ("role", &r.role), "reaches", json!({}));
    }
    for f in &m.follows {
        connect(("channel", &f.from), ("channel", &f.to), "follows", json!({}));
    }
    for p in &m.prerequisites {
        connect(("competency", &p.requires), ("competency", &p.competency), "prerequisite", json!({}));
    }
    for c in &m.competencies {
        if let Some(parent) = &c.parent {
            connect(("competency", &c.id), ("competency", parent), "part of", json!({}));
        }
    }
    let blueprint = json!({"elements": elements, "connections": connections});
    let mut out = serde_json::to_string_pretty(&blueprint).expect("JSON values always serialise");
    out.push('\n');
    out
}

fn as_map(value: Value) -> Map<String, Value> {
    match value {
        Value::Object(map) => map,
        _ => Map::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_id_two_kinds_share_gets_its_kind() {
        let ids = element_ids(&[("role", "analyst"), ("competency", "analyst"), ("channel", "coaching")]);
        assert_eq!(ids, ["role:analyst", "competency:analyst", "coaching"]);
    }
}
