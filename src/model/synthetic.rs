//! Deterministic synthetic models of any size, for benchmarks and scale tests (no randomness source needed).

use super::*;

/// The sizes of a synthetic model.
#[derive(Debug, Clone, Copy)]
pub struct Sizes {
    pub roles: usize,
    pub competencies: usize,
    pub requires: usize,
    pub channels: usize,
    pub develops: usize,
    pub reaches: usize,
}

impl Sizes {
    /// The scale of the full ESCO framework: 3,000 roles, 13,500 competencies, 130,000 requires.
    pub const ESCO: Sizes =
        Sizes { roles: 3_000, competencies: 13_500, requires: 130_000, channels: 0, develops: 0, reaches: 0 };
}

/// A small linear congruential generator: the same sizes always give the same model.
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: usize) -> usize {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        ((self.0 >> 33) % n.max(1) as u64) as usize
    }
}

/// Builds a valid model of the given sizes (relation counts are upper bounds when the
/// item counts cannot hold that many distinct pairs).
pub fn model(sizes: Sizes) -> Model {
    let mut rng = Lcg(0x0074_7265_6c6c_6973);
    let mut m = Model::default();
    m.engagement.name = format!("Synthetic {} roles", sizes.roles);
    m.engagement.created = "2026-01-01".into();
    m.roles = (0..sizes.roles)
        .map(|i| Role {
            id: format!("role-{i:06}"),
            name: format!("Occupation {i}"),
            description: String::new(),
            group: format!("Group {}", i % 40),
            headcount: 1 + (i % 50) as i64,
            refs: vec![],
        })
        .collect();
    m.competencies = (0..sizes.competencies)
        .map(|i| Competency {
            id: format!("comp-{i:06}"),
            name: format!("Skill {i}"),
            description: String::new(),
            category: format!("Category {}", i % 25),
            parent: None,
            refs: vec![],
        })
        .collect();
    m.channels = (0..sizes.channels)
        .map(|i| Channel {
            id: format!("chan-{i:05}"),
            name: format!("Channel {i}"),
            kind: ChannelKind::ALL[i % ChannelKind::ALL.len()],
            description: String::new(),
            capacity: (i % 6 == 2).then_some(20),
            cohorts_per_year: None,
            cost: None,
            cost_basis: None,
            hours: None,
            evaluation_level: (i % 5) as i64,
        })
        .collect();
    // Each role requires a contiguous window of competencies from a random start: distinct pairs, cheap to make.
    if sizes.roles > 0 && sizes.competencies > 0 {
        let per_role = (sizes.requires / sizes.roles).min(sizes.competencies);
        let mut extra = sizes.requires.saturating_sub(per_role * sizes.roles);
        for r in 0..sizes.roles {
            let n = (per_role + usize::from(extra > 0)).min(sizes.competencies);
            extra = extra.saturating_sub(1);
            let start = rng.below(sizes.competencies);
            for k in 0..n {
                let target = 1 + rng.below(5) as i64;
                m.requires.push(Requires {
                    role: m.roles[r].id.clone(),
                    competency: m.competencies[(start + k) % sizes.competencies].id.clone(),
                    target_level: target,
                    current_level: Some(rng.below(target as usize + 1) as i64),
                    criticality: Criticality::ALL[rng.below(3)],
                });
            }
        }
    }
    if sizes.channels > 0 && sizes.competencies > 0 {
        let per = (sizes.develops / sizes.channels).min(sizes.competencies);
        for (c, channel) in m.channels.iter().enumerate() {
            let start = rng.below(sizes.competencies);
            for k in 0..per {
                m.develops.push(Develops {
                    channel: channel.id.clone(),
                    competency: m.competencies[(start + k) % sizes.competencies].id.clone(),
                    stages: vec![if k % 7 == 0 { Stage::ALL[c % 4] } else { channel.kind.default_stage() }],
                });
            }
        }
    }
    if sizes.channels > 0 && sizes.roles > 0 {
        let per = (sizes.reaches / sizes.channels).min(sizes.roles);
        for channel in &m.channels {
            let start = rng.below(sizes.roles);
            for k in 0..per {
                m.reaches
                    .push(Reaches { channel: channel.id.clone(), role: m.roles[(start + k) % sizes.roles].id.clone() });
            }
        }
        for i in 1..m.channels.len() {
            if i % 3 != 0 {
                m.follows.push(Follows { from: m.channels[i - 1].id.clone(), to: m.channels[i].id.clone() });
            }
        }
    }
    m.normalize();
    m
}

#[cfg(test)]
mod tests {
    #[test]
    fn synthetic_models_are_valid_and_sized() {
        let sizes =
            super::Sizes { roles: 50, competencies: 200, requires: 1_000, channels: 12, develops: 120, reaches: 60 };
        let m = super::model(sizes);
        assert!(super::validate(&m).is_empty(), "{:?}", &super::validate(&m)[..3.min(super::validate(&m).len())]);
        assert_eq!((m.roles.len(), m.competencies.len(), m.requires.len()), (50, 200, 1_000));
        assert_eq!((m.develops.len(), m.reaches.len()), (120, 60));
        assert_eq!(super::model(sizes), m, "deterministic");
    }
}
