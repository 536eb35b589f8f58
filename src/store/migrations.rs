//! Schema migrations: file format version N is reached by running the first N scripts in order.

use rusqlite::Transaction;

/// One script per version; never edit a shipped script, add a new one.
const SCRIPTS: &[&str] = &[
    include_str!("migrations/0001_model.sql"),
    include_str!("migrations/0002_responses.sql"),
    include_str!("migrations/0003_judgement.sql"),
    include_str!("migrations/0004_workshop.sql"),
    include_str!("migrations/0005_parent_index.sql"),
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
