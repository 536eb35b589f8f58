//! Every IPC command, invoked headless through Tauri's mock runtime as the web view invokes it:
//! by name, with JSON arguments, answered with JSON or `{code, message}`.
//!
//! The four `choose_*` commands only show a native dialog and return the chosen path; the mock
//! runtime cannot show one, so they are tested in the real window (tests/e2e.rs answers each
//! dialog from the keyboard), and the commands that take the path are tested here.

mod webdriver;

use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{get_ipc_response, mock_builder, mock_context, noop_assets, MockRuntime, INVOKE_KEY};
use tauri::webview::InvokeRequest;
use tauri::{App, Manager, WebviewWindow, WebviewWindowBuilder};
use trellis::api::Session;
use trellis_studio_lib::state::Studio;

struct Shell {
    app: App<MockRuntime>,
    window: WebviewWindow<MockRuntime>,
    dir: tempfile::TempDir,
}

impl Shell {
    /// The studio on a fresh demo engagement (or on nothing), with its recent list in a temp dir.
    fn new(with_demo: bool) -> Shell {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("demo.trellis");
        if with_demo {
            Session::create(&path, "demo", Some("Northmere"), "2026-01-15").unwrap();
        }
        let studio = Studio::open(with_demo.then_some(path));
        studio.keep_recent_in(dir.path().join("config/recent.json"));
        let app = trellis_studio_lib::studio(mock_builder(), studio).build(mock_context(noop_assets())).unwrap();
        let window = WebviewWindowBuilder::new(&app, "main", Default::default()).build().unwrap();
        Shell { app, window, dir }
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn invoke(&self, cmd: &str, args: Value) -> Result<Value, Value> {
        let request = InvokeRequest {
            cmd: cmd.into(),
            callback: CallbackFn(0),
            error: CallbackFn(1),
            url: "tauri://localhost".parse().unwrap(),
            body: InvokeBody::Json(args),
            headers: Default::default(),
            invoke_key: INVOKE_KEY.to_string(),
        };
        get_ipc_response(&self.window, request).map(|b| b.deserialize::<Value>().unwrap())
    }

    /// The title the shell gives the window (the mock window does not keep titles).
    fn title(&self) -> String {
        self.app.state::<Studio>().window_title()
    }

    fn ok(&self, cmd: &str, args: Value) -> Value {
        self.invoke(cmd, args).unwrap_or_else(|e| panic!("{cmd}: {e}"))
    }

    /// The error code of a command that must fail.
    fn code(&self, cmd: &str, args: Value) -> String {
        let err = self.invoke(cmd, args).expect_err(cmd);
        assert!(err["message"].is_string(), "{err}");
        err["code"].as_str().unwrap().to_owned()
    }
}

fn s(v: &Value) -> &str {
    v.as_str().unwrap()
}

#[test]
fn every_command_in_the_list_is_handled_and_no_other() {
    let shell = Shell::new(false);
    let names = trellis_studio_lib::commands::NAMES;
    assert!(names.len() >= 30 && names.contains(&"apply_edit"), "{names:?}");
    // The dialogs would wait for a window the mock runtime cannot show: e2e.rs answers them.
    for name in names.iter().filter(|n| !n.starts_with("choose_")) {
        if let Err(e) = shell.invoke(name, json!({})) {
            assert!(!e.to_string().contains("not found"), "{name}: {e}");
        }
    }
    let e = shell.invoke("engagement_infos", json!({})).unwrap_err();
    assert!(e.to_string().contains("Command engagement_infos not found"), "{e}");
}

#[test]
fn engagement_info_open_create_recent_and_templates() {
    let shell = Shell::new(false);
    assert_eq!(shell.code("engagement_info", json!({})), "no-engagement");
    let templates = shell.ok("templates", json!({}));
    assert!(templates.as_array().unwrap().iter().any(|t| t["name"] == "demo"));

    let new = shell.path("new.trellis");
    let args = json!({"path": new, "template": "demo", "client": "<b>Acme</b>", "today": "2026-02-01"});
    let info = shell.ok("engagement_create", args.clone());
    assert_eq!(info["engagement"]["client"], "<b>Acme</b>");
    assert_eq!(info["engagement"]["created"], "2026-02-01");
    assert_eq!(shell.title(), format!("{} — Trellis", s(&info["engagement"]["name"])));
    assert_eq!(shell.code("engagement_create", args), "exists");
    let bad = json!({"path": shell.path("x.trellis"), "template": "nope", "client": null, "today": "2026-02-01"});
    assert_eq!(shell.code("engagement_create", bad), "refused");

    let other = shell.path("other.trellis");
    Session::create(&other, "leadership", Some("Other"), "2026-01-15").unwrap();
    let info = shell.ok("engagement_open", json!({"path": other}));
    assert_eq!(info["engagement"]["client"], "Other");
    assert_eq!(shell.ok("engagement_info", json!({}))["engagement"]["client"], "Other");
    assert_eq!(shell.code("engagement_open", json!({"path": shell.path("gone.trellis")})), "not-found");
    std::fs::write(shell.path("notes.trellis"), "not sqlite").unwrap();
    assert_eq!(shell.code("engagement_open", json!({"path": shell.path("notes.trellis")})), "not-trellis");
    // A refused file leaves the open engagement open.
    assert_eq!(shell.ok("engagement_info", json!({}))["engagement"]["client"], "Other");

    let recent = shell.ok("recent_engagements", json!({}));
    let clients: Vec<&str> = recent.as_array().unwrap().iter().map(|r| s(&r["client"])).collect();
    assert_eq!(clients, ["Other", "<b>Acme</b>"]);
}

#[test]
fn model_lists_links_edits_undo_and_redo() {
    let shell = Shell::new(true);
    let lists = shell.ok("model_lists", json!({}));
    let comp = lists["competencies"][0].clone();
    assert!(!lists["groups"].as_array().unwrap().is_empty());
    assert_eq!(shell.ok("history", json!({})), json!({"can_undo": false, "can_redo": false}));

    let role = json!({"op": "put_role", "id": "", "name": "Night lead", "group": "Operations", "headcount": 4});
    let applied = shell.ok("apply_edit", json!({"edit": role}));
    let id = s(&applied["id"]).to_owned();
    assert_eq!(applied["history"]["can_undo"], true);
    let link = json!({"op": "put_requires", "role": id, "competency": comp["id"], "target_level": 4,
                      "current_level": 1, "criticality": "high"});
    shell.ok("apply_edit", json!({"edit": link}));
    let links = shell.ok("item_links", json!({"kind": "role", "id": id}));
    assert_eq!(links["requires"][0]["competency"], comp["id"]);
    assert_eq!(shell.code("item_links", json!({"kind": "role", "id": "nope"})), "not-in-model");

    let blank = json!({"op": "put_role", "id": "", "name": " ", "headcount": 1});
    assert_eq!(shell.code("apply_edit", json!({"edit": blank})), "invalid");
    let dangling = json!({"op": "put_requires", "role": "nope", "competency": comp["id"], "target_level": 2});
    assert_eq!(shell.code("apply_edit", json!({"edit": dangling})), "invalid");
    // A refusal names the fields it is about, so the form can show each rule beside its field.
    let channel = json!({"op": "put_channel", "id": "", "name": "Clinic", "kind": "formal", "evaluation_level": 5,
                         "cohorts_per_year": 0, "hours": -1.5, "cost": 40, "cost_basis": "per-cohort"});
    let err = shell.invoke("apply_edit", json!({"edit": channel})).unwrap_err();
    assert_eq!(err["code"], "invalid");
    let fields: Vec<&str> = err["fields"].as_array().unwrap().iter().map(|f| s(&f["field"])).collect();
    assert_eq!(fields, ["cohorts_per_year", "hours"], "{err}");
    assert_eq!(err["fields"][0]["message"], "0 is not a positive number of cohorts");

    shell.ok("undo", json!({}));
    assert!(shell.ok("item_links", json!({"kind": "role", "id": id}))["requires"].as_array().unwrap().is_empty());
    let h = shell.ok("redo", json!({}));
    assert_eq!(h, json!({"can_undo": true, "can_redo": false}));
    assert_eq!(shell.ok("item_links", json!({"kind": "role", "id": id}))["requires"].as_array().unwrap().len(), 1);

    let mut engagement = shell.ok("engagement_info", json!({}))["engagement"].clone();
    engagement["name"] = json!("Renamed review");
    let mut edit = engagement.clone();
    edit["op"] = json!("set_engagement");
    shell.ok("apply_edit", json!({"edit": edit}));
    assert_eq!(shell.title(), "Renamed review — Trellis");
    shell.ok("undo", json!({}));
    assert_ne!(shell.title(), "Renamed review — Trellis");
}

#[test]
fn map_graph_draws_filters_and_focuses() {
    let shell = Shell::new(true);
    let all = shell.ok("map_graph", json!({"query": {}}));
    assert_eq!(all["summary"], false);
    let info = shell.ok("engagement_info", json!({}));
    let items =
        info["roles"].as_u64().unwrap() + info["competencies"].as_u64().unwrap() + info["channels"].as_u64().unwrap();
    assert_eq!(all["nodes"].as_array().unwrap().len() as u64, items);
    let role = all["nodes"].as_array().unwrap().iter().find(|n| n["kind"] == "role").unwrap()["id"].clone();
    let focus = shell.ok("map_graph", json!({"query": {"focus": role}}));
    assert_eq!(focus["nodes"].as_array().unwrap().iter().filter(|n| n["kind"] == "role").count(), 1);
    let small = shell.ok("map_graph", json!({"query": {"limit": 5}}));
    assert_eq!(small["summary"], true);
    let coaching = shell.ok("map_graph", json!({"query": {"kinds": ["coaching"]}}));
    assert!(coaching["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|n| n["kind"] == "channel")
        .all(|n| n["class"] == "coaching"));
    assert!(shell.invoke("map_graph", json!({"query": {"kinds": ["wiki"]}})).is_err());
}

#[test]
fn coverage_view_and_cells() {
    let shell = Shell::new(true);
    let view = shell.ok("coverage_view", json!({}));
    assert!(view["grouped"].is_null());
    let cell = view["cells"].as_array().unwrap().iter().find(|c| c["integration"].as_u64() > Some(0)).unwrap().clone();
    let channels =
        shell.ok("coverage_cell", json!({"query": {"role": cell["role"], "competency": cell["competency"]}}));
    assert!(!channels.as_array().unwrap().is_empty());
    let kinds = shell.ok("coverage_cell", json!({"query": {"competency": cell["competency"], "kind": "formal"}}));
    assert!(kinds.as_array().unwrap().iter().all(|c| c["kind"] == "formal"));
    assert_eq!(shell.code("coverage_cell", json!({"query": {"competency": "nope"}})), "not-in-model");
}

#[test]
fn findings_verdicts_manual_findings_and_summary() {
    let shell = Shell::new(true);
    let view = shell.ok("findings_view", json!({"query": {}}));
    let total = view["total"].as_u64().unwrap();
    assert!(total > 0);
    assert_eq!(view["areas"].as_array().unwrap().len(), 6);
    let key = view["rows"][0]["key"].clone();
    shell.ok("dispose_finding", json!({"key": key, "verdict": "accepted", "note": "confirmed with the client"}));
    let accepted = shell.ok("findings_view", json!({"query": {"status": "accepted"}}));
    assert_eq!(accepted["rows"][0]["note"], "confirmed with the client");
    shell.ok("dispose_finding", json!({"key": key, "verdict": null, "note": ""}));
    assert_eq!(
        shell.code("dispose_finding", json!({"key": "nope:x", "verdict": "accepted", "note": ""})),
        "not-in-model"
    );

    let finding = json!({"id": "", "title": "Managers <i>never</i> ask", "severity": "high", "pillar": "transfer-climate",
                         "rationale": "Heard in every interview", "recommendation": ""});
    let applied = shell.ok("put_manual_finding", json!({"finding": finding}));
    let id = s(&applied["id"]).to_owned();
    let manual = shell.ok("findings_view", json!({"query": {"code": "manual"}}));
    assert_eq!(manual["rows"][0]["title"], "Managers <i>never</i> ask");
    shell.ok("remove_manual_finding", json!({"id": id}));
    assert_eq!(shell.code("remove_manual_finding", json!({"id": id})), "not-in-model");

    shell.ok("set_summary", json!({"text": "The ecosystem leans on courses."}));
    assert_eq!(shell.ok("findings_view", json!({"query": {}}))["summary"], "The ecosystem leans on courses.");
}

#[test]
fn workshop_banks_answers_and_summary() {
    let shell = Shell::new(true);
    let banks = shell.ok("banks", json!({}));
    let bank = &banks[0];
    // The first rated statement: the bank opens with a discussion prompt, which takes no score.
    let rated = bank["questions"].as_array().unwrap().iter().find(|q| q.get("prompt").is_none()).unwrap();
    let (b, q) = (s(&bank["id"]).to_owned(), s(&rated["id"]).to_owned());
    let answer = |respondent: &str, score: Value| {
        json!({"response": {"bank": b, "question": q, "respondent": respondent, "group": "Drivers",
                            "score": score, "note": "mostly on the job", "at": "2026-02-01T10:00:00Z"}})
    };
    // The demo ships its own answers: the two new ones add to its distribution.
    let distribution = |summary: &Value| {
        let question = summary["questions"].as_array().unwrap().iter().find(|r| r["question"] == q.as_str()).unwrap();
        question["distribution"].as_array().unwrap().iter().map(|n| n.as_i64().unwrap()).collect::<Vec<_>>()
    };
    let before = distribution(&shell.ok("response_summary", json!({})));
    shell.ok("answer", answer("Table 1", json!(4)));
    shell.ok("answer", answer("Table 2", json!(2)));
    assert_eq!(shell.code("answer", answer("Table 3", json!(9))), "invalid");
    let after = distribution(&shell.ok("response_summary", json!({})));
    let added: Vec<i64> = after.iter().zip(&before).map(|(a, b)| a - b).collect();
    assert_eq!(added, vec![0, 1, 0, 1, 0], "one 2 and one 4");
    let mut wrong = answer("Table 4", json!(3));
    wrong["response"]["question"] = json!("nope");
    assert_eq!(shell.code("answer", wrong), "not-in-model");

    // After the workshop, Table 1 asks for its answers to be deleted; they stay deleted.
    let withdrawn = shell.ok("withdraw_answers", json!({"respondent": " Table 1 "}));
    assert_eq!(withdrawn["answers"], 1, "{withdrawn}");
    assert_eq!(shell.ok("withdraw_answers", json!({"respondent": "Table 9"}))["answers"], 0);
    let left =
        |summary: &Value| -> Vec<i64> { distribution(summary).iter().zip(&before).map(|(a, b)| a - b).collect() };
    assert_eq!(left(&shell.ok("response_summary", json!({}))), vec![0, 1, 0, 0, 0], "Table 1's 4 is gone");
    shell.ok("undo", json!({}));
    let after_undo = left(&shell.ok("response_summary", json!({})));
    assert_eq!(after_undo, vec![0, 1, 0, 0, 0], "undo does not bring withdrawn answers back");
    let reopened = Session::open(&shell.path("demo.trellis")).unwrap();
    assert!(reopened.model().responses.iter().all(|r| r.respondent != "Table 1"), "deleted from the file");
}

#[test]
fn exports_write_json_and_the_blueprint() {
    let shell = Shell::new(true);
    let json_path = shell.path("out.json");
    let out = shell.ok("export_json", json!({"path": json_path}));
    assert!(out["bytes"].as_u64().unwrap() > 100);
    let text = std::fs::read_to_string(&json_path).unwrap();
    assert!(text.contains("\"engagement\""));

    let layouts = shell.ok("blueprint_layouts", json!({}));
    assert!(layouts.as_array().unwrap().iter().any(|l| l == "default"));
    let pdf = shell.path("out.pdf");
    shell.ok("export_blueprint", json!({"path": pdf, "request": {"layout": "default", "date": "2026-02-01"}}));
    assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF"));
    let missing_logo = json!({"path": pdf, "request": {"logo": shell.path("logo.png"), "date": "2026-02-01"}});
    assert_eq!(shell.code("export_blueprint", missing_logo), "not-found");
    let nowhere = Path::new("/nonexistent-dir/x.json");
    assert_eq!(shell.code("export_json", json!({"path": nowhere})), "io");
    assert_eq!(shell.code("open_exported", json!({"path": shell.path("none.pdf")})), "not-found");
}

/// A participant's phone: one POST to the live server.
fn phone(listen: &str, path: &str, token: Option<&str>, body: Value) -> (u16, Value) {
    webdriver::request(listen, "POST", path, token, Some(&body)).unwrap()
}

#[test]
fn a_live_session_serves_phones_shows_their_answers_and_resumes() {
    let shell = Shell::new(true);
    assert_eq!(shell.ok("live_status", json!({})), Value::Null, "nothing listens before the user starts");
    assert_eq!(shell.code("live_control", json!({"action": {"action": "next"}})), "not-live");
    assert_eq!(shell.code("live_start", json!({"listen": "the room", "bank": null})), "refused");
    assert_eq!(shell.code("live_start", json!({"listen": "127.0.0.1:0", "bank": "no-such-bank"})), "not-in-model");

    let started = shell.ok("live_start", json!({"listen": "127.0.0.1:0", "bank": "core"}));
    let (listen, code) = (s(&started["listen"]).to_owned(), s(&started["join_code"]).to_owned());
    assert!(s(&started["join_url"]).ends_with(&format!("#{code}")), "{started}");
    assert!(s(&started["qr_svg"]).contains("<svg"));
    assert_eq!(started["resumed"], false);
    assert_eq!(started["live"]["current"], Value::Null);

    // The bank opens with a discussion prompt (not rated); the first statement follows it.
    let prompt = shell.ok("live_control", json!({"action": {"action": "next"}}));
    assert_eq!(prompt["live"]["questions"][0]["state"], "open");
    let opened = shell.ok("live_control", json!({"action": {"action": "next"}}));
    let first = s(&opened["live"]["questions"][1]["id"]).to_owned();
    assert_eq!(opened["live"]["current"], first.as_str());
    assert_eq!(opened["live"]["questions"][1]["state"], "open");

    let (status, joined) = phone(&listen, "/api/join", None, json!({"code": code}));
    assert_eq!(status, 200, "{joined}");
    let token = s(&joined["token"]).to_owned();
    let answer = json!({"question": first, "score": 4, "note": "<b>only</b> on the job"});
    assert_eq!(phone(&listen, "/api/answer", Some(&token), answer).0, 200);

    let live = shell.ok("live_status", json!({}));
    let q = &live["live"]["questions"][1];
    assert_eq!((q["answers"].clone(), q["distribution"][3].clone()), (json!(1), json!(1)), "{live}");
    assert_eq!(q["notes"][0], "<b>only</b> on the job", "notes arrive as typed; the UI shows them as text");
    assert_eq!(live["live"]["participants"], 1);

    // A second phone answers, then asks for its answers to be deleted.
    let (_, second) = phone(&listen, "/api/join", None, json!({"code": code}));
    let answer = json!({"question": first, "score": 1, "note": ""});
    assert_eq!(phone(&listen, "/api/answer", Some(s(&second["token"])), answer).0, 200);
    let forget = json!({"action": {"action": "remove-participant", "respondent": second["view"]["respondent"]}});
    let after = shell.ok("live_control", forget);
    assert_eq!(after["live"]["questions"][1]["answers"], 1, "{after}");
    assert_eq!(after["live"]["questions"][1]["distribution"][0], 0);

    // While served, the session's own control deletes answers, so the server's count stays true.
    assert_eq!(shell.code("withdraw_answers", json!({"respondent": "anyone"})), "live");

    // Every view counts the phones' answers while the session is served, and after it stops.
    let shipped = trellis::templates::load("demo").unwrap().responses.len();
    assert_eq!(
        shell.ok("engagement_info", json!({}))["responses"],
        shipped + 1,
        "the demo's own answers and the phone's"
    );
    let summary = shell.ok("response_summary", json!({}));
    let counted = summary["questions"].as_array().unwrap().iter().find(|r| r["question"] == first.as_str()).unwrap();
    assert!(counted["notes"].as_array().unwrap().iter().any(|n| n == "<b>only</b> on the job"), "{counted}");
    let exported = shell.path("live.json");
    shell.ok("export_json", json!({"path": exported}));
    assert!(std::fs::read_to_string(&exported).unwrap().contains("<b>only</b> on the job"));
    assert_eq!(shell.ok("live_stop", json!({}))["responses"], shipped + 1);
    assert_eq!(shell.ok("live_status", json!({})), Value::Null);
    assert!(std::net::TcpStream::connect(&listen).is_err(), "nothing listens after stopping");

    // Starting again resumes the file's session: the same question is open, the answer counts.
    let resumed = shell.ok("live_start", json!({"listen": "127.0.0.1:0", "bank": null}));
    assert_eq!(resumed["resumed"], true);
    assert_eq!(resumed["live"]["current"], first.as_str());
    assert_eq!(resumed["live"]["questions"][1]["answers"], 1);
    let closed = shell.ok("live_control", json!({"action": {"action": "close"}}));
    assert_eq!(closed["live"]["questions"][1]["state"], "closed");
    let ended = shell.ok("live_control", json!({"action": {"action": "end"}}));
    assert_eq!(ended["live"]["ended"], true);
    assert_eq!(shell.code("live_control", json!({"action": {"action": "next"}})), "ended");
    shell.ok("live_stop", json!({}));
}
