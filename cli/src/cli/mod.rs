//! The command line: argument definitions in `args`, one function per subcommand in `commands`,
//! and in `failure` how an error is told and which exit status it gets.

mod args;
mod blueprint;
mod commands;
mod diagnose;
mod failure;
mod interop;
mod workshop;

use clap::Parser;
use std::io::Write;

/// Runs the command line and returns the exit status (`failure.rs` says which error gets which).
pub fn run() -> i32 {
    let cli = args::Cli::parse();
    let today = time::OffsetDateTime::now_utc().date();
    let stdout = std::io::stdout();
    // Block-buffered: large outputs (a diagnosis of 200,000 findings) go out in big writes.
    let mut out = std::io::BufWriter::with_capacity(1 << 16, stdout.lock());
    let result = commands::dispatch(cli.command, &today.to_string(), &mut out);
    let _ = out.flush();
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {}", failure::message(&e));
            failure::exit_status(&e)
        }
    }
}
