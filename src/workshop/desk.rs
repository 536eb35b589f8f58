//! What the studio shows and sends for a running live session: the join details with the live distribution, and the facilitator's actions as plain data.

use super::recorder::{Command, Refusal};
use super::state::LiveView;
use super::Running;
use crate::api::ApiError;
use serde::{Deserialize, Serialize};

/// A running session as the studio's live view draws it. The facilitator secret stays with
/// the studio's process: the web view steers the session through commands, not over HTTP.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LiveSession {
    /// The URL in the QR code, with the join code after `#`.
    pub join_url: String,
    /// The same page on this machine's other addresses.
    pub other_urls: Vec<String>,
    pub join_code: String,
    /// The QR code of `join_url`, an SVG document (shown as an image, never as markup).
    pub qr_svg: String,
    /// The address bound.
    pub listen: String,
    /// True when the file's live session was resumed rather than begun.
    pub resumed: bool,
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
        ApiError { code: r.code().to_owned(), message: r.to_string() }
    }
}

impl Running {
    /// The session now, for the studio: how to join and the live distribution.
    pub fn session(&self) -> LiveSession {
        let started = &self.started;
        LiveSession {
            join_url: started.join_url.clone(),
            other_urls: started.other_urls.clone(),
            join_code: started.join_code.clone(),
            qr_svg: started.qr_svg.clone(),
            listen: started.listen.clone(),
            resumed: started.resumed,
            live: self.desk.live(),
        }
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
    fn refusals_reach_the_studio_by_code() {
        let e = ApiError::from(Refusal::NoMoreQuestions);
        assert_eq!(e.code, "no-more-questions");
        assert!(e.message.contains("last question"));
    }
}
