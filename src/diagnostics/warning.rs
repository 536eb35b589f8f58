//! A warning: one point of model hygiene (`{code, subjects, title}`), a leaf that the checks
//! which raise warnings and `warnings.rs`, which lists them all, both name.

use super::FindingSubjects;
use serde::Serialize;

/// One point of model hygiene: `{code, subjects, title}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Warning<'m> {
    pub code: &'static str,
    pub subjects: FindingSubjects<'m>,
    pub title: &'static str,
}
