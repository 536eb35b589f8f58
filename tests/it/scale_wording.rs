//! Trellis has one answer scale, declared once (`trellis::model::SCALE`, `DONT_KNOW`): every face
//! shows its words, and no text anywhere speaks of agreeing or disagreeing.

use std::path::{Path, PathBuf};
use trellis::model::{scale_text, DONT_KNOW, SCALE};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for e in entries.flatten() {
        let path = e.path();
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or_default();
        if path.is_dir() {
            if !matches!(name, "node_modules" | "dist" | "target" | "fonts") {
                files(&path, out);
            }
        } else if matches!(
            path.extension().and_then(|x| x.to_str()),
            Some("rs" | "ts" | "js" | "html" | "css" | "toml" | "json" | "md")
        ) {
            out.push(path);
        }
    }
}

#[test]
fn the_scale_reads_not_at_all_to_fully_with_every_point_labelled() {
    assert_eq!(SCALE, ["not at all", "a little", "partly", "mostly", "fully"]);
    assert_eq!(DONT_KNOW, "don't know");
    assert_eq!(scale_text(), "1 not at all, 2 a little, 3 partly, 4 mostly, 5 fully, or don't know");
}

#[test]
fn the_phone_page_the_pdf_the_cli_and_the_studio_take_their_scale_words_from_one_place() {
    let read = |p: &str| std::fs::read_to_string(root().join(p)).unwrap();
    // Each face names the one declaration instead of spelling the words out.
    for (face, file, name) in [
        ("phone page", "src/workshop/page.rs", "SCALE"),
        ("blueprint", "src/report/sections/responses.rs", "SCALE"),
        ("CLI", "cli/src/cli/diagnose.rs", "SCALE"),
        ("studio bindings", "ui/src/bindings/trellis.ts", "ANSWER_SCALE"),
        ("studio scored session", "ui/src/views/workshop.ts", "ANSWER_SCALE"),
        ("studio live view", "ui/src/logic/live.ts", "ANSWER_SCALE"),
    ] {
        assert!(read(file).contains(name), "the {face} ({file}) does not use {name}");
    }
    let bindings = read("ui/src/bindings/trellis.ts");
    let declared = format!("export const ANSWER_SCALE = {};", serde_json::to_string(&SCALE).unwrap());
    assert!(bindings.contains(&declared), "the studio's copy is generated from SCALE: {declared}");
    for words in SCALE {
        for file in ["src/workshop/page/page.html", "src/workshop/page/page.js", "src/report/sections/responses.rs"] {
            assert!(!read(file).contains(&format!("\"{words}\"")), "{file} spells out `{words}` itself");
        }
    }
}

#[test]
fn no_text_speaks_of_agreeing_with_a_statement() {
    let mut all = Vec::new();
    for dir in ["src", "cli/src", "src-tauri/src", "ui/src", "templates", "docs"] {
        files(&root().join(dir), &mut all);
    }
    assert!(all.len() > 100, "the walk found the sources");
    let this = root().join("tests/it/scale_wording.rs");
    for path in all.iter().filter(|p| **p != this) {
        let text = std::fs::read_to_string(path).unwrap_or_default().to_lowercase();
        for wording in ["strongly agree", "strongly disagree", "1 disagree", "5 agree", "agree or disagree", "likert"] {
            assert!(!text.contains(wording), "{} says `{wording}`", path.display());
        }
    }
}
