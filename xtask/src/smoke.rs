//! The desktop smoke test (`cargo xtask smoke`, part of `test`): the studio opens a demo
//! engagement in a real window, which must show its counts, not the error panel; a screenshot
//! is kept in target/screenshots/.

use super::process::{capture, run_cmd, show, start_xvfb, with_log, xwininfo, Stopper, TempDir};
use super::{elapsed, json_string_after, Result, Workspace};
use std::fs;
use std::path::Path;
use std::process::{Command, Stdio};
use std::thread::sleep;
use std::time::{Duration, Instant};

/// How long the smoke test waits for the studio's window, then for the page to show the engagement.
const WINDOW_TIMEOUT: Duration = Duration::from_secs(30);
const RENDER_TIMEOUT: Duration = Duration::from_secs(20);

/// Colours of ui/src/style.css that the smoke test looks for: the counts (`--accent`) and the
/// error panel's border (`--danger`).
const ACCENT: [u8; 3] = [0x2f, 0x6b, 0x4f];
const DANGER: [u8; 3] = [0x9b, 0x2c, 0x2c];

/// Creates a demo engagement with the `trellis` CLI, opens it in the studio (under its own Xvfb
/// in CI or without a display) and waits for the page to show it.
pub fn run(ws: &Workspace) -> Result {
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

#[cfg(test)]
mod tests {
    use super::*;

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
}
