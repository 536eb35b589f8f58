//! Model validation: every rule the file format relies on, each error naming the item and the field.

use super::{Id, Model};
use std::collections::{HashMap, HashSet};
use std::fmt;

/// One broken rule: which item (`role 'r1'`, `requires 'r1' -> 'c2'`), which field, and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidationError {
    pub item: String,
    pub field: &'static str,
    pub message: String,
}

impl fmt::Display for ValidationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: field `{}`: {}", self.item, self.field, self.message)
    }
}

struct Errors(Vec<ValidationError>);

impl Errors {
    fn push(&mut self, item: impl Into<String>, field: &'static str, message: impl Into<String>) {
        self.0.push(ValidationError { item: item.into(), field, message: message.into() });
    }
}

/// Checks the whole model. An empty list means the model can be saved.
pub fn validate(model: &Model) -> Vec<ValidationError> {
    let mut errors = Errors(Vec::new());
    check_engagement(model, &mut errors);
    let ids = check_items(model, &mut errors);
    let ids = &ids;
    check_relations(model, ids, &mut errors);
    check_responses(model, &mut errors);
    check_judgement(model, ids, &mut errors);
    errors.0
}

fn check_engagement(model: &Model, errors: &mut Errors) {
    let e = &model.engagement;
    let item = "engagement";
    if e.name.trim().is_empty() {
        errors.push(item, "name", "must not be empty");
    }
    let date_format = time::macros::format_description!("[year]-[month]-[day]");
    if time::Date::parse(&e.created, &date_format).is_err() {
        errors.push(item, "created", format!("`{}` is not a date in the form YYYY-MM-DD", e.created));
    }
    let s = &e.scale;
    if s.min < 0 || s.max <= s.min || s.max > 100 {
        errors.push(item, "scale", format!("min {} and max {} must satisfy 0 <= min < max <= 100", s.min, s.max));
    } else if !s.labels.is_empty() && s.labels.len() as i64 != s.max - s.min + 1 {
        errors.push(
            item,
            "scale.labels",
            format!("{} labels for the {} levels {}..={}", s.labels.len(), s.max - s.min + 1, s.min, s.max),
        );
    }
    let m = e.target_mix;
    for (field, value) in
        [("target_mix.experiential", m.experiential), ("target_mix.social", m.social), ("target_mix.formal", m.formal)]
    {
        if !(0..=100).contains(&value) {
            errors.push(item, field, format!("{value} is outside 0..=100"));
        }
    }
    if m.experiential + m.social + m.formal != 100 {
        errors.push(item, "target_mix", format!("buckets sum to {}, not 100", m.experiential + m.social + m.formal));
    }
    if let Some(code) = e.currency.as_deref().filter(|c| super::currency::iso_code(c).is_none()) {
        errors.push(
            item,
            "currency",
            format!("`{code}` is not an active ISO 4217 currency code (such as EUR, GBP, USD)"),
        );
    }
}

/// Which kind of item each id names.
#[derive(Clone, Copy, PartialEq, Eq)]
enum ItemKind {
    Role,
    Competency,
    Channel,
}

fn check_items<'m>(model: &'m Model, errors: &mut Errors) -> HashMap<&'m str, ItemKind> {
    let mut ids: HashMap<&str, ItemKind> = HashMap::new();
    let mut claim = |id: &'m Id, kind: ItemKind, label: &str, errors: &mut Errors| {
        if id.trim().is_empty() {
            errors.push(format!("{label} with an empty id"), "id", "must not be empty");
        } else if ids.insert(id, kind).is_some() {
            errors.push(format!("{label} '{id}'"), "id", "duplicate id: another item already uses it");
        }
    };
    for r in &model.roles {
        claim(&r.id, ItemKind::Role, "role", errors);
        let item = format!("role '{}'", r.id);
        if r.name.trim().is_empty() {
            errors.push(&item, "name", "must not be empty");
        }
        if r.headcount < 0 {
            errors.push(&item, "headcount", format!("{} is negative", r.headcount));
        }
    }
    for c in &model.competencies {
        claim(&c.id, ItemKind::Competency, "competency", errors);
        if c.name.trim().is_empty() {
            errors.push(format!("competency '{}'", c.id), "name", "must not be empty");
        }
    }
    for c in &model.channels {
        claim(&c.id, ItemKind::Channel, "channel", errors);
        let item = format!("channel '{}'", c.id);
        if c.name.trim().is_empty() {
            errors.push(&item, "name", "must not be empty");
        }
        if let Some(capacity) = c.capacity.filter(|c| *c < 0) {
            errors.push(&item, "capacity", format!("{capacity} is negative"));
        }
        if let Some(cost) = c.cost.filter(|c| *c < 0.0 || !c.is_finite()) {
            errors.push(&item, "cost", format!("{cost} is negative or not a number"));
        }
        if let Some(cohorts) = c.cohorts_per_year.filter(|n| *n <= 0) {
            errors.push(&item, "cohorts_per_year", format!("{cohorts} is not a positive number of cohorts"));
        }
        if let Some(hours) = c.hours.filter(|h| *h < 0.0 || !h.is_finite()) {
            errors.push(&item, "hours", format!("{hours} is negative or not a number"));
        }
        if !(0..=5).contains(&c.evaluation_level) {
            errors.push(
                &item,
                "evaluation_level",
                format!("{} is outside 0..=5 (Kirkpatrick 0-4, Phillips ROI 5)", c.evaluation_level),
            );
        }
    }
    // Parents must name competencies and must not loop.
    let parents: HashMap<&str, &str> =
        model.competencies.iter().filter_map(|c| c.parent.as_deref().map(|p| (c.id.as_str(), p))).collect();
    for c in &model.competencies {
        let Some(parent) = c.parent.as_deref() else { continue };
        let item = format!("competency '{}'", c.id);
        if ids.get(parent) != Some(&ItemKind::Competency) {
            errors.push(&item, "parent", format!("'{parent}' is not a competency in this engagement"));
            continue;
        }
        // Walk up the chain; coming back to this competency means a loop. The walk is bounded
        // by the number of competencies, so a loop elsewhere in the chain cannot trap it.
        let mut at = parent;
        for _ in 0..=parents.len() {
            if at == c.id {
                errors.push(&item, "parent", "the parent chain loops back to this competency");
                break;
            }
            match parents.get(at) {
                Some(next) => at = next,
                None => break,
            }
        }
    }
    ids
}

/// Labels (`requires 'r' -> 'c'`) are only formatted when there is an error: on a model of
/// 130,000 links, formatting them all up front cost more than the checks.
fn check_relations<'m>(model: &'m Model, ids: &HashMap<&str, ItemKind>, errors: &mut Errors) {
    let refers = |errors: &mut Errors, item: &dyn Fn() -> String, field: &'static str, id: &str, want: ItemKind| {
        if ids.get(id) != Some(&want) {
            let what = match want {
                ItemKind::Role => "role",
                ItemKind::Competency => "competency",
                ItemKind::Channel => "channel",
            };
            errors.push(item(), field, format!("'{id}' is not a {what} in this engagement"));
        }
    };
    let scale = &model.engagement.scale;
    let mut pairs: HashSet<(&'static str, &'m str, &'m str)> = HashSet::new();
    let mut unique = |errors: &mut Errors, rel: &'static str, a: &'m str, b: &'m str, item: &dyn Fn() -> String| {
        if !pairs.insert((rel, a, b)) {
            errors.push(item(), "link", "listed twice");
        }
    };
    for r in &model.requires {
        let item = || format!("requires '{}' -> '{}'", r.role, r.competency);
        refers(errors, &item, "role", &r.role, ItemKind::Role);
        refers(errors, &item, "competency", &r.competency, ItemKind::Competency);
        unique(errors, "requires", &r.role, &r.competency, &item);
        if !scale.contains(r.target_level) {
            errors.push(
                item(),
                "target_level",
                format!("{} is outside the scale {}..={}", r.target_level, scale.min, scale.max),
            );
        }
        if let Some(current) = r.current_level.filter(|l| !scale.contains(*l)) {
            errors.push(
                item(),
                "current_level",
                format!("{current} is outside the scale {}..={}", scale.min, scale.max),
            );
        }
    }
    for d in &model.develops {
        let item = || format!("develops '{}' -> '{}'", d.channel, d.competency);
        refers(errors, &item, "channel", &d.channel, ItemKind::Channel);
        refers(errors, &item, "competency", &d.competency, ItemKind::Competency);
        unique(errors, "develops", &d.channel, &d.competency, &item);
        if d.stages.is_empty() {
            errors.push(item(), "stages", "needs at least one stage");
        } else if d.stages.iter().enumerate().any(|(i, s)| d.stages[..i].contains(s)) {
            errors.push(item(), "stages", "lists a stage twice");
        }
    }
    for r in &model.reaches {
        let item = || format!("reaches '{}' -> '{}'", r.channel, r.role);
        refers(errors, &item, "channel", &r.channel, ItemKind::Channel);
        refers(errors, &item, "role", &r.role, ItemKind::Role);
        unique(errors, "reaches", &r.channel, &r.role, &item);
    }
    for f in &model.follows {
        let item = || format!("follows '{}' -> '{}'", f.from, f.to);
        refers(errors, &item, "from", &f.from, ItemKind::Channel);
        refers(errors, &item, "to", &f.to, ItemKind::Channel);
        unique(errors, "follows", &f.from, &f.to, &item);
        if f.from == f.to {
            errors.push(item(), "to", "a channel cannot follow itself");
        }
    }
    for p in &model.prerequisites {
        let item = || format!("prerequisite '{}' -> '{}'", p.competency, p.requires);
        refers(errors, &item, "competency", &p.competency, ItemKind::Competency);
        refers(errors, &item, "requires", &p.requires, ItemKind::Competency);
        unique(errors, "prerequisite", &p.competency, &p.requires, &item);
        if p.competency == p.requires {
            errors.push(item(), "requires", "a competency cannot be its own prerequisite");
        }
    }
}

fn check_responses(model: &Model, errors: &mut Errors) {
    for (i, r) in model.responses.iter().enumerate() {
        let item = format!("response #{} ({} / {})", i + 1, r.bank, r.question);
        if r.bank.trim().is_empty() {
            errors.push(&item, "bank", "must not be empty");
        }
        if r.question.trim().is_empty() {
            errors.push(&item, "question", "must not be empty");
        }
        if r.respondent.trim().is_empty() {
            errors.push(&item, "respondent", "must not be empty");
        }
        if let Some(score) = r.score.filter(|s| !(1..=5).contains(s)) {
            errors.push(&item, "score", format!("{score} is outside 1..=5 (use null for don't know)"));
        }
        if time::OffsetDateTime::parse(&r.at, &time::format_description::well_known::Rfc3339).is_err() {
            errors.push(&item, "at", format!("`{}` is not an RFC 3339 time", r.at));
        }
    }
}

fn check_judgement(model: &Model, ids: &HashMap<&str, ItemKind>, errors: &mut Errors) {
    let mut keys = HashSet::new();
    for d in &model.dispositions {
        if d.key.trim().is_empty() || !keys.insert(d.key.as_str()) {
            errors.push(format!("disposition '{}'", d.key), "key", "must be a unique, non-empty finding key");
        }
    }
    let mut manual = HashSet::new();
    for f in &model.manual_findings {
        let item = format!("manual finding '{}'", f.id);
        if f.id.trim().is_empty() || !manual.insert(f.id.as_str()) {
            errors.push(&item, "id", "must be unique and not empty");
        }
        if f.title.trim().is_empty() {
            errors.push(&item, "title", "must not be empty");
        }
        let s = &f.subjects;
        for (field, id, want) in [
            ("subjects.role", &s.role, ItemKind::Role),
            ("subjects.competency", &s.competency, ItemKind::Competency),
            ("subjects.channel", &s.channel, ItemKind::Channel),
        ] {
            if let Some(id) = id.as_deref().filter(|id| ids.get(id) != Some(&want)) {
                errors.push(&item, field, format!("'{id}' is not in this engagement"));
            }
        }
    }
    let mut banks = HashSet::new();
    for b in &model.banks {
        let item = format!("bank '{}'", b.id);
        if b.id.trim().is_empty() || !banks.insert(b.id.as_str()) {
            errors.push(&item, "id", "must be unique and not empty");
        }
        if b.questions.is_empty() {
            errors.push(&item, "questions", "a bank needs at least one question");
        }
        let mut questions = HashSet::new();
        for q in &b.questions {
            if q.id.trim().is_empty() || !questions.insert(q.id.as_str()) {
                errors.push(&item, "questions.id", format!("question id '{}' is empty or repeated", q.id));
            }
            if q.text.trim().is_empty() {
                errors.push(&item, "questions.text", format!("question '{}' has no text", q.id));
            }
        }
    }
    if model.settings.anonymity_threshold < 1 {
        errors.push("settings", "anonymity_threshold", "must be at least 1");
    }
}
