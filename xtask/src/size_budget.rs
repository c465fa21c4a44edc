//! The wasm size budget in `size-budget.toml`: read it, measure the built wasm against it, and say plainly whether it holds.

use std::path::Path;

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
}

pub fn built_wasm_gzip_bytes(dist: &Path) -> Result<BuiltWasm, String> {
    let wasm_paths: Vec<_> = std::fs::read_dir(dist)
        .map_err(|error| format!("reading {}: {error}", dist.display()))?
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .filter(|path| path.extension().is_some_and(|ending| ending == "wasm"))
        .collect();
    let (readers, apps): (Vec<_>, Vec<_>) = wasm_paths.iter().partition(|path| {
        path.file_name().is_some_and(|name| {
            name.to_string_lossy()
                .starts_with(crate::dist::READER_FILE_PREFIX)
        })
    });
    let ([app_path], [reader_path]) = (apps.as_slice(), readers.as_slice()) else {
        return Err(format!(
            "expected the app's .wasm and one {}….wasm in {}, found {} and {}",
            crate::dist::READER_FILE_PREFIX,
            dist.display(),
            apps.len(),
            readers.len()
        ));
    };
    let gzip_len_of = |path: &Path| {
        std::fs::read(path)
            .map_err(|error| format!("reading {}: {error}", path.display()))
            .and_then(|bytes| crate::tools::gzip_len(&bytes))
    };
    Ok(BuiltWasm {
        app_gzip_bytes: gzip_len_of(app_path)?,
        reader_gzip_bytes: gzip_len_of(reader_path)?,
    })
}

/// Fails when the app's wasm, the page's first module, is over its budget by more than 2%.
pub fn check_wasm_budget(project_root: &Path) -> Result<(), String> {
    let budget = read_budget(project_root)?;
    let measured = built_wasm_gzip_bytes(&project_root.join("dist"))?;
    let (holds, line) = judge(&budget, measured.app_gzip_bytes);
    println!(
        "{line}\n  the budget's reason: {}\n  the dataset reader's wasm, beside it: {} bytes gzip (both: {})",
        budget.reason,
        measured.reader_gzip_bytes,
        measured.app_gzip_bytes + measured.reader_gzip_bytes
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
