//! `no-practice`: a required (role, competency) with at least one covered stage, but not `practice` (area `experiential`).
//!
//! Evidence: `covered_stages` (list), `integration` (0-4). Severity: medium.

use super::{missing_stage, Raw};
use crate::diagnostics::Context;
use crate::model::Stage;

pub const CODE: &str = "no-practice";

pub fn run(cx: &Context<'_>, out: &mut Vec<Raw>) {
    missing_stage(cx, CODE, Stage::Practice, out);
}

#[cfg(test)]
mod tests {
    use crate::diagnostics::checks::codes_of;
    use crate::diagnostics::fixture::*;
    use crate::model::{ChannelKind, Stage};

    fn base() -> Fixture {
        Fixture::new()
            .role("r")
            .comp("c")
            .requires("r", "c")
            .channel("course", ChannelKind::Formal)
            .develops("course", "c", Stage::Introduce)
            .reaches("course", "r")
    }

    #[test]
    fn fires_when_the_covered_pair_lacks_the_stage() {
        assert_eq!(codes_of(&base().build(), super::run), vec!["no-practice:c,r"]);
    }

    #[test]
    fn quiet_when_the_stage_is_covered_or_nothing_is() {
        let m = base()
            .channel("x", ChannelKind::Experiential)
            .develops("x", "c", Stage::Practice)
            .reaches("x", "r")
            .build();
        assert!(codes_of(&m, super::run).is_empty());
        let uncovered = Fixture::new().role("r").comp("c").requires("r", "c").build();
        assert!(codes_of(&uncovered, super::run).is_empty());
    }
}
