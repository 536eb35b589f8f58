//! `trellis blueprint` as users run it: a reproducible PDF with a logo, and bad dates or layouts refused before anything is written.

use crate::blueprint_support::png_logo;
use std::process::Command;

const DATE: &str = "2026-03-01";

#[test]
fn the_cli_writes_a_blueprint() {
    let dir = tempfile::tempdir().unwrap();
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_trellis")).args(args).current_dir(dir.path()).output().unwrap()
    };
    assert!(run(&["new", "e.trellis", "--template", "demo", "--date", "2026-01-15"]).status.success());
    std::fs::write(dir.path().join("logo.png"), png_logo(60, 30)).unwrap();
    let out = run(&[
        "blueprint",
        "e.trellis",
        "-o",
        "e.pdf",
        "--date",
        DATE,
        "--layout",
        "board-brief",
        "--logo",
        "logo.png",
    ]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let first = std::fs::read(dir.path().join("e.pdf")).unwrap();
    assert!(first.starts_with(b"%PDF-"));
    let again = run(&[
        "blueprint",
        "e.trellis",
        "-o",
        "f.pdf",
        "--date",
        DATE,
        "--layout",
        "board-brief",
        "--logo",
        "logo.png",
    ]);
    assert!(again.status.success());
    assert!(first == std::fs::read(dir.path().join("f.pdf")).unwrap(), "the CLI is reproducible too");
    let bad_date = run(&["blueprint", "e.trellis", "-o", "g.pdf", "--date", "1 March"]);
    assert_eq!(bad_date.status.code(), Some(2), "{}", String::from_utf8_lossy(&bad_date.stderr));
    let bad_layout = run(&["blueprint", "e.trellis", "-o", "g.pdf", "--layout", "glossy"]);
    assert_eq!(bad_layout.status.code(), Some(1), "an unknown layout is refused, the command line was fine");
    assert!(String::from_utf8_lossy(&bad_layout.stderr).contains("board-brief"), "the error lists the layouts");
    assert!(!dir.path().join("g.pdf").exists(), "nothing is written on error");
}

#[test]
fn no_finding_list_leaves_the_appendix_list_out_and_keeps_the_themes() {
    let dir = tempfile::tempdir().unwrap();
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_trellis")).args(args).current_dir(dir.path()).output().unwrap()
    };
    let text = |pdf: &str| {
        let out = Command::new("pdftotext").args([pdf, "-"]).current_dir(dir.path()).output().unwrap();
        assert!(out.status.success(), "pdftotext {pdf}");
        String::from_utf8(out.stdout).unwrap().split_whitespace().collect::<Vec<_>>().join(" ")
    };
    assert!(run(&["new", "e.trellis", "--template", "demo", "--date", "2026-01-15"]).status.success());
    assert!(run(&["blueprint", "e.trellis", "-o", "full.pdf", "--date", DATE]).status.success());
    let out = run(&["blueprint", "e.trellis", "-o", "short.pdf", "--date", DATE, "--no-finding-list"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let (full, short) = (text("full.pdf"), text("short.pdf"));
    assert!(full.contains("Every finding"), "the list is in the appendix by default");
    assert!(!short.contains("Every finding"), "--no-finding-list leaves it out");
    // The top theme, as `diagnose` names it, is in both.
    let json = run(&["diagnose", "e.trellis", "--format", "json"]);
    let doc: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let top = doc["themes"][0]["title"].as_str().unwrap().split_whitespace().collect::<Vec<_>>().join(" ");
    for t in [&full, &short] {
        assert!(t.contains("Findings") && t.contains(&top), "the themes stay: {top}");
    }
    assert!(short.contains("the engagement file lists every finding"), "the reader is told where the list is");
    assert!(short.len() < full.len());
}
