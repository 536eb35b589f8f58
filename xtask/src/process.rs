//! Running other programs: commands shown and run or captured, processes stopped when dropped
//! (`Stopper`), Xvfb, temporary directories, and finding programs and modification times.

use super::{flush, Result};
use std::ffi::OsStr;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::thread::sleep;
use std::time::{Duration, Instant, SystemTime};

/// A process we started, stopped (TERM, then KILL) when dropped, on success and failure alike.
pub struct Stopper {
    pub name: &'static str,
    pub child: Child,
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
pub fn start_xvfb(log_path: &Path) -> Result<(Stopper, String)> {
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

pub fn xwininfo(display: &str) -> Result<String> {
    capture(Command::new("xwininfo").args(["-root", "-tree"]).env("DISPLAY", display))
}

pub fn with_log(error: String, log: &Path) -> String {
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
pub struct TempDir(pub PathBuf);

impl TempDir {
    pub fn new(prefix: &str) -> Result<TempDir> {
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

/// Runs a command where everyone can see it, its output going straight to ours.
pub fn run_cmd(cmd: &mut Command) -> Result {
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
pub fn capture(cmd: &mut Command) -> Result<String> {
    let shown = show(cmd);
    let out = cmd.stdin(Stdio::null()).output().map_err(|e| format!("`{shown}` did not start: {e}"))?;
    if !out.status.success() {
        return Err(format!("`{shown}` failed ({}): {}", out.status, String::from_utf8_lossy(&out.stderr).trim()));
    }
    String::from_utf8(out.stdout).map_err(|_| format!("`{shown}` printed something that is not UTF-8"))
}

/// How a command reads on screen: `(cd DIR && PROGRAM ARGS...)` when it runs elsewhere.
pub fn show(cmd: &Command) -> String {
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
    // The repository's folders that commands run in: ui/ (npm) and fuzz/ (cargo-fuzz).
    match cmd.get_current_dir().and_then(Path::file_name).and_then(OsStr::to_str) {
        Some(dir @ ("ui" | "fuzz")) => format!("(cd {dir} && {})", words.join(" ")),
        _ => words.join(" "),
    }
}

pub fn which(program: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path).map(|dir| dir.join(program)).find(|p| p.is_file())
}

/// Where `cargo install` puts `program`: $CARGO_HOME/bin, ~/.cargo/bin by default.
pub fn cargo_bin(program: &str) -> Option<PathBuf> {
    std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))
        .map(|home| home.join("bin").join(program))
}

pub fn mtime(path: &Path) -> Option<SystemTime> {
    fs::metadata(path).and_then(|m| m.modified()).ok()
}

/// The newest modification time of any file under `dir`, skipping the named subdirectories.
pub fn newest_mtime(dir: &Path, skip: &[&str]) -> Option<SystemTime> {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commands_show_as_typed() {
        let mut cmd = Command::new("npm");
        cmd.args(["run", "build"]).current_dir("/x/ui");
        assert_eq!(show(&cmd), "(cd ui && npm run build)");
        let mut cmd = Command::new("cargo");
        cmd.args(["+nightly", "fuzz", "list"]).current_dir("/x/fuzz");
        assert_eq!(show(&cmd), "(cd fuzz && cargo +nightly fuzz list)");
        assert_eq!(show(Command::new("cargo").arg("build").current_dir("/x/main")), "cargo build");
        assert_eq!(show(Command::new("echo").arg("a b")), "echo 'a b'");
    }
}
