//! Starter ecosystems shipped inside the binary (data under templates/ecosystems/).

use crate::model::Model;
use crate::{Error, Result};

/// A starter ecosystem: its name, one line on what it models, and its interchange document.
#[derive(Debug, Clone)]
pub struct Template {
    pub name: &'static str,
    pub summary: String,
    document: &'static str,
}

const CATALOG: &str = include_str!("../templates/ecosystems/catalog.toml");

const DOCUMENTS: &[(&str, &str)] = &[
    ("demo", include_str!("../templates/ecosystems/demo.json")),
    ("leadership", include_str!("../templates/ecosystems/leadership.json")),
    ("sales-enablement", include_str!("../templates/ecosystems/sales-enablement.json")),
    ("new-system-rollout", include_str!("../templates/ecosystems/new-system-rollout.json")),
    ("blank", include_str!("../templates/ecosystems/blank.json")),
];

/// Every starter ecosystem, in catalogue order.
pub fn all() -> &'static [Template] {
    static ALL: std::sync::OnceLock<Vec<Template>> = std::sync::OnceLock::new();
    ALL.get_or_init(|| {
        let catalog: toml::Table = CATALOG.parse().expect("templates/ecosystems/catalog.toml is valid TOML (tested)");
        DOCUMENTS
            .iter()
            .map(|(name, document)| {
                let summary = catalog.get(*name).and_then(|t| t.get("summary")).and_then(|s| s.as_str());
                Template { name, summary: summary.unwrap_or_default().to_owned(), document }
            })
            .collect()
    })
}

/// The model of a starter ecosystem by name.
pub fn load(name: &str) -> Result<Model> {
    let template = all().iter().find(|t| t.name == name).ok_or_else(|| {
        Error::Refused(format!(
            "no template named `{name}`; the templates are: {}",
            DOCUMENTS.iter().map(|(n, _)| *n).collect::<Vec<_>>().join(", ")
        ))
    })?;
    template.model()
}

impl Template {
    pub fn model(&self) -> Result<Model> {
        let doc = crate::interop::json::parse(self.document, &format!("template {}", self.name), &Model::default())?;
        let mut model = doc.model;
        model.engagement = doc.engagement.unwrap_or_default();
        model.normalize();
        Ok(model)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_template_loads_validates_and_has_a_summary() {
        let all = all();
        assert_eq!(all.len(), 5);
        for t in all.iter().filter(|t| t.name != "blank") {
            let model = t.model().unwrap_or_else(|e| panic!("{}: {e}", t.name));
            let errors = crate::model::validate(&model);
            assert!(errors.is_empty(), "{}: {errors:?}", t.name);
            assert!(!t.summary.is_empty(), "{} has no summary in catalog.toml", t.name);
            assert!(!model.roles.is_empty() && !model.channels.is_empty(), "{}", t.name);
        }
    }

    #[test]
    fn the_demo_is_a_realistic_mid_size_client() {
        let m = load("demo").unwrap();
        assert!(m.roles.len() >= 8, "{} roles", m.roles.len());
        assert!(m.competencies.len() >= 25, "{} competencies", m.competencies.len());
        assert!(m.channels.len() >= 15, "{} channels", m.channels.len());
        for kind in crate::model::ChannelKind::ALL {
            assert!(m.channels.iter().any(|c| c.kind == *kind), "no {kind} channel");
        }
        assert!(m.requires.iter().filter(|r| r.current_level.is_some()).count() * 2 > m.requires.len());
        // A role nobody reaches, as real clients have.
        assert!(m.roles.iter().any(|r| !m.reaches.iter().any(|x| x.role == r.id)));
    }

    #[test]
    fn the_blank_template_is_an_engagement_with_nothing_in_it() {
        let m = load("blank").unwrap();
        assert!(crate::model::validate(&m).is_empty());
        assert_eq!(Model { engagement: m.engagement.clone(), ..Model::default() }, m, "no items, links or answers");
        assert_eq!((m.engagement.scale.min, m.engagement.scale.max), (0, 5));
        assert!(!all().iter().find(|t| t.name == "blank").unwrap().summary.is_empty());
    }

    #[test]
    fn an_unknown_template_names_the_ones_there_are() {
        let err = load("nope").unwrap_err().to_string();
        assert!(err.contains("demo") && err.contains("leadership"), "{err}");
    }
}
