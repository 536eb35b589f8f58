//! The findings as the studio lists them: the top themes, the findings filtered by area, severity, code and status, with subject names, the area scores and the maturity level.

use super::Session;
use crate::diagnostics::{Diagnosis, Finding};
use crate::model::{Area, Id, Severity, Verdict};
use serde::{Deserialize, Serialize};

/// Which findings to list. Empty fields keep everything.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct FindingQuery {
    pub area: Option<Area>,
    pub severity: Option<Severity>,
    pub code: Option<String>,
    /// `open`, `accepted` or `dismissed`.
    pub status: Option<String>,
    /// At most this many rows (the total is reported); `None`: `FINDING_ROWS`.
    pub limit: Option<usize>,
}

/// The rows sent at most in one answer: a large engagement has tens of thousands of findings.
pub const FINDING_ROWS: usize = 500;

/// One subject of a finding, named.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SubjectRef {
    /// `role`, `competency` or `channel`.
    pub kind: String,
    pub id: Id,
    pub name: String,
}

#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FindingRow {
    pub key: String,
    pub code: String,
    pub severity: Severity,
    pub area: Area,
    pub title: String,
    pub subjects: Vec<SubjectRef>,
    pub rationale: String,
    pub recommendation: String,
    pub status: Option<Verdict>,
    pub note: String,
    /// The consultant wrote it; its id is the key after `manual:`.
    pub manual: bool,
}

/// One area: its score (0-100, absent when there is nothing to score), its parts and its open findings.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AreaScore {
    pub area: Area,
    pub title: String,
    pub score: Option<f64>,
    pub structural: Option<f64>,
    pub perceived: Option<f64>,
    /// How many people answered the area's statements (the perceived score counts from five).
    pub respondents: usize,
    pub open_findings: usize,
}

/// One theme as the studio lists it: the findings of one code and group, ranked by impact.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ThemeRow {
    pub key: String,
    pub title: String,
    pub severity: Severity,
    pub area: Area,
    /// People affected: the summed headcount of the roles involved.
    pub people: i64,
    /// How many findings it holds.
    pub findings: usize,
    /// Its most telling examples, by name.
    pub examples: Vec<String>,
    pub recommendation: String,
}

/// The themes sent at most in one answer (the rest are counted in `FindingsView::theme_total`).
pub const THEME_ROWS: usize = 12;

/// How many findings carry a code, for the code filter.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CodeCount {
    pub code: String,
    pub count: usize,
}

#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FindingsView {
    /// The top themes of the open findings, most impact first (at most `THEME_ROWS`).
    pub themes: Vec<ThemeRow>,
    /// How many themes there are in all.
    pub theme_total: usize,
    pub rows: Vec<FindingRow>,
    /// How many findings match the query (rows holds at most the limit).
    pub matching: usize,
    /// How many findings there are in all.
    pub total: usize,
    pub codes: Vec<CodeCount>,
    pub areas: Vec<AreaScore>,
    pub maturity_level: u8,
    pub maturity_label: String,
    /// What the scores rest on: the areas the model scores, those people's answers score and
    /// from how many, and whether the lack of climate answers holds maturity down.
    pub evidence: String,
    pub summary: String,
}

impl Session {
    /// The findings matching `q`, with the area scores, the maturity level and the executive summary.
    pub fn findings_view(&self, q: &FindingQuery) -> FindingsView {
        let m = self.model();
        let d = self.diagnose();
        let status_of = |f: &Finding| match f.status {
            None => "open",
            Some(Verdict::Accepted) => "accepted",
            Some(Verdict::Dismissed) => "dismissed",
        };
        let keep = |f: &&Finding| {
            q.area.is_none_or(|a| f.area == a)
                && q.severity.is_none_or(|s| f.severity == s)
                && q.code.as_ref().is_none_or(|c| f.code == c)
                && q.status.as_ref().is_none_or(|s| status_of(f) == s)
        };
        let matching: Vec<&Finding> = d.findings.iter().filter(keep).collect();
        let limit = q.limit.unwrap_or(FINDING_ROWS);
        let rows = matching.iter().take(limit).map(|f| row(&d, f)).collect();
        let mut codes: Vec<CodeCount> = Vec::new();
        for f in &d.findings {
            match codes.iter_mut().find(|c| c.code == f.code) {
                Some(c) => c.count += 1,
                None => codes.push(CodeCount { code: f.code.to_owned(), count: 1 }),
            }
        }
        codes.sort_by(|a, b| a.code.cmp(&b.code));
        let areas = Area::ALL
            .iter()
            .map(|p| {
                let s = d.scores.areas.get(p);
                AreaScore {
                    area: *p,
                    title: p.label().to_owned(),
                    score: s.and_then(|s| s.score),
                    structural: s.and_then(|s| s.structural),
                    perceived: s.and_then(|s| s.perceived),
                    respondents: s.map_or(0, |s| s.respondents),
                    open_findings: d.findings.iter().filter(|f| f.area == *p && f.status.is_none()).count(),
                }
            })
            .collect();
        let all_themes = d.themes();
        let themes = all_themes
            .iter()
            .take(THEME_ROWS)
            .map(|t| ThemeRow {
                key: t.key.clone(),
                title: t.title.clone(),
                severity: t.severity,
                area: t.pillar,
                people: t.people,
                findings: t.findings.len(),
                examples: t.examples.iter().map(|e| e.label.clone()).collect(),
                recommendation: t.recommendation.clone(),
            })
            .collect();
        FindingsView {
            themes,
            theme_total: all_themes.len(),
            rows,
            matching: matching.len(),
            total: d.findings.len(),
            codes,
            areas,
            maturity_level: d.scores.maturity.level,
            maturity_label: d.scores.maturity.label.clone(),
            evidence: d.scores.evidence_text(),
            summary: m.summary.clone(),
        }
    }
}

fn row(d: &Diagnosis<'_>, f: &Finding<'_>) -> FindingRow {
    let s = &f.subjects;
    let names = d.names();
    let named =
        |kind: &str, id: &str| SubjectRef { kind: kind.into(), id: id.to_owned(), name: names.get(id).to_owned() };
    let mut subjects: Vec<SubjectRef> = [("role", s.role), ("competency", s.competency), ("channel", s.channel)]
        .into_iter()
        .filter_map(|(kind, id)| id.map(|id| named(kind, id)))
        .collect();
    for id in s.cycle.iter().flatten() {
        subjects.push(named("competency", id));
    }
    FindingRow {
        key: f.key(),
        code: f.code.to_owned(),
        severity: f.severity,
        area: f.area,
        title: f.title().to_owned(),
        subjects,
        rationale: f.rationale().to_owned(),
        recommendation: d.recommendation(f),
        status: f.status,
        note: f.note.unwrap_or_default().to_owned(),
        manual: f.is_manual(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn findings_filter_by_area_and_status_and_name_their_subjects() {
        let dir = tempfile::tempdir().unwrap();
        let mut s = Session::create(&dir.path().join("d.trellis"), "demo", None, "2026-01-15").unwrap();
        let all = s.findings_view(&FindingQuery::default());
        assert!(all.total > 0 && all.matching == all.total);
        assert_eq!(all.areas.len(), Area::ALL.len());
        let first = all.rows[0].clone();
        assert!(first.subjects.iter().all(|r| r.name != r.id || r.kind.is_empty()));
        let area = s.findings_view(&FindingQuery { area: Some(first.area), ..FindingQuery::default() });
        assert!(area.rows.iter().all(|r| r.area == first.area));
        s.dispose(&first.key, Some(Verdict::Dismissed), "seen on site").unwrap();
        let dismissed = s.findings_view(&FindingQuery { status: Some("dismissed".into()), ..FindingQuery::default() });
        assert_eq!(dismissed.rows.len(), 1);
        assert_eq!(dismissed.rows[0].note, "seen on site");
        assert!(!all.themes.is_empty() && all.themes.len() <= THEME_ROWS && all.theme_total >= all.themes.len());
        assert_eq!(all.themes[0].title, s.diagnose().themes()[0].title, "the top theme first");
        let limited = s.findings_view(&FindingQuery { limit: Some(1), ..FindingQuery::default() });
        assert_eq!((limited.rows.len(), limited.matching), (1, all.total));
    }
}
