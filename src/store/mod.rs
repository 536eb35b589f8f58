//! The engagement file: SQLite as an application file format (application_id, user_version migrations, one transaction per edit).

mod live;
mod migrations;
mod read;
mod write;

pub use live::{LiveParticipant, LiveRecord, LiveWrite, QuestionState};

use crate::model::{Edit, Model};
use crate::{Error, Result};
use rusqlite::{Connection, OpenFlags};
use std::io::Read;
use std::path::{Path, PathBuf};

/// `PRAGMA application_id` of every Trellis file: "TRLS" in ASCII.
pub const APPLICATION_ID: i32 = 0x5452_4C53;

/// The file format version this Trellis writes (`PRAGMA user_version`).
pub const SCHEMA_VERSION: i64 = migrations::LATEST;

/// The usual extension of an engagement file.
pub const EXTENSION: &str = "trellis";

/// What a read-only look at a file's header found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FileHeader {
    pub application_id: i32,
    pub user_version: i64,
}

/// An open engagement file.
pub struct Store {
    conn: Connection,
    path: PathBuf,
}

impl Store {
    /// Creates a new engagement file holding `model`. Refuses to overwrite anything.
    pub fn create(path: &Path, model: &Model) -> Result<Store> {
        if path.exists() {
            return Err(Error::Exists(path.to_owned()));
        }
        let errors = crate::model::validate(model);
        if !errors.is_empty() {
            return Err(Error::Invalid(errors));
        }
        // Build the file beside its destination, then move it into place: a failure half-way
        // never leaves a half-made engagement under the user's chosen name.
        let tmp = path.with_extension(format!("{EXTENSION}-new-{}", std::process::id()));
        let _ = std::fs::remove_file(&tmp);
        let result = (|| {
            let mut conn = Connection::open(&tmp).map_err(sqlite(&tmp))?;
            configure(&conn, &tmp)?;
            let tx = conn.transaction().map_err(sqlite(&tmp))?;
            tx.pragma_update(None, "application_id", APPLICATION_ID).map_err(sqlite(&tmp))?;
            migrations::upgrade(&tx, 0).map_err(sqlite(&tmp))?;
            write::insert_model(&tx, model).map_err(sqlite(&tmp))?;
            tx.commit().map_err(sqlite(&tmp))?;
            conn.close().map_err(|(_, e)| sqlite(&tmp)(e))?;
            if path.exists() {
                return Err(Error::Exists(path.to_owned()));
            }
            std::fs::rename(&tmp, path).map_err(Error::io(path))
        })();
        if result.is_err() {
            let _ = std::fs::remove_file(&tmp);
        }
        result?;
        Store::open(path)
    }

    /// Opens an engagement file for reading and editing.
    ///
    /// The file is first inspected without writing: a file that is not a Trellis file, is
    /// damaged, or comes from a newer Trellis is refused and left byte-for-byte as it was.
    /// Only then are older files migrated, in one transaction.
    pub fn open(path: &Path) -> Result<Store> {
        let header = inspect(path)?;
        let conn =
            Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX)
                .map_err(sqlite(path))?;
        let damaged = |detail: String| Error::Damaged { path: path.to_owned(), detail };
        // quick_check reads every page without writing; it catches truncation and garbage.
        let problems = check_pages(&conn, "quick_check").map_err(|e| damaged(e.to_string()))?;
        if !problems.is_empty() {
            return Err(damaged(problems.join("; ")));
        }
        configure(&conn, path)?;
        let mut store = Store { conn, path: path.to_owned() };
        if header.user_version < SCHEMA_VERSION {
            store.migrate(header.user_version)?;
        }
        Ok(store)
    }

    /// Brings an older file up to date in one transaction. Foreign keys are off meanwhile, as
    /// SQLite's procedure for rebuilding a table asks (dropping a parent table would otherwise
    /// cascade into its links), and are checked before the transaction commits.
    fn migrate(&mut self, from: i64) -> Result<()> {
        let path = self.path.clone();
        self.conn.pragma_update(None, "foreign_keys", false).map_err(sqlite(&path))?;
        let result = (|| {
            let tx = self.conn.transaction().map_err(sqlite(&path))?;
            migrations::upgrade(&tx, from).map_err(sqlite(&path))?;
            let broken = tx
                .prepare("PRAGMA foreign_key_check")
                .and_then(|mut stmt| stmt.query_map([], |_| Ok(())).map(|rows| rows.count()))
                .map_err(sqlite(&path))?;
            if broken > 0 {
                return Err(Error::Damaged {
                    path: path.clone(),
                    detail: format!("{broken} link(s) name items that are not in the file"),
                });
            }
            tx.commit().map_err(sqlite(&path))
        })();
        self.conn.pragma_update(None, "foreign_keys", true).map_err(sqlite(&path))?;
        result
    }

    /// Opens an engagement file and reads its model: what every user-facing open does.
    ///
    /// Like `open`, it refuses foreign, newer and damaged files without writing; but for a file
    /// of the current version it lets the full read of every table find damage instead of a
    /// separate `quick_check` pass, which would read every page a second time. Damage in a page
    /// the read does not visit (a secondary index) is reported by `trellis check` and makes any
    /// write fail whole, never half-done.
    pub fn open_and_load(path: &Path) -> Result<(Store, Model)> {
        let header = inspect(path)?;
        if header.user_version < SCHEMA_VERSION {
            let store = Store::open(path)?;
            let model = store.load()?;
            return Ok((store, model));
        }
        let conn =
            Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX)
                .map_err(sqlite(path))?;
        configure(&conn, path)?;
        let store = Store { conn, path: path.to_owned() };
        let model = store.load()?;
        Ok((store, model))
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Reads the whole model, every list in canonical order.
    pub fn load(&self) -> Result<Model> {
        read::load(&self.conn).map_err(|e| self.read_error(e))
    }

    /// Reads the answers alone (another connection, the live server's, may have added some).
    pub fn responses(&self) -> Result<Vec<crate::model::Response>> {
        read::responses(&self.conn).map_err(|e| self.read_error(e))
    }

    /// SQLite's `data_version`: it changes when another connection commits to the file, and
    /// only then, so a reader can tell whether there is anything new to read.
    pub fn data_version(&self) -> Result<i64> {
        self.conn.pragma_query_value(None, "data_version", |r| r.get(0)).map_err(sqlite(&self.path))
    }

    fn read_error(&self, e: rusqlite::Error) -> Error {
        match e {
            rusqlite::Error::SqliteFailure(f, detail)
                if matches!(f.code, rusqlite::ErrorCode::DatabaseCorrupt | rusqlite::ErrorCode::NotADatabase) =>
            {
                Error::Damaged { path: self.path.clone(), detail: detail.unwrap_or_else(|| f.to_string()) }
            }
            e => sqlite(&self.path)(e),
        }
    }

    /// Writes edits to the file as one transaction: all of them or none.
    pub fn apply(&mut self, edits: &[Edit]) -> Result<()> {
        let tx = self.conn.transaction().map_err(sqlite(&self.path))?;
        for edit in edits {
            write::apply(&tx, edit).map_err(sqlite(&self.path))?;
        }
        tx.commit().map_err(sqlite(&self.path))
    }

    /// Replaces everything the file holds with `model`, as one transaction.
    pub fn replace(&mut self, model: &Model) -> Result<()> {
        let tx = self.conn.transaction().map_err(sqlite(&self.path))?;
        write::clear(&tx).map_err(sqlite(&self.path))?;
        write::insert_model(&tx, model).map_err(sqlite(&self.path))?;
        tx.commit().map_err(sqlite(&self.path))
    }

    /// SQLite's full `integrity_check` plus a foreign key check: an empty list means a sound file.
    pub fn integrity_check(&self) -> Result<Vec<String>> {
        let mut problems = check_pages(&self.conn, "integrity_check").map_err(sqlite(&self.path))?;
        let mut stmt = self.conn.prepare("PRAGMA foreign_key_check").map_err(sqlite(&self.path))?;
        let rows = stmt
            .query_map([], |r| {
                Ok(format!(
                    "{} row {} breaks a reference to {}",
                    r.get::<_, String>(0)?,
                    r.get::<_, i64>(1)?,
                    r.get::<_, String>(2)?
                ))
            })
            .map_err(sqlite(&self.path))?;
        for row in rows {
            problems.push(row.map_err(sqlite(&self.path))?);
        }
        Ok(problems)
    }
}

/// Reads a file's SQLite header directly, without SQLite and without writing.
pub fn inspect(path: &Path) -> Result<FileHeader> {
    let mut file = std::fs::File::open(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => Error::NotFound(path.to_owned()),
        _ => Error::io(path)(e),
    })?;
    let mut header = [0u8; 100];
    let not_trellis = |reason: &str| Error::NotTrellis { path: path.to_owned(), reason: reason.into() };
    file.read_exact(&mut header).map_err(|_| not_trellis("too short to be a SQLite database"))?;
    if &header[..16] != b"SQLite format 3\0" {
        return Err(not_trellis("not a SQLite database"));
    }
    let be = |at: usize| i32::from_be_bytes([header[at], header[at + 1], header[at + 2], header[at + 3]]);
    let application_id = be(68);
    let user_version = i64::from(be(60));
    if application_id != APPLICATION_ID {
        return Err(not_trellis(&format!(
            "a SQLite database of another application (application_id {application_id:#x})"
        )));
    }
    if user_version > SCHEMA_VERSION {
        return Err(Error::TooNew { path: path.to_owned(), found: user_version, supported: SCHEMA_VERSION });
    }
    if user_version < 1 {
        return Err(Error::Damaged { path: path.to_owned(), detail: "no schema version recorded".into() });
    }
    Ok(FileHeader { application_id, user_version })
}

fn configure(conn: &Connection, path: &Path) -> Result<()> {
    conn.pragma_update(None, "foreign_keys", true).map_err(sqlite(path))?;
    // What is deleted is overwritten, not left in free pages: a withdrawn answer's note is gone
    // from the file's bytes, as the participant was promised.
    conn.pragma_update(None, "secure_delete", true).map_err(sqlite(path))?;
    conn.busy_timeout(std::time::Duration::from_secs(5)).map_err(sqlite(path))?;
    Ok(())
}

fn check_pages(conn: &Connection, pragma: &str) -> rusqlite::Result<Vec<String>> {
    let mut stmt = conn.prepare(&format!("PRAGMA {pragma}"))?;
    let rows: Vec<String> = stmt.query_map([], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
    Ok(rows.into_iter().filter(|r| r != "ok").collect())
}

pub(crate) fn sqlite(path: &Path) -> impl Fn(rusqlite::Error) -> Error + '_ {
    move |source| Error::Sqlite { path: path.to_owned(), source }
}
