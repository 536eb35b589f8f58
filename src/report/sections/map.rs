//! The ecosystem map: roles, competencies and channels in three layered columns joined by requires, develops and follows links.
//!
//! Columns are ordered by the barycentre of their neighbours to keep lines short and
//! crossings few. Large models are drawn by role group, competency category and channel kind,
//! with line width standing for how many links a line summarises.

use super::{kind_colour, thousands, Facts};
use crate::model::{ChannelKind, Model};
use crate::report::flow::{Flow, BOTTOM, CONTENT_WIDTH, MARGIN_X};
use crate::report::layout::{Colour, Item};
use crate::report::text::{self, Style};
use std::collections::{BTreeMap, HashMap};

/// Above any of these, the map is summarised by group, category and kind.
const MAX_ROLES: usize = 30;
const MAX_COMPETENCIES: usize = 45;
const MAX_CHANNELS: usize = 40;
/// In the summary, at most this many groups or categories; the rest are pooled.
const MAX_BUCKETS: usize = 28;

struct Node {
    label: String,
    detail: String,
    colour: Option<Colour>,
}

/// The map as three columns of nodes and weighted links between them.
struct Graph {
    roles: Vec<Node>,
    competencies: Vec<Node>,
    channels: Vec<Node>,
    /// (role, competency, links)
    requires: Vec<(usize, usize, usize)>,
    /// (channel, competency, links)
    develops: Vec<(usize, usize, usize)>,
    /// (from channel, to channel, links)
    follows: Vec<(usize, usize, usize)>,
    summarised: bool,
}

fn detailed(m: &Model) -> Graph {
    let role_ix: HashMap<&str, usize> = m.roles.iter().enumerate().map(|(i, r)| (r.id.as_str(), i)).collect();
    let comp_ix: HashMap<&str, usize> = m.competencies.iter().enumerate().map(|(i, c)| (c.id.as_str(), i)).collect();
    let chan_ix: HashMap<&str, usize> = m.channels.iter().enumerate().map(|(i, c)| (c.id.as_str(), i)).collect();
    Graph {
        roles: m.roles.iter().map(|r| Node { label: r.name.clone(), detail: r.group.clone(), colour: None }).collect(),
        competencies: m
            .competencies
            .iter()
            .map(|c| Node { label: c.name.clone(), detail: c.category.clone(), colour: None })
            .collect(),
        channels: m
            .channels
            .iter()
            .map(|c| Node {
                label: c.name.clone(),
                detail: c.kind.label().to_owned(),
                colour: Some(kind_colour(c.kind)),
            })
            .collect(),
        requires: m
            .requires
            .iter()
            .filter_map(|r| Some((*role_ix.get(r.role.as_str())?, *comp_ix.get(r.competency.as_str())?, 1)))
            .collect(),
        develops: m
            .develops
            .iter()
            .filter_map(|d| Some((*chan_ix.get(d.channel.as_str())?, *comp_ix.get(d.competency.as_str())?, 1)))
            .collect(),
        follows: m
            .follows
            .iter()
            .filter_map(|f| Some((*chan_ix.get(f.from.as_str())?, *chan_ix.get(f.to.as_str())?, 1)))
            .collect(),
        summarised: false,
    }
}

/// Buckets by a label, the largest first, pooling the rest past `MAX_BUCKETS`.
fn buckets<'a>(
    labels: impl Iterator<Item = &'a str>,
    empty: &str,
    pooled: &str,
) -> (Vec<(String, usize)>, HashMap<String, usize>) {
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for l in labels {
        let l = if l.trim().is_empty() { empty } else { l };
        *counts.entry(l.to_owned()).or_default() += 1;
    }
    let mut list: Vec<(String, usize)> = counts.into_iter().collect();
    list.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let mut index = HashMap::new();
    if list.len() > MAX_BUCKETS {
        let rest: usize = list[MAX_BUCKETS - 1..].iter().map(|(_, n)| n).sum();
        for (i, (l, _)) in list.iter().enumerate() {
            index.insert(l.clone(), i.min(MAX_BUCKETS - 1));
        }
        list.truncate(MAX_BUCKETS - 1);
        list.push((pooled.to_owned(), rest));
    } else {
        for (i, (l, _)) in list.iter().enumerate() {
            index.insert(l.clone(), i);
        }
    }
    (list, index)
}

fn summarised(m: &Model) -> Graph {
    let (groups, group_of) = buckets(m.roles.iter().map(|r| r.group.as_str()), "No group", "Other groups");
    let (cats, cat_of) = buckets(m.competencies.iter().map(|c| c.category.as_str()), "No category", "Other categories");
    let norm = |s: &str, empty: &str| if s.trim().is_empty() { empty.to_owned() } else { s.to_owned() };
    let role_b: HashMap<&str, usize> =
        m.roles.iter().map(|r| (r.id.as_str(), group_of[&norm(&r.group, "No group")])).collect();
    let comp_b: HashMap<&str, usize> =
        m.competencies.iter().map(|c| (c.id.as_str(), cat_of[&norm(&c.category, "No category")])).collect();
    let kinds: Vec<ChannelKind> = ChannelKind::ALL.to_vec();
    let kind_b: HashMap<&str, usize> =
        m.channels.iter().map(|c| (c.id.as_str(), kinds.iter().position(|k| *k == c.kind).unwrap_or(0))).collect();
    let tally = |pairs: Vec<(usize, usize)>| {
        let mut t: BTreeMap<(usize, usize), usize> = BTreeMap::new();
        for p in pairs {
            *t.entry(p).or_default() += 1;
        }
        t.into_iter().map(|((a, b), n)| (a, b, n)).collect::<Vec<_>>()
    };
    let kind_counts: Vec<usize> = kinds.iter().map(|k| m.channels.iter().filter(|c| c.kind == *k).count()).collect();
    Graph {
        roles: groups
            .iter()
            .map(|(g, n)| Node { label: g.clone(), detail: super::count(*n, "role", "roles"), colour: None })
            .collect(),
        competencies: cats
            .iter()
            .map(|(c, n)| Node {
                label: c.clone(),
                detail: super::count(*n, "competency", "competencies"),
                colour: None,
            })
            .collect(),
        channels: kinds
            .iter()
            .zip(&kind_counts)
            .map(|(k, n)| Node {
                label: k.label().to_owned(),
                detail: super::count(*n, "channel", "channels"),
                colour: Some(kind_colour(*k)),
            })
            .collect(),
        requires: tally(
            m.requires
                .iter()
                .filter_map(|r| Some((*role_b.get(r.role.as_str())?, *comp_b.get(r.competency.as_str())?)))
                .collect(),
        ),
        develops: tally(
            m.develops
                .iter()
                .filter_map(|d| Some((*kind_b.get(d.channel.as_str())?, *comp_b.get(d.competency.as_str())?)))
                .collect(),
        ),
        follows: tally(
            m.follows
                .iter()
                .filter_map(|f| Some((*kind_b.get(f.from.as_str())?, *kind_b.get(f.to.as_str())?)))
                .filter(|(a, b)| a != b)
                .collect(),
        ),
        summarised: true,
    }
}

/// Positions (0-based rank) per node: each column sorted by the mean rank of its neighbours.
fn order(g: &Graph) -> (Vec<usize>, Vec<usize>, Vec<usize>) {
    let n = (g.roles.len(), g.competencies.len(), g.channels.len());
    // Roles keep their group together: sort by group, then name.
    let mut roles: Vec<usize> = (0..n.0).collect();
    roles.sort_by(|a, b| (&g.roles[*a].detail, &g.roles[*a].label).cmp(&(&g.roles[*b].detail, &g.roles[*b].label)));
    if g.summarised {
        roles = (0..n.0).collect();
    }
    let rank_of = |order: &[usize]| {
        let mut r = vec![0usize; order.len()];
        for (pos, i) in order.iter().enumerate() {
            r[*i] = pos;
        }
        r
    };
    let role_rank = rank_of(&roles);
    let bary = |count: usize, links: &mut dyn Iterator<Item = (usize, f64)>| {
        let mut sum = vec![(0.0f64, 0usize); count];
        for (i, r) in links {
            sum[i].0 += r;
            sum[i].1 += 1;
        }
        sum.into_iter().map(|(s, k)| if k == 0 { f64::MAX } else { s / k as f64 }).collect::<Vec<f64>>()
    };
    let comp_b =
        bary(n.1, &mut g.requires.iter().map(|(r, c, _)| (*c, role_rank[*r] as f64 * n.1 as f64 / n.0.max(1) as f64)));
    let mut comps: Vec<usize> = (0..n.1).collect();
    comps.sort_by(|a, b| comp_b[*a].total_cmp(&comp_b[*b]).then(a.cmp(b)));
    let comp_rank = rank_of(&comps);
    let chan_b = bary(n.2, &mut g.develops.iter().map(|(ch, c, _)| (*ch, comp_rank[*c] as f64)));
    let mut chans: Vec<usize> = (0..n.2).collect();
    chans.sort_by(|a, b| chan_b[*a].total_cmp(&chan_b[*b]).then(a.cmp(b)));
    // One more pass on competencies, pulled by both sides.
    let chan_rank = rank_of(&chans);
    let scale = n.1 as f64 / n.2.max(1) as f64;
    let both = bary(
        n.1,
        &mut g
            .requires
            .iter()
            .map(|(r, c, _)| (*c, role_rank[*r] as f64 * n.1 as f64 / n.0.max(1) as f64))
            .chain(g.develops.iter().map(|(ch, c, _)| (*c, chan_rank[*ch] as f64 * scale))),
    );
    comps.sort_by(|a, b| both[*a].total_cmp(&both[*b]).then(a.cmp(b)));
    (rank_of(&roles), rank_of(&comps), chan_rank)
}

/// Points along a cubic Bézier curve, for smooth links.
fn curve(p0: (f32, f32), p1: (f32, f32), p2: (f32, f32), p3: (f32, f32)) -> Vec<(f32, f32)> {
    (0..=12)
        .map(|i| {
            let t = i as f32 / 12.0;
            let u = 1.0 - t;
            let x = u * u * u * p0.0 + 3.0 * u * u * t * p1.0 + 3.0 * u * t * t * p2.0 + t * t * t * p3.0;
            let y = u * u * u * p0.1 + 3.0 * u * u * t * p1.1 + 3.0 * u * t * t * p2.1 + t * t * t * p3.1;
            (x, y)
        })
        .collect()
}

struct Column {
    x: f32,
    w: f32,
    top: f32,
    pitch: f32,
    box_h: f32,
}

impl Column {
    fn new(x: f32, w: f32, top: f32, height: f32, n: usize) -> Column {
        let pitch = (height / n.max(1) as f32).min(34.0);
        let used = pitch * n as f32;
        Column { x, w, top: top + (height - used) / 2.0, pitch, box_h: (pitch - 3.0).min(26.0) }
    }

    fn mid(&self, rank: usize) -> f32 {
        self.top + rank as f32 * self.pitch + self.pitch / 2.0
    }
}

fn draw_nodes(flow: &mut Flow<'_>, col: &Column, nodes: &[Node], ranks: &[usize], base: Colour, summarised: bool) {
    let d = flow.design;
    let size = if col.pitch < 15.0 { 6.0 } else { 7.0 };
    for (i, node) in nodes.iter().enumerate() {
        let top = col.mid(ranks[i]) - col.box_h / 2.0;
        let centre = top + col.box_h / 2.0;
        let fill = node.colour.map_or(base.tint(0.88), |c| c.tint(0.82));
        let edge = node.colour.unwrap_or(base);
        flow.rect(col.x, top, col.w, col.box_h, Some(fill), None);
        flow.rect(col.x, top, 2.5, col.box_h, Some(edge), None);
        // Bold where there is room, regular (narrower) in tight columns.
        let name = if col.pitch < 24.0 { Style::new(size, d.text) } else { Style::new(size, d.text).bold() };
        let tw = col.w - 8.0;
        let x = col.x + 5.0;
        let fits_one = text::width(&node.label, size, name.bold) <= tw;
        if fits_one && col.box_h >= size * 2.6 && !node.detail.is_empty() {
            flow.text(x, centre - 1.0, &node.label, name);
            flow.text(
                x,
                centre + size + 0.5,
                &text::fit(&node.detail, size - 0.5, false, tw),
                Style::new(size - 0.5, d.muted),
            );
        } else if fits_one && summarised && !node.detail.is_empty() {
            // No room for a second line: the count goes after the name.
            let label = text::fit(&format!("{} · {}", node.label, node.detail), size, name.bold, tw);
            flow.text(x, centre + size * 0.36, &label, name);
        } else if fits_one {
            flow.text(x, centre + size * 0.36, &node.label, name);
        } else {
            // A name too long for one line takes two, set tight, when the box has room for them.
            let small = name.sized(size - 0.5);
            let step = small.size * 1.15;
            if col.box_h >= small.size + step + 1.0 {
                let lines = text::wrap(&node.label, &small, tw);
                let second = text::fit(&lines[1..].join(" "), small.size, small.bold, tw);
                let first = centre - step / 2.0 + small.size * 0.36;
                flow.text(x, first, &lines[0], small);
                flow.text(x, first + step, &second, small);
            } else {
                flow.text(x, centre + size * 0.36, &text::fit(&node.label, size, name.bold, tw), name);
            }
        }
    }
}

fn width_for(n: usize, max: usize, summarised: bool) -> f32 {
    if !summarised || max <= 1 {
        return 0.5;
    }
    0.3 + 2.0 * (n as f32).ln_1p() / (max as f32).ln_1p()
}

pub fn compose(flow: &mut Flow<'_>, facts: &Facts<'_>, title: &str) {
    flow.start_section(title);
    let d = flow.design;
    let m = facts.model;
    let large = m.roles.len() > MAX_ROLES || m.competencies.len() > MAX_COMPETENCIES || m.channels.len() > MAX_CHANNELS;
    let g = if large { summarised(m) } else { detailed(m) };
    let intro = if large {
        format!(
            "With {} roles, {} competencies and {} channels, the ecosystem is drawn by role group (left), competency category (middle) and channel kind (right). Each line stands for every link between two boxes; the thicker the line, the more links.",
            thousands(m.roles.len()),
            thousands(m.competencies.len()),
            thousands(m.channels.len())
        )
    } else {
        "Roles (left) are linked to the competencies they require (middle); learning channels (right) to the competencies they develop, coloured by kind. Dashed arrows on the right show the order in which channels follow one another.".to_owned()
    };
    flow.paragraph(&intro, flow.body());
    if g.roles.is_empty() && g.competencies.is_empty() && g.channels.is_empty() {
        flow.paragraph("The engagement has no roles, competencies or channels yet.", flow.body().bold());
        return;
    }
    let legend_h = 58.0;
    let head_y = flow.y + 10.0;
    let top = head_y + 10.0;
    let height = BOTTOM - legend_h - top - 6.0;
    let (rw, cw, chw) = (104.0, 146.0, 140.0);
    let gap = (CONTENT_WIDTH - rw - cw - chw - 22.0) / 2.0;
    let roles = Column::new(MARGIN_X, rw, top, height, g.roles.len());
    let comps = Column::new(MARGIN_X + rw + gap, cw, top, height, g.competencies.len());
    let chans = Column::new(MARGIN_X + rw + gap + cw + gap, chw, top, height, g.channels.len());
    let head = Style::new(8.0, d.primary).bold();
    let names = if large {
        ["ROLE GROUPS", "COMPETENCY CATEGORIES", "CHANNEL KINDS"]
    } else {
        ["ROLES", "COMPETENCIES", "CHANNELS"]
    };
    for (c, label) in [(&roles, names[0]), (&comps, names[1]), (&chans, names[2])] {
        flow.text(c.x, head_y, label, head);
    }
    let (role_rank, comp_rank, chan_rank) = order(&g);
    let max_req = g.requires.iter().map(|e| e.2).max().unwrap_or(1);
    let max_dev = g.develops.iter().map(|e| e.2).max().unwrap_or(1);
    let grey = d.muted.tint(0.45);
    for (r, c, n) in &g.requires {
        let (a, b) = ((roles.x + roles.w, roles.mid(role_rank[*r])), (comps.x, comps.mid(comp_rank[*c])));
        let k = (b.0 - a.0) / 2.0;
        flow.line(curve(a, (a.0 + k, a.1), (b.0 - k, b.1), b), grey, width_for(*n, max_req, g.summarised), false);
    }
    for (ch, c, n) in &g.develops {
        let (a, b) = ((chans.x, chans.mid(chan_rank[*ch])), (comps.x + comps.w, comps.mid(comp_rank[*c])));
        let k = (a.0 - b.0) / 2.0;
        let colour = g.channels[*ch].colour.unwrap_or(grey);
        flow.line(
            curve(a, (a.0 - k, a.1), (b.0 + k, b.1), b),
            colour,
            width_for(*n, max_dev, g.summarised) + 0.1,
            false,
        );
    }
    let max_fol = g.follows.iter().map(|e| e.2).max().unwrap_or(1);
    for (i, (from, to, n)) in g.follows.iter().enumerate() {
        let x = chans.x + chans.w;
        let (ya, yb) = (chans.mid(chan_rank[*from]), chans.mid(chan_rank[*to]));
        let off = 7.0 + 3.0 * (i % 4) as f32;
        let colour = d.primary;
        flow.line(
            curve((x, ya - 2.0), (x + off * 1.6, ya - 2.0), (x + off * 1.6, yb + 2.0), (x + 3.5, yb + 2.0)),
            colour,
            width_for(*n, max_fol, g.summarised),
            true,
        );
        flow.push(Item::Shape { points: vec![(x, yb + 2.0), (x + 4.0, yb - 0.5), (x + 4.0, yb + 4.5)], fill: colour });
    }
    draw_nodes(flow, &roles, &g.roles, &role_rank, d.primary, g.summarised);
    draw_nodes(flow, &comps, &g.competencies, &comp_rank, d.accent, g.summarised);
    draw_nodes(flow, &chans, &g.channels, &chan_rank, d.muted, g.summarised);

    // Legend.
    let ly = BOTTOM - legend_h + 8.0;
    flow.line(vec![(MARGIN_X, ly - 6.0), (MARGIN_X + CONTENT_WIDTH, ly - 6.0)], d.muted.tint(0.7), 0.5, false);
    let small = Style::new(7.5, d.text);
    let kw = CONTENT_WIDTH / 3.0;
    for (i, k) in ChannelKind::ALL.iter().enumerate() {
        let (x, y) = (MARGIN_X + (i % 3) as f32 * kw, ly + (i / 3) as f32 * 12.0);
        flow.rect(x, y + 2.0, 8.0, 8.0, Some(kind_colour(*k)), None);
        flow.text(x + 11.0, y + 9.0, &text::fit(k.label(), 7.5, false, kw - 14.0), small);
    }
    let y2 = ly + 34.0;
    flow.line(vec![(MARGIN_X, y2), (MARGIN_X + 20.0, y2)], grey, 0.8, false);
    flow.text(MARGIN_X + 25.0, y2 + 2.5, "requires (role to competency)", small);
    flow.line(vec![(MARGIN_X + 170.0, y2), (MARGIN_X + 190.0, y2)], kind_colour(ChannelKind::Formal), 0.8, false);
    flow.text(MARGIN_X + 195.0, y2 + 2.5, "develops (channel to competency)", small);
    flow.line(vec![(MARGIN_X + 345.0, y2), (MARGIN_X + 365.0, y2)], d.primary, 0.8, true);
    flow.text(MARGIN_X + 370.0, y2 + 2.5, "follows (then)", small);
    flow.y = BOTTOM;
}
