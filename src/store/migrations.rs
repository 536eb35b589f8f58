//! Schema migrations: file format version N is reached by running the first N scripts in order.

use rusqlite::Transaction;

/// One script per version; never edit a shipped script, add a new one.
const SCRIPTS: &[&str] = &[
    include_str!("migrations/0001_model.sql"),
    include_str!("migrations/0002_responses.sql"),
    include_str!("migrations/0003_judgement.sql"),
    include_str!("migrations/0004_workshop.sql"),
    include_str!("migrations/0005_parent_index.sql"),
    include_str!("migrations/0006_stages_and_costs.sql"),
    include_str!("migrations/0007_respondent_type.sql"),
];

pub const LATEST: i64 = SCRIPTS.len() as i64;

/// Brings a file at version `from` up to `LATEST` inside the caller's transaction.
pub fn upgrade(tx: &Transaction<'_>, from: i64) -> rusqlite::Result<()> {
    for (i, script) in SCRIPTS.iter().enumerate().skip(from.max(0) as usize) {
        tx.execute_batch(script)?;
        tx.pragma_update(None, "user_version", i as i64 + 1)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::SCRIPTS;
    use crate::model::{CostBasis, Stage};
    use crate::store::{Store, APPLICATION_ID};
    use rusqlite::Connection;

    /// A file as Trellis wrote it at schema `version`: the first `version` scripts, then `rows`
    /// (SQL inserts), in one transaction.
    fn file_at_schema(path: &std::path::Path, version: usize, rows: &str) {
        let conn = Connection::open(path).unwrap();
        conn.execute_batch("PRAGMA foreign_keys = ON; BEGIN;").unwrap();
        for script in &SCRIPTS[..version] {
            conn.execute_batch(script).unwrap();
        }
        conn.execute_batch(&format!(
            "PRAGMA application_id = {APPLICATION_ID}; PRAGMA user_version = {version}; {rows} COMMIT;"
        ))
        .unwrap();
    }

    /// A file as Trellis wrote it at schema 5 (before stage sets), with a channel that has links.
    fn schema_5_file(path: &std::path::Path) {
        file_at_schema(
            path,
            5,
            "INSERT INTO engagement VALUES (1, 'Five', 'Client', 'Ana', '2026-01-01', 0, 5,
                 '[\"None\",\"Awareness\",\"Basic\",\"Competent\",\"Advanced\",\"Expert\"]', 70, 20, 10);
             INSERT INTO role VALUES ('r1', 'Nurse', '', 'Care', 12, '[]');
             INSERT INTO competency VALUES ('c1', 'Triage', '', 'Clinical', NULL, '[]');
             INSERT INTO channel VALUES ('ch1', 'Triage course', 'formal', '', 20, 120.5, 4);
             INSERT INTO channel VALUES ('ch2', 'Ward practice', 'experiential', '', NULL, NULL, 0);
             INSERT INTO requires VALUES ('r1', 'c1', 4, 2, 'high');
             INSERT INTO develops VALUES ('ch1', 'c1', 'introduce');
             INSERT INTO develops VALUES ('ch2', 'c1', 'practice');
             INSERT INTO reaches VALUES ('ch1', 'r1');
             INSERT INTO reaches VALUES ('ch2', 'r1');
             INSERT INTO follows VALUES ('ch1', 'ch2');",
        );
    }

    #[test]
    fn a_schema_5_file_keeps_every_link_and_reads_its_stage_as_a_set_of_one() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("five.trellis");
        schema_5_file(&path);
        let mut store = Store::open(&path).unwrap();
        let m = store.load().unwrap();
        // Rebuilding `channel` must not cascade into its links.
        assert_eq!(m.reaches.len(), 2);
        assert_eq!(m.follows.len(), 1);
        let stages: Vec<&[Stage]> = m.develops.iter().map(|d| d.stages.as_slice()).collect();
        assert_eq!(stages, vec![&[Stage::Introduce][..], &[Stage::Practice][..]]);
        assert_eq!(
            (m.channels[0].capacity, m.channels[0].cost, m.channels[0].evaluation_level),
            (Some(20), Some(120.5), 4)
        );
        assert_eq!((m.channels[0].cost_basis, m.channels[0].hours, m.channels[0].cohorts_per_year), (None, None, None));
        assert_eq!(m.engagement.currency, None);
        assert!(store.integrity_check().unwrap().is_empty());
        // The new columns take what the model now carries.
        let mut m2 = m.clone();
        m2.engagement.currency = Some("EUR".into());
        m2.channels[0].evaluation_level = 5;
        m2.channels[0].cost_basis = Some(CostBasis::PerCohort);
        m2.channels[0].cohorts_per_year = Some(3);
        m2.channels[0].hours = Some(7.5);
        m2.develops[1].stages = vec![Stage::Practice, Stage::Feedback];
        store.replace(&m2).unwrap();
        assert_eq!(store.load().unwrap(), m2);
        let fk: bool = store.conn.pragma_query_value(None, "foreign_keys", |r| r.get(0)).unwrap();
        assert!(fk, "foreign keys are back on after the migration");
        drop(store);
        let conn = Connection::open(&path).unwrap();
        let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0)).unwrap();
        assert_eq!(version, super::LATEST);
    }

    #[test]
    fn a_schema_6_file_keeps_its_answers_as_of_unknown_type_and_takes_typed_ones() {
        use crate::model::{Edit, RespondentType};
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("six.trellis");
        file_at_schema(
            &path,
            6,
            "INSERT INTO engagement VALUES (1, 'Six', 'Client', 'Ana', '2026-01-01', 0, 5,
                 '[\"None\",\"Awareness\",\"Basic\",\"Competent\",\"Advanced\",\"Expert\"]', 70, 20, 10, NULL);
             INSERT INTO response (bank, question, respondent, grp, score, note, at)
                 VALUES ('core', 'tc-1', 'anon-1', 'Ops', 4, 'kept', '2026-01-02T10:00:00Z');
             INSERT INTO workshop_participant VALUES ('ws-1', 'Ops', '2026-01-02T10:00:00Z');",
        );
        let mut store = Store::open(&path).unwrap();
        let m = store.load().unwrap();
        assert_eq!(m.responses.len(), 1);
        let old = &m.responses[0];
        assert_eq!((old.note.as_str(), old.group.as_deref(), old.respondent_type), ("kept", Some("Ops"), None));
        let mut typed = old.clone();
        typed.respondent = "anon-2".into();
        typed.respondent_type = Some(RespondentType::Ld);
        store.apply(&[Edit::AddResponse(typed.clone())]).unwrap();
        assert_eq!(store.load().unwrap().responses, vec![old.clone(), typed]);
        assert!(store.integrity_check().unwrap().is_empty());
    }
}
