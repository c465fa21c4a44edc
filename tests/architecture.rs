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
    // lib.rs lists modules; every module other than `ui` must live outside src/ui/.
    let lib = fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("src/lib.rs")).unwrap();
    let modules: Vec<&str> = lib
        .lines()
        .filter_map(|line| line.trim().strip_prefix("pub mod "))
        .map(|rest| rest.trim_end_matches(';'))
        .collect();
    assert!(modules.contains(&"ui"));
    assert!(
        modules.iter().any(|module| *module != "ui"),
        "the core must have modules"
    );
}

#[test]
fn every_rust_file_starts_with_a_module_doc() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for folder in ["src", "tests", "xtask/src", "benches"] {
        if root.join(folder).is_dir() {
            rust_files_under(&root.join(folder), &mut files);
        }
    }
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
