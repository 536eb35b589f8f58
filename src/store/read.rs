//! Reading the whole model out of an engagement file.

use crate::model::{
    Channel, Competency, Develops, Engagement, Follows, Mix, Model, Prerequisite, Reaches, Requires, Response, Role,
    Scale,
};
use crate::model::{Disposition, ManualFinding, Settings};
use rusqlite::{Connection, OptionalExtension, Row};

fn json_list(text: String) -> rusqlite::Result<Vec<String>> {
    if text == "[]" {
        return Ok(Vec::new());
    }
    serde_json::from_str(&text)
        .map_err(|e| rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, Box::new(e)))
}

fn json_value<T: serde::de::DeserializeOwned>(text: String) -> rusqlite::Result<T> {
    serde_json::from_str(&text)
        .map_err(|e| rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, Box::new(e)))
}

fn parsed<T: std::str::FromStr<Err = String>>(row: &Row<'_>, i: usize) -> rusqlite::Result<T> {
    let text = row.get_ref(i)?.as_str()?;
    text.parse()
        .map_err(|e: String| rusqlite::Error::FromSqlConversionFailure(i, rusqlite::types::Type::Text, e.into()))
}

/// A JSON array of stage names as the file stores it (`["practice","feedback"]`), read without
/// a JSON parser: a large framework has one per `develops` link.
fn stage_list(row: &Row<'_>, i: usize) -> rusqlite::Result<Vec<crate::model::Stage>> {
    let text = row.get_ref(i)?.as_str()?;
    let bad = |detail: String| rusqlite::Error::FromSqlConversionFailure(i, rusqlite::types::Type::Text, detail.into());
    let inner = text
        .trim()
        .strip_prefix('[')
        .and_then(|t| t.strip_suffix(']'))
        .ok_or_else(|| bad(format!("`{text}` is not a list of stages")))?;
    inner
        .split(',')
        .filter(|s| !s.trim().is_empty())
        .map(|s| {
            let name = s
                .trim()
                .strip_prefix('"')
                .and_then(|s| s.strip_suffix('"'))
                .ok_or_else(|| bad(format!("`{text}` is not a list of stages")))?;
            name.parse().map_err(bad)
        })
        .collect()
}

fn all<T>(conn: &Connection, sql: &str, f: impl FnMut(&Row<'_>) -> rusqlite::Result<T>) -> rusqlite::Result<Vec<T>> {
    let mut stmt = conn.prepare(sql)?;
    let rows = stmt.query_map([], f)?;
    rows.collect()
}

/// Every answer in the order it was given.
pub fn responses(conn: &Connection) -> rusqlite::Result<Vec<Response>> {
    let sql = "SELECT bank, question, respondent, grp, score, note, at, respondent_type FROM response ORDER BY seq";
    all(conn, sql, |r| {
        Ok(Response {
            bank: r.get(0)?,
            question: r.get(1)?,
            respondent: r.get(2)?,
            group: r.get(3)?,
            respondent_type: match r.get_ref(7)?.as_str_or_null()? {
                Some(_) => Some(parsed(r, 7)?),
                None => None,
            },
            score: r.get(4)?,
            note: r.get(5)?,
            at: r.get(6)?,
        })
    })
}

pub fn load(conn: &Connection) -> rusqlite::Result<Model> {
    let engagement = conn.query_row(
        "SELECT name, client, consultant, created, scale_min, scale_max, scale_labels,
                mix_experiential, mix_social, mix_formal, currency FROM engagement WHERE id = 1",
        [],
        |r| {
            Ok(Engagement {
                name: r.get(0)?,
                client: r.get(1)?,
                consultant: r.get(2)?,
                created: r.get(3)?,
                scale: Scale { min: r.get(4)?, max: r.get(5)?, labels: json_list(r.get(6)?)? },
                target_mix: Mix { experiential: r.get(7)?, social: r.get(8)?, formal: r.get(9)? },
                currency: r.get(10)?,
            })
        },
    )?;
    let roles = all(conn, "SELECT id, name, description, grp, headcount, refs FROM role ORDER BY id", |r| {
        Ok(Role {
            id: r.get(0)?,
            name: r.get(1)?,
            description: r.get(2)?,
            group: r.get(3)?,
            headcount: r.get(4)?,
            refs: json_list(r.get(5)?)?,
        })
    })?;
    let competencies =
        all(conn, "SELECT id, name, description, category, parent, refs FROM competency ORDER BY id", |r| {
            Ok(Competency {
                id: r.get(0)?,
                name: r.get(1)?,
                description: r.get(2)?,
                category: r.get(3)?,
                parent: r.get(4)?,
                refs: json_list(r.get(5)?)?,
            })
        })?;
    let channels = all(
        conn,
        "SELECT id, name, kind, description, capacity, cost, evaluation_level, cohorts_per_year, cost_basis, hours
         FROM channel ORDER BY id",
        |r| {
            Ok(Channel {
                id: r.get(0)?,
                name: r.get(1)?,
                kind: parsed(r, 2)?,
                description: r.get(3)?,
                capacity: r.get(4)?,
                cost: r.get(5)?,
                evaluation_level: r.get(6)?,
                cohorts_per_year: r.get(7)?,
                cost_basis: match r.get_ref(8)?.as_str_or_null()? {
                    Some(_) => Some(parsed(r, 8)?),
                    None => None,
                },
                hours: r.get(9)?,
            })
        },
    )?;
    let requires = all(
        conn,
        "SELECT role, competency, target_level, current_level, criticality FROM requires ORDER BY role, competency",
        |r| {
            Ok(Requires {
                role: r.get(0)?,
                competency: r.get(1)?,
                target_level: r.get(2)?,
                current_level: r.get(3)?,
                criticality: parsed(r, 4)?,
            })
        },
    )?;
    let develops = all(conn, "SELECT channel, competency, stages FROM develops ORDER BY channel, competency", |r| {
        Ok(Develops { channel: r.get(0)?, competency: r.get(1)?, stages: stage_list(r, 2)? })
    })?;
    let reaches = all(conn, "SELECT channel, role FROM reaches ORDER BY channel, role", |r| {
        Ok(Reaches { channel: r.get(0)?, role: r.get(1)? })
    })?;
    let follows = all(conn, "SELECT from_channel, to_channel FROM follows ORDER BY from_channel, to_channel", |r| {
        Ok(Follows { from: r.get(0)?, to: r.get(1)? })
    })?;
    let prerequisites =
        all(conn, "SELECT competency, requires FROM prerequisite ORDER BY competency, requires", |r| {
            Ok(Prerequisite { competency: r.get(0)?, requires: r.get(1)? })
        })?;
    let responses = responses(conn)?;
    let dispositions = all(conn, "SELECT key, status, note FROM disposition ORDER BY key", |r| {
        Ok(Disposition { key: r.get(0)?, status: parsed(r, 1)?, note: r.get(2)? })
    })?;
    let manual_findings = all(
        conn,
        "SELECT id, title, severity, pillar, subjects, rationale, recommendation FROM manual_finding ORDER BY id",
        |r| {
            Ok(ManualFinding {
                id: r.get(0)?,
                title: r.get(1)?,
                severity: parsed(r, 2)?,
                area: parsed(r, 3)?,
                subjects: json_value(r.get(4)?)?,
                rationale: r.get(5)?,
                recommendation: r.get(6)?,
            })
        },
    )?;
    let banks = all(conn, "SELECT document FROM bank ORDER BY id", |r| json_value(r.get(0)?))?;
    let setting = |key: &str| -> rusqlite::Result<Option<String>> {
        conn.query_row("SELECT value FROM setting WHERE key = ?1", [key], |r| r.get(0)).optional()
    };
    let summary = setting("summary")?.unwrap_or_default();
    let mut settings = Settings::default();
    if let Some(v) = setting("anonymity_threshold")? {
        settings.anonymity_threshold = v.parse().unwrap_or(settings.anonymity_threshold);
    }
    Ok(Model {
        engagement,
        roles,
        competencies,
        channels,
        requires,
        develops,
        reaches,
        follows,
        prerequisites,
        responses,
        banks,
        dispositions,
        manual_findings,
        summary,
        settings,
    })
}
