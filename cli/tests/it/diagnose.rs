//! `trellis diagnose` and the judgement commands as users run them: byte-identical JSON, verdicts, manual findings, answers.

use crate::support::{ok, trellis};

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
    let themes = v["themes"].as_array().unwrap();
    assert!(!themes.is_empty());
    for t in themes {
        for k in ["key", "title", "severity", "people", "codes", "findings", "examples", "recommendation", "impact"] {
            assert!(t.get(k).is_some(), "theme lacks {k}: {t}");
        }
    }
    let impacts: Vec<i64> = themes.iter().map(|t| t["impact"].as_i64().unwrap()).collect();
    assert!(impacts.windows(2).all(|w| w[0] >= w[1]), "themes most impact first: {impacts:?}");
    let held: usize = themes.iter().map(|t| t["findings"].as_array().unwrap().len()).sum();
    assert_eq!(held, v["findings"].as_array().unwrap().len(), "each finding in one theme");
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
    let theme = v["themes"].as_array().unwrap().iter().find(|t| t["findings"][0] == key.as_str()).unwrap();
    let alone = theme["findings"].as_array().unwrap().len() == 1;
    ok(&["dispose", "d.trellis", &key, "--dismiss", "--note", "out of scope"], d);
    let after: serde_json::Value =
        serde_json::from_str(&ok(&["diagnose", "d.trellis", "--format", "json"], d)).unwrap();
    let held: Vec<&str> = after["themes"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|t| t["findings"].as_array().unwrap().iter().map(|k| k.as_str().unwrap()))
        .collect();
    assert!(!held.contains(&key.as_str()), "a dismissed finding leaves its theme");
    let still = after["themes"].as_array().unwrap().iter().any(|t| t["key"] == theme["key"]);
    assert_eq!(still, !alone, "a theme goes only when all its findings are dismissed");
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
    let before: serde_json::Value = serde_json::from_str(&ok(&["info", "d.trellis", "--json"], d)).unwrap();
    ok(&["answer", "d.trellis", "--question", "tc-1", "--score", "2", "--group", "Drivers", "--type", "manager"], d);
    ok(&["answer", "d.trellis", "--question", "tc-1", "--dont-know"], d);
    let o = trellis(&["answer", "d.trellis", "--question", "tc-1", "--score", "7"], d);
    assert_eq!(o.status.code(), Some(2), "a score outside 1-5 is a usage error");
    let info: serde_json::Value = serde_json::from_str(&ok(&["info", "d.trellis", "--json"], d)).unwrap();
    assert_eq!(info["responses"].as_i64().unwrap() - before["responses"].as_i64().unwrap(), 2);
    let o = trellis(&["answer", "d.trellis", "--question", "tc-1", "--score", "2", "--type", "boss"], d);
    assert_eq!(o.status.code(), Some(2), "an unknown respondent type is a usage error");
    let said = String::from_utf8_lossy(&o.stderr);
    assert!(
        said.contains("--type") && said.contains("boss") && said.contains("learner, manager, ld, leader"),
        "{said}"
    );
    let after: serde_json::Value = serde_json::from_str(&ok(&["info", "d.trellis", "--json"], d)).unwrap();
    assert_eq!(after["responses"], info["responses"], "nothing saved");
    let json = ok(&["export", "d.trellis", "--format", "json"], d);
    assert!(json.contains(r#""respondent_type": "manager""#), "the type is in the file");
    ok(&["summary", "d.trellis", "--set", "Courses carry the load."], d);
    assert_eq!(ok(&["summary", "d.trellis"], d).trim(), "Courses carry the load.");
    let banks = ok(&["bank", "list", "d.trellis"], d);
    assert!(banks.starts_with("core (version 2): "), "{banks}");
    assert!(
        banks.contains("  co-p     [coaching] [prompt] How do managers support employee development through coaching?"),
        "{banks}"
    );
    assert!(banks.contains("  co-2     [coaching] People get specific feedback"), "{banks}");
}
