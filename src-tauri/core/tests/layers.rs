//! The core's shape, checked: its folders are layers, and a module imports only from its own
//! layer or the ones below, and no two modules import each other, however indirectly. A newcomer
//! reads the layers from `src/lib.rs`; this test keeps that reading true.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Each module the core's files import by `crate::NAME`, with its layer (bottom first), as
/// `src/lib.rs` lists them. A module missing here fails the test: place it in a layer.
const LAYERS: &[(usize, &[&str])] = &[
    (
        0,
        &[
            "error", "clock", "dates", "paths", "fields", "input", "Error", "Result",
        ],
    ),
    (
        1,
        &["store", "backup", "history", "settings", "Store", "Stamp"],
    ),
    (
        2,
        &[
            "rules", "calendar", "deadline", "vocab", "names", "idcard", "tally",
        ],
    ),
    (3, &["book", "casebook"]),
    (
        4,
        &[
            "books",
            "roster",
            "units",
            "suggestions",
            "petitions",
            "documents",
            "deeds",
            "meetings",
            "activities",
            "attachments",
            "refs",
            "sessions",
            "projects",
            "rectifications",
            "evaluations",
            "duty_reports",
            "stations",
        ],
    ),
    (
        5,
        &[
            "readers",
            "registry",
            "entries",
            "followup",
            "duty_record",
            "print",
            "package",
            "county",
            "bench",
            "demo",
            "supervision",
        ],
    ),
];

fn layer(name: &str) -> Option<usize> {
    LAYERS
        .iter()
        .find(|(_, names)| names.contains(&name))
        .map(|(l, _)| *l)
}

/// The module a file belongs to: `src/books/suggestions/stats.rs` is `suggestions`,
/// `src/store/mod.rs` is `store`, `src/book/history.rs` is `book`.
fn module_of(src: &Path, file: &Path) -> String {
    let rel: Vec<String> = file
        .strip_prefix(src)
        .unwrap()
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    let folder_layer = ["store", "rules", "books", "readers"];
    let name = if rel.len() > 1 && folder_layer.contains(&rel[0].as_str()) && rel[1] != "mod.rs" {
        &rel[1]
    } else {
        &rel[0]
    };
    name.trim_end_matches(".rs").to_string()
}

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// The `crate::NAME`s a file's code (not its comments, not its tests) refers to.
fn imports(text: &str) -> BTreeSet<String> {
    let code: String = text
        .split("#[cfg(test)]")
        .next()
        .unwrap_or("")
        .lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n");
    let mut out = BTreeSet::new();
    let ident = |s: &str| -> String {
        s.chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect()
    };
    for (i, _) in code.match_indices("crate::") {
        let rest = &code[i + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            let group = &group[..group.find('}').unwrap_or(group.len())];
            for part in group.split(',') {
                let n = ident(part.trim());
                if !n.is_empty() && n != "self" {
                    out.insert(n);
                }
            }
        } else {
            let n = ident(rest);
            if !n.is_empty() {
                out.insert(n);
            }
        }
    }
    out
}

fn graph() -> BTreeMap<String, BTreeSet<String>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut all = Vec::new();
    files(&src, &mut all);
    let mut g: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for f in all.iter().filter(|f| !f.ends_with("lib.rs")) {
        let me = module_of(&src, f);
        let text = std::fs::read_to_string(f).unwrap();
        let entry = g.entry(me.clone()).or_default();
        for n in imports(&text) {
            let n = match n.as_str() {
                "Error" | "Result" => "error".to_string(),
                "Store" => "store".to_string(),
                "Stamp" => "history".to_string(),
                _ => n,
            };
            if n != me {
                entry.insert(n);
            }
        }
    }
    g
}

#[test]
fn no_module_imports_from_a_layer_above_its_own() {
    let mut wrong = Vec::new();
    for (me, uses) in graph() {
        let mine = layer(&me).unwrap_or_else(|| panic!("module {me} has no layer in LAYERS"));
        for u in uses {
            let theirs =
                layer(&u).unwrap_or_else(|| panic!("{me} imports {u}, which has no layer"));
            if theirs > mine {
                wrong.push(format!("{me} (layer {mine}) imports {u} (layer {theirs})"));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "imports against the layers:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn no_two_modules_import_each_other() {
    let g = graph();
    // Depth-first search for a back edge; the cycle found is printed whole.
    fn visit(
        g: &BTreeMap<String, BTreeSet<String>>,
        u: &str,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(i) = path.iter().position(|p| p == u) {
            let mut c = path[i..].to_vec();
            c.push(u.to_string());
            return Some(c);
        }
        if done.contains(u) {
            return None;
        }
        path.push(u.to_string());
        for v in g.get(u).into_iter().flatten() {
            if let Some(c) = visit(g, v, path, done) {
                return Some(c);
            }
        }
        path.pop();
        done.insert(u.to_string());
        None
    }
    let mut done = BTreeSet::new();
    for u in g.keys() {
        if let Some(c) = visit(&g, u, &mut Vec::new(), &mut done) {
            panic!("an import cycle: {}", c.join(" -> "));
        }
    }
}

#[test]
fn the_checker_sees_imports() {
    // The checks above are only as good as the parsing: a file importing a group and a path
    // must yield both names, and comments must not count.
    let found = imports(
        "use crate::{roster, Error};\n// crate::print\nfn f() { crate::history::record(); }",
    );
    let want: BTreeSet<String> = ["roster", "Error", "history"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    assert_eq!(found, want);
}

#[test]
fn time_enters_the_core_only_through_its_clock() {
    // Every answer of the core must be reproducible for a given day: the wall clock is read in
    // `clock.rs` alone, and callers pass what their clock says.
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut all = Vec::new();
    files(&src, &mut all);
    let mut reads = Vec::new();
    for f in all.iter().filter(|f| !f.ends_with("clock.rs")) {
        let text = std::fs::read_to_string(f).unwrap();
        for (n, line) in text.lines().enumerate() {
            if ["Local::now", "Utc::now", "SystemTime::now", "Instant::now"]
                .iter()
                .any(|w| line.contains(w))
                && !line.trim_start().starts_with("//")
            {
                reads.push(format!("{}:{}: {}", f.display(), n + 1, line.trim()));
            }
        }
    }
    // The benchmark times operations: a stopwatch, not a date the data depends on.
    reads.retain(|r| !r.contains("bench.rs"));
    assert!(
        reads.is_empty(),
        "wall-clock reads outside clock.rs:\n{}",
        reads.join("\n")
    );
}
