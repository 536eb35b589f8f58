//! Load benchmark of the live workshop on loopback: 300 phones, 20 questions opened in turn, every phone answers each (6,000 submissions); latency percentiles and a count of the rows in the file.
//!
//! `cargo bench -p trellis --bench workshop_load` (add `-- --participants N --questions N
//! --spread-ms N` to change the size). Each phone also polls `/api/state` every two seconds, as
//! the page does, and answers within `--spread-ms` (default 500) of its question opening: a
//! harsher burst than a real room; `--spread-ms 0` sends all 300 answers at once.
//! Bounded: every request times out after 10 s and the run gives up after 180 s. Exits non-zero
//! when an answer is lost or refused, or when the run takes over 60 s.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};
use trellis::api::Session;
use trellis::workshop::{self, LiveOptions};

const RUN_LIMIT: Duration = Duration::from_secs(180);
const TARGET: Duration = Duration::from_secs(60);

fn arg(name: &str, default: usize) -> usize {
    let args: Vec<String> = std::env::args().collect();
    args.iter().position(|a| a == name).and_then(|i| args.get(i + 1)).and_then(|v| v.parse().ok()).unwrap_or(default)
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    sorted[((sorted.len() as f64 * p).ceil() as usize).clamp(1, sorted.len()) - 1]
}

/// A small deterministic generator: jitter and scores need no quality, only repeatability.
fn jitter(seed: u64) -> u64 {
    let mut x = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ 0xD1B5_4A32_D192_ED03;
    x ^= x >> 29;
    x = x.wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x ^ (x >> 32)
}

fn main() {
    let participants = arg("--participants", 300);
    let questions = arg("--questions", 20);
    // How long after a question opens the phones answer, spread evenly: 0 is one burst.
    let spread_ms = arg("--spread-ms", 500) as u64;
    let dir = tempfile::tempdir_in(env!("CARGO_TARGET_TMPDIR")).unwrap();
    let file = dir.path().join("load.trellis");
    Session::create(&file, "demo", None, "2026-01-01").unwrap();
    let running = workshop::start(LiveOptions::new(&file, "127.0.0.1:0".parse().unwrap())).unwrap();
    let started = running.started().clone();
    let base = format!("http://{}", started.listen);
    println!(
        "workshop_load: {participants} participants x {questions} questions, answers within {spread_ms} ms, {base}, file {}",
        file.display()
    );

    let runtime = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap();
    let outcome = runtime.block_on(async move {
        let http = reqwest::Client::builder()
            .no_proxy()
            .timeout(Duration::from_secs(10))
            .pool_max_idle_per_host(participants + 10)
            .build()
            .unwrap();
        let json = |v: serde_json::Value| v;

        // Everyone joins.
        let mut joins = Vec::new();
        for _ in 0..participants {
            let (http, base, code) = (http.clone(), base.clone(), started.join_code.clone());
            joins.push(tokio::spawn(async move {
                let r = http
                    .post(format!("{base}/api/join"))
                    .json(&json(serde_json::json!({"code": code})))
                    .send()
                    .await
                    .unwrap();
                assert!(r.status().is_success(), "join: {}", r.status());
                let body: serde_json::Value = r.json().await.unwrap();
                (body["token"].as_str().unwrap().to_owned(), body["view"]["respondent"].as_str().unwrap().to_owned())
            }));
        }
        let mut people = Vec::new();
        for j in joins {
            people.push(j.await.unwrap());
        }

        // Phones poll, as the page does, until the run ends.
        let running_flag = Arc::new(AtomicBool::new(true));
        let mut pollers = Vec::new();
        for (i, (token, _)) in people.iter().enumerate() {
            let (http, base, token, flag) = (http.clone(), base.clone(), token.clone(), running_flag.clone());
            pollers.push(tokio::spawn(async move {
                tokio::time::sleep(Duration::from_millis(jitter(i as u64) % 2000)).await;
                let mut polls = 0u64;
                let end = Instant::now() + RUN_LIMIT;
                while flag.load(Ordering::Relaxed) && Instant::now() < end {
                    if http.get(format!("{base}/api/state")).bearer_auth(&token).send().await.is_ok() {
                        polls += 1;
                    }
                    tokio::time::sleep(Duration::from_secs(2)).await;
                }
                polls
            }));
        }

        let t0 = Instant::now();
        let mut latencies = Vec::with_capacity(participants * questions);
        let mut acknowledged = Vec::with_capacity(participants * questions);
        let mut refused = 0usize;
        for q in 0..questions {
            if t0.elapsed() > RUN_LIMIT {
                break;
            }
            let r = http
                .post(format!("{base}/api/facilitator/next"))
                .bearer_auth(&started.facilitator_secret)
                .send()
                .await
                .unwrap();
            assert!(r.status().is_success(), "next: {}", r.status());
            let live: serde_json::Value = r.json().await.unwrap();
            let question = live["live"]["current"].as_str().unwrap().to_owned();
            let mut answers = Vec::new();
            for (i, (token, respondent)) in people.iter().enumerate() {
                let (http, base, token, respondent, question) =
                    (http.clone(), base.clone(), token.clone(), respondent.clone(), question.clone());
                let seed = jitter((q * participants + i) as u64);
                answers.push(tokio::spawn(async move {
                    tokio::time::sleep(Duration::from_millis(seed % spread_ms.max(1))).await;
                    let score = (seed % 6) as i64; // 0 stands for "don't know"
                    let body =
                        serde_json::json!({"question": question, "score": (score > 0).then_some(score), "note": ""});
                    let sent = Instant::now();
                    let r = http.post(format!("{base}/api/answer")).bearer_auth(&token).json(&body).send().await;
                    let ok = matches!(&r, Ok(r) if r.status().is_success());
                    (sent.elapsed(), ok, respondent, question)
                }));
            }
            for a in answers {
                let (latency, ok, respondent, question) = a.await.unwrap();
                latencies.push(latency);
                if ok {
                    acknowledged.push((respondent, question));
                } else {
                    refused += 1;
                }
            }
        }
        let elapsed = t0.elapsed();
        running_flag.store(false, Ordering::Relaxed);
        let mut polls = 0;
        for p in pollers {
            polls += p.await.unwrap();
        }
        (latencies, acknowledged, refused, elapsed, polls)
    });
    running.stop();
    let (mut latencies, acknowledged, refused, elapsed, polls) = outcome;

    latencies.sort();
    let rows: Vec<(String, String)> = {
        let conn = rusqlite::Connection::open(&file).unwrap();
        let mut stmt = conn.prepare("SELECT respondent, question FROM response").unwrap();
        stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?))).unwrap().map(Result::unwrap).collect()
    };
    let in_file: std::collections::HashSet<&(String, String)> = rows.iter().collect();
    let lost = acknowledged.iter().filter(|a| !in_file.contains(a)).count();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "submissions {} acknowledged {} refused {refused} in {:.1} s ({:.0}/s), plus {polls} polls",
        latencies.len(),
        acknowledged.len(),
        elapsed.as_secs_f64(),
        latencies.len() as f64 / elapsed.as_secs_f64()
    );
    println!(
        "latency p50 {:.1} ms  p90 {:.1} ms  p99 {:.1} ms  max {:.1} ms",
        ms(percentile(&latencies, 0.50)),
        ms(percentile(&latencies, 0.90)),
        ms(percentile(&latencies, 0.99)),
        ms(*latencies.last().unwrap())
    );
    println!("rows in the file {}  acknowledged but missing {lost}", rows.len());
    let mut failed = Vec::new();
    if lost > 0 || rows.len() != acknowledged.len() {
        failed.push(format!(
            "{lost} acknowledged answers missing; {} rows for {} acknowledged",
            rows.len(),
            acknowledged.len()
        ));
    }
    if refused > 0 {
        failed.push(format!("{refused} answers refused"));
    }
    if elapsed > TARGET {
        failed.push(format!("took {:.1} s, over {} s", elapsed.as_secs_f64(), TARGET.as_secs()));
    }
    let p99 = percentile(&latencies, 0.99);
    if p99 > Duration::from_millis(100) {
        println!("note: p99 {:.1} ms is over the 100 ms target", ms(p99));
    }
    if !failed.is_empty() {
        eprintln!("workshop_load FAILED: {}", failed.join("; "));
        std::process::exit(1);
    }
}
