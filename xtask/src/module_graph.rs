//! The dependency rules of ARCHITECTURE.md, checked on the sources: no
//! module of the three crates (the app, the model, xtask) imports, through
//! others, a module that imports it, and the app's components never import
//! its routes. `cargo test -p xtask module_graph` prints each crate's
//! graph on failure. (A unit test of the library, not an integration
//! test: one of those makes `cargo test` build xtask's binary again, over
//! the one `cargo xtask test` is running.)
//!
//! A module is a file (`mod.rs` stands for its folder). An edge A -> B is a
//! path in A's code that names B: `crate::b::…`, `super::…`, or, in a
//! `mod.rs` or crate root, one of its own child modules. Test code is left
//! out (`tests.rs`, `#[cfg(test)] mod …;` files, a file's trailing
//! `#[cfg(test)] mod tests { … }`), and so are edges to the crate root,
//! which holds what every module shares (`root()`, the error type, macros)
//! and imports none of them.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Module path (`routes::search::results`, the root is "") of each
/// non-test source file of the crate at `src`, with its code.
fn modules(src: &Path) -> BTreeMap<String, String> {
    let mut files = Vec::new();
    walk(src, &mut files);
    let mut out = BTreeMap::new();
    let mut test_only = BTreeSet::new();
    for file in &files {
        let rel = file.strip_prefix(src).unwrap().to_string_lossy().replace('\\', "/");
        let module = module_of(&rel);
        let text = std::fs::read_to_string(file).unwrap();
        // `#[cfg(test)] mod name;`: a child that is test code.
        let lines: Vec<&str> = text.lines().map(str::trim).collect();
        for pair in lines.windows(2) {
            if pair[0] == "#[cfg(test)]" {
                if let Some(name) = pair[1].strip_prefix("mod ").and_then(|m| m.strip_suffix(';')) {
                    test_only.insert(join(&module, name));
                }
            }
        }
        let code = match text.find("#[cfg(test)]\nmod tests {") {
            Some(at) => text[..at].to_owned(),
            None => text,
        };
        out.insert(module, code);
    }
    out.retain(|m, _| !test_only.contains(m) && !m.ends_with("::tests") && m != "tests");
    out
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let path = e.unwrap().path();
        if path.is_dir() {
            walk(&path, out);
        } else if path.extension().is_some_and(|x| x == "rs") {
            out.push(path);
        }
    }
}

fn module_of(rel: &str) -> String {
    let rel = rel.trim_end_matches(".rs");
    let rel = rel.strip_suffix("/mod").unwrap_or(rel);
    if matches!(rel, "lib" | "main") {
        String::new()
    } else {
        rel.replace('/', "::")
    }
}

fn join(parent: &str, child: &str) -> String {
    if parent.is_empty() {
        child.to_owned()
    } else {
        format!("{parent}::{child}")
    }
}

fn parent(module: &str) -> &str {
    module.rsplit_once("::").map_or("", |(p, _)| p)
}

/// The modules `module`'s code names (see the file's docs).
fn edges(module: &str, code: &str, known: &BTreeMap<String, String>) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for path in paths(code) {
        let words: Vec<&str> = path.split("::").collect();
        let (mut target, rest): (String, &[&str]) = match words[0] {
            "crate" => (String::new(), &words[1..]),
            // `super` is the parent module, of a file's module as of a
            // folder's (`mod.rs`).
            "super" => {
                let mut base = parent(module);
                let mut k = 1;
                while words.get(k) == Some(&"super") {
                    base = parent(base);
                    k += 1;
                }
                (base.to_owned(), &words[k..])
            }
            "self" => (module.to_owned(), &words[1..]),
            first if known.contains_key(&join(module, first)) => (module.to_owned(), &words[..]),
            _ => continue,
        };
        // The longest prefix that is a module.
        for w in rest {
            let next = join(&target, w);
            if !known.contains_key(&next) {
                break;
            }
            target = next;
        }
        if !target.is_empty() && target != module {
            out.insert(target);
        }
    }
    out
}

/// Every path of two or more segments in `code`, comments left out: each
/// `use` tree expanded (`use a::{b, c::{d, e}}` gives `a::b`, `a::c::d`
/// and `a::c::e`), and the paths written in the code itself.
fn paths(code: &str) -> Vec<String> {
    let code: String = code.lines().map(|l| l.split("//").next().unwrap_or("")).collect::<Vec<_>>().join("\n");
    let mut out = Vec::new();
    let mut rest = String::new();
    let mut at = 0;
    // `use` statements, taken out of the code as they are expanded.
    while let Some(found) = code[at..].find("use ") {
        let start = at + found;
        let before = code[..start].chars().next_back();
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            rest.push_str(&code[at..start + 4]);
            at = start + 4;
            continue;
        }
        let Some(end) = code[start..].find(';').map(|e| start + e) else { break };
        rest.push_str(&code[at..start]);
        expand("", code[start + 4..end].trim(), &mut out);
        at = end + 1;
    }
    rest.push_str(&code[at..]);
    // Paths in the code: runs of words joined by `::`.
    let word = |c: char| c.is_alphanumeric() || c == '_';
    let chars: Vec<char> = rest.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if word(chars[i]) && (i == 0 || !word(chars[i - 1]) && chars[i - 1] != ':') {
            let mut path = String::new();
            while i < chars.len() && (word(chars[i]) || (chars[i] == ':' && chars.get(i + 1) == Some(&':'))) {
                let step = if chars[i] == ':' { 2 } else { 1 };
                path.extend(&chars[i..i + step]);
                i += step;
            }
            let path = path.trim_end_matches("::");
            if path.contains("::") {
                out.push(path.to_owned());
            }
        } else {
            i += 1;
        }
    }
    out
}

/// Expands one `use` tree under `prefix` into `out`.
fn expand(prefix: &str, tree: &str, out: &mut Vec<String>) {
    let tree = tree.trim().trim_start_matches("pub ").trim();
    match tree.find('{') {
        Some(open) if tree.ends_with('}') => {
            let head = format!("{prefix}{}", &tree[..open]);
            // The items, split at the commas outside any inner group.
            let inner = &tree[open + 1..tree.len() - 1];
            let (mut depth, mut from) = (0, 0);
            for (i, c) in inner.char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' => depth -= 1,
                    ',' if depth == 0 => {
                        expand(&head, &inner[from..i], out);
                        from = i + 1;
                    }
                    _ => {}
                }
            }
            expand(&head, &inner[from..], out);
        }
        _ if !tree.is_empty() => {
            let leaf = tree.split(" as ").next().unwrap_or(tree).trim();
            let path = format!("{prefix}{leaf}");
            let path = path.trim_end_matches("::self").trim_end_matches("::*");
            if path.contains("::") {
                out.push(path.to_owned());
            }
        }
        _ => {}
    }
}

/// The cycles of `graph`: its strongly connected components of two or
/// more modules.
fn cycles(graph: &BTreeMap<String, BTreeSet<String>>) -> Vec<Vec<String>> {
    // Kosaraju: finish order on the graph, then components on its reverse.
    fn visit(n: &str, g: &BTreeMap<String, BTreeSet<String>>, seen: &mut BTreeSet<String>, order: &mut Vec<String>) {
        if !seen.insert(n.to_owned()) {
            return;
        }
        for m in g.get(n).into_iter().flatten() {
            visit(m, g, seen, order);
        }
        order.push(n.to_owned());
    }
    let mut seen = BTreeSet::new();
    let mut order = Vec::new();
    for n in graph.keys() {
        visit(n, graph, &mut seen, &mut order);
    }
    let mut reverse: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (a, bs) in graph {
        for b in bs {
            reverse.entry(b.clone()).or_default().insert(a.clone());
        }
    }
    let mut seen = BTreeSet::new();
    let mut out = Vec::new();
    for n in order.iter().rev() {
        let mut component = Vec::new();
        visit(n, &reverse, &mut seen, &mut component);
        if component.len() > 1 {
            component.sort();
            out.push(component);
        }
    }
    out
}

fn graph(crate_src: &str) -> BTreeMap<String, BTreeSet<String>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("..").join(crate_src);
    let known = modules(&src);
    known.iter().map(|(m, code)| (m.clone(), edges(m, code, &known))).collect()
}

fn shown(graph: &BTreeMap<String, BTreeSet<String>>) -> String {
    graph.iter().map(|(m, to)| format!("  {m} -> {}\n", to.iter().cloned().collect::<Vec<_>>().join(", "))).collect()
}

#[test]
fn no_module_imports_one_that_imports_it() {
    for src in ["src", "model/src", "xtask/src"] {
        let g = graph(src);
        assert!(g.len() > 10, "{src}: read {} modules", g.len());
        let found = cycles(&g);
        assert!(found.is_empty(), "{src}: modules in a cycle: {found:?}\nthe graph:\n{}", shown(&g));
    }
}

#[test]
fn components_never_import_routes() {
    let g = graph("src");
    let wrong: Vec<String> = g
        .iter()
        .filter(|(m, _)| m.starts_with("components"))
        .flat_map(|(m, to)| to.iter().filter(|t| t.starts_with("routes")).map(move |t| format!("{m} -> {t}")))
        .collect();
    assert!(wrong.is_empty(), "components import routes: {wrong:?}");
    // The check reads imports at all: the routes import components.
    assert!(g.iter().any(|(m, to)| m.starts_with("routes") && to.iter().any(|t| t.starts_with("components"))));
}

#[test]
fn the_checker_finds_a_cycle_and_reads_paths_as_written() {
    let known: BTreeMap<String, String> =
        ["", "a", "b", "c", "c::d"].into_iter().map(|m| (m.to_owned(), String::new())).collect();
    assert_eq!(
        paths("use crate::{a::X, b::{self, c::{d, e as f}}};\nfn f() { super::c::d::g(); } // crate::zz::y"),
        ["crate::a::X", "crate::b", "crate::b::c::d", "crate::b::c::e", "super::c::d::g"]
    );
    let to = |m: &str, code: &str| edges(m, code, &known);
    assert_eq!(to("a", "use crate::b::Thing;"), BTreeSet::from(["b".to_owned()]));
    assert_eq!(to("c::d", "use super::super::a::f;"), BTreeSet::from(["a".to_owned()]));
    assert_eq!(to("c::d", "super::go()"), BTreeSet::from(["c".to_owned()]));
    assert_eq!(to("c", "d::go()"), BTreeSet::from(["c::d".to_owned()]));
    let g: BTreeMap<String, BTreeSet<String>> =
        [("a", "b"), ("b", "c"), ("c", "a"), ("c", "d")].into_iter().fold(BTreeMap::new(), |mut g, (x, y)| {
            g.entry(x.to_owned()).or_insert_with(BTreeSet::new).insert(y.to_owned());
            g
        });
    assert_eq!(cycles(&g), [["a", "b", "c"]]);
}
