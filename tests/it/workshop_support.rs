//! Helpers shared by the workshop tests: an engagement file, a server on loopback, and plain HTTP calls to it.

use reqwest::StatusCode;
use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use std::time::Duration;
use trellis::api::Session;
use trellis::workshop::{self, LiveOptions, Running};

/// A fresh demo engagement in a temporary folder.
pub fn engagement() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("workshop.trellis");
    Session::create(&file, "demo", None, "2026-01-01").unwrap();
    (dir, file)
}

/// A server on a free loopback port.
pub fn start(file: &Path) -> Running {
    workshop::start(LiveOptions::new(file, "127.0.0.1:0".parse().unwrap())).unwrap()
}

/// Stops a server from async code (stopping joins threads).
pub async fn stop(running: Running) {
    tokio::task::spawn_blocking(move || running.stop()).await.unwrap();
}

pub fn base(running: &Running) -> String {
    format!("http://{}", running.started().listen)
}

pub fn client() -> reqwest::Client {
    reqwest::Client::builder().no_proxy().timeout(Duration::from_secs(20)).build().unwrap()
}

pub async fn post(client: &reqwest::Client, url: String, bearer: &str, body: Value) -> (StatusCode, Value) {
    let r = client.post(url).bearer_auth(bearer).json(&body).send().await.unwrap();
    let status = r.status();
    (status, r.json().await.unwrap_or(Value::Null))
}

pub async fn get(client: &reqwest::Client, url: String, bearer: &str) -> (StatusCode, Value) {
    let r = client.get(url).bearer_auth(bearer).send().await.unwrap();
    let status = r.status();
    (status, r.json().await.unwrap_or(Value::Null))
}

/// Joins with the code; returns the participant's token and anonymous id.
pub async fn join(client: &reqwest::Client, base: &str, code: &str) -> (String, String) {
    let (status, body) = post(client, format!("{base}/api/join"), "", json!({ "code": code })).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    (body["token"].as_str().unwrap().to_owned(), body["view"]["respondent"].as_str().unwrap().to_owned())
}

/// A facilitator command (`next`, `close`, `end`...) that must succeed.
pub async fn facilitate(client: &reqwest::Client, running: &Running, command: &str) -> Value {
    let secret = &running.started().facilitator_secret;
    let (status, body) = post(client, format!("{}/api/facilitator/{command}", base(running)), secret, json!({})).await;
    assert_eq!(status, StatusCode::OK, "{command}: {body}");
    body
}

pub async fn answer(
    client: &reqwest::Client,
    base: &str,
    token: &str,
    question: &str,
    score: Option<i64>,
) -> (StatusCode, Value) {
    post(client, format!("{base}/api/answer"), token, json!({ "question": question, "score": score, "note": "" })).await
}

/// Every answer row the live workshop wrote (its participants' ids start `ws-`; the demo's own
/// answers do not), in order: (respondent, question, score).
pub fn rows(file: &Path) -> Vec<(String, String, Option<i64>)> {
    let conn = rusqlite::Connection::open_with_flags(file, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
    conn.busy_timeout(Duration::from_secs(10)).unwrap();
    let sql = "SELECT respondent, question, score FROM response WHERE respondent LIKE 'ws-%' ORDER BY seq";
    let mut stmt = conn.prepare(sql).unwrap();
    stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?))).unwrap().map(Result::unwrap).collect()
}
