//! End to end in the real studio window: tauri-driver and WebKitWebDriver drive the app built
//! with `custom-protocol`, under the X display `cargo xtask test` gives it (Xvfb). A screenshot of
//! every view goes to `$CARGO_TARGET_DIR/screenshots/studio-*.png`.
//!
//! Runs only with `TRELLIS_E2E=1` (xtask sets it after starting Xvfb and installing tauri-driver);
//! otherwise it says so and passes. WebDriver cannot drive native dialogs: the test answers GTK's
//! file chooser from the keyboard with xdotool, as a user would, for all four of the studio's dialogs.

mod webdriver;

use serde_json::json;
use std::process::Command;
use std::time::{Duration, Instant};
use webdriver::{screenshots, tauri_driver, Session};

fn view(s: &Session, id: &str) {
    s.click_on(&format!(".nav-item[data-view={id}]"), "");
    s.shown(&format!(".view[data-view={id}]"), "");
}

fn shot(s: &Session, name: &str) {
    // Let fonts and the map's canvas settle before the picture.
    std::thread::sleep(Duration::from_millis(400));
    s.screenshot(&screenshots().join(format!("studio-{name}.png")));
}

fn xdotool(args: &[&str]) -> std::process::Output {
    Command::new("xdotool").args(args).output().expect("xdotool runs (xtask installs it)")
}

/// Presses `keys` (xdotool's names, e.g. `ctrl+shift+z`) in the studio's window, as a user at the
/// keyboard does: the native menus' shortcuts, not the web page, take them.
fn press(keys: &str) {
    let found = xdotool(&["search", "--onlyvisible", "--name", "Trellis$"]);
    let text = String::from_utf8_lossy(&found.stdout);
    let window = text.split_whitespace().next().expect("the studio's window is on the screen");
    xdotool(&["windowfocus", "--sync", window]);
    xdotool(&["key", "--clearmodifiers", keys]);
}

/// Answers the native file dialog (GTK's file chooser) as a user would, with the keyboard: the
/// path typed into the name field (`save`) or the location bar (open), then Enter.
fn answer_dialog(path: &std::path::Path, save: bool) {
    let deadline = Instant::now() + Duration::from_secs(20);
    let window = loop {
        let found = xdotool(&["search", "--onlyvisible", "--name", "^(Save|Open|Select|Choose)"]);
        if let Some(id) = String::from_utf8_lossy(&found.stdout).split_whitespace().next() {
            break id.to_owned();
        }
        assert!(Instant::now() < deadline, "no file dialog appeared");
        std::thread::sleep(Duration::from_millis(200));
    };
    std::thread::sleep(Duration::from_millis(500));
    xdotool(&["windowfocus", "--sync", &window]);
    xdotool(&["key", "--clearmodifiers", if save { "ctrl+a" } else { "ctrl+l" }]);
    xdotool(&["type", "--delay", "20", path.to_str().unwrap()]);
    // GTK checks the typed location before it takes Enter.
    std::thread::sleep(Duration::from_millis(800));
    xdotool(&["key", "Return"]);
}

/// Waits until `script` returns true.
fn wait_for_true(s: &Session, script: &str) {
    let deadline = Instant::now() + Duration::from_secs(10);
    while s.run(script, vec![]) != json!(true) {
        assert!(Instant::now() < deadline, "`{script}` never held");
        std::thread::sleep(Duration::from_millis(150));
    }
}

/// Waits until `script` returns `want` (a dialog's answer reaching its field).
fn wait_for(s: &Session, script: &str, want: &str) {
    let deadline = Instant::now() + Duration::from_secs(10);
    while s.run(script, vec![]) != json!(want) {
        assert!(Instant::now() < deadline, "`{script}` never gave `{want}`: {}", s.run(script, vec![]));
        std::thread::sleep(Duration::from_millis(150));
    }
}

fn count(s: &Session, css: &str) -> usize {
    s.run("return document.querySelectorAll(arguments[0]).length", vec![json!(css)]).as_u64().unwrap_or(0) as usize
}

#[test]
fn a_training_architect_works_through_an_engagement() {
    if std::env::var_os("TRELLIS_E2E").is_none() {
        eprintln!("SKIPPED: set TRELLIS_E2E=1 with a display and tauri-driver on PATH (cargo xtask test does)");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let driver = tauri_driver(&dir.path().join("config"));
    let s = Session::start(&driver, &[]);

    // Home, nothing open yet: create an engagement from the demo template at a typed path.
    s.shown(".view-title", "Welcome to Trellis");
    // The web view may listen to the shell's events, and do nothing else of Tauri's.
    let ipc = "return window.__TAURI_INTERNALS__.invoke(arguments[0], arguments[1]).then(() => 'allowed', (e) => 'refused: ' + e)";
    let listen = json!({"event": "menu", "target": {"kind": "Any"}, "handler": 0});
    assert_eq!(s.run(ipc, vec![json!("plugin:event|listen"), listen]), json!("allowed"));
    let close = s.run(ipc, vec![json!("plugin:window|close"), json!({"label": "main"})]);
    assert!(close.as_str().is_some_and(|t| t.starts_with("refused")), "{close}");
    // The Content-Security-Policy holds: a script injected into the page (as a name with markup
    // would be, were it ever parsed as HTML) does not run.
    let injected = "const sc = document.createElement('script'); sc.textContent = 'window.__injected = 1';
         document.body.append(sc); sc.remove(); return window.__injected === 1";
    assert_eq!(s.run(injected, vec![]), json!(false), "an inline script ran: the CSP is not applied");
    shot(&s, "home-empty");
    let file = dir.path().join("e2e.trellis");
    s.set("input[name=client]", "Harbour <b>Logistics</b>");
    s.click_on(".new-engagement .inline button", "Choose");
    answer_dialog(&file, true);
    let chosen = "return document.querySelector('input[name=path]').value";
    wait_for(&s, chosen, file.to_str().unwrap());
    s.click_on(".new-engagement button[type=submit]", "Create");
    s.shown(".view[data-view=model]", "Roles");
    assert!(file.exists(), "the engagement file was created");
    let title = s.title();
    assert!(title.ends_with(" — Trellis") && title.contains("Warehouse"), "{title}");

    // Home shows it; names are text. The demo ships its own answers: the workshop adds to them.
    view(&s, "home");
    s.shown(".meta dd", "Harbour <b>Logistics</b>");
    assert_eq!(count(&s, ".meta b"), 0);
    let shipped: usize = s
        .run("return document.querySelector('[data-count=responses] .count-value').textContent", vec![])
        .as_str()
        .and_then(|t| t.replace(',', "").parse().ok())
        .expect("home counts the demo's answers");
    shot(&s, "home");

    // Model: add a role, name it, link it to a competency at high criticality.
    view(&s, "model");
    s.click_on("[data-action=add]", "Add role");
    s.shown(".item-form .section-title", "New role");
    s.set(".item-form input[name=name]", "Night <i>dispatcher</i>");
    s.shown(".item-list .item-name", "Night <i>dispatcher</i>");
    let option = |what: &str| {
        let js = format!("return document.querySelector('.add-row select[name=competency]').options[1].{what}");
        s.run(&js, vec![]).as_str().unwrap().to_owned()
    };
    let (competency, id) = (option("text"), option("value"));
    s.set(".add-row select[name=competency]", &id);
    s.set(".add-row select[name=criticality]", "high");
    s.click_on("[data-action='add-Requires']", "Add");
    s.shown("[data-relation=Requires] td", &competency);
    assert_eq!(count(&s, ".item-list i, .item-form i"), 0);
    shot(&s, "model");

    // Findings: nothing reaches the new role, so a finding names it.
    view(&s, "findings");
    s.shown(".finding .chip", "Night <i>dispatcher</i>");
    shot(&s, "findings");

    // Undo the link: the finding goes away, and redo becomes possible.
    s.click_on("[data-action=undo]", "Undo");
    s.gone(".finding .chip", "Night <i>dispatcher</i>");
    assert_eq!(s.run("return document.querySelector('[data-action=redo]').disabled", vec![]), json!(false));
    // The same from the keyboard, through the native Edit menu's shortcuts; Ctrl+6 shows the Workshop.
    press("ctrl+shift+z");
    s.shown(".finding .chip", "Night <i>dispatcher</i>");
    press("ctrl+z");
    s.gone(".finding .chip", "Night <i>dispatcher</i>");
    press("ctrl+6");
    s.shown(".view[data-view=workshop]", "Workshop");
    // Tab moves the keyboard focus through the page, and the focused control shows it in the
    // studio's focus colour (--focus, or its light variant on the dark sidebar).
    press("Tab");
    let focus = "const e = document.activeElement; const st = getComputedStyle(e);
        return e !== document.body && e.matches(':focus-visible') && st.outlineStyle === 'solid'
            && parseFloat(st.outlineWidth) >= 3 && ['rgb(26, 86, 219)', 'rgb(158, 197, 255)'].includes(st.outlineColor)";
    wait_for_true(&s, focus);

    // Workshop: the opening discussion prompt takes no score; then two statements, each
    // answered by two tables.
    view(&s, "workshop");
    shot(&s, "workshop-setup");
    // The saved answers per bank count rated answers (and "don't know"), not a prompt's notes.
    let rated: usize = s
        .run("return document.querySelector('.saved-answers li span').textContent", vec![])
        .as_str()
        .and_then(|t| t.rsplit(": ").next()?.split(' ').next()?.replace(',', "").parse().ok())
        .expect("the workshop view lists the demo's answers");
    s.set("textarea[name=participants]", "Table 1\nTable 2");
    s.click_on(".workshop-setup button[type=submit]", "Start");
    s.shown(".facilitator-progress", "Question 1 of");
    s.shown(".question-help", "Talk about this together");
    assert_eq!(count(&s, ".score"), 0, "a prompt is not rated");
    s.click_on("[data-action=next-question]", "Next");
    s.shown(".facilitator-progress", "Question 2 of");
    s.click_on("[data-participant='Table 1'] .score[data-score='4']", "4");
    s.click_on("[data-participant='Table 2'] .score[data-score='2']", "2");
    s.shown(".answered", "2 of 2 answered");
    shot(&s, "workshop");
    s.click_on("[data-action=next-question]", "Next");
    s.shown(".facilitator-progress", "Question 3 of");
    s.click_on("[data-participant='Table 1'] .score[data-score='5']", "5");
    s.click_on("[data-participant='Table 2'] .score[data-score='3']", "3");
    s.shown(".answered", "2 of 2 answered");
    s.click_on(".facilitator-top button", "End workshop");
    s.shown(".summary-table", "Mean");
    shot(&s, "workshop-summary");
    view(&s, "home");
    s.shown("[data-count=responses] .count-value", &(shipped + 4).to_string());

    // Live session: a phone on the room's network answers; the facilitator's screen shows it arrive.
    view(&s, "workshop");
    s.click_on(".inline button", "New workshop");
    s.shown("[data-action=start-live]", "Start live session");
    let port = webdriver::free_port();
    s.set("select[name=live-host]", "127.0.0.1");
    s.set("input[name=live-port]", &port.to_string());
    s.click_on("[data-action=start-live]", "Start live session");
    s.shown(".live-url", &format!("127.0.0.1:{port}"));
    let code = s.run("return document.querySelector('.live-code').textContent", vec![]);
    s.click_on("[data-action=live-next]", "Open the first question");
    s.shown(".live-question.state-open .live-question-state", "open");
    // The first is a discussion prompt; the phone rates the statement after it.
    s.click_on("[data-action=live-next]", "Next question");
    wait_for_true(
        &s,
        "return document.querySelector('.live-stage .question-card .eyebrow')?.textContent.includes('Question 2 of')",
    );
    let listen = format!("127.0.0.1:{port}");
    let (status, joined) =
        webdriver::request(&listen, "POST", "/api/join", None, Some(&json!({"code": code}))).unwrap();
    assert_eq!(status, 200, "{joined}");
    let token = joined["token"].as_str().unwrap();
    let question = joined["view"]["question"]["id"].clone();
    let answer = json!({"question": question, "score": 5, "note": "<b>from a phone</b>"});
    assert_eq!(webdriver::request(&listen, "POST", "/api/answer", Some(token), Some(&answer)).unwrap().0, 200);
    s.shown(".live-tally", "1 answer");
    s.shown(".live-notes li", "<b>from a phone</b>");
    assert_eq!(count(&s, ".live-notes b"), 0);
    shot(&s, "workshop-live");
    s.run("document.querySelector('.live-forget').scrollIntoView()", vec![]);
    shot(&s, "workshop-live-controls");
    s.click_on("[data-action=live-stop]", "Stop serving");
    s.shown("[data-action=start-live]", "Start live session");

    // After the session: the answers saved, and one table's deleted at its request.
    s.shown(".saved-answers li", &format!("{} answers", rated + 5));
    s.run("window.confirm = () => true", vec![]);
    s.set(".saved-forget input[name=respondent]", "Table 2");
    s.click_on(".saved-forget button", "Delete their answers");
    s.shown(".saved-answers li", &format!("{} answers", rated + 3));
    s.run("document.querySelector('.saved-answers').scrollIntoView()", vec![]);
    shot(&s, "workshop-saved");
    view(&s, "home");
    s.shown("[data-count=responses] .count-value", &(shipped + 3).to_string());

    // The map and the coverage draw the engagement.
    view(&s, "map");
    s.shown(".map-caption", "links");
    let deadline = Instant::now() + Duration::from_secs(20);
    while count(&s, ".map-canvas canvas") == 0 {
        assert!(Instant::now() < deadline, "the map never drew");
        std::thread::sleep(Duration::from_millis(150));
    }
    shot(&s, "map");
    view(&s, "coverage");
    s.click_on(".heatmap button.cell", "");
    s.shown(".cell-detail .panel-title", "×");
    shot(&s, "coverage");

    // Export: the blueprint PDF names the engagement; the JSON carries the client.
    view(&s, "export");
    let pdf = dir.path().join("blueprint.pdf");
    s.set("input[name=pdf-path]", pdf.to_str().unwrap());
    // A logo for the cover, chosen in the native open dialog.
    let logo = dir.path().join("logo.png");
    let made = Command::new("convert").args(["-size", "120x60", "xc:#2f6b4f"]).arg(&logo).status();
    assert!(made.is_ok_and(|s| s.success()), "ImageMagick's convert makes the logo");
    s.click_on("[data-export=pdf] .inline button", "Choose logo");
    answer_dialog(&logo, false);
    wait_for(&s, "return document.querySelector('input[name=logo]').value", logo.to_str().unwrap());
    s.click_on("[data-export=pdf] button[type=submit]", "Export");
    s.shown("[data-export=pdf] .done", "Saved");
    // The JSON's destination comes from the native save dialog, answered from the keyboard.
    let json_path = dir.path().join("engagement.json");
    s.click_on("[data-export=json] .inline button", "Choose");
    answer_dialog(&json_path, true);
    wait_for(&s, "return document.querySelector('input[name=json-path]').value", json_path.to_str().unwrap());
    s.click_on("[data-export=json] button[type=submit]", "Export");
    s.shown("[data-export=json] .done", "Saved");
    shot(&s, "export");
    let text = Command::new("pdftotext").arg(&pdf).arg("-").output().expect("pdftotext runs");
    let text = String::from_utf8_lossy(&text.stdout);
    let name = title.trim_end_matches(" — Trellis");
    assert!(text.contains(name), "the blueprint does not name `{name}`:\n{}", &text[..text.len().min(400)]);
    let images = Command::new("pdfimages").arg("-list").arg(&pdf).output().expect("pdfimages runs");
    let images = String::from_utf8_lossy(&images.stdout);
    assert!(images.contains(" 120    60 "), "the cover carries the chosen logo:\n{images}");
    assert!(std::fs::read_to_string(&json_path).unwrap().contains("Harbour <b>Logistics</b>"));

    // Home's Open… shows the native open dialog; the engagement chosen there opens.
    let other = dir.path().join("other.trellis");
    trellis::api::Session::create(&other, "leadership", Some("Other client"), "2026-01-15").unwrap();
    view(&s, "home");
    s.click_on(".recent button", "Open");
    answer_dialog(&other, false);
    s.shown(".view[data-view=model]", "Roles");
    view(&s, "home");
    s.shown(".meta dd", "Other client");
    s.end();
}
