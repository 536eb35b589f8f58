//! What the studio shows and sends for a running live session: the join details with the live distribution, and the facilitator's actions as plain data.

use super::recorder::{Command, Refusal};
use super::state::LiveView;
use super::{Running, Started};
use crate::api::ApiError;
use serde::{Deserialize, Serialize};

/// A running session as the studio's live view draws it: how to join (the facilitator secret,
/// skipped when serialized, stays with the studio's process) and the live distribution. The web
/// view steers the session through commands, not over HTTP.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LiveSession {
    #[serde(flatten)]
    #[cfg_attr(feature = "ts", ts(flatten))]
    pub started: Started,
    pub live: LiveView,
}

/// A facilitator's action from the studio.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "action", rename_all = "kebab-case")]
pub enum LiveAction {
    /// Close the current question and open the next one.
    Next,
    /// Open one question (closing the current one).
    Open { question: String },
    /// Close the current question.
    Close,
    /// Close the session: phones say thank you.
    End,
    /// Delete one participant's answers.
    RemoveParticipant { respondent: String },
}

impl From<LiveAction> for Command {
    fn from(action: LiveAction) -> Command {
        match action {
            LiveAction::Next => Command::Next,
            LiveAction::Open { question } => Command::Open(question),
            LiveAction::Close => Command::Close,
            LiveAction::End => Command::End,
            LiveAction::RemoveParticipant { respondent } => Command::RemoveParticipant(respondent),
        }
    }
}

impl From<Refusal> for ApiError {
    fn from(r: Refusal) -> ApiError {
        ApiError::new(r.code(), r.to_string())
    }
}

impl Running {
    /// The session now, for the studio: how to join and the live distribution.
    pub fn session(&self) -> LiveSession {
        LiveSession { started: self.started.clone(), live: self.desk.live() }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn actions_read_as_the_studio_sends_them() {
        let parse = |json: &str| serde_json::from_str::<LiveAction>(json).unwrap();
        assert_eq!(Command::from(parse(r#"{"action":"next"}"#)), Command::Next);
        assert_eq!(Command::from(parse(r#"{"action":"open","question":"q3"}"#)), Command::Open("q3".into()));
        assert_eq!(
            Command::from(parse(r#"{"action":"remove-participant","respondent":"p1"}"#)),
            Command::RemoveParticipant("p1".into())
        );
        assert!(serde_json::from_str::<LiveAction>(r#"{"action":"reboot"}"#).is_err());
    }

    #[test]
    fn the_facilitator_secret_is_never_serialized() {
        let started = Started {
            join_url: "http://192.168.1.20:8080/#K7PQ3X".into(),
            other_urls: Vec::new(),
            join_code: "K7PQ3X".into(),
            facilitator_secret: "s3cret-s3cret-s3cret".into(),
            qr_svg: "<svg/>".into(),
            listen: "0.0.0.0:8080".into(),
            bank: "core".into(),
            resumed: false,
        };
        let json = serde_json::to_value(&started).unwrap();
        assert_eq!(json["join_code"], "K7PQ3X");
        assert!(!json.to_string().contains("s3cret"), "{json}");
    }

    #[test]
    fn refusals_reach_the_studio_by_code() {
        let e = ApiError::from(Refusal::NoMoreQuestions);
        assert_eq!(e.code, "no-more-questions");
        assert!(e.message.contains("last question"));
    }
}
