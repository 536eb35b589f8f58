//! Replays the committed fuzz corpora (fuzz/corpus/<target>/) through the parsers, so CI checks them without fuzzing; `--ignored` rewrites the seed inputs from ../shared/data.

use crate::shared_data;

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use trellis::interop::fuzzing;

/// A fuzz target's entry point.
type Target = fn(&[u8]) -> trellis::Result<trellis::interop::Increment>;

const TARGETS: [(&str, Target); 4] =
    [("csv", fuzzing::csv), ("esco", fuzzing::esco), ("onet", fuzzing::onet), ("case", fuzzing::case)];

fn corpus(target: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/corpus").join(target)
}

#[test]
fn every_committed_input_parses_or_fails_cleanly() {
    for (target, parse) in TARGETS {
        let mut files: Vec<PathBuf> =
            std::fs::read_dir(corpus(target)).unwrap().map(|e| e.unwrap().path()).filter(|p| p.is_file()).collect();
        files.sort();
        assert!(!files.is_empty(), "fuzz/corpus/{target} is empty");
        let mut parsed = 0;
        for file in &files {
            let bytes = std::fs::read(file).unwrap();
            // A panic here fails the test with the file's name in the backtrace's message.
            let outcome = std::panic::catch_unwind(|| parse(&bytes).is_ok());
            match outcome {
                Ok(true) => parsed += 1,
                Ok(false) => {}
                Err(_) => panic!("{target}: {} panics", file.display()),
            }
        }
        assert!(parsed > 0, "{target}: no input of the corpus parses; the seeds should");
        println!("{target}: {} inputs, {parsed} parse", files.len());
    }
}

#[test]
fn errors_from_fuzzed_shapes_name_their_source() {
    // A few shapes fuzzing finds early, kept as plain assertions.
    let cases: [(&str, &[u8]); 5] = [
        ("csv", b"id,name\n\0\0role,competency,target_level\nr,c,99999999999999999999\n"),
        ("esco", b"conceptUri,preferredLabel\nu,L\n\0conceptUri,preferredLabel\n\0occupationUri,relationType,skillUri\nu,vital,s\n"),
        ("onet", b"O*NET-SOC Code\tTitle\n1\tA\n\0O*NET-SOC Code\tElement ID\tElement Name\tScale ID\tData Value\n1\te\tE\tIM\tNaN\n"),
        ("case", b"{\"CFItems\": [{\"identifier\": \"a\", \"fullStatement\": \"\\u00e9\xff\"}]}"),
        ("csv", b"\xef\xbb\xbf"),
    ];
    for (target, bytes) in cases {
        let parse = TARGETS.iter().find(|(t, _)| *t == target).unwrap().1;
        match parse(bytes) {
            Ok(_) => panic!("{target}: {:?} should be refused", String::from_utf8_lossy(bytes)),
            Err(e) => assert_eq!(e.code(), "parse", "{target}: {e}"),
        }
    }
}

fn write_seed(target: &str, name: &str, bytes: &[u8]) {
    std::fs::create_dir_all(corpus(target)).unwrap();
    std::fs::write(corpus(target).join(format!("seed-{name}")), bytes).unwrap();
}

fn csv_text(rows: &[csv::StringRecord], header: &csv::StringRecord) -> Vec<u8> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(header).unwrap();
    for r in rows {
        w.write_record(r).unwrap();
    }
    w.into_inner().unwrap()
}

fn read_csv(path: &Path) -> (csv::StringRecord, Vec<csv::StringRecord>) {
    let mut r = csv::Reader::from_path(path).unwrap();
    let header = r.headers().unwrap().clone();
    (header, r.records().map(Result::unwrap).collect())
}

/// Writes small, valid seed inputs cut from the real data (run with `--ignored`).
#[test]
#[ignore]
fn write_seed_corpus() {
    // csv: every starter template's csv folder.
    for t in trellis::templates::all() {
        let files = trellis::interop::csv::export(&t.model().unwrap());
        let parts: Vec<&[u8]> = files.iter().map(|(_, text)| text.as_bytes()).collect();
        write_seed("csv", t.name, &fuzzing::join(&parts));
    }
    if let Some(dir) = shared_data::dir("esco") {
        let (oh, occupations) = read_csv(&dir.join("occupations_en.csv"));
        let (sh, skills) = read_csv(&dir.join("skills_en.csv"));
        let (rh, relations) = read_csv(&dir.join("occupationSkillRelations_en.csv"));
        let (bh, broader) = read_csv(&dir.join("broaderRelationsSkillPillar_en.csv"));
        let (gh, groups) = read_csv(&dir.join("skillGroups_en.csv"));
        let occ: Vec<_> = occupations.into_iter().take(2).collect();
        let uris: HashSet<&str> = occ.iter().map(|o| &o[1]).collect();
        let rel: Vec<_> = relations.into_iter().filter(|r| uris.contains(&r[0])).take(12).collect();
        let skill_uris: HashSet<&str> = rel.iter().map(|r| &r[3]).collect();
        let sk: Vec<_> = skills.into_iter().filter(|s| skill_uris.contains(&s[1])).collect();
        let mut up: HashSet<String> = skill_uris.iter().map(|s| s.to_string()).collect();
        let mut br = Vec::new();
        for _ in 0..6 {
            let next: Vec<_> = broader.iter().filter(|b| up.contains(&b[1]) && !br.contains(*b)).cloned().collect();
            for b in &next {
                up.insert(b[3].to_owned());
            }
            br.extend(next);
        }
        let gr: Vec<_> = groups.into_iter().filter(|g| up.contains(&g[1])).collect();
        let parts =
            [csv_text(&occ, &oh), csv_text(&sk, &sh), csv_text(&rel, &rh), csv_text(&br, &bh), csv_text(&gr, &gh)];
        let parts: Vec<&[u8]> = parts.iter().map(Vec::as_slice).collect();
        write_seed("esco", "two-occupations", &fuzzing::join(&parts));
        write_seed("esco", "flat", &fuzzing::join(&parts[..3]));
    }
    if let Some(dir) = shared_data::dir("onet") {
        let lines = |file: &str, keep: &dyn Fn(&str) -> bool, n: usize| -> Vec<u8> {
            let text = std::fs::read_to_string(dir.join(file)).unwrap();
            let mut out: Vec<&str> = text.lines().take(1).collect();
            out.extend(text.lines().skip(1).filter(|l| keep(l)).take(n));
            (out.join("\n") + "\n").into_bytes()
        };
        let ours = |l: &str| l.starts_with("11-1011.00") || l.starts_with("15-1252.00");
        let parts = [
            lines("Occupation Data.txt", &ours, 5),
            lines("Skills.txt", &ours, 16),
            lines("Knowledge.txt", &ours, 16),
            lines("Content Model Reference.txt", &|l| l.starts_with("2.A") || l.starts_with("2.C"), 12),
        ];
        let parts: Vec<&[u8]> = parts.iter().map(Vec::as_slice).collect();
        write_seed("onet", "two-occupations", &fuzzing::join(&parts));
    }
    if let Some(dir) = shared_data::dir("case") {
        for file in ["SmartLevelFramework.json", "opensalt-framework-20c5134f-what-standards-could-be.json"] {
            write_seed("case", file.trim_end_matches(".json"), &compact_json(&std::fs::read(dir.join(file)).unwrap()));
        }
    }
    let m = trellis::templates::load("leadership").unwrap();
    let export = trellis::interop::case_export::export(&m);
    write_seed("case", "leadership-export", &compact_json(export.as_bytes()));
}

/// JSON without layout whitespace: smaller seeds fuzz faster.
fn compact_json(bytes: &[u8]) -> Vec<u8> {
    let value: serde_json::Value = serde_json::from_slice(bytes).unwrap();
    serde_json::to_vec(&value).unwrap()
}
