//! Diagnostic question banks: versioned data, one question per concrete thing to ask, each in one
//! area, and the answer scale every bank is answered on (declared once here: the phone page, the
//! blueprint, the CLI and the studio all show these words).

use super::{Area, Id};
use serde::{Deserialize, Serialize};

/// The words of the answer scale, 1 to 5: statements are written so that these answer them.
pub const SCALE: [&str; 5] = ["not at all", "a little", "partly", "mostly", "fully"];

/// The answer beside the scale, for people who cannot say.
pub const DONT_KNOW: &str = "don't know";

/// The scale in one line: "1 not at all, 2 a little, 3 partly, 4 mostly, 5 fully, or don't know".
pub fn scale_text() -> String {
    let points: Vec<String> = SCALE.iter().enumerate().map(|(i, w)| format!("{} {w}", i + 1)).collect();
    format!("{}, or {DONT_KNOW}", points.join(", "))
}

/// A bank of questions answered on the 1-5 `SCALE` (or "don't know").
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Bank {
    pub id: Id,
    pub version: i64,
    pub title: String,
    #[serde(default)]
    pub description: String,
    pub questions: Vec<Question>,
}

#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    pub id: Id,
    pub area: Area,
    pub text: String,
    /// What a 1 and a 5 look like, to help people answer consistently.
    #[serde(default)]
    pub help: String,
    /// A discussion prompt: the group talks about it and may leave notes, but nobody rates it,
    /// and it counts in no score.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub prompt: bool,
}

impl Bank {
    pub fn question(&self, id: &str) -> Option<&Question> {
        self.questions.iter().find(|q| q.id == id)
    }
}
