//! Shared fixtures for the integration tests: small models and temporary folders.

use trellis::model::*;

pub fn role(id: &str) -> Role {
    Role {
        id: id.into(),
        name: format!("Role {id}"),
        description: String::new(),
        group: "Ops".into(),
        headcount: 4,
        refs: vec![],
    }
}

pub fn competency(id: &str) -> Competency {
    Competency {
        id: id.into(),
        name: format!("Competency {id}"),
        description: String::new(),
        category: "Core".into(),
        parent: None,
        refs: vec![],
    }
}

pub fn channel(id: &str, kind: ChannelKind) -> Channel {
    Channel {
        id: id.into(),
        name: format!("Channel {id}"),
        kind,
        description: String::new(),
        capacity: None,
        cohorts_per_year: None,
        cost: None,
        cost_basis: None,
        hours: None,
        evaluation_level: 2,
    }
}

pub fn requires(role: &str, competency: &str, target: i64) -> Requires {
    Requires {
        role: role.into(),
        competency: competency.into(),
        target_level: target,
        current_level: Some(1),
        criticality: Criticality::High,
    }
}

/// A small valid model with one of everything.
pub fn small_model() -> Model {
    let mut m = Model::default();
    m.engagement.name = "Small".into();
    m.engagement.created = "2026-03-01".into();
    m.roles = vec![role("r1"), role("r2")];
    m.competencies = vec![competency("c1"), competency("c2")];
    m.channels = vec![channel("ch1", ChannelKind::Formal), channel("ch2", ChannelKind::Experiential)];
    m.requires = vec![requires("r1", "c1", 3), requires("r2", "c2", 4)];
    m.develops = vec![
        Develops { channel: "ch1".into(), competency: "c1".into(), stages: vec![Stage::Introduce] },
        Develops { channel: "ch2".into(), competency: "c1".into(), stages: vec![Stage::Practice] },
    ];
    m.reaches = vec![Reaches { channel: "ch1".into(), role: "r1".into() }];
    m.follows = vec![Follows { from: "ch1".into(), to: "ch2".into() }];
    m.prerequisites = vec![Prerequisite { competency: "c2".into(), requires: "c1".into() }];
    m.responses = vec![Response {
        bank: "core".into(),
        question: "q1".into(),
        respondent: "anon-1".into(),
        group: Some("Ops".into()),
        respondent_type: Some(RespondentType::Manager),
        score: Some(4),
        note: "<b>fine</b>".into(),
        at: "2026-03-02T10:00:00Z".into(),
    }];
    m.normalize();
    m
}

pub fn temp_dir() -> tempfile::TempDir {
    tempfile::tempdir().expect("temporary directory")
}
