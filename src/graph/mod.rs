//! The petgraph view of a model: built on load, queried by diagnostics, the studio and the blueprint, never persisted.

mod stages;

pub use stages::StageSet;

use crate::model::Model;
use petgraph::graph::{DiGraph, EdgeIndex, NodeIndex};
use petgraph::unionfind::UnionFind;
use petgraph::visit::EdgeRef;
use petgraph::Direction::{Incoming, Outgoing};
use rustc_hash::FxHashMap;
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
    by_id: FxHashMap<&'m str, NodeIndex>,
    adjacency: Adjacency,
}

/// Sorted adjacency lists by model position, built once: the hot queries read slices, not edges.
#[derive(Default)]
struct Adjacency {
    /// Per role: channels reaching it.
    reaching: Vec<Vec<usize>>,
    /// Per channel: roles it reaches.
    reached: Vec<Vec<usize>>,
    /// Per channel: (competency, develops position).
    develops_of: Vec<Vec<(usize, usize)>>,
    /// Per competency: develops positions into it.
    develops_into: Vec<Vec<usize>>,
    /// Per develops position: the channel, or `usize::MAX` when an endpoint is missing.
    develops_channel: Vec<usize>,
    /// Per develops position: its stages (a short list the coverage loop reads instead of the model's links).
    develops_stages: Vec<StageSet>,
    /// Per role: (requires position, competency).
    requires_of: Vec<Vec<(usize, usize)>>,
    /// Per competency: (requires position, role).
    required_into: Vec<Vec<(usize, usize)>>,
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
        let mut by_id = FxHashMap::with_capacity_and_hasher(nodes, Default::default());
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
        let mut adj = Adjacency {
            reaching: vec![Vec::new(); model.roles.len()],
            reached: vec![Vec::new(); model.channels.len()],
            develops_of: vec![Vec::new(); model.channels.len()],
            develops_into: vec![Vec::new(); model.competencies.len()],
            develops_channel: vec![usize::MAX; model.develops.len()],
            develops_stages: model.develops.iter().map(|d| d.stages.iter().copied().collect()).collect(),
            requires_of: vec![Vec::new(); model.roles.len()],
            required_into: vec![Vec::new(); model.competencies.len()],
        };
        // Links come sorted by their first end, so that end repeats: look it up once per run.
        let mut last: Option<(&'m str, Option<NodeIndex>)> = None;
        let mut link = |a: &'m str, b: &'m str, l: Link| {
            let from = match last {
                Some((id, ix)) if id == a => ix,
                _ => {
                    let ix = by_id.get(a).copied();
                    last = Some((a, ix));
                    ix
                }
            };
            if let (Some(a), Some(&b)) = (from, by_id.get(b)) {
                graph.add_edge(a, b, l);
                Some((graph[a], graph[b]))
            } else {
                None
            }
        };
        for (i, r) in model.requires.iter().enumerate() {
            if let Some((Node::Role(role), Node::Competency(c))) = link(&r.role, &r.competency, Link::Requires(i)) {
                adj.requires_of[role].push((i, c));
                adj.required_into[c].push((i, role));
            }
        }
        for (i, d) in model.develops.iter().enumerate() {
            if let Some((Node::Channel(ch), Node::Competency(c))) = link(&d.channel, &d.competency, Link::Develops(i)) {
                adj.develops_of[ch].push((c, i));
                adj.develops_into[c].push(i);
                adj.develops_channel[i] = ch;
            }
        }
        for r in &model.reaches {
            if let Some((Node::Channel(ch), Node::Role(role))) = link(&r.channel, &r.role, Link::Reaches) {
                adj.reaching[role].push(ch);
                adj.reached[ch].push(role);
            }
        }
        for f in &model.follows {
            link(&f.from, &f.to, Link::Follows);
        }
        for p in &model.prerequisites {
            link(&p.competency, &p.requires, Link::Prerequisite);
        }
        for list in adj.reaching.iter_mut().chain(adj.reached.iter_mut()).chain(adj.develops_into.iter_mut()) {
            list.sort_unstable();
        }
        for list in adj.develops_of.iter_mut().chain(adj.requires_of.iter_mut()).chain(adj.required_into.iter_mut()) {
            list.sort_unstable();
        }
        EcosystemGraph { model, graph, roles, competencies, channels, by_id, adjacency: adj }
    }

    /// Channels reaching a role (positions, sorted).
    pub fn reaching(&self, role: usize) -> &[usize] {
        &self.adjacency.reaching[role]
    }

    /// Roles a channel reaches (positions, sorted).
    pub fn reached(&self, channel: usize) -> &[usize] {
        &self.adjacency.reached[channel]
    }

    /// `(competency, develops position)` for what a channel develops, sorted.
    pub fn develops_of(&self, channel: usize) -> &[(usize, usize)] {
        &self.adjacency.develops_of[channel]
    }

    /// `develops` positions into a competency, sorted.
    pub fn develops_into(&self, competency: usize) -> &[usize] {
        &self.adjacency.develops_into[competency]
    }

    /// The channel (position) of a `develops` link, `None` when the link names a missing item.
    pub fn develops_channel(&self, develops: usize) -> Option<usize> {
        self.adjacency.develops_channel.get(develops).copied().filter(|ch| *ch != usize::MAX)
    }

    /// `(requires position, competency)` for what a role requires, sorted.
    pub fn requires_of(&self, role: usize) -> &[(usize, usize)] {
        &self.adjacency.requires_of[role]
    }

    /// `(requires position, role)` for the roles requiring a competency, sorted.
    pub fn required_into(&self, competency: usize) -> &[(usize, usize)] {
        &self.adjacency.required_into[competency]
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
        self.reaching(role).to_vec()
    }

    /// Positions of the roles a channel reaches.
    pub fn roles_reached(&self, channel: usize) -> Vec<usize> {
        self.reached(channel).to_vec()
    }

    /// `(competency position, develops position)` for each competency a channel develops.
    pub fn developed_by(&self, channel: usize) -> Vec<(usize, usize)> {
        self.develops_of(channel).to_vec()
    }

    /// Positions of the `develops` links into a competency.
    pub fn developing(&self, competency: usize) -> Vec<usize> {
        self.develops_into(competency).to_vec()
    }

    /// `(requires position, competency position)` for each competency a role requires.
    pub fn required_by(&self, role: usize) -> Vec<(usize, usize)> {
        self.requires_of(role).to_vec()
    }

    /// The stages covering each competency for one role: from channels reaching the role.
    pub fn role_coverage(&self, role: usize) -> HashMap<usize, StageSet> {
        let mut cover: HashMap<usize, StageSet> = HashMap::new();
        for &ch in self.reaching(role) {
            for &(comp, d) in self.develops_of(ch) {
                cover.entry(comp).or_default().extend(self.adjacency.develops_stages[d]);
            }
        }
        cover
    }

    /// Covered stages, and how many channels reaching the role develop the competency, for every
    /// `requires` link in the order of `model.requires`.
    pub fn coverage_with_counts(&self) -> (Vec<StageSet>, Vec<u32>) {
        let mut stages = vec![StageSet::default(); self.model.requires.len()];
        let mut counts = vec![0u32; self.model.requires.len()];
        // Dense scratch per competency, reset through the touched list: no hashing in the hot loop.
        let mut scratch = vec![(StageSet::default(), 0u32); self.competencies.len()];
        let mut touched: Vec<usize> = Vec::new();
        for role in 0..self.roles.len() {
            for &ch in self.reaching(role) {
                for &(comp, d) in self.develops_of(ch) {
                    let cell = &mut scratch[comp];
                    if cell.1 == 0 {
                        touched.push(comp);
                    }
                    cell.0.extend(self.adjacency.develops_stages[d]);
                    cell.1 += 1;
                }
            }
            for &(r, c) in self.requires_of(role) {
                (stages[r], counts[r]) = scratch[c];
            }
            for c in touched.drain(..) {
                scratch[c] = (StageSet::default(), 0);
            }
        }
        (stages, counts)
    }

    /// Covered stages for every `requires` link, in the order of `model.requires`.
    pub fn coverage(&self) -> Vec<StageSet> {
        self.coverage_with_counts().0
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
                    Link::Requires(_) => "requires".to_owned(),
                    Link::Develops(d) => {
                        let stages: Vec<&str> = self.model.develops[*d].stages.iter().map(|s| s.as_str()).collect();
                        format!("develops({})", stages.join("+"))
                    }
                    Link::Reaches => "reaches".to_owned(),
                    Link::Follows => "follows".to_owned(),
                    Link::Prerequisite => "prerequisite".to_owned(),
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
