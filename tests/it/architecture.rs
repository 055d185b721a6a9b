//! The import graph of `src/`: every top-level module sits in a layer and imports only from lower
//! layers, and no two modules under one parent import each other, directly or round a circle.
//! References are read from the code (`use crate::…`, `use super::…`, paths written inline), test
//! code left out. docs/architecture.md shows the same layers.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// The library's top-level modules, lowest layer first.
const LAYERS: &[&[&str]] = &[
    &["chars", "lexicon", "shared", "diagnostic", "halves", "phrases"],
    &["sides", "units", "text"],
    &["numbering", "error", "figures"],
    &["normalize"],
    &["load"],
    &["outline"],
    &["topics"],
    &["align"],
    &["diff"],
    &["compare"],
    &["overview", "stock", "review"],
    &["series", "digest"],
    &["check"],
    &["wording", "keys"],
    &["render", "config"],
    &["view"],
    &["ui"],
];

type Module = Vec<String>;

/// Every module of the library, by path, with its code (test code cut off).
fn modules() -> BTreeMap<Module, String> {
    fn walk(dir: &Path, root: &Path, out: &mut BTreeMap<Module, String>) {
        for entry in std::fs::read_dir(dir).expect("src reads") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                walk(&path, root, out);
                continue;
            }
            if path.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let rel = path.strip_prefix(root).expect("under src").with_extension("");
            let mut module: Module = rel.iter().map(|p| p.to_string_lossy().into_owned()).collect();
            if module.last().is_some_and(|m| m == "mod") {
                module.pop();
            }
            // The binary's modules sit above the library; test modules import what they test.
            let top = [
                "lib",
                "main",
                "allocator",
                "cli",
                "loading",
                "busy",
                "state",
                "terminal",
                "tui",
            ];
            if module.len() == 1 && top.contains(&module[0].as_str())
                || module.last().is_some_and(|m| m == "tests" || m == "testing")
            {
                continue;
            }
            let code = std::fs::read_to_string(&path).expect("source reads");
            out.insert(module, code);
        }
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut out = BTreeMap::new();
    walk(&root, &root, &mut out);
    out
}

/// `code` without its tests (they follow `#[cfg(test)]`) and without line comments.
fn code_only(code: &str) -> String {
    let code = code.split("#[cfg(test)]").next().unwrap_or("");
    code.lines()
        .map(|l| l.split("//").next().unwrap_or(""))
        .collect::<Vec<_>>()
        .join("\n")
}

fn ident(s: &str) -> &str {
    let end = s.find(|c: char| !(c.is_alphanumeric() || c == '_')).unwrap_or(s.len());
    &s[..end]
}

/// The paths `code` names from `crate::` or `super::`, absolute, each as far as its segments go
/// (a `{…}` group gives each of its first names).
fn references(code: &str, me: &Module) -> Vec<Module> {
    let mut out = Vec::new();
    let bytes = code.as_bytes();
    let starts: BTreeSet<usize> = code
        .match_indices("crate::")
        .chain(code.match_indices("super::"))
        .map(|(i, _)| i)
        .collect();
    for start in starts {
        if start > 0
            && (bytes[start - 1].is_ascii_alphanumeric() || bytes[start - 1] == b'_' || bytes[start - 1] == b':')
        {
            continue;
        }
        // The segments, then an optional brace group.
        let mut path: Vec<String> = Vec::new();
        let mut at = start;
        loop {
            let name = ident(&code[at..]);
            if name.is_empty() {
                break;
            }
            path.push(name.to_string());
            at += name.len();
            if !code[at..].starts_with("::") {
                break;
            }
            at += 2;
        }
        let mut group = Vec::new();
        if code[at..].starts_with('{') {
            let mut depth = 0;
            let mut item = String::new();
            for c in code[at..].chars() {
                match c {
                    '{' => depth += 1,
                    '}' => depth -= 1,
                    ',' if depth == 1 => {
                        group.push(std::mem::take(&mut item));
                        continue;
                    }
                    _ => {}
                }
                if depth == 0 {
                    break;
                }
                if !(c == '{' && depth == 1) {
                    item.push(c);
                }
            }
            group.push(item);
        }
        // Absolute: `crate::a` is [a]; `super::` climbs from this module (a `mod.rs` file is its
        // directory's module, so its `super` is the parent).
        let mut base: Module = Vec::new();
        let mut segs = path.as_slice();
        if segs.first().is_some_and(|s| s == "crate") {
            segs = &segs[1..];
        } else {
            base = me.clone();
            while segs.first().is_some_and(|s| s == "super") {
                base.pop();
                segs = &segs[1..];
            }
        }
        base.extend(segs.iter().cloned());
        if group.is_empty() {
            out.push(base);
        } else {
            for item in group {
                let name = ident(item.trim());
                if !name.is_empty() && name != "self" {
                    let mut p = base.clone();
                    p.push(name.to_string());
                    out.push(p);
                }
            }
            out.push(base);
        }
    }
    out
}

/// Edges between sibling modules: (parent, from, to), with a file that makes each.
fn sibling_edges(modules: &BTreeMap<Module, String>) -> BTreeMap<(Module, String, String), String> {
    let mut edges = BTreeMap::new();
    for (me, code) in modules {
        for path in references(&code_only(code), me) {
            let Some(target) = (1..=path.len())
                .rev()
                .map(|n| path[..n].to_vec())
                .find(|p| modules.contains_key(p))
            else {
                continue;
            };
            let common = me.iter().zip(&target).take_while(|(a, b)| a == b).count();
            if common < me.len() && common < target.len() {
                edges
                    .entry((me[..common].to_vec(), me[common].clone(), target[common].clone()))
                    .or_insert_with(|| me.join("/"));
            }
        }
    }
    edges
}

/// The circles of a graph: its strongly connected components of more than one node.
fn circles(graph: &BTreeMap<String, BTreeSet<String>>) -> Vec<Vec<String>> {
    // Kosaraju: order by finish time, then collect over the reversed graph.
    let nodes: BTreeSet<&String> = graph.keys().chain(graph.values().flatten()).collect();
    let mut seen = BTreeSet::new();
    let mut order = Vec::new();
    fn visit<'a>(
        n: &'a String,
        g: &'a BTreeMap<String, BTreeSet<String>>,
        seen: &mut BTreeSet<&'a String>,
        order: &mut Vec<&'a String>,
    ) {
        if !seen.insert(n) {
            return;
        }
        for m in g.get(n).into_iter().flatten() {
            visit(m, g, seen, order);
        }
        order.push(n);
    }
    for n in &nodes {
        visit(n, graph, &mut seen, &mut order);
    }
    let mut reversed: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (a, bs) in graph {
        for b in bs {
            reversed.entry(b.clone()).or_default().insert(a.clone());
        }
    }
    let mut done = BTreeSet::new();
    let mut out = Vec::new();
    for n in order.into_iter().rev() {
        let mut component = Vec::new();
        let mut stack = vec![n];
        while let Some(x) = stack.pop() {
            if !done.insert(x.clone()) {
                continue;
            }
            component.push(x.clone());
            stack.extend(reversed.get(x).into_iter().flatten());
        }
        if component.len() > 1 {
            component.sort();
            out.push(component);
        }
    }
    out
}

#[test]
fn the_circle_finder_finds_a_circle_and_nothing_else() {
    let graph = |edges: &[(&str, &str)]| {
        let mut g: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        for (a, b) in edges {
            g.entry(a.to_string()).or_default().insert(b.to_string());
        }
        g
    };
    assert_eq!(
        circles(&graph(&[("a", "b"), ("b", "c"), ("c", "a"), ("c", "d")])),
        [["a", "b", "c"]]
    );
    assert!(circles(&graph(&[("a", "b"), ("b", "c"), ("a", "c")])).is_empty());
    // And the reader sees imports in every form they are written.
    let me: Module = vec!["view".into(), "layout".into()];
    let code =
        "use super::{chunks::{self, Chunks}, lines};\nuse crate::diff::RowDiff;\nfn f() { crate::text::shown(x); }";
    let refs = references(code, &me);
    for expected in [
        &["view", "chunks"][..],
        &["view", "lines"],
        &["diff", "RowDiff"],
        &["text", "shown"],
    ] {
        assert!(refs.iter().any(|r| r == expected), "{expected:?} in {refs:?}");
    }
}

#[test]
fn no_module_imports_from_a_higher_layer_or_round_a_circle() {
    let modules = modules();
    let layer_of: BTreeMap<&str, usize> = LAYERS
        .iter()
        .enumerate()
        .flat_map(|(i, names)| names.iter().map(move |n| (*n, i)))
        .collect();
    let mut problems = Vec::new();
    for top in modules.keys().filter(|m| m.len() == 1) {
        if !layer_of.contains_key(top[0].as_str()) {
            problems.push(format!(
                "{} is in no layer: add it to LAYERS and docs/architecture.md",
                top[0]
            ));
        }
    }
    let edges = sibling_edges(&modules);
    let mut graphs: BTreeMap<Module, BTreeMap<String, BTreeSet<String>>> = BTreeMap::new();
    for ((parent, from, to), file) in &edges {
        graphs
            .entry(parent.clone())
            .or_default()
            .entry(from.clone())
            .or_default()
            .insert(to.clone());
        if parent.is_empty()
            && let (Some(a), Some(b)) = (layer_of.get(from.as_str()), layer_of.get(to.as_str()))
            && b >= a
        {
            problems.push(format!(
                "{file} imports {to}, which is not in a lower layer than {from}"
            ));
        }
    }
    for (parent, graph) in &graphs {
        for circle in circles(graph) {
            let name = if parent.is_empty() {
                "crate".to_string()
            } else {
                parent.join("::")
            };
            problems.push(format!("{name}: {} import each other", circle.join(", ")));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Structs of `code` with a field of each report (`left…` and `right…`) written out by hand, but
/// for records serialized as they are (an output format's keys).
fn mirrored_structs(code: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = code;
    while let Some(at) = rest.find("struct ") {
        let before = &rest[..at];
        let attributes = &before[before.rfind(['}', ';']).map_or(0, |i| i + 1)..];
        rest = &rest[at + "struct ".len()..];
        if attributes.contains("Serialize") {
            continue;
        }
        let name = ident(rest).to_string();
        let Some(body) = rest.find(['{', ';']).filter(|&i| rest.as_bytes()[i] == b'{') else {
            continue;
        };
        let end = rest[body..]
            .find("\n}")
            .or_else(|| rest[body..].find('}'))
            .map_or(rest.len(), |e| body + e);
        let fields: Vec<&str> = rest[body + 1..end]
            .split([',', '\n'])
            .map(|l| l.trim().trim_start_matches("pub(crate) ").trim_start_matches("pub "))
            .collect();
        let has = |prefix: &str| {
            fields
                .iter()
                .any(|f| f.starts_with(prefix) && f[prefix.len()..].contains(':'))
        };
        if has("left") && has("right") {
            out.push(name);
        }
    }
    out
}

#[test]
fn the_mirror_finder_finds_left_and_right_fields() {
    let code = "pub struct A {\n    pub left: u32,\n    pub right: u32,\n}\nstruct B { left_unit: usize, right_unit: usize }\nstruct C(u8);\nstruct D {\n    pub units: Sides<usize>,\n}\n#[derive(Debug, serde::Serialize)]\nstruct E {\n    left: u8,\n    right: u8,\n}";
    assert_eq!(mirrored_structs(code), ["A", "B"]);
}

/// Per-report values are `Sides<T>` (indexed by `Side`, so code for one side serves both), not a
/// `left` and a `right` field kept in step by hand. Records serialized as output, whose keys are
/// `left` and `right`, are the exception.
#[test]
fn per_report_values_are_sides() {
    let mut found = Vec::new();
    for (module, code) in modules() {
        let name = module.join("::");
        if name == "sides" {
            continue;
        }
        found.extend(
            mirrored_structs(&code_only(&code))
                .into_iter()
                .map(|s| format!("{name}::{s}")),
        );
    }
    assert!(found.is_empty(), "left and right fields written by hand: {found:?}");
}

/// The interface's state changes in one place: the pair view's `App` and the series' `Browser`
/// have no public field, so nothing outside `update` can set one.
#[test]
fn the_interface_state_has_no_public_field() {
    let modules = modules();
    for (module, name) in [(vec!["view"], "App"), (vec!["view", "series"], "Browser")] {
        let module: Module = module.into_iter().map(String::from).collect();
        let code = &modules[&module];
        let start = code.find(&format!("pub struct {name} {{")).expect("the struct");
        let body = &code[start..start + code[start..].find("\n}").expect("its end")];
        let public: Vec<&str> = body
            .lines()
            .skip(1)
            .filter(|l| l.trim_start().starts_with("pub"))
            .collect();
        assert!(public.is_empty(), "{name} has public fields: {public:?}");
    }
}

/// `unsafe` code is one call in one file: the binary's setting of the allocator. The library
/// forbids it (`#![forbid(unsafe_code)]`), the crate denies it, and only `src/allocator.rs` lets it
/// through; any other file that does fails here.
#[test]
fn unsafe_code_is_let_through_in_the_allocator_setting_alone() {
    fn walk(dir: &Path, out: &mut Vec<String>) {
        for entry in std::fs::read_dir(dir).expect("src reads") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") && !path.ends_with("allocator.rs") {
                let code = std::fs::read_to_string(&path).expect("source reads");
                if ["allow", "expect", "warn"]
                    .iter()
                    .any(|level| code.contains(&format!("{level}(unsafe_code")))
                {
                    out.push(path.display().to_string());
                }
            }
        }
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut found = Vec::new();
    for dir in ["src", "tests", "benches", "examples"] {
        walk(&root.join(dir), &mut found);
    }
    found.retain(|f| !f.ends_with("tests/it/architecture.rs"));
    assert!(found.is_empty(), "unsafe code let through in {found:?}");
    let lib = std::fs::read_to_string(root.join("src/lib.rs")).expect("lib reads");
    assert!(
        lib.contains("#![forbid(unsafe_code)]"),
        "the library forbids unsafe code"
    );
    let manifest = std::fs::read_to_string(root.join("Cargo.toml")).expect("manifest reads");
    assert!(
        manifest.contains("unsafe_code = \"deny\""),
        "the crate denies unsafe code"
    );
}
