//! Enforces the architecture's dependency rule: the pure core uses no DOM, no signals and no browser APIs.

use std::fs;
use std::path::{Path, PathBuf};

/// Names that only the shell (`src/ui/`, `src/main.rs`) may mention.
const SHELL_ONLY_NAMES: [&str; 9] = [
    "leptos",
    "web_sys",
    "js_sys",
    "wasm_bindgen",
    "gloo",
    "window()",
    "document()",
    "Signal",
    "SystemTime",
];

/// Every Rust file of the project: the app, its tests, xtask, the dataset reader and the benchmarks.
fn every_rust_file(root: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for folder in ["src", "tests", "xtask/src", "reader/src", "benches"] {
        if root.join(folder).is_dir() {
            rust_files_under(&root.join(folder), &mut files);
        }
    }
    files
}

fn rust_files_under(folder: &Path, found: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(folder).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files_under(&path, found);
        } else if path.extension().is_some_and(|extension| extension == "rs") {
            found.push(path);
        }
    }
}

fn is_shell(path: &Path, src: &Path) -> bool {
    let relative = path.strip_prefix(src).unwrap();
    relative.starts_with("ui")
        || relative == Path::new("main.rs")
        || relative == Path::new("lib.rs")
}

#[test]
fn pure_core_names_no_browser_or_reactive_api() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files_under(&src, &mut files);
    let mut core_files = 0;
    let mut violations = Vec::new();
    for path in files.iter().filter(|path| !is_shell(path, &src)) {
        core_files += 1;
        let text = fs::read_to_string(path).unwrap();
        for (line_idx, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            for name in SHELL_ONLY_NAMES {
                if code.contains(name) {
                    violations.push(format!(
                        "{}:{}: mentions {name}",
                        path.display(),
                        line_idx + 1
                    ));
                }
            }
        }
    }
    assert!(
        core_files >= 2,
        "the core should have files to check, found {core_files}"
    );
    assert!(
        violations.is_empty(),
        "the pure core must not touch the browser:\n{}",
        violations.join("\n")
    );
}

#[test]
fn lib_declares_only_the_shell_as_impure() {
    // lib.rs lists modules: the shell (`ui`) is the only one behind the `ui` feature, and every other
    // module is built without it (a test or benchmark module may be gated on those alone).
    let lib = fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("src/lib.rs")).unwrap();
    let lines: Vec<&str> = lib.lines().map(str::trim).collect();
    let mut modules = Vec::new();
    for (line_idx, line) in lines.iter().enumerate() {
        if let Some(module) = line.strip_prefix("pub mod ") {
            let gate = line_idx
                .checked_sub(1)
                .map(|previous| lines[previous])
                .filter(|previous| previous.starts_with("#[cfg("))
                .unwrap_or("");
            modules.push((module.trim_end_matches(';'), gate));
        }
    }
    assert!(
        modules.contains(&("ui", "#[cfg(feature = \"ui\")]")),
        "{modules:?}"
    );
    let core: Vec<_> = modules
        .iter()
        .filter(|(module, _)| *module != "ui")
        .collect();
    assert!(core.len() >= 5, "the core must have modules: {modules:?}");
    for (module, gate) in core {
        assert!(
            !gate.contains("\"ui\""),
            "`{module}` is behind the ui feature, so the core would need the browser"
        );
    }
}

/// Test functions stay short enough to read at a glance: none is over this many lines.
const MAX_TEST_FUNCTION_LINES: usize = 80;

#[test]
fn no_test_function_is_over_80_lines() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let files = every_rust_file(root);
    let (mut n_measured, mut too_long) = (0, Vec::new());
    for path in &files {
        let text = fs::read_to_string(path).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        for (line_idx, line) in lines.iter().enumerate() {
            if line.trim() != "#[test]" {
                continue;
            }
            // The function after the attribute (other attributes may sit between), then its closing
            // brace at the same indent.
            let Some(fn_idx) = (line_idx + 1..lines.len().min(line_idx + 4))
                .find(|&idx| lines[idx].trim_start().starts_with("fn "))
            else {
                continue;
            };
            let indent = lines[fn_idx].len() - lines[fn_idx].trim_start().len();
            let closing = format!("{}}}", " ".repeat(indent));
            let Some(end_idx) = (fn_idx + 1..lines.len()).find(|&idx| lines[idx] == closing) else {
                continue;
            };
            n_measured += 1;
            let n_lines = end_idx - fn_idx + 1;
            if n_lines > MAX_TEST_FUNCTION_LINES {
                too_long.push(format!(
                    "{}:{} ({n_lines} lines)",
                    path.strip_prefix(root).unwrap_or(path).display(),
                    fn_idx + 1
                ));
            }
        }
    }
    assert!(n_measured > 100, "found only {n_measured} test functions");
    assert!(
        too_long.is_empty(),
        "test functions over {MAX_TEST_FUNCTION_LINES} lines: {too_long:?}"
    );
}

#[test]
fn every_rust_file_starts_with_a_module_doc() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let files = every_rust_file(root);
    let missing: Vec<String> = files
        .iter()
        .filter(|path| !fs::read_to_string(path).unwrap().starts_with("//!"))
        .map(|path| path.display().to_string())
        .collect();
    assert!(
        missing.is_empty(),
        "files without a leading //! line: {missing:?}"
    );
}

/// The part of a file that is not test code: everything before its first `#[cfg(test)]`.
fn code_before_tests(text: &str) -> &str {
    text.find("#[cfg(test)]")
        .map_or(text, |test_start| &text[..test_start])
}

/// The leading lower-case path segments after each `prefix` in `code` (`crate::ui::widgets::CopyButton`
/// gives `["ui", "widgets"]`), at most `depth` of them.
fn module_paths_after<'a>(code: &'a str, prefix: &str, depth: usize) -> Vec<Vec<&'a str>> {
    code.match_indices(prefix)
        .map(|(at, _)| {
            let mut path = Vec::new();
            for part in code[at + prefix.len()..].split("::") {
                let name_len = part
                    .find(|character: char| {
                        !(character.is_ascii_alphanumeric() || character == '_')
                    })
                    .unwrap_or(part.len());
                let name = &part[..name_len];
                if !name.starts_with(|character: char| character.is_ascii_lowercase()) {
                    break;
                }
                path.push(name);
                if name_len != part.len() || path.len() == depth {
                    break;
                }
            }
            path
        })
        .filter(|path| !path.is_empty())
        .collect()
}

/// Each pair in a graph of (from, to) uses that runs both ways, as "a <-> b".
fn pairs_both_ways(uses: &std::collections::BTreeSet<(String, String)>) -> Vec<String> {
    uses.iter()
        .filter(|(from, to)| from < to && uses.contains(&(to.clone(), from.clone())))
        .map(|(from, to)| format!("{from} <-> {to}"))
        .collect()
}

#[test]
fn no_two_modules_import_each_other() {
    // The crate's top-level modules, and each file of the shell as its own module, as a graph of the
    // paths they use; tests and the test fixtures are left out (they may use anything).
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files_under(&src, &mut files);
    let mut uses = std::collections::BTreeSet::new();
    for path in &files {
        let relative = path.strip_prefix(&src).unwrap();
        if relative.ends_with("tests.rs") || relative == Path::new("testing.rs") {
            continue;
        }
        let in_shell = relative.starts_with("ui");
        let module = if in_shell {
            let path = relative
                .with_extension("")
                .to_string_lossy()
                .replace('/', "::");
            path.trim_end_matches("::mod").to_string()
        } else {
            let top = relative.iter().next().unwrap().to_string_lossy();
            top.trim_end_matches(".rs").to_string()
        };
        let text = fs::read_to_string(path).unwrap();
        let code = code_before_tests(&text);
        let mut targets: Vec<String> =
            module_paths_after(code, "crate::", if in_shell { 2 } else { 1 })
                .into_iter()
                .map(|path| {
                    if path[0] == "ui" {
                        path.join("::")
                    } else {
                        path[0].to_string()
                    }
                })
                .collect();
        if in_shell {
            let parent = module
                .rsplit_once("::")
                .map_or("", |(parent, _)| parent)
                .to_string();
            targets.extend(
                module_paths_after(code, "super::", 1)
                    .into_iter()
                    .map(|path| format!("{parent}::{}", path[0])),
            );
        }
        for target in targets {
            if target != module && !module.starts_with(&format!("{target}::")) {
                uses.insert((module.clone(), target));
            }
        }
    }
    let both_ways = pairs_both_ways(&uses);
    assert!(uses.len() > 10, "the graph was read: {uses:?}");
    assert!(
        both_ways.is_empty(),
        "modules that import each other: {both_ways:?}"
    );
}

/// The sibling modules a file names through `super::` (`super::differences::…`, or inside
/// `use super::{key_facts::value_display, …}`).
fn siblings_named(code: &str) -> std::collections::BTreeSet<String> {
    let mut named: std::collections::BTreeSet<String> = module_paths_after(code, "super::", 1)
        .into_iter()
        .map(|path| path[0].to_string())
        .collect();
    for (at, _) in code.match_indices("super::{") {
        let group = &code[at + "super::{".len()..];
        let group = &group[..group.find('}').unwrap_or(group.len())];
        for item in group.split(',') {
            if let Some((name, _)) = item.trim().split_once("::") {
                named.insert(name.trim().to_string());
            }
        }
    }
    named
}

#[test]
fn no_two_files_of_a_folder_import_each_other() {
    // Within each folder of the crate, the files other than `mod.rs` as modules of their own: the
    // whole-module graph above cannot see two files of `view_model` naming each other.
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files_under(&src, &mut files);
    let mut uses = std::collections::BTreeSet::new();
    for path in &files {
        let relative = path.strip_prefix(&src).unwrap();
        if relative.iter().any(|part| part == "tests") || relative.ends_with("tests.rs") {
            continue;
        }
        let Some(folder) = relative
            .parent()
            .filter(|folder| !folder.as_os_str().is_empty())
        else {
            continue;
        };
        let name = relative.file_stem().unwrap().to_string_lossy().to_string();
        if name == "mod" {
            continue;
        }
        let siblings: Vec<String> = fs::read_dir(src.join(folder))
            .unwrap()
            .map(|entry| entry.unwrap().path())
            .filter(|sibling| {
                sibling
                    .extension()
                    .is_some_and(|extension| extension == "rs")
            })
            .map(|sibling| sibling.file_stem().unwrap().to_string_lossy().to_string())
            .filter(|sibling| sibling != "mod" && *sibling != name)
            .collect();
        let text = fs::read_to_string(path).unwrap();
        let code = code_before_tests(&text);
        let folder_path = folder.to_string_lossy().replace('/', "::");
        for sibling in &siblings {
            let by_crate_path = code.contains(&format!("crate::{folder_path}::{sibling}::"));
            if siblings_named(code).contains(sibling) || by_crate_path {
                uses.insert((
                    format!("{folder_path}::{name}"),
                    format!("{folder_path}::{sibling}"),
                ));
            }
        }
    }
    let both_ways = pairs_both_ways(&uses);
    assert!(
        uses.iter()
            .any(|(from, _)| from.starts_with("view_model::")),
        "the files' graph was read: {uses:?}"
    );
    assert!(
        both_ways.is_empty(),
        "files that import each other: {both_ways:?}"
    );
}
