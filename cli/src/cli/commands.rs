//! One function per `trellis` subcommand: open a session, call the api, print the result.

use super::args::{AddCommand, Command, LinkCommand, RemoveCommand};
use std::io::Write;
use std::path::Path;
use trellis::api::{self, Session};
use trellis::model::{Channel, Competency, Develops, Edit, Follows, Prerequisite, Reaches, Requires, Role};
use trellis::{Error, Result};

fn write(out: &mut dyn Write, text: &str) -> Result<()> {
    out.write_all(text.as_bytes()).map_err(|e| Error::Io { path: "<stdout>".into(), source: e })
}

/// Runs one subcommand; returns the exit code for outcomes that are not errors (e.g. a failed check).
pub fn dispatch(command: Command, today: &str, out: &mut dyn Write) -> Result<i32> {
    match command {
        Command::New { file, template, client, date } => {
            let session = Session::create(&file, &template, client.as_deref(), date.as_deref().unwrap_or(today))?;
            eprintln!("created {} from template `{template}`", session.path().display());
        }
        Command::Templates => {
            for t in api::templates() {
                write(out, &format!("{:<20} {}\n", t.name, t.summary))?;
            }
        }
        Command::Info { file, json } => {
            let info = Session::open(&file)?.info();
            if json {
                write(out, &(serde_json::to_string_pretty(&info).expect("info serialises") + "\n"))?;
            } else {
                write(out, &info_text(&info))?;
            }
        }
        Command::Import(args) => super::interop::import(args)?,
        Command::Export(args) => super::interop::export(args, out)?,
        Command::Check { file } => {
            let report = Session::open(&file)?.check()?;
            for p in &report.integrity {
                write(out, &format!("integrity: {p}\n"))?;
            }
            for p in &report.validation {
                write(out, &format!("model: {p}\n"))?;
            }
            for w in &report.warnings {
                write(out, &format!("warning: {w}\n"))?;
            }
            if !report.is_sound() {
                eprintln!("{}: {} problem(s)", file.display(), report.integrity.len() + report.validation.len());
                return Ok(1);
            }
            eprintln!("{}: ok", file.display());
        }
        Command::Add(add) => add_item(add, out)?,
        Command::Link(link) => link_items(link)?,
        Command::Remove(remove) => remove_item(remove)?,
        Command::Diagnose(args) => super::diagnose::diagnose(args, out)?,
        Command::Dispose(args) => super::diagnose::dispose(args)?,
        Command::Finding(cmd) => super::diagnose::finding(cmd, out)?,
        Command::Summary(args) => super::diagnose::summary(args, out)?,
        Command::Answer(args) => super::diagnose::answer(args)?,
        Command::Bank(cmd) => super::diagnose::bank(cmd, out)?,
        Command::Settings(args) => super::diagnose::settings(args, out)?,
        Command::Blueprint(args) => super::blueprint::blueprint(args, today)?,
        Command::Workshop(args) => super::workshop::workshop(args, out)?,
    }
    Ok(0)
}

fn info_text(info: &api::Info) -> String {
    let e = &info.engagement;
    let c = &info.counts;
    let mut s = format!(
        "Engagement    {}\nClient        {}\nConsultant    {}\nCreated       {}\nScale         {}..{}\nTarget mix    {} experiential / {} social / {} formal\n\n",
        e.name, e.client, e.consultant, e.created, e.scale.min, e.scale.max,
        e.target_mix.experiential, e.target_mix.social, e.target_mix.formal
    );
    for (k, v) in [
        ("roles", c.roles),
        ("competencies", c.competencies),
        ("channels", c.channels),
        ("requires", c.requires),
        ("develops", c.develops),
        ("reaches", c.reaches),
        ("follows", c.follows),
        ("prerequisites", c.prerequisites),
        ("responses", c.responses),
    ] {
        s.push_str(&format!("{k:<14}{v}\n"));
    }
    s
}

fn add_item(add: AddCommand, out: &mut dyn Write) -> Result<()> {
    let file: &Path = match &add {
        AddCommand::Role { file, .. } | AddCommand::Competency { file, .. } | AddCommand::Channel { file, .. } => file,
    };
    let mut session = Session::open(file)?;
    // An id not given is empty: `add_item` makes a fresh one, and refuses one already taken.
    let edit = match add {
        AddCommand::Role { id, name, description, group, headcount, refs, .. } => {
            Edit::PutRole(Role { id: id.unwrap_or_default(), name, description, group, headcount, refs })
        }
        AddCommand::Competency { id, name, description, category, parent, refs, .. } => {
            let parent = parent.map(|p| session.resolve_competency(&p)).transpose()?;
            Edit::PutCompetency(Competency { id: id.unwrap_or_default(), name, description, category, parent, refs })
        }
        AddCommand::Channel {
            id,
            name,
            kind,
            description,
            capacity,
            cohorts_per_year,
            cost,
            cost_basis,
            hours,
            evaluation_level,
            ..
        } => Edit::PutChannel(Channel {
            id: id.unwrap_or_default(),
            name,
            kind,
            description,
            capacity,
            cohorts_per_year,
            cost,
            cost_basis,
            hours,
            evaluation_level,
        }),
    };
    let id = session.add_item(edit)?;
    write(out, &format!("{id}\n"))
}

fn link_items(link: LinkCommand) -> Result<()> {
    let file = match &link {
        LinkCommand::Requires { file, .. }
        | LinkCommand::Develops { file, .. }
        | LinkCommand::Reaches { file, .. }
        | LinkCommand::Follows { file, .. }
        | LinkCommand::Prerequisite { file, .. } => file.clone(),
    };
    let mut s = Session::open(&file)?;
    let edit = match link {
        LinkCommand::Requires { role, competency, target, current, criticality, .. } => Edit::PutRequires(Requires {
            role: s.resolve_role(&role)?,
            competency: s.resolve_competency(&competency)?,
            target_level: target,
            current_level: current,
            criticality,
        }),
        LinkCommand::Develops { channel, competency, mut stages, .. } => {
            let channel = s.resolve_channel(&channel)?;
            let kind = s.model().channel(&channel).map(|c| c.kind).expect("resolved channels exist");
            if stages.is_empty() {
                stages.push(kind.default_stage());
            }
            Edit::PutDevelops(Develops { channel, competency: s.resolve_competency(&competency)?, stages })
        }
        LinkCommand::Reaches { channel, role, .. } => {
            Edit::AddReaches(Reaches { channel: s.resolve_channel(&channel)?, role: s.resolve_role(&role)? })
        }
        LinkCommand::Follows { from, to, .. } => {
            Edit::AddFollows(Follows { from: s.resolve_channel(&from)?, to: s.resolve_channel(&to)? })
        }
        LinkCommand::Prerequisite { competency, requires, .. } => Edit::AddPrerequisite(Prerequisite {
            competency: s.resolve_competency(&competency)?,
            requires: s.resolve_competency(&requires)?,
        }),
    };
    s.apply(edit)
}

fn remove_item(remove: RemoveCommand) -> Result<()> {
    let file = match &remove {
        RemoveCommand::Role { file, .. }
        | RemoveCommand::Competency { file, .. }
        | RemoveCommand::Channel { file, .. } => file.clone(),
        RemoveCommand::Requires(e)
        | RemoveCommand::Develops(e)
        | RemoveCommand::Reaches(e)
        | RemoveCommand::Follows(e)
        | RemoveCommand::Prerequisite(e) => e.file.clone(),
    };
    let mut s = Session::open(&file)?;
    // `apply_edit` refuses a link that is not there, for the studio's forms as for this command.
    let edit = match remove {
        RemoveCommand::Role { item, .. } => Edit::RemoveRole { id: s.resolve_role(&item)? },
        RemoveCommand::Competency { item, .. } => Edit::RemoveCompetency { id: s.resolve_competency(&item)? },
        RemoveCommand::Channel { item, .. } => Edit::RemoveChannel { id: s.resolve_channel(&item)? },
        RemoveCommand::Requires(e) => {
            Edit::RemoveRequires { role: s.resolve_role(&e.from)?, competency: s.resolve_competency(&e.to)? }
        }
        RemoveCommand::Develops(e) => {
            Edit::RemoveDevelops { channel: s.resolve_channel(&e.from)?, competency: s.resolve_competency(&e.to)? }
        }
        RemoveCommand::Reaches(e) => {
            Edit::RemoveReaches(Reaches { channel: s.resolve_channel(&e.from)?, role: s.resolve_role(&e.to)? })
        }
        RemoveCommand::Follows(e) => {
            Edit::RemoveFollows(Follows { from: s.resolve_channel(&e.from)?, to: s.resolve_channel(&e.to)? })
        }
        RemoveCommand::Prerequisite(e) => Edit::RemovePrerequisite(Prerequisite {
            competency: s.resolve_competency(&e.from)?,
            requires: s.resolve_competency(&e.to)?,
        }),
    };
    s.apply_edit(edit).map(|_| ())
}
