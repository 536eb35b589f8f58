//! `trellis blueprint`: write the engagement's blueprint PDF.

use clap::Args;
use std::path::PathBuf;
use trellis::api::{BlueprintOptions, Session};
use trellis::{Error, Result};

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
    #[arg(long)]
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
    let logo = match &args.logo {
        Some(path) => Some(std::fs::read(path).map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => Error::NotFound(path.clone()),
            _ => Error::io_at(path)(e),
        })?),
        None => None,
    };
    let opts = BlueprintOptions {
        layout: args.layout,
        date: args.date.unwrap_or_else(|| today.to_owned()),
        logo,
        no_finding_list: args.no_finding_list,
    };
    let pdf = session.blueprint(&opts)?;
    std::fs::write(&args.output, &pdf).map_err(Error::io_at(&args.output))?;
    eprintln!("wrote {} ({} KB)", args.output.display(), pdf.len().div_ceil(1024));
    Ok(())
}
