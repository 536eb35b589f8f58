//! The diagnosis as JSON (`trellis diagnose --format json`), written straight to a writer one finding at a time.
//!
//! The shape is `{"scores", "coverage", "themes", "findings", "warnings"}`: the themes ranked by
//! impact, each `{key, title, severity, pillar, codes, group_kind, group, people, group_people,
//! impact, findings (keys), examples [{finding, label, people, gap}], recommendation}` (see
//! `themes/`); each warning `{code, subjects, title}` (model hygiene, not a finding); each finding an object of `code`, `severity`,
//! `pillar` (the area), `title`, `subjects`, `evidence`, `rationale`, `recommendation`, `key`, and `status`
//! and `note` once the consultant decided. A large engagement gives hundreds of thousands of
//! findings, so no finding is built as a string or a JSON value first: texts shared by a rule are
//! escaped once, and each recommendation is filled into one reused buffer. Strings are escaped as
//! `serde_json` escapes them, so the output is what serialising the same data would give.

use super::finding::{Finding, Texts};
use super::{Coverage, Diagnosis, Fact};
use crate::graph::StageSet;
use std::io::{self, Write};

/// Bytes gathered before they are handed to the writer.
const CHUNK: usize = 1 << 20;

/// Writes the diagnosis as one line of JSON (without the final newline).
pub fn write_json<W: Write>(d: &Diagnosis<'_>, out: W) -> io::Result<()> {
    let mut w = Out { buf: Vec::with_capacity(CHUNK + (CHUNK >> 2)), out };
    w.raw(b"{\"scores\":");
    serde_json::to_writer(&mut w, &d.scores)?;
    w.raw(b",\"coverage\":");
    coverage(&mut w, &d.coverage)?;
    w.raw(b",\"themes\":");
    serde_json::to_writer(&mut w, &d.themes())?;
    w.raw(b",\"findings\":");
    // The title and rationale of each rule, escaped once.
    let mut rule_texts: Vec<Option<(Vec<u8>, Vec<u8>)>> = Vec::new();
    let mut text = String::new();
    w.list(&d.findings, |w, f| finding(w, d, f, &mut rule_texts, &mut text))?;
    w.raw(b",\"warnings\":");
    serde_json::to_writer(&mut w, &d.warnings)?;
    w.raw(b"}");
    w.flush_buf()
}

/// `{"mean_integration", "pairs": [{"role", "competency", "stages", "integration"}], "competency_kinds": [{"competency", "kinds"}]}`.
fn coverage<W: Write>(w: &mut Out<W>, c: &Coverage<'_>) -> io::Result<()> {
    w.raw(b"{\"mean_integration\":");
    w.number(c.mean_integration);
    w.raw(b",\"pairs\":");
    w.list(&c.pairs, |w, p| {
        w.raw(b"{\"role\":");
        w.str(p.role);
        w.raw(b",\"competency\":");
        w.str(p.competency);
        w.raw(b",\"stages\":");
        stages(w, p.stages)?;
        w.raw(b",\"integration\":");
        w.number(p.integration);
        w.raw(b"}");
        Ok(())
    })?;
    w.raw(b",\"competency_kinds\":");
    w.list(&c.competency_kinds, |w, k| {
        w.raw(b"{\"competency\":");
        w.str(k.competency);
        w.raw(b",\"kinds\":{");
        let mut first = true;
        for (kind, n) in &k.kinds {
            w.field(&mut first, kind.as_str().as_bytes());
            w.number(n);
        }
        w.raw(b"}}");
        Ok(())
    })?;
    w.raw(b"}");
    Ok(())
}

/// A list of stage names.
fn stages<W: Write>(w: &mut Out<W>, set: StageSet) -> io::Result<()> {
    w.list(set.iter(), |w, s| {
        w.raw(b"\"");
        w.raw(s.as_str().as_bytes());
        w.raw(b"\"");
        Ok(())
    })
}

fn finding<W: Write>(
    w: &mut Out<W>,
    d: &Diagnosis<'_>,
    f: &Finding<'_>,
    rule_texts: &mut Vec<Option<(Vec<u8>, Vec<u8>)>>,
    text: &mut String,
) -> io::Result<()> {
    w.raw(b"{\"code\":");
    w.str(f.code);
    w.raw(b",\"severity\":\"");
    w.raw(f.severity.as_str().as_bytes());
    w.raw(b"\",\"pillar\":\"");
    w.raw(f.area.as_str().as_bytes());
    w.raw(b"\",\"title\":");
    let shared = match f.texts {
        Texts::Rule(_, t) => {
            if rule_texts.len() <= t {
                rule_texts.resize(t + 1, None);
            }
            Some(&*rule_texts[t].get_or_insert_with(|| (escaped(f.title()), escaped(f.rationale()))))
        }
        _ => None,
    };
    match shared {
        Some((title, _)) => w.buf.extend_from_slice(title),
        None => w.str(f.title()),
    }
    w.raw(b",\"subjects\":{");
    let s = &f.subjects;
    let mut first = true;
    for (name, id) in [(&b"role"[..], s.role), (b"competency", s.competency), (b"channel", s.channel)] {
        if let Some(id) = id {
            w.field(&mut first, name);
            w.str(id);
        }
    }
    if let Some(cycle) = &s.cycle {
        w.field(&mut first, b"cycle");
        w.list(cycle, |w, id| {
            w.str(id);
            Ok(())
        })?;
    }
    if let Some(area) = s.area {
        w.field(&mut first, b"area");
        w.str(area.as_str());
    }
    w.raw(b"},\"evidence\":{");
    let mut first = true;
    for (k, v) in f.evidence.iter() {
        w.field(&mut first, k.as_bytes());
        match v {
            Fact::Int(n) => w.number(n),
            Fact::Unknown => w.raw(b"null"),
            Fact::Stages(set) => stages(w, set)?,
            Fact::Decimal(_) | Fact::Kind(_) | Fact::Word(_) => w.number(v),
        }
    }
    w.raw(b"},\"rationale\":");
    match shared {
        Some((_, rationale)) => w.buf.extend_from_slice(rationale),
        None => w.str(f.rationale()),
    }
    w.raw(b",\"recommendation\":");
    text.clear();
    d.write_recommendation(f, text);
    w.str(text);
    w.raw(b",\"key\":");
    text.clear();
    f.write_key(text);
    w.str(text);
    if let Some(status) = f.status {
        w.raw(b",\"status\":\"");
        w.raw(status.as_str().as_bytes());
        w.raw(b"\"");
    }
    if let Some(note) = f.note {
        w.raw(b",\"note\":");
        w.str(note);
    }
    w.raw(b"}");
    Ok(())
}

/// A JSON string literal, quotes included.
fn escaped(s: &str) -> Vec<u8> {
    serde_json::to_vec(s).expect("a string always serialises")
}

/// Whether `s` can be written between quotes as it is: no quote, backslash or control character.
/// Eight bytes are looked at a time: this runs over every text of every finding.
fn plain(s: &str) -> bool {
    const ONES: u64 = u64::from_le_bytes([1; 8]);
    const HIGH: u64 = ONES << 7;
    // Some byte of `x` is below `n` (exact for n <= 128), or is zero.
    let below = |x: u64, n: u8| x.wrapping_sub(ONES * u64::from(n)) & !x & HIGH;
    let zero = |x: u64| below(x, 1);
    let special = |x: u64| below(x, 0x20) | zero(x ^ (ONES * u64::from(b'"'))) | zero(x ^ (ONES * u64::from(b'\\')));
    let mut chunks = s.as_bytes().chunks_exact(8);
    for chunk in &mut chunks {
        if special(u64::from_le_bytes(chunk.try_into().expect("eight bytes"))) != 0 {
            return false;
        }
    }
    chunks.remainder().iter().all(|b| *b >= 0x20 && *b != b'"' && *b != b'\\')
}

/// A buffer in front of the writer: findings are many small pieces.
struct Out<W> {
    buf: Vec<u8>,
    out: W,
}

impl<W: Write> Out<W> {
    fn raw(&mut self, bytes: &[u8]) {
        self.buf.extend_from_slice(bytes);
    }

    /// A number (or a fact that is a number or a name), as serde_json writes it.
    fn number(&mut self, n: impl serde::Serialize) {
        serde_json::to_writer(&mut self.buf, &n).expect("a number writes to memory");
    }

    /// `[a,b,...]`: `each` writes one item; the buffer goes to the writer whenever it fills.
    fn list<T>(
        &mut self,
        items: impl IntoIterator<Item = T>,
        mut each: impl FnMut(&mut Self, T) -> io::Result<()>,
    ) -> io::Result<()> {
        self.raw(b"[");
        for (i, item) in items.into_iter().enumerate() {
            if i > 0 {
                self.raw(b",");
            }
            each(self, item)?;
            if self.buf.len() >= CHUNK {
                self.flush_buf()?;
            }
        }
        self.raw(b"]");
        Ok(())
    }

    fn str(&mut self, s: &str) {
        if plain(s) {
            self.buf.reserve(s.len() + 2);
            self.buf.push(b'"');
            self.buf.extend_from_slice(s.as_bytes());
            self.buf.push(b'"');
        } else {
            serde_json::to_writer(&mut self.buf, s).expect("a string writes to memory");
        }
    }

    /// `"name":`, after a comma unless it is the object's first field.
    fn field(&mut self, first: &mut bool, name: &[u8]) {
        if !std::mem::take(first) {
            self.buf.push(b',');
        }
        self.buf.push(b'"');
        self.buf.extend_from_slice(name);
        self.buf.extend_from_slice(b"\":");
    }

    fn flush_buf(&mut self) -> io::Result<()> {
        self.out.write_all(&self.buf)?;
        self.buf.clear();
        Ok(())
    }
}

impl<W: Write> Write for Out<W> {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.buf.extend_from_slice(bytes);
        if self.buf.len() >= CHUNK {
            self.flush_buf()?;
        }
        Ok(bytes.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.flush_buf()?;
        self.out.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::plain;
    use crate::diagnostics::fixture::Fixture;
    use crate::diagnostics::{diagnose, Coverage, Evidence, FindingSubjects, Scores};
    use crate::model::{
        Area, ChannelKind, Criticality, Disposition, ManualFinding, Severity, Stage, Subjects, Verdict,
    };
    use serde::Serialize;

    /// The diagnosis as serde would write it, field by field: what `write_json` must give, byte for byte.
    #[derive(Serialize)]
    struct Doc<'a> {
        scores: &'a Scores,
        coverage: &'a Coverage<'a>,
        themes: Vec<crate::diagnostics::Theme>,
        findings: Vec<Row<'a>>,
        warnings: &'a [crate::diagnostics::Warning<'a>],
    }

    #[derive(Serialize)]
    struct Row<'a> {
        code: &'a str,
        severity: Severity,
        #[serde(rename = "pillar")]
        area: Area,
        title: &'a str,
        subjects: &'a FindingSubjects<'a>,
        evidence: &'a Evidence,
        rationale: &'a str,
        recommendation: String,
        key: String,
        #[serde(skip_serializing_if = "Option::is_none")]
        status: Option<Verdict>,
        #[serde(skip_serializing_if = "Option::is_none")]
        note: Option<&'a str>,
    }

    #[test]
    fn the_json_is_what_serialising_each_field_gives_even_for_awkward_text() {
        let mut m = Fixture::new()
            .role("r")
            .headcount("r", 30)
            .role("q\"uote")
            .comp("c")
            .comp("d")
            .requires_at("r", "c", 5, Some(1), Criticality::High)
            .requires("q\"uote", "d")
            .requires("r", "d")
            .channel_at("coach", ChannelKind::Coaching, Some(7), 1)
            .develops("coach", "c", Stage::Feedback)
            .reaches("coach", "r")
            .channel("course", ChannelKind::Formal)
            .develops("course", "d", Stage::Introduce)
            .reaches("course", "r")
            .prerequisite("c", "d")
            .prerequisite("d", "c")
            .build();
        m.roles[0].name = "Tab\there, \"quoted\", back\\slash, new\nline, bell\u{7}, Zoë".into();
        m.manual_findings.push(ManualFinding {
            id: "m1".into(),
            title: "Managers <b>never</b> \"observe\"".into(),
            severity: Severity::Low,
            area: Area::TransferClimate,
            subjects: Subjects { role: Some("r".into()), competency: Some("c".into()), ..Subjects::default() },
            rationale: "Seen\ton site\n".into(),
            recommendation: "Do \\ this".into(),
        });
        let keys: Vec<String> = diagnose(&m).findings.iter().map(|f| f.key()).collect();
        m.dispositions = vec![
            Disposition { key: keys[0].clone(), status: Verdict::Accepted, note: "A \"note\"\n".into() },
            Disposition { key: "manual:m1".into(), status: Verdict::Dismissed, note: String::new() },
        ];
        let d = diagnose(&m);
        let codes: Vec<&str> = d.findings.iter().map(|f| f.code).collect();
        for code in ["coaching-overload", "no-reinforcement", "no-practice", "proficiency-gap", "manual"] {
            assert!(codes.contains(&code), "the model gives {code}: {codes:?}");
        }
        assert_eq!(d.warnings.len(), 1, "the prerequisite loop is a warning");
        let mut ours = Vec::new();
        super::write_json(&d, &mut ours).unwrap();
        let rows = d
            .findings
            .iter()
            .map(|f| Row {
                code: f.code,
                severity: f.severity,
                area: f.area,
                title: f.title(),
                subjects: &f.subjects,
                evidence: &f.evidence,
                rationale: f.rationale(),
                recommendation: d.recommendation(f),
                key: f.key(),
                status: f.status,
                note: f.note,
            })
            .collect();
        let serde = serde_json::to_string(&Doc {
            scores: &d.scores,
            coverage: &d.coverage,
            themes: d.themes(),
            findings: rows,
            warnings: &d.warnings,
        })
        .unwrap();
        assert_eq!(String::from_utf8(ours).unwrap(), serde);
        assert!(serde.contains(r#"Tab\there, \"quoted\", back\\slash, new\nline, bell\u0007, Zoë"#), "{serde}");
        assert!(serde.contains(r#""status":"accepted","note":"A \"note\"\n""#), "{serde}");
    }

    #[test]
    fn plain_text_is_told_from_text_that_needs_escapes() {
        assert!(plain("") && plain("Shift lead") && plain("Zoë & Łukasz: 12 roles, 100%"));
        for bad in ["\"", "\\", "\n", "\t", "\u{1f}", "\u{0}"] {
            for at in 0..12 {
                let text = format!("{}{bad}{}", "a".repeat(at), "b".repeat(11 - at));
                assert!(!plain(&text), "{text:?}");
                assert!(!plain(&format!("ÿé{text}ë")), "{text:?} among non-ASCII letters");
                assert_eq!(plain(&text), serde_json::to_string(&text).unwrap() == format!("\"{text}\""));
            }
        }
        for b in 0x20u8..0x7f {
            let text = format!("abcdefgh{}ijk", b as char);
            assert_eq!(plain(&text), serde_json::to_string(&text).unwrap() == format!("\"{text}\""), "{b:#x}");
        }
    }
}
