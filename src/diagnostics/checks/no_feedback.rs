//! `no-feedback`: a required (role, competency) with at least one covered stage, but not `feedback`.
//!
//! Area: `coaching`.
//! Evidence: `covered_stages` (list), `integration` (0-4).
//! Severity: medium.

use super::{missing_stage, Finding};
use crate::diagnostics::Context;
use crate::model::Stage;

pub const CODE: &str = "no-feedback";

pub fn run<'m>(cx: &Context<'m>, out: &mut Vec<Finding<'m>>) {
    missing_stage(cx, CODE, Stage::Feedback, out);
}

#[cfg(test)]
super::stage_gap_tests!("no-feedback", crate::model::Stage::Feedback, crate::model::ChannelKind::Coaching);
