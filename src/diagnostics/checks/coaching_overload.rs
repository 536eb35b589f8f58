//! `coaching-overload`: a coaching channel whose yearly capacity (capacity per cohort x `cohorts_per_year`, one cohort when unset) is below the summed headcount of the roles it reaches (area `coaching`).
//!
//! Area: `coaching`.
//! Evidence: `capacity` (per cohort), `cohorts_per_year`, `headcount`, `ratio` (headcount /
//! yearly capacity, two decimals).
//! Severity: high above twice the yearly capacity, medium otherwise.

use super::{channel_subjects, evidence, Finding, Raw};
use crate::diagnostics::{Context, Fact};
use crate::model::{ChannelKind, Severity};

pub const CODE: &str = "coaching-overload";

/// Summed headcount of the roles a channel reaches.
pub fn demand(cx: &Context<'_>, channel: usize) -> i64 {
    cx.graph.roles_reached(channel).into_iter().map(|r| cx.model.roles[r].headcount).sum()
}

/// Whether a channel is an overloaded coaching channel (used by the coaching score too):
/// its yearly capacity and the headcount it reaches.
pub fn overloaded(cx: &Context<'_>, channel: usize) -> Option<(i64, i64)> {
    let c = &cx.model.channels[channel];
    let capacity = c.yearly_capacity().filter(|_| c.kind == ChannelKind::Coaching)?;
    let headcount = demand(cx, channel);
    (headcount > capacity).then_some((capacity, headcount))
}

pub fn run<'m>(cx: &Context<'m>, out: &mut Vec<Finding<'m>>) {
    for (i, channel) in cx.model.channels.iter().enumerate() {
        let Some((yearly, headcount)) = overloaded(cx, i) else { continue };
        let ratio = if yearly > 0 { (headcount as f64 / yearly as f64 * 100.0).round() / 100.0 } else { f64::INFINITY };
        out.push(
            Raw {
                code: CODE,
                severity: if headcount > 2 * yearly { Severity::High } else { Severity::Medium },
                subjects: channel_subjects(channel),
                evidence: evidence(
                    &["capacity", "cohorts_per_year", "headcount", "ratio"],
                    [
                        Fact::from(channel.capacity),
                        Fact::from(channel.cohorts_per_year.unwrap_or(1)),
                        Fact::from(headcount),
                        Fact::from(ratio),
                    ],
                ),
            }
            .into(),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::diagnostics::checks::codes_of;
    use crate::diagnostics::fixture::*;
    use crate::model::{ChannelKind, Severity};

    #[test]
    fn fires_above_capacity_and_is_high_above_twice_it() {
        let m = Fixture::new()
            .role("a")
            .headcount("a", 15)
            .role("b")
            .headcount("b", 10)
            .channel_at("coach", ChannelKind::Coaching, Some(12), 3)
            .reaches("coach", "a")
            .reaches("coach", "b")
            .build();
        assert_eq!(codes_of(&m, super::run), vec!["coaching-overload:coach"]);
        let cx = crate::diagnostics::Context::new(&m);
        let mut out = Vec::new();
        super::run(&cx, &mut out);
        assert_eq!(out[0].severity, Severity::High, "25 people for 12 places");
        assert_eq!(out[0].evidence["headcount"], 25);
        assert_eq!(out[0].evidence["cohorts_per_year"], 1);
    }

    #[test]
    fn cohorts_a_year_multiply_the_capacity() {
        // 12 places in each of 4 cohorts serve 48 people a year: 40 fit, 60 do not.
        let model = |people| {
            let mut m = Fixture::new()
                .role("a")
                .headcount("a", people)
                .channel_at("coach", ChannelKind::Coaching, Some(12), 3)
                .reaches("coach", "a")
                .build();
            m.channels[0].cohorts_per_year = Some(4);
            m
        };
        assert!(codes_of(&model(40), super::run).is_empty());
        let m = model(60);
        let cx = crate::diagnostics::Context::new(&m);
        let mut out = Vec::new();
        super::run(&cx, &mut out);
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].severity, Severity::Medium);
        assert_eq!(out[0].evidence["ratio"].as_f64(), Some(1.25));
    }

    #[test]
    fn quiet_within_capacity_without_capacity_or_for_other_kinds() {
        let m = Fixture::new()
            .role("a")
            .headcount("a", 12)
            .channel_at("coach", ChannelKind::Coaching, Some(12), 3)
            .reaches("coach", "a")
            .channel_at("open", ChannelKind::Coaching, None, 3)
            .reaches("open", "a")
            .channel_at("course", ChannelKind::Formal, Some(1), 3)
            .reaches("course", "a")
            .build();
        assert!(codes_of(&m, super::run).is_empty());
    }
}
