//! The ecosystem map: the nodes and edges the studio draws, filtered, focused on a role, or
//! summarised by role group, competency category and channel kind when there are too many to draw.

use super::Session;
use crate::model::{ChannelKind, Criticality, Id, Model};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap, HashSet};

/// Above this many nodes the map draws groups instead of items: Cytoscape stays responsive below it.
pub const MAP_NODE_LIMIT: usize = 2_000;

/// Above this many edges a kind drawn item by item is drawn by class instead: thousands of channels
/// each linked to every group would bury the map (and slow it) as surely as too many nodes.
pub const MAP_EDGE_LIMIT: usize = 8_000;

/// What to draw. Empty filters keep everything.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct MapQuery {
    /// Only the roles of this group (and what they require and what reaches them).
    pub group: Option<String>,
    /// Only the competencies of this category.
    pub category: Option<String>,
    /// Only channels of these kinds.
    pub kinds: Vec<ChannelKind>,
    /// One role, the competencies it requires and the channels that reach it.
    pub focus: Option<Id>,
    /// The node limit; `None`: `MAP_NODE_LIMIT`.
    pub limit: Option<usize>,
}

#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum MapNodeKind {
    Role,
    Competency,
    Channel,
    /// A role group standing for its roles.
    Group,
    /// A competency category standing for its competencies.
    Category,
    /// A channel kind standing for its channels.
    ChannelKind,
}

#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MapNode {
    /// The item's id, or `group:NAME`, `category:NAME`, `kind:KIND` for a summary node.
    pub id: String,
    pub kind: MapNodeKind,
    pub label: String,
    /// The role group, competency category or channel kind it belongs to.
    pub class: String,
    /// How many items a summary node stands for (1 for an item).
    pub count: usize,
}

#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum MapEdgeKind {
    Requires,
    Develops,
    Reaches,
    Follows,
    Prerequisite,
}

#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MapEdge {
    pub source: String,
    pub target: String,
    pub kind: MapEdgeKind,
    /// How many links a summary edge stands for (1 for a link).
    pub count: usize,
    /// For a single `requires` link.
    pub criticality: Option<Criticality>,
}

#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MapGraph {
    /// True when some items are drawn as their group, category or kind.
    pub summary: bool,
    /// How many items the selection holds (drawn or summarised).
    pub items: usize,
    pub nodes: Vec<MapNode>,
    pub edges: Vec<MapEdge>,
}

impl Session {
    pub fn map(&self, q: &MapQuery) -> MapGraph {
        map(self.model(), q)
    }
}

/// How one kind of item is drawn: each item itself, or by its class.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Draw {
    Items,
    Classes,
}

/// Builds the map of a model for a query (pure: no session needed).
pub fn map(m: &Model, q: &MapQuery) -> MapGraph {
    let limit = q.limit.unwrap_or(MAP_NODE_LIMIT).max(1);
    // 1. The selection: which roles, competencies and channels the query keeps.
    let mut roles: HashSet<&str> = m
        .roles
        .iter()
        .filter(|r| q.group.as_ref().is_none_or(|g| &r.group == g))
        .filter(|r| q.focus.as_ref().is_none_or(|f| &r.id == f))
        .map(|r| r.id.as_str())
        .collect();
    let kind_ok = |k: ChannelKind| q.kinds.is_empty() || q.kinds.contains(&k);
    let narrowed = q.group.is_some() || q.focus.is_some();
    let mut comps: HashSet<&str> = m
        .competencies
        .iter()
        .filter(|c| q.category.as_ref().is_none_or(|cat| &c.category == cat))
        .map(|c| c.id.as_str())
        .collect();
    let mut channels: HashSet<&str> = m.channels.iter().filter(|c| kind_ok(c.kind)).map(|c| c.id.as_str()).collect();
    if narrowed {
        // Only what the chosen roles require, and the channels that reach them.
        let required: HashSet<&str> =
            m.requires.iter().filter(|r| roles.contains(r.role.as_str())).map(|r| r.competency.as_str()).collect();
        comps.retain(|c| required.contains(c));
        let reaching: HashSet<&str> =
            m.reaches.iter().filter(|r| roles.contains(r.role.as_str())).map(|r| r.channel.as_str()).collect();
        channels.retain(|c| reaching.contains(c));
    }
    if q.category.is_some() && !narrowed {
        // Only the roles that require, and the channels that develop, the chosen competencies.
        let requiring: HashSet<&str> =
            m.requires.iter().filter(|r| comps.contains(r.competency.as_str())).map(|r| r.role.as_str()).collect();
        roles.retain(|r| requiring.contains(r));
        let developing: HashSet<&str> =
            m.develops.iter().filter(|d| comps.contains(d.competency.as_str())).map(|d| d.channel.as_str()).collect();
        channels.retain(|c| developing.contains(c));
    }
    let items = roles.len() + comps.len() + channels.len();

    // 2. Draw the smaller kinds as items while the total stays within the limit; the rest by class.
    let role_class: HashMap<&str, &str> = m.roles.iter().map(|r| (r.id.as_str(), r.group.as_str())).collect();
    let comp_class: HashMap<&str, &str> = m.competencies.iter().map(|c| (c.id.as_str(), c.category.as_str())).collect();
    let chan_class: HashMap<&str, &str> = m.channels.iter().map(|c| (c.id.as_str(), c.kind.as_str())).collect();
    let classes = |set: &HashSet<&str>, class: &HashMap<&str, &str>| {
        set.iter().map(|id| class.get(id).copied().unwrap_or("")).collect::<HashSet<&str>>().len()
    };
    let sizes = [
        (roles.len(), classes(&roles, &role_class)),
        (comps.len(), classes(&comps, &comp_class)),
        (channels.len(), classes(&channels, &chan_class)),
    ];
    let mut draw = [Draw::Classes; 3];
    let mut total: usize = sizes.iter().map(|(_, c)| c).sum();
    let mut order = [0usize, 1, 2];
    order.sort_by_key(|i| sizes[*i].0);
    for i in order {
        let grown = total - sizes[i].1 + sizes[i].0;
        if grown <= limit {
            draw[i] = Draw::Items;
            total = grown;
        }
    }
    loop {
        let (nodes, edges) = draw_with(m, &draw, &roles, &comps, &channels, [&role_class, &comp_class, &chan_class]);
        // Too many edges: the largest kind still drawn item by item is drawn by class, and again.
        let itemized = (0..3).filter(|i| draw[*i] == Draw::Items).max_by_key(|i| sizes[*i].0);
        match itemized {
            Some(i) if edges.len() > MAP_EDGE_LIMIT => draw[i] = Draw::Classes,
            _ => return MapGraph { summary: draw.contains(&Draw::Classes), items, nodes, edges },
        }
    }
}

type Classes<'a> = [&'a HashMap<&'a str, &'a str>; 3];

/// Steps 3 and 4: the nodes and edges for one choice of what is drawn item by item.
fn draw_with(
    m: &Model,
    draw: &[Draw; 3],
    roles: &HashSet<&str>,
    comps: &HashSet<&str>,
    channels: &HashSet<&str>,
    [role_class, comp_class, chan_class]: Classes<'_>,
) -> (Vec<MapNode>, Vec<MapEdge>) {
    // 3. Nodes: each kept item under its own id, or its class under `group:`/`category:`/`kind:`.
    let key = |which: usize, id: &str| -> String {
        let (class, prefix) = match which {
            0 => (role_class, "group:"),
            1 => (comp_class, "category:"),
            _ => (chan_class, "kind:"),
        };
        match draw[which] {
            Draw::Items => id.to_owned(),
            Draw::Classes => format!("{prefix}{}", class.get(id).copied().unwrap_or("")),
        }
    };
    let mut nodes: BTreeMap<String, MapNode> = BTreeMap::new();
    // A summary node reads as its class: the group, the category, or the channel kind's label.
    let mut add = |which: usize, id: &str, label: &str, class: &str, class_label: &str| {
        let k = key(which, id);
        let kind = match (which, draw[which]) {
            (0, Draw::Items) => MapNodeKind::Role,
            (1, Draw::Items) => MapNodeKind::Competency,
            (_, Draw::Items) => MapNodeKind::Channel,
            (0, Draw::Classes) => MapNodeKind::Group,
            (1, Draw::Classes) => MapNodeKind::Category,
            (_, Draw::Classes) => MapNodeKind::ChannelKind,
        };
        let label = if draw[which] == Draw::Items {
            label.to_owned()
        } else if class.is_empty() {
            "(none)".to_owned()
        } else {
            class_label.to_owned()
        };
        nodes
            .entry(k.clone())
            .or_insert_with(|| MapNode { id: k, kind, label, class: class.to_owned(), count: 0 })
            .count += 1;
    };
    for r in m.roles.iter().filter(|r| roles.contains(r.id.as_str())) {
        add(0, &r.id, &r.name, &r.group, &r.group);
    }
    for c in m.competencies.iter().filter(|c| comps.contains(c.id.as_str())) {
        add(1, &c.id, &c.name, &c.category, &c.category);
    }
    for c in m.channels.iter().filter(|c| channels.contains(c.id.as_str())) {
        add(2, &c.id, &c.name, c.kind.as_str(), c.kind.label());
    }

    // 4. Edges between kept endpoints, merged when their ends are summarised.
    let mut edges: BTreeMap<(String, String, MapEdgeKind), MapEdge> = BTreeMap::new();
    let mut link = |source: String, target: String, kind: MapEdgeKind, criticality: Option<Criticality>| {
        let e = edges.entry((source.clone(), target.clone(), kind)).or_insert(MapEdge {
            source,
            target,
            kind,
            count: 0,
            criticality,
        });
        e.count += 1;
        if e.count > 1 {
            e.criticality = None;
        }
    };
    for r in &m.requires {
        if roles.contains(r.role.as_str()) && comps.contains(r.competency.as_str()) {
            link(key(0, &r.role), key(1, &r.competency), MapEdgeKind::Requires, Some(r.criticality));
        }
    }
    for d in &m.develops {
        if channels.contains(d.channel.as_str()) && comps.contains(d.competency.as_str()) {
            link(key(2, &d.channel), key(1, &d.competency), MapEdgeKind::Develops, None);
        }
    }
    for r in &m.reaches {
        if channels.contains(r.channel.as_str()) && roles.contains(r.role.as_str()) {
            link(key(2, &r.channel), key(0, &r.role), MapEdgeKind::Reaches, None);
        }
    }
    for f in &m.follows {
        if channels.contains(f.from.as_str()) && channels.contains(f.to.as_str()) {
            link(key(2, &f.from), key(2, &f.to), MapEdgeKind::Follows, None);
        }
    }
    for p in &m.prerequisites {
        if comps.contains(p.competency.as_str()) && comps.contains(p.requires.as_str()) {
            link(key(1, &p.requires), key(1, &p.competency), MapEdgeKind::Prerequisite, None);
        }
    }
    // A summary node linked to itself (follows within one kind) says nothing on the map.
    edges.retain(|(s, t, _), _| s != t);
    (nodes.into_values().collect(), edges.into_values().collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::synthetic::{self, Sizes};

    fn demo() -> Model {
        crate::templates::load("demo").unwrap()
    }

    #[test]
    fn a_small_model_is_drawn_item_by_item() {
        let m = demo();
        let g = map(&m, &MapQuery::default());
        assert!(!g.summary);
        assert_eq!(g.nodes.len(), m.roles.len() + m.competencies.len() + m.channels.len());
        assert_eq!(g.edges.iter().filter(|e| e.kind == MapEdgeKind::Requires).count(), m.requires.len());
    }

    #[test]
    fn focus_keeps_one_role_its_competencies_and_its_channels() {
        let m = demo();
        let role = &m.requires[0].role;
        let g = map(&m, &MapQuery { focus: Some(role.clone()), ..MapQuery::default() });
        let roles: Vec<_> = g.nodes.iter().filter(|n| n.kind == MapNodeKind::Role).collect();
        assert_eq!(roles.len(), 1);
        let required = m.requires.iter().filter(|r| &r.role == role).count();
        assert_eq!(g.nodes.iter().filter(|n| n.kind == MapNodeKind::Competency).count(), required);
        assert!(g.edges.iter().all(|e| e.kind != MapEdgeKind::Reaches || &e.target == role));
    }

    #[test]
    fn a_large_model_is_summarised_and_can_be_drilled_into() {
        let sizes = Sizes {
            roles: 3_000,
            competencies: 4_000,
            requires: 30_000,
            channels: 300,
            develops: 3_000,
            reaches: 6_000,
        };
        let m = synthetic::model(sizes);
        let g = map(&m, &MapQuery::default());
        assert!(g.summary);
        assert!(g.nodes.len() <= MAP_NODE_LIMIT, "{}", g.nodes.len());
        assert!(g.edges.len() <= MAP_EDGE_LIMIT, "{}", g.edges.len());
        assert!(g.nodes.iter().any(|n| n.kind == MapNodeKind::Group && n.count > 1));
        let group = m.roles[0].group.clone();
        let inner = map(&m, &MapQuery { group: Some(group.clone()), ..MapQuery::default() });
        assert!(inner.nodes.len() <= MAP_NODE_LIMIT);
        assert!(inner.nodes.iter().filter(|n| n.kind == MapNodeKind::Role).all(|n| n.class == group));
        assert!(inner.nodes.iter().any(|n| n.kind == MapNodeKind::Role));
    }

    #[test]
    fn channels_summarised_by_kind_read_as_the_kind_label() {
        let sizes =
            Sizes { roles: 20, competencies: 20, requires: 40, channels: 3_000, develops: 3_000, reaches: 3_000 };
        let g = map(&synthetic::model(sizes), &MapQuery::default());
        let kinds: Vec<&MapNode> = g.nodes.iter().filter(|n| n.kind == MapNodeKind::ChannelKind).collect();
        assert!(!kinds.is_empty(), "3,000 channels are drawn by kind");
        for n in kinds {
            assert_eq!(n.label, n.class.parse::<ChannelKind>().unwrap().label(), "{n:?}");
        }
    }

    #[test]
    fn channel_kind_filters_drop_other_channels() {
        let m = demo();
        let g = map(&m, &MapQuery { kinds: vec![ChannelKind::Coaching], ..MapQuery::default() });
        assert!(g.nodes.iter().filter(|n| n.kind == MapNodeKind::Channel).all(|n| n.class == "coaching"));
    }
}
