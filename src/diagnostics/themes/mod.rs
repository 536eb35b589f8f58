//! Themes: the findings gathered into what the client reads, one theme per check code and group, ranked by impact.
//!
//! Grouping. A finding about a role (a required pair, a role's learning mix) joins the theme of
//! its code and the role's group; one about a competency alone, the theme of its code and the
//! competency's category; one about a channel, the theme of its code and the group of the roles
//! the channel reaches ("several groups" when they belong to more than one, "no role" when it
//! reaches none); one about an area only, the theme of its code and area. A finding the
//! consultant wrote is a theme of its own, with the consultant's words. Every finding that is
//! not dismissed is in exactly one theme; a theme whose findings are all dismissed is left out.
//!
//! A theme has a stable `key` (the code, the kind of group and its name, e.g.
//! `no-feedback:group:Warehouse Operations`, `unmeasured:several-groups`,
//! `single-source:category:Safety & Compliance`, `manual:m1`), a title and a recommendation
//! from `templates/rules/themes.toml` filled with its numbers, its severity (the highest of its
//! findings), the people affected (the summed headcount of the roles involved, each role counted
//! once), the keys of its findings (in report order) and its three most telling examples (the
//! findings with the largest people x gap).
//!
//! Ranking (a Trellis convention). Impact = people affected x criticality x gap, where
//! criticality is the highest among the theme's findings (low 1, medium 2, high 3) and gap the
//! largest (levels below target; 1 when the current level is unknown or the finding is not about
//! a level). Themes are ordered by impact, then severity, then people, then key, so the order
//! is the same on every run. The roles a finding involves: its role; for a competency, the
//! roles requiring it (for `no-behaviour-measure`, those requiring it at high criticality); for
//! a channel, the roles it reaches. Its criticality: the pair's; for a role, a competency or a
//! channel, the highest of the required pairs it touches.

mod scope;
mod wording;

pub use scope::GroupKind;
pub use wording::{ThemeRule, ThemeRules};

use super::{Diagnosis, Finding};
use crate::model::{Area, Criticality, Severity};
use rustc_hash::FxHashMap;
use scope::{Index, Scope};
use serde::Serialize;
use wording::Values;

/// How many examples a theme shows.
pub const EXAMPLES: usize = 3;

/// One theme: findings of one code and one group, as the client reads them.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Theme {
    /// Code and group: stable across runs while the group keeps its name.
    pub key: String,
    pub title: String,
    pub severity: Severity,
    pub pillar: Area,
    /// The check codes of its findings (one; `manual` for the consultant's own).
    pub codes: Vec<&'static str>,
    pub group_kind: GroupKind,
    /// The group as the client reads it: a role group, a category, "Several groups", an area.
    pub group: String,
    /// People affected: the summed headcount of the roles involved, each counted once.
    pub people: i64,
    /// People in the group's roles (everyone, for several groups, no role and areas).
    pub group_people: i64,
    /// People x criticality (1-3) x gap: what the themes are ranked by.
    pub impact: i64,
    /// The keys of its findings, in report order.
    pub findings: Vec<String>,
    /// Its most telling findings, largest people x gap first.
    pub examples: Vec<ThemeExample>,
    pub recommendation: String,
}

/// A finding a theme names as an example.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ThemeExample {
    pub finding: String,
    /// What it is about, by name: "Load Securing (HGV Driver)", a channel, a competency.
    pub label: String,
    pub people: i64,
    pub gap: i64,
}

/// A theme while its findings are gathered.
struct Gathering<'m> {
    code: &'static str,
    scope: Scope<'m>,
    first: usize,
    severity: Severity,
    pillar: Area,
    roles: Vec<u32>,
    competencies: Vec<&'m str>,
    channels: Vec<&'m str>,
    members: Vec<usize>,
    criticality: Criticality,
    gap: i64,
    /// (people x gap, finding position, people, gap) per member.
    weights: Vec<(i64, usize, i64, i64)>,
}

fn weight(c: Criticality) -> i64 {
    match c {
        Criticality::Low => 1,
        Criticality::Medium => 2,
        Criticality::High => 3,
    }
}

/// What a finding is about, by name, for an example.
fn label(d: &Diagnosis<'_>, f: &Finding<'_>) -> String {
    let names = d.names();
    let s = &f.subjects;
    match (s.role, s.competency, s.channel) {
        _ if f.is_manual() => f.title().to_owned(),
        (Some(r), Some(c), _) => format!("{} ({})", names.get(c), names.get(r)),
        (Some(r), None, _) => names.get(r).to_owned(),
        (None, Some(c), Some(ch)) => format!("{} ({})", names.get(c), names.get(ch)),
        (None, Some(c), None) => names.get(c).to_owned(),
        (None, None, Some(ch)) => names.get(ch).to_owned(),
        (None, None, None) => s.area.map_or_else(|| f.title().to_owned(), |a| a.label().to_owned()),
    }
}

impl<'m> Diagnosis<'m> {
    /// What a finding is about, by name: "Load Securing (HGV Driver)", a channel, a competency.
    pub fn subject_label(&self, f: &Finding<'_>) -> String {
        label(self, f)
    }

    /// The themes of the findings not dismissed, with the built-in theme patterns: most impact first.
    pub fn themes(&self) -> Vec<Theme> {
        self.themes_with(ThemeRules::builtin())
    }

    /// The themes with these patterns.
    pub fn themes_with(&self, rules: &ThemeRules) -> Vec<Theme> {
        let index = Index::new(self.model);
        let mut at: FxHashMap<(&'static str, Scope<'m>), usize> = FxHashMap::default();
        let mut gathering: Vec<Gathering<'m>> = Vec::new();
        for (i, f) in self.findings.iter().enumerate() {
            if f.is_dismissed() {
                continue;
            }
            let reading = index.read(f, f.manual_id());
            let slot = *at.entry((f.code, reading.scope)).or_insert_with(|| {
                gathering.push(Gathering {
                    code: f.code,
                    scope: reading.scope,
                    first: i,
                    severity: f.severity,
                    pillar: f.area,
                    roles: Vec::new(),
                    competencies: Vec::new(),
                    channels: Vec::new(),
                    members: Vec::new(),
                    criticality: Criticality::Low,
                    gap: 1,
                    weights: Vec::new(),
                });
                gathering.len() - 1
            });
            let g = &mut gathering[slot];
            g.severity = g.severity.min(f.severity);
            g.criticality = g.criticality.max(reading.criticality);
            g.gap = g.gap.max(reading.gap);
            let people: i64 = reading.roles.iter().map(|r| index.headcount(*r)).sum();
            g.weights.push((people * reading.gap, i, people, reading.gap));
            g.roles.extend(reading.roles);
            g.competencies.extend(f.subjects.competency);
            g.channels.extend(f.subjects.channel);
            g.members.push(i);
        }
        let mut themes: Vec<Theme> = gathering.into_iter().map(|g| self.finish(&index, rules, g)).collect();
        themes.sort_by(|a, b| {
            (std::cmp::Reverse(a.impact), a.severity, std::cmp::Reverse(a.people), &a.key).cmp(&(
                std::cmp::Reverse(b.impact),
                b.severity,
                std::cmp::Reverse(b.people),
                &b.key,
            ))
        });
        themes
    }

    fn finish(&self, index: &Index<'m>, rules: &ThemeRules, mut g: Gathering<'m>) -> Theme {
        g.roles.sort_unstable();
        g.roles.dedup();
        for list in [&mut g.competencies, &mut g.channels] {
            list.sort_unstable();
            list.dedup();
        }
        let people: i64 = g.roles.iter().map(|r| index.headcount(*r)).sum();
        // Largest people x gap first; then the more severe, then report order.
        g.weights.sort_by_key(|(w, i, ..)| (std::cmp::Reverse(*w), self.findings[*i].severity, *i));
        let examples: Vec<ThemeExample> = g
            .weights
            .iter()
            .take(EXAMPLES)
            .map(|(_, i, people, gap)| {
                let f = &self.findings[*i];
                ThemeExample { finding: f.key(), label: label(self, f), people: *people, gap: *gap }
            })
            .collect();
        let first = &self.findings[g.first];
        let group = g.scope.label();
        let group_people = index.group_people(g.scope).max(people);
        let values = Values {
            group: &group,
            people,
            group_people,
            roles: g.roles.len(),
            competencies: g.competencies.len(),
            channels: g.channels.len(),
            findings: g.members.len(),
            example: examples.first().map_or("", |e| e.label.as_str()),
        };
        let (title, recommendation) = match (g.scope.kind, rules.rule(g.code)) {
            (GroupKind::Manual, _) => (first.title().to_owned(), self.recommendation(first)),
            (_, Some(rule)) => (wording::fill(&rule.title, &values), wording::fill(&rule.recommendation, &values)),
            (_, None) => (format!("{group}: {}", first.title()), self.recommendation(first)),
        };
        Theme {
            key: g.scope.key(g.code),
            title,
            severity: g.severity,
            pillar: g.pillar,
            codes: vec![g.code],
            group_kind: g.scope.kind,
            group,
            people,
            group_people,
            impact: people * weight(g.criticality) * g.gap,
            findings: g.members.iter().map(|i| self.findings[*i].key()).collect(),
            examples,
            recommendation,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::{diagnose, diagnose_with, Rules};
    use crate::model::{Disposition, Model, Verdict};

    fn demo() -> Model {
        crate::templates::load("demo").unwrap()
    }

    /// Every finding not dismissed is in exactly one theme, and no theme holds a dismissed one.
    fn assert_each_open_finding_in_one_theme(d: &Diagnosis<'_>, themes: &[Theme]) {
        let mut held: FxHashMap<&str, usize> = FxHashMap::default();
        for t in themes {
            assert!(!t.findings.is_empty(), "{}", t.key);
            for k in &t.findings {
                *held.entry(k.as_str()).or_default() += 1;
            }
        }
        for f in &d.findings {
            let n = held.get(f.key().as_str()).copied().unwrap_or(0);
            assert_eq!(n, usize::from(!f.is_dismissed()), "{} is in {n} themes", f.key());
        }
        assert_eq!(held.len(), d.findings.iter().filter(|f| !f.is_dismissed()).count());
    }

    #[test]
    fn every_open_finding_of_every_starter_is_in_exactly_one_theme() {
        for t in crate::templates::all() {
            let m = t.model().unwrap();
            let d = diagnose(&m);
            assert_each_open_finding_in_one_theme(&d, &d.themes());
        }
        let m = crate::model::synthetic::model(crate::model::synthetic::Sizes::ESCO);
        let d = diagnose(&m);
        let themes = d.themes();
        assert_each_open_finding_in_one_theme(&d, &themes);
        assert!(themes.len() * 20 < d.findings.len(), "{} themes for {} findings", themes.len(), d.findings.len());
    }

    #[test]
    fn dismissed_findings_drop_out_and_a_theme_of_dismissed_findings_goes() {
        let mut m = super::scope::tests::model();
        let d = diagnose(&m);
        let warehouse = d.themes().into_iter().find(|t| t.key == "training-only:group:Warehouse").unwrap();
        assert_eq!((warehouse.findings.len(), warehouse.people), (3, 150));
        let first = "training-only:b,x".to_owned();
        m.dispositions = vec![Disposition { key: first.clone(), status: Verdict::Dismissed, note: String::new() }];
        let d = diagnose_with(&m, Rules::builtin());
        let themes = d.themes();
        assert_each_open_finding_in_one_theme(&d, &themes);
        let left = themes.iter().find(|t| t.key == "training-only:group:Warehouse").unwrap();
        assert_eq!(left.findings.len(), 2);
        assert!(!left.findings.contains(&first));
        assert_eq!(left.people, 100, "the dismissed finding's role no longer counts");
        m.dispositions = warehouse
            .findings
            .iter()
            .map(|k| Disposition { key: k.clone(), status: Verdict::Dismissed, note: String::new() })
            .collect();
        let d = diagnose_with(&m, Rules::builtin());
        assert!(d.themes().iter().all(|t| t.key != "training-only:group:Warehouse"), "all dismissed: the theme goes");
        // An accepted finding stays in its theme.
        m.dispositions[0].status = Verdict::Accepted;
        let d = diagnose_with(&m, Rules::builtin());
        assert!(d.themes().iter().any(|t| t.key == "training-only:group:Warehouse"));
    }

    #[test]
    fn themes_rank_by_people_criticality_and_gap_and_say_their_numbers() {
        let m = super::scope::tests::model();
        let d = diagnose(&m);
        let themes = d.themes();
        for w in themes.windows(2) {
            assert!(
                (std::cmp::Reverse(w[0].impact), w[0].severity, std::cmp::Reverse(w[0].people), &w[0].key)
                    < (std::cmp::Reverse(w[1].impact), w[1].severity, std::cmp::Reverse(w[1].people), &w[1].key),
                "{} before {}",
                w[0].key,
                w[1].key
            );
        }
        let find = |key: &str| themes.iter().find(|t| t.key == key).unwrap_or_else(|| panic!("{key}"));
        // Warehouse: 150 people, high criticality (3), largest gap 3 (a: 4 - 1).
        let warehouse = find("training-only:group:Warehouse");
        assert_eq!((warehouse.people, warehouse.impact, warehouse.severity), (150, 150 * 3 * 3, Severity::High));
        assert_eq!(warehouse.title, "Warehouse: 2 competencies taught but never practised, for all 150 people");
        // Transport: 200 people at high criticality, gap unknown (1).
        assert_eq!(find("training-only:group:Transport").impact, 200 * 3);
        assert!(
            themes.iter().position(|t| t.key == warehouse.key)
                < themes.iter().position(|t| t.key.ends_with("Transport") && t.key.starts_with("training-only"))
        );
        assert_eq!(find("orphan-channel:no-role").people, 0);
        assert_eq!(themes.last().unwrap().impact, 0, "a theme affecting no one comes last");
    }

    #[test]
    fn examples_are_the_largest_people_times_gap_and_the_recommendation_names_the_first() {
        let m = super::scope::tests::model();
        let d = diagnose(&m);
        let warehouse = d.themes().into_iter().find(|t| t.key == "training-only:group:Warehouse").unwrap();
        // a on x: 100 people x gap 3 = 300; a on z: 100 x 1; b on x: 50 x 1.
        let examples: Vec<(&str, i64, i64)> =
            warehouse.examples.iter().map(|e| (e.finding.as_str(), e.people, e.gap)).collect();
        assert_eq!(
            examples,
            vec![("training-only:a,x", 100, 3), ("training-only:a,z", 100, 1), ("training-only:b,x", 50, 1)]
        );
        assert_eq!(warehouse.examples[0].label, "Competency x (Role a)");
        assert!(warehouse.recommendation.contains("Start with Competency x (Role a)"), "{}", warehouse.recommendation);
        let demo = demo();
        let d = diagnose(&demo);
        for t in d.themes() {
            assert!(t.examples.len() == t.findings.len().min(EXAMPLES), "{}", t.key);
            let scores: Vec<i64> = t.examples.iter().map(|e| e.people * e.gap).collect();
            assert!(scores.windows(2).all(|w| w[0] >= w[1]), "{}: {scores:?}", t.key);
            assert!(!t.title.contains('{') && !t.recommendation.contains('{'), "{}", t.title);
        }
    }

    #[test]
    fn keys_are_code_and_group_stable_across_runs_and_unique() {
        let m = demo();
        let a = diagnose(&m).themes();
        let b = diagnose(&m).themes();
        assert_eq!(a, b);
        let mut keys: Vec<&str> = a.iter().map(|t| t.key.as_str()).collect();
        keys.sort_unstable();
        keys.dedup();
        assert_eq!(keys.len(), a.len(), "one theme per key");
        for t in &a {
            assert!(t.key.starts_with(&format!("{}:", t.codes[0])), "{}", t.key);
            let prefix = match t.group_kind {
                GroupKind::RoleGroup => format!("{}:group:{}", t.codes[0], t.group),
                GroupKind::Category => format!("{}:category:{}", t.codes[0], t.group),
                _ => t.codes[0].to_owned(),
            };
            assert!(t.key.starts_with(&prefix), "{} / {prefix}", t.key);
        }
        assert!(a.iter().any(|t| t.key == "training-only:group:Warehouse Operations"), "{:#?}", keys);
    }

    #[test]
    fn an_area_finding_is_exemplified_by_its_area_not_its_title() {
        let m = demo();
        let d = diagnose(&m);
        let themes = d.themes();
        let split =
            themes.iter().find(|t| t.codes == ["perception-split"]).expect("the demo's answers split on coaching");
        assert_eq!(split.examples[0].label, crate::model::Area::Coaching.label());
    }
}
