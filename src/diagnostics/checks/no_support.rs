//! `no-support`: a required (role, competency) with at least one covered stage, but not `support`.
//!
//! Area: `knowledge-access`.
//! Evidence: `covered_stages` (list), `integration` (0-4).
//! Severity: medium.

use super::{missing_stage, Finding};
use crate::diagnostics::Context;
use crate::model::Stage;

pub const CODE: &str = "no-support";

pub fn run<'m>(cx: &Context<'m>, out: &mut Vec<Finding<'m>>) {
    missing_stage(cx, CODE, Stage::Support, out);
}

#[cfg(test)]
super::stage_gap_tests!("no-support", crate::model::Stage::Support, crate::model::ChannelKind::Knowledge);
