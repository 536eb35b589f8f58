//! `trellis blueprint`: write the engagement's blueprint PDF.

use clap::Args;
use std::path::PathBuf;
use trellis::api::{BlueprintRequest, Session};
use trellis::Result;

#[derive(Args)]
pub struct BlueprintArgs {
    /// The engagement file.
    pub file: PathBuf,
    /// The PDF to write.
    #[arg(short, long)]
    pub output: PathBuf,
    /// A built-in layout (default, board-brief) or a path to a layout .toml file.
    #[arg(long)]
    pub layout: Option<String>,
    /// The date on the blueprint, YYYY-MM-DD (default: today).
    #[arg(long, value_parser = date)]
    pub date: Option<String>,
    /// A PNG logo for the cover.
    #[arg(long)]
    pub logo: Option<PathBuf>,
    /// Leave the list of every finding out of the appendix (the findings section keeps its themes).
    #[arg(long)]
    pub no_finding_list: bool,
}

pub fn blueprint(args: BlueprintArgs, today: &str) -> Result<()> {
    let session = Session::open(&args.file)?;
    let request = BlueprintRequest {
        layout: args.layout,
        logo: args.logo,
        date: args.date.unwrap_or_else(|| today.to_owned()),
        no_finding_list: args.no_finding_list,
    };
    let written = session.write_blueprint(&args.output, &request)?;
    eprintln!("wrote {} ({} KB)", args.output.display(), written.bytes.div_ceil(1024));
    Ok(())
}

/// `--date` as the command line takes it (here and for `trellis new`): a mistyped date is a
/// usage error (exit 2), like any other malformed value, before any file is opened.
pub fn date(text: &str) -> std::result::Result<String, String> {
    let format = time::macros::format_description!("[year]-[month]-[day]");
    time::Date::parse(text, format).map(|_| text.to_owned()).map_err(|_| "not a date in the form YYYY-MM-DD".to_owned())
}
