//! Plain data crossing the API boundary: what the CLI prints, the UI shows and the shell sends over IPC.

use crate::model::{Engagement, Model};
use crate::ErrorCode;
use serde::{Deserialize, Serialize};

/// An error as the UI sees it: switch on `code`, show `message`.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ApiError {
    pub code: ErrorCode,
    pub message: String,
    /// For a refused edit (`invalid`), each broken rule by the field it is about, in the order of
    /// the message, so that a form can show it beside that field; empty for other errors.
    pub fields: Vec<FieldError>,
}

/// One rule a refused edit broke: the field (`cost`, `cohorts_per_year`, `currency`) and what is
/// wrong with it (`0 is not a positive number of cohorts`).
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldError {
    pub field: String,
    pub message: String,
}

impl ApiError {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> ApiError {
        ApiError { code, message: message.into(), fields: Vec::new() }
    }
}

impl From<crate::Error> for ApiError {
    fn from(e: crate::Error) -> Self {
        let fields = match &e {
            crate::Error::Invalid(errors) => {
                errors.iter().map(|v| FieldError { field: v.field.to_string(), message: v.message.clone() }).collect()
            }
            _ => Vec::new(),
        };
        ApiError { code: e.code(), message: e.to_string(), fields }
    }
}

#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TemplateInfo {
    pub name: String,
    pub summary: String,
}

/// How many of each thing an engagement holds.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Counts {
    pub roles: usize,
    pub competencies: usize,
    pub channels: usize,
    pub requires: usize,
    pub develops: usize,
    pub reaches: usize,
    pub follows: usize,
    pub prerequisites: usize,
    pub responses: usize,
}

impl Counts {
    pub fn of(m: &Model) -> Counts {
        Counts {
            roles: m.roles.len(),
            competencies: m.competencies.len(),
            channels: m.channels.len(),
            requires: m.requires.len(),
            develops: m.develops.len(),
            reaches: m.reaches.len(),
            follows: m.follows.len(),
            prerequisites: m.prerequisites.len(),
            responses: m.responses.len(),
        }
    }
}

/// An engagement at a glance: `trellis info` and the studio's title bar.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Info {
    pub path: String,
    pub file_version: i64,
    pub engagement: Engagement,
    #[serde(flatten)]
    pub counts: Counts,
}

/// What `trellis check` found: an empty report is a sound file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CheckReport {
    pub integrity: Vec<String>,
    pub validation: Vec<String>,
    /// Model hygiene (`code: subjects: title`): listed, never a problem, never a failure.
    pub warnings: Vec<String>,
}

impl CheckReport {
    pub fn is_sound(&self) -> bool {
        self.integrity.is_empty() && self.validation.is_empty()
    }
}

/// An engagement the studio opened lately.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecentEngagement {
    pub path: String,
    pub name: String,
    pub client: String,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ValidationError;

    fn broken(field: &'static str) -> ValidationError {
        ValidationError { item: "channel 'k1'".into(), field, message: "is wrong".into() }
    }

    #[test]
    fn a_refused_edit_names_each_broken_field_with_its_rule() {
        let e = ApiError::from(crate::Error::Invalid(vec![broken("hours"), broken("cost")]));
        assert_eq!(e.code, ErrorCode::Invalid);
        let fields: Vec<(&str, &str)> = e.fields.iter().map(|f| (f.field.as_str(), f.message.as_str())).collect();
        assert_eq!(fields, [("hours", "is wrong"), ("cost", "is wrong")]);
        assert!(e.message.contains("field `hours`"), "{}", e.message);
    }

    #[test]
    fn other_errors_name_no_field() {
        assert!(ApiError::from(crate::Error::NotInModel("channel 'k9'".into())).fields.is_empty());
        assert!(ApiError::new(ErrorCode::Refused, "no").fields.is_empty());
    }
}
