//! Crash safety of the live workshop: the real `trellis workshop` process is killed with SIGKILL in the middle of a burst of answers, and every answer it acknowledged is in the file afterwards.

use crate::support::Reaped;
use crate::workshop_support;

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{mpsc, Arc, Mutex};
use std::time::{Duration, Instant};
use trellis::api::Session;
use workshop_support::*;

const PARTICIPANTS: usize = 40;
const EACH: usize = 25;
const KILL_AFTER: usize = 300;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_acknowledged_answer_survives_a_kill_mid_burst() {
    let (_dir, file) = engagement();
    // `--script n` opens the first question; with no terminal the server just serves.
    let child = Command::new(env!("CARGO_BIN_EXE_trellis"))
        .arg("workshop")
        .arg(&file)
        .args(["--listen", "127.0.0.1:0", "--script", "n; n"])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut child = Reaped(child);
    let (lines_tx, lines) = mpsc::channel();
    let stdout = child.0.stdout.take().unwrap();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if lines_tx.send(line).is_err() {
                break;
            }
        }
    });
    let mut join_url = None;
    let mut opened = false;
    let deadline = Instant::now() + Duration::from_secs(30);
    while join_url.is_none() || !opened {
        let line = lines.recv_timeout(deadline.saturating_duration_since(Instant::now())).expect("the banner and Q1");
        if let Some(url) = line.strip_prefix("Join at") {
            join_url = Some(url.trim().to_owned());
        }
        opened |= line.contains("Q2/36 [open]");
    }
    let join_url = join_url.unwrap();
    let (base, code) = join_url.split_once("/#").unwrap();
    let base = base.to_owned();

    let http = client();
    let mut people = Vec::new();
    for _ in 0..PARTICIPANTS {
        people.push(join(&http, &base, code).await.0);
    }

    // Every participant sends answers one after another, each with a note naming it.
    let acknowledged = Arc::new(Mutex::new(Vec::new()));
    let count = Arc::new(AtomicUsize::new(0));
    let mut senders = Vec::new();
    for (p, token) in people.into_iter().enumerate() {
        let (http, base, acknowledged, count) = (http.clone(), base.clone(), acknowledged.clone(), count.clone());
        senders.push(tokio::spawn(async move {
            for k in 0..EACH {
                let note = format!("p{p}-k{k}");
                let body = serde_json::json!({"question": "bt-1", "score": (k % 5 + 1), "note": note});
                match http.post(format!("{base}/api/answer")).bearer_auth(&token).json(&body).send().await {
                    Ok(r) if r.status().is_success() => {
                        acknowledged.lock().unwrap().push(note);
                        count.fetch_add(1, Ordering::SeqCst);
                    }
                    Ok(_) => {}
                    Err(_) => return, // the server is gone
                }
            }
        }));
    }
    let deadline = Instant::now() + Duration::from_secs(60);
    while count.load(Ordering::SeqCst) < KILL_AFTER && Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(2)).await;
    }
    // SIGKILL, mid-burst: no destructor, no chance to tidy up.
    child.0.kill().unwrap();
    child.0.wait().unwrap();
    for s in senders {
        s.await.unwrap();
    }
    let acknowledged = acknowledged.lock().unwrap().clone();
    assert!(acknowledged.len() >= KILL_AFTER, "only {} answers acknowledged", acknowledged.len());
    assert!(acknowledged.len() < PARTICIPANTS * EACH, "the kill came after the burst had ended");

    let session = Session::open(&file).expect("the file opens after the crash");
    eprintln!(
        "acknowledged {} answers before the kill; {} rows in the file",
        acknowledged.len(),
        session.model().responses.len()
    );
    let notes: std::collections::HashSet<&str> = session.model().responses.iter().map(|r| r.note.as_str()).collect();
    let lost: Vec<&String> = acknowledged.iter().filter(|n| !notes.contains(n.as_str())).collect();
    assert!(lost.is_empty(), "{} acknowledged answers lost, e.g. {:?}", lost.len(), &lost[..lost.len().min(5)]);
    assert!(session.check().unwrap().is_sound(), "{:?}", session.check().unwrap());
    let record = session.live_record().unwrap().expect("the live session is in the file");
    assert!(record.ended.is_none(), "still live: the next start resumes it");
    assert_eq!(record.participants.len(), PARTICIPANTS);
}
