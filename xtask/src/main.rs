//! The project's task runner, `cargo xtask deps | test | smoke | run | bench`: installs, checks, smoke-tests, launches.

use std::ffi::OsStr;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitCode, Stdio};
use std::thread::sleep;
use std::time::{Duration, Instant, SystemTime};

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
";

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
    // import, to take screenshots.
    "imagemagick",
    // Headless Chromium and its WebDriver, for the workshop's phone page test (tests/workshop_page.rs).
    "chromium",
    "chromium-driver",
];

/// How long the smoke test waits for the studio's window, then for the page to show the engagement.
const WINDOW_TIMEOUT: Duration = Duration::from_secs(30);
const RENDER_TIMEOUT: Duration = Duration::from_secs(20);

/// Colours of ui/src/style.css that the smoke test looks for: the counts (`--accent`) and the
/// error panel's border (`--danger`).
const ACCENT: [u8; 3] = [0x2f, 0x6b, 0x4f];
const DANGER: [u8; 3] = [0x9b, 0x2c, 0x2c];

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
        "deps" => no_args(rest).and_then(|()| deps(&ws)),
        "test" => no_args(rest).and_then(|()| test(&ws)),
        "smoke" => no_args(rest).and_then(|()| smoke_only(&ws)),
        "run" => no_args(rest).and_then(|()| run(&ws)),
        "bench" => bench(&ws, rest),
        "bench-studio" => no_args(rest).and_then(|()| studio::bench(&ws)),
        "bundle" => no_args(rest).and_then(|()| studio::bundle(&ws)),
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

fn deps(ws: &Workspace) -> Result {
    step("deps: Debian packages", system_packages)?;
    step("deps: ui/node_modules", || node_modules(ws))
}

fn test(ws: &Workspace) -> Result {
    deps(ws)?;
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
    deps(ws)?;
    build_ui(ws)?;
    build_and_smoke(ws)
}

fn build_and_smoke(ws: &Workspace) -> Result {
    build_studio(ws)?;
    step("smoke: the studio opens a demo engagement", || smoke(ws))
}

fn bench(ws: &Workspace, rest: &[String]) -> Result {
    step("cargo bench -p trellis", || run_cmd(ws.cargo(&["bench", "-p", "trellis"]).args(rest)))
}

/// A fresh demo engagement, opened in the studio, which replaces this process.
fn run(ws: &Workspace) -> Result {
    deps(ws)?;
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

/// Builds the studio (with the UI embedded) and the `trellis` CLI.
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
            "--features",
            "trellis-studio/custom-protocol",
            "--bins",
            "--tests",
        ]))
    })
}

// ---------------------------------------------------------------------------------------------
// The desktop smoke test

fn smoke(ws: &Workspace) -> Result {
    let shots = ws.target.join("screenshots");
    fs::create_dir_all(&shots).map_err(|e| format!("{}: {e}", shots.display()))?;
    let tmp = TempDir::new("trellis-smoke")?;
    let file = tmp.0.join("demo.trellis");
    run_cmd(Command::new(ws.bin("trellis")).arg("new").arg(&file).args(["--template", "demo"]))?;
    let info = capture(Command::new(ws.bin("trellis")).arg("info").arg(&file).arg("--json"))?;
    let name = info
        .find("\"engagement\"")
        .and_then(|at| json_string_after(&info[at..], "\"name\":"))
        .ok_or("no engagement name in `trellis info --json`")?;
    println!("    engagement: {name}");

    // Declared before the studio so that it is dropped (stopped) after it, on every path.
    let mut xvfb = None;
    let in_ci = std::env::var("CI").is_ok_and(|v| !v.is_empty() && v != "false" && v != "0");
    let display = match std::env::var("DISPLAY") {
        Ok(d) if !d.is_empty() && !in_ci => {
            println!("    using the existing display {d}");
            d
        }
        _ => {
            let (server, d) = start_xvfb(&shots.join("xvfb.log"))?;
            xvfb = Some(server);
            d
        }
    };

    let log_path = shots.join("studio-smoke.log");
    let log = fs::File::create(&log_path).map_err(|e| format!("{}: {e}", log_path.display()))?;
    let log2 = log.try_clone().map_err(|e| e.to_string())?;
    let mut cmd = Command::new(ws.bin("trellis-studio"));
    cmd.arg(&file)
        .env("DISPLAY", &display)
        .env("WEBKIT_DISABLE_COMPOSITING_MODE", "1")
        .stdin(Stdio::null())
        .stdout(log)
        .stderr(log2);
    println!("    $ DISPLAY={display} WEBKIT_DISABLE_COMPOSITING_MODE=1 {}", show(&cmd));
    let child = cmd.spawn().map_err(|e| format!("trellis-studio did not start: {e}"))?;
    let mut studio = Stopper { name: "trellis-studio", child };

    let result = (|| {
        let window = wait_for_window(&display, &name, &mut studio).map_err(|e| with_log(e, &log_path))?;
        println!("    window {window} is up");
        // Our own Xvfb shows only the studio; on someone's desktop, take the studio's window alone.
        let target = if xvfb.is_some() { "root".to_owned() } else { window };
        let png = shots.join("studio-smoke.png");
        let rendered = wait_for_render(&display, &target);
        screenshot(&display, &target, &png)?;
        println!("    screenshot: {}", png.display());
        rendered.map_err(|e| with_log(e, &log_path))
    })();
    drop(studio);
    drop(xvfb);
    result
}

/// A process we started, stopped (TERM, then KILL) when dropped, on success and failure alike.
struct Stopper {
    name: &'static str,
    child: Child,
}

impl Drop for Stopper {
    fn drop(&mut self) {
        if let Ok(Some(_)) = self.child.try_wait() {
            return;
        }
        let _ = Command::new("kill").args(["-TERM", &self.child.id().to_string()]).status();
        let deadline = Instant::now() + Duration::from_secs(5);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.child.try_wait() {
                println!("    stopped {}", self.name);
                return;
            }
            sleep(Duration::from_millis(100));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
        println!("    killed {}", self.name);
    }
}

/// Starts Xvfb on the first free display from :99, sized like the studio's window.
fn start_xvfb(log_path: &Path) -> Result<(Stopper, String)> {
    let n = (99..200)
        .find(|n| {
            !Path::new(&format!("/tmp/.X{n}-lock")).exists() && !Path::new(&format!("/tmp/.X11-unix/X{n}")).exists()
        })
        .ok_or("no free X display between :99 and :199")?;
    let display = format!(":{n}");
    let log = fs::File::create(log_path).map_err(|e| format!("{}: {e}", log_path.display()))?;
    let mut cmd = Command::new("Xvfb");
    cmd.args([display.as_str(), "-screen", "0", "1280x800x24", "-nolisten", "tcp"])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(log);
    println!("    $ {}", show(&cmd));
    let child = cmd.spawn().map_err(|e| format!("Xvfb did not start: {e}"))?;
    let mut server = Stopper { name: "Xvfb", child };
    let socket = PathBuf::from(format!("/tmp/.X11-unix/X{n}"));
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        if let Ok(Some(status)) = server.child.try_wait() {
            return Err(with_log(format!("Xvfb exited ({status})"), log_path));
        }
        if socket.exists() && xwininfo(&display).is_ok() {
            return Ok((server, display));
        }
        if Instant::now() > deadline {
            return Err(with_log(format!("Xvfb {display} was not ready in 10 s"), log_path));
        }
        sleep(Duration::from_millis(100));
    }
}

fn xwininfo(display: &str) -> Result<String> {
    capture(Command::new("xwininfo").args(["-root", "-tree"]).env("DISPLAY", display))
}

/// Polls the window tree until a window's title holds the engagement's name; returns its id.
fn wait_for_window(display: &str, name: &str, studio: &mut Stopper) -> Result<String> {
    let started = Instant::now();
    loop {
        if let Ok(Some(status)) = studio.child.try_wait() {
            return Err(format!("trellis-studio exited ({status}) before its window appeared"));
        }
        if let Some(id) = find_window(&xwininfo(display)?, name) {
            println!("    window appeared after {}", elapsed(started));
            return Ok(id);
        }
        if started.elapsed() > WINDOW_TIMEOUT {
            return Err(format!("no window titled \"{name} …\" appeared in {} s", WINDOW_TIMEOUT.as_secs()));
        }
        sleep(Duration::from_millis(250));
    }
}

/// The id of the first window in `xwininfo -root -tree` output whose title contains `name`.
fn find_window(tree: &str, name: &str) -> Option<String> {
    tree.lines().map(str::trim_start).find_map(|line| {
        let (id, rest) = line.split_once(' ')?;
        let title = rest.strip_prefix('"')?.split("\": ").next()?;
        (id.starts_with("0x") && title.contains(name)).then(|| id.to_owned())
    })
}

/// Waits until the page shows the engagement's counts (the accent colour is on screen); fails at
/// once if it shows the error panel instead.
fn wait_for_render(display: &str, window: &str) -> Result {
    let started = Instant::now();
    loop {
        let out = Command::new("import")
            .args(["-display", display, "-window", window, "-depth", "8", "ppm:-"])
            .stderr(Stdio::null())
            .output()
            .map_err(|e| format!("import did not start: {e}"))?;
        if let Some(image) = Ppm::parse(&out.stdout) {
            if image.count(DANGER) > 200 {
                return Err("the studio shows its error panel instead of the engagement".into());
            }
            if image.count(ACCENT) > 500 {
                println!("    page rendered after {} more", elapsed(started));
                return Ok(());
            }
        }
        if started.elapsed() > RENDER_TIMEOUT {
            return Err(format!("the page did not show the engagement within {} s", RENDER_TIMEOUT.as_secs()));
        }
        sleep(Duration::from_millis(500));
    }
}

fn screenshot(display: &str, window: &str, png: &Path) -> Result {
    let mut cmd = Command::new("import");
    cmd.args(["-display", display, "-window", window]).arg(png);
    run_cmd(&mut cmd)
}

/// A binary PPM (P6, 8 bits a sample), as `import ... ppm:-` writes it.
struct Ppm<'a> {
    pixels: &'a [u8],
}

impl<'a> Ppm<'a> {
    fn parse(data: &'a [u8]) -> Option<Ppm<'a>> {
        // "P6", width, height, maxval, separated by whitespace, then one whitespace byte.
        let mut fields = Vec::new();
        let mut at = 0;
        while fields.len() < 4 {
            while data.get(at)?.is_ascii_whitespace() {
                at += 1;
            }
            let start = at;
            while !data.get(at)?.is_ascii_whitespace() {
                at += 1;
            }
            fields.push(std::str::from_utf8(&data[start..at]).ok()?);
        }
        let [magic, w, h, max] = fields[..] else { return None };
        let (w, h): (usize, usize) = (w.parse().ok()?, h.parse().ok()?);
        if magic != "P6" || max != "255" {
            return None;
        }
        let pixels = data.get(at + 1..at + 1 + w * h * 3)?;
        Some(Ppm { pixels })
    }

    fn count(&self, rgb: [u8; 3]) -> usize {
        self.pixels.chunks_exact(3).filter(|p| *p == rgb).count()
    }
}

fn with_log(error: String, log: &Path) -> String {
    let text = fs::read_to_string(log).unwrap_or_default();
    let lines: Vec<&str> = text.lines().collect();
    // The head holds a panic's message, the tail what happened last.
    let shown = if lines.len() <= 40 {
        lines.join("\n    ")
    } else {
        format!("{}\n    ...\n    {}", lines[..15].join("\n    "), lines[lines.len() - 20..].join("\n    "))
    };
    if shown.is_empty() {
        format!("{error} ({} is empty)", log.display())
    } else {
        format!("{error}\n  {}:\n    {shown}", log.display())
    }
}

/// A directory under the system's temporary directory, removed when dropped.
struct TempDir(PathBuf);

impl TempDir {
    fn new(prefix: &str) -> Result<TempDir> {
        let stamp = SystemTime::now().duration_since(SystemTime::UNIX_EPOCH).map(|d| d.as_nanos()).unwrap_or(0);
        let dir = std::env::temp_dir().join(format!("{prefix}-{}-{stamp}", std::process::id()));
        fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        Ok(TempDir(dir))
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

// ---------------------------------------------------------------------------------------------
// Small helpers

/// Runs a command where everyone can see it, its output going straight to ours.
fn run_cmd(cmd: &mut Command) -> Result {
    let shown = show(cmd);
    println!("    $ {shown}");
    flush();
    let status = cmd.status().map_err(|e| format!("`{shown}` did not start: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{shown}` failed ({status})"))
    }
}

/// Runs a command and returns its standard output; a failure carries its standard error.
fn capture(cmd: &mut Command) -> Result<String> {
    let shown = show(cmd);
    let out = cmd.stdin(Stdio::null()).output().map_err(|e| format!("`{shown}` did not start: {e}"))?;
    if !out.status.success() {
        return Err(format!("`{shown}` failed ({}): {}", out.status, String::from_utf8_lossy(&out.stderr).trim()));
    }
    String::from_utf8(out.stdout).map_err(|_| format!("`{shown}` printed something that is not UTF-8"))
}

/// How a command reads on screen: `(cd DIR && PROGRAM ARGS...)` when it runs elsewhere.
fn show(cmd: &Command) -> String {
    let words: Vec<String> = std::iter::once(cmd.get_program())
        .chain(cmd.get_args())
        .map(|w| {
            let w = w.to_string_lossy();
            if w.is_empty() || w.contains([' ', '"', '\'', '$']) {
                format!("'{}'", w.replace('\'', "'\\''"))
            } else {
                w.into_owned()
            }
        })
        .collect();
    match cmd.get_current_dir() {
        Some(dir) if dir.file_name() == Some(OsStr::new("ui")) => format!("(cd ui && {})", words.join(" ")),
        _ => words.join(" "),
    }
}

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

fn which(program: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path).map(|dir| dir.join(program)).find(|p| p.is_file())
}

fn mtime(path: &Path) -> Option<SystemTime> {
    fs::metadata(path).and_then(|m| m.modified()).ok()
}

/// The newest modification time of any file under `dir`, skipping the named subdirectories.
fn newest_mtime(dir: &Path, skip: &[&str]) -> Option<SystemTime> {
    let mut newest = None;
    for entry in fs::read_dir(dir).ok()?.flatten() {
        let path = entry.path();
        let Ok(kind) = entry.file_type() else { continue };
        let time = if kind.is_dir() {
            if skip.iter().any(|s| entry.file_name() == OsStr::new(s)) {
                continue;
            }
            newest_mtime(&path, &[])
        } else {
            mtime(&path)
        };
        newest = newest.max(time);
    }
    newest
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

    #[test]
    fn the_window_is_found_by_title() {
        let tree = r#"
     2 children:
     0x200003 "Warehouse and Fleet Capability Review — Trellis": ("trellis-studio" "Trellis-studio")  1280x800+0+0  +0+0
        1 child:
        0x200004 (has no name): ()  1x1+-1+-1  +-1+-1
     0x200001 "trellis-studio": ("trellis-studio" "Trellis-studio")  10x10+10+10  +10+10
"#;
        assert_eq!(find_window(tree, "Warehouse and Fleet").as_deref(), Some("0x200003"));
        assert_eq!(find_window(tree, "Leadership"), None);
    }

    #[test]
    fn ppm_pixels_are_counted() {
        let mut data = b"P6\n2 2\n255\n".to_vec();
        data.extend([ACCENT, DANGER, ACCENT, [0, 0, 0]].concat());
        let image = Ppm::parse(&data).unwrap();
        assert_eq!(image.count(ACCENT), 2);
        assert_eq!(image.count(DANGER), 1);
        assert!(Ppm::parse(&data[..data.len() - 1]).is_none());
    }

    #[test]
    fn commands_show_as_typed() {
        let mut cmd = Command::new("npm");
        cmd.args(["run", "build"]).current_dir("/x/ui");
        assert_eq!(show(&cmd), "(cd ui && npm run build)");
        assert_eq!(show(Command::new("echo").arg("a b")), "echo 'a b'");
    }
}
