//! Where the wasm's bytes go: the code of the release build, as cargo writes it with its names, summed by crate and by module of ours with twiggy, so every change can be judged by what it adds (`cargo xtask wasm-bytes`, and the bench's report).
//!
//! The file read is cargo's output before wasm-bindgen and wasm-opt: it keeps every function's name,
//! which the shipped file does not, and is somewhat larger (wasm-opt shrinks it and wasm-bindgen
//! removes its own description functions), so the sums show where the bytes are, not the shipped size.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde_json::{json, Value};

use crate::tools::{output_of, timed_step, Toolchain};

/// The release build's wasm as cargo writes it, names kept (Trunk builds it, then copies it on).
const NAMED_WASM: &str = "target/wasm32-unknown-unknown/release/border-security-explorer.wasm";

/// Our crate's name as it appears in a function's path.
const OUR_CRATE: &str = "border_security_explorer";

/// The bucket of an item with no crate in its name (mostly standard-library generics, whose
/// monomorphised names begin with a type parameter, and functions the linker named by index).
const NO_CRATE: &str = "items whose name gives no crate";
/// wasm-bindgen's `__wbindgen_describe_*` functions: in cargo's output, removed by wasm-bindgen.
const DESCRIPTIONS: &str = "wasm-bindgen's descriptions (removed by wasm-bindgen)";
/// Data segments: string literals, tables, the dataset's constants.
const DATA: &str = "data segments";

/// How many crates and modules the printed tables name.
const ROWS_PRINTED: usize = 12;

/// `cargo xtask wasm-bytes`: builds the release site and prints the breakdown.
pub fn run(project_root: &Path, tool_root: &Path) -> Result<(), String> {
    let toolchain = crate::tools::ensure_build_tools(tool_root, project_root)?;
    crate::dist::build_dist(project_root, &toolchain)?;
    let breakdown = breakdown(project_root, &toolchain, tool_root)?;
    print_breakdown(&breakdown);
    Ok(())
}

/// The breakdown of the release build already made: code by crate and by module of ours, in bytes.
pub fn breakdown(
    project_root: &Path,
    toolchain: &Toolchain,
    tool_root: &Path,
) -> Result<Value, String> {
    let twiggy = crate::tools::ensure_twiggy(toolchain, tool_root)?;
    let named_wasm = project_root.join(NAMED_WASM);
    let mut items = String::new();
    timed_step("summing the named release build's code with twiggy", || {
        items = output_of(
            toolchain
                .command(&twiggy.display().to_string())
                .args(["top", "--format", "json"])
                .arg(&named_wasm),
        )?;
        Ok(())
    })?;
    let items: Vec<Value> = serde_json::from_str(&items).map_err(|error| {
        format!(
            "reading twiggy's JSON for {}: {error}",
            named_wasm.display()
        )
    })?;
    let modules = modules_of_ours(&project_root.join("src"))?;
    let mut by_crate = BTreeMap::<String, u64>::new();
    let mut by_module = BTreeMap::<String, u64>::new();
    let mut total_bytes = 0;
    for item in &items {
        let name = item["name"].as_str().unwrap_or("");
        let bytes = item["shallow_size"].as_u64().unwrap_or(0);
        let Some(bucket) = crate_of(name) else {
            continue;
        };
        total_bytes += bytes;
        *by_crate.entry(bucket.to_string()).or_default() += bytes;
        if let Some(module) = module_of_ours(name, &modules) {
            *by_module.entry(module).or_default() += bytes;
        }
    }
    let shipped = shipped_wasm(&project_root.join("dist"))?;
    let shipped_bytes = std::fs::read(&shipped)
        .map_err(|error| format!("reading {}: {error}", shipped.display()))?;
    Ok(json!({
        "named_build_bytes": total_bytes,
        "shipped_wasm_bytes": shipped_bytes.len(),
        "shipped_wasm_gzip_bytes": crate::tools::gzip_len(&shipped_bytes)?,
        "by_crate": largest_first(by_crate),
        "by_module_of_ours": largest_first(by_module),
    }))
}

/// Prints the breakdown as two tables.
pub fn print_breakdown(breakdown: &Value) {
    println!(
        "\nWasm bytes: {} of code and data in the named release build; the shipped wasm is {} bytes, {} gzip.",
        breakdown["named_build_bytes"],
        breakdown["shipped_wasm_bytes"],
        breakdown["shipped_wasm_gzip_bytes"]
    );
    for (title, key) in [
        ("by crate", "by_crate"),
        ("by module of ours", "by_module_of_ours"),
    ] {
        println!("\n  {title:<58} {:>9}", "bytes");
        for row in breakdown[key]
            .as_array()
            .into_iter()
            .flatten()
            .take(ROWS_PRINTED)
        {
            println!(
                "  {:<58} {:>9}",
                row["name"].as_str().unwrap_or(""),
                row["bytes"]
            );
        }
    }
}

fn largest_first(sums: BTreeMap<String, u64>) -> Value {
    let mut rows: Vec<(String, u64)> = sums.into_iter().collect();
    rows.sort_by(|left, right| right.1.cmp(&left.1).then_with(|| left.0.cmp(&right.0)));
    Value::Array(
        rows.into_iter()
            .map(|(name, bytes)| json!({ "name": name, "bytes": bytes }))
            .collect(),
    )
}

/// The crate an item's bytes count to, by the first path in its name ("alloc" for
/// "<alloc::vec::Vec<T> as core::clone::Clone>::clone"), with a disambiguator dropped
/// ("core[5f3a]::fmt" is "core"); `None` for what is not code of the build (exports, imports and
/// twiggy's own sections).
pub fn crate_of(name: &str) -> Option<&str> {
    // Export and import entries are names, not code; twiggy's own lines for the name section and
    // wasm-bindgen's description section count sections the shipped file does not carry.
    if ["export ", "import ", "\"", "custom section"]
        .iter()
        .any(|prefix| name.starts_with(prefix))
    {
        return None;
    }
    if name.contains("__wbindgen_describe") {
        return Some(DESCRIPTIONS);
    }
    if name.starts_with("data[") || name.starts_with("data segment") {
        return Some(DATA);
    }
    let mut rest = name;
    while let Some(at) = rest.find("::") {
        let before = &rest[..at];
        let start = before
            .rfind(|character: char| {
                !(character.is_ascii_alphanumeric() || "_[]".contains(character))
            })
            .map_or(0, |idx| idx + 1);
        let segment = before[start..].split('[').next().unwrap_or("");
        let is_crate = !segment.is_empty()
            && segment.chars().all(|character| {
                character.is_ascii_lowercase() || character.is_ascii_digit() || character == '_'
            })
            && !segment.starts_with(|character: char| character.is_ascii_digit());
        if is_crate {
            return Some(segment);
        }
        rest = &rest[at + 2..];
    }
    Some(NO_CRATE)
}

/// The module of ours an item is in ("view_model::crossings"), the longest of `modules` its path
/// starts with; `None` for another crate's item.
pub fn module_of_ours(name: &str, modules: &[String]) -> Option<String> {
    if crate_of(name) != Some(OUR_CRATE) {
        return None;
    }
    let path = &name[name.find(OUR_CRATE)? + OUR_CRATE.len()..];
    let path = path.strip_prefix("::").unwrap_or("");
    let module = modules
        .iter()
        .filter(|module| {
            path.strip_prefix(module.as_str())
                .is_some_and(|after| after.is_empty() || after.starts_with("::"))
        })
        .max_by_key(|module| module.len())
        .cloned();
    Some(module.unwrap_or_else(|| "(the crate's root)".to_string()))
}

/// Every module path of ours, from the files under `src/` ("ui::views::briefing" for
/// `src/ui/views/briefing.rs`, "ui" for `src/ui/mod.rs`).
fn modules_of_ours(src: &Path) -> Result<Vec<String>, String> {
    let mut files = Vec::new();
    collect_rust_files(src, &mut files)?;
    let mut modules: Vec<String> = files
        .iter()
        .filter_map(|file| {
            let relative = file.strip_prefix(src).ok()?.with_extension("");
            let mut parts: Vec<String> = relative
                .components()
                .map(|part| part.as_os_str().to_string_lossy().into_owned())
                .collect();
            if parts
                .last()
                .is_some_and(|last| last == "mod" || last == "lib" || last == "main")
            {
                parts.pop();
            }
            (!parts.is_empty()).then(|| parts.join("::"))
        })
        .collect();
    modules.sort();
    modules.dedup();
    Ok(modules)
}

fn collect_rust_files(folder: &Path, found: &mut Vec<PathBuf>) -> Result<(), String> {
    let entries = std::fs::read_dir(folder)
        .map_err(|error| format!("reading {}: {error}", folder.display()))?;
    for entry in entries {
        let path = entry.map_err(|error| error.to_string())?.path();
        if path.is_dir() {
            collect_rust_files(&path, found)?;
        } else if path.extension().is_some_and(|extension| extension == "rs") {
            found.push(path);
        }
    }
    Ok(())
}

/// The wasm the site ships (`dist/*_bg.wasm`).
fn shipped_wasm(dist: &Path) -> Result<PathBuf, String> {
    std::fs::read_dir(dist)
        .map_err(|error| format!("reading {}: {error}", dist.display()))?
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .find(|path| path.to_string_lossy().ends_with("_bg.wasm"))
        .ok_or_else(|| format!("no wasm in {}: build the site first", dist.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_item_counts_to_the_crate_its_name_starts_with() {
        for (name, bucket) in [
            (
                "border_security_explorer::view_model::crossings::crossings_chart::h0123456789abcdef",
                Some(OUR_CRATE),
            ),
            ("<alloc::vec::Vec<T> as core::clone::Clone>::clone", Some("alloc")),
            ("<&T as core::fmt::Debug>::fmt", Some("core")),
            ("core[5f3a2b]::fmt::write", Some("core")),
            ("reactive_graph::graph::node::ReactiveNode::mark_dirty", Some("reactive_graph")),
            ("__wbindgen_describe___wbg_log_1234", Some(DESCRIPTIONS)),
            ("data[3]", Some(DATA)),
            ("data segment \".rodata\"", Some(DATA)),
            ("custom section '__wasm_bindgen_unstable'", None),
            ("code[1234]", Some(NO_CRATE)),
            ("<T as Into<U>>::into", Some(NO_CRATE)),
            ("export \"main\"", None),
            ("import wbg::__wbg_log_1234", None),
            ("\"function names\" subsection", None),
        ] {
            assert_eq!(crate_of(name), bucket, "{name}");
        }
    }

    #[test]
    fn an_item_of_ours_counts_to_the_longest_module_its_path_starts_with() {
        let modules: Vec<String> = [
            "ui",
            "ui::views",
            "ui::views::briefing",
            "view_model",
            "view_model::crossings",
        ]
        .map(String::from)
        .to_vec();
        for (name, module) in [
            ("border_security_explorer::ui::views::briefing::__component_key_chart::h01", Some("ui::views::briefing")),
            ("border_security_explorer::ui::App::{{closure}}::h02", Some("ui")),
            ("<border_security_explorer::view_model::crossings::Thing as core::clone::Clone>::clone", Some("view_model::crossings")),
            ("border_security_explorer::view_modelling::x", Some("(the crate's root)")),
            ("core::fmt::write", None),
        ] {
            assert_eq!(module_of_ours(name, &modules).as_deref(), module, "{name}");
        }
    }

    #[test]
    fn every_file_under_src_is_a_module_path() {
        let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("../src");
        let modules = modules_of_ours(&src).unwrap();
        for module in [
            "ui",
            "ui::views::briefing",
            "view_model::crossings",
            "analysis",
        ] {
            assert!(
                modules.iter().any(|found| found == module),
                "{module} in {modules:?}"
            );
        }
        assert!(!modules
            .iter()
            .any(|module| module.ends_with("mod") || module == "lib"));
    }
}
