//! Learning pathways: for each role, its channels in journey order (introduce, practise, feedback, support), honouring follows and prerequisites.

use super::{count, stage_colour, Facts};
use crate::model::{Model, Stage};
use crate::report::flow::{Flow, CONTENT_WIDTH};
use crate::report::table::{self, Cell, Column, Table};
use crate::report::text;
use std::collections::{BTreeSet, HashMap, HashSet};

/// Above this many roles, pathways are drawn per role group.
const MAX_ROLES: usize = 40;
/// Role groups drawn for a large engagement (the largest first); the rest are counted.
const MAX_GROUPS: usize = 12;
const MAX_STEPS: usize = 30;
/// The Kind column: the longest channel-kind label at 8 pt and the cell's padding.
const KIND_WIDTH: f32 = 134.0;

/// One step of a pathway: a channel and what it builds for the people on the path.
#[derive(Debug, Clone, PartialEq)]
pub struct Step {
    pub channel: usize,
    pub stage: Stage,
    /// Competency positions it develops that the path requires.
    pub builds: Vec<usize>,
}

/// Look-ups over the model, built once per blueprint rather than once per pathway.
pub struct Index<'m> {
    m: &'m Model,
    /// Longest chain of prerequisites under each competency (0: builds on nothing); cycles count once.
    depth: Vec<usize>,
    /// Per channel: (competency, stage) of each `develops` link.
    develops: Vec<Vec<(usize, Stage)>>,
    /// (from, to) channel positions.
    follows: Vec<(usize, usize)>,
    /// (competency, the competency it builds on) positions.
    prerequisites: Vec<(usize, usize)>,
}

impl<'m> Index<'m> {
    pub fn new(m: &'m Model) -> Index<'m> {
        let comp: HashMap<&str, usize> = m.competencies.iter().enumerate().map(|(i, c)| (c.id.as_str(), i)).collect();
        let chan: HashMap<&str, usize> = m.channels.iter().enumerate().map(|(i, c)| (c.id.as_str(), i)).collect();
        let prerequisites: Vec<(usize, usize)> = m
            .prerequisites
            .iter()
            .filter_map(|p| Some((*comp.get(p.competency.as_str())?, *comp.get(p.requires.as_str())?)))
            .collect();
        let mut needs: Vec<Vec<usize>> = vec![Vec::new(); m.competencies.len()];
        for (a, b) in &prerequisites {
            needs[*a].push(*b);
        }
        fn depth(i: usize, needs: &[Vec<usize>], memo: &mut [Option<usize>], on: &mut [bool]) -> usize {
            if let Some(d) = memo[i] {
                return d;
            }
            if on[i] {
                return 0;
            }
            on[i] = true;
            let d = needs[i].iter().map(|n| 1 + depth(*n, needs, memo, on)).max().unwrap_or(0);
            on[i] = false;
            memo[i] = Some(d);
            d
        }
        let mut memo = vec![None; needs.len()];
        let mut on = vec![false; needs.len()];
        let depth = (0..needs.len()).map(|i| depth(i, &needs, &mut memo, &mut on)).collect();
        let mut develops = vec![Vec::new(); m.channels.len()];
        for d in &m.develops {
            if let (Some(ch), Some(c)) = (chan.get(d.channel.as_str()), comp.get(d.competency.as_str())) {
                // A step sits at the earliest stage its link develops.
                if let Some(stage) = d.stages.iter().min() {
                    develops[*ch].push((*c, *stage));
                }
            }
        }
        let follows =
            m.follows.iter().filter_map(|f| Some((*chan.get(f.from.as_str())?, *chan.get(f.to.as_str())?))).collect();
        Index { m, depth, develops, follows, prerequisites }
    }
}

/// The ordered journey through `channels` for people who require `required` (competency positions).
pub fn journey(ix: &Index<'_>, channels: &[usize], required: &HashSet<usize>) -> Vec<Step> {
    let m = ix.m;
    let on_path: HashSet<usize> = channels.iter().copied().collect();
    let mut steps: Vec<(Step, (usize, usize, String))> = channels
        .iter()
        .map(|ch| {
            let c = &m.channels[*ch];
            let mut builds = Vec::new();
            let mut stage: Option<Stage> = None;
            for (ci, st) in &ix.develops[*ch] {
                if required.contains(ci) {
                    builds.push(*ci);
                    stage = Some(stage.map_or(*st, |s| s.min(*st)));
                }
            }
            builds.sort_by(|a, b| m.competencies[*a].name.cmp(&m.competencies[*b].name));
            builds.dedup();
            let stage = stage.unwrap_or(c.kind.default_stage());
            let d = builds.iter().map(|b| ix.depth[*b]).min().unwrap_or(usize::MAX);
            let key = (stage as usize, d, c.name.clone());
            (Step { channel: *ch, stage, builds }, key)
        })
        .collect();
    // Kahn's algorithm over `follows` among the path's channels, and over prerequisites: a
    // channel building a prerequisite comes before one building what rests on it at the same or
    // a later stage. The smallest key (stage, depth, name) goes first among those ready.
    let mut incoming: HashMap<usize, usize> = HashMap::new();
    let mut next: HashMap<usize, Vec<usize>> = HashMap::new();
    let mut edge = |a: usize, b: usize| {
        if a != b && !next.get(&a).is_some_and(|v| v.contains(&b)) {
            *incoming.entry(b).or_default() += 1;
            next.entry(a).or_default().push(b);
        }
    };
    for (a, b) in &ix.follows {
        if on_path.contains(a) && on_path.contains(b) {
            edge(*a, *b);
        }
    }
    let mut builders: HashMap<usize, Vec<usize>> = HashMap::new();
    for (i, (s, _)) in steps.iter().enumerate() {
        for c in &s.builds {
            builders.entry(*c).or_default().push(i);
        }
    }
    for (c, p) in &ix.prerequisites {
        for a in builders.get(p).into_iter().flatten() {
            for b in builders.get(c).into_iter().flatten() {
                if steps[*a].0.stage <= steps[*b].0.stage {
                    edge(steps[*a].0.channel, steps[*b].0.channel);
                }
            }
        }
    }
    let mut out = Vec::with_capacity(steps.len());
    while !steps.is_empty() {
        let ready = (0..steps.len()).filter(|i| incoming.get(&steps[*i].0.channel).copied().unwrap_or(0) == 0);
        // A cycle in `follows`: take the smallest key anyway.
        let pick = ready
            .min_by(|a, b| steps[*a].1.cmp(&steps[*b].1))
            .unwrap_or_else(|| (0..steps.len()).min_by(|a, b| steps[*a].1.cmp(&steps[*b].1)).unwrap_or(0));
        let (step, _) = steps.swap_remove(pick);
        for n in next.get(&step.channel).into_iter().flatten() {
            if let Some(k) = incoming.get_mut(n) {
                *k = k.saturating_sub(1);
            }
        }
        out.push(step);
    }
    out
}

fn draw_path(
    flow: &mut Flow<'_>,
    facts: &Facts<'_>,
    ix: &Index<'_>,
    heading: &str,
    detail: &str,
    channels: &[usize],
    required: &HashSet<usize>,
) {
    let m = facts.model;
    let d = flow.design;
    let steps = journey(ix, channels, required);
    let covered: BTreeSet<usize> = steps.iter().flat_map(|s| s.builds.iter().copied()).collect();
    let mut missing: Vec<&str> =
        required.iter().filter(|c| !covered.contains(c)).map(|c| m.competencies[*c].name.as_str()).collect();
    missing.sort_unstable();
    let table = (!steps.is_empty()).then(|| {
        let rows = steps
            .iter()
            .take(MAX_STEPS)
            .enumerate()
            .map(|(i, s)| {
                let c = &m.channels[s.channel];
                let builds: Vec<&str> = s.builds.iter().map(|b| m.competencies[*b].name.as_str()).collect();
                vec![
                    Cell::new(format!("{}", i + 1)),
                    Cell::new(s.stage.label()).chip(stage_colour(s.stage)),
                    Cell::new(c.name.clone()).bold(),
                    Cell::new(c.kind.label()),
                    Cell::new(if builds.is_empty() {
                        "nothing this path requires".to_owned()
                    } else {
                        builds.join(", ")
                    })
                    .colour(if builds.is_empty() { d.muted } else { d.text }),
                ]
            })
            .collect();
        let columns = vec![
            Column::right("#", 16.0),
            Column::new("Stage", 58.0),
            Column::new("Channel", 128.0),
            // Wide enough for the longest kind, "Knowledge at the point of need", on one line.
            Column::new("Kind", KIND_WIDTH),
            Column::new("Builds", CONTENT_WIDTH - 202.0 - KIND_WIDTH),
        ];
        Table { columns, rows, size: 8.0 }
    });
    // Keep a role's heading, its note of what is not developed and the first two rows of its
    // table together; a longer table breaks across the page and repeats its header. The note
    // comes before the table, so it is never left alone at the top of a page.
    let gaps = (!missing.is_empty()).then(|| {
        let shown: Vec<&str> = missing.iter().take(12).copied().collect();
        let mut text = format!("Not yet developed by any channel on this path: {}", shown.join(", "));
        if missing.len() > 12 {
            text.push_str(&format!(" and {} more", missing.len() - 12));
        }
        text + "."
    });
    let gaps_style = flow.body().sized(8.5).coloured(super::severity_colour(crate::model::Severity::High));
    let gaps_h = gaps.as_ref().map_or(0.0, |g| {
        text::wrap(g, &gaps_style, CONTENT_WIDTH).len() as f32 * gaps_style.line_height() + gaps_style.size * 0.6
    });
    let opening = table.as_ref().map_or(20.0, |t| table::opening(t, 2));
    flow.ensure(40.0 + gaps_h + opening);
    flow.subheading(heading, 60.0);
    flow.paragraph(detail, flow.muted());
    if let Some(g) = &gaps {
        flow.paragraph(g, gaps_style);
    }
    match &table {
        None => flow.paragraph(
            "No learning channel reaches these people yet.",
            flow.body().bold().coloured(super::severity_colour(crate::model::Severity::High)),
        ),
        Some(t) => table::draw(flow, t),
    }
    if steps.len() > MAX_STEPS {
        flow.paragraph(&format!("And {} more.", count(steps.len() - MAX_STEPS, "channel", "channels")), flow.muted());
    }
    flow.y += 2.0;
}

pub fn compose(flow: &mut Flow<'_>, facts: &Facts<'_>, title: &str) {
    flow.start_section(title);
    let m = facts.model;
    let comp_ix: HashMap<&str, usize> = m.competencies.iter().enumerate().map(|(i, c)| (c.id.as_str(), i)).collect();
    let ix = Index::new(m);
    let chan_ix: HashMap<&str, usize> = m.channels.iter().enumerate().map(|(i, c)| (c.id.as_str(), i)).collect();
    let mut reaching: HashMap<&str, Vec<usize>> = HashMap::new();
    for r in &m.reaches {
        if let Some(i) = chan_ix.get(r.channel.as_str()) {
            reaching.entry(r.role.as_str()).or_default().push(*i);
        }
    }
    let mut required: HashMap<&str, HashSet<usize>> = HashMap::new();
    for r in &m.requires {
        if let Some(c) = comp_ix.get(r.competency.as_str()) {
            required.entry(r.role.as_str()).or_default().insert(*c);
        }
    }
    let large = m.roles.len() > MAX_ROLES;
    let intro = if large {
        format!("With {} roles, pathways are shown per role group: the channels open to anyone in the group, in the order a learner meets them, and what each builds that the group requires.", super::thousands(m.roles.len()))
    } else {
        "For each role, the channels open to it in the order a learner meets them: first what introduces a competency, then practice, feedback and support, with channels that follow others placed after them and prerequisites before what builds on them.".to_owned()
    };
    flow.paragraph(&intro, flow.body());
    if m.roles.is_empty() {
        flow.paragraph("The engagement has no roles yet.", flow.body().bold());
        return;
    }
    if !large {
        let mut roles: Vec<usize> = (0..m.roles.len()).collect();
        roles.sort_by(|a, b| (&m.roles[*a].group, &m.roles[*a].name).cmp(&(&m.roles[*b].group, &m.roles[*b].name)));
        for r in roles {
            let role = &m.roles[r];
            let mut channels = reaching.get(role.id.as_str()).cloned().unwrap_or_default();
            channels.sort_unstable();
            channels.dedup();
            let req = required.get(role.id.as_str()).cloned().unwrap_or_default();
            let mut detail = Vec::new();
            if !role.group.trim().is_empty() {
                detail.push(role.group.clone());
            }
            detail.push(count(role.headcount.max(0) as usize, "person", "people"));
            detail.push(count(req.len(), "required competency", "required competencies"));
            draw_path(flow, facts, &ix, &role.name, &detail.join(" · "), &channels, &req);
        }
        return;
    }
    let mut groups: Vec<(String, Vec<usize>)> = Vec::new();
    for (i, r) in m.roles.iter().enumerate() {
        let g = if r.group.trim().is_empty() { "No group".to_owned() } else { r.group.clone() };
        match groups.iter_mut().find(|(n, _)| *n == g) {
            Some((_, v)) => v.push(i),
            None => groups.push((g, vec![i])),
        }
    }
    groups.sort_by(|a, b| b.1.len().cmp(&a.1.len()).then(a.0.cmp(&b.0)));
    for (name, roles) in groups.iter().take(MAX_GROUPS) {
        let mut channels: Vec<usize> =
            roles.iter().flat_map(|r| reaching.get(m.roles[*r].id.as_str()).cloned().unwrap_or_default()).collect();
        channels.sort_unstable();
        channels.dedup();
        let req: HashSet<usize> =
            roles.iter().flat_map(|r| required.get(m.roles[*r].id.as_str()).cloned().unwrap_or_default()).collect();
        let people: i64 = roles.iter().map(|r| m.roles[*r].headcount.max(0)).sum();
        let detail = format!(
            "{} · {} · {}",
            count(roles.len(), "role", "roles"),
            count(people as usize, "person", "people"),
            count(req.len(), "required competency", "required competencies")
        );
        draw_path(flow, facts, &ix, name, &detail, &channels, &req);
    }
    if groups.len() > MAX_GROUPS {
        flow.paragraph(
            &format!(
                "The {} smaller groups follow the same pattern; the engagement file holds every pathway.",
                groups.len() - MAX_GROUPS
            ),
            flow.muted(),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::model::ChannelKind;
    use crate::report::text;

    #[test]
    fn every_channel_kind_fits_on_one_line_of_the_kind_column() {
        for k in ChannelKind::ALL {
            // The table's cell padding is 4 pt each side.
            let w = text::width(k.label(), 8.0, false);
            assert!(w <= super::KIND_WIDTH - 8.0, "{} is {w} pt wide", k.label());
        }
    }
}
