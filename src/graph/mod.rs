//! The petgraph view of a model: built on load, queried by diagnostics, the studio and the blueprint, never persisted.

mod stages;

pub use stages::StageSet;

use crate::model::{Model, Stage};
use petgraph::graph::{DiGraph, EdgeIndex, NodeIndex};
use petgraph::unionfind::UnionFind;
use petgraph::visit::EdgeRef;
use petgraph::Direction::{Incoming, Outgoing};
use std::collections::HashMap;

/// A node points back into the model's lists by position.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Node {
    Role(usize),
    Competency(usize),
    Channel(usize),
}

/// An edge: relations with attributes point back into the model's lists by position.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Link {
    /// role -> competency (`model.requires[i]`)
    Requires(usize),
    /// channel -> competency (`model.develops[i]`)
    Develops(usize),
    /// channel -> role
    Reaches,
    /// earlier channel -> later channel
    Follows,
    /// competency -> the competency it builds on
    Prerequisite,
}

/// The ecosystem as a directed graph over a borrowed model.
///
/// Architecture invariant: `NodeIndex` values live only as long as this value; anything kept
/// (in the file, the UI, a finding) uses model ids.
pub struct EcosystemGraph<'m> {
    pub model: &'m Model,
    graph: DiGraph<Node, Link>,
    roles: Vec<NodeIndex>,
    competencies: Vec<NodeIndex>,
    channels: Vec<NodeIndex>,
    by_id: HashMap<&'m str, NodeIndex>,
}

/// Prerequisite order, or the cycles that prevent one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PrerequisiteOrder<'m> {
    /// Competency ids, each after the competencies it builds on.
    Ordered(Vec<&'m str>),
    /// Each strongly connected group of 2+ competencies (ids sorted), groups sorted.
    Cycles(Vec<Vec<&'m str>>),
}

impl<'m> EcosystemGraph<'m> {
    /// Builds the graph. Relations whose endpoints are missing are skipped: a validated model has none.
    pub fn build(model: &'m Model) -> Self {
        let nodes = model.roles.len() + model.competencies.len() + model.channels.len();
        let edges = model.requires.len()
            + model.develops.len()
            + model.reaches.len()
            + model.follows.len()
            + model.prerequisites.len();
        let mut graph = DiGraph::with_capacity(nodes, edges);
        let mut by_id = HashMap::with_capacity(nodes);
        let roles: Vec<_> = (0..model.roles.len()).map(|i| graph.add_node(Node::Role(i))).collect();
        let competencies: Vec<_> = (0..model.competencies.len()).map(|i| graph.add_node(Node::Competency(i))).collect();
        let channels: Vec<_> = (0..model.channels.len()).map(|i| graph.add_node(Node::Channel(i))).collect();
        for (r, ix) in model.roles.iter().zip(&roles) {
            by_id.insert(r.id.as_str(), *ix);
        }
        for (c, ix) in model.competencies.iter().zip(&competencies) {
            by_id.insert(c.id.as_str(), *ix);
        }
        for (c, ix) in model.channels.iter().zip(&channels) {
            by_id.insert(c.id.as_str(), *ix);
        }
        let mut link = |a: &str, b: &str, l: Link| {
            if let (Some(&a), Some(&b)) = (by_id.get(a), by_id.get(b)) {
                graph.add_edge(a, b, l);
            }
        };
        for (i, r) in model.requires.iter().enumerate() {
            link(&r.role, &r.competency, Link::Requires(i));
        }
        for (i, d) in model.develops.iter().enumerate() {
            link(&d.channel, &d.competency, Link::Develops(i));
        }
        for r in &model.reaches {
            link(&r.channel, &r.role, Link::Reaches);
        }
        for f in &model.follows {
            link(&f.from, &f.to, Link::Follows);
        }
        for p in &model.prerequisites {
            link(&p.competency, &p.requires, Link::Prerequisite);
        }
        EcosystemGraph { model, graph, roles, competencies, channels, by_id }
    }

    pub fn node_count(&self) -> usize {
        self.graph.node_count()
    }

    pub fn edge_count(&self) -> usize {
        self.graph.edge_count()
    }

    pub fn node(&self, id: &str) -> Option<NodeIndex> {
        self.by_id.get(id).copied()
    }

    pub fn kind(&self, ix: NodeIndex) -> Node {
        self.graph[ix]
    }

    /// The model id of a node.
    pub fn id(&self, ix: NodeIndex) -> &'m str {
        match self.graph[ix] {
            Node::Role(i) => &self.model.roles[i].id,
            Node::Competency(i) => &self.model.competencies[i].id,
            Node::Channel(i) => &self.model.channels[i].id,
        }
    }

    pub fn role_node(&self, i: usize) -> NodeIndex {
        self.roles[i]
    }

    pub fn competency_node(&self, i: usize) -> NodeIndex {
        self.competencies[i]
    }

    pub fn channel_node(&self, i: usize) -> NodeIndex {
        self.channels[i]
    }

    fn links(
        &self,
        ix: NodeIndex,
        dir: petgraph::Direction,
    ) -> impl Iterator<Item = (EdgeIndex, NodeIndex, Link)> + '_ {
        self.graph.edges_directed(ix, dir).map(move |e| {
            let other = if dir == Outgoing { e.target() } else { e.source() };
            (e.id(), other, *e.weight())
        })
    }

    /// Positions (in `model.channels`) of the channels that reach a role.
    pub fn channels_reaching(&self, role: usize) -> Vec<usize> {
        let mut out: Vec<usize> = self
            .links(self.roles[role], Incoming)
            .filter(|(_, _, l)| *l == Link::Reaches)
            .filter_map(|(_, n, _)| match self.graph[n] {
                Node::Channel(c) => Some(c),
                _ => None,
            })
            .collect();
        out.sort_unstable();
        out
    }

    /// Positions of the roles a channel reaches.
    pub fn roles_reached(&self, channel: usize) -> Vec<usize> {
        let mut out: Vec<usize> = self
            .links(self.channels[channel], Outgoing)
            .filter_map(|(_, n, l)| match (l, self.graph[n]) {
                (Link::Reaches, Node::Role(r)) => Some(r),
                _ => None,
            })
            .collect();
        out.sort_unstable();
        out
    }

    /// `(competency position, develops position)` for each competency a channel develops.
    pub fn developed_by(&self, channel: usize) -> Vec<(usize, usize)> {
        let mut out: Vec<(usize, usize)> = self
            .links(self.channels[channel], Outgoing)
            .filter_map(|(_, n, l)| match (l, self.graph[n]) {
                (Link::Develops(d), Node::Competency(c)) => Some((c, d)),
                _ => None,
            })
            .collect();
        out.sort_unstable();
        out
    }

    /// Positions of the `develops` links into a competency.
    pub fn developing(&self, competency: usize) -> Vec<usize> {
        let mut out: Vec<usize> = self
            .links(self.competencies[competency], Incoming)
            .filter_map(|(_, _, l)| match l {
                Link::Develops(d) => Some(d),
                _ => None,
            })
            .collect();
        out.sort_unstable();
        out
    }

    /// `(requires position, competency position)` for each competency a role requires.
    pub fn required_by(&self, role: usize) -> Vec<(usize, usize)> {
        let mut out: Vec<(usize, usize)> = self
            .links(self.roles[role], Outgoing)
            .filter_map(|(_, n, l)| match (l, self.graph[n]) {
                (Link::Requires(r), Node::Competency(c)) => Some((r, c)),
                _ => None,
            })
            .collect();
        out.sort_unstable();
        out
    }

    /// The stages covering each competency for one role: from channels reaching the role.
    pub fn role_coverage(&self, role: usize) -> HashMap<usize, StageSet> {
        let mut cover: HashMap<usize, StageSet> = HashMap::new();
        for ch in self.channels_reaching(role) {
            for (comp, d) in self.developed_by(ch) {
                cover.entry(comp).or_default().insert(self.model.develops[d].stage);
            }
        }
        cover
    }

    /// Covered stages for every `requires` link, in the order of `model.requires`.
    pub fn coverage(&self) -> Vec<StageSet> {
        let mut out = vec![StageSet::default(); self.model.requires.len()];
        for role in 0..self.roles.len() {
            let cover = self.role_coverage(role);
            for (r, c) in self.required_by(role) {
                out[r] = cover.get(&c).copied().unwrap_or_default();
            }
        }
        out
    }

    /// Stages covering one (role, competency) pair, by ids.
    pub fn stages_covering(&self, role: &str, competency: &str) -> StageSet {
        let (Some(Node::Role(r)), Some(Node::Competency(c))) =
            (self.node(role).map(|n| self.graph[n]), self.node(competency).map(|n| self.graph[n]))
        else {
            return StageSet::default();
        };
        self.role_coverage(r).get(&c).copied().unwrap_or_default()
    }

    /// Positions of the channels that directly follow a channel.
    pub fn followers(&self, channel: usize) -> Vec<usize> {
        let mut out: Vec<usize> = self
            .links(self.channels[channel], Outgoing)
            .filter_map(|(_, n, l)| match (l, self.graph[n]) {
                (Link::Follows, Node::Channel(c)) => Some(c),
                _ => None,
            })
            .collect();
        out.sort_unstable();
        out
    }

    /// Channels reachable along `follows` within `hops` steps (the channel itself excluded).
    pub fn followers_within(&self, channel: usize, hops: usize) -> Vec<usize> {
        let mut seen = vec![channel];
        let mut frontier = vec![channel];
        for _ in 0..hops {
            let next: Vec<usize> =
                frontier.iter().flat_map(|c| self.followers(*c)).filter(|c| !seen.contains(c)).collect();
            for c in &next {
                if !seen.contains(c) {
                    seen.push(*c);
                }
            }
            frontier = next;
        }
        seen.remove(0);
        seen.sort_unstable();
        seen
    }

    /// Learning sequences along `follows`: every path from a channel nothing precedes to one that
    /// nothing follows (cycles are cut where they close). Channel positions.
    pub fn sequences(&self) -> Vec<Vec<usize>> {
        let has_predecessor = |c: usize| self.links(self.channels[c], Incoming).any(|(_, _, l)| l == Link::Follows);
        let mut out = Vec::new();
        for start in (0..self.channels.len()).filter(|c| !has_predecessor(*c) && !self.followers(*c).is_empty()) {
            let mut stack = vec![vec![start]];
            while let Some(path) = stack.pop() {
                let last = *path.last().unwrap_or(&start);
                let next: Vec<usize> = self.followers(last).into_iter().filter(|c| !path.contains(c)).collect();
                if next.is_empty() || out.len() > 10_000 {
                    out.push(path);
                    continue;
                }
                for c in next.into_iter().rev() {
                    let mut p = path.clone();
                    p.push(c);
                    stack.push(p);
                }
            }
        }
        out
    }

    /// Competencies in prerequisite order, or every cycle that stops one.
    pub fn prerequisite_order(&self) -> PrerequisiteOrder<'m> {
        let sub = self.graph.filter_map(
            |_, n| matches!(n, Node::Competency(_)).then_some(*n),
            |_, l| (*l == Link::Prerequisite).then_some(()),
        );
        let mut cycles: Vec<Vec<&'m str>> = petgraph::algo::tarjan_scc(&sub)
            .into_iter()
            .filter(|scc| scc.len() > 1)
            .map(|scc| {
                let mut ids: Vec<&str> = scc.iter().map(|n| self.competency_id(sub[*n])).collect();
                ids.sort_unstable();
                ids
            })
            .collect();
        if !cycles.is_empty() {
            cycles.sort();
            return PrerequisiteOrder::Cycles(cycles);
        }
        match petgraph::algo::toposort(&sub, None) {
            // Edges point from a competency to what it builds on, so reverse for "foundations first".
            Ok(order) => {
                PrerequisiteOrder::Ordered(order.into_iter().rev().map(|n| self.competency_id(sub[n])).collect())
            }
            Err(cycle) => PrerequisiteOrder::Cycles(vec![vec![self.competency_id(sub[cycle.node_id()])]]),
        }
    }

    fn competency_id(&self, n: Node) -> &'m str {
        match n {
            Node::Competency(i) => &self.model.competencies[i].id,
            Node::Role(i) => &self.model.roles[i].id,
            Node::Channel(i) => &self.model.channels[i].id,
        }
    }

    /// Weakly connected components, as sorted lists of model ids, largest first.
    pub fn components(&self) -> Vec<Vec<&'m str>> {
        let mut uf = UnionFind::<usize>::new(self.graph.node_count());
        for e in self.graph.edge_indices() {
            if let Some((a, b)) = self.graph.edge_endpoints(e) {
                uf.union(a.index(), b.index());
            }
        }
        let mut groups: HashMap<usize, Vec<&'m str>> = HashMap::new();
        for n in self.graph.node_indices() {
            groups.entry(uf.find(n.index())).or_default().push(self.id(n));
        }
        let mut out: Vec<Vec<&str>> = groups.into_values().collect();
        for g in &mut out {
            g.sort_unstable();
        }
        out.sort_by(|a, b| b.len().cmp(&a.len()).then_with(|| a.cmp(b)));
        out
    }

    /// A stable text dump for tests: one line per edge, sorted.
    pub fn to_text(&self) -> String {
        let mut lines: Vec<String> = self
            .graph
            .edge_references()
            .map(|e| {
                let name = match e.weight() {
                    Link::Requires(_) => "requires",
                    Link::Develops(d) => match self.model.develops[*d].stage {
                        Stage::Introduce => "develops(introduce)",
                        Stage::Practice => "develops(practice)",
                        Stage::Feedback => "develops(feedback)",
                        Stage::Support => "develops(support)",
                    },
                    Link::Reaches => "reaches",
                    Link::Follows => "follows",
                    Link::Prerequisite => "prerequisite",
                };
                format!("{} -{}-> {}", self.id(e.source()), name, self.id(e.target()))
            })
            .collect();
        lines.sort();
        lines.join("\n")
    }
}

#[cfg(test)]
mod tests;
