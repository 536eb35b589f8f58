//! The words of a theme: title and recommendation patterns per check code from templates/rules/themes.toml, and how their placeholders are filled.
//!
//! A placeholder is `{name}` (a number or a name) or `{name:one|many}`, a count followed by the
//! word for one or for many ("1 competency", "3 competencies"). Numbers of 1,000 and more are
//! written with thousands separators. Unknown placeholders stay as written, so a typo shows.

use serde::Deserialize;
use std::collections::BTreeMap;

/// The title and recommendation patterns of one check code's themes.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ThemeRule {
    pub title: String,
    pub recommendation: String,
}

/// Theme patterns by check code.
#[derive(Debug, Clone)]
pub struct ThemeRules {
    pub by_code: BTreeMap<String, ThemeRule>,
}

const THEMES: &str = include_str!("../../../templates/rules/themes.toml");

impl ThemeRules {
    /// The patterns shipped in templates/rules/themes.toml.
    pub fn builtin() -> &'static ThemeRules {
        static RULES: std::sync::OnceLock<ThemeRules> = std::sync::OnceLock::new();
        RULES.get_or_init(|| ThemeRules::parse(THEMES).expect("templates/rules/themes.toml is valid (tested)"))
    }

    /// Parses a themes file; errors name the file and what is wrong.
    pub fn parse(text: &str) -> Result<ThemeRules, String> {
        let by_code: BTreeMap<String, ThemeRule> =
            toml::from_str(text).map_err(|e| format!("templates/rules/themes.toml: {e}"))?;
        Ok(ThemeRules { by_code })
    }

    pub fn rule(&self, code: &str) -> Option<&ThemeRule> {
        self.by_code.get(code)
    }
}

/// The values a theme's patterns are filled with.
#[derive(Debug, Clone, Default)]
pub(super) struct Values<'a> {
    pub group: &'a str,
    pub people: i64,
    pub group_people: i64,
    pub roles: usize,
    pub competencies: usize,
    pub channels: usize,
    pub findings: usize,
    pub example: &'a str,
}

/// `1234567` as `1,234,567`.
pub(super) fn thousands(n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if n < 0 {
        out.push('-');
    }
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// "405 of 451 people", "all 451 people", "1 of 6 people", "1 person".
fn share(people: i64, of: i64) -> String {
    let noun = |n: i64| if n == 1 { "person" } else { "people" };
    if people >= of {
        if people == 1 {
            "1 person".to_owned()
        } else {
            format!("all {} people", thousands(people))
        }
    } else {
        format!("{} of {} {}", thousands(people), thousands(of), noun(of))
    }
}

/// Fills `{placeholders}` in `pattern` from `v`.
pub(super) fn fill(pattern: &str, v: &Values<'_>) -> String {
    let mut out = String::with_capacity(pattern.len() + 32);
    let mut rest = pattern;
    while let Some(open) = rest.find('{') {
        let Some(len) = rest[open..].find('}') else { break };
        out.push_str(&rest[..open]);
        let inner = &rest[open + 1..open + len];
        let raw = &rest[open..=open + len];
        let (name, words) = match inner.split_once(':') {
            Some((name, words)) => (name, words.split_once('|')),
            None => (inner, None),
        };
        let count = match name {
            "people" => Some(v.people),
            "group_people" => Some(v.group_people),
            "roles" => Some(v.roles as i64),
            "competencies" => Some(v.competencies as i64),
            "channels" => Some(v.channels as i64),
            "findings" => Some(v.findings as i64),
            _ => None,
        };
        match (name, count, words) {
            (_, Some(n), Some((one, many))) => {
                out.push_str(&thousands(n));
                out.push(' ');
                out.push_str(if n == 1 { one } else { many });
            }
            (_, Some(n), None) if !inner.contains(':') => out.push_str(&thousands(n)),
            ("group", None, None) if !inner.contains(':') => out.push_str(v.group),
            ("example", None, None) if !inner.contains(':') => out.push_str(v.example),
            ("share", None, None) if !inner.contains(':') => out.push_str(&share(v.people, v.group_people)),
            _ => out.push_str(raw),
        }
        rest = &rest[open + len + 1..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_check_code_has_a_theme_title_and_recommendation_and_nothing_else_does() {
        let rules = ThemeRules::builtin();
        for code in crate::diagnostics::CODES {
            let rule = rules.rule(code).unwrap_or_else(|| panic!("templates/rules/themes.toml has no [{code}]"));
            assert!(rule.title.starts_with("{group}: "), "[{code}] title leads with the group: {}", rule.title);
            for text in [&rule.title, &rule.recommendation] {
                let filled = fill(text, &Values { group: "G", example: "E", ..Values::default() });
                assert!(!filled.contains('{'), "[{code}] has a placeholder nothing fills: {filled}");
            }
        }
        for code in rules.by_code.keys() {
            assert!(crate::diagnostics::CODES.contains(&code.as_str()), "[{code}] is not a check code");
        }
    }

    #[test]
    fn counts_take_their_word_and_shares_read_as_people() {
        let v = Values {
            group: "Warehouse",
            people: 405,
            group_people: 1451,
            competencies: 1,
            channels: 3,
            example: "Load Securing (HGV Driver)",
            ..Values::default()
        };
        assert_eq!(
            fill("{group}: {competencies:competency|competencies}, {channels:channel is|channels are}, {share}", &v),
            "Warehouse: 1 competency, 3 channels are, 405 of 1,451 people"
        );
        assert_eq!(
            fill("{people} {example} {unknown} {group:x|y} {", &v),
            "405 Load Securing (HGV Driver) {unknown} {group:x|y} {"
        );
        assert_eq!(share(451, 451), "all 451 people");
        assert_eq!(share(1, 1), "1 person");
        assert_eq!(share(1, 6), "1 of 6 people");
        assert_eq!(thousands(1_234_567), "1,234,567");
        assert_eq!(thousands(999), "999");
    }

    #[test]
    fn a_bad_themes_file_names_itself() {
        let err = ThemeRules::parse("[x]\ntitle = 1").unwrap_err();
        assert!(err.contains("themes.toml"), "{err}");
    }
}
