//! Shared fixtures for the blueprint tests: engagements with awkward names, answers and many channels, and poppler/qpdf runners.

use std::path::Path;
use std::process::Command;
use trellis::model::*;

/// The demo engagement as `trellis new --template demo` makes it.
pub fn demo() -> Model {
    trellis::templates::load("demo").unwrap()
}

fn role(id: &str, name: &str, group: &str, headcount: i64) -> Role {
    Role { id: id.into(), name: name.into(), description: String::new(), group: group.into(), headcount, refs: vec![] }
}

fn competency(id: &str, name: &str, category: &str) -> Competency {
    Competency {
        id: id.into(),
        name: name.into(),
        description: String::new(),
        category: category.into(),
        parent: None,
        refs: vec![],
    }
}

fn channel(id: &str, name: &str, kind: ChannelKind) -> Channel {
    Channel {
        id: id.into(),
        name: name.into(),
        kind,
        description: String::new(),
        capacity: None,
        cohorts_per_year: None,
        cost: None,
        cost_basis: None,
        hours: None,
        evaluation_level: 1,
    }
}

fn requires(role: &str, competency: &str) -> Requires {
    Requires {
        role: role.into(),
        competency: competency.into(),
        target_level: 4,
        current_level: Some(1),
        criticality: Criticality::High,
    }
}

fn develops(channel: &str, competency: &str, stage: Stage) -> Develops {
    Develops::at(channel, competency, stage)
}

fn reaches(channel: &str, role: &str) -> Reaches {
    Reaches { channel: channel.into(), role: role.into() }
}

/// Names in accented Latin, Polish, Turkish, Greek, Chinese and Japanese, as a client may type them.
pub const UNICODE_NAMES: &[&str] = &[
    "Zażółć Gęślą Jaźń",
    "Çalışan Eğitmeni İşçi",
    "Υπεύθυνος Εκπαίδευσης",
    "学习生态系统设计师",
    "倉庫管理スペシャリスト",
    "Gérante Økonomi Ñandú",
];

/// A small engagement whose every name is in another script, with a summary in several.
pub fn unicode() -> Model {
    let mut m = Model::default();
    m.engagement.name = "Przegląd kompetencji — Öğrenme Ekosistemi — 学习".into();
    m.engagement.client = "Ελληνική Εταιρεία Łódź".into();
    m.engagement.consultant = "Małgorzata Şahin".into();
    m.engagement.created = "2026-02-01".into();
    m.roles = vec![
        role("r1", UNICODE_NAMES[0], "Dział Łódź", 12),
        role("r2", UNICODE_NAMES[1], "Üretim", 30),
        role("r3", UNICODE_NAMES[3], "中国团队", 8),
    ];
    m.competencies = vec![
        competency("c1", UNICODE_NAMES[2], "Ηγεσία"),
        competency("c2", UNICODE_NAMES[4], "倉庫"),
        competency("c3", UNICODE_NAMES[5], "Økonomi"),
    ];
    m.channels = vec![
        channel("ch1", "Szkolenie wstępne — Giriş Eğitimi", ChannelKind::Formal),
        channel("ch2", "現場実習 Praktyka", ChannelKind::Experiential),
    ];
    m.requires = vec![requires("r1", "c1"), requires("r2", "c2"), requires("r3", "c3"), requires("r3", "c1")];
    m.develops = vec![develops("ch1", "c1", Stage::Introduce), develops("ch2", "c2", Stage::Practice)];
    m.reaches = vec![reaches("ch1", "r1"), reaches("ch1", "r3"), reaches("ch2", "r2")];
    m.summary = "Podsumowanie: zespół potrzebuje praktyki. Özet: uygulama eksik. Σύνοψη: λείπει η ανατροφοδότηση. 总结：缺少实践。".into();
    m.normalize();
    m
}

/// An engagement with names far longer than any box, and one word longer than a line.
pub fn long_names() -> Model {
    let long = "Senior Regional Multimodal Logistics Operations Excellence and Continuous Improvement Programme Coordinator for Northern Europe and the Baltic States";
    let word =
        "Donaudampfschifffahrtsgesellschaftskapitänsmützenabzeichenherstellungsbetriebsleiterstellvertretervertrag";
    let mut m = Model::default();
    m.engagement.name = format!("{long} {long}");
    m.engagement.client = word.into();
    m.engagement.consultant = long.into();
    m.roles = vec![role("r1", long, long, 3), role("r2", word, "", 1)];
    m.competencies = vec![competency("c1", long, word), competency("c2", word, long)];
    m.channels = vec![channel("ch1", long, ChannelKind::Coaching), channel("ch2", word, ChannelKind::Knowledge)];
    m.requires = vec![requires("r1", "c1"), requires("r2", "c2"), requires("r1", "c2")];
    m.develops = vec![develops("ch1", "c1", Stage::Feedback), develops("ch2", "c2", Stage::Support)];
    m.reaches = vec![reaches("ch1", "r1"), reaches("ch2", "r2")];
    m.summary = format!("{word} {long} {word}");
    m.normalize();
    m
}

/// One role reached by sixty channels: its pathway table must run over several pages.
pub fn many_channels() -> Model {
    let mut m = Model::default();
    m.engagement.name = "Many channels".into();
    m.roles = vec![role("r", "Lone Operator", "Ops", 5)];
    m.competencies = vec![competency("c", "Everything", "Core")];
    m.requires = vec![requires("r", "c")];
    for i in 0..60 {
        let id = format!("ch{i:02}");
        m.channels.push(channel(
            &id,
            &format!("Channel number {i:02} with a name of some length"),
            ChannelKind::ALL[i % 6],
        ));
        m.develops.push(develops(&id, "c", Stage::ALL[i % 4]));
        m.reaches.push(reaches(&id, "r"));
    }
    m.normalize();
    m
}

/// Answers from three groups: two large enough to show, one too small; with notes.
pub fn with_answers(mut m: Model) -> Model {
    let groups = [("Warehouse", 4), ("Transport", 3), ("Finance", 1)];
    let mut n = 0;
    for (group, people) in groups {
        for p in 0..people {
            for (q, score) in [("ex-1", Some(2)), ("tc-1", Some(4)), ("co-1", None)] {
                n += 1;
                m.responses.push(Response {
                    bank: "core".into(),
                    question: q.into(),
                    respondent: format!("{group}-{p}"),
                    group: Some(group.into()),
                    respondent_type: None,
                    score,
                    note: if n == 2 {
                        "We never get time on the floor to try things <b>out</b> {role}".into()
                    } else {
                        String::new()
                    },
                    at: "2026-02-10T09:00:00Z".into(),
                });
            }
        }
    }
    m
}

/// Runs a poppler or qpdf tool; these are installed by `cargo xtask test` (poppler-utils, qpdf).
pub fn tool(name: &str, args: &[&str]) -> (bool, String) {
    let out = Command::new(name).args(args).output().unwrap_or_else(|e| {
        panic!("cannot run `{name}` ({e}): install poppler-utils and qpdf (cargo xtask test does)")
    });
    (out.status.success(), String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr))
}

/// The text pdftotext finds, with every run of whitespace as one space.
pub fn pdf_text(path: &Path) -> String {
    let (ok, text) = tool("pdftotext", &["-enc", "UTF-8", path.to_str().unwrap(), "-"]);
    assert!(ok, "pdftotext failed: {text}");
    squash(&text)
}

pub fn squash(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Writes a PDF into `dir` and returns its path.
pub fn write_pdf(dir: &Path, name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

/// A small opaque PNG: a diagonal gradient.
pub fn png_logo(width: u32, height: u32) -> Vec<u8> {
    let mut out = Vec::new();
    let mut enc = png::Encoder::new(&mut out, width, height);
    enc.set_color(png::ColorType::Rgb);
    enc.set_depth(png::BitDepth::Eight);
    let mut w = enc.write_header().unwrap();
    let data: Vec<u8> = (0..width * height)
        .flat_map(|i| [(i % width * 255 / width) as u8, 90, (i / width * 255 / height) as u8])
        .collect();
    w.write_image_data(&data).unwrap();
    w.finish().unwrap();
    out
}
