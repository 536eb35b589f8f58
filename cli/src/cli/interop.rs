//! `trellis import` and `trellis export`: their arguments, a progress bar on a terminal, and the summary on stderr.

use clap::Args;
use indicatif::{ProgressBar, ProgressStyle};
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use trellis::api::Session;
use trellis::interop::{ExportFormat, ImportFormat, ImportOptions, Progress};
use trellis::{Error, Result};

#[derive(Args)]
pub struct ImportArgs {
    /// The engagement file to import into.
    file: PathBuf,
    #[arg(long, value_enum)]
    format: ImportFormat,
    /// The file or folder to import.
    path: PathBuf,
    /// Report what would change without writing anything.
    #[arg(long)]
    dry_run: bool,
    /// esco: the target level of every requirement (default: the scale's midpoint).
    #[arg(long)]
    target_level: Option<i64>,
    /// esco: import this occupation (its URI; repeatable).
    #[arg(long = "occupation", value_name = "URI")]
    occupations: Vec<String>,
    /// esco: import the occupations whose ISCO group starts with PREFIX (repeatable).
    #[arg(long, value_name = "PREFIX")]
    isco: Vec<String>,
    /// onet: import the occupations whose O*NET-SOC code starts with PREFIX (repeatable).
    #[arg(long, value_name = "PREFIX")]
    soc: Vec<String>,
    /// esco, onet: import the occupations whose label contains TEXT (any case).
    #[arg(long, value_name = "TEXT")]
    search: Option<String>,
    /// onet: leave out pairs of importance (IM) below this [default: 3.0].
    #[arg(long)]
    min_importance: Option<f64>,
}

#[derive(Args)]
pub struct ExportArgs {
    /// The engagement file to export.
    file: PathBuf,
    #[arg(long, value_enum)]
    format: ExportFormat,
    /// Output file (for csv: the folder, made when missing). Default: stdout.
    #[arg(short, long)]
    output: Option<PathBuf>,
}

/// Shows progress on stderr, only when stderr is a terminal.
struct Bar {
    bar: Option<ProgressBar>,
    step: String,
}

impl Bar {
    fn new() -> Bar {
        let bar = std::io::stderr().is_terminal().then(|| {
            let style = ProgressStyle::with_template("{msg:48!} [{bar:30}] {percent:>3}%")
                .unwrap_or_else(|_| ProgressStyle::default_bar())
                .progress_chars("=> ");
            ProgressBar::new(0).with_style(style)
        });
        Bar { bar, step: String::new() }
    }

    fn show(&mut self, p: &Progress) {
        let Some(bar) = &self.bar else { return };
        if p.step != self.step {
            self.step = p.step.clone();
            bar.set_message(p.step.clone());
            bar.set_length(p.total.max(1));
        }
        bar.set_position(p.done);
    }

    fn clear(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

pub fn import(args: ImportArgs) -> Result<()> {
    let mut session = Session::open(&args.file)?;
    let options = ImportOptions {
        target_level: args.target_level,
        occupations: args.occupations,
        isco: args.isco,
        soc: args.soc,
        search: args.search,
        min_importance: args.min_importance,
    };
    let mut bar = Bar::new();
    let result = session.import(args.format, &args.path, &options, args.dry_run, &mut |p| bar.show(p));
    bar.clear();
    let summary = result?;
    let head = if args.dry_run { "dry run, nothing written; would change:\n" } else { "" };
    eprint!("{head}{summary}");
    if summary.total_changes() == 0 {
        eprintln!("nothing to change");
    }
    Ok(())
}

pub fn export(args: ExportArgs, out: &mut dyn Write) -> Result<()> {
    let session = Session::open(&args.file)?;
    let format = args.format;
    match args.output {
        Some(path) => {
            let written = session.export(format, &path)?;
            if format.is_folder() {
                eprintln!("wrote {} files in {}", written.len(), path.display());
            }
        }
        None if format.is_folder() => {
            return Err(Error::Usage(format!("the {format} export is a folder of files: name the folder with -o")))
        }
        None => {
            let text = session.export_text(format)?;
            out.write_all(text.as_bytes()).map_err(|e| Error::Io { path: "<stdout>".into(), source: e })?;
        }
    }
    Ok(())
}
