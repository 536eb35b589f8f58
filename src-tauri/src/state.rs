//! The studio's state: the open engagement (or why none is open), its live session if one is running, and the list of recent engagements.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard, PoisonError};
use trellis::api::{ApiError, Info, RecentEngagement, Session};
use trellis::workshop::{self, Facilitator, LiveOptions, LiveSession, Running};
use trellis::ErrorCode;

/// How many recent engagements Home lists.
const RECENT_KEPT: usize = 8;

pub struct Studio {
    session: Mutex<Option<Session>>,
    /// Why there is no session: the file could not be opened, or none was named.
    failure: Mutex<Option<ApiError>>,
    /// Where the recent engagements are kept (a JSON list); `None`: not kept.
    recent_file: Mutex<Option<PathBuf>>,
    /// The live server on the open engagement; nothing listens until the user starts it.
    live: Mutex<Option<Running>>,
}

impl Studio {
    /// Opens the engagement at `path`; a failure is kept to show in the window.
    pub fn open(path: Option<PathBuf>) -> Studio {
        let studio = Studio {
            session: Mutex::new(None),
            failure: Mutex::new(None),
            recent_file: Mutex::new(None),
            live: Mutex::new(None),
        };
        match path {
            Some(path) => {
                if let Err(e) = studio.replace(Session::open(&path)) {
                    *lock(&studio.failure) = Some(e);
                }
            }
            None => {
                *lock(&studio.failure) = Some(ApiError::new(
                    ErrorCode::NoEngagement,
                    "no engagement is open: create one or open a .trellis file",
                ))
            }
        }
        studio
    }

    /// Keeps the recent list in `file` from now on, and records the open engagement in it.
    pub fn keep_recent_in(&self, file: PathBuf) {
        *lock(&self.recent_file) = Some(file);
        self.remember();
    }

    /// Makes `opened` the open engagement (the previous one is closed), or returns its error and
    /// keeps the previous one.
    pub fn replace(&self, opened: trellis::Result<Session>) -> Result<(), ApiError> {
        let session = opened.map_err(ApiError::from)?;
        // The live session belongs to the engagement being closed: stop serving it (it stays
        // live in its file, so opening that file again and starting resumes it).
        if let Some(running) = lock(&self.live).take() {
            running.stop();
        }
        *lock(&self.session) = Some(session);
        *lock(&self.failure) = None;
        self.remember();
        Ok(())
    }

    /// Starts serving the open engagement's live session on `listen` (`ADDR:PORT`), resuming the
    /// one its file holds or beginning one on `bank`. When one is already running, that one.
    pub fn start_live(&self, listen: &str, bank: Option<String>) -> Result<LiveSession, ApiError> {
        let address: SocketAddr = listen.trim().parse().map_err(|_| {
            ApiError::new(ErrorCode::Refused, format!("`{listen}` is not an address and port, such as 0.0.0.0:8080"))
        })?;
        let path = self.with_session(|s| Ok(s.path().to_owned()))?;
        let mut live = lock(&self.live);
        if let Some(running) = live.as_ref() {
            return Ok(running.session());
        }
        let mut options = LiveOptions::new(path, address);
        options.bank = bank.filter(|b| !b.is_empty());
        let running = workshop::start(options)?;
        let session = running.session();
        *live = Some(running);
        Ok(session)
    }

    /// Whether a live session is being served.
    pub fn serving(&self) -> bool {
        lock(&self.live).is_some()
    }

    /// The running live session, if any.
    pub fn live(&self) -> Option<LiveSession> {
        lock(&self.live).as_ref().map(Running::session)
    }

    /// The facilitator's controls of the running session.
    pub fn facilitator(&self) -> Result<Facilitator, ApiError> {
        lock(&self.live)
            .as_ref()
            .map(Running::facilitator)
            .ok_or_else(|| ApiError::new(ErrorCode::NotLive, "no live session is running: start one first"))
    }

    /// Stops serving (the session stays live in the file until ended) and reads the answers the
    /// server saved into the open engagement.
    pub fn stop_live(&self) -> Result<Info, ApiError> {
        let running = lock(&self.live).take();
        if let Some(running) = running {
            running.stop();
        }
        self.with_session(|s| {
            s.reload_responses()?;
            Ok(s.info())
        })
    }

    /// "<engagement name> — Trellis", or "Trellis" when nothing is open.
    pub fn window_title(&self) -> String {
        match lock(&self.session).as_ref() {
            Some(session) => format!("{} — Trellis", session.model().engagement.name),
            None => "Trellis".to_owned(),
        }
    }

    /// Runs `f` on the open session; core errors, and the absence of a session, become `ApiError`s.
    /// While a live session is served, the answers its server saved are read in first, so that
    /// every view, export and blueprint counts them.
    pub fn with_session<T>(&self, f: impl FnOnce(&mut Session) -> trellis::Result<T>) -> Result<T, ApiError> {
        let serving = self.serving();
        match lock(&self.session).as_mut() {
            Some(session) => {
                if serving {
                    session.reload_responses()?;
                }
                f(session).map_err(ApiError::from)
            }
            None => Err(lock(&self.failure)
                .clone()
                .unwrap_or_else(|| ApiError::new(ErrorCode::NoEngagement, "no engagement is open"))),
        }
    }

    /// The engagements opened lately, newest first (files that are gone are left out).
    pub fn recent(&self) -> Vec<RecentEngagement> {
        let Some(file) = lock(&self.recent_file).clone() else { return Vec::new() };
        read_recent(&file).into_iter().filter(|r| Path::new(&r.path).exists()).collect()
    }

    /// Puts the open engagement first in the recent list. A list that cannot be written is no
    /// reason to refuse to open an engagement: the error is dropped.
    fn remember(&self) {
        let Some(file) = lock(&self.recent_file).clone() else { return };
        let Some(entry) = lock(&self.session).as_ref().map(|s| RecentEngagement {
            path: s.path().display().to_string(),
            name: s.model().engagement.name.clone(),
            client: s.model().engagement.client.clone(),
        }) else {
            return;
        };
        let mut list = read_recent(&file);
        list.retain(|r| r.path != entry.path);
        list.insert(0, entry);
        list.truncate(RECENT_KEPT);
        if let Some(dir) = file.parent() {
            let _ = std::fs::create_dir_all(dir);
        }
        if let Ok(text) = serde_json::to_string_pretty(&list) {
            let _ = std::fs::write(&file, text);
        }
    }
}

fn read_recent(file: &Path) -> Vec<RecentEngagement> {
    std::fs::read_to_string(file).ok().and_then(|t| serde_json::from_str(&t).ok()).unwrap_or_default()
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    // A panic mid-command leaves the session as the file has it: every edit is one transaction.
    m.lock().unwrap_or_else(PoisonError::into_inner)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_open_engagement_names_the_window_and_answers_info() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("demo.trellis");
        Session::create(&path, "demo", Some("Acme"), "2026-01-15").unwrap();
        let studio = Studio::open(Some(path));
        let info = studio.with_session(|s| Ok(s.info())).unwrap();
        assert_eq!(info.engagement.client, "Acme");
        assert!(info.counts.roles > 0);
        assert_eq!(studio.window_title(), format!("{} — Trellis", info.engagement.name));
    }

    #[test]
    fn a_missing_file_is_reported_by_code() {
        let dir = tempfile::tempdir().unwrap();
        let studio = Studio::open(Some(dir.path().join("missing.trellis")));
        assert_eq!(studio.with_session(|s| Ok(s.info())).unwrap_err().code, "not-found");
        assert_eq!(studio.window_title(), "Trellis");
    }

    #[test]
    fn a_file_that_is_not_an_engagement_is_reported_by_code() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("notes.trellis");
        std::fs::write(&path, "just some text, not SQLite").unwrap();
        let err = Studio::open(Some(path)).with_session(|s| Ok(s.info())).unwrap_err();
        assert_eq!(err.code, "not-trellis", "{}", err.message);
    }

    #[test]
    fn no_file_named_is_no_engagement_rather_than_a_usage_error() {
        let err = Studio::open(None).with_session(|s| Ok(s.info())).unwrap_err();
        assert_eq!(err.code, ErrorCode::NoEngagement);
    }

    #[test]
    fn opened_engagements_are_remembered_newest_first() {
        let dir = tempfile::tempdir().unwrap();
        let (a, b) = (dir.path().join("a.trellis"), dir.path().join("b.trellis"));
        Session::create(&a, "demo", Some("A"), "2026-01-15").unwrap();
        Session::create(&b, "leadership", Some("B"), "2026-01-15").unwrap();
        let studio = Studio::open(Some(a.clone()));
        studio.keep_recent_in(dir.path().join("config/recent.json"));
        studio.replace(Session::open(&b)).unwrap();
        studio.replace(Session::open(&a)).unwrap();
        let recent: Vec<String> = studio.recent().into_iter().map(|r| r.client).collect();
        assert_eq!(recent, ["A", "B"]);
        let err = studio.replace(Session::open(&dir.path().join("gone.trellis"))).unwrap_err();
        assert_eq!(err.code, "not-found");
        assert_eq!(studio.with_session(|s| Ok(s.model().engagement.client.clone())).unwrap(), "A");
    }
}
