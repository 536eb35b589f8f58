//! `trellis import` and `trellis export`: their arguments, a progress bar on a terminal, and the summary on stderr.

use clap::{Args, ValueEnum};
use indicatif::{ProgressBar, ProgressStyle};
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use trellis::api::Session;
use trellis::interop::{self, ImportOptions, Progress};
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

#[derive(Clone, Copy, ValueEnum)]
pub enum ImportFormat {
    /// The Trellis JSON interchange (merges by id).
    Json,
    /// A folder of roles.csv, competencies.csv, ... (templates/import/ has blank ones).
    Csv,
    /// A folder with the ESCO CSV export (occupations, skills, their relations, skill groups).
    Esco,
    /// A folder with O*NET database text files (Occupation Data, Skills, Knowledge).
    Onet,
    /// A CASE 1.0/1.1 JSON package.
    Case,
    /// A CSV file of answers to the diagnostic questions.
    Responses,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum ExportFormat {
    /// The Trellis JSON interchange.
    Json,
    /// A folder of csv files that imports back unchanged (needs -o).
    Csv,
    /// GraphML, for Gephi and yEd.
    Graphml,
    /// A Kumu JSON blueprint.
    Kumu,
    /// The competencies as a CASE 1.0 package.
    Case,
    /// Graphviz DOT.
    Dot,
    /// The diagnostic responses as CSV.
    Responses,
}

impl ImportFormat {
    fn core(self) -> interop::ImportFormat {
        match self {
            ImportFormat::Json => interop::ImportFormat::Json,
            ImportFormat::Csv => interop::ImportFormat::Csv,
            ImportFormat::Esco => interop::ImportFormat::Esco,
            ImportFormat::Onet => interop::ImportFormat::Onet,
            ImportFormat::Case => interop::ImportFormat::Case,
            ImportFormat::Responses => interop::ImportFormat::Responses,
        }
    }
}

impl ExportFormat {
    fn core(self) -> interop::ExportFormat {
        match self {
            ExportFormat::Json => interop::ExportFormat::Json,
            ExportFormat::Csv => interop::ExportFormat::Csv,
            ExportFormat::Graphml => interop::ExportFormat::Graphml,
            ExportFormat::Kumu => interop::ExportFormat::Kumu,
            ExportFormat::Case => interop::ExportFormat::Case,
            ExportFormat::Dot => interop::ExportFormat::Dot,
            ExportFormat::Responses => interop::ExportFormat::Responses,
        }
    }
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
    let result = session.import(args.format.core(), &args.path, &options, args.dry_run, &mut |p| bar.show(p));
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
    let format = args.format.core();
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
