//! The wasm size budget in `size-budget.toml`, and the code only the reader's module may hold: measure the built wasm against both, and say plainly whether they hold.

use std::path::{Path, PathBuf};

/// How far over the budget the wasm may grow before `cargo xtask test` fails: 2%.
pub const ALLOWED_GROWTH: f64 = 0.02;

/// The recorded budget and why it is what it is.
#[derive(Debug, serde::Deserialize)]
pub struct SizeBudget {
    pub wasm_gzip_bytes: u64,
    pub reason: String,
}

/// Reads `size-budget.toml` at the project's root.
pub fn read_budget(project_root: &Path) -> Result<SizeBudget, String> {
    let path = project_root.join("size-budget.toml");
    let text = std::fs::read_to_string(&path)
        .map_err(|error| format!("reading {}: {error}", path.display()))?;
    toml::from_str(&text).map_err(|error| format!("reading {}: {error}", path.display()))
}

/// The line to print for a wasm of `wasm_gzip_bytes`, and whether it is within the budget plus 2%.
pub fn judge(budget: &SizeBudget, wasm_gzip_bytes: u64) -> (bool, String) {
    let limit = (budget.wasm_gzip_bytes as f64 * (1.0 + ALLOWED_GROWTH)).floor() as u64;
    let change_percent = (wasm_gzip_bytes as f64 / budget.wasm_gzip_bytes as f64 - 1.0) * 100.0;
    let holds = wasm_gzip_bytes <= limit;
    let line = format!(
        "first module (the app's wasm): {wasm_gzip_bytes} bytes gzip, {change_percent:+.1}% on the budget of {} in size-budget.toml \
         (at most {limit} allowed): {}",
        budget.wasm_gzip_bytes,
        if holds {
            "within budget"
        } else {
            "OVER BUDGET. Make it smaller, or raise the budget in a reviewed change that gives the reason"
        }
    );
    (holds, line)
}

/// The gzip sizes of the wasm files in `dist`: the app's own, which the page starts with (the budget's
/// subject), and the dataset reader's, fetched beside it to check the data.
pub struct BuiltWasm {
    pub app_gzip_bytes: u64,
    pub reader_gzip_bytes: u64,
    /// The parts, each fetched the first time what it holds is asked for, summed.
    pub parts_gzip_bytes: u64,
}

/// The `.wasm` files in `dist` whose names start with `prefix`.
fn wasm_files_starting(dist: &Path, prefix: &str) -> Result<Vec<PathBuf>, String> {
    Ok(std::fs::read_dir(dist)
        .map_err(|error| format!("reading {}: {error}", dist.display()))?
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .filter(|path| path.extension().is_some_and(|ending| ending == "wasm"))
        .filter(|path| {
            path.file_name()
                .is_some_and(|name| name.to_string_lossy().starts_with(prefix))
        })
        .collect())
}

/// The app's wasm (its first module) and the reader's, in `dist`.
fn built_wasm_paths(dist: &Path) -> Result<(PathBuf, PathBuf), String> {
    let wasm_paths: Vec<_> = wasm_files_starting(dist, "")?
        .into_iter()
        .filter(|path| {
            !path.file_name().is_some_and(|name| {
                name.to_string_lossy()
                    .starts_with(crate::dist::PART_FILE_PREFIX)
            })
        })
        .collect();
    let (readers, apps): (Vec<_>, Vec<_>) = wasm_paths.into_iter().partition(|path| {
        path.file_name().is_some_and(|name| {
            name.to_string_lossy()
                .starts_with(crate::dist::READER_FILE_PREFIX)
        })
    });
    match (
        <[PathBuf; 1]>::try_from(apps),
        <[PathBuf; 1]>::try_from(readers),
    ) {
        (Ok([app_path]), Ok([reader_path])) => Ok((app_path, reader_path)),
        (apps, readers) => Err(format!(
            "expected the app's .wasm and one {}….wasm in {}, found {} and {}",
            crate::dist::READER_FILE_PREFIX,
            dist.display(),
            apps.map_or_else(|found| found.len(), |_| 1),
            readers.map_or_else(|found| found.len(), |_| 1),
        )),
    }
}

fn read_file(path: &Path) -> Result<Vec<u8>, String> {
    std::fs::read(path).map_err(|error| format!("reading {}: {error}", path.display()))
}

pub fn built_wasm_gzip_bytes(dist: &Path) -> Result<BuiltWasm, String> {
    let (app_path, reader_path) = built_wasm_paths(dist)?;
    Ok(BuiltWasm {
        app_gzip_bytes: crate::tools::gzip_len(&read_file(&app_path)?)?,
        reader_gzip_bytes: crate::tools::gzip_len(&read_file(&reader_path)?)?,
        parts_gzip_bytes: wasm_files_starting(dist, crate::dist::PART_FILE_PREFIX)?
            .iter()
            .map(|path| crate::tools::gzip_len(&read_file(path)?))
            .sum::<Result<u64, String>>()?,
    })
}

/// What only the reader's wasm may hold, each known by a text its code carries into the wasm: the app's
/// module (the page's first) must hold none of it, and the reader's each, so a text that stops being
/// carried (reworded, or the code gone) fails the check rather than passing it unseen.
const READER_ONLY_CODE: [(&str, &str); 3] = [
    ("the JSON reader (serde_json)", "EOF while parsing a value"),
    (
        "what changed against a file opened (view_model::what_changed)",
        "What changed between the data on screen and the file opened",
    ),
    ("the data pack (data_pack)", "(SHA-256 of dataset.json): "),
];

/// Each piece of reader-only code found in the wrong module, in words; empty when all is where it belongs.
fn misplaced_code(app_wasm: &[u8], reader_wasm: &[u8]) -> Vec<String> {
    let holds = |wasm: &[u8], text: &str| {
        wasm.windows(text.len())
            .any(|window| window == text.as_bytes())
    };
    READER_ONLY_CODE
        .iter()
        .filter_map(|(what, text)| {
            if holds(app_wasm, text) {
                Some(format!(
                    "the app's module holds {what} (it carries \"{text}\")"
                ))
            } else if !holds(reader_wasm, text) {
                Some(format!(
                    "the reader's module does not carry \"{text}\", by which {what} is known here"
                ))
            } else {
                None
            }
        })
        .collect()
}

/// Fails when the app's module holds what only the reader's should: reading JSON, comparing datasets,
/// the data pack (ARCHITECTURE.md's invariant).
pub fn check_reader_only_code(project_root: &Path) -> Result<(), String> {
    let (app_path, reader_path) = built_wasm_paths(&project_root.join("dist"))?;
    let misplaced = misplaced_code(&read_file(&app_path)?, &read_file(&reader_path)?);
    if misplaced.is_empty() {
        println!(
            "the app's module holds none of the reader's code: {}",
            READER_ONLY_CODE.map(|(what, _)| what).join("; ")
        );
        Ok(())
    } else {
        Err(misplaced.join("\n"))
    }
}

/// Fails when the app's wasm, the page's first module, is over its budget by more than 2%.
pub fn check_wasm_budget(project_root: &Path) -> Result<(), String> {
    let budget = read_budget(project_root)?;
    let measured = built_wasm_gzip_bytes(&project_root.join("dist"))?;
    let (holds, line) = judge(&budget, measured.app_gzip_bytes);
    println!(
        "{line}\n  the budget's reason: {}\n  the parts, each fetched when first asked for (the other views, the embed page, a chart's downloads, a person's own data): {} bytes gzip\n  \
         the dataset reader's wasm, beside it: {} bytes gzip (all: {})",
        budget.reason,
        measured.parts_gzip_bytes,
        measured.reader_gzip_bytes,
        measured.app_gzip_bytes + measured.parts_gzip_bytes + measured.reader_gzip_bytes
    );
    if holds {
        Ok(())
    } else {
        Err(line)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reader_only_code_is_found_in_the_app_and_missed_in_the_reader() {
        let all_of_it: Vec<u8> = READER_ONLY_CODE
            .iter()
            .flat_map(|(_, text)| [b"\0".as_slice(), text.as_bytes()].concat())
            .collect();
        assert_eq!(misplaced_code(b"app", &all_of_it), Vec::<String>::new());
        let swapped = misplaced_code(&all_of_it, &all_of_it);
        assert_eq!(swapped.len(), 3);
        assert!(
            swapped[0].starts_with("the app's module holds the JSON reader"),
            "{swapped:?}"
        );
        let missing = misplaced_code(b"app", b"reader");
        assert_eq!(missing.len(), 3);
        assert!(
            missing[2].contains("by which the data pack (data_pack) is known"),
            "{missing:?}"
        );
    }

    #[test]
    fn the_budget_allows_two_percent_and_no_more() {
        let budget = SizeBudget {
            wasm_gzip_bytes: 100_000,
            reason: String::new(),
        };
        assert!(judge(&budget, 100_000).0);
        assert!(judge(&budget, 102_000).0);
        let (holds, line) = judge(&budget, 102_001);
        assert!(!holds);
        assert!(line.contains("OVER BUDGET"), "{line}");
        assert!(line.contains("+2.0%"), "{line}");
    }

    #[test]
    fn a_budget_file_that_cannot_be_read_says_which_file_and_why() {
        let folder = std::env::temp_dir().join(format!("bse-budget-{}", std::process::id()));
        std::fs::create_dir_all(&folder).unwrap();
        let missing = read_budget(&folder).unwrap_err();
        assert!(missing.contains("size-budget.toml"), "{missing}");
        std::fs::write(
            folder.join("size-budget.toml"),
            "wasm_gzip_bytes = \"lots\"\n",
        )
        .unwrap();
        let malformed = read_budget(&folder).unwrap_err();
        std::fs::remove_dir_all(&folder).ok();
        assert!(
            malformed.contains("size-budget.toml") && malformed.contains("wasm_gzip_bytes"),
            "{malformed}"
        );
    }

    #[test]
    fn the_recorded_budget_reads_and_gives_a_reason() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        let budget = read_budget(&root).unwrap();
        assert!(budget.wasm_gzip_bytes > 0);
        assert!(!budget.reason.trim().is_empty());
    }
}
