//! `cargo xtask fuzz [SECONDS]`: every cargo-fuzz target of fuzz/ for SECONDS on nightly, with
//! the nightly toolchain and cargo-fuzz installed when missing; fails if a target crashes.

use super::process::{capture, cargo_bin, mtime, run_cmd, which};
use super::{step, Result, Workspace, USAGE};
use std::collections::BTreeSet;
use std::fs;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::SystemTime;

/// How long each target runs when the task is given no SECONDS.
const DEFAULT_SECONDS: u64 = 60;

/// `cargo xtask fuzz [SECONDS]`: runs every target, one after the other, even when one fails.
pub fn run(ws: &Workspace, rest: &[String]) -> Result {
    let seconds = seconds(rest)?;
    step("deps: a nightly toolchain", nightly)?;
    step("deps: cargo-fuzz", cargo_fuzz)?;
    let dir = ws.root.join("fuzz");
    let targets = step("fuzz: cargo +nightly fuzz list", || {
        let listed = capture(cargo_nightly(&dir).args(["fuzz", "list"]))?;
        let targets: Vec<String> = listed.split_whitespace().map(str::to_owned).collect();
        if targets.is_empty() {
            return Err("no fuzz targets in fuzz/Cargo.toml".into());
        }
        println!("    {}", targets.join(" "));
        Ok(targets)
    })?;
    let width = targets.iter().map(String::len).max().unwrap_or(0);
    let mut verdicts = Vec::new();
    let mut failures = Vec::new();
    for target in &targets {
        let artifacts = dir.join("artifacts").join(target);
        // By time, not by name: a crash found again is written again under the same name.
        let started = SystemTime::now();
        let result = step(&format!("fuzz: {target} for {seconds} s"), || fuzz(&dir, target, seconds));
        let Err(e) = result else {
            verdicts.push(format!("{target:width$}  ok"));
            continue;
        };
        let found: Vec<String> =
            written_since(&artifacts, started).iter().map(|name| format!("fuzz/artifacts/{target}/{name}")).collect();
        match found.first() {
            None => {
                verdicts.push(format!("{target:width$}  FAILED, without a crash artifact: see its output above"));
                failures.push(e);
            }
            Some(first) => {
                verdicts.push(format!("{target:width$}  CRASH: {}", found.join(", ")));
                let replay = first.trim_start_matches("fuzz/");
                failures.push(format!(
                    "{target} crashed: {} (replay: cd fuzz && cargo +nightly fuzz run {target} {replay})",
                    found.join(", ")
                ));
            }
        }
    }
    println!("\n==> fuzz: results, {seconds} s a target");
    for verdict in &verdicts {
        println!("    {verdict}");
    }
    match failures.as_slice() {
        [] => Ok(()),
        [one] => Err(one.clone()),
        many => Err(many.iter().map(|e| format!("\n  {e}")).collect()),
    }
}

/// SECONDS, the task's one optional argument.
fn seconds(rest: &[String]) -> Result<u64> {
    match rest {
        [] => Ok(DEFAULT_SECONDS),
        [s] => match s.parse() {
            Ok(n) if n > 0 => Ok(n),
            _ => Err(format!("SECONDS must be a whole number above 0, not `{s}`\n\n{USAGE}")),
        },
        _ => Err(format!("unexpected arguments: {}\n\n{USAGE}", rest[1..].join(" "))),
    }
}

fn nightly() -> Result {
    if which("rustup").is_none() {
        return Err("rustup not found: fuzzing needs a nightly toolchain, installed with rustup (rustup.rs)".into());
    }
    let version = || capture(Command::new("rustup").args(["run", "nightly", "rustc", "--version"]));
    if version().is_err() {
        println!("    missing: installing it");
        run_cmd(Command::new("rustup").args(["toolchain", "install", "nightly", "--profile", "minimal"]))?;
    }
    println!("    {}", version()?.trim());
    Ok(())
}

fn cargo_fuzz() -> Result {
    if which("cargo-fuzz").or_else(|| cargo_bin("cargo-fuzz").filter(|p| p.is_file())).is_none() {
        println!("    missing: installing it");
        let mut cmd = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()));
        // Its own target folder: the workspace's profile and features have nothing to do with it.
        cmd.args(["install", "cargo-fuzz", "--locked"]).env_remove("CARGO_TARGET_DIR");
        run_cmd(&mut cmd)?;
    }
    // As the runs below call it: through rustup's cargo, on nightly.
    println!("    {}", capture(Command::new("cargo").args(["+nightly", "fuzz", "--version"]))?.trim());
    Ok(())
}

/// rustup's `cargo` (the one that takes `+nightly`) in fuzz/, building in fuzz's own target
/// folder (fuzz/target): the fuzz builds (nightly, sanitizers) never mix with the workspace's.
fn cargo_nightly(dir: &Path) -> Command {
    let mut cmd = Command::new("cargo");
    cmd.arg("+nightly").current_dir(dir).env_remove("CARGO_TARGET_DIR");
    cmd
}

/// Runs one target. It reads the committed corpus, fuzz/corpus/TARGET, and writes what it
/// finds to fuzz/target/corpus/TARGET, so that the committed one only changes by hand (see
/// docs/testing.md); a crash leaves its input in fuzz/artifacts/TARGET/.
fn fuzz(dir: &Path, target: &str, seconds: u64) -> Result {
    let grown = format!("target/corpus/{target}");
    fs::create_dir_all(dir.join(&grown)).map_err(|e| format!("fuzz/{grown}: {e}"))?;
    let mut cmd = cargo_nightly(dir);
    cmd.args(["fuzz", "run", target, &grown, &format!("corpus/{target}")])
        .args(["--", &format!("-max_total_time={seconds}")])
        .stdin(Stdio::null());
    run_cmd(&mut cmd)
}

/// The names of the files in `dir` written since `since`, sorted; none when `dir` does not exist.
fn written_since(dir: &Path, since: SystemTime) -> BTreeSet<String> {
    let Ok(entries) = fs::read_dir(dir) else { return BTreeSet::new() };
    entries
        .flatten()
        .filter(|e| mtime(&e.path()).is_some_and(|t| t >= since))
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seconds_default_to_a_minute_and_must_be_positive() {
        assert_eq!(seconds(&[]), Ok(60));
        assert_eq!(seconds(&["5".into()]), Ok(5));
        assert!(seconds(&["0".into()]).is_err());
        assert!(seconds(&["5s".into()]).is_err());
        assert!(seconds(&["5".into(), "6".into()]).unwrap_err().starts_with("unexpected arguments: 6"));
    }
}
