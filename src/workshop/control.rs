//! The facilitator's side of the server: open, close and advance questions, the live distribution, close the session, delete one participant's answers.
//!
//! Every route needs the facilitator secret as a bearer token. The join code and participant
//! tokens get 403 here: they are known credentials, just not this one.

use super::recorder::{Command, Job};
use super::routes::{bearer, parse, Refused};
use super::security::{self, BODY_LIMIT};
use super::state::LiveView;
use super::App;
use crate::diagnostics::ResponseSummary;
use axum::body::Bytes;
use axum::extract::{DefaultBodyLimit, Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::routing::{delete, get, post};
use axum::{Json, Router};
use serde::{Deserialize, Serialize};

pub fn router() -> Router<App> {
    Router::new()
        .route("/api/facilitator/live", get(live))
        .route("/api/facilitator/summary", get(summary))
        .route("/api/facilitator/next", post(next))
        .route("/api/facilitator/close", post(close))
        .route("/api/facilitator/open", post(open))
        .route("/api/facilitator/end", post(end))
        .route("/api/facilitator/participants/{respondent}", delete(remove_participant))
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
}

impl App {
    fn facilitator(&self, headers: &HeaderMap) -> Result<(), Refused> {
        let presented = bearer(headers).unwrap_or("");
        if !presented.is_empty() && self.facilitator.verifies(presented) {
            return Ok(());
        }
        let a_participant = self.join_code.verifies(&security::normalize_code(presented))
            || self.room().participants.contains_key(&security::respondent_of(presented));
        if a_participant {
            Err(Refused::new(StatusCode::FORBIDDEN, "not-facilitator", "only the facilitator can do this"))
        } else {
            Err(Refused::new(StatusCode::UNAUTHORIZED, "no-secret", "send the facilitator secret as a bearer token"))
        }
    }
}

/// What a facilitator command returns: how many answers it touched and the session after it.
#[derive(Serialize)]
struct Controlled {
    at: String,
    count: usize,
    live: LiveView,
}

async fn command(app: &App, headers: &HeaderMap, command: Command) -> Result<Json<Controlled>, Refused> {
    app.facilitator(headers)?;
    let done = app.ask(|reply| Job::Control { command, reply }).await?;
    Ok(Json(Controlled { at: done.at, count: done.count, live: app.room().live_view() }))
}

async fn live(State(app): State<App>, headers: HeaderMap) -> Result<Json<LiveView>, Refused> {
    app.facilitator(&headers)?;
    Ok(Json(app.room().live_view()))
}

async fn summary(State(app): State<App>, headers: HeaderMap) -> Result<Json<ResponseSummary>, Refused> {
    app.facilitator(&headers)?;
    let summary = app.facilitator_handle().summary().await.map_err(Refused::from)?;
    Ok(Json(summary))
}

async fn next(State(app): State<App>, headers: HeaderMap) -> Result<Json<Controlled>, Refused> {
    command(&app, &headers, Command::Next).await
}

async fn close(State(app): State<App>, headers: HeaderMap) -> Result<Json<Controlled>, Refused> {
    command(&app, &headers, Command::Close).await
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct OpenRequest {
    question: String,
}

async fn open(State(app): State<App>, headers: HeaderMap, body: Bytes) -> Result<Json<Controlled>, Refused> {
    app.facilitator(&headers)?;
    let request: OpenRequest = parse(&body)?;
    command(&app, &headers, Command::Open(request.question)).await
}

async fn end(State(app): State<App>, headers: HeaderMap) -> Result<Json<Controlled>, Refused> {
    command(&app, &headers, Command::End).await
}

async fn remove_participant(
    State(app): State<App>,
    headers: HeaderMap,
    Path(respondent): Path<String>,
) -> Result<Json<Controlled>, Refused> {
    command(&app, &headers, Command::RemoveParticipant(respondent)).await
}
