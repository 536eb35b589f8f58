//! Diagnostic question banks: versioned data, one question per concrete thing to ask, each in one area.

use super::{Area, Id};
use serde::{Deserialize, Serialize};

/// A bank of questions answered on a 1-5 scale (or "don't know").
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
}

impl Bank {
    pub fn question(&self, id: &str) -> Option<&Question> {
        self.questions.iter().find(|q| q.id == id)
    }
}
