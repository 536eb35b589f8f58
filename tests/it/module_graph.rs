//! The file-level module graph of the core's Rust sources and of the UI's TypeScript, read from the
//! text: `use` trees, `crate::`/`super::`/`self::` paths in code (comments, strings and
//! `#[cfg(test)]` items left out) and `pub use` re-exports, or `import ... from "./x"`. It finds
//! strongly connected groups of files (cycles) and the external crates each file names.

use std::collections::{BTreeMap, BTreeSet};

/// Files (paths relative to the source root), an edge `(from, to)` for each file-level
/// dependency, and the external paths each file names (`rusqlite::Connection`, `std::fs`).
#[derive(Debug, Default)]
pub struct Graph {
    pub files: Vec<String>,
    pub edges: BTreeSet<(usize, usize)>,
    pub external: Vec<BTreeSet<String>>,
}

impl Graph {
    /// Every group of two or more files that reach each other, each as one cycle through all of
    /// them where there is one (`a.rs -> b.rs -> a.rs`), sorted.
    pub fn cycles(&self) -> Vec<Vec<String>> {
        let mut out: Vec<Vec<String>> = strongly_connected(self.files.len(), &self.edges)
            .into_iter()
            .filter(|c| c.len() > 1)
            .map(|c| {
                let mut names: Vec<String> = c.iter().map(|&i| self.files[i].clone()).collect();
                names.sort();
                names
            })
            .collect();
        out.sort();
        out
    }

    /// One path `a -> b -> ... -> a` through the files of a cycle, for the message.
    pub fn describe(&self, cycle: &[String]) -> String {
        let index = |n: &String| self.files.iter().position(|f| f == n).unwrap();
        let members: BTreeSet<usize> = cycle.iter().map(index).collect();
        let start = index(&cycle[0]);
        // Breadth first from `start` inside the group, back to `start`.
        let mut previous: BTreeMap<usize, usize> = BTreeMap::new();
        let mut queue = std::collections::VecDeque::from([start]);
        while let Some(at) = queue.pop_front() {
            for &(_, to) in self.edges.range((at, 0)..=(at, usize::MAX)) {
                if !members.contains(&to) || previous.contains_key(&to) {
                    continue;
                }
                previous.insert(to, at);
                if to == start {
                    queue.clear();
                    break;
                }
                queue.push_back(to);
            }
        }
        let mut path = vec![start];
        let mut at = start;
        while let Some(&p) = previous.get(&at) {
            if p == start {
                break;
            }
            path.push(p);
            at = p;
        }
        path.push(start);
        path.reverse();
        path.iter().map(|&i| self.files[i].as_str()).collect::<Vec<_>>().join(" -> ")
    }
}

/// Tarjan's algorithm, iterative enough for a few hundred files.
fn strongly_connected(n: usize, edges: &BTreeSet<(usize, usize)>) -> Vec<Vec<usize>> {
    struct State<'e> {
        edges: &'e BTreeSet<(usize, usize)>,
        index: Vec<Option<usize>>,
        low: Vec<usize>,
        on_stack: Vec<bool>,
        stack: Vec<usize>,
        next: usize,
        out: Vec<Vec<usize>>,
    }
    fn visit(s: &mut State, v: usize) {
        s.index[v] = Some(s.next);
        s.low[v] = s.next;
        s.next += 1;
        s.stack.push(v);
        s.on_stack[v] = true;
        let targets: Vec<usize> = s.edges.range((v, 0)..=(v, usize::MAX)).map(|&(_, w)| w).collect();
        for w in targets {
            match s.index[w] {
                None => {
                    visit(s, w);
                    s.low[v] = s.low[v].min(s.low[w]);
                }
                Some(iw) if s.on_stack[w] => s.low[v] = s.low[v].min(iw),
                Some(_) => {}
            }
        }
        if Some(s.low[v]) == s.index[v] {
            let mut group = Vec::new();
            while let Some(w) = s.stack.pop() {
                s.on_stack[w] = false;
                group.push(w);
                if w == v {
                    break;
                }
            }
            s.out.push(group);
        }
    }
    let mut s = State {
        edges,
        index: vec![None; n],
        low: vec![0; n],
        on_stack: vec![false; n],
        stack: Vec::new(),
        next: 0,
        out: Vec::new(),
    };
    for v in 0..n {
        if s.index[v].is_none() {
            visit(&mut s, v);
        }
    }
    s.out
}

// ---------------------------------------------------------------------------------------------
// Rust

/// The module path of a file under `src/`: `lib.rs` is the crate, `a/mod.rs` and `a.rs` are `a`.
fn module_of(file: &str) -> Vec<String> {
    let stem = file.strip_suffix(".rs").unwrap_or(file);
    let mut parts: Vec<String> = stem.split('/').map(str::to_owned).collect();
    if parts.last().is_some_and(|p| p == "mod" || p == "lib" || p == "main") {
        parts.pop();
    }
    parts
}

/// Comments and the insides of string and character literals become spaces.
fn code_only(text: &str) -> String {
    let b = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < b.len() {
        if b[i..].starts_with(b"//") {
            while i < b.len() && b[i] != b'\n' {
                i += 1;
            }
        } else if b[i..].starts_with(b"/*") {
            let mut depth = 0;
            while i < b.len() {
                if b[i..].starts_with(b"/*") {
                    depth += 1;
                    i += 2;
                } else if b[i..].starts_with(b"*/") {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    i += 1;
                }
            }
            out.push(' ');
        } else if b[i] == b'r' && (b.get(i + 1) == Some(&b'#') || b.get(i + 1) == Some(&b'"')) {
            // A raw string r"..." or r#"..."#.
            let hashes = b[i + 1..].iter().take_while(|&&c| c == b'#').count();
            if b.get(i + 1 + hashes) != Some(&b'"') {
                out.push('r');
                i += 1;
                continue;
            }
            let close: Vec<u8> = std::iter::once(b'"').chain(std::iter::repeat_n(b'#', hashes)).collect();
            i += 2 + hashes;
            while i < b.len() && !b[i..].starts_with(&close) {
                i += 1;
            }
            i += close.len();
            out.push_str("\"\"");
        } else if b[i] == b'"' {
            i += 1;
            while i < b.len() && b[i] != b'"' {
                i += if b[i] == b'\\' { 2 } else { 1 };
            }
            i += 1;
            out.push_str("\"\"");
        } else if b[i] == b'\'' && (b.get(i + 2) == Some(&b'\'') || b.get(i + 1) == Some(&b'\\')) {
            // A character literal ('a', '\n', '\''), not a lifetime.
            i += 1;
            while i < b.len() && b[i] != b'\'' {
                i += if b[i] == b'\\' { 2 } else { 1 };
            }
            i += 1;
            out.push_str("' '");
        } else {
            let ch = text[i..].chars().next().unwrap();
            out.push(ch);
            i += ch.len_utf8();
        }
    }
    out
}

#[derive(Debug, Clone, PartialEq)]
enum Token {
    Ident(String),
    Path, // ::
    Punct(char),
}

fn tokens(code: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut chars = code.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c.is_alphabetic() || c == '_' {
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = chars.peek() {
                if d.is_alphanumeric() || d == '_' {
                    end = j + d.len_utf8();
                    chars.next();
                } else {
                    break;
                }
            }
            out.push(Token::Ident(code[i..end].to_owned()));
        } else if c == ':' && chars.peek().is_some_and(|&(_, d)| d == ':') {
            chars.next();
            out.push(Token::Path);
        } else if !c.is_whitespace() {
            out.push(Token::Punct(c));
        }
    }
    out
}

/// Drops each item under `#[cfg(test)]` (up to its `;` or its balanced `{...}`), and returns the
/// names of the test-only modules declared `#[cfg(test)] mod name;`.
fn without_test_items(tokens: Vec<Token>) -> (Vec<Token>, Vec<String>) {
    let is = |t: &Token, s: &str| matches!(t, Token::Ident(x) if x == s);
    let mut out = Vec::with_capacity(tokens.len());
    let mut test_modules = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let cfg_test = tokens.get(i) == Some(&Token::Punct('#'))
            && tokens.get(i + 1) == Some(&Token::Punct('['))
            && tokens.get(i + 2).is_some_and(|t| is(t, "cfg"))
            && tokens.get(i + 3) == Some(&Token::Punct('('))
            && tokens.get(i + 4).is_some_and(|t| is(t, "test"))
            && tokens.get(i + 5) == Some(&Token::Punct(')'))
            && tokens.get(i + 6) == Some(&Token::Punct(']'));
        if !cfg_test {
            out.push(tokens[i].clone());
            i += 1;
            continue;
        }
        i += 7;
        let start = i;
        let mut depth = 0;
        while i < tokens.len() {
            match tokens[i] {
                Token::Punct('{') => depth += 1,
                Token::Punct('}') => {
                    depth -= 1;
                    if depth == 0 {
                        i += 1;
                        break;
                    }
                }
                Token::Punct(';') if depth == 0 => {
                    if let [.., Token::Ident(m), Token::Ident(name)] = &tokens[start..i] {
                        if m == "mod" {
                            test_modules.push(name.clone());
                        }
                    }
                    i += 1;
                    break;
                }
                _ => {}
            }
            i += 1;
        }
    }
    (out, test_modules)
}

/// The paths of one `use` tree starting at `tokens[i]` (after `use`), with the name each binds;
/// returns them and the index after the tree.
fn use_tree(tokens: &[Token], mut i: usize, prefix: &[String], out: &mut Vec<(Vec<String>, String)>) -> usize {
    let mut path = prefix.to_vec();
    if tokens.get(i) == Some(&Token::Path) {
        i += 1;
    }
    loop {
        match tokens.get(i) {
            Some(Token::Ident(s)) => {
                path.push(s.clone());
                i += 1;
            }
            Some(Token::Punct('*')) => {
                path.push("*".into());
                out.push((path, "*".into()));
                return i + 1;
            }
            Some(Token::Punct('{')) => {
                i += 1;
                while i < tokens.len() && tokens[i] != Token::Punct('}') {
                    i = use_tree(tokens, i, &path, out);
                    if tokens.get(i) == Some(&Token::Punct(',')) {
                        i += 1;
                    }
                }
                return i + 1;
            }
            _ => break,
        }
        if tokens.get(i) == Some(&Token::Path) {
            i += 1;
        } else {
            break;
        }
    }
    let mut name = path.last().cloned().unwrap_or_default();
    if let (Some(Token::Ident(a)), Some(Token::Ident(alias))) = (tokens.get(i), tokens.get(i + 1)) {
        if a == "as" {
            name = alias.clone();
            i += 2;
        }
    }
    if name == "self" {
        path.pop();
        name = path.last().cloned().unwrap_or_default();
    }
    out.push((path, name));
    i
}

/// What one Rust file names: every path (as written) and its re-exports (name -> path).
#[derive(Debug, Default)]
struct Names {
    paths: Vec<Vec<String>>,
    reexports: Vec<(String, Vec<String>)>,
    test_modules: Vec<String>,
}

fn names_in(text: &str) -> Names {
    let (tokens, test_modules) = without_test_items(tokens(&code_only(text)));
    let mut names = Names { test_modules, ..Names::default() };
    let mut i = 0;
    while i < tokens.len() {
        match &tokens[i] {
            Token::Ident(u) if u == "use" && tokens.get(i + 1) != Some(&Token::Punct('<')) => {
                let public = matches!(tokens[..i].last(), Some(Token::Ident(p)) if p == "pub")
                    || matches!(tokens[..i], [.., Token::Ident(ref p), Token::Punct('('), Token::Ident(_), Token::Punct(')')] if p == "pub");
                let mut trees = Vec::new();
                i = use_tree(&tokens, i + 1, &[], &mut trees);
                for (path, name) in trees {
                    if public {
                        names.reexports.push((name, path.clone()));
                    }
                    names.paths.push(path);
                }
            }
            Token::Ident(first) if tokens.get(i + 1) == Some(&Token::Path) => {
                let mut path = vec![first.clone()];
                i += 1;
                while tokens.get(i) == Some(&Token::Path) {
                    match tokens.get(i + 1) {
                        Some(Token::Ident(s)) => {
                            path.push(s.clone());
                            i += 2;
                        }
                        _ => break,
                    }
                }
                names.paths.push(path);
            }
            _ => i += 1,
        }
    }
    names
}

/// The file-level graph of a Rust crate's sources, keyed by path relative to its `src/`.
/// An edge joins two files when one names an item of the other; a module's own parent and
/// children are one unit with it and make no edge (`super::Context` in a check, `mod` lines).
pub fn rust_graph(sources: &BTreeMap<String, String>) -> Graph {
    let parsed: BTreeMap<&String, Names> = sources.iter().map(|(f, t)| (f, names_in(t))).collect();
    // Test-only files (`#[cfg(test)] mod tests;`) are left out.
    let mut test_only: BTreeSet<Vec<String>> = BTreeSet::new();
    for (file, names) in &parsed {
        for m in &names.test_modules {
            let mut path = module_of(file);
            path.push(m.clone());
            test_only.insert(path);
        }
    }
    let files: Vec<String> = sources.keys().filter(|f| !test_only.contains(&module_of(f))).cloned().collect();
    let by_module: BTreeMap<Vec<String>, usize> = files.iter().enumerate().map(|(i, f)| (module_of(f), i)).collect();
    let reexports: BTreeMap<usize, &Vec<(String, Vec<String>)>> =
        files.iter().enumerate().map(|(i, f)| (i, &parsed[f].reexports)).collect();
    let mut graph = Graph { files: files.clone(), external: vec![BTreeSet::new(); files.len()], ..Graph::default() };
    for (from, file) in files.iter().enumerate() {
        let here = module_of(file);
        for path in &parsed[file].paths {
            match absolute(&here, path, &by_module) {
                Some(abs) => {
                    if let Some(to) = resolve(&abs, &by_module, &reexports, 0) {
                        let (a, b) = (&here, &module_of(&files[to]));
                        let related = a.starts_with(b) || b.starts_with(a);
                        if !related {
                            graph.edges.insert((from, to));
                        }
                    }
                }
                None => {
                    graph.external[from].insert(path.join("::"));
                }
            }
        }
    }
    graph
}

/// `path` as written in module `here`, made absolute from the crate root; `None` when it starts
/// with an external crate's name (or a name this graph cannot place, such as a local variable's type).
fn absolute(here: &[String], path: &[String], modules: &BTreeMap<Vec<String>, usize>) -> Option<Vec<String>> {
    let mut abs: Vec<String> = here.to_vec();
    let mut rest = path;
    match path.first().map(String::as_str) {
        Some("crate") => {
            abs.clear();
            rest = &path[1..];
        }
        Some("self") => rest = &path[1..],
        Some("super") => {
            while rest.first().is_some_and(|s| s == "super") {
                abs.pop();
                rest = &rest[1..];
            }
        }
        Some(first) => {
            let mut child = here.to_vec();
            child.push(first.to_owned());
            if !modules.contains_key(&child) {
                return None;
            }
        }
        None => return None,
    }
    abs.extend(rest.iter().cloned());
    Some(abs)
}

/// The file that defines what `abs` names, following `pub use` re-exports of the module files
/// on the way (so `crate::diagnostics::Finding` is `diagnostics/finding.rs`).
fn resolve(
    abs: &[String],
    modules: &BTreeMap<Vec<String>, usize>,
    reexports: &BTreeMap<usize, &Vec<(String, Vec<String>)>>,
    depth: usize,
) -> Option<usize> {
    let n = (0..=abs.len()).rev().find(|&n| modules.contains_key(&abs[..n]))?;
    let file = modules[&abs[..n]];
    let Some(next) = abs.get(n).filter(|_| depth < 6) else { return Some(file) };
    let module = abs[..n].to_vec();
    for (name, target) in reexports[&file] {
        let target_abs = absolute(&module, target, modules);
        let found = if name == next {
            target_abs.map(|mut t| {
                t.extend(abs[n + 1..].iter().cloned());
                t
            })
        } else if name == "*" {
            target_abs.map(|mut t| {
                t.pop();
                t.extend(abs[n..].iter().cloned());
                t
            })
        } else {
            None
        };
        if let Some(t) = found.filter(|t| t != abs) {
            if let Some(f) = resolve(&t, modules, reexports, depth + 1).filter(|&f| f != file) {
                return Some(f);
            }
        }
    }
    Some(file)
}

// ---------------------------------------------------------------------------------------------
// TypeScript

/// The file-level import graph of TypeScript sources keyed by path relative to their root:
/// `import ... from "./x"`, `export ... from "./x"`, `import "./x"` and `import("./x")`,
/// type-only imports included (they tie the files together just the same for a reader).
pub fn ts_graph(sources: &BTreeMap<String, String>) -> Graph {
    let files: Vec<String> = sources.keys().cloned().collect();
    let index: BTreeMap<&str, usize> = files.iter().enumerate().map(|(i, f)| (f.as_str(), i)).collect();
    let mut graph = Graph { files: files.clone(), external: vec![BTreeSet::new(); files.len()], ..Graph::default() };
    for (from, file) in files.iter().enumerate() {
        for spec in ts_imports(&sources[file]) {
            if !spec.starts_with('.') {
                graph.external[from].insert(spec);
                continue;
            }
            let dir = file.rsplit_once('/').map_or("", |(d, _)| d);
            let joined = normalise(&format!("{dir}/{spec}"));
            let stem = joined.strip_suffix(".js").unwrap_or(&joined).to_owned();
            let candidates = [stem.clone(), format!("{stem}.ts"), format!("{stem}/index.ts")];
            if let Some(&to) = candidates.iter().find_map(|c| index.get(c.as_str())) {
                if to != from {
                    graph.edges.insert((from, to));
                }
            }
        }
    }
    graph
}

/// The module specifiers one TypeScript file imports.
fn ts_imports(text: &str) -> Vec<String> {
    let code = code_without_ts_comments(text);
    let mut out = Vec::new();
    for keyword in ["from", "import"] {
        let mut rest = code.as_str();
        while let Some(at) = rest.find(keyword) {
            let before_ok = rest[..at].chars().next_back().is_none_or(|c| !c.is_alphanumeric() && c != '_' && c != '.');
            let after = rest[at + keyword.len()..].trim_start();
            let after = after.strip_prefix('(').map(str::trim_start).unwrap_or(after);
            if before_ok {
                if let Some(q) = after.chars().next().filter(|&c| c == '"' || c == '\'') {
                    if let Some(end) = after[1..].find(q) {
                        out.push(after[1..1 + end].to_owned());
                    }
                }
            }
            rest = &rest[at + keyword.len()..];
        }
    }
    out
}

fn code_without_ts_comments(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(start) = rest.find("/*") {
        out.push_str(&rest[..start]);
        rest = rest[start + 2..].split_once("*/").map_or("", |(_, r)| r);
    }
    out.push_str(rest);
    out.lines().filter(|l| !l.trim_start().starts_with("//")).collect::<Vec<_>>().join("\n")
}

fn normalise(path: &str) -> String {
    let mut parts: Vec<&str> = Vec::new();
    for p in path.split('/') {
        match p {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            p => parts.push(p),
        }
    }
    parts.join("/")
}

/// Whether the code of a Rust file (comments, strings and `#[cfg(test)]` items left out) uses
/// the identifier `ident` anywhere.
pub fn rust_code_names(text: &str, ident: &str) -> bool {
    let (tokens, _) = without_test_items(tokens(&code_only(text)));
    tokens.iter().any(|t| matches!(t, Token::Ident(s) if s == ident))
}
