//! What the tasks need installed: the Debian packages (with apt-get, as root or through sudo)
//! and the UI's npm packages (`npm ci` when ui/package-lock.json is newer than ui/node_modules).

use super::process::{mtime, run_cmd, which};
use super::{step, Result, Workspace};
use std::process::{Command, Stdio};

/// Debian packages the build, the tests and the smoke test need (Tauri's Linux prerequisites and more).
const APT_PACKAGES: &[&str] = &[
    "libwebkit2gtk-4.1-dev",
    "build-essential",
    "curl",
    "wget",
    "file",
    "libxdo-dev",
    "libssl-dev",
    "libayatana-appindicator3-dev",
    "librsvg2-dev",
    "xvfb",
    "xauth",
    "webkit2gtk-driver",
    "poppler-utils",
    "qpdf",
    // xwininfo, to see the studio's window appear.
    "x11-utils",
    // import, to take screenshots (and convert, for the e2e test's logo).
    "imagemagick",
    // The e2e test answers the studio's native file dialogs from the keyboard.
    "xdotool",
    // Headless Chromium and its WebDriver, for the workshop's phone page test (tests/it/workshop_page.rs).
    "chromium",
    "chromium-driver",
];

/// `cargo xtask deps`, and the first step of the tasks that build.
pub fn deps(ws: &Workspace) -> Result {
    step("deps: Debian packages", system_packages)?;
    step("deps: ui/node_modules", || node_modules(ws))
}

fn system_packages() -> Result {
    if which("dpkg-query").is_none() || which("apt-get").is_none() {
        println!("    not Debian or Ubuntu: make sure the equivalents of these are installed:");
        println!("    {}", APT_PACKAGES.join(" "));
        return Ok(());
    }
    let missing: Vec<&str> = APT_PACKAGES.iter().copied().filter(|p| !dpkg_installed(p)).collect();
    if missing.is_empty() {
        println!("    all {} present", APT_PACKAGES.len());
        return Ok(());
    }
    println!("    missing: {}", missing.join(" "));
    let as_root = |args: &[&str]| -> Command {
        let mut cmd = if is_root() {
            Command::new(args[0])
        } else {
            let mut sudo = Command::new("sudo");
            sudo.arg("--non-interactive").arg(args[0]);
            sudo
        };
        cmd.args(&args[1..]).env("DEBIAN_FRONTEND", "noninteractive").stdin(Stdio::null());
        cmd
    };
    if !is_root() && which("sudo").is_none() {
        return Err(format!("not root and no sudo: install as root: apt-get install {}", missing.join(" ")));
    }
    run_cmd(&mut as_root(&["apt-get", "update"]))?;
    let mut install = vec!["apt-get", "install", "-y"];
    install.extend(&missing);
    run_cmd(&mut as_root(&install))
}

fn dpkg_installed(package: &str) -> bool {
    Command::new("dpkg-query")
        .args(["-W", "-f=${Status}", package])
        .stderr(Stdio::null())
        .output()
        .is_ok_and(|out| out.status.success() && out.stdout == b"install ok installed")
}

fn is_root() -> bool {
    Command::new("id").arg("-u").output().is_ok_and(|out| out.stdout.trim_ascii() == b"0")
}

fn node_modules(ws: &Workspace) -> Result {
    if which("npm").is_none() {
        return Err("npm not found: install Node.js 20.19 or later with npm (Vite 8 needs it)".into());
    }
    let ui = ws.ui();
    let lock = mtime(&ui.join("package-lock.json")).ok_or("ui/package-lock.json is missing")?;
    // npm rewrites node_modules/.package-lock.json on every install: it dates the tree.
    let installed = mtime(&ui.join("node_modules/.package-lock.json")).or_else(|| mtime(&ui.join("node_modules")));
    match installed {
        Some(installed) if installed >= lock => {
            println!("    up to date with ui/package-lock.json");
            Ok(())
        }
        _ => run_cmd(Command::new("npm").args(["ci", "--no-audit", "--no-fund"]).current_dir(&ui).stdin(Stdio::null())),
    }
}
