//! Diagnosis and the consultant's judgement: run the checks, accept or dismiss findings, manual findings, the summary, answers and banks.

use super::Session;
use crate::diagnostics::{self, Diagnosis};
use crate::model::{self, Bank, Disposition, Edit, ManualFinding, Response, Settings, Verdict};
use crate::{Error, Result};

impl Session {
    /// Runs every check, scores the areas and the maturity, with the consultant's verdicts applied.
    pub fn diagnose(&self) -> Diagnosis<'_> {
        diagnostics::diagnose(self.model())
    }

    /// Accepts or dismisses a finding by key (`None` clears the verdict). The key must name a current finding.
    pub fn dispose(&mut self, key: &str, verdict: Option<Verdict>, note: &str) -> Result<()> {
        let known = self.diagnose().has_finding(key) || self.model().dispositions.iter().any(|d| d.key == key);
        if !known {
            return Err(Error::NotInModel(format!("no finding has the key `{key}`")));
        }
        match verdict {
            Some(status) => {
                self.apply(Edit::SetDisposition(Disposition { key: key.to_owned(), status, note: note.to_owned() }))
            }
            None => self.apply(Edit::RemoveDisposition { key: key.to_owned() }),
        }
    }

    /// Adds (or, with an existing id, replaces) a finding the consultant wrote; returns its id.
    pub fn put_manual_finding(&mut self, mut finding: ManualFinding) -> Result<String> {
        if finding.id.is_empty() {
            finding.id = model::new_id();
        }
        let id = finding.id.clone();
        self.apply(Edit::PutManualFinding(finding))?;
        Ok(id)
    }

    pub fn remove_manual_finding(&mut self, id: &str) -> Result<()> {
        if !self.model().manual_findings.iter().any(|f| f.id == id) {
            return Err(Error::NotInModel(format!("no manual finding with the id `{id}`")));
        }
        self.apply(Edit::RemoveManualFinding { id: id.to_owned() })
    }

    pub fn set_summary(&mut self, text: &str) -> Result<()> {
        self.apply(Edit::SetSummary(text.to_owned()))
    }

    pub fn set_settings(&mut self, settings: Settings) -> Result<()> {
        self.apply(Edit::SetSettings(settings))
    }

    /// Every question bank the engagement can use: its own, then the built-in ones.
    pub fn banks(&self) -> Vec<Bank> {
        diagnostics::available_banks(self.model()).into_iter().cloned().collect()
    }

    /// Adds or replaces a custom bank from its TOML text (`source_name` for error messages).
    pub fn put_bank_toml(&mut self, text: &str, source_name: &str) -> Result<String> {
        let bank: Bank = toml::from_str(text)
            .map_err(|e| Error::Parse { source_name: source_name.to_owned(), message: e.to_string() })?;
        let id = bank.id.clone();
        self.apply(Edit::PutBank(bank))?;
        Ok(id)
    }

    /// Records one answer after checking the bank and question exist. `at` is an RFC 3339 time.
    pub fn answer(&mut self, mut response: Response) -> Result<()> {
        let bank = diagnostics::find_bank(self.model(), &response.bank)
            .ok_or_else(|| Error::NotInModel(format!("no question bank `{}`", response.bank)))?;
        let Some(question) = bank.question(&response.question) else {
            return Err(Error::NotInModel(format!(
                "bank `{}` has no question `{}`; its questions are: {}",
                bank.id,
                response.question,
                bank.questions.iter().map(|q| q.id.as_str()).collect::<Vec<_>>().join(", ")
            )));
        };
        if question.prompt && response.score.is_some() {
            return Err(Error::Usage(format!(
                "`{}` is a discussion prompt: it takes a note, not a score",
                question.id
            )));
        }
        if response.respondent.is_empty() {
            response.respondent = format!("anon-{}", model::new_id());
        }
        self.apply(Edit::AddResponse(response))
    }

    /// Withdraws every answer one respondent gave (in one bank, or all).
    pub fn withdraw(&mut self, respondent: &str, bank: Option<&str>) -> Result<usize> {
        let n = self
            .model()
            .responses
            .iter()
            .filter(|r| r.respondent == respondent && bank.is_none_or(|b| r.bank == b))
            .count();
        self.apply(Edit::RemoveResponses { respondent: respondent.to_owned(), bank: bank.map(str::to_owned) })?;
        Ok(n)
    }
}
