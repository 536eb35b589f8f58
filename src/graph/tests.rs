//! Tests of the graph queries on small hand-built models.

// Fixtures read best field by field.
#![allow(clippy::field_reassign_with_default)]

use super::*;
use crate::model::{
    Channel, ChannelKind, Competency, Criticality, Develops, Follows, Prerequisite, Reaches, Requires, Role, Stage,
};

fn role(id: &str) -> Role {
    Role { id: id.into(), name: id.into(), description: String::new(), group: "G".into(), headcount: 5, refs: vec![] }
}
fn comp(id: &str) -> Competency {
    Competency {
        id: id.into(),
        name: id.into(),
        description: String::new(),
        category: "C".into(),
        parent: None,
        refs: vec![],
    }
}
fn chan(id: &str, kind: ChannelKind) -> Channel {
    Channel {
        id: id.into(),
        name: id.into(),
        kind,
        description: String::new(),
        capacity: None,
        cohorts_per_year: None,
        cost: None,
        cost_basis: None,
        hours: None,
        evaluation_level: 0,
    }
}

/// A workshop then a project then coaching for one role; a second competency nobody develops.
fn sample() -> Model {
    let mut m = Model::default();
    m.roles = vec![role("r1"), role("r2")];
    m.competencies = vec![comp("c1"), comp("c2"), comp("c3")];
    m.channels = vec![
        chan("workshop", ChannelKind::Formal),
        chan("project", ChannelKind::Experiential),
        chan("coach", ChannelKind::Coaching),
    ];
    let req = |r: &str, c: &str| Requires {
        role: r.into(),
        competency: c.into(),
        target_level: 3,
        current_level: None,
        criticality: Criticality::Medium,
    };
    m.requires = vec![req("r1", "c1"), req("r1", "c2"), req("r2", "c1")];
    m.develops = vec![
        Develops { channel: "workshop".into(), competency: "c1".into(), stages: vec![Stage::Introduce] },
        Develops { channel: "project".into(), competency: "c1".into(), stages: vec![Stage::Practice] },
        Develops { channel: "coach".into(), competency: "c1".into(), stages: vec![Stage::Feedback] },
    ];
    m.reaches = vec![
        Reaches { channel: "workshop".into(), role: "r1".into() },
        Reaches { channel: "project".into(), role: "r1".into() },
        Reaches { channel: "workshop".into(), role: "r2".into() },
    ];
    m.follows = vec![
        Follows { from: "workshop".into(), to: "project".into() },
        Follows { from: "project".into(), to: "coach".into() },
    ];
    m.prerequisites = vec![Prerequisite { competency: "c2".into(), requires: "c1".into() }];
    m
}

#[test]
fn coverage_counts_only_channels_that_reach_the_role() {
    let m = sample();
    let g = EcosystemGraph::build(&m);
    let r1c1 = g.stages_covering("r1", "c1");
    assert!(r1c1.contains(Stage::Introduce) && r1c1.contains(Stage::Practice));
    // The coach develops c1 but reaches nobody, so feedback is not covered.
    assert!(!r1c1.contains(Stage::Feedback));
    assert_eq!(r1c1.len(), 2);
    assert_eq!(g.stages_covering("r2", "c1").len(), 1);
    assert!(g.stages_covering("r1", "c2").is_empty());
    assert_eq!(g.coverage().iter().map(|s| s.len()).collect::<Vec<_>>(), vec![2, 0, 1]);
}

#[test]
fn reaching_and_following() {
    let m = sample();
    let g = EcosystemGraph::build(&m);
    assert_eq!(g.channels_reaching(0), vec![0, 1]);
    assert_eq!(g.roles_reached(0), vec![0, 1]);
    assert_eq!(g.followers_within(0, 1), vec![1]);
    assert_eq!(g.followers_within(0, 2), vec![1, 2]);
    assert_eq!(g.sequences(), vec![vec![0, 1, 2]]);
}

#[test]
fn prerequisite_order_puts_foundations_first_and_reports_cycles() {
    let mut m = sample();
    let g = EcosystemGraph::build(&m);
    let PrerequisiteOrder::Ordered(order) = g.prerequisite_order() else { panic!("no cycle expected") };
    let pos = |id: &str| order.iter().position(|x| *x == id).unwrap();
    assert!(pos("c1") < pos("c2"));
    m.prerequisites.push(Prerequisite { competency: "c1".into(), requires: "c2".into() });
    let g = EcosystemGraph::build(&m);
    assert_eq!(g.prerequisite_order(), PrerequisiteOrder::Cycles(vec![vec!["c1", "c2"]]));
}

#[test]
fn components_and_text_dump() {
    let m = sample();
    let g = EcosystemGraph::build(&m);
    // Everything is connected except nothing: c3 stands alone.
    let comps = g.components();
    assert_eq!(comps.len(), 2);
    assert_eq!(comps[1], vec!["c3"]);
    let text = g.to_text();
    assert!(text.contains("workshop -follows-> project"), "{text}");
    assert!(text.contains("coach -develops(feedback)-> c1"), "{text}");
    assert_eq!(text.lines().count(), g.edge_count());
}
