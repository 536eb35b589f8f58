//! The participant page in a real headless Chromium at a phone's size: join from the QR link, pick a group and a part, leave a note on a discussion prompt, answer two statements, and see the thank-you; screenshots go to target/screenshots/.
//!
//! Needs Debian's `chromium` and `chromium-driver` (`cargo xtask deps` installs them); without
//! /usr/bin/chromium the test says so and passes without running.

use crate::workshop_support;

use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::json;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};
use trellis::workshop::Command as Facilitate;
use workshop_support::*;

const CHROMIUM: &str = "/usr/bin/chromium";
const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

/// Kills chromedriver and every browser process it started (its process group) however the
/// test ends: a failed assertion must not leave a headless Chromium behind.
struct Driver(Child);

impl Drop for Driver {
    fn drop(&mut self) {
        #[cfg(unix)]
        let _ = Command::new("kill").args(["-KILL", "--", &format!("-{}", self.0.id())]).status();
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

async fn browser(profile: &Path) -> (Driver, Client) {
    let port = free_port();
    let mut command = Command::new(CHROMEDRIVER);
    command
        .args([format!("--port={port}"), "--allowed-ips=127.0.0.1".into()])
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    #[cfg(unix)]
    std::os::unix::process::CommandExt::process_group(&mut command, 0);
    let driver = command.spawn().expect("chromedriver starts");
    let driver = Driver(driver);
    let mut capabilities = serde_json::Map::new();
    capabilities.insert(
        "goog:chromeOptions".into(),
        json!({
            "binary": CHROMIUM,
            "args": [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--hide-scrollbars",
                format!("--user-data-dir={}", profile.display()),
            ],
            // A phone: 390 x 844 CSS pixels (an iPhone 12-15), touch, drawn at 2x.
            "mobileEmulation": { "deviceMetrics": { "width": 390, "height": 844, "pixelRatio": 2.0, "touch": true } },
        }),
    );
    let url = format!("http://127.0.0.1:{port}");
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let connector = hyper_util::client::legacy::connect::HttpConnector::new();
        match ClientBuilder::new(connector).capabilities(capabilities.clone()).connect(&url).await {
            Ok(client) => return (driver, client),
            Err(e) if Instant::now() > deadline => panic!("chromedriver did not start a session: {e}"),
            Err(_) => tokio::time::sleep(Duration::from_millis(250)).await,
        }
    }
}

/// Waits (up to 15 s: the page polls every 2 s) until `css` is displayed and its text contains `want`.
async fn until_shown(client: &Client, css: &str, want: &str) -> String {
    let deadline = Instant::now() + Duration::from_secs(15);
    loop {
        if let Ok(e) = client.find(Locator::Css(css)).await {
            if e.is_displayed().await.unwrap_or(false) {
                let text = e.text().await.unwrap_or_default();
                if text.contains(want) {
                    return text;
                }
            }
        }
        assert!(Instant::now() < deadline, "`{css}` never showed `{want}`");
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

async fn click(client: &Client, css: &str) {
    client.find(Locator::Css(css)).await.unwrap_or_else(|e| panic!("{css}: {e}")).click().await.unwrap();
}

async fn screenshot(client: &Client, name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/screenshots");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, client.screenshot().await.unwrap()).unwrap();
    path
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_phone_joins_answers_three_questions_and_is_thanked() {
    if !Path::new(CHROMIUM).exists() || !Path::new(CHROMEDRIVER).exists() {
        eprintln!("SKIPPED: {CHROMIUM} or {CHROMEDRIVER} is missing; `cargo xtask deps` installs chromium and chromium-driver");
        return;
    }
    let (dir, file) = engagement();
    let running = start(&file);
    let desk = running.facilitator();
    let profile = dir.path().join("chromium-profile");
    let (driver, client) = browser(&profile).await;

    // Typing a wrong code by hand shows why it failed.
    client.goto(&base(&running)).await.unwrap();
    until_shown(&client, "#join h1", "Join the workshop").await;
    client.find(Locator::Css("#code")).await.unwrap().send_keys("nope42").await.unwrap();
    screenshot(&client, "workshop-phone-join.png").await;
    click(&client, "#join-button").await;
    until_shown(&client, "#join-error", "not this session's code").await;

    // Scanning the QR code: the code rides in the URL, so the phone joins at once.
    client.goto("about:blank").await.unwrap();
    client.goto(&running.started().join_url).await.unwrap();
    until_shown(&client, "#group h1", "About you").await;
    let transport = client.find(Locator::XPath("//div[@id='groups']/button[text()='Transport']")).await.unwrap();
    transport.click().await.unwrap();
    let manager = client.find(Locator::XPath("//div[@id='types']/button[text()='Manager']")).await.unwrap();
    manager.click().await.unwrap();
    screenshot(&client, "workshop-phone-group.png").await;
    click(&client, "#save-about").await;
    until_shown(&client, "#waiting-text", "Waiting for the first question").await;

    // The first is the article's question, a prompt: a note, no scale. Then two statements.
    let answers =
        [("bt-p", "#note", None), ("bt-1", "#scores button[data-score='4']", Some(4)), ("bt-2", "#dontknow", None)];
    for (i, (id, button, score)) in answers.iter().enumerate() {
        desk.command(Facilitate::Next).await.unwrap();
        let text = desk.live().questions[i].text.clone();
        until_shown(&client, "#question-text", &text).await;
        until_shown(&client, "#progress", &format!("Question {} of 36", i + 1)).await;
        click(&client, button).await;
        if i == 0 {
            assert!(!client.find(Locator::Css("#scores")).await.unwrap().is_displayed().await.unwrap(), "no scale");
            let note = client.find(Locator::Css("#note")).await.unwrap();
            note.send_keys("Mostly <b>on the job</b> & from colleagues").await.unwrap();
        }
        click(&client, "#send").await;
        until_shown(&client, "#status", "Saved").await;
        let rows = rows(&file);
        assert_eq!(rows.last().map(|r| (r.1.as_str(), r.2)), Some((*id, *score)), "answer {id} in the file");
    }
    let shot = screenshot(&client, "workshop-phone.png").await;

    // Closing the question freezes the answer on the phone.
    desk.command(Facilitate::Close).await.unwrap();
    until_shown(&client, ".closed-note", "closed").await;
    assert!(!client.find(Locator::Css("#send")).await.unwrap().is_displayed().await.unwrap());

    desk.command(Facilitate::End).await.unwrap();
    until_shown(&client, "#thanks h1", "Thank you").await;
    let id = client.find(Locator::Css("#anon-id")).await.unwrap().text().await.unwrap();
    assert!(id.starts_with("ws-"), "the anonymous id is shown: {id}");
    screenshot(&client, "workshop-phone-thanks.png").await;

    let rows = rows(&file);
    assert_eq!(rows.len(), 3);
    assert!(rows.iter().all(|r| r.0 == id));
    let saved: Vec<_> = trellis::api::Session::open(&file)
        .unwrap()
        .model()
        .responses
        .iter()
        .filter(|r| r.respondent == id)
        .cloned()
        .collect();
    assert_eq!(saved[0].note, "Mostly <b>on the job</b> & from colleagues", "the note is kept as typed");
    assert!(saved.iter().all(|r| r.respondent_type == Some(trellis::model::RespondentType::Manager)));
    assert!(saved.iter().all(|r| r.group.as_deref() == Some("Transport")));
    assert!(std::fs::metadata(&shot).unwrap().len() > 10_000, "a real screenshot at {}", shot.display());

    client.close().await.unwrap();
    drop(driver);
    stop(running).await;
}
