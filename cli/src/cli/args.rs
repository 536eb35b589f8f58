//! Argument definitions for every `trellis` subcommand (clap derive).

use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;
use trellis::model::{ChannelKind, CostBasis, Criticality, Stage};

/// Trellis: design learning ecosystems, find their gaps, hand the client a blueprint.
///
/// Data goes to stdout, messages to stderr. Exit status: 0 success, 1 error, 2 usage.
#[derive(Parser)]
#[command(name = "trellis", version, about, long_about)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand)]
pub enum Command {
    /// Create a new engagement file from a starter template (never overwrites).
    New {
        /// The engagement file to create (usually NAME.trellis).
        file: PathBuf,
        /// Starter template (see `trellis templates`).
        #[arg(long, default_value = "demo")]
        template: String,
        /// The client's name.
        #[arg(long)]
        client: Option<String>,
        /// Creation date, YYYY-MM-DD (default: today).
        #[arg(long, value_parser = super::blueprint::date)]
        date: Option<String>,
    },
    /// List the starter templates, one line each.
    Templates,
    /// Show an engagement's metadata and how many of each thing it holds.
    Info {
        file: PathBuf,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Merge a file or folder into the engagement, as one transaction (json, csv, esco, onet, case, responses).
    Import(super::interop::ImportArgs),
    /// Write the engagement in another format (stdout unless -o).
    Export(super::interop::ExportArgs),
    /// Check the file's integrity and validate the model.
    Check { file: PathBuf },
    /// Add a role, competency or channel; prints the new id.
    #[command(subcommand)]
    Add(AddCommand),
    /// Link two items: requires, develops, reaches, follows, prerequisite.
    #[command(subcommand)]
    Link(LinkCommand),
    /// Remove an item (with its links) or one link.
    #[command(subcommand)]
    Remove(RemoveCommand),
    /// Run the gap diagnostics: findings, stage coverage, area scores and maturity.
    Diagnose(super::diagnose::DiagnoseArgs),
    /// Accept or dismiss a finding (by key) with a note.
    Dispose(super::diagnose::DisposeArgs),
    /// Add or remove findings of your own.
    #[command(subcommand)]
    Finding(super::diagnose::FindingCommand),
    /// Show or write the executive summary.
    Summary(super::diagnose::SummaryArgs),
    /// Record one answer to a diagnostic question.
    Answer(super::diagnose::AnswerArgs),
    /// List or add diagnostic question banks.
    #[command(subcommand)]
    Bank(super::diagnose::BankCommand),
    /// Show or change engagement settings (the anonymity threshold).
    Settings(super::diagnose::SettingsArgs),
    /// Write the blueprint: the PDF the client keeps.
    Blueprint(super::blueprint::BlueprintArgs),
    /// Run a live workshop: participants answer the question bank on their phones; answers go to the file.
    Workshop(super::workshop::WorkshopArgs),
}

#[derive(Subcommand)]
pub enum AddCommand {
    /// Add a role.
    Role {
        file: PathBuf,
        #[arg(long)]
        name: String,
        /// Id to use (default: a new UUID v7).
        #[arg(long)]
        id: Option<String>,
        #[arg(long, default_value = "")]
        description: String,
        /// Department or role group.
        #[arg(long, default_value = "")]
        group: String,
        #[arg(long, default_value_t = 1)]
        headcount: i64,
        /// External id such as esco:<uri> or onet:<code> (repeatable).
        #[arg(long = "ref")]
        refs: Vec<String>,
    },
    /// Add a competency.
    Competency {
        file: PathBuf,
        #[arg(long)]
        name: String,
        #[arg(long)]
        id: Option<String>,
        #[arg(long, default_value = "")]
        description: String,
        #[arg(long, default_value = "")]
        category: String,
        /// The broader competency (id or name).
        #[arg(long)]
        parent: Option<String>,
        #[arg(long = "ref")]
        refs: Vec<String>,
    },
    /// Add a learning channel.
    Channel {
        file: PathBuf,
        #[arg(long)]
        name: String,
        #[arg(long, value_enum)]
        kind: ChannelKind,
        #[arg(long)]
        id: Option<String>,
        #[arg(long, default_value = "")]
        description: String,
        /// How many people one cohort can serve.
        #[arg(long)]
        capacity: Option<i64>,
        /// How many cohorts run a year (one when left out).
        #[arg(long)]
        cohorts_per_year: Option<i64>,
        #[arg(long)]
        cost: Option<f64>,
        /// What the cost is counted per.
        #[arg(long, value_enum)]
        cost_basis: Option<CostBasis>,
        /// Learner hours per person.
        #[arg(long)]
        hours: Option<f64>,
        /// Level evaluated: 0 none, 1 reaction, 2 learning, 3 behaviour, 4 results, 5 return on investment.
        #[arg(long, default_value_t = 0)]
        evaluation_level: i64,
    },
}

/// Items are named by id, or by name when the name is unique.
#[derive(Subcommand)]
pub enum LinkCommand {
    /// A role requires a competency at a target level.
    Requires {
        file: PathBuf,
        role: String,
        competency: String,
        #[arg(long)]
        target: i64,
        #[arg(long)]
        current: Option<i64>,
        #[arg(long, value_enum, default_value = "medium")]
        criticality: Criticality,
    },
    /// A channel develops a competency at one or more stages (default: the channel kind's usual stage).
    Develops {
        file: PathBuf,
        channel: String,
        competency: String,
        /// A stage; repeat the flag or give a comma list for several (`--stage practice,feedback`).
        #[arg(long = "stage", value_enum, value_delimiter = ',', action = clap::ArgAction::Append)]
        stages: Vec<Stage>,
    },
    /// A channel reaches the people in a role.
    Reaches { file: PathBuf, channel: String, role: String },
    /// Learners meet channel TO after channel FROM.
    Follows { file: PathBuf, from: String, to: String },
    /// COMPETENCY builds on REQUIRES.
    Prerequisite { file: PathBuf, competency: String, requires: String },
}

#[derive(Subcommand)]
pub enum RemoveCommand {
    /// Remove a role and its links.
    Role { file: PathBuf, item: String },
    /// Remove a competency and its links.
    Competency { file: PathBuf, item: String },
    /// Remove a channel and its links.
    Channel { file: PathBuf, item: String },
    /// Remove a requires link.
    Requires(LinkEnds),
    /// Remove a develops link.
    Develops(LinkEnds),
    /// Remove a reaches link (CHANNEL ROLE).
    Reaches(LinkEnds),
    /// Remove a follows link (FROM TO).
    Follows(LinkEnds),
    /// Remove a prerequisite link (COMPETENCY REQUIRES).
    Prerequisite(LinkEnds),
}

#[derive(Args)]
pub struct LinkEnds {
    pub file: PathBuf,
    pub from: String,
    pub to: String,
}
