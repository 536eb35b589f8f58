//! The studio's state: the open engagement, or why the file named on the command line could not be opened.

use std::path::PathBuf;
use std::sync::{Mutex, PoisonError};
use trellis::api::{ApiError, Session};

pub struct Studio {
    session: Mutex<Option<Session>>,
    /// Why there is no session: the file could not be opened, or none was named.
    failure: Option<ApiError>,
}

impl Studio {
    /// Opens the engagement at `path`; a failure is kept to show in the window.
    pub fn open(path: Option<PathBuf>) -> Studio {
        let opened = match path {
            Some(path) => Session::open(&path),
            None => Err(trellis::Error::Usage(
                "no engagement file given: start the studio as `trellis-studio FILE.trellis`".into(),
            )),
        };
        match opened {
            Ok(session) => Studio { session: Mutex::new(Some(session)), failure: None },
            Err(e) => Studio { session: Mutex::new(None), failure: Some(e.into()) },
        }
    }

    /// "<engagement name> — Trellis", or "Trellis" when nothing is open.
    pub fn window_title(&self) -> String {
        match self.lock().as_ref() {
            Some(session) => format!("{} — Trellis", session.model().engagement.name),
            None => "Trellis".to_owned(),
        }
    }

    /// Runs `f` on the open session; core errors, and the absence of a session, become `ApiError`s.
    pub fn with_session<T>(&self, f: impl FnOnce(&mut Session) -> trellis::Result<T>) -> Result<T, ApiError> {
        match self.lock().as_mut() {
            Some(session) => f(session).map_err(ApiError::from),
            None => Err(self
                .failure
                .clone()
                .unwrap_or_else(|| ApiError { code: "internal".into(), message: "no engagement is open".into() })),
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Option<Session>> {
        // A panic mid-command leaves the session as the file has it: every edit is one transaction.
        self.session.lock().unwrap_or_else(PoisonError::into_inner)
    }
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
    fn no_file_named_is_a_usage_error() {
        let err = Studio::open(None).with_session(|s| Ok(s.info())).unwrap_err();
        assert_eq!(err.code, "usage");
    }
}
