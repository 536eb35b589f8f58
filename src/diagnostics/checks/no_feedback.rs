//! `no-feedback`: an open required (role, competency), one whose current level is below target or
//! unknown, that channels reaching the role cover at some stage but not `feedback`; silent when
//! `training-only` fires for the pair.
//!
//! Area: `coaching`.
//! Evidence: `covered_stages` (list), `integration` (0-4).
//! Severity: the pair's criticality (low, medium, high).

use super::{missing_stage, Finding};
use crate::diagnostics::Context;
use crate::model::Stage;

pub const CODE: &str = "no-feedback";

pub fn run<'m>(cx: &Context<'m>, out: &mut Vec<Finding<'m>>) {
    missing_stage(cx, CODE, Stage::Feedback, out);
}

#[cfg(test)]
super::stage_gap_tests!("no-feedback", crate::model::Stage::Feedback, crate::model::ChannelKind::Coaching);
