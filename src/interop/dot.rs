//! The Graphviz DOT export: roles, competencies and channels as shaped nodes, relations as labelled edges.

use crate::model::Model;
use std::fmt::Write;

/// A DOT quoted string: quotes and backslashes escaped, line breaks as `\n`.
pub fn quoted(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Writes the model as one directed graph (edge directions as in the GraphML export).
pub fn export(model: &Model) -> String {
    let mut m = model.clone();
    m.normalize();
    let mut out = String::new();
    let mut line = |s: String| {
        out.push_str(&s);
        out.push('\n');
    };
    line(format!("digraph {} {{", quoted(&m.engagement.name)));
    line("  rankdir=LR;".into());
    line("  node [fontname=\"Helvetica\"];".into());
    for r in &m.roles {
        line(format!("  {} [label={}, shape=box, kind=\"role\"];", quoted(&r.id), quoted(&r.name)));
    }
    for c in &m.competencies {
        line(format!("  {} [label={}, shape=ellipse, kind=\"competency\"];", quoted(&c.id), quoted(&c.name)));
    }
    for c in &m.channels {
        line(format!(
            "  {} [label={}, shape=hexagon, kind=\"channel\", channel_kind=\"{}\"];",
            quoted(&c.id),
            quoted(&c.name),
            c.kind
        ));
    }
    for r in &m.requires {
        let mut label = format!("requires {}", r.target_level);
        if let Some(current) = r.current_level {
            let _ = write!(label, " (now {current})");
        }
        line(format!(
            "  {} -> {} [label={}, criticality=\"{}\"];",
            quoted(&r.role),
            quoted(&r.competency),
            quoted(&label),
            r.criticality
        ));
    }
    for d in &m.develops {
        let stages: Vec<&str> = d.stages.iter().map(|s| s.as_str()).collect();
        line(format!(
            "  {} -> {} [label=\"develops: {}\"];",
            quoted(&d.channel),
            quoted(&d.competency),
            stages.join(", ")
        ));
    }
    for r in &m.reaches {
        line(format!("  {} -> {} [label=\"reaches\", style=dashed];", quoted(&r.channel), quoted(&r.role)));
    }
    for f in &m.follows {
        line(format!("  {} -> {} [label=\"then\"];", quoted(&f.from), quoted(&f.to)));
    }
    for p in &m.prerequisites {
        line(format!("  {} -> {} [label=\"before\", style=bold];", quoted(&p.requires), quoted(&p.competency)));
    }
    for c in &m.competencies {
        if let Some(parent) = &c.parent {
            line(format!("  {} -> {} [label=\"part of\", style=dotted];", quoted(&c.id), quoted(parent)));
        }
    }
    line("}".into());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_and_newlines_are_escaped() {
        assert_eq!(quoted("a \"b\"\\c\nd"), r#""a \"b\"\\c\nd""#);
    }
}
