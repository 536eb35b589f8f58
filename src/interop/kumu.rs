//! The Kumu export: a Kumu JSON blueprint of elements (label, type) and connections (from, to, type), labels made unique.

use crate::model::Model;
use serde_json::{json, Map, Value};
use std::collections::HashMap;

/// Makes every label unique (ignoring case), since Kumu connections name their ends by label:
/// a repeated name gets its kind, and a name repeated within a kind a number too.
pub fn unique_labels(items: &[(&str, &str)]) -> Vec<String> {
    let count = |labels: &[String]| {
        let mut c: HashMap<String, usize> = HashMap::new();
        for l in labels {
            *c.entry(l.to_lowercase()).or_default() += 1;
        }
        c
    };
    let names: Vec<String> = items.iter().map(|(_, name)| name.trim().to_owned()).collect();
    let counts = count(&names);
    let with_kind: Vec<String> = items
        .iter()
        .zip(&names)
        .map(
            |((kind, _), name)| {
                if counts[&name.to_lowercase()] > 1 {
                    format!("{name} ({kind})")
                } else {
                    name.clone()
                }
            },
        )
        .collect();
    let counts = count(&with_kind);
    let mut seen: HashMap<String, usize> = HashMap::new();
    items
        .iter()
        .zip(names.iter().zip(with_kind))
        .map(|((kind, _), (name, label))| {
            let key = label.to_lowercase();
            if counts[&key] > 1 {
                let n = seen.entry(key).or_default();
                *n += 1;
                format!("{name} ({kind} {n})")
            } else {
                label
            }
        })
        .collect()
}

fn element(label: &str, kind: &str, description: &str, mut attributes: Map<String, Value>) -> Value {
    attributes.insert("label".into(), json!(label));
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
    items.extend(m.roles.iter().map(|r| ("role", r.name.as_str())));
    items.extend(m.competencies.iter().map(|c| ("competency", c.name.as_str())));
    items.extend(m.channels.iter().map(|c| ("channel", c.name.as_str())));
    let labels = unique_labels(&items);
    let ids = m.roles.iter().map(|r| &r.id).chain(m.competencies.iter().map(|c| &c.id));
    let label: HashMap<&str, &str> = ids
        .chain(m.channels.iter().map(|c| &c.id))
        .map(String::as_str)
        .zip(labels.iter().map(String::as_str))
        .collect();

    let mut labels = labels.iter();
    let mut elements = Vec::new();
    for r in &m.roles {
        let attrs = json!({"id": r.id, "group": r.group, "headcount": r.headcount, "tags": r.refs});
        elements.push(element(labels.next().expect("a label per item"), "Role", &r.description, as_map(attrs)));
    }
    for c in &m.competencies {
        let attrs = json!({"id": c.id, "category": c.category, "tags": c.refs});
        elements.push(element(labels.next().expect("a label per item"), "Competency", &c.description, as_map(attrs)));
    }
    for c in &m.channels {
        let mut attrs = json!({
            "id": c.id,
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
        elements.push(element(labels.next().expect("a label per item"), "Channel", &c.description, as_map(attrs)));
    }

    let mut connections = Vec::new();
    let mut connect = |from: &str, to: &str, kind: &str, extra: Value| {
        let (Some(from), Some(to)) = (label.get(from), label.get(to)) else { return };
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
        connect(&r.role, &r.competency, "requires", extra);
    }
    for d in &m.develops {
        let stages: Vec<&str> = d.stages.iter().map(|s| s.as_str()).collect();
        connect(&d.channel, &d.competency, "develops", json!({"stages": stages}));
    }
    for r in &m.reaches {
        connect(&r.channel, &r.role, "reaches", json!({}));
    }
    for f in &m.follows {
        connect(&f.from, &f.to, "follows", json!({}));
    }
    for p in &m.prerequisites {
        connect(&p.requires, &p.competency, "prerequisite", json!({}));
    }
    for c in &m.competencies {
        if let Some(parent) = &c.parent {
            connect(&c.id, parent, "part of", json!({}));
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
    fn repeated_names_become_unique() {
        let labels = unique_labels(&[
            ("role", "Analyst"),
            ("competency", "analyst"),
            ("role", "Analyst"),
            ("channel", "Coaching"),
        ]);
        assert_eq!(labels, ["Analyst (role 1)", "analyst (competency)", "Analyst (role 2)", "Coaching"]);
    }
}
