//! Files the studio writes for an engagement: the JSON interchange and the blueprint PDF.

use super::{BlueprintOptions, Session};
use crate::{Error, Result};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// How to write the blueprint: a layout name, a PNG logo file, the date printed on it
/// (`YYYY-MM-DD`), and whether to leave the list of every finding out of the appendix. The
/// studio and `trellis blueprint` both send this; an empty layout or logo is none.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct BlueprintRequest {
    pub layout: Option<String>,
    pub logo: Option<PathBuf>,
    pub date: String,
    /// Leave the appendix's list of every finding out (the themes stay).
    pub no_finding_list: bool,
}

/// A file the studio wrote.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Exported {
    pub path: String,
    pub bytes: usize,
}

impl Session {
    /// Writes the engagement as a JSON interchange document.
    pub fn write_json(&self, out: &Path) -> Result<Exported> {
        let text = self.export_json();
        std::fs::write(out, &text).map_err(Error::io_at(out))?;
        Ok(Exported { path: out.display().to_string(), bytes: text.len() })
    }

    /// Writes the blueprint PDF; the logo, when named, is read from its PNG file.
    pub fn write_blueprint(&self, out: &Path, req: &BlueprintRequest) -> Result<Exported> {
        let logo = match req.logo.as_deref().filter(|l| !l.as_os_str().is_empty()) {
            Some(path) => Some(std::fs::read(path).map_err(|e| match e.kind() {
                std::io::ErrorKind::NotFound => Error::NotFound(path.to_owned()),
                _ => Error::io_at(path)(e),
            })?),
            None => None,
        };
        let layout = req.layout.clone().filter(|l| !l.is_empty());
        let pdf = self.blueprint(&BlueprintOptions {
            layout,
            date: req.date.clone(),
            logo,
            no_finding_list: req.no_finding_list,
        })?;
        std::fs::write(out, &pdf).map_err(Error::io_at(out))?;
        Ok(Exported { path: out.display().to_string(), bytes: pdf.len() })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_logo_is_read_here_for_both_faces_and_a_missing_one_writes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let s = Session::create(&dir.path().join("d.trellis"), "demo", None, "2026-01-15").unwrap();
        let out = dir.path().join("b.pdf");
        let request = |logo: &str| BlueprintRequest {
            layout: None,
            logo: Some(logo.into()),
            date: "2026-03-01".into(),
            no_finding_list: false,
        };
        let err = s.write_blueprint(&out, &request("missing.png")).unwrap_err();
        assert_eq!(err.code(), "not-found", "{err}");
        assert!(!out.exists(), "nothing is written when the logo cannot be read");
        let written = s.write_blueprint(&out, &request("")).unwrap();
        assert!(written.bytes > 0 && out.exists(), "an empty logo is none");
    }
}
