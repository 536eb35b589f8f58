//! A small builder of hand-made models for the check tests.

use crate::model::*;

pub struct Fixture(Model);

impl Fixture {
    pub fn new() -> Self {
        let mut m = Model::default();
        m.engagement.name = "Fixture".into();
        m.engagement.created = "2026-01-01".into();
        Fixture(m)
    }

    /// Role `r` requires competency `c`, which nothing develops yet.
    pub fn required_pair() -> Self {
        Fixture::new().role("r").comp("c").requires("r", "c")
    }

    /// The required pair covered by training alone: the formal channel `course` reaches `r` and
    /// introduces `c`.
    pub fn trained_pair() -> Self {
        Fixture::required_pair()
            .channel("course", ChannelKind::Formal)
            .develops("course", "c", Stage::Introduce)
            .reaches("course", "r")
    }

    pub fn role(mut self, id: &str) -> Self {
        self.0.roles.push(Role {
            id: id.into(),
            name: format!("Role {id}"),
            description: String::new(),
            group: "G".into(),
            headcount: 10,
            refs: vec![],
        });
        self
    }

    pub fn headcount(mut self, role: &str, n: i64) -> Self {
        self.0.roles.iter_mut().filter(|r| r.id == role).for_each(|r| r.headcount = n);
        self
    }

    /// Puts a role in a group (every fixture role starts in `G`).
    pub fn group(mut self, role: &str, group: &str) -> Self {
        self.0.roles.iter_mut().filter(|r| r.id == role).for_each(|r| r.group = group.into());
        self
    }

    /// Puts a competency in a category (every fixture competency starts in `C`).
    pub fn category(mut self, comp: &str, category: &str) -> Self {
        self.0.competencies.iter_mut().filter(|c| c.id == comp).for_each(|c| c.category = category.into());
        self
    }

    pub fn comp(mut self, id: &str) -> Self {
        self.0.competencies.push(Competency {
            id: id.into(),
            name: format!("Competency {id}"),
            description: String::new(),
            category: "C".into(),
            parent: None,
            refs: vec![],
        });
        self
    }

    pub fn requires(self, role: &str, comp: &str) -> Self {
        self.requires_at(role, comp, 3, None, Criticality::Medium)
    }

    pub fn requires_at(mut self, role: &str, comp: &str, target: i64, current: Option<i64>, c: Criticality) -> Self {
        self.0.requires.push(Requires {
            role: role.into(),
            competency: comp.into(),
            target_level: target,
            current_level: current,
            criticality: c,
        });
        self
    }

    pub fn channel(self, id: &str, kind: ChannelKind) -> Self {
        self.channel_at(id, kind, None, 2)
    }

    pub fn channel_at(mut self, id: &str, kind: ChannelKind, capacity: Option<i64>, evaluation: i64) -> Self {
        self.0.channels.push(Channel {
            id: id.into(),
            name: format!("Channel {id}"),
            kind,
            description: String::new(),
            capacity,
            cohorts_per_year: None,
            cost: None,
            cost_basis: None,
            hours: None,
            evaluation_level: evaluation,
        });
        self
    }

    pub fn develops(mut self, channel: &str, comp: &str, stage: Stage) -> Self {
        self.0.develops.push(Develops::at(channel, comp, stage));
        self
    }

    /// A link at several stages (a simulation with a debrief: practice and feedback).
    pub fn develops_at(mut self, channel: &str, comp: &str, stages: &[Stage]) -> Self {
        self.0.develops.push(Develops { channel: channel.into(), competency: comp.into(), stages: stages.to_vec() });
        self
    }

    pub fn reaches(mut self, channel: &str, role: &str) -> Self {
        self.0.reaches.push(Reaches { channel: channel.into(), role: role.into() });
        self
    }

    pub fn follows(mut self, from: &str, to: &str) -> Self {
        self.0.follows.push(Follows { from: from.into(), to: to.into() });
        self
    }

    pub fn prerequisite(mut self, comp: &str, requires: &str) -> Self {
        self.0.prerequisites.push(Prerequisite { competency: comp.into(), requires: requires.into() });
        self
    }

    /// `n` people answer `question` of the core bank with `score`, as `{prefix}1`, `{prefix}2`, ...
    /// of respondent type `t` (`None`: unknown).
    pub fn answers(
        mut self,
        prefix: &str,
        t: Option<RespondentType>,
        n: usize,
        question: &str,
        score: Option<i64>,
    ) -> Self {
        for i in 1..=n {
            self.0.responses.push(Response {
                bank: "core".into(),
                question: question.into(),
                respondent: format!("{prefix}{i}"),
                group: None,
                respondent_type: t,
                score,
                note: String::new(),
                at: "2026-01-01T00:00:00Z".into(),
            });
        }
        self
    }

    pub fn build(mut self) -> Model {
        self.0.normalize();
        let errors = validate(&self.0);
        assert!(errors.is_empty(), "fixture is invalid: {errors:?}");
        self.0
    }
}
