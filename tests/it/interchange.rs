//! The JSON interchange: exports match the committed JSON Schema, are deterministic, and round-trip losslessly (property-tested).

use crate::common;

use proptest::prelude::*;
use trellis::api::Session;
use trellis::interop::json;
use trellis::model::*;

fn schema() -> jsonschema::Validator {
    let text = include_str!("../../docs/trellis.schema.json");
    let schema: serde_json::Value = serde_json::from_str(text).expect("the schema is JSON");
    jsonschema::validator_for(&schema).expect("the schema is a valid JSON Schema")
}

fn assert_valid(doc: &str, what: &str) {
    let value: serde_json::Value = serde_json::from_str(doc).unwrap();
    let validator = schema();
    let errors: Vec<String> =
        validator.iter_errors(&value).map(|e| format!("{} at {}", e, e.instance_path())).collect();
    assert!(errors.is_empty(), "{what} breaks docs/trellis.schema.json:\n{}", errors.join("\n"));
}

/// The schema's `enum` at `pointer`, beside the vocabulary's wire names.
fn schema_enum<V: Vocabulary>(schema: &serde_json::Value, pointer: &str) {
    let listed: Vec<&str> = schema
        .pointer(pointer)
        .and_then(|e| e.as_array())
        .map_or_else(Vec::new, |e| e.iter().filter_map(|v| v.as_str()).collect());
    let declared: Vec<&str> = V::ALL.iter().map(|v| v.wire()).collect();
    assert_eq!(listed, declared, "docs/trellis.schema.json {pointer} against {}", V::NAME);
}

#[test]
fn the_schema_lists_every_vocabulary_as_declared() {
    let schema: serde_json::Value = serde_json::from_str(include_str!("../../docs/trellis.schema.json")).unwrap();
    schema_enum::<ChannelKind>(&schema, "/$defs/channel/properties/kind/enum");
    schema_enum::<Criticality>(&schema, "/$defs/criticality/enum");
    schema_enum::<Stage>(&schema, "/$defs/stage/enum");
    schema_enum::<CostBasis>(&schema, "/$defs/cost_basis/enum");
    schema_enum::<Area>(&schema, "/$defs/pillar/enum");
    schema_enum::<Severity>(&schema, "/$defs/severity/enum");
    schema_enum::<Verdict>(&schema, "/$defs/disposition/properties/status/enum");
}

#[test]
fn every_template_exports_a_document_the_schema_accepts() {
    for t in trellis::templates::all() {
        let doc = json::export(&t.model().unwrap());
        assert_valid(&doc, t.name);
    }
    assert_valid(&json::export(&common::small_model()), "small model");
}

#[test]
fn the_schema_rejects_what_import_rejects() {
    let validator = schema();
    for bad in [
        r#"{"format":"trellis","version":1,"roles":[{"id":"r","name":"R","headcont":1}]}"#,
        r#"{"format":"trellis","version":1,"channels":[{"id":"c","name":"C","kind":"webinar"}]}"#,
        r#"{"format":"other","version":1}"#,
    ] {
        let value: serde_json::Value = serde_json::from_str(bad).unwrap();
        assert!(!validator.is_valid(&value), "schema accepted {bad}");
        assert!(json::parse(bad, "bad.json", &Model::default()).is_err(), "import accepted {bad}");
    }
}

#[test]
fn export_import_export_through_a_file_is_byte_identical() {
    let dir = common::temp_dir();
    let original = trellis::templates::load("demo").unwrap();
    let first = json::export(&original);
    // A fresh file holding only the engagement, then the document imported into it.
    let b = dir.path().join("b.trellis");
    trellis::store::Store::create(&b, &Model { engagement: original.engagement.clone(), ..Model::default() }).unwrap();
    let mut s = Session::open(&b).unwrap();
    s.import_json(&first, "demo.json", false).unwrap();
    assert_eq!(s.export_json(), first);
    assert_eq!(Session::open(&b).unwrap().export_json(), first, "two exports of one file are identical");
}

#[test]
fn importing_the_same_document_twice_updates_rather_than_duplicates() {
    let dir = common::temp_dir();
    let path = dir.path().join("e.trellis");
    let mut s = Session::create(&path, "demo", None, "2026-02-02").unwrap();
    let doc = s.export_json();
    let before = s.model().clone();
    let summary = s.import_json(&doc, "again.json", false).unwrap();
    assert_eq!(summary.total_changes(), 0, "{summary}");
    assert_eq!(s.model(), &before);
    // A changed role is an update, not a second role.
    let changed = doc.replacen("\"headcount\": ", "\"headcount\": 1", 1);
    let summary = s.import_json(&changed, "changed.json", false).unwrap();
    let roles = summary.kinds.iter().find(|(k, _)| *k == "roles").unwrap().1;
    assert_eq!((roles.added, roles.updated), (0, 1));
    assert_eq!(s.model().roles.len(), before.roles.len());
}

#[test]
fn a_bad_document_changes_nothing() {
    let dir = common::temp_dir();
    let path = dir.path().join("e.trellis");
    let mut s = Session::create(&path, "demo", None, "2026-02-02").unwrap();
    let before = s.export_json();
    let doc = r#"{"format":"trellis","version":1,
        "roles":[{"id":"new-role","name":"New"}],
        "requires":[{"role":"new-role","competency":"missing","target_level":3}]}"#;
    let err = s.import_json(doc, "bad.json", false).unwrap_err();
    assert_eq!(err.code(), "invalid");
    assert!(err.to_string().contains("missing"), "{err}");
    assert_eq!(Session::open(&path).unwrap().export_json(), before);
}

#[test]
fn a_respondent_type_travels_and_an_unknown_one_is_refused_naming_its_field() {
    let dir = common::temp_dir();
    let path = dir.path().join("e.trellis");
    let mut s = Session::create(&path, "demo", None, "2026-02-02").unwrap();
    let answer = |respondent: &str, t: &str| {
        format!(
            r#"{{"bank":"core","question":"tc-1","respondent":"{respondent}","respondent_type":"{t}","score":4,"at":"2026-02-02T10:00:00Z"}}"#
        )
    };
    let doc = format!(r#"{{"format":"trellis","version":1,"responses":[{}]}}"#, answer("a", "leader"));
    s.import_json(&doc, "good.json", false).unwrap();
    let saved =
        Session::open(&path).unwrap().model().responses.last().map(|r| (r.respondent.clone(), r.respondent_type));
    assert_eq!(saved, Some(("a".to_owned(), Some(RespondentType::Leader))));
    assert!(s.export_json().contains(r#""respondent_type": "leader""#), "{}", s.export_json());
    let before = s.export_json();
    let doc = format!(
        r#"{{"format":"trellis","version":1,"responses":[{},{}]}}"#,
        answer("b", "manager"),
        answer("c", "boss")
    );
    let err = s.import_json(&doc, "bad.json", false).unwrap_err().to_string();
    assert!(
        err.contains("bad.json") && err.contains("responses[1].respondent_type") && err.contains("line 1"),
        "{err}"
    );
    assert_eq!(Session::open(&path).unwrap().export_json(), before, "the saved answers are untouched");
}

// ---- property test: random valid models survive export -> parse -> export unchanged ----

fn text() -> impl Strategy<Value = String> {
    // Names users type: accents, CJK, quotes, markup and newlines all survive.
    proptest::string::string_regex("[a-zA-Z0-9 éłğΩ漢字<>&\"'\\\\\n]{0,12}").unwrap()
}

fn name() -> impl Strategy<Value = String> {
    proptest::string::string_regex("[a-zA-Z éłğΩ漢字<>&]{0,10}[a-zA-Z漢]").unwrap()
}

fn arb_model() -> impl Strategy<Value = Model> {
    (1usize..6, 1usize..6, 1usize..5).prop_flat_map(|(nr, nc, nch)| {
        let roles = proptest::collection::vec((name(), text(), text(), 0i64..500), nr);
        let comps = proptest::collection::vec((name(), text(), proptest::option::of(0..nc)), nc);
        let chans = proptest::collection::vec(
            (
                name(),
                0usize..6,
                proptest::option::of(0i64..100),
                proptest::option::of(0u32..10_000),
                0i64..6,
                (proptest::option::of(1i64..13), proptest::option::of(0usize..3), proptest::option::of(0u32..400)),
            ),
            nch,
        );
        let reqs = proptest::collection::vec((0..nr, 0..nc, 0i64..6, proptest::option::of(0i64..6), 0usize..3), 0..10);
        // Stages as a non-empty bit set: a link may develop its competency at several stages.
        let devs = proptest::collection::vec((0..nch, 0..nc, 1u8..16), 0..10);
        let reach = proptest::collection::vec((0..nch, 0..nr), 0..8);
        let follow = proptest::collection::vec((0..nch, 0..nch), 0..5);
        let prereq = proptest::collection::vec((0..nc, 0..nc), 0..5);
        let resp = proptest::collection::vec((text(), proptest::option::of(1i64..6), text()), 0..4);
        let judgement = (text(), text(), 1i64..10, proptest::bool::ANY);
        (roles, comps, chans, reqs, devs, reach, follow, prereq, resp, judgement).prop_map(
            |(roles, comps, chans, reqs, devs, reach, follow, prereq, resp, (summary, note, threshold, accept))| {
                let mut m = Model::default();
                m.engagement.name = "Property".into();
                m.engagement.created = "2026-01-31".into();
                m.engagement.currency =
                    (threshold % 3 != 0).then(|| ["EUR", "GBP", "JPY"][threshold as usize % 3].into());
                m.roles = roles
                    .into_iter()
                    .enumerate()
                    .map(|(i, (name, description, group, headcount))| Role {
                        id: format!("r{i}"),
                        name,
                        description,
                        group,
                        headcount,
                        refs: vec![format!("esco:r/{i}")],
                    })
                    .collect();
                m.competencies = comps
                    .into_iter()
                    .enumerate()
                    .map(|(i, (name, category, parent))| Competency {
                        id: format!("c{i}"),
                        name,
                        description: String::new(),
                        category,
                        // Parents only point to earlier competencies: no loops.
                        parent: parent.filter(|p| *p < i).map(|p| format!("c{p}")),
                        refs: vec![],
                    })
                    .collect();
                m.channels = chans
                    .into_iter()
                    .enumerate()
                    .map(|(i, (name, kind, capacity, cost, level, (cohorts, basis, hours)))| Channel {
                        id: format!("ch{i}"),
                        name,
                        kind: ChannelKind::ALL[kind],
                        description: "a \"quoted\" <description>".into(),
                        capacity,
                        cohorts_per_year: cohorts,
                        cost: cost.map(|c| f64::from(c) / 4.0),
                        cost_basis: basis.map(|b| CostBasis::ALL[b]),
                        hours: hours.map(|h| f64::from(h) / 2.0),
                        evaluation_level: level,
                    })
                    .collect();
                for (r, c, t, cur, crit) in reqs {
                    if !m.requires.iter().any(|x| x.role == format!("r{r}") && x.competency == format!("c{c}")) {
                        m.requires.push(Requires {
                            role: format!("r{r}"),
                            competency: format!("c{c}"),
                            target_level: t,
                            current_level: cur,
                            criticality: Criticality::ALL[crit],
                        });
                    }
                }
                for (ch, c, s) in devs {
                    if !m.develops.iter().any(|x| x.channel == format!("ch{ch}") && x.competency == format!("c{c}")) {
                        let stages = Stage::ALL.iter().enumerate().filter(|(i, _)| s & (1 << i) != 0);
                        m.develops.push(Develops {
                            channel: format!("ch{ch}"),
                            competency: format!("c{c}"),
                            stages: stages.map(|(_, s)| *s).collect(),
                        });
                    }
                }
                for (ch, r) in reach {
                    let link = Reaches { channel: format!("ch{ch}"), role: format!("r{r}") };
                    if !m.reaches.contains(&link) {
                        m.reaches.push(link);
                    }
                }
                for (a, b) in follow.into_iter().filter(|(a, b)| a != b) {
                    let link = Follows { from: format!("ch{a}"), to: format!("ch{b}") };
                    if !m.follows.contains(&link) {
                        m.follows.push(link);
                    }
                }
                for (a, b) in prereq.into_iter().filter(|(a, b)| a != b) {
                    let link = Prerequisite { competency: format!("c{a}"), requires: format!("c{b}") };
                    if !m.prerequisites.contains(&link) {
                        m.prerequisites.push(link);
                    }
                }
                m.responses = resp
                    .into_iter()
                    .enumerate()
                    .map(|(i, (note, score, group))| Response {
                        bank: "core".into(),
                        question: format!("q{i}"),
                        respondent: format!("anon-{i}"),
                        group: Some(group).filter(|g| !g.is_empty()),
                        // Each type and, one time in five, none.
                        respondent_type: RespondentType::ALL.get(i % 5).copied(),
                        score,
                        note,
                        at: "2026-02-03T09:30:00Z".into(),
                    })
                    .collect();
                // The consultant's judgement travels too.
                m.summary = summary;
                m.settings.anonymity_threshold = threshold;
                m.dispositions = vec![Disposition {
                    key: "unreachable:c0,r0".into(),
                    status: if accept { Verdict::Accepted } else { Verdict::Dismissed },
                    note: note.clone(),
                }];
                m.manual_findings = vec![ManualFinding {
                    id: "mf-1".into(),
                    title: format!("Managers {note}"),
                    severity: Severity::High,
                    area: Area::TransferClimate,
                    subjects: Subjects { role: Some("r0".into()), ..Subjects::default() },
                    rationale: note,
                    recommendation: "Agree goals before and after learning".into(),
                }];
                m.banks = vec![Bank {
                    id: "custom".into(),
                    version: 2,
                    title: "Our own questions".into(),
                    description: String::new(),
                    questions: vec![Question {
                        id: "x-1".into(),
                        area: Area::Measurement,
                        text: "Do we <measure> it?".into(),
                        help: String::new(),
                        prompt: false,
                    }],
                }];
                m.normalize();
                m
            },
        )
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn json_round_trip_is_lossless(model in arb_model()) {
        prop_assert!(validate(&model).is_empty(), "{:?}", validate(&model));
        let doc = json::export(&model);
        let parsed = json::parse(&doc, "prop.json", &Model::default()).unwrap();
        let mut back = parsed.model;
        back.engagement = parsed.engagement.unwrap();
        prop_assert_eq!(&back, &model);
        prop_assert_eq!(json::export(&back), doc);
    }

    #[test]
    fn json_round_trip_through_an_engagement_file(model in arb_model()) {
        let dir = common::temp_dir();
        let path = dir.path().join("p.trellis");
        trellis::store::Store::create(&path, &model).unwrap();
        let s = Session::open(&path).unwrap();
        prop_assert_eq!(s.model(), &model);
        prop_assert_eq!(s.export_json(), json::export(&model));
    }
}
