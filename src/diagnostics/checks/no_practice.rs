//! `no-practice`: a required (role, competency) with at least one covered stage, but not `practice`.
//!
//! Area: `experiential`.
//! Evidence: `covered_stages` (list), `integration` (0-4).
//! Severity: medium.

use super::{missing_stage, Finding};
use crate::diagnostics::Context;
use crate::model::Stage;

pub const CODE: &str = "no-practice";

pub fn run<'m>(cx: &Context<'m>, out: &mut Vec<Finding<'m>>) {
    missing_stage(cx, CODE, Stage::Practice, out);
}

#[cfg(test)]
super::stage_gap_tests!("no-practice", crate::model::Stage::Practice, crate::model::ChannelKind::Experiential);
