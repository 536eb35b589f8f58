//! Every validation rule: a broken model is refused with an error naming the item and the field.

use crate::common;

use common::*;
use trellis::model::{validate, Follows, Model, Prerequisite, Reaches, Response};

/// Applies `break_it` to a valid model and expects exactly one error on `item` / `field`.
fn expect_error(break_it: impl FnOnce(&mut Model), item: &str, field: &str) {
    let mut m = small_model();
    assert!(validate(&m).is_empty(), "the base model is valid");
    break_it(&mut m);
    let errors = validate(&m);
    assert!(
        errors.iter().any(|e| e.item.contains(item) && e.field == field),
        "expected an error on {item} / {field}, got {errors:#?}"
    );
    let text = errors.iter().find(|e| e.field == field).unwrap().to_string();
    assert!(text.contains(field), "the message names the field: {text}");
}

#[test]
fn dangling_references_are_named() {
    expect_error(|m| m.requires[0].role = "ghost".into(), "requires 'ghost'", "role");
    expect_error(|m| m.requires[0].competency = "ghost".into(), "requires", "competency");
    expect_error(|m| m.develops[0].channel = "ghost".into(), "develops 'ghost'", "channel");
    expect_error(|m| m.develops[0].competency = "r1".into(), "develops", "competency");
    expect_error(|m| m.reaches.push(Reaches { channel: "ch1".into(), role: "ghost".into() }), "reaches", "role");
    expect_error(|m| m.follows.push(Follows { from: "ghost".into(), to: "ch1".into() }), "follows", "from");
    expect_error(
        |m| m.prerequisites.push(Prerequisite { competency: "c1".into(), requires: "ghost".into() }),
        "prerequisite",
        "requires",
    );
    expect_error(|m| m.competencies[0].parent = Some("ghost".into()), "competency 'c1'", "parent");
}

#[test]
fn duplicate_ids_and_links_are_named() {
    expect_error(|m| m.roles.push(role("r1")), "role 'r1'", "id");
    // Ids are unique across kinds too, so that a subject id is never ambiguous.
    expect_error(|m| m.channels.push(channel("r1", trellis::model::ChannelKind::Social)), "channel 'r1'", "id");
    expect_error(|m| m.requires.push(requires("r1", "c1", 2)), "requires 'r1' -> 'c1'", "link");
    expect_error(|m| m.roles[0].id = "  ".into(), "role", "id");
}

#[test]
fn levels_outside_the_scale_are_named() {
    expect_error(|m| m.requires[0].target_level = 6, "requires 'r1' -> 'c1'", "target_level");
    expect_error(|m| m.requires[0].current_level = Some(-1), "requires 'r1' -> 'c1'", "current_level");
    expect_error(|m| m.engagement.scale.max = m.engagement.scale.min, "engagement", "scale");
    expect_error(|m| m.engagement.scale.labels.pop().map(|_| ()).unwrap_or(()), "engagement", "scale.labels");
}

#[test]
fn negative_amounts_are_named() {
    expect_error(|m| m.roles[0].headcount = -3, "role 'r1'", "headcount");
    expect_error(|m| m.channels[0].capacity = Some(-1), "channel 'ch1'", "capacity");
    expect_error(|m| m.channels[0].cost = Some(-5.0), "channel 'ch1'", "cost");
    expect_error(|m| m.channels[0].evaluation_level = 6, "channel 'ch1'", "evaluation_level");
}

#[test]
fn engagement_fields_are_checked() {
    expect_error(|m| m.engagement.name = String::new(), "engagement", "name");
    expect_error(|m| m.engagement.created = "28/11/2026".into(), "engagement", "created");
    expect_error(|m| m.engagement.target_mix.formal = 30, "engagement", "target_mix");
    expect_error(|m| m.engagement.target_mix.social = -10, "engagement", "target_mix.social");
}

#[test]
fn loops_and_self_links_are_named() {
    expect_error(
        |m| {
            m.competencies[0].parent = Some("c2".into());
            m.competencies[1].parent = Some("c1".into());
        },
        "competency 'c1'",
        "parent",
    );
    expect_error(|m| m.follows.push(Follows { from: "ch2".into(), to: "ch2".into() }), "follows", "to");
    expect_error(
        |m| m.prerequisites.push(Prerequisite { competency: "c1".into(), requires: "c1".into() }),
        "prerequisite",
        "requires",
    );
}

#[test]
fn responses_are_checked() {
    let bad = |f: fn(&mut Response)| {
        move |m: &mut Model| {
            let mut r = m.responses[0].clone();
            f(&mut r);
            m.responses.push(r);
        }
    };
    expect_error(bad(|r| r.score = Some(6)), "response #2", "score");
    expect_error(bad(|r| r.at = "yesterday".into()), "response #2", "at");
    expect_error(bad(|r| r.question = String::new()), "response #2", "question");
}

#[test]
fn stage_sets_cohorts_hours_currency_and_roi_are_checked() {
    expect_error(|m| m.develops[0].stages.clear(), "develops 'ch1' -> 'c1'", "stages");
    expect_error(
        |m| m.develops[0].stages = vec![trellis::model::Stage::Practice, trellis::model::Stage::Practice],
        "develops 'ch1' -> 'c1'",
        "stages",
    );
    expect_error(|m| m.channels[0].cohorts_per_year = Some(0), "channel 'ch1'", "cohorts_per_year");
    expect_error(|m| m.channels[0].cohorts_per_year = Some(-2), "channel 'ch1'", "cohorts_per_year");
    expect_error(|m| m.channels[0].hours = Some(-0.5), "channel 'ch1'", "hours");
    for code in ["EURO", "eur", "ABC", "XXX", ""] {
        expect_error(|m| m.engagement.currency = Some(code.into()), "engagement", "currency");
    }
    let mut m = small_model();
    m.channels[0].evaluation_level = 5;
    m.channels[0].cohorts_per_year = Some(4);
    m.channels[0].hours = Some(0.0);
    m.engagement.currency = Some("EUR".into());
    m.develops[0].stages = vec![trellis::model::Stage::Practice, trellis::model::Stage::Feedback];
    assert!(
        validate(&m).is_empty(),
        "level 5 (Phillips ROI), cohorts, hours, EUR and two stages are valid: {:?}",
        validate(&m)
    );
}

#[test]
fn unknown_kinds_and_stages_are_refused_on_the_way_in() {
    // Kinds and stages are closed vocabularies: they cannot even be parsed when unknown.
    let base = Model::default();
    for (text, field) in [
        (r#"{"format":"trellis","version":1,"channels":[{"id":"a","name":"A","kind":"webinar"}]}"#, "channels[0].kind"),
        (
            r#"{"format":"trellis","version":1,"develops":[{"channel":"a","competency":"b","stage":"mastery"}]}"#,
            "develops[0].stage",
        ),
        (
            r#"{"format":"trellis","version":1,"develops":[{"channel":"a","competency":"b","stages":["practice","rehearsal"]}]}"#,
            "develops[0].stages",
        ),
        (
            r#"{"format":"trellis","version":1,"channels":[{"id":"a","name":"A","kind":"formal","cost_basis":"per-head"}]}"#,
            "channels[0].cost_basis",
        ),
        (
            r#"{"format":"trellis","version":1,"requires":[{"role":"a","competency":"b","target_level":1,"criticality":"urgent"}]}"#,
            "requires[0].criticality",
        ),
    ] {
        let err = trellis::interop::json::parse(text, "doc.json", &base).unwrap_err().to_string();
        assert!(err.contains(field) && err.contains("doc.json"), "{err}");
    }
}
