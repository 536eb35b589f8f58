//! A finding as users see it: code, severity, area, subjects, evidence, its key, the claim behind it; and the order findings are reported in.
//!
//! Findings borrow their ids and words from the model and the rules: a large engagement has
//! hundreds of thousands, so nothing is copied per finding. Keys and filled recommendations are
//! made when asked for (`Finding::key`, `Diagnosis::recommendation`).

pub use super::evidence::{Evidence, Fact};
pub use super::subjects::FindingSubjects;
use super::texts::Template;
use super::{Rule, Rules};
use crate::model::{Area, ManualFinding, Model, Severity, Verdict};

/// What a check reports; it becomes a finding (`into`) whose rule and verdict `finish` looks up.
#[derive(Debug, Clone)]
pub struct Raw<'m> {
    pub code: &'static str,
    pub severity: Severity,
    pub subjects: FindingSubjects<'m>,
    pub evidence: Evidence,
}

impl<'m> From<Raw<'m>> for Finding<'m> {
    fn from(r: Raw<'m>) -> Finding<'m> {
        Finding {
            code: r.code,
            severity: r.severity,
            area: Area::BeyondTraining,
            subjects: r.subjects,
            evidence: r.evidence,
            status: None,
            note: None,
            texts: Texts::Missing,
        }
    }
}

/// Where a finding's words come from.
#[derive(Debug, Clone, Copy)]
pub(super) enum Texts<'m> {
    /// The rule of its code, and the position of the rule's parsed recommendation in the diagnosis.
    Rule(&'m Rule, usize),
    /// The consultant wrote it.
    Manual(&'m ManualFinding),
    /// The rules have nothing for its code.
    Missing,
}

impl PartialEq for Texts<'_> {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (Texts::Rule(a, i), Texts::Rule(b, j)) => std::ptr::eq(*a, *b) && i == j,
            (Texts::Manual(a), Texts::Manual(b)) => std::ptr::eq(*a, *b),
            (Texts::Missing, Texts::Missing) => true,
            _ => false,
        }
    }
}

/// One finding about one affected subject (or one cycle).
#[derive(Debug, Clone, PartialEq)]
pub struct Finding<'m> {
    /// The check's code, or `manual` for a finding the consultant wrote.
    pub code: &'static str,
    pub severity: Severity,
    pub area: Area,
    pub subjects: FindingSubjects<'m>,
    /// The numbers behind the finding; keys documented per code in `checks/`.
    pub evidence: Evidence,
    /// `accepted` or `dismissed` when the consultant decided; `None` while open.
    pub status: Option<Verdict>,
    /// The consultant's note, present with a verdict.
    pub note: Option<&'m str>,
    pub(super) texts: Texts<'m>,
}

/// The code that marks findings the consultant wrote.
pub const MANUAL: &str = "manual";

impl<'m> Finding<'m> {
    pub fn is_dismissed(&self) -> bool {
        self.status == Some(Verdict::Dismissed)
    }

    pub fn is_manual(&self) -> bool {
        matches!(self.texts, Texts::Manual(_))
    }

    /// The id the consultant gave a manual finding.
    pub fn manual_id(&self) -> Option<&'m str> {
        match self.texts {
            Texts::Manual(f) => Some(&f.id),
            _ => None,
        }
    }

    pub fn title(&self) -> &'m str {
        match self.texts {
            Texts::Rule(rule, _) => &rule.title,
            Texts::Manual(f) => &f.title,
            Texts::Missing => self.code,
        }
    }

    /// The claim the finding puts to work (a manual finding: what the consultant saw).
    pub fn rationale(&self) -> &'m str {
        match self.texts {
            Texts::Rule(rule, _) => &rule.rationale,
            Texts::Manual(f) => &f.rationale,
            Texts::Missing => "",
        }
    }

    /// The code and the sorted subject ids (`manual:` and the id for a manual finding): stable
    /// across runs, used to accept or dismiss it.
    pub fn key(&self) -> String {
        let mut key = String::with_capacity(48);
        self.write_key(&mut key);
        key
    }

    /// Appends the key to `out`.
    pub fn write_key(&self, out: &mut String) {
        match self.texts {
            Texts::Manual(f) => {
                out.push_str(MANUAL);
                out.push(':');
                out.push_str(&f.id);
            }
            _ => write_key(self.code, &self.subjects, out),
        }
    }

    /// Whether the finding's key is `key`, without building it.
    pub fn has_key(&self, key: &str) -> bool {
        let Some((code, rest)) = key.split_once(':') else { return false };
        match self.texts {
            Texts::Manual(f) => code == MANUAL && rest == f.id,
            _ => {
                code == self.code
                    && with_sorted_ids(&self.subjects, |ids| {
                        let mut rest = rest;
                        for (i, id) in ids.iter().enumerate() {
                            let tail = if i == 0 { Some(rest) } else { rest.strip_prefix(',') };
                            match tail.and_then(|t| t.strip_prefix(id)) {
                                Some(t) => rest = t,
                                None => return false,
                            }
                        }
                        rest.is_empty()
                    })
            }
        }
    }
}

/// Calls `f` with the subject ids sorted (an area by its wire name); without a cycle there are
/// at most four, sorted on the stack.
fn with_sorted_ids<T>(subjects: &FindingSubjects<'_>, f: impl FnOnce(&[&str]) -> T) -> T {
    if subjects.cycle.is_some() {
        return f(&subjects.ids());
    }
    let mut few = [""; 4];
    let mut n = 0;
    let area = subjects.area.map(Area::as_str);
    for id in [subjects.role, subjects.competency, subjects.channel, area].into_iter().flatten() {
        few[n] = id;
        n += 1;
    }
    few[..n].sort_unstable();
    f(&few[..n])
}

/// Appends the stable key of a computed finding, `code:id1,id2`, to `out`.
pub fn write_key(code: &str, subjects: &FindingSubjects<'_>, out: &mut String) {
    out.push_str(code);
    out.push(':');
    with_sorted_ids(subjects, |ids| {
        for (i, id) in ids.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            out.push_str(id);
        }
    });
}

/// Completes what the checks found (rule, area, the consultant's verdict), adds the manual
/// findings, and puts them in report order: by severity, then area; within those as they came
/// (checks in `CODES` order, subjects in model order, manual findings last), so by code and
/// subjects. Returns the parsed recommendation of each rule used.
pub(super) fn finish<'m>(model: &'m Model, rules: &'m Rules, findings: &mut Vec<Finding<'m>>) -> Vec<Template<'m>> {
    let mut templates: Vec<Template<'m>> = Vec::new();
    // The words and area of each code (and recommendation variant), looked up when they change:
    // checks emit theirs together.
    type Entry<'m> = (&'static str, Option<&'m str>, Texts<'m>, Area);
    let mut known: Vec<Entry<'m>> = Vec::new();
    let mut current: Option<Entry<'m>> = None;
    let mut rule: Option<(&'static str, Option<&'m Rule>)> = None;
    let computed = findings.len();
    for f in findings.iter_mut() {
        if rule.is_none_or(|(code, _)| code != f.code) {
            rule = Some((f.code, rules.rule(f.code)));
        }
        let this = rule.and_then(|(_, r)| r);
        let variant = this.filter(|r| r.variant_by.is_some()).and_then(|r| r.recommendation_for(&f.evidence).1);
        if current.is_none_or(|(code, v, ..)| code != f.code || v != variant) {
            current = Some(match known.iter().find(|(code, v, ..)| *code == f.code && *v == variant) {
                Some(entry) => *entry,
                None => {
                    let entry = match this {
                        Some(rule) => {
                            templates.push(Template::parse(rule.recommendation_for(&f.evidence).0));
                            (f.code, variant, Texts::Rule(rule, templates.len() - 1), rule.area)
                        }
                        None => (f.code, None, Texts::Missing, Area::BeyondTraining),
                    };
                    known.push(entry);
                    entry
                }
            });
        }
        let (_, _, texts, pillar) = current.expect("looked up above");
        // A finding about one area's answers is in that area, whatever its rule says.
        (f.texts, f.area) = (texts, f.subjects.area.unwrap_or(pillar));
    }
    findings.extend(model.manual_findings.iter().map(|m| Finding {
        code: MANUAL,
        severity: m.severity,
        area: m.area,
        subjects: FindingSubjects::of(&m.subjects),
        evidence: Evidence::default(),
        status: None,
        note: None,
        texts: Texts::Manual(m),
    }));
    debug_assert!(findings[computed..].iter().all(Finding::is_manual));
    if !model.dispositions.is_empty() {
        let verdicts: rustc_hash::FxHashMap<&str, (Verdict, &str)> =
            model.dispositions.iter().map(|d| (d.key.as_str(), (d.status, d.note.as_str()))).collect();
        let mut key = String::new();
        for f in findings.iter_mut() {
            key.clear();
            f.write_key(&mut key);
            if let Some((status, note)) = verdicts.get(key.as_str()) {
                (f.status, f.note) = (Some(*status), Some(*note));
            }
        }
    }
    order(findings);
    templates
}

/// Sorts findings by (severity, area), keeping the order among equals: a counting sort whose
/// permutation is applied in place, so that no second list of findings is made.
fn order(findings: &mut [Finding<'_>]) {
    let areas = Area::ALL.len();
    let rank = |f: &Finding<'_>| f.severity as usize * areas + f.area as usize;
    let mut starts = vec![0usize; Severity::ALL.len() * areas + 1];
    for f in findings.iter() {
        starts[rank(f) + 1] += 1;
    }
    for k in 1..starts.len() {
        starts[k] += starts[k - 1];
    }
    // Where each finding goes; then each cycle of the permutation is followed once.
    let mut dest: Vec<usize> = findings
        .iter()
        .map(|f| {
            let k = rank(f);
            starts[k] += 1;
            starts[k] - 1
        })
        .collect();
    for i in 0..findings.len() {
        while dest[i] != i {
            let j = dest[i];
            findings.swap(i, j);
            dest.swap(i, j);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::fixture::Fixture;
    use crate::diagnostics::Rules;
    use crate::model::{ChannelKind, Disposition, Stage};

    fn model() -> Model {
        Fixture::new()
            .role("r2")
            .role("r1")
            .comp("c")
            .comp("b")
            .requires("r1", "c")
            .requires("r2", "c")
            .requires("r2", "b")
            .channel("course", ChannelKind::Formal)
            .develops("course", "c", Stage::Introduce)
            .reaches("course", "r1")
            .prerequisite("c", "b")
            .prerequisite("b", "c")
            .build()
    }

    #[test]
    fn keys_are_code_and_sorted_ids_and_has_key_agrees_with_them() {
        let m = model();
        let d = crate::diagnostics::diagnose(&m);
        assert!(d.findings.iter().any(|f| f.key() == "training-only:c,r1"));
        assert!(d.findings.iter().any(|f| f.key() == "unreachable:c,r2"));
        for f in &d.findings {
            let key = f.key();
            assert!(f.has_key(&key), "{key}");
            for other in [&key[..key.len() - 1], &format!("{key},x"), &format!("x{key}"), "", ":"] {
                assert!(!f.has_key(other), "{key} is not {other}");
            }
            assert_eq!(d.findings.iter().filter(|g| g.has_key(&key)).count(), 1, "{key} names one finding");
        }
    }

    #[test]
    fn findings_are_ordered_by_severity_then_area_keeping_the_check_order() {
        let mut m = model();
        let d = crate::diagnostics::diagnose(&m);
        let dismiss = d.findings.iter().find(|f| f.code == "unreachable").unwrap().key();
        m.dispositions = vec![Disposition { key: dismiss.clone(), status: Verdict::Dismissed, note: "n".into() }];
        let d = crate::diagnostics::diagnose_with(&m, Rules::builtin());
        let codes = crate::diagnostics::CODES;
        let rank = |f: &Finding<'_>| (f.severity, f.area, codes.iter().position(|c| *c == f.code));
        assert!(d.findings.windows(2).all(|w| rank(&w[0]) <= rank(&w[1])), "{:#?}", d.findings);
        let f = d.findings.iter().find(|f| f.key() == dismiss).unwrap();
        assert_eq!((f.status, f.note), (Some(Verdict::Dismissed), Some("n")));
        assert_eq!(d.findings.iter().filter(|f| f.status.is_some()).count(), 1);
    }
}
