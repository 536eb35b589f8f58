//! The blueprint PDF of an open engagement: what `trellis blueprint` and the studio's export call.

use super::Session;
use crate::report::{self, Design};
use crate::Result;

/// How to make a blueprint. `date` is passed in (`YYYY-MM-DD`), never read from the clock,
/// so the same engagement and date always give the same PDF.
#[derive(Debug, Clone, Default)]
pub struct BlueprintOptions {
    /// A built-in layout name (`default`, `board-brief`) or a path to a layout `.toml`; `None`: `default`.
    pub layout: Option<String>,
    pub date: String,
    /// PNG bytes for the cover.
    pub logo: Option<Vec<u8>>,
    /// Leave the list of every finding out of the appendix (the themes stay).
    pub no_finding_list: bool,
}

/// The blueprint layouts that ship with Trellis.
pub fn blueprint_layouts() -> Vec<&'static str> {
    Design::builtin_names()
}

impl Session {
    /// The engagement's blueprint as PDF bytes.
    pub fn blueprint(&self, opts: &BlueprintOptions) -> Result<Vec<u8>> {
        let design = Design::find(opts.layout.as_deref().unwrap_or("default"))?;
        let options = report::Options { finding_list: !opts.no_finding_list };
        report::blueprint_with(self.model(), &design, &opts.date, opts.logo.as_deref(), &options)
    }
}
