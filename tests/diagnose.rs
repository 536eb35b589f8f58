//! Diagnosis end to end: the demo's gaps, determinism, the consultant's verdicts, answers and the CLI.

use std::path::Path;
use std::process::{Command, Output};
use trellis::api::Session;
use trellis::model::{Pillar, Response, Severity, Verdict};

fn trellis(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_trellis")).args(args).current_dir(dir).output().expect("run trellis")
}

fn ok(args: &[&str], dir: &Path) -> String {
    let o = trellis(args, dir);
    assert_eq!(o.status.code(), Some(0), "trellis {args:?}: {}", String::from_utf8_lossy(&o.stderr));
    String::from_utf8(o.stdout).unwrap()
}

#[test]
fn the_demo_shows_the_gaps_real_clients_have() {
    let dir = tempfile::tempdir().unwrap();
    let s = Session::create(&dir.path().join("d.trellis"), "demo", None, "2026-01-01").unwrap();
    let d = s.diagnose();
    let mut codes: Vec<&str> = d.findings.iter().map(|f| f.code).collect();
    codes.sort_unstable();
    codes.dedup();
    assert!(codes.len() >= 8, "only {} codes: {codes:?}", codes.len());
    for code in
        ["training-only", "coaching-overload", "unmeasured", "unreachable", "no-reinforcement", "orphan-channel"]
    {
        assert!(codes.contains(&code), "the demo lacks {code}: {codes:?}");
    }
    // Every finding is complete: texts filled in, key stable, evidence present.
    for f in &d.findings {
        let recommendation = d.recommendation(f);
        assert!(!f.rationale().is_empty() && !recommendation.is_empty(), "{f:?}");
        assert!(!recommendation.contains('{'), "unfilled placeholder: {recommendation}");
        assert!(f.key().starts_with(&format!("{}:", f.code)), "{}", f.key());
        assert!(!f.evidence.is_empty(), "{} has no evidence", f.code);
    }
    // Sorted most severe first.
    assert!(d.findings.windows(2).all(|w| w[0].severity <= w[1].severity));
    assert!(d.findings.iter().any(|f| f.severity == Severity::High));
}

#[test]
fn verdicts_manual_findings_and_summary_are_kept_in_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("d.trellis");
    let mut s = Session::create(&path, "demo", None, "2026-01-01").unwrap();
    let d = s.diagnose();
    let first = d.findings[0].key();
    let second = d.findings[1].key();
    s.dispose(&first, Some(Verdict::Dismissed), "Client is replacing this channel in Q1").unwrap();
    s.dispose(&second, Some(Verdict::Accepted), "Confirmed in the workshop").unwrap();
    assert!(s.dispose("no-such:key", Some(Verdict::Accepted), "").is_err());
    s.set_summary("The ecosystem leans on courses.").unwrap();
    drop(s);
    let s = Session::open(&path).unwrap();
    let d = s.diagnose();
    let f = d.findings.iter().find(|f| f.key() == first).expect("dismissed findings stay visible");
    assert_eq!(f.status, Some(Verdict::Dismissed));
    assert_eq!(f.note, Some("Client is replacing this channel in Q1"));
    assert_eq!(d.findings.iter().find(|f| f.key() == second).unwrap().status, Some(Verdict::Accepted));
    assert_eq!(s.model().summary, "The ecosystem leans on courses.");
    let doc: serde_json::Value = serde_json::from_str(&s.export_json()).unwrap();
    assert_eq!(doc["dispositions"].as_array().unwrap().len(), 2);
    assert_eq!(doc["summary"], "The ecosystem leans on courses.");
}

#[test]
fn answers_feed_the_perceived_scores() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = Session::create(&dir.path().join("d.trellis"), "demo", None, "2026-01-01").unwrap();
    assert_eq!(s.diagnose().scores.pillars[&Pillar::Coaching].perceived, None);
    for (who, score) in [("a", Some(2)), ("b", Some(4)), ("c", None)] {
        s.answer(Response {
            bank: "core".into(),
            question: "co-1".into(),
            respondent: who.into(),
            group: Some("Drivers".into()),
            score,
            note: String::new(),
            at: "2026-02-01T09:00:00Z".into(),
        })
        .unwrap();
    }
    let coaching = s.diagnose().scores.pillars[&Pillar::Coaching];
    assert_eq!(coaching.perceived, Some(50.0), "mean 3 on 1-5 is 50");
    assert_eq!(coaching.responses, 3);
    let bad = Response {
        bank: "core".into(),
        question: "zz-9".into(),
        respondent: "a".into(),
        group: None,
        score: Some(3),
        note: String::new(),
        at: "2026-02-01T09:00:00Z".into(),
    };
    let err = s.answer(bad).unwrap_err().to_string();
    assert!(err.contains("zz-9") && err.contains("co-1"), "{err}");
}

#[test]
fn diagnose_json_is_byte_identical_across_runs_and_shaped_as_documented() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    ok(&["new", "d.trellis", "--date", "2026-01-01"], d);
    let a = ok(&["diagnose", "d.trellis", "--format", "json"], d);
    let b = ok(&["diagnose", "d.trellis", "--format", "json"], d);
    assert_eq!(a, b);
    let v: serde_json::Value = serde_json::from_str(&a).unwrap();
    for area in ["beyond-training", "experiential", "coaching", "knowledge-access", "transfer-climate", "measurement"] {
        let p = &v["scores"]["pillars"][area];
        for k in ["score", "structural", "perceived", "responses"] {
            assert!(p.get(k).is_some(), "{area} lacks {k}: {p}");
        }
    }
    assert!(v["scores"]["maturity"]["level"].is_u64());
    assert!(v["scores"]["maturity"]["label"].is_string());
    assert!(v["coverage"]["pairs"].as_array().unwrap().len() > 10);
    let f = &v["findings"][0];
    for k in ["code", "severity", "pillar", "subjects", "evidence", "rationale", "recommendation", "key"] {
        assert!(f.get(k).is_some(), "finding lacks {k}: {f}");
    }
    let high = ok(&["diagnose", "d.trellis", "--format", "json", "--min-severity", "high"], d);
    let high: serde_json::Value = serde_json::from_str(&high).unwrap();
    assert!(high["findings"]
        .as_array()
        .unwrap()
        .iter()
        .all(|f| f["severity"] == "high" || f["severity"] == "critical"));
}

#[test]
fn the_cli_records_judgement_and_answers() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    ok(&["new", "d.trellis", "--date", "2026-01-01"], d);
    let v: serde_json::Value = serde_json::from_str(&ok(&["diagnose", "d.trellis", "--format", "json"], d)).unwrap();
    let key = v["findings"][0]["key"].as_str().unwrap().to_owned();
    ok(&["dispose", "d.trellis", &key, "--dismiss", "--note", "out of scope"], d);
    let text = ok(&["diagnose", "d.trellis"], d);
    assert!(text.contains("[dismissed]") || text.contains("dismissed]"), "{text}");
    let id = ok(
        &[
            "finding",
            "add",
            "d.trellis",
            "--title",
            "Managers <b>never</b> observe work",
            "--area",
            "transfer-climate",
            "--severity",
            "high",
        ],
        d,
    );
    assert!(!id.trim().is_empty());
    let md = ok(&["diagnose", "d.trellis", "--format", "markdown"], d);
    assert!(md.contains("Managers \\<b\\>never\\</b\\> observe work"), "user text is escaped in Markdown: {md}");
    ok(&["answer", "d.trellis", "--question", "tc-1", "--score", "2", "--group", "Drivers"], d);
    ok(&["answer", "d.trellis", "--question", "tc-1", "--dont-know"], d);
    let o = trellis(&["answer", "d.trellis", "--question", "tc-1", "--score", "7"], d);
    assert_eq!(o.status.code(), Some(2), "a score outside 1-5 is a usage error");
    let info: serde_json::Value = serde_json::from_str(&ok(&["info", "d.trellis", "--json"], d)).unwrap();
    assert_eq!(info["responses"], 2);
    ok(&["summary", "d.trellis", "--set", "Courses carry the load."], d);
    assert_eq!(ok(&["summary", "d.trellis"], d).trim(), "Courses carry the load.");
    let banks = ok(&["bank", "list", "d.trellis"], d);
    assert!(banks.contains("How do managers support employee development through coaching?"), "{banks}");
}
