//! Writing the model: bulk inserts for new files and imports, and one statement or two per edit.

use crate::model::{
    Bank, Channel, Competency, Develops, Disposition, Edit, Engagement, ManualFinding, Model, Requires, Response, Role,
};
use rusqlite::{params, Transaction};

fn json_list(list: &[String]) -> String {
    serde_json::to_string(list).expect("a list of strings always serialises")
}

const PUT_ROLE: &str = "INSERT INTO role (id, name, description, grp, headcount, refs) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
    ON CONFLICT (id) DO UPDATE SET name = ?2, description = ?3, grp = ?4, headcount = ?5, refs = ?6";
const PUT_COMPETENCY: &str =
    "INSERT INTO competency (id, name, description, category, parent, refs) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
    ON CONFLICT (id) DO UPDATE SET name = ?2, description = ?3, category = ?4, parent = ?5, refs = ?6";
const PUT_CHANNEL: &str = "INSERT INTO channel (id, name, kind, description, capacity, cost, evaluation_level,
                         cohorts_per_year, cost_basis, hours)
    VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
    ON CONFLICT (id) DO UPDATE SET name = ?2, kind = ?3, description = ?4, capacity = ?5, cost = ?6,
        evaluation_level = ?7, cohorts_per_year = ?8, cost_basis = ?9, hours = ?10";
const PUT_REQUIRES: &str =
    "INSERT INTO requires (role, competency, target_level, current_level, criticality) VALUES (?1, ?2, ?3, ?4, ?5)
    ON CONFLICT (role, competency) DO UPDATE SET target_level = ?3, current_level = ?4, criticality = ?5";
const PUT_DEVELOPS: &str = "INSERT INTO develops (channel, competency, stages) VALUES (?1, ?2, ?3)
    ON CONFLICT (channel, competency) DO UPDATE SET stages = ?3";
const ADD_REACHES: &str = "INSERT OR IGNORE INTO reaches (channel, role) VALUES (?1, ?2)";
const ADD_FOLLOWS: &str = "INSERT OR IGNORE INTO follows (from_channel, to_channel) VALUES (?1, ?2)";
const ADD_PREREQUISITE: &str = "INSERT OR IGNORE INTO prerequisite (competency, requires) VALUES (?1, ?2)";
const ADD_RESPONSE: &str = "INSERT INTO response (bank, question, respondent, grp, score, note, at, respondent_type)
     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";

fn set_engagement(tx: &Transaction<'_>, e: &Engagement) -> rusqlite::Result<()> {
    tx.execute(
        "INSERT INTO engagement (id, name, client, consultant, created, scale_min, scale_max, scale_labels,
                                 mix_experiential, mix_social, mix_formal, currency)
         VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
         ON CONFLICT (id) DO UPDATE SET name = ?1, client = ?2, consultant = ?3, created = ?4, scale_min = ?5,
             scale_max = ?6, scale_labels = ?7, mix_experiential = ?8, mix_social = ?9, mix_formal = ?10,
             currency = ?11",
        params![
            e.name,
            e.client,
            e.consultant,
            e.created,
            e.scale.min,
            e.scale.max,
            json_list(&e.scale.labels),
            e.target_mix.experiential,
            e.target_mix.social,
            e.target_mix.formal,
            e.currency
        ],
    )?;
    Ok(())
}

fn role_params(r: &Role) -> impl rusqlite::Params + '_ {
    (&r.id, &r.name, &r.description, &r.group, r.headcount, json_list(&r.refs))
}
fn competency_params(c: &Competency) -> impl rusqlite::Params + '_ {
    (&c.id, &c.name, &c.description, &c.category, &c.parent, json_list(&c.refs))
}
fn channel_params(c: &Channel) -> impl rusqlite::Params + '_ {
    (
        &c.id,
        &c.name,
        c.kind.as_str(),
        &c.description,
        c.capacity,
        c.cost,
        c.evaluation_level,
        c.cohorts_per_year,
        c.cost_basis.map(|b| b.as_str()),
        c.hours,
    )
}
fn requires_params(r: &Requires) -> impl rusqlite::Params + '_ {
    (&r.role, &r.competency, r.target_level, r.current_level, r.criticality.as_str())
}
fn develops_params(d: &Develops) -> impl rusqlite::Params + '_ {
    (&d.channel, &d.competency, serde_json::to_string(&d.stages).expect("stages serialise"))
}
fn response_params(r: &Response) -> impl rusqlite::Params + '_ {
    (&r.bank, &r.question, &r.respondent, &r.group, r.score, &r.note, &r.at, r.respondent_type.map(|t| t.as_str()))
}

const SET_DISPOSITION: &str = "INSERT INTO disposition (key, status, note) VALUES (?1, ?2, ?3)
    ON CONFLICT (key) DO UPDATE SET status = ?2, note = ?3";
const PUT_MANUAL_FINDING: &str = "INSERT INTO manual_finding (id, title, severity, pillar, subjects, rationale, recommendation)
    VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
    ON CONFLICT (id) DO UPDATE SET title = ?2, severity = ?3, pillar = ?4, subjects = ?5, rationale = ?6, recommendation = ?7";
const PUT_BANK: &str = "INSERT INTO bank (id, document) VALUES (?1, ?2) ON CONFLICT (id) DO UPDATE SET document = ?2";
const SET_SETTING: &str = "INSERT INTO setting (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = ?2";

fn disposition_params(d: &Disposition) -> impl rusqlite::Params + '_ {
    (&d.key, d.status.as_str(), &d.note)
}
fn manual_finding_params(f: &ManualFinding) -> impl rusqlite::Params + '_ {
    let subjects = serde_json::to_string(&f.subjects).expect("subjects serialise");
    (&f.id, &f.title, f.severity.as_str(), f.area.as_str(), subjects, &f.rationale, &f.recommendation)
}
fn bank_params(b: &Bank) -> impl rusqlite::Params + '_ {
    (&b.id, serde_json::to_string(b).expect("banks serialise"))
}

/// Inserts a whole model into empty tables.
pub fn insert_model(tx: &Transaction<'_>, m: &Model) -> rusqlite::Result<()> {
    set_engagement(tx, &m.engagement)?;
    let mut stmt = tx.prepare_cached(PUT_ROLE)?;
    for r in &m.roles {
        stmt.execute(role_params(r))?;
    }
    let mut stmt = tx.prepare_cached(PUT_COMPETENCY)?;
    for c in &m.competencies {
        stmt.execute(competency_params(c))?;
    }
    let mut stmt = tx.prepare_cached(PUT_CHANNEL)?;
    for c in &m.channels {
        stmt.execute(channel_params(c))?;
    }
    let mut stmt = tx.prepare_cached(PUT_REQUIRES)?;
    for r in &m.requires {
        stmt.execute(requires_params(r))?;
    }
    let mut stmt = tx.prepare_cached(PUT_DEVELOPS)?;
    for d in &m.develops {
        stmt.execute(develops_params(d))?;
    }
    let mut stmt = tx.prepare_cached(ADD_REACHES)?;
    for r in &m.reaches {
        stmt.execute(params![r.channel, r.role])?;
    }
    let mut stmt = tx.prepare_cached(ADD_FOLLOWS)?;
    for f in &m.follows {
        stmt.execute(params![f.from, f.to])?;
    }
    let mut stmt = tx.prepare_cached(ADD_PREREQUISITE)?;
    for p in &m.prerequisites {
        stmt.execute(params![p.competency, p.requires])?;
    }
    let mut stmt = tx.prepare_cached(ADD_RESPONSE)?;
    for r in &m.responses {
        stmt.execute(response_params(r))?;
    }
    let mut stmt = tx.prepare_cached(SET_DISPOSITION)?;
    for d in &m.dispositions {
        stmt.execute(disposition_params(d))?;
    }
    let mut stmt = tx.prepare_cached(PUT_MANUAL_FINDING)?;
    for f in &m.manual_findings {
        stmt.execute(manual_finding_params(f))?;
    }
    let mut stmt = tx.prepare_cached(PUT_BANK)?;
    for b in &m.banks {
        stmt.execute(bank_params(b))?;
    }
    tx.execute(SET_SETTING, ("summary", &m.summary))?;
    tx.execute(SET_SETTING, ("anonymity_threshold", m.settings.anonymity_threshold.to_string()))?;
    Ok(())
}

/// Empties every table (the engagement row is rewritten by `insert_model`).
pub fn clear(tx: &Transaction<'_>) -> rusqlite::Result<()> {
    tx.execute_batch(
        "DELETE FROM setting; DELETE FROM bank; DELETE FROM manual_finding; DELETE FROM disposition;
         DELETE FROM response; DELETE FROM prerequisite; DELETE FROM follows; DELETE FROM reaches;
         DELETE FROM develops; DELETE FROM requires; DELETE FROM channel; DELETE FROM competency; DELETE FROM role;",
    )
}

/// Writes one edit. Removals rely on `ON DELETE CASCADE` for the links, as the model does.
pub fn apply(tx: &Transaction<'_>, edit: &Edit) -> rusqlite::Result<()> {
    match edit {
        Edit::SetEngagement(e) => set_engagement(tx, e)?,
        Edit::PutRole(r) => _ = tx.prepare_cached(PUT_ROLE)?.execute(role_params(r))?,
        Edit::RemoveRole { id } => _ = tx.execute("DELETE FROM role WHERE id = ?1", [id])?,
        Edit::PutCompetency(c) => _ = tx.prepare_cached(PUT_COMPETENCY)?.execute(competency_params(c))?,
        Edit::RemoveCompetency { id } => _ = tx.execute("DELETE FROM competency WHERE id = ?1", [id])?,
        Edit::PutChannel(c) => _ = tx.prepare_cached(PUT_CHANNEL)?.execute(channel_params(c))?,
        Edit::RemoveChannel { id } => _ = tx.execute("DELETE FROM channel WHERE id = ?1", [id])?,
        Edit::PutRequires(r) => _ = tx.prepare_cached(PUT_REQUIRES)?.execute(requires_params(r))?,
        Edit::RemoveRequires { role, competency } => {
            _ = tx.execute("DELETE FROM requires WHERE role = ?1 AND competency = ?2", [role, competency])?
        }
        Edit::PutDevelops(d) => _ = tx.prepare_cached(PUT_DEVELOPS)?.execute(develops_params(d))?,
        Edit::RemoveDevelops { channel, competency } => {
            _ = tx.execute("DELETE FROM develops WHERE channel = ?1 AND competency = ?2", [channel, competency])?
        }
        Edit::AddReaches(r) => _ = tx.prepare_cached(ADD_REACHES)?.execute(params![r.channel, r.role])?,
        Edit::RemoveReaches(r) => {
            _ = tx.execute("DELETE FROM reaches WHERE channel = ?1 AND role = ?2", params![r.channel, r.role])?
        }
        Edit::AddFollows(f) => _ = tx.prepare_cached(ADD_FOLLOWS)?.execute(params![f.from, f.to])?,
        Edit::RemoveFollows(f) => {
            _ = tx.execute("DELETE FROM follows WHERE from_channel = ?1 AND to_channel = ?2", params![f.from, f.to])?
        }
        Edit::AddPrerequisite(p) => {
            _ = tx.prepare_cached(ADD_PREREQUISITE)?.execute(params![p.competency, p.requires])?
        }
        Edit::RemovePrerequisite(p) => {
            _ = tx.execute(
                "DELETE FROM prerequisite WHERE competency = ?1 AND requires = ?2",
                params![p.competency, p.requires],
            )?
        }
        Edit::AddResponse(r) => _ = tx.prepare_cached(ADD_RESPONSE)?.execute(response_params(r))?,
        Edit::RemoveResponses { respondent, bank } => {
            _ = tx.execute(
                "DELETE FROM response WHERE respondent = ?1 AND (?2 IS NULL OR bank = ?2)",
                (respondent, bank),
            )?
        }
        Edit::SetDisposition(d) => _ = tx.prepare_cached(SET_DISPOSITION)?.execute(disposition_params(d))?,
        Edit::RemoveDisposition { key } => _ = tx.execute("DELETE FROM disposition WHERE key = ?1", [key])?,
        Edit::PutManualFinding(f) => _ = tx.prepare_cached(PUT_MANUAL_FINDING)?.execute(manual_finding_params(f))?,
        Edit::RemoveManualFinding { id } => _ = tx.execute("DELETE FROM manual_finding WHERE id = ?1", [id])?,
        Edit::SetSummary(text) => _ = tx.execute(SET_SETTING, ("summary", text))?,
        Edit::SetSettings(s) => {
            _ = tx.execute(SET_SETTING, ("anonymity_threshold", s.anonymity_threshold.to_string()))?
        }
        Edit::PutBank(b) => _ = tx.prepare_cached(PUT_BANK)?.execute(bank_params(b))?,
        Edit::RemoveBank { id } => _ = tx.execute("DELETE FROM bank WHERE id = ?1", [id])?,
    }
    Ok(())
}
