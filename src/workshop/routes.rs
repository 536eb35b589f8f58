//! The participant's side of the server: the page, joining with the code, the current question, answering, and withdrawing.
//!
//! Every request body is read as bytes under the 16 KiB cap (413 beyond it) and parsed here,
//! so that any malformed body gets 400 whatever its content type.

use super::recorder::{Job, Refusal};
use super::security::{self, BODY_LIMIT, NOTE_LIMIT};
use super::state::{Participant, ParticipantView};
use super::{page, App};
use crate::model::RespondentType;
use axum::body::Bytes;
use axum::extract::{ConnectInfo, DefaultBodyLimit, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use std::net::SocketAddr;
use std::time::Instant;

/// A refused request: its status and `{code, message}`, the shape of `api::ApiError` without its `fields`.
#[derive(Debug)]
pub struct Refused {
    pub status: StatusCode,
    pub code: &'static str,
    pub message: String,
}

impl Refused {
    pub fn new(status: StatusCode, code: &'static str, message: impl Into<String>) -> Refused {
        Refused { status, code, message: message.into() }
    }
}

impl IntoResponse for Refused {
    fn into_response(self) -> Response {
        let body = serde_json::json!({ "code": self.code, "message": self.message });
        (self.status, Json(body)).into_response()
    }
}

impl From<Refusal> for Refused {
    fn from(r: Refusal) -> Refused {
        use StatusCode as S;
        let status = match &r {
            Refusal::Closed(_) | Refusal::NoMoreQuestions => S::CONFLICT,
            Refusal::UnknownQuestion(_) => S::NOT_FOUND,
            Refusal::UnknownParticipant => S::UNAUTHORIZED,
            Refusal::Ended => S::GONE,
            Refusal::Full => S::SERVICE_UNAVAILABLE,
            Refusal::Failed(_) => S::INTERNAL_SERVER_ERROR,
        };
        Refused::new(status, r.code().as_str(), r.to_string())
    }
}

/// Parses a JSON body; anything that is not the expected document is a 400.
pub fn parse<T: DeserializeOwned>(body: &Bytes) -> Result<T, Refused> {
    serde_json::from_slice(body).map_err(|e| Refused::new(StatusCode::BAD_REQUEST, "malformed", e.to_string()))
}

/// The token after `Bearer ` in the Authorization header.
pub fn bearer(headers: &HeaderMap) -> Option<&str> {
    headers.get(header::AUTHORIZATION)?.to_str().ok()?.strip_prefix("Bearer ").map(str::trim)
}

pub fn router() -> Router<App> {
    Router::new()
        .route("/", get(participant_page))
        .route("/api/join", post(join))
        .route("/api/state", get(state))
        .route("/api/group", post(set_group))
        .route("/api/answer", post(answer))
        .route("/api/withdraw", post(withdraw))
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
}

async fn participant_page() -> Response {
    let mut response = axum::response::Html(page::html()).into_response();
    let h = response.headers_mut();
    h.insert(header::CONTENT_SECURITY_POLICY, HeaderValue::from_str(&page::content_security_policy()).expect("ASCII"));
    h.insert(header::REFERRER_POLICY, HeaderValue::from_static("no-referrer"));
    h.insert("x-frame-options", HeaderValue::from_static("DENY"));
    response
}

impl App {
    /// The participant a request comes from (by the hash of its token), within their rate limit.
    fn participant(&self, headers: &HeaderMap) -> Result<String, Refused> {
        let token = bearer(headers).ok_or_else(|| Refused::from(Refusal::UnknownParticipant))?;
        let respondent = security::respondent_of(token);
        if !self.room().participants.contains_key(&respondent) {
            return Err(Refusal::UnknownParticipant.into());
        }
        if !self.participant_limit.allow(&respondent, Instant::now()) {
            return Err(Refused::new(StatusCode::TOO_MANY_REQUESTS, "slow-down", "too many requests; wait a moment"));
        }
        Ok(respondent)
    }

    fn view(&self, respondent: &str) -> ParticipantView {
        self.room().participant_view(respondent)
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct JoinRequest {
    code: String,
    #[serde(default)]
    group: Option<String>,
    #[serde(default)]
    respondent_type: Option<RespondentType>,
}

#[derive(Serialize)]
struct Joined {
    /// Sent once; the server keeps only its hash.
    token: String,
    view: ParticipantView,
}

async fn join(
    State(app): State<App>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    body: Bytes,
) -> Result<Response, Refused> {
    let request: JoinRequest = parse(&body)?;
    let address = peer.ip().to_string();
    let now = Instant::now();
    // Guessing codes: a few wrong ones per address, then a pause.
    if app.join_failures.exhausted(&address, now) {
        return Err(Refused::new(StatusCode::TOO_MANY_REQUESTS, "slow-down", "too many wrong codes; wait a minute"));
    }
    if !app.join_code.verifies(&security::normalize_code(&request.code)) {
        app.join_failures.allow(&address, now);
        return Err(Refused::new(StatusCode::UNAUTHORIZED, "wrong-code", "that is not this session's code"));
    }
    let about = Participant { group: app.checked_group(request.group)?, respondent_type: request.respondent_type };
    let token = security::new_token();
    let respondent = security::respondent_of(&token);
    app.ask(|reply| Job::Join { respondent: respondent.clone(), about, reply }).await?;
    Ok(Json(Joined { token, view: app.view(&respondent) }).into_response())
}

async fn state(State(app): State<App>, headers: HeaderMap) -> Result<Json<ParticipantView>, Refused> {
    let respondent = app.participant(&headers)?;
    Ok(Json(app.view(&respondent)))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct GroupRequest {
    group: Option<String>,
    /// Learner, manager, ld or leader; absent or null when they prefer not to say.
    #[serde(default)]
    respondent_type: Option<RespondentType>,
}

impl App {
    /// A group must be one the session offers: no free text travels this way.
    fn checked_group(&self, group: Option<String>) -> Result<Option<String>, Refused> {
        match group.filter(|g| !g.trim().is_empty()) {
            None => Ok(None),
            Some(g) if self.room().groups.contains(&g) => Ok(Some(g)),
            Some(g) => Err(Refused::new(StatusCode::BAD_REQUEST, "unknown-group", format!("no group `{g}` here"))),
        }
    }
}

async fn set_group(State(app): State<App>, headers: HeaderMap, body: Bytes) -> Result<Json<ParticipantView>, Refused> {
    let respondent = app.participant(&headers)?;
    let request: GroupRequest = parse(&body)?;
    let about = Participant { group: app.checked_group(request.group)?, respondent_type: request.respondent_type };
    app.ask(|reply| Job::SetGroup { respondent: respondent.clone(), about, reply }).await?;
    Ok(Json(app.view(&respondent)))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AnswerRequest {
    question: String,
    /// 1-5, or null for "don't know".
    score: Option<i64>,
    #[serde(default)]
    note: String,
}

#[derive(Serialize)]
struct Saved {
    saved: bool,
    at: String,
    view: ParticipantView,
}

async fn answer(State(app): State<App>, headers: HeaderMap, body: Bytes) -> Result<Json<Saved>, Refused> {
    let respondent = app.participant(&headers)?;
    let AnswerRequest { question, score, note } = parse(&body)?;
    if score.is_some_and(|s| !(1..=5).contains(&s)) {
        return Err(Refused::new(StatusCode::BAD_REQUEST, "bad-score", "a score is 1 to 5, or null for don't know"));
    }
    if note.chars().count() > NOTE_LIMIT {
        return Err(Refused::new(
            StatusCode::BAD_REQUEST,
            "note-too-long",
            format!("a note has at most {NOTE_LIMIT} characters"),
        ));
    }
    let note = note.trim().to_owned();
    let done = app.ask(|reply| Job::Answer { respondent: respondent.clone(), question, score, note, reply }).await?;
    Ok(Json(Saved { saved: true, at: done.at, view: app.view(&respondent) }))
}

#[derive(Serialize)]
struct Withdrawn {
    withdrawn: usize,
    view: ParticipantView,
}

async fn withdraw(State(app): State<App>, headers: HeaderMap) -> Result<Json<Withdrawn>, Refused> {
    let respondent = app.participant(&headers)?;
    let done = app.ask(|reply| Job::Withdraw { respondent: respondent.clone(), reply }).await?;
    Ok(Json(Withdrawn { withdrawn: done.count, view: app.view(&respondent) }))
}
