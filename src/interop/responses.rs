//! Diagnostic responses as CSV: one answer per row, headed with the interchange's field names, imported and exported.

use super::increment::Increment;
use super::source::{self, table_text, Dialect, Source, Table};
use crate::model::{Model, RespondentType, Response};
use crate::Result;
use std::path::Path;

/// The columns of a responses file, in the order they are written.
pub const COLUMNS: &[&str] = &["bank", "question", "respondent", "group", "respondent_type", "score", "note", "at"];

/// Reads a responses CSV file.
pub fn read(path: &Path) -> Result<Increment> {
    let bytes = source::read_bytes(path)?;
    let name = path.display().to_string();
    let (utf8, warning) = super::encoding::to_utf8(Source::new(&name, &bytes))?;
    let mut increment = parse(Source::new(&name, &utf8))?;
    increment.warnings.extend(warning);
    Ok(increment)
}

/// Parses responses held in memory. An empty score is "don't know".
pub fn parse(source: Source<'_>) -> Result<Increment> {
    let mut t = Table::new(source, Dialect::Spreadsheet)?.guarded();
    t.only(COLUMNS)?;
    let (bank, question, respondent) = (t.column("bank")?, t.column("question")?, t.column("respondent")?);
    let (group, score, note, at) = (t.optional("group"), t.column("score")?, t.optional("note"), t.column("at")?);
    let kind = t.optional("respondent_type");
    let mut model = Model::default();
    while t.next_row()? {
        let respondent_type = match t.get(kind).to_lowercase() {
            text if text.is_empty() => None,
            text => Some(text.parse::<RespondentType>().map_err(|_| {
                t.error(kind, format!("`{}` is not one of learner, manager, ld, leader (or empty)", t.get(kind)))
            })?),
        };
        let s = t.whole(score, "a whole number from 1 to 5 (or empty for don't know)")?;
        if let Some(s) = s.filter(|s| !(1..=5).contains(s)) {
            return Err(t.error(score, format!("{s} is outside 1..=5 (leave it empty for don't know)")));
        }
        let time = t.required(at)?;
        if time::OffsetDateTime::parse(time, &time::format_description::well_known::Rfc3339).is_err() {
            return Err(t.error(at, format!("`{time}` is not an RFC 3339 time such as 2026-03-02T10:00:00Z")));
        }
        model.responses.push(Response {
            bank: t.required(bank)?.to_owned(),
            question: t.required(question)?.to_owned(),
            respondent: t.required(respondent)?.to_owned(),
            group: Some(t.get(group).to_owned()).filter(|g| !g.is_empty()),
            respondent_type,
            score: s,
            note: t.text(note).to_owned(),
            at: time.to_owned(),
        });
    }
    Ok(Increment::by_id(model, None))
}

/// Writes the responses in the order they were given.
pub fn export(model: &Model) -> String {
    let rows: Vec<Vec<String>> = model
        .responses
        .iter()
        .map(|r| {
            vec![
                r.bank.clone(),
                r.question.clone(),
                r.respondent.clone(),
                r.group.clone().unwrap_or_default(),
                r.respondent_type.map(|t| t.as_str().to_owned()).unwrap_or_default(),
                r.score.map(|s| s.to_string()).unwrap_or_default(),
                r.note.clone(),
                r.at.clone(),
            ]
        })
        .collect();
    table_text(COLUMNS, &rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_respondent_type_round_trips_and_is_unknown_when_empty() {
        let text = "bank,question,respondent,respondent_type,score,at\ncore,q1,a,manager,4,2026-03-02T10:00:00Z\ncore,q1,b,,2,2026-03-02T10:00:00Z\n";
        let inc = parse(Source::new("r.csv", text.as_bytes())).unwrap();
        let types: Vec<_> = inc.model.responses.iter().map(|r| r.respondent_type).collect();
        assert_eq!(types, vec![Some(RespondentType::Manager), None]);
        let written = export(&inc.model);
        assert!(
            written.starts_with("\u{feff}bank,question,respondent,group,respondent_type,score,note,at"),
            "{written}"
        );
        let again = parse(Source::new("r.csv", written.as_bytes())).unwrap();
        assert_eq!(again.model.responses, inc.model.responses);
    }

    #[test]
    fn a_note_that_looks_like_a_formula_is_written_guarded_and_reads_back_as_typed() {
        let text = "bank,question,respondent,score,note,at\ncore,q1,a,4,\"=HYPERLINK(\"\"http://x\"\")\",2026-03-02T10:00:00Z\ncore,q1,b,2,-,2026-03-02T10:00:00Z\n";
        let inc = parse(Source::new("r.csv", text.as_bytes())).unwrap();
        let written = export(&inc.model);
        assert!(written.starts_with('\u{feff}'), "a BOM, so Excel reads UTF-8");
        assert!(written.contains("\"'=HYPERLINK(\"\"http://x\"\")\"") && written.contains(",'-,"), "{written}");
        let again = parse(Source::new("r.csv", written.as_bytes())).unwrap();
        assert_eq!(again.model.responses, inc.model.responses);
    }

    #[test]
    fn responses_round_trip_and_bad_scores_are_named() {
        let text = "bank;question;respondent;group;score;note;at\ncore;q1;anon-1;Ops;4;\"fine; really\";2026-03-02T10:00:00Z\ncore;q2;anon-1;;;;2026-03-02T10:01:00Z\n";
        let inc = parse(Source::new("r.csv", text.as_bytes())).unwrap();
        let r = &inc.model.responses;
        assert_eq!(
            (r[0].score, r[0].note.as_str(), r[1].score, r[1].group.clone()),
            (Some(4), "fine; really", None, None)
        );
        let again = parse(Source::new("r.csv", export(&inc.model).as_bytes())).unwrap();
        assert_eq!(again.model.responses, inc.model.responses);
        let bad = "bank,question,respondent,score,at\ncore,q1,a,7,2026-03-02T10:00:00Z\n";
        let err = parse(Source::new("r.csv", bad.as_bytes())).unwrap_err().to_string();
        assert!(err.contains("r.csv, line 2, field `score`"), "{err}");
        let bad = "bank,question,respondent,respondent_type,score,at\ncore,q1,a,manager,3,2026-03-02T10:00:00Z\ncore,q1,b,boss,3,2026-03-02T10:00:00Z\n";
        let err = parse(Source::new("r.csv", bad.as_bytes())).unwrap_err().to_string();
        assert!(err.contains("r.csv, line 3, field `respondent_type`") && err.contains("`boss`"), "{err}");
        let bad = "bank,question,respondent,score,at\ncore,q1,a,3,yesterday\n";
        let err = parse(Source::new("r.csv", bad.as_bytes())).unwrap_err().to_string();
        assert!(err.contains("field `at`"), "{err}");
    }
}
