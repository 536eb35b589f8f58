//! The TypeScript types of the studio's IPC, generated from the Rust types with ts-rs, and the
//! constants of every vocabulary among them (its values in order and their labels), and the
//! table of its commands, generated from the command list (`with_commands!` in
//! `src-tauri/src/commands/mod.rs`). These tests fail when the committed
//! `ui/src/bindings/trellis.ts`, `vocabularies.ts` or `commands.ts` differs from what the Rust
//! gives; `UPDATE_BINDINGS=1 cargo test -p trellis-studio --test bindings` rewrites all three.

use std::collections::BTreeSet;
use std::marker::PhantomData;
use std::path::Path;
use trellis::api::*;
use trellis::diagnostics::{AreaResult, GroupResult, QuestionResult, ResponseSummary, TypeResult};
use trellis::model::*;
use trellis::workshop::{LiveAction, LiveGroup, LiveQuestion, LiveSession, LiveView, Tally};
use trellis::ErrorCode;
use ts_rs::{Config, TS};

/// One TypeScript declaration: the type's name, its text, the names of the types it refers to,
/// and, for a vocabulary, its constants.
struct Declaration {
    name: String,
    text: String,
    deps: Vec<String>,
    constants: Option<String>,
}

fn declare<T: TS + 'static + ?Sized>(cfg: &Config, constants: Option<String>) -> Declaration {
    let docs = T::docs().map(|d| d.to_string()).unwrap_or_default();
    let deps = T::dependencies(cfg).into_iter().map(|d| d.ts_name).collect();
    Declaration { name: T::ident(cfg), text: format!("{docs}export {}", T::decl(cfg)), deps, constants }
}

/// A vocabulary's constants: its values in order (`CHANNEL_KINDS`), their labels
/// (`CHANNEL_KIND_LABELS`) and, when some value has one, their help lines (`..._HELP`). Refuses a
/// value without a label or whose wire name does not parse back to it.
fn constants<V: Vocabulary + TS>(cfg: &Config) -> String {
    let name = V::ident(cfg);
    for v in V::ALL {
        assert!(!v.label().trim().is_empty(), "{name}::{v:?} has no label");
        assert_eq!(V::from_wire(v.wire()), Some(*v), "{name}::{v:?} does not parse back from `{}`", v.wire());
    }
    let stem = screaming(&name);
    let record = |of: &dyn Fn(V) -> Option<&'static str>| -> String {
        V::ALL.iter().filter_map(|v| Some(format!("  {}: {},\n", quoted(v.wire()), quoted(of(*v)?)))).collect()
    };
    let values: Vec<String> = V::ALL.iter().map(|v| quoted(v.wire())).collect();
    let mut out = V::docs().map(|d| d.to_string()).unwrap_or_default();
    out.push_str(&format!("export const {}: readonly {name}[] = [{}];\n\n", plural(&stem), values.join(", ")));
    out.push_str(&format!(
        "export const {stem}_LABELS: Readonly<Record<{name}, string>> = {{\n{}}};\n",
        record(&|v| Some(v.label()))
    ));
    if V::ALL.iter().any(|v| v.help().is_some()) {
        out.push_str(&format!(
            "\nexport const {stem}_HELP: Readonly<Partial<Record<{name}, string>>> = {{\n{}}};\n",
            record(&|v| v.help())
        ));
    }
    out
}

/// A string as a TypeScript (JSON) literal.
fn quoted(s: &str) -> String {
    serde_json::to_string(s).expect("a string serialises")
}

/// "ChannelKind" -> "CHANNEL_KIND".
fn screaming(name: &str) -> String {
    let mut out = String::new();
    for (i, c) in name.char_indices() {
        if c.is_uppercase() && i > 0 {
            out.push('_');
        }
        out.extend(c.to_uppercase());
    }
    out
}

/// The English plural of a constant's stem: STAGES, CRITICALITIES, COST_BASES.
fn plural(stem: &str) -> String {
    if let Some(s) = stem.strip_suffix("IS") {
        format!("{s}ES")
    } else if let Some(s) = stem.strip_suffix('Y').filter(|s| !s.ends_with(['A', 'E', 'O', 'U'])) {
        format!("{s}IES")
    } else if ["S", "X", "CH", "SH"].iter().any(|e| stem.ends_with(e)) {
        format!("{stem}ES")
    } else {
        format!("{stem}S")
    }
}

/// Tells, for each type in the one list below, whether it is a vocabulary: method resolution
/// picks `VocabularyConstants` on `Probe<V>` when `V: Vocabulary`, and otherwise falls back to
/// `NotAVocabulary` on `&Probe<T>`, one reference further. So a vocabulary gets its constants by
/// being declared, with no second list to forget.
struct Probe<T: ?Sized>(PhantomData<T>);

trait VocabularyConstants {
    fn constants(&self, cfg: &Config) -> Option<String>;
}

impl<V: Vocabulary + TS> VocabularyConstants for Probe<V> {
    fn constants(&self, cfg: &Config) -> Option<String> {
        Some(constants::<V>(cfg))
    }
}

trait NotAVocabulary {
    fn constants(&self, _: &Config) -> Option<String> {
        None
    }
}

impl<T: ?Sized> NotAVocabulary for &Probe<T> {}

macro_rules! declare_all {
    ($cfg:expr; $($t:ty),+ $(,)?) => {
        vec![$(declare::<$t>($cfg, (&Probe::<$t>(PhantomData)).constants($cfg))),+]
    };
}

/// The two files: `trellis.ts` (the types) and `vocabularies.ts` (the vocabularies' constants).
fn generate() -> (String, String) {
    // serde_json writes every integer as a JSON number: i64 is a number on the TypeScript side.
    let cfg = Config::new().with_large_int("number");
    let decls = declare_all!(&cfg;
        // The model and its vocabularies.
        Engagement, Scale, Mix, Role, Competency, Channel, Requires, Develops, Reaches, Follows, Prerequisite,
        Response, Bank, Question, Disposition, ManualFinding, Settings, Subjects, Edit,
        ChannelKind, Stage, Criticality, Bucket, Severity, Area, Verdict, CostBasis, RespondentType,
        // The api's DTOs.
        ApiError, FieldError, ErrorCode, TemplateInfo, Counts, Info, RecentEngagement, History, ItemKind, Lists, Links, Applied,
        CellQuery, CellChannel, Named, CoverageCell, KindRow, GroupCells, CoverageView,
        MapQuery, MapNodeKind, MapNode, MapEdgeKind, MapEdge, MapGraph,
        FindingQuery, SubjectRef, FindingRow, ThemeRow, AreaScore, CodeCount, FindingsView,
        BlueprintRequest, Exported,
        ResponseSummary, AreaResult, GroupResult, TypeResult, QuestionResult, Withdrawn,
        // The live workshop, as the studio steers it.
        LiveSession, LiveAction, LiveView, LiveQuestion, Tally, LiveGroup,
    );
    let declared: BTreeSet<&str> = decls.iter().map(|d| d.name.as_str()).collect();
    for d in &decls {
        for dep in &d.deps {
            assert!(
                declared.contains(dep.as_str()),
                "{} refers to {dep}, which is not declared: add it to the list",
                d.name
            );
        }
    }
    let mut types = String::from(
        "// Generated from the Rust types by src-tauri/tests/bindings.rs (ts-rs). Do not edit:\n\
         // change the Rust types, then run `UPDATE_BINDINGS=1 cargo test -p trellis-studio --test bindings`.\n\n",
    );
    for d in &decls {
        types.push_str(&d.text);
        types.push_str("\n\n");
    }
    // Trellis's one answer scale, declared in `trellis::model` and shown in the studio as it is.
    let scale: Vec<String> = SCALE.iter().map(|w| quoted(w)).collect();
    types.push_str(&format!(
        "/** The words of the answer scale, 1 to 5 (`trellis::model::SCALE`). */\nexport const ANSWER_SCALE = [{}];\n\n",
        scale.join(",")
    ));
    types.push_str(&format!(
        "/** The answer beside the scale (`trellis::model::DONT_KNOW`). */\nexport const DONT_KNOW = {};\n\n",
        quoted(DONT_KNOW)
    ));
    types.truncate(types.trim_end().len());
    types.push('\n');

    let vocabularies: Vec<&Declaration> = decls.iter().filter(|d| d.constants.is_some()).collect();
    let mut names: Vec<&str> = vocabularies.iter().map(|d| d.name.as_str()).collect();
    names.sort_unstable();
    let mut constants = format!(
        "// Generated from the `vocabulary!` declarations by src-tauri/tests/bindings.rs. Do not edit:\n\
         // change the declaration, then run `UPDATE_BINDINGS=1 cargo test -p trellis-studio --test bindings`.\n\n\
         import type {{ {} }} from \"./trellis\";\n",
        names.join(", ")
    );
    for d in vocabularies {
        constants.push('\n');
        constants.push_str(d.constants.as_deref().unwrap_or_default());
    }
    (types, constants)
}

/// Compares a generated file with the committed one, or rewrites it under `UPDATE_BINDINGS`.
fn check_committed(name: &str, generated: &str, source: &str) {
    let file = Path::new(env!("CARGO_MANIFEST_DIR")).join("../ui/src/bindings").join(name);
    if std::env::var_os("UPDATE_BINDINGS").is_some() {
        std::fs::create_dir_all(file.parent().unwrap()).unwrap();
        std::fs::write(&file, generated).unwrap();
        return;
    }
    let committed = std::fs::read_to_string(&file).unwrap_or_default();
    assert!(
        committed == generated,
        "{} is out of date with {source}: run `UPDATE_BINDINGS=1 cargo test -p trellis-studio --test bindings` \
         and commit the result",
        file.display()
    );
}

#[test]
fn the_committed_bindings_match_the_rust_types() {
    check_committed("trellis.ts", &generate().0, "the Rust types");
}

#[test]
fn the_committed_vocabularies_match_the_rust_declarations() {
    check_committed("vocabularies.ts", &generate().1, "the `vocabulary!` declarations");
}

#[test]
fn every_vocabulary_the_studio_receives_has_its_constants_and_no_other_type_does() {
    let (_, constants) = generate();
    for name in ["ChannelKind", "Stage", "Criticality", "Bucket", "Severity", "Area", "Verdict", "CostBasis"] {
        assert!(constants.contains(&format!(": readonly {name}[] = [")), "{name} has no constants");
    }
    assert!(!constants.contains("MapNodeKind"), "a plain enum is not a vocabulary");
    assert!(constants.contains("export const COST_BASES: readonly CostBasis[]"), "{constants}");
    assert!(constants.contains("  \"knowledge\": \"Knowledge at the point of need\",\n"), "{constants}");
}

#[test]
fn constant_names_are_plurals_in_english() {
    let names: Vec<String> = ["ChannelKind", "CostBasis", "Criticality", "Severity", "Stage", "ErrorCode", "Day"]
        .iter()
        .map(|n| plural(&screaming(n)))
        .collect();
    assert_eq!(names, ["CHANNEL_KINDS", "COST_BASES", "CRITICALITIES", "SEVERITIES", "STAGES", "ERROR_CODES", "DAYS"]);
}

/// One command as the list gives it: its name, its arguments' names and TypeScript types, and
/// the TypeScript type of its result.
type CommandDecl = (&'static str, Vec<(&'static str, String)>, String);

/// The command list with each type written as TypeScript.
macro_rules! command_decls {
    ($($module:ident::$name:ident($($arg:ident: $ty:ty),*) -> $result:ty;)+) => {
        |cfg: &Config| -> Vec<CommandDecl> {
            vec![$((stringify!($name), vec![$((stringify!($arg), <$ty as TS>::name(cfg))),*], <$result as TS>::name(cfg))),+]
        }
    };
}

/// `ui/src/bindings/commands.ts`: the `Commands` table (each command's arguments and result),
/// the `Command` names, and `COMMANDS` listing them, importing the types from `trellis.ts`.
fn generate_commands() -> String {
    let cfg = Config::new().with_large_int("number");
    let commands = trellis_studio_lib::with_commands!(command_decls)(&cfg);
    let declared: BTreeSet<String> = generate()
        .0
        .lines()
        .filter_map(|l| l.strip_prefix("export type ").and_then(|rest| rest.split([' ', '<']).next()))
        .map(str::to_owned)
        .collect();
    let mut used = BTreeSet::new();
    let mut mention = |ts: &str| {
        for word in ts.split(|c: char| !c.is_alphanumeric() && c != '_') {
            if declared.contains(word) {
                used.insert(word.to_owned());
            }
        }
    };
    let mut table = String::new();
    for (name, args, result) in &commands {
        let args = if args.is_empty() {
            "Record<string, never>".to_owned()
        } else {
            let fields: Vec<String> = args.iter().map(|(arg, ts)| format!("{arg}: {ts}")).collect();
            format!("{{ {} }}", fields.join("; "))
        };
        mention(&args);
        mention(result);
        table.push_str(&format!("  {name}: {{ args: {args}; result: {result} }};\n"));
    }
    let names: Vec<String> = commands.iter().map(|(name, _, _)| format!("  \"{name}\",\n")).collect();
    let imports: Vec<String> = used.into_iter().collect();
    format!(
        "// Generated from the command list (`with_commands!` in src-tauri/src/commands/mod.rs) by\n\
         // src-tauri/tests/bindings.rs. Do not edit: change the list, then run\n\
         // `UPDATE_BINDINGS=1 cargo test -p trellis-studio --test bindings`.\n\n\
         import type {{ {} }} from \"./trellis\";\n\n\
         /** Every command the shell handles: the arguments the web view sends, and what it answers. */\n\
         export type Commands = {{\n{table}}};\n\n\
         /** A command's name. */\n\
         export type Command = keyof Commands;\n\n\
         /** Every command's name, in the list's order. */\n\
         export const COMMANDS: readonly Command[] = [\n{}];\n",
        imports.join(", "),
        names.concat()
    )
}

#[test]
fn the_committed_command_table_matches_the_command_list() {
    check_committed("commands.ts", &generate_commands(), "the command list");
}

/// The command list as written: module, name, arguments and result, each type as its tokens.
macro_rules! command_sources {
    ($($module:ident::$name:ident($($arg:ident: $ty:ty),*) -> $result:ty;)+) => {
        vec![$((stringify!($module), stringify!($name), vec![$((stringify!($arg), stringify!($ty))),*], stringify!($result))),+]
    };
}

/// Type text without its spacing, so that `stringify!` and the source compare equal.
fn tokens(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Splits `text` at the commas outside any `<...>` or `(...)`.
fn split_top(text: &str) -> Vec<&str> {
    let (mut depth, mut start, mut parts) = (0i32, 0, Vec::new());
    for (i, c) in text.char_indices() {
        match c {
            '<' | '(' => depth += 1,
            '>' | ')' => depth -= 1,
            ',' if depth == 0 => {
                parts.push(&text[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    parts.push(&text[start..]);
    parts.into_iter().map(str::trim).filter(|p| !p.is_empty()).collect()
}

/// The arguments the web view sends and the `Ok` type of `fn name` in `source`: the parameters
/// Tauri fills in itself (`State`, `AppHandle`) are left out.
fn signature(source: &str, name: &str) -> Option<(Vec<(String, String)>, String)> {
    let at = source.find(&format!("fn {name}<")).or_else(|| source.find(&format!("fn {name}(")))?;
    let rest = &source[at..];
    let open = rest.find('(')?;
    let mut depth = 0;
    let close = rest[open..].char_indices().find_map(|(i, c)| {
        match c {
            '(' => depth += 1,
            ')' => depth -= 1,
            _ => {}
        }
        (depth == 0).then_some(open + i)
    })?;
    let args = split_top(&rest[open + 1..close])
        .into_iter()
        .filter_map(|p| p.split_once(':'))
        .map(|(n, t)| (n.trim().to_owned(), tokens(t)))
        .filter(|(_, t)| !t.starts_with("State<") && !t.starts_with("AppHandle<"))
        .collect();
    let after = &rest[close + 1..rest[close..].find('{').map_or(rest.len(), |b| close + b)];
    let result = tokens(after.trim().strip_prefix("->").unwrap_or("()"));
    let ok = match result.strip_prefix("Result<").and_then(|r| r.strip_suffix(",ApiError>")) {
        Some(ok) => ok.to_owned(),
        None => result,
    };
    Some((args, ok))
}

/// The list's arguments and results must be the functions' own: Tauri reads arguments by name,
/// so a list that drifted would type the UI's calls against a command that no longer exists.
#[test]
fn the_command_list_matches_the_command_functions() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/commands");
    for (module, name, args, result) in trellis_studio_lib::with_commands!(command_sources) {
        let source = std::fs::read_to_string(dir.join(format!("{module}.rs"))).unwrap();
        let (found_args, found_result) =
            signature(&source, name).unwrap_or_else(|| panic!("no fn {name} in commands/{module}.rs"));
        let listed: Vec<(String, String)> = args.iter().map(|(a, t)| (a.to_string(), tokens(t))).collect();
        assert_eq!(listed, found_args, "{module}::{name}: the list's arguments differ from the function's");
        assert_eq!(tokens(result), found_result, "{module}::{name}: the list's result differs from the function's");
    }
}

#[test]
fn a_signature_is_read_without_the_parameters_tauri_supplies() {
    let source = "pub async fn open<R: Runtime>(app: AppHandle<R>, studio: State<'_, Studio>, path: String, \
                  bank: Option<Vec<String>>) -> Result<Info, ApiError> {";
    let (args, ok) = signature(source, "open").unwrap();
    assert_eq!(args, [("path".into(), "String".into()), ("bank".into(), "Option<Vec<String>>".into())]);
    assert_eq!(ok, "Info");
    assert_eq!(signature("pub fn templates() -> Vec<TemplateInfo> {", "templates").unwrap().1, "Vec<TemplateInfo>");
}
