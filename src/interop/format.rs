//! The formats Trellis reads and writes, which import options each format takes, and `read`/`write`, which dispatch to each format's module.

use super::options::ImportOptions;
use super::progress::{Progress, ProgressSink};
use super::Increment;
use crate::model::{vocabulary, Model, UnknownName};
use crate::{Error, ImportOption, Result};
use std::path::Path;

/// A name outside a vocabulary that parses into the crate's error (the format names): the core
/// refuses it. The CLI never gets here (clap knows the names), so it is not a usage error.
impl From<UnknownName> for Error {
    fn from(e: UnknownName) -> Error {
        Error::Refused(e.to_string())
    }
}

vocabulary! {
    /// What `trellis import` reads: a file or a folder, as the format needs.
    ImportFormat("format", Error) {
        Json => "json" { label: "Trellis JSON", help: "The Trellis JSON interchange (merges by id)." },
        Csv => "csv" {
            label: "CSV tables",
            help: "A folder of roles.csv, competencies.csv, ... (templates/import/ has blank ones).",
        },
        Esco => "esco" {
            label: "ESCO",
            help: "A folder with the ESCO CSV export (occupations, skills, their relations, skill groups).",
        },
        Onet => "onet" {
            label: "O*NET",
            help: "A folder with O*NET database text files (Occupation Data, Skills, Knowledge).",
        },
        Case => "case" { label: "CASE package", help: "A CASE 1.0/1.1 JSON package." },
        Responses => "responses" { label: "Diagnostic answers", help: "A CSV file of answers to the diagnostic questions." },
    }
}

vocabulary! {
    /// What `trellis export` writes.
    ExportFormat("format", Error) {
        Json => "json" { label: "Trellis JSON", help: "The Trellis JSON interchange." },
        Csv => "csv" { label: "CSV tables", help: "A folder of csv files that imports back unchanged (needs -o)." },
        Graphml => "graphml" { label: "GraphML", help: "GraphML, for Gephi and yEd." },
        Kumu => "kumu" { label: "Kumu", help: "A Kumu JSON blueprint." },
        Case => "case" { label: "CASE package", help: "The competencies as a CASE 1.0 package." },
        Dot => "dot" { label: "Graphviz DOT", help: "Graphviz DOT." },
        Responses => "responses" { label: "Diagnostic answers", help: "The diagnostic responses as CSV." },
    }
}

impl ExportFormat {
    /// True when the export is a folder of files rather than one text.
    pub fn is_folder(self) -> bool {
        self == ExportFormat::Csv
    }
}

impl ImportOptions {
    /// Refuses options that mean nothing for `format`, so that a mistyped command is not
    /// silently taken as "import everything".
    pub fn check(&self, format: ImportFormat) -> Result<()> {
        use ImportOption as O;
        let given = [
            (O::TargetLevel, self.target_level.is_some(), &[ImportFormat::Esco][..]),
            (O::Occupations, !self.occupations.is_empty(), &[ImportFormat::Esco][..]),
            (O::Isco, !self.isco.is_empty(), &[ImportFormat::Esco][..]),
            (O::Soc, !self.soc.is_empty(), &[ImportFormat::Onet][..]),
            (O::Search, self.search.is_some(), &[ImportFormat::Esco, ImportFormat::Onet][..]),
            (O::MinImportance, self.min_importance.is_some(), &[ImportFormat::Onet][..]),
        ];
        for (option, present, formats) in given {
            if present && !formats.contains(&format) {
                let names: Vec<&str> = formats.iter().map(|f| f.as_str()).collect();
                let problem = format!("applies to {} imports only, not `{format}`", names.join(" and "));
                return Err(Error::Option { option, problem });
            }
        }
        if let Some(m) = self.min_importance.filter(|m| !m.is_finite()) {
            return Err(Error::Option { option: O::MinImportance, problem: format!("{m} is not a number") });
        }
        Ok(())
    }
}

/// Reads `path` in `format` into an increment to merge into `base` (whose scale sets levels
/// and whose channels give stage defaults). Nothing is written. The json interchange is not
/// an increment of items only: `Session::import` reads it.
pub fn read(
    format: ImportFormat,
    path: &Path,
    options: &ImportOptions,
    base: &Model,
    progress: &mut dyn FnMut(&Progress),
) -> Result<Increment> {
    options.check(format)?;
    let mut sink = ProgressSink::new(progress);
    match format {
        ImportFormat::Json => Err(Error::Refused(
            "the interchange carries more than items (summary, settings): import it with Session::import".into(),
        )),
        ImportFormat::Csv => super::csv::read(path, base, &mut sink),
        ImportFormat::Esco => super::esco::read(path, options, &base.engagement.scale, &mut sink),
        ImportFormat::Onet => super::onet::read(path, options, &base.engagement.scale, &mut sink),
        ImportFormat::Case => super::case::read(path),
        ImportFormat::Responses => super::responses::read(path),
    }
}

/// Writes a one-file export as text; the csv export is a folder (see `write_folder`).
pub fn export_text(format: ExportFormat, model: &Model) -> Result<String> {
    Ok(match format {
        ExportFormat::Json => super::json::export(model),
        ExportFormat::Graphml => super::graphml::export(model),
        ExportFormat::Kumu => super::kumu::export(model),
        ExportFormat::Case => super::case_export::export(model),
        ExportFormat::Dot => super::dot::export(model),
        ExportFormat::Responses => super::responses::export(model),
        ExportFormat::Csv => {
            return Err(Error::Refused("the csv export is a folder of files: write it to a folder".into()))
        }
    })
}

/// Writes an export to `out`: a file, or for csv a folder (made when missing). Returns the
/// files written.
pub fn write(format: ExportFormat, model: &Model, out: &Path) -> Result<Vec<std::path::PathBuf>> {
    if format.is_folder() {
        return super::csv::write_folder(model, out);
    }
    let text = export_text(format, model)?;
    std::fs::write(out, text).map_err(Error::io(out))?;
    Ok(vec![out.to_owned()])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_format_has_a_label_and_its_name_parses_back() {
        crate::model::vocabulary::assert_sound::<ImportFormat>();
        crate::model::vocabulary::assert_sound::<ExportFormat>();
        let err = "xlsx".parse::<ImportFormat>().unwrap_err();
        assert_eq!(err.code(), "refused");
        assert_eq!(err.to_string(), "unknown format `xlsx`, expected one of: json, csv, esco, onet, case, responses");
    }

    #[test]
    fn options_for_another_format_are_refused() {
        let options = ImportOptions { soc: vec!["15-".into()], ..ImportOptions::default() };
        assert!(options.check(ImportFormat::Onet).is_ok());
        let err = options.check(ImportFormat::Esco).unwrap_err();
        assert_eq!(err.code(), "refused");
        assert!(matches!(err, Error::Option { option: ImportOption::Soc, .. }), "{err:?}");
        assert_eq!(err.to_string(), "`soc` applies to onet imports only, not `esco`", "no flag in the core's words");
        let nan = ImportOptions { min_importance: Some(f64::NAN), ..ImportOptions::default() };
        assert!(nan.check(ImportFormat::Onet).is_err());
    }
}
