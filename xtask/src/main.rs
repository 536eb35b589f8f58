//! The project's task runner, `cargo xtask TASK` (the tasks are listed in USAGE): reads the
//! command line, dispatches the tasks, and holds the steps they share; each task's own work is
//! in a module.

use process::{capture, mtime, newest_mtime, run_cmd};
use std::fs;
use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, ExitCode};
use std::time::Instant;

mod deps;
mod fuzz;
mod process;
mod smoke;
mod studio;

const USAGE: &str = "\
usage: cargo xtask TASK

tasks:
  deps    install what is missing: Debian packages (as root, via apt-get) and ui/node_modules (npm ci)
  test    deps, build and test the UI, fmt, clippy, cargo test, build the benches, a desktop smoke test,
          then the studio end to end in a real window (tauri-driver)
  smoke   deps, build the UI and the studio, then only the desktop smoke test
  run     deps, build the UI and the studio, then open the studio on a fresh demo engagement
  bench   run the core's criterion benchmarks (extra arguments go to `cargo bench`)
  bench-studio  the studio's cold start, idle memory and a 3,000-role map, under Xvfb
  bundle  build the studio's installable package (.deb here) with the Tauri bundler
  fuzz [SECONDS]  run each fuzz target of fuzz/ for SECONDS (default 60) with cargo-fuzz on nightly,
          installing both when missing; fails if one crashes (its input is then in fuzz/artifacts/)
";

type Result<T = (), E = String> = std::result::Result<T, E>;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(task) = args.first().map(String::as_str) else {
        eprint!("{USAGE}");
        return ExitCode::from(2);
    };
    let rest = &args[1..];
    let started = Instant::now();
    let result = Workspace::locate().and_then(|ws| match task {
        "deps" => no_args(rest).and_then(|()| deps::deps(&ws)),
        "test" => no_args(rest).and_then(|()| test(&ws)),
        "smoke" => no_args(rest).and_then(|()| smoke_only(&ws)),
        "run" => no_args(rest).and_then(|()| run(&ws)),
        "bench" => bench(&ws, rest),
        "bench-studio" => no_args(rest).and_then(|()| studio::bench(&ws)),
        "bundle" => no_args(rest).and_then(|()| studio::bundle(&ws)),
        "fuzz" => fuzz::run(&ws, rest),
        "help" | "-h" | "--help" => {
            print!("{USAGE}");
            Ok(())
        }
        other => Err(format!("unknown task `{other}`\n\n{USAGE}")),
    });
    match result {
        Ok(()) => {
            println!("\nxtask {task}: ok in {}", elapsed(started));
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("\nxtask {task}: FAILED after {}: {e}", elapsed(started));
            ExitCode::FAILURE
        }
    }
}

fn no_args(rest: &[String]) -> Result {
    match rest {
        [] => Ok(()),
        _ => Err(format!("unexpected arguments: {}\n\n{USAGE}", rest.join(" "))),
    }
}

/// Where things are: the repository and Cargo's target directory (CARGO_TARGET_DIR is honoured).
struct Workspace {
    root: PathBuf,
    target: PathBuf,
    cargo: String,
}

impl Workspace {
    /// Asks Cargo at run time: a path compiled in (`env!`) would be stale when another checkout
    /// shares the target directory.
    fn locate() -> Result<Workspace> {
        let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
        let out = capture(Command::new(&cargo).args(["metadata", "--format-version", "1", "--no-deps"]))?;
        let field = |name: &str| {
            json_string_after(&out, &format!("\"{name}\":"))
                .map(PathBuf::from)
                .ok_or(format!("no {name} in `cargo metadata` output"))
        };
        Ok(Workspace { root: field("workspace_root")?, target: field("target_directory")?, cargo })
    }

    fn ui(&self) -> PathBuf {
        self.root.join("ui")
    }

    fn cargo(&self, args: &[&str]) -> Command {
        let mut cmd = Command::new(&self.cargo);
        cmd.args(args).current_dir(&self.root);
        cmd
    }

    fn bin(&self, name: &str) -> PathBuf {
        self.target.join("debug").join(name)
    }
}

// ---------------------------------------------------------------------------------------------
// Tasks

fn test(ws: &Workspace) -> Result {
    deps::deps(ws)?;
    build_ui(ws)?;
    step("ui: npm test", || run_cmd(Command::new("npm").arg("test").current_dir(ws.ui())))?;
    step("cargo fmt --all -- --check", || run_cmd(&mut ws.cargo(&["fmt", "--all", "--", "--check"])))?;
    // The studio is checked and tested with the feature it ships with, so that the smoke test's
    // build below reuses the same Tauri build instead of compiling it a second time.
    step("cargo clippy --workspace --all-targets -- -D warnings", || {
        run_cmd(&mut ws.cargo(&[
            "clippy",
            "--workspace",
            "--all-targets",
            "--features",
            "trellis-studio/custom-protocol",
            "--",
            "-D",
            "warnings",
        ]))
    })?;
    // --no-fail-fast: every test binary runs, so one failure does not hide the others.
    step("cargo test --workspace", || {
        run_cmd(&mut ws.cargo(&[
            "test",
            "--workspace",
            "--no-fail-fast",
            "--features",
            "trellis-studio/custom-protocol",
        ]))
    })?;
    step("cargo bench --workspace --no-run", || run_cmd(&mut ws.cargo(&["bench", "--workspace", "--no-run"])))?;
    build_and_smoke(ws)?;
    studio::e2e(ws)
}

fn smoke_only(ws: &Workspace) -> Result {
    deps::deps(ws)?;
    build_ui(ws)?;
    build_and_smoke(ws)
}

fn build_and_smoke(ws: &Workspace) -> Result {
    build_studio(ws)?;
    step("smoke: the studio opens a demo engagement", || smoke::run(ws))
}

fn bench(ws: &Workspace, rest: &[String]) -> Result {
    step("cargo bench -p trellis", || run_cmd(ws.cargo(&["bench", "-p", "trellis"]).args(rest)))
}

/// A fresh demo engagement, opened in the studio, which replaces this process.
fn run(ws: &Workspace) -> Result {
    deps::deps(ws)?;
    build_ui(ws)?;
    build_studio(ws)?;
    let demo_dir = ws.target.join("demo");
    let demo = demo_dir.join("demo.trellis");
    step(&format!("demo: trellis new {} --template demo", demo.display()), || {
        fs::create_dir_all(&demo_dir).map_err(|e| format!("{}: {e}", demo_dir.display()))?;
        for suffix in ["", "-wal", "-shm", "-journal"] {
            let old = demo_dir.join(format!("demo.trellis{suffix}"));
            if old.exists() {
                fs::remove_file(&old).map_err(|e| format!("{}: {e}", old.display()))?;
            }
        }
        run_cmd(Command::new(ws.bin("trellis")).arg("new").arg(&demo).args(["--template", "demo"]))
    })?;
    if std::env::var_os("DISPLAY").is_none() && std::env::var_os("WAYLAND_DISPLAY").is_none() {
        return Err("no DISPLAY or WAYLAND_DISPLAY: run it in a desktop session, or under `xvfb-run`".into());
    }
    let studio = ws.bin("trellis-studio");
    println!("\n==> launching {} {}", studio.display(), demo.display());
    flush();
    let mut cmd = Command::new(&studio);
    cmd.arg(&demo);
    #[cfg(unix)]
    {
        use std::os::unix::process::CommandExt;
        let e = cmd.exec();
        Err(format!("{}: {e}", studio.display()))
    }
    #[cfg(not(unix))]
    run_cmd(&mut cmd)
}

// ---------------------------------------------------------------------------------------------
// Steps shared by the tasks

/// Prints the step's name as it starts and how long it took as it ends.
fn step<T>(name: &str, f: impl FnOnce() -> Result<T>) -> Result<T> {
    println!("\n==> {name}");
    flush();
    let started = Instant::now();
    let result = f();
    match &result {
        Ok(_) => println!("    ok ({})", elapsed(started)),
        Err(_) => println!("    FAILED ({})", elapsed(started)),
    }
    flush();
    result.map_err(|e| format!("{name}: {e}"))
}

/// Builds ui/dist unless it is newer than every UI source: the studio embeds ui/dist, so
/// rewriting it would make Cargo rebuild the studio for nothing.
fn build_ui(ws: &Workspace) -> Result {
    step("ui: npm run build", || {
        let ui = ws.ui();
        let sources = newest_mtime(&ui, &["node_modules", "dist"]);
        match (mtime(&ui.join("dist/index.html")), sources) {
            (Some(built), Some(sources)) if built >= sources => {
                println!("    ui/dist is newer than the UI sources; not rebuilt");
                Ok(())
            }
            _ => run_cmd(Command::new("npm").args(["run", "build"]).current_dir(&ui)),
        }
    })
}

/// Builds the studio (with the UI embedded) and the `trellis` CLI (package `trellis-cli`).
///
/// `--tests` makes Cargo resolve features as `cargo test` does. The core's dev-dependencies turn
/// on more features of shared crates (serde_json, indexmap, bitflags, uuid...); without it the
/// whole GTK, WebKit and Tauri stack, and the core, would be compiled a second time (minutes on
/// two cores) with the other feature set. The test targets themselves are already built by
/// `cargo test`.
fn build_studio(ws: &Workspace) -> Result {
    step("cargo build -p trellis-studio --features custom-protocol (and the trellis CLI)", || {
        run_cmd(&mut ws.cargo(&[
            "build",
            "-p",
            "trellis-studio",
            "-p",
            "trellis",
            "-p",
            "trellis-cli",
            "--features",
            "trellis-studio/custom-protocol",
            "--bins",
            "--tests",
        ]))
    })
}

// ---------------------------------------------------------------------------------------------
// Small helpers

/// The JSON string value that follows `key` (e.g. `"name":`) in `text`, unescaped.
fn json_string_after(text: &str, key: &str) -> Option<String> {
    let rest = &text[text.find(key)? + key.len()..];
    let mut chars = rest.trim_start().strip_prefix('"')?.chars();
    let mut value = String::new();
    loop {
        match chars.next()? {
            '"' => return Some(value),
            '\\' => match chars.next()? {
                'n' => value.push('\n'),
                't' => value.push('\t'),
                'r' => value.push('\r'),
                'b' => value.push('\u{8}'),
                'f' => value.push('\u{c}'),
                'u' => {
                    let hex: String = chars.by_ref().take(4).collect();
                    let unit = u32::from_str_radix(&hex, 16).ok()?;
                    if (0xd800..0xdc00).contains(&unit) {
                        let low: String = chars.by_ref().skip(2).take(4).collect();
                        let low = u32::from_str_radix(&low, 16).ok()?;
                        value.push(char::from_u32(0x10000 + ((unit - 0xd800) << 10) + (low - 0xdc00))?);
                    } else {
                        value.push(char::from_u32(unit)?);
                    }
                }
                c => value.push(c),
            },
            c => value.push(c),
        }
    }
}

fn elapsed(since: Instant) -> String {
    format!("{:.1} s", since.elapsed().as_secs_f64())
}

fn flush() {
    let _ = std::io::stdout().flush();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_strings_are_unescaped() {
        let text = r#"{"a": 1, "name": "Caf\u00e9 \"Nord\" \\ \ud83c\udf3f", "x": "y"}"#;
        assert_eq!(json_string_after(text, "\"name\":").unwrap(), "Café \"Nord\" \\ 🌿");
        assert_eq!(json_string_after(text, "\"missing\":"), None);
    }
}
