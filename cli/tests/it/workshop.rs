//! `trellis workshop` as a person or a script runs it: keys typed in the terminal, or no terminal at all with the facilitator's HTTP routes, and deleting a participant's answers afterwards.

use crate::support::Reaped;
use crate::workshop_support;

use reqwest::StatusCode;
use std::io::{BufRead, BufReader, Write};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};
use workshop_support::*;

/// Starts `trellis workshop` on loopback; returns the child, its stdout lines and the join URL.
fn workshop(file: &std::path::Path, extra: &[&str], stdin: Stdio) -> (Reaped, mpsc::Receiver<String>, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_trellis"))
        .arg("workshop")
        .arg(file)
        .args(["--listen", "127.0.0.1:0"])
        .args(extra)
        .stdin(stdin)
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .unwrap();
    let (tx, lines) = mpsc::channel();
    let stdout = child.stdout.take().unwrap();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    let url = until(&lines, "Join at").trim_start_matches("Join at").trim().to_owned();
    (Reaped(child), lines, url)
}

/// The next line containing `want`, within 20 seconds.
fn until(lines: &mpsc::Receiver<String>, want: &str) -> String {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let line = lines
            .recv_timeout(deadline.saturating_duration_since(Instant::now()))
            .unwrap_or_else(|_| panic!("no line with `{want}`"));
        if line.contains(want) {
            return line;
        }
    }
}

/// Waits (bounded) for the command to finish by itself.
fn exits(child: &mut Child) -> std::process::ExitStatus {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            return status;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("`trellis workshop` did not finish");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_terminal_keys_open_show_close_and_end_the_session() {
    let (_dir, file) = engagement();
    let (mut child, lines, url) = workshop(&file, &[], Stdio::piped());
    let (base, code) = url.split_once("/#").unwrap();
    let mut keys = child.0.stdin.take().unwrap();
    let http = client();
    let (token, _) = join(&http, base, code).await;

    // Past the opening discussion prompt to the first rated statement.
    writeln!(keys, "n").unwrap();
    until(&lines, "Q1/36 [open]");
    writeln!(keys, "n").unwrap();
    until(&lines, "Q2/36 [open]");
    assert_eq!(answer(&http, base, &token, "bt-1", Some(5)).await.0, StatusCode::OK);
    writeln!(keys, "s").unwrap();
    until(&lines, "1 joined · Q2/36 [open]");
    let five = until(&lines, "  5  ");
    assert!(five.contains('█') && five.ends_with(" 1"), "the bar for 5: {five}");
    writeln!(keys, "c").unwrap();
    until(&lines, "Q2/36 [closed]");
    assert_eq!(answer(&http, base, &token, "bt-1", Some(1)).await.0, StatusCode::CONFLICT);
    writeln!(keys, "q").unwrap();
    until(&lines, "1 answers  mean 5.00");
    until(&lines, "The session is closed");
    // The server lingers, so that the phone's next poll shows it the thank-you page.
    until(&lines, "the server stops in 6 s");
    let (status, state) = get(&http, format!("{base}/api/state"), &token).await;
    assert_eq!(status, StatusCode::OK, "{state}");
    assert_eq!(state["ended"], true, "the phone learns the session ended: {state}");
    assert!(exits(&mut child.0).success());
    assert_eq!(rows(&file).len(), 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn without_a_terminal_the_session_is_steered_over_http_and_cleaned_afterwards() {
    let (dir, file) = engagement();
    let secret_file = dir.path().join("facilitator.secret");
    let path = secret_file.to_str().unwrap();
    let (mut child, lines, url) =
        workshop(&file, &["--script", "n; n", "--secret-file", path, "--code", "acme-24"], Stdio::null());
    assert!(url.ends_with("/#ACME24"), "the chosen code, normalized: {url}");
    until(&lines, "Q2/36 [open]");
    let (base, code) = url.split_once("/#").unwrap();
    let secret = std::fs::read_to_string(&secret_file).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&secret_file).unwrap().permissions().mode();
        assert_eq!(mode & 0o077, 0, "the secret file is private: {mode:o}");
    }
    let http = client();
    let (a, a_id) = join(&http, base, code).await;
    let (b, _) = join(&http, base, code).await;
    for t in [&a, &b] {
        assert_eq!(answer(&http, base, t, "bt-1", Some(3)).await.0, StatusCode::OK);
    }
    let (status, _) = post(&http, format!("{base}/api/facilitator/end"), secret.trim(), serde_json::json!({})).await;
    assert_eq!(status, StatusCode::OK);
    until(&lines, "The session is closed");
    assert!(exits(&mut child.0).success(), "closing the session over HTTP ends the command");

    let out = Command::new(env!("CARGO_BIN_EXE_trellis"))
        .arg("workshop")
        .arg(&file)
        .args(["--remove-participant", &a_id])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(String::from_utf8_lossy(&out.stdout), format!("deleted 1 answer(s) of {a_id}\n"));
    let left = rows(&file);
    assert_eq!(left.len(), 1);
    assert!(left.iter().all(|r| r.0 != a_id));
}
