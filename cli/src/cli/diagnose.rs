//! The diagnosis subcommands: diagnose, dispose, finding, summary, answer, bank and settings.

use clap::{Args, Subcommand, ValueEnum};
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use trellis::api::Session;
use trellis::diagnostics;
use trellis::model::{Area, ManualFinding, RespondentType, Response, Severity, Subjects, Verdict, SCALE};
use trellis::{Error, Result};

#[derive(Clone, Copy, ValueEnum)]
pub enum DiagnoseFormat {
    Text,
    Json,
    Markdown,
}

#[derive(Args)]
pub struct DiagnoseArgs {
    pub file: PathBuf,
    #[arg(long, value_enum, default_value = "text")]
    pub format: DiagnoseFormat,
    /// Leave out findings less severe than this.
    #[arg(long, value_enum)]
    pub min_severity: Option<Severity>,
    /// Write to a file instead of stdout.
    #[arg(short, long)]
    pub output: Option<PathBuf>,
}

#[derive(Args)]
#[command(group(clap::ArgGroup::new("verdict").required(true).args(["accept", "dismiss", "clear"])))]
pub struct DisposeArgs {
    pub file: PathBuf,
    /// The finding's key, as `diagnose --format json` prints it.
    pub key: String,
    #[arg(long)]
    pub accept: bool,
    #[arg(long)]
    pub dismiss: bool,
    /// Remove the verdict: the finding is open again.
    #[arg(long)]
    pub clear: bool,
    #[arg(long, default_value = "")]
    pub note: String,
}

#[derive(Subcommand)]
pub enum FindingCommand {
    /// Add a finding of your own; prints its id.
    Add {
        file: PathBuf,
        #[arg(long)]
        title: String,
        #[arg(long, value_enum, default_value = "medium")]
        severity: Severity,
        /// The area the finding belongs to.
        #[arg(long, value_enum)]
        area: Area,
        #[arg(long)]
        role: Option<String>,
        #[arg(long)]
        competency: Option<String>,
        #[arg(long)]
        channel: Option<String>,
        #[arg(long, default_value = "")]
        rationale: String,
        #[arg(long, default_value = "")]
        recommendation: String,
    },
    /// Remove a finding you added.
    Remove { file: PathBuf, id: String },
}

#[derive(Args)]
pub struct SummaryArgs {
    pub file: PathBuf,
    /// The executive summary text (without --set or --from, the current summary is printed).
    #[arg(long, conflicts_with = "from")]
    pub set: Option<String>,
    /// Read the summary from a text file.
    #[arg(long)]
    pub from: Option<PathBuf>,
}

#[derive(Args)]
#[command(group(clap::ArgGroup::new("value").required(true).args(["score", "dont_know"])))]
pub struct AnswerArgs {
    pub file: PathBuf,
    #[arg(long, default_value = "core")]
    pub bank: String,
    #[arg(long)]
    pub question: String,
    #[arg(long, value_parser = clap::value_parser!(i64).range(1..=5), help = score_help())]
    pub score: Option<i64>,
    /// The answer is "don't know".
    #[arg(long)]
    pub dont_know: bool,
    /// A name or token (default: a new anonymous token).
    #[arg(long)]
    pub respondent: Option<String>,
    /// Role or department.
    #[arg(long)]
    pub group: Option<String>,
    /// The respondent's part: learner, manager, ld (learning and development) or leader; unknown when left out.
    #[arg(long = "type", value_name = "TYPE")]
    pub respondent_type: Option<RespondentType>,
    #[arg(long, default_value = "")]
    pub note: String,
}

/// `--score`'s help, in the words of Trellis's one answer scale.
fn score_help() -> String {
    let points: Vec<String> = SCALE.iter().enumerate().map(|(i, w)| format!("{} {w}", i + 1)).collect();
    format!("How far the statement is true: {}", points.join(", "))
}

#[derive(Subcommand)]
pub enum BankCommand {
    /// List the question banks with their questions.
    List { file: PathBuf },
    /// Add or replace a custom bank from a TOML file (as in templates/diagnostics/).
    Add { file: PathBuf, path: PathBuf },
}

#[derive(Args)]
pub struct SettingsArgs {
    pub file: PathBuf,
    /// Show results by group only for groups with at least this many respondents.
    #[arg(long)]
    pub anonymity_threshold: Option<i64>,
}

fn stdout_err(e: std::io::Error) -> Error {
    Error::Io { path: "<stdout>".into(), source: e }
}

pub fn diagnose(args: DiagnoseArgs, out: &mut dyn Write) -> Result<()> {
    let session = Session::open(&args.file)?;
    let mut d = session.diagnose();
    if let Some(min) = args.min_severity {
        d.retain_min_severity(min);
    }
    let mut file;
    let target: &mut dyn Write = match &args.output {
        Some(path) => {
            file = std::io::BufWriter::with_capacity(1 << 20, std::fs::File::create(path).map_err(Error::io_at(path))?);
            &mut file
        }
        None => out,
    };
    match args.format {
        DiagnoseFormat::Json => {
            diagnostics::write_json(&d, &mut *target).map_err(stdout_err)?;
            target.write_all(b"\n").map_err(stdout_err)?;
        }
        DiagnoseFormat::Text => {
            let color = args.output.is_none() && std::io::stdout().is_terminal();
            target.write_all(diagnostics::to_text(&d, session.model(), color).as_bytes()).map_err(stdout_err)?;
        }
        DiagnoseFormat::Markdown => {
            target.write_all(diagnostics::to_markdown(&d, session.model()).as_bytes()).map_err(stdout_err)?
        }
    }
    target.flush().map_err(stdout_err)
}

pub fn dispose(args: DisposeArgs) -> Result<()> {
    let mut session = Session::open(&args.file)?;
    let verdict = if args.accept {
        Some(Verdict::Accepted)
    } else if args.dismiss {
        Some(Verdict::Dismissed)
    } else {
        None
    };
    session.dispose(&args.key, verdict, &args.note).map_err(|e| match e {
        // Where the keys are is the command line's to say: the studio lists its findings.
        Error::NotInModel(m) => Error::NotInModel(format!("{m}; `trellis diagnose FILE --format json` lists the keys")),
        e => e,
    })?;
    eprintln!("{}: {}", args.key, verdict.map_or("open", |v| v.as_str()));
    Ok(())
}

pub fn finding(cmd: FindingCommand, out: &mut dyn Write) -> Result<()> {
    match cmd {
        FindingCommand::Add { file, title, severity, area, role, competency, channel, rationale, recommendation } => {
            let mut s = Session::open(&file)?;
            let subjects = Subjects {
                role: role.map(|r| s.resolve_role(&r)).transpose()?,
                competency: competency.map(|c| s.resolve_competency(&c)).transpose()?,
                channel: channel.map(|c| s.resolve_channel(&c)).transpose()?,
                cycle: None,
            };
            let id = s.put_manual_finding(ManualFinding {
                id: String::new(),
                title,
                severity,
                area,
                subjects,
                rationale,
                recommendation,
            })?;
            writeln!(out, "{id}").map_err(stdout_err)
        }
        FindingCommand::Remove { file, id } => Session::open(&file)?.remove_manual_finding(&id),
    }
}

pub fn summary(args: SummaryArgs, out: &mut dyn Write) -> Result<()> {
    let mut s = Session::open(&args.file)?;
    let text = match (args.set, args.from) {
        (Some(text), _) => text,
        (None, Some(path)) => std::fs::read_to_string(&path).map_err(Error::io_at(&path))?,
        (None, None) => {
            let current = s.model().summary.clone();
            return writeln!(out, "{current}").map_err(stdout_err);
        }
    };
    s.set_summary(text.trim_end())
}

pub fn answer(args: AnswerArgs) -> Result<()> {
    let mut s = Session::open(&args.file)?;
    let at = time::OffsetDateTime::now_utc()
        .replace_nanosecond(0)
        .ok()
        .and_then(|t| t.format(&time::format_description::well_known::Rfc3339).ok())
        .unwrap_or_default();
    s.answer(Response {
        bank: args.bank,
        question: args.question,
        respondent: args.respondent.unwrap_or_default(),
        group: args.group,
        respondent_type: args.respondent_type,
        score: if args.dont_know { None } else { args.score },
        note: args.note,
        at,
    })
}

pub fn bank(cmd: BankCommand, out: &mut dyn Write) -> Result<()> {
    match cmd {
        BankCommand::List { file } => {
            let s = Session::open(&file)?;
            for b in s.banks() {
                writeln!(out, "{} (version {}): {}", b.id, b.version, b.title).map_err(stdout_err)?;
                for q in &b.questions {
                    let prompt = if q.prompt { " [prompt]" } else { "" };
                    writeln!(out, "  {:<8} [{}]{prompt} {}", q.id, q.area, q.text).map_err(stdout_err)?;
                }
            }
            Ok(())
        }
        BankCommand::Add { file, path } => {
            let text = std::fs::read_to_string(&path).map_err(Error::io_at(&path))?;
            let id = Session::open(&file)?.put_bank_toml(&text, &path.display().to_string())?;
            eprintln!("bank `{id}` saved");
            Ok(())
        }
    }
}

pub fn settings(args: SettingsArgs, out: &mut dyn Write) -> Result<()> {
    let mut s = Session::open(&args.file)?;
    let mut settings = s.model().settings;
    if let Some(n) = args.anonymity_threshold {
        settings.anonymity_threshold = n;
        s.set_settings(settings)?;
    }
    writeln!(out, "anonymity_threshold = {}", settings.anonymity_threshold).map_err(stdout_err)
}
