//! Running the `trellis` binary in a folder, and `trellis_snapshot!`: the exit code, stdout and
//! stderr of one run as one insta snapshot, with the parts that vary between runs filtered out.

use std::path::Path;
use std::process::{Command, Output};

/// Runs `trellis ARGS` in `dir`.
pub fn trellis(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_trellis")).args(args).current_dir(dir).output().expect("run trellis")
}

/// Runs `trellis ARGS` in `dir`, asserts it succeeded, and returns its stdout.
pub fn ok(args: &[&str], dir: &Path) -> String {
    let o = trellis(args, dir);
    assert_eq!(o.status.code(), Some(0), "trellis {args:?}: {}", String::from_utf8_lossy(&o.stderr));
    String::from_utf8(o.stdout).unwrap()
}

/// A child process killed when the test ends, passed or failed.
pub struct Reaped(pub std::process::Child);

impl Drop for Reaped {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// One run as uv's `uv_snapshot!` shows it: success, exit code, then stdout and stderr, with
/// `dir` (the test's temporary folder) written `[TEMP]` and UUIDs written `[UUID]`.
pub fn run_text(args: &[&str], dir: &Path) -> String {
    let o = trellis(args, dir);
    let filter = |bytes: &[u8]| filter(&String::from_utf8_lossy(bytes), dir);
    format!(
        "success: {}\nexit_code: {}\n----- stdout -----\n{}\n----- stderr -----\n{}",
        o.status.success(),
        o.status.code().map_or("none".to_owned(), |c| c.to_string()),
        filter(&o.stdout),
        filter(&o.stderr),
    )
}

/// Replaces what differs from run to run: the temporary folder (as given and canonical) and UUIDs.
pub fn filter(text: &str, dir: &Path) -> String {
    let mut text = text.to_owned();
    let canonical = dir.canonicalize().unwrap_or_else(|_| dir.to_path_buf());
    for d in [canonical.as_path(), dir] {
        text = text.replace(&d.display().to_string(), "[TEMP]");
    }
    uuids_filtered(&text)
}

/// Each hyphenated lowercase UUID (8-4-4-4-12 hex digits) becomes `[UUID]`.
fn uuids_filtered(text: &str) -> String {
    const SHAPE: [usize; 5] = [8, 4, 4, 4, 12];
    let bytes = text.as_bytes();
    let is_hex = |b: u8| b.is_ascii_digit() || (b'a'..=b'f').contains(&b);
    let matches_at = |start: usize| {
        let mut i = start;
        for (n, len) in SHAPE.iter().enumerate() {
            if n > 0 {
                if bytes.get(i) != Some(&b'-') {
                    return None;
                }
                i += 1;
            }
            if i + len > bytes.len() || !bytes[i..i + len].iter().all(|&b| is_hex(b)) {
                return None;
            }
            i += len;
        }
        Some(i)
    };
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < bytes.len() {
        let boundary = i == 0 || !bytes[i - 1].is_ascii_alphanumeric();
        match matches_at(i).filter(|_| boundary) {
            Some(end) => {
                out.push_str("[UUID]");
                i = end;
            }
            None => {
                let ch = text[i..].chars().next().unwrap();
                out.push(ch);
                i += ch.len_utf8();
            }
        }
    }
    out
}

/// `trellis_snapshot!(dir, ["info", "e.trellis"])` or with a name, `trellis_snapshot!("name",
/// dir, [...])`: snapshots one run of the binary in `dir` (files in `tests/it/snapshots/`, each
/// described by its command line).
macro_rules! trellis_snapshot {
    ($dir:expr, [$($arg:expr),* $(,)?]) => {{
        let args: &[&str] = &[$($arg),*];
        let mut settings = insta::Settings::clone_current();
        settings.set_description(format!("trellis {}", args.join(" ")));
        settings.set_omit_expression(true);
        settings.bind(|| insta::assert_snapshot!($crate::support::run_text(args, $dir)));
    }};
    ($name:literal, $dir:expr, [$($arg:expr),* $(,)?]) => {{
        let args: &[&str] = &[$($arg),*];
        let mut settings = insta::Settings::clone_current();
        settings.set_description(format!("trellis {}", args.join(" ")));
        settings.set_omit_expression(true);
        settings.bind(|| insta::assert_snapshot!($name, $crate::support::run_text(args, $dir)));
    }};
}

#[test]
fn the_filter_hides_uuids_and_the_temporary_folder() {
    let dir = Path::new("/tmp/abc");
    let text =
        "wrote /tmp/abc/e.trellis: 0190a3c4-5b6d-7e8f-9a0b-1c2d3e4f5a6b, not x0190a3c4-5b6d-7e8f-9a0b-1c2d3e4f5a6b";
    assert_eq!(filter(text, dir), "wrote [TEMP]/e.trellis: [UUID], not x0190a3c4-5b6d-7e8f-9a0b-1c2d3e4f5a6b");
}
