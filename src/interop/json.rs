//! The Trellis JSON interchange: lossless, versioned, deterministic; described by docs/trellis.schema.json.

use crate::model::{
    Bank, Channel, Competency, Develops, Disposition, Engagement, Follows, Id, ManualFinding, Model, Prerequisite,
    Reaches, Requires, Response, Role, Settings, Stage,
};
use crate::{Error, Result};
use serde::{Deserialize, Serialize};

/// The value of `format` in every interchange document.
pub const FORMAT: &str = "trellis";
/// The interchange version this Trellis writes and the newest it reads.
pub const VERSION: u32 = 1;

#[derive(Serialize)]
struct DocumentOut<'m> {
    format: &'static str,
    version: u32,
    engagement: &'m Engagement,
    roles: &'m [Role],
    competencies: &'m [Competency],
    channels: &'m [Channel],
    requires: &'m [Requires],
    develops: &'m [Develops],
    reaches: &'m [Reaches],
    follows: &'m [Follows],
    prerequisites: &'m [Prerequisite],
    responses: &'m [Response],
    banks: &'m [Bank],
    dispositions: &'m [Disposition],
    manual_findings: &'m [ManualFinding],
    summary: &'m str,
    settings: &'m Settings,
}

/// What import accepts: like the export, but optional fields may be left out.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DocumentIn {
    format: String,
    version: u32,
    #[serde(default)]
    engagement: Option<Engagement>,
    #[serde(default)]
    roles: Vec<Role>,
    #[serde(default)]
    competencies: Vec<Competency>,
    #[serde(default)]
    channels: Vec<Channel>,
    #[serde(default)]
    requires: Vec<Requires>,
    #[serde(default)]
    develops: Vec<DevelopsIn>,
    #[serde(default)]
    reaches: Vec<Reaches>,
    #[serde(default)]
    follows: Vec<Follows>,
    #[serde(default)]
    prerequisites: Vec<Prerequisite>,
    #[serde(default)]
    responses: Vec<Response>,
    #[serde(default)]
    banks: Vec<Bank>,
    #[serde(default)]
    dispositions: Vec<Disposition>,
    #[serde(default)]
    manual_findings: Vec<ManualFinding>,
    #[serde(default)]
    summary: Option<String>,
    #[serde(default)]
    settings: Option<Settings>,
}

/// A `develops` link whose stages may be left to the channel kind's default. `stage`, one
/// stage, is what documents written before stage sets carry; it is read as a list of one.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DevelopsIn {
    channel: Id,
    competency: Id,
    #[serde(default)]
    stages: Option<Vec<Stage>>,
    #[serde(default)]
    stage: Option<Stage>,
}

/// A parsed document: the items it carries, with the engagement, summary and settings only when it has them.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    pub engagement: Option<Engagement>,
    pub summary: Option<String>,
    pub settings: Option<Settings>,
    pub model: Model,
}

/// Writes the canonical document: stable order, two-space indent, a final newline.
pub fn export(model: &Model) -> String {
    let mut m = model.clone();
    m.normalize();
    let doc = DocumentOut {
        format: FORMAT,
        version: VERSION,
        engagement: &m.engagement,
        roles: &m.roles,
        competencies: &m.competencies,
        channels: &m.channels,
        requires: &m.requires,
        develops: &m.develops,
        reaches: &m.reaches,
        follows: &m.follows,
        prerequisites: &m.prerequisites,
        responses: &m.responses,
        banks: &m.banks,
        dispositions: &m.dispositions,
        manual_findings: &m.manual_findings,
        summary: &m.summary,
        settings: &m.settings,
    };
    let mut out = serde_json::to_string_pretty(&doc).expect("the model always serialises");
    out.push('\n');
    out
}

/// Parses a document. `source_name` (a path, usually) goes into error messages, with the
/// JSON path and line of the offending field. `base` supplies the kinds of channels the
/// document refers to but does not carry, for stage defaults.
pub fn parse(text: &str, source_name: &str, base: &Model) -> Result<Document> {
    let parse_error = |message: String| Error::Parse { source_name: source_name.to_owned(), message };
    let de = &mut serde_json::Deserializer::from_str(text);
    let doc: DocumentIn = serde_path_to_error::deserialize(de).map_err(|e| {
        let path = e.path().to_string();
        let inner = e.into_inner();
        parse_error(format!("line {}, column {}: at `{path}`: {inner}", inner.line(), inner.column()))
    })?;
    if doc.format != FORMAT {
        return Err(parse_error(format!("field `format` is `{}`, expected `{FORMAT}`", doc.format)));
    }
    if doc.version == 0 || doc.version > VERSION {
        return Err(parse_error(format!(
            "field `version` is {}; this Trellis reads interchange versions 1 to {VERSION}",
            doc.version
        )));
    }
    let kind_of =
        |channel: &str| doc.channels.iter().find(|c| c.id == channel).or_else(|| base.channel(channel)).map(|c| c.kind);
    let mut develops = Vec::with_capacity(doc.develops.len());
    for (i, d) in doc.develops.into_iter().enumerate() {
        let stages = match (d.stages, d.stage) {
            (Some(_), Some(_)) => {
                return Err(parse_error(format!(
                    "at `develops[{i}]` ('{}' -> '{}'): give `stages` or the older `stage`, not both",
                    d.channel, d.competency
                )))
            }
            (Some(stages), None) => stages,
            (None, Some(stage)) => vec![stage],
            (None, None) => match kind_of(&d.channel) {
                Some(kind) => vec![kind.default_stage()],
                None => {
                    return Err(parse_error(format!(
                    "at `develops[{i}].stages`: no stage given and channel '{}' is not known, so there is no default",
                    d.channel
                )))
                }
            },
        };
        develops.push(Develops { channel: d.channel, competency: d.competency, stages });
    }
    Ok(Document {
        engagement: doc.engagement,
        summary: doc.summary.clone(),
        settings: doc.settings,
        model: Model {
            engagement: Engagement::default(),
            roles: doc.roles,
            competencies: doc.competencies,
            channels: doc.channels,
            requires: doc.requires,
            develops,
            reaches: doc.reaches,
            follows: doc.follows,
            prerequisites: doc.prerequisites,
            responses: doc.responses,
            banks: doc.banks,
            dispositions: doc.dispositions,
            manual_findings: doc.manual_findings,
            // Also in the model, so that a parsed document is the whole engagement it describes.
            summary: doc.summary.unwrap_or_default(),
            settings: doc.settings.unwrap_or_default(),
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_name_the_field_and_line() {
        let text = "{\"format\": \"trellis\", \"version\": 1,\n \"channels\": [{\"id\": \"a\", \"name\": \"A\", \"kind\": \"wiki\"}]}";
        let err = parse(text, "in.json", &Model::default()).unwrap_err().to_string();
        assert!(err.contains("in.json") && err.contains("channels[0].kind") && err.contains("line 2"), "{err}");
        assert!(err.contains("wiki"), "{err}");
    }

    #[test]
    fn a_newer_version_is_refused() {
        let err = parse("{\"format\": \"trellis\", \"version\": 9}", "x.json", &Model::default()).unwrap_err();
        assert!(err.to_string().contains("version"), "{err}");
    }

    #[test]
    fn a_missing_stage_takes_the_channel_kinds_default() {
        let text = r#"{"format": "trellis", "version": 1,
            "channels": [{"id": "ch", "name": "Job aid", "kind": "knowledge"}],
            "competencies": [{"id": "c", "name": "C"}],
            "develops": [{"channel": "ch", "competency": "c"}]}"#;
        let doc = parse(text, "x.json", &Model::default()).unwrap();
        assert_eq!(doc.model.develops[0].stages, vec![Stage::Support]);
        assert_eq!(doc.model.channels[0].evaluation_level, 0);
        assert!(doc.engagement.is_none());
    }

    #[test]
    fn develops_reads_a_stage_set_and_the_older_single_stage() {
        let doc = |develops: &str| {
            let text = format!(
                r#"{{"format": "trellis", "version": 1,
                "channels": [{{"id": "sim", "name": "Simulation", "kind": "experiential"}}],
                "competencies": [{{"id": "c", "name": "C"}}],
                "develops": [{develops}]}}"#
            );
            parse(&text, "x.json", &Model::default())
        };
        let both = doc(r#"{"channel": "sim", "competency": "c", "stages": ["practice", "feedback"]}"#).unwrap();
        assert_eq!(both.model.develops[0].stages, vec![Stage::Practice, Stage::Feedback]);
        let old = doc(r#"{"channel": "sim", "competency": "c", "stage": "feedback"}"#).unwrap();
        assert_eq!(old.model.develops[0].stages, vec![Stage::Feedback]);
        let err = doc(r#"{"channel": "sim", "competency": "c", "stage": "practice", "stages": ["practice"]}"#)
            .unwrap_err()
            .to_string();
        assert!(err.contains("develops[0]") && err.contains("not both") && err.contains("'sim'"), "{err}");
        let err = doc(r#"{"channel": "sim", "competency": "c", "stages": ["rehearse"]}"#).unwrap_err().to_string();
        assert!(err.contains("develops[0].stages") && err.contains("rehearse"), "{err}");
    }

    #[test]
    fn unknown_fields_are_refused() {
        let text = r#"{"format": "trellis", "version": 1, "roles": [{"id": "r", "name": "R", "headcont": 3}]}"#;
        let err = parse(text, "x.json", &Model::default()).unwrap_err().to_string();
        assert!(err.contains("headcont"), "{err}");
    }
}
