//! A session: one open engagement file with its model in memory, and undo and redo across edits.

use super::dto::{CheckReport, Counts, Info};
use crate::interop::{self, ImportSummary};
use crate::model::{self, Edit, Model};
use crate::store::{self, Store};
use crate::{Error, Result};
use std::path::Path;

/// One step of history: the edit as made, and the edits that undo it.
struct Step {
    forward: Edit,
    inverse: Vec<Edit>,
}

/// An open engagement. Every edit is validated, then written as one transaction before the
/// in-memory model is considered changed.
pub struct Session {
    pub(super) store: Store,
    pub(super) model: Model,
    undo: Vec<Step>,
    redo: Vec<Step>,
    /// The file's `data_version` when answers were last read from it (see `reload_responses`).
    pub(super) others_version: Option<i64>,
}

impl Session {
    /// Creates a new engagement file from a starter template. `today` is the creation date
    /// (`YYYY-MM-DD`), passed in so that output is reproducible.
    pub fn create(path: &Path, template: &str, client: Option<&str>, today: &str) -> Result<Session> {
        let mut model = crate::templates::load(template)?;
        model.engagement.created = today.to_owned();
        if let Some(client) = client {
            model.engagement.client = client.to_owned();
        }
        let store = Store::create(path, &model)?;
        Ok(Session { store, model, undo: Vec::new(), redo: Vec::new(), others_version: None })
    }

    /// Opens an existing engagement file (see `Store::open` for what is refused).
    pub fn open(path: &Path) -> Result<Session> {
        let (store, model) = Store::open_and_load(path)?;
        Ok(Session { store, model, undo: Vec::new(), redo: Vec::new(), others_version: None })
    }

    pub fn model(&self) -> &Model {
        &self.model
    }

    pub fn path(&self) -> &Path {
        self.store.path()
    }

    pub fn info(&self) -> Info {
        Info {
            path: self.store.path().display().to_string(),
            file_version: store::SCHEMA_VERSION,
            engagement: self.model.engagement.clone(),
            counts: Counts::of(&self.model),
        }
    }

    /// Applies one edit: validated against the whole model, then saved as one transaction.
    /// An edit nothing undoes (an answer, a withdrawal, or one that changed nothing) takes no
    /// place in the history: undo would do nothing, and redo would record an answer twice.
    pub fn apply(&mut self, edit: Edit) -> Result<()> {
        let inverse = self.commit(&edit)?;
        if !inverse.is_empty() {
            self.undo.push(Step { forward: edit, inverse });
            self.redo.clear();
        }
        Ok(())
    }

    fn commit(&mut self, edit: &Edit) -> Result<Vec<Edit>> {
        let inverse = self.model.apply(edit).map_err(Error::Invalid)?;
        if let Err(e) = self.store.apply(std::slice::from_ref(edit)) {
            // The file refused it: put the model back as the file still has it.
            for e in &inverse {
                self.model.apply_unchecked(e);
            }
            self.model.normalize();
            return Err(e);
        }
        self.model.normalize();
        Ok(inverse)
    }

    /// Undoes the last edit; false when there is nothing to undo.
    pub fn undo(&mut self) -> Result<bool> {
        let Some(step) = self.undo.pop() else { return Ok(false) };
        let before = self.model.clone();
        for e in &step.inverse {
            self.model.apply_unchecked(e);
        }
        self.model.normalize();
        if let Err(e) = self.store.apply(&step.inverse) {
            self.model = before;
            self.undo.push(step);
            return Err(e);
        }
        self.redo.push(step);
        Ok(true)
    }

    /// Redoes the last undone edit; false when there is nothing to redo.
    pub fn redo(&mut self) -> Result<bool> {
        let Some(step) = self.redo.pop() else { return Ok(false) };
        match self.commit(&step.forward) {
            Ok(inverse) => {
                self.undo.push(Step { forward: step.forward, inverse });
                Ok(true)
            }
            Err(e) => {
                self.redo.push(step);
                Err(e)
            }
        }
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Merges an interchange document into the engagement as one transaction. With `dry_run`
    /// nothing is written and the summary says what would change.
    pub fn import_json(&mut self, text: &str, source_name: &str, dry_run: bool) -> Result<ImportSummary> {
        let doc = interop::json::parse(text, source_name, &self.model)?;
        let mut merged = self.model.clone();
        let mut summary = interop::merge(&mut merged, &doc.model, doc.engagement.as_ref());
        for (kind, changed) in [
            ("summary", doc.summary.filter(|s| *s != merged.summary).map(|s| merged.summary = s)),
            ("settings", doc.settings.filter(|s| *s != merged.settings).map(|s| merged.settings = s)),
        ] {
            if changed.is_some() {
                summary.kinds.push((kind, interop::KindCount { updated: 1, ..Default::default() }));
            }
        }
        self.save_import(merged, summary, dry_run)
    }

    /// Imports `path` (a file or a folder, as `format` needs) into the engagement: the source is
    /// read whole, merged (json by id, the other formats by refs), validated and saved as one
    /// transaction, or nothing is written. `progress` hears how reading goes; with `dry_run`
    /// nothing is written and the summary says what would change.
    pub fn import(
        &mut self,
        format: interop::ImportFormat,
        path: &Path,
        options: &interop::ImportOptions,
        dry_run: bool,
        progress: &mut dyn FnMut(&interop::Progress),
    ) -> Result<ImportSummary> {
        if format == interop::ImportFormat::Json {
            options.check(format)?;
            let text = interop::source::read_text(path)?;
            return self.import_json(&text, &path.display().to_string(), dry_run);
        }
        let increment = interop::read(format, path, options, &self.model, progress)?;
        let mut merged = self.model.clone();
        let summary = interop::apply(&mut merged, increment);
        self.save_import(merged, summary, dry_run)
    }

    /// The end of every import: validate the merged model whole, then save it as one
    /// transaction (unless `dry_run` or nothing changed).
    fn save_import(&mut self, merged: Model, summary: ImportSummary, dry_run: bool) -> Result<ImportSummary> {
        let errors = model::validate(&merged);
        if !errors.is_empty() {
            return Err(Error::Invalid(errors));
        }
        if !dry_run && summary.total_changes() > 0 {
            self.store.replace(&merged)?;
            self.model = merged;
            // An import is not undone edit by edit; history before it no longer applies.
            self.undo.clear();
            self.redo.clear();
        }
        Ok(summary)
    }

    /// The engagement as a canonical interchange document.
    pub fn export_json(&self) -> String {
        interop::json::export(&self.model)
    }

    /// The engagement in a one-file export format (every format but csv).
    pub fn export_text(&self, format: interop::ExportFormat) -> Result<String> {
        interop::export_text(format, &self.model)
    }

    /// Writes the engagement to `out`: a file, or for csv a folder. Returns the files written.
    pub fn export(&self, format: interop::ExportFormat, out: &Path) -> Result<Vec<std::path::PathBuf>> {
        interop::write(format, &self.model, out)
    }

    /// SQLite's integrity check, the foreign key check and model validation.
    pub fn check(&self) -> Result<CheckReport> {
        let names = crate::diagnostics::Names::new(&self.model);
        let warnings = crate::diagnostics::warnings_of(&self.model)
            .iter()
            .map(|w| {
                let subjects: Vec<&str> = w.subjects.ids().into_iter().map(|id| names.get(id)).collect();
                format!("{}: {}: {}", w.code, subjects.join(", "), w.title)
            })
            .collect();
        Ok(CheckReport {
            integrity: self.store.integrity_check()?,
            validation: model::validate(&self.model).iter().map(ToString::to_string).collect(),
            warnings,
        })
    }

    /// Finds a role by id, or by name when exactly one role has it.
    pub fn resolve_role(&self, key: &str) -> Result<String> {
        resolve("role", key, self.model.roles.iter().map(|r| (&r.id, &r.name)))
    }

    pub fn resolve_competency(&self, key: &str) -> Result<String> {
        resolve("competency", key, self.model.competencies.iter().map(|c| (&c.id, &c.name)))
    }

    pub fn resolve_channel(&self, key: &str) -> Result<String> {
        resolve("channel", key, self.model.channels.iter().map(|c| (&c.id, &c.name)))
    }
}

fn resolve<'a>(what: &str, key: &str, items: impl Iterator<Item = (&'a String, &'a String)> + Clone) -> Result<String> {
    if let Some((id, _)) = items.clone().find(|(id, _)| id.as_str() == key) {
        return Ok(id.clone());
    }
    let named: Vec<&String> = items.filter(|(_, name)| name.as_str() == key).map(|(id, _)| id).collect();
    match named.as_slice() {
        [one] => Ok((*one).clone()),
        [] => Err(Error::NotInModel(format!("no {what} with the id or name `{key}`"))),
        many => Err(Error::NotInModel(format!(
            "{} {what}s are named `{key}`; use an id: {}",
            many.len(),
            many.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(", ")
        ))),
    }
}
