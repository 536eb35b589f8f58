//! Diagnosis end to end through the API: the demo's gaps, the consultant's verdicts and answers (`trellis diagnose` is tested in `cli/tests/it/diagnose.rs`).

use trellis::api::Session;
use trellis::model::{Area, Response, Severity, Verdict};

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

/// The budget: a client reads a short diagnosis. Checks added later must keep the demo
/// within it, by being precise rather than by removing the demo's gaps.
#[test]
fn the_demo_stays_within_ninety_findings() {
    let dir = tempfile::tempdir().unwrap();
    let s = Session::create(&dir.path().join("d.trellis"), "demo", None, "2026-01-01").unwrap();
    let d = s.diagnose();
    assert!(d.findings.len() <= 90, "the demo gives {} findings", d.findings.len());
    // No pair already at target is reported as a coverage gap.
    let model = s.model();
    for f in &d.findings {
        let (Some(role), Some(comp)) = (f.subjects.role, f.subjects.competency) else { continue };
        let r = model.requires.iter().find(|r| r.role == role && r.competency == comp);
        let closed = r.is_some_and(|r| r.current_level.is_some_and(|c| c >= r.target_level));
        assert!(!closed, "{} fires on {role}/{comp}, already at target", f.key());
    }
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
    // The leadership template ships without answers (the demo has its own).
    let mut s = Session::create(&dir.path().join("d.trellis"), "leadership", None, "2026-01-01").unwrap();
    assert_eq!(s.diagnose().scores.areas[&Area::Coaching].perceived, None);
    // Five people: the fewest whose answers count for an area.
    for (who, score) in [("a", Some(2)), ("b", Some(4)), ("c", None), ("d", Some(3)), ("e", Some(3))] {
        s.answer(Response {
            bank: "core".into(),
            question: "co-1".into(),
            respondent: who.into(),
            group: Some("Drivers".into()),
            respondent_type: None,
            score,
            note: String::new(),
            at: "2026-02-01T09:00:00Z".into(),
        })
        .unwrap();
    }
    let coaching = s.diagnose().scores.areas[&Area::Coaching];
    assert_eq!(coaching.perceived, Some(50.0), "mean 3 on 1-5 is 50");
    assert_eq!((coaching.responses, coaching.respondents), (5, 5));
    let bad = Response {
        bank: "core".into(),
        question: "zz-9".into(),
        respondent: "a".into(),
        group: None,
        respondent_type: None,
        score: Some(3),
        note: String::new(),
        at: "2026-02-01T09:00:00Z".into(),
    };
    let err = s.answer(bad.clone()).unwrap_err().to_string();
    assert!(err.contains("zz-9") && err.contains("co-1"), "{err}");
    // The article's questions are discussion prompts: a note, never a score.
    let scored_prompt = Response { question: "co-p".into(), ..bad.clone() };
    let err = s.answer(scored_prompt).unwrap_err();
    assert_eq!(err.code(), "usage");
    assert!(err.to_string().contains("co-p") && err.to_string().contains("discussion prompt"), "{err}");
    s.answer(Response { question: "co-p".into(), score: None, note: "Mostly informal".into(), ..bad }).unwrap();
    assert_eq!(s.diagnose().scores.areas[&Area::Coaching].responses, 5, "a prompt's note counts in no score");
}

/// The starter templates show good practice as well as gaps: the learning mix is flagged only
/// where a role is really short of one kind of learning (at most five roles in all).
#[test]
fn the_starter_templates_rarely_show_a_mix_imbalance() {
    let mut flagged = Vec::new();
    for t in trellis::templates::all() {
        let model = t.model().unwrap();
        let d = trellis::diagnostics::diagnose(&model);
        flagged.extend(
            d.findings.iter().filter(|f| f.code == "mix-imbalance").map(|f| format!("{}: {}", t.name, f.key())),
        );
    }
    assert!(flagged.len() <= 5, "mix-imbalance fires for {} roles: {flagged:?}", flagged.len());
}
