//! The live workshop over real HTTP on loopback: joining, answering, changing and withdrawing answers, refusals, the facilitator's routes, and resuming after a restart.

use crate::workshop_support;

use reqwest::StatusCode;
use serde_json::json;
use trellis::api::Session;
use trellis::model::RespondentType;
use workshop_support::*;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_participant_joins_answers_and_changes_the_answer() {
    let (_dir, file) = engagement();
    let running = start(&file);
    let (base, http) = (base(&running), client());
    let (token, respondent) = join(&http, &base, &running.started().join_code).await;
    assert!(respondent.starts_with("ws-") && !respondent.contains(&token), "the id does not reveal the token");

    let (status, state) = get(&http, format!("{base}/api/state"), &token).await;
    assert_eq!(status, StatusCode::OK);
    assert!(state["question"].is_null(), "nothing is open yet: {state}");

    facilitate(&http, &running, "next").await; // past the opening discussion prompt
    let live = facilitate(&http, &running, "next").await;
    let first = live["live"]["current"].as_str().unwrap().to_owned();
    let (_, state) = get(&http, format!("{base}/api/state"), &token).await;
    assert_eq!(state["question"]["id"], first.as_str());
    assert_eq!(state["question"]["open"], true);

    let (status, saved) = answer(&http, &base, &token, &first, Some(2)).await;
    assert_eq!(status, StatusCode::OK, "{saved}");
    assert_eq!(saved["saved"], true);
    assert_eq!(rows(&file), vec![(respondent.clone(), first.clone(), Some(2))], "in the file when acknowledged");

    // Changing the answer adds a row; the latest is the one that counts.
    let (status, saved) = answer(&http, &base, &token, &first, Some(5)).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(saved["view"]["answer"]["score"], 5);
    assert_eq!(rows(&file).len(), 2);
    let (_, live) = get(&http, format!("{base}/api/facilitator/live"), &running.started().facilitator_secret).await;
    let q = &live["questions"][1];
    assert_eq!(q["answers"], 1);
    assert_eq!(q["distribution"], json!([0, 0, 0, 0, 1]));

    // "Don't know" and a note.
    let (status, _) = post(
        &http,
        format!("{base}/api/answer"),
        &token,
        json!({"question": first, "score": null, "note": "<b>not sure</b>"}),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    let (_, live) = get(&http, format!("{base}/api/facilitator/live"), &running.started().facilitator_secret).await;
    assert_eq!(live["questions"][1]["dont_know"], 1);
    assert_eq!(live["questions"][1]["notes"], json!(["<b>not sure</b>"]), "notes travel as text, untouched");
    stop(running).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_answer_to_a_closed_or_unopened_question_is_refused() {
    let (_dir, file) = engagement();
    let running = start(&file);
    let (base, http) = (base(&running), client());
    let (token, _) = join(&http, &base, &running.started().join_code).await;
    let (status, body) = answer(&http, &base, &token, "bt-2", Some(3)).await;
    assert_eq!(status, StatusCode::CONFLICT, "not opened yet: {body}");
    // The bank opens with a discussion prompt; the first rated statement follows.
    facilitate(&http, &running, "next").await;
    facilitate(&http, &running, "next").await;
    let (status, _) = answer(&http, &base, &token, "bt-1", Some(3)).await;
    assert_eq!(status, StatusCode::OK);
    facilitate(&http, &running, "close").await;
    let (status, body) = answer(&http, &base, &token, "bt-1", Some(4)).await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
    assert_eq!(body["code"], "closed");
    let (status, _) = answer(&http, &base, &token, "no-such-question", Some(4)).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(rows(&file).len(), 1, "refused answers leave no row");
    stop(running).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_wrong_code_or_an_unknown_token_is_refused() {
    let (_dir, file) = engagement();
    let running = start(&file);
    let (base, http) = (base(&running), client());
    let (status, body) = post(&http, format!("{base}/api/join"), "", json!({"code": "WRONG1"})).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED, "{body}");
    assert_eq!(body["code"], "wrong-code");
    // Case, spaces and dashes do not matter in the right code.
    let code = running.started().join_code.to_lowercase();
    let spaced = format!("{}-{}", &code[..3], &code[3..]);
    let (status, _) = post(&http, format!("{base}/api/join"), "", json!({"code": spaced})).await;
    assert_eq!(status, StatusCode::OK);
    let (status, _) = get(&http, format!("{base}/api/state"), "made-up-token").await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let (status, _) = answer(&http, &base, "made-up-token", "bt-1", Some(3)).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    stop(running).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn facilitator_routes_refuse_the_participant_code_and_tokens() {
    let (_dir, file) = engagement();
    let running = start(&file);
    let (base, http) = (base(&running), client());
    let code = running.started().join_code.clone();
    let (token, _) = join(&http, &base, &code).await;
    for route in ["next", "close", "end"] {
        for credential in [code.as_str(), token.as_str()] {
            let (status, body) = post(&http, format!("{base}/api/facilitator/{route}"), credential, json!({})).await;
            assert_eq!(status, StatusCode::FORBIDDEN, "{route} with a participant credential: {body}");
        }
        let (status, _) = post(&http, format!("{base}/api/facilitator/{route}"), "guess", json!({})).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED);
    }
    for route in ["live", "summary"] {
        let (status, _) = get(&http, format!("{base}/api/facilitator/{route}"), &code).await;
        assert_eq!(status, StatusCode::FORBIDDEN);
    }
    let r = http.delete(format!("{base}/api/facilitator/participants/ws-0")).bearer_auth(&token).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::FORBIDDEN);
    let (status, live) =
        get(&http, format!("{base}/api/facilitator/live"), &running.started().facilitator_secret).await;
    assert_eq!(status, StatusCode::OK);
    assert!(live["current"].is_null(), "nothing was opened by the refused calls");
    stop(running).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_oversized_body_is_refused_with_413() {
    let (_dir, file) = engagement();
    let running = start(&file);
    let (base, http) = (base(&running), client());
    let (token, _) = join(&http, &base, &running.started().join_code).await;
    // The bank opens with a discussion prompt; the first rated statement follows.
    facilitate(&http, &running, "next").await;
    facilitate(&http, &running, "next").await;
    let big = json!({"question": "bt-1", "score": 3, "note": "x".repeat(17 * 1024)});
    let (status, _) = post(&http, format!("{base}/api/answer"), &token, big).await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
    let big = json!({"code": "y".repeat(17 * 1024)});
    let (status, _) = post(&http, format!("{base}/api/join"), "", big).await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
    // Under the cap but over the note limit: refused as a bad request, not stored.
    let long = json!({"question": "bt-1", "score": 3, "note": "x".repeat(1001)});
    let (status, _) = post(&http, format!("{base}/api/answer"), &token, long).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(rows(&file).is_empty());
    stop(running).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn malformed_json_is_refused_with_400() {
    let (_dir, file) = engagement();
    let running = start(&file);
    let (base, http) = (base(&running), client());
    let (token, _) = join(&http, &base, &running.started().join_code).await;
    // The bank opens with a discussion prompt; the first rated statement follows.
    facilitate(&http, &running, "next").await;
    facilitate(&http, &running, "next").await;
    for body in [
        "{not json",
        "[]",
        r#"{"question": "bt-1", "score": "three"}"#,
        r#"{"question": "bt-1", "score": 9}"#,
        r#"{"question": "bt-1", "score": 3, "extra": 1}"#,
    ] {
        let r = http.post(format!("{base}/api/answer")).bearer_auth(&token).body(body).send().await.unwrap();
        assert_eq!(r.status(), StatusCode::BAD_REQUEST, "{body}");
    }
    let r = http.post(format!("{base}/api/join")).body("code=ABC").send().await.unwrap();
    assert_eq!(r.status(), StatusCode::BAD_REQUEST);
    assert!(rows(&file).is_empty());
    stop(running).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_answer_is_still_in_the_file_after_the_server_restarts() {
    let (_dir, file) = engagement();
    let running = start(&file);
    let (base1, http) = (base(&running), client());
    let mut people = Vec::new();
    for _ in 0..12 {
        people.push(join(&http, &base1, &running.started().join_code).await);
    }
    // The bank opens with a discussion prompt; the first rated statement follows.
    facilitate(&http, &running, "next").await;
    facilitate(&http, &running, "next").await;
    for (i, (token, _)) in people.iter().enumerate() {
        assert_eq!(answer(&http, &base1, token, "bt-1", Some(i as i64 % 5 + 1)).await.0, StatusCode::OK);
    }
    facilitate(&http, &running, "next").await;
    for (token, _) in &people[..5] {
        assert_eq!(answer(&http, &base1, token, "bt-2", Some(4)).await.0, StatusCode::OK);
    }
    let old_code = running.started().join_code.clone();
    stop(running).await;

    let running = start(&file);
    assert!(running.started().resumed);
    let (base2, secret) = (base(&running), running.started().facilitator_secret.clone());
    let (_, live) = get(&http, format!("{base2}/api/facilitator/live"), &secret).await;
    assert_eq!(live["participants"], 12);
    assert_eq!(live["current"], "bt-2", "the open question is open again");
    assert_eq!(live["questions"][1]["state"], "closed");
    assert_eq!(live["questions"][1]["answers"], 12);
    assert_eq!(live["questions"][2]["answers"], 5);
    // Phones keep going with the tokens they have; the old code no longer lets anyone in.
    let (token, respondent) = &people[7];
    let (status, state) = get(&http, format!("{base2}/api/state"), token).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(&state["respondent"], respondent.as_str());
    assert_eq!(answer(&http, &base2, token, "bt-2", Some(1)).await.0, StatusCode::OK);
    let (status, _) = post(&http, format!("{base2}/api/join"), "", json!({"code": old_code})).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    stop(running).await;

    let rows = rows(&file);
    assert_eq!(rows.len(), 12 + 5 + 1);
    let model = Session::open(&file).unwrap();
    let shipped = trellis::templates::load("demo").unwrap().responses.len();
    assert_eq!(model.model().responses.len(), shipped + 18, "the demo's own answers and the workshop's");
    assert!(model.check().unwrap().is_sound());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_participant_withdraws_and_the_facilitator_deletes_one_participant_afterwards() {
    let (_dir, file) = engagement();
    let running = start(&file);
    let (base, http) = (base(&running), client());
    let secret = running.started().facilitator_secret.clone();
    let (a, a_id) = join(&http, &base, &running.started().join_code).await;
    let (b, b_id) = join(&http, &base, &running.started().join_code).await;
    let (c, _) = join(&http, &base, &running.started().join_code).await;
    // The bank opens with a discussion prompt; the first rated statement follows.
    facilitate(&http, &running, "next").await;
    facilitate(&http, &running, "next").await;
    for t in [&a, &b, &c] {
        answer(&http, &base, t, "bt-1", Some(3)).await;
    }
    let (status, body) = post(&http, format!("{base}/api/withdraw"), &a, json!({})).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["withdrawn"], 1);
    assert!(rows(&file).iter().all(|r| r.0 != a_id));
    facilitate(&http, &running, "end").await;
    // Once the session is closed, participants can no longer answer or withdraw...
    assert_eq!(answer(&http, &base, &b, "bt-1", Some(1)).await.0, StatusCode::GONE);
    assert_eq!(post(&http, format!("{base}/api/withdraw"), &b, json!({})).await.0, StatusCode::GONE);
    // ...but the facilitator can still delete one participant's answers.
    let r =
        http.delete(format!("{base}/api/facilitator/participants/{b_id}")).bearer_auth(&secret).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    let left = rows(&file);
    assert_eq!(left.len(), 1);
    assert!(left.iter().all(|r| r.0 != b_id));
    let (_, state) = get(&http, format!("{base}/api/state"), &c).await;
    assert_eq!(state["ended"], true);
    stop(running).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn results_by_group_show_only_groups_at_the_anonymity_threshold() {
    let (_dir, file) = engagement();
    let running = start(&file);
    let (base, http) = (base(&running), client());
    let code = running.started().join_code.clone();
    // The bank opens with a discussion prompt; the first rated statement follows.
    facilitate(&http, &running, "next").await;
    facilitate(&http, &running, "next").await;
    for (group, n) in [("Transport", 3), ("Commercial", 2)] {
        for _ in 0..n {
            let (token, _) = join(&http, &base, &code).await;
            let (status, _) = post(&http, format!("{base}/api/group"), &token, json!({"group": group})).await;
            assert_eq!(status, StatusCode::OK);
            answer(&http, &base, &token, "bt-1", Some(4)).await;
        }
    }
    let (token, _) = join(&http, &base, &code).await;
    let (status, _) = post(&http, format!("{base}/api/group"), &token, json!({"group": "<script>"})).await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "only offered groups");
    let (_, live) = get(&http, format!("{base}/api/facilitator/live"), &running.started().facilitator_secret).await;
    let q = &live["questions"][1];
    assert_eq!(q["groups"], json!([{"group": "Transport", "respondents": 3, "mean": 4.0}]));
    assert_eq!(q["hidden_groups"], 1);
    let (status, summary) =
        get(&http, format!("{base}/api/facilitator/summary"), &running.started().facilitator_secret).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(summary["anonymity_threshold"], 3);
    stop(running).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_participants_part_rides_with_their_answers_and_an_unknown_one_is_refused() {
    let (_dir, file) = engagement();
    let running = start(&file);
    let (base, http) = (base(&running), client());
    facilitate(&http, &running, "next").await;
    let (token, respondent) = join(&http, &base, &running.started().join_code).await;
    let (_, view) = get(&http, format!("{base}/api/state"), &token).await;
    let offered: Vec<&str> =
        view["respondent_types"].as_array().unwrap().iter().map(|t| t["id"].as_str().unwrap()).collect();
    assert_eq!(offered, ["learner", "manager", "ld", "leader"], "the phone offers every part, with its label");
    assert_eq!(view["respondent_types"][2]["label"], "Learning and development");
    let (status, body) = post(&http, format!("{base}/api/group"), &token, json!({"respondent_type": "boss"})).await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
    assert!(body["message"].as_str().unwrap().contains("boss"), "{body}");
    let (status, view) =
        post(&http, format!("{base}/api/group"), &token, json!({"group": null, "respondent_type": "manager"})).await;
    assert_eq!((status, view["respondent_type"].as_str()), (StatusCode::OK, Some("manager")));
    // A prompt keeps the note and drops any score sent with it.
    let (status, _) = post(
        &http,
        format!("{base}/api/answer"),
        &token,
        json!({"question": "bt-p", "score": 4, "note": "from peers"}),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    stop(running).await;
    let saved =
        Session::open(&file).unwrap().model().responses.iter().find(|r| r.respondent == respondent).cloned().unwrap();
    assert_eq!(
        (saved.respondent_type, saved.score, saved.note.as_str()),
        (Some(RespondentType::Manager), None, "from peers")
    );
    let record = Session::open(&file).unwrap().live_record().unwrap().unwrap();
    assert_eq!(record.participants[0].respondent_type, Some(RespondentType::Manager), "a restart keeps the part");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_participant_sending_too_fast_is_slowed_down() {
    let (_dir, file) = engagement();
    let running = start(&file);
    let (base, http) = (base(&running), client());
    let (token, _) = join(&http, &base, &running.started().join_code).await;
    let mut limited = 0;
    for _ in 0..60 {
        if get(&http, format!("{base}/api/state"), &token).await.0 == StatusCode::TOO_MANY_REQUESTS {
            limited += 1;
        }
    }
    assert!(limited > 0, "60 requests at once went through");
    stop(running).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_page_is_served_with_a_strict_policy() {
    let (_dir, file) = engagement();
    let running = start(&file);
    let r = client().get(base(&running)).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    let csp = r.headers()["content-security-policy"].to_str().unwrap().to_owned();
    assert!(csp.contains("default-src 'none'") && csp.contains("script-src 'sha256-"), "{csp}");
    let page = r.text().await.unwrap();
    assert!(page.contains("Join the workshop"));
    stop(running).await;
}

#[test]
fn a_live_session_on_another_bank_is_not_replaced_silently() {
    let (_dir, file) = engagement();
    start(&file).stop();
    let mut options = trellis::workshop::LiveOptions::new(&file, "127.0.0.1:0".parse().unwrap());
    options.bank = Some("other".into());
    let err = trellis::workshop::start(options).err().expect("refused");
    assert_eq!(err.code(), "refused", "{err}");
}

#[test]
fn a_running_server_can_be_kept_in_the_studios_shared_state() {
    fn shared<T: Send + Sync + 'static>() {}
    shared::<trellis::workshop::Running>();
    shared::<trellis::workshop::Facilitator>();
    shared::<trellis::workshop::Started>();
}
