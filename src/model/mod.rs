//! The ecosystem model: engagement metadata, roles, competencies, channels and their relations. Plain data, no I/O.

mod bank;
pub mod currency;
mod edit;
mod judgement;
mod kinds;
mod respondent;
pub mod synthetic;
pub mod typed;
mod validate;
pub(crate) mod vocabulary;

pub use bank::{scale_text, Bank, Question, DONT_KNOW, SCALE};
pub use edit::Edit;
pub use judgement::{Disposition, ManualFinding, Settings, Subjects};
pub use kinds::{Area, Bucket, ChannelKind, CostBasis, Criticality, Severity, Stage, Verdict};
pub use respondent::RespondentType;
pub use validate::{validate, ValidationError};
pub(crate) use vocabulary::vocabulary;
pub use vocabulary::{UnknownName, Vocabulary};

use serde::{Deserialize, Serialize};

/// Every item id is a string: UUID v7 for items made in Trellis, the source's id for imported ones.
pub type Id = String;

/// A fresh id for an item created in Trellis (UUID v7: time-ordered, so new items sort last).
pub fn new_id() -> Id {
    uuid::Uuid::now_v7().to_string()
}

/// The whole engagement as one value: what the file holds and what the interchange carries.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Model {
    pub engagement: Engagement,
    pub roles: Vec<Role>,
    pub competencies: Vec<Competency>,
    pub channels: Vec<Channel>,
    pub requires: Vec<Requires>,
    pub develops: Vec<Develops>,
    pub reaches: Vec<Reaches>,
    pub follows: Vec<Follows>,
    pub prerequisites: Vec<Prerequisite>,
    /// Answers to the diagnostic questions, in the order they were given.
    pub responses: Vec<Response>,
    /// Question banks the consultant added or edited (the built-in ones ship with Trellis).
    pub banks: Vec<Bank>,
    /// The consultant's verdicts on computed findings, by finding key.
    pub dispositions: Vec<Disposition>,
    /// Findings the consultant wrote.
    pub manual_findings: Vec<ManualFinding>,
    /// The consultant's executive summary (empty: the blueprint generates one).
    pub summary: String,
    pub settings: Settings,
}

/// Who the engagement is for and the yardsticks it is measured with.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Engagement {
    pub name: String,
    pub client: String,
    pub consultant: String,
    /// `YYYY-MM-DD`.
    pub created: String,
    pub scale: Scale,
    pub target_mix: Mix,
    /// The ISO 4217 code costs are given in (`EUR`, `GBP`), when the engagement has one.
    #[serde(default)]
    pub currency: Option<String>,
}

impl Default for Engagement {
    fn default() -> Self {
        Engagement {
            name: "Untitled engagement".into(),
            client: String::new(),
            consultant: String::new(),
            created: "1970-01-01".into(),
            scale: Scale::default(),
            target_mix: Mix::default(),
            currency: None,
        }
    }
}

/// The proficiency scale levels are measured on, with a label per level.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scale {
    pub min: i64,
    pub max: i64,
    pub labels: Vec<String>,
}

impl Default for Scale {
    fn default() -> Self {
        Scale {
            min: 0,
            max: 5,
            labels: ["None", "Awareness", "Basic", "Competent", "Advanced", "Expert"].map(String::from).to_vec(),
        }
    }
}

impl Scale {
    pub fn contains(&self, level: i64) -> bool {
        (self.min..=self.max).contains(&level)
    }

    /// The level halfway up the scale, rounded up (used when a source has no levels).
    pub fn midpoint(&self) -> i64 {
        self.min + (self.max - self.min + 1) / 2
    }

    pub fn label(&self, level: i64) -> Option<&str> {
        let i = usize::try_from(level - self.min).ok()?;
        self.labels.get(i).map(String::as_str)
    }
}

/// A learning mix in the three buckets of 70-20-10, in percent.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Mix {
    pub experiential: i64,
    pub social: i64,
    pub formal: i64,
}

impl Default for Mix {
    fn default() -> Self {
        Mix { experiential: 70, social: 20, formal: 10 }
    }
}

impl Mix {
    pub fn get(&self, bucket: Bucket) -> i64 {
        match bucket {
            Bucket::Experiential => self.experiential,
            Bucket::Social => self.social,
            Bucket::Formal => self.formal,
        }
    }
}

/// A job role in the client organisation.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Role {
    pub id: Id,
    pub name: String,
    #[serde(default)]
    pub description: String,
    /// The department or role group.
    #[serde(default)]
    pub group: String,
    #[serde(default = "one")]
    pub headcount: i64,
    /// External ids such as `esco:<uri>` or `onet:<code>`.
    #[serde(default)]
    pub refs: Vec<String>,
}

fn one() -> i64 {
    1
}

/// Something people need to be able to do or know.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Competency {
    pub id: Id,
    pub name: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub category: String,
    /// The broader competency in a hierarchy.
    #[serde(default)]
    pub parent: Option<Id>,
    #[serde(default)]
    pub refs: Vec<String>,
}

/// A way people learn: a course, a stretch project, a coaching programme, a job aid...
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Channel {
    pub id: Id,
    pub name: String,
    pub kind: ChannelKind,
    #[serde(default)]
    pub description: String,
    /// How many people one cohort (one run) can serve.
    #[serde(default)]
    pub capacity: Option<i64>,
    /// How many cohorts run a year; absent means one.
    #[serde(default)]
    pub cohorts_per_year: Option<i64>,
    #[serde(default)]
    pub cost: Option<f64>,
    /// What `cost` is counted per; absent is read as per person.
    #[serde(default)]
    pub cost_basis: Option<CostBasis>,
    /// Learner hours per person.
    #[serde(default)]
    pub hours: Option<f64>,
    /// Level it is evaluated at: 0 none, 1 reaction, 2 learning, 3 behaviour, 4 results (Kirkpatrick), 5 ROI (Phillips).
    #[serde(default)]
    pub evaluation_level: i64,
}

impl Channel {
    /// How many people it can serve in a year: capacity x cohorts per year (one cohort when unset).
    pub fn yearly_capacity(&self) -> Option<i64> {
        self.capacity.map(|c| c.saturating_mul(self.cohorts_per_year.unwrap_or(1)))
    }

    /// The basis the cost is counted on; a cost with none is read as per person.
    pub fn effective_cost_basis(&self) -> CostBasis {
        self.cost_basis.unwrap_or(CostBasis::PerPerson)
    }
}

/// A role needs a competency at a target level.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Requires {
    pub role: Id,
    pub competency: Id,
    pub target_level: i64,
    #[serde(default)]
    pub current_level: Option<i64>,
    #[serde(default)]
    pub criticality: Criticality,
}

/// A channel develops a competency at one or more stages of the learning journey
/// (a simulation with a debrief: practice and feedback).
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Develops {
    pub channel: Id,
    pub competency: Id,
    /// Not empty, each stage once; kept in journey order by `Model::normalize`.
    pub stages: Vec<Stage>,
}

impl Develops {
    /// A link at one stage.
    pub fn at(channel: impl Into<Id>, competency: impl Into<Id>, stage: Stage) -> Develops {
        Develops { channel: channel.into(), competency: competency.into(), stages: vec![stage] }
    }
}

/// A channel is open to the people in a role.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Reaches {
    pub channel: Id,
    pub role: Id,
}

/// A learner meets channel `to` after channel `from`.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Follows {
    pub from: Id,
    pub to: Id,
}

/// `competency` builds on `requires`, which comes first.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Prerequisite {
    pub competency: Id,
    pub requires: Id,
}

/// One answer to one diagnostic question.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Response {
    pub bank: String,
    pub question: String,
    /// A name, or an anonymous token.
    pub respondent: String,
    /// A role or department, when the respondent gave one.
    #[serde(default)]
    pub group: Option<String>,
    /// Learner, manager, L&D or leader, when the respondent said; absent means unknown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub respondent_type: Option<RespondentType>,
    /// 1-5, or `None` for "don't know".
    pub score: Option<i64>,
    #[serde(default)]
    pub note: String,
    /// RFC 3339 time.
    pub at: String,
}

impl Model {
    /// Sorts every list into the canonical order (items by id, relations by their endpoints),
    /// so that exports and comparisons do not depend on insertion order. Responses keep their
    /// order: they are a record in time.
    pub fn normalize(&mut self) {
        self.roles.sort_by(|a, b| a.id.cmp(&b.id));
        self.competencies.sort_by(|a, b| a.id.cmp(&b.id));
        self.channels.sort_by(|a, b| a.id.cmp(&b.id));
        self.requires.sort_by(|a, b| (&a.role, &a.competency).cmp(&(&b.role, &b.competency)));
        self.develops.sort_by(|a, b| (&a.channel, &a.competency).cmp(&(&b.channel, &b.competency)));
        for d in &mut self.develops {
            d.stages.sort_unstable();
        }
        self.reaches.sort();
        self.follows.sort();
        self.prerequisites.sort();
        self.banks.sort_by(|a, b| a.id.cmp(&b.id));
        self.dispositions.sort_by(|a, b| a.key.cmp(&b.key));
        self.manual_findings.sort_by(|a, b| a.id.cmp(&b.id));
    }

    pub fn role(&self, id: &str) -> Option<&Role> {
        self.roles.iter().find(|r| r.id == id)
    }

    pub fn competency(&self, id: &str) -> Option<&Competency> {
        self.competencies.iter().find(|c| c.id == id)
    }

    pub fn channel(&self, id: &str) -> Option<&Channel> {
        self.channels.iter().find(|c| c.id == id)
    }
}
