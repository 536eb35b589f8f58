//! The studio's own tasks: the end-to-end test in a real window (tauri-driver under Xvfb), the
//! installable bundle (.deb), and the studio benchmark (`cargo xtask bench-studio`).

use super::deps::deps;
use super::process::{cargo_bin, run_cmd, start_xvfb, which, Stopper};
use super::{build_studio, build_ui, step, Result, Workspace};
use std::fs;
use std::path::PathBuf;
use std::process::Command;

/// The tauri-driver the end-to-end test talks to: the 2.x line (3.0 is an alpha).
const TAURI_DRIVER_VERSION: &str = "^2";
/// The packages `cargo xtask bundle` builds on Linux (the Windows and macOS ones build on those systems).
const BUNDLES: &str = "deb";

/// tauri-driver on PATH or in Cargo's bin folder, installed with `cargo install` when missing.
fn tauri_driver() -> Result<PathBuf> {
    let in_cargo_bin = cargo_bin("tauri-driver");
    if let Some(found) = which("tauri-driver").or_else(|| in_cargo_bin.clone().filter(|p| p.is_file())) {
        return Ok(found);
    }
    step(&format!("deps: cargo install tauri-driver --version {TAURI_DRIVER_VERSION} --locked"), || {
        let mut cmd = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()));
        // Its own target folder: the workspace's profile and features have nothing to do with it.
        cmd.args(["install", "tauri-driver", "--version", TAURI_DRIVER_VERSION, "--locked"])
            .env_remove("CARGO_TARGET_DIR");
        run_cmd(&mut cmd)
    })?;
    which("tauri-driver").or(in_cargo_bin).ok_or_else(|| "tauri-driver was installed but is not on PATH".into())
}

/// Runs one of the studio's WebDriver test files under its own Xvfb with the env it needs.
fn under_xvfb(ws: &Workspace, test: &str, env: &[(&str, &str)]) -> Result {
    let driver = tauri_driver()?;
    let shots = ws.target.join("screenshots");
    fs::create_dir_all(&shots).map_err(|e| format!("{}: {e}", shots.display()))?;
    let (xvfb, display) = start_xvfb(&shots.join(format!("xvfb-{test}.log")))?;
    // The same packages, features and --tests as build_studio: Cargo reuses that build.
    let mut cmd = ws.cargo(&[
        "test",
        "-p",
        "trellis-studio",
        "-p",
        "trellis",
        "-p",
        "trellis-cli",
        "--features",
        "trellis-studio/custom-protocol",
        "--test",
        test,
        "--",
        "--nocapture",
    ]);
    cmd.env("DISPLAY", &display)
        .env("WEBKIT_DISABLE_COMPOSITING_MODE", "1")
        .env("TAURI_DRIVER", &driver)
        .env("TRELLIS_SCREENSHOTS", &shots);
    for (k, v) in env {
        cmd.env(k, v);
    }
    let result = run_cmd(&mut cmd);
    drop::<Stopper>(xvfb);
    result
}

/// The end-to-end test in the real window (src-tauri/tests/e2e.rs); screenshots in target/screenshots/.
pub fn e2e(ws: &Workspace) -> Result {
    step("e2e: the studio in a real window (tauri-driver + WebKitWebDriver under Xvfb)", || {
        under_xvfb(ws, "e2e", &[("TRELLIS_E2E", "1")])
    })
}

/// `cargo xtask bench-studio`: cold start, idle memory, and the 3,000-role map (src-tauri/tests/studio_bench.rs).
pub fn bench(ws: &Workspace) -> Result {
    deps(ws)?;
    build_ui(ws)?;
    build_studio(ws)?;
    step("bench-studio: cold start, idle RSS, a 3,000-role engagement's map", || {
        run_cmd(&mut ws.cargo(&["build", "-p", "trellis-studio", "--example", "webkit_floor"]))?;
        let floor = ws.target.join("debug/examples/webkit_floor");
        under_xvfb(ws, "studio_bench", &[("TRELLIS_BENCH", "1"), ("TRELLIS_WEBKIT_FLOOR", &floor.to_string_lossy())])
    })
}

/// `cargo xtask bundle`: the release build packaged by the Tauri bundler (npm's @tauri-apps/cli in ui/).
pub fn bundle(ws: &Workspace) -> Result {
    deps(ws)?;
    build_ui(ws)?;
    step(&format!("bundle: tauri build --bundles {BUNDLES}"), || {
        let cli = ws.ui().join("node_modules/.bin/tauri");
        let mut cmd = Command::new(&cli);
        // From the repository root the CLI finds src-tauri/tauri.conf.json; ui/dist is already built.
        cmd.args(["build", "--bundles", BUNDLES, "--ci"]).current_dir(&ws.root);
        run_cmd(&mut cmd)
    })?;
    let out = ws.target.join("release/bundle/deb");
    let debs: Vec<PathBuf> = fs::read_dir(&out)
        .map_err(|e| format!("{}: {e}", out.display()))?
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "deb"))
        .collect();
    match debs.as_slice() {
        [] => Err(format!("no .deb in {}", out.display())),
        found => {
            for deb in found {
                println!("    built {}", deb.display());
            }
            Ok(())
        }
    }
}
