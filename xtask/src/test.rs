//! `cargo xtask test`: every check the project has, in order, stopping at the first failure.

use std::path::Path;

use crate::dist::{build_dist, OFFLINE_FILE_NAME};
use crate::serve::spawn_server;
use crate::tools::{
    chromium_path, ensure_build_tools, ensure_test_tools, run_status, timed_step, BrowserScratchDir,
};

/// How many times the bundled dataset the large file of the browser tests is.
const LARGE_FILE_FACTOR: usize = 80;

/// The sub-path the end-to-end tests serve the site under, to prove every URL is relative.
const TEST_BASE_PATH: &str = "/explorer/sub-path/";

/// Installs what is missing, then runs formatting, lints, host tests, the release build, the wasm size
/// budget and the browser suite.
pub fn run_all(project_root: &Path, tool_root: &Path) -> Result<(), String> {
    let toolchain = ensure_build_tools(tool_root, project_root)?;
    ensure_test_tools(&toolchain, project_root)?;

    let cargo = |args: &[&str]| {
        let mut command = toolchain.command("cargo");
        command.args(args).current_dir(project_root);
        command
    };
    timed_step("cargo fmt --check", || {
        run_status(&mut cargo(&["fmt", "--all", "--check"]))
    })?;
    timed_step("actionlint on .github/workflows", || {
        crate::workflows::lint_workflows(project_root)
    })?;
    timed_step("clippy for the host, warnings denied", || {
        run_status(&mut cargo(&[
            "clippy",
            "--workspace",
            "--all-targets",
            "--",
            "-D",
            "warnings",
        ]))
    })?;
    // xtask draws the prerendered page with the shell, so nothing else would notice the core reaching
    // for the browser.
    timed_step(
        "the core builds without the shell (no `ui` feature)",
        || {
            run_status(&mut cargo(&[
                "check",
                "--package",
                "border-security-explorer",
                "--lib",
                "--no-default-features",
            ]))
        },
    )?;
    timed_step("clippy for wasm32, warnings denied", || {
        run_status(&mut cargo(&[
            "clippy",
            "--package",
            "border-security-explorer",
            "--target",
            "wasm32-unknown-unknown",
            "--",
            "-D",
            "warnings",
        ]))
    })?;
    timed_step("host tests (cargo test --workspace)", || {
        run_status(&mut cargo(&["test", "--workspace"]))
    })?;
    timed_step(
        "the data pack read as pandas reads it (comment=\"#\")",
        || read_data_pack_with_pandas(project_root),
    )?;
    build_dist(project_root, &toolchain)?;
    crate::size_budget::check_wasm_budget(project_root)?;
    crate::size_budget::check_reader_only_code(project_root)?;

    let dist = project_root.join("dist");
    let (port, _server) = spawn_server(&dist, TEST_BASE_PATH, false)?;
    let end2end = project_root.join("end2end");
    let report_path = project_root.join("target/e2e-report.json");
    // A valid file 80 times the bundled dataset (about 10 MB), for the test that opens a large file.
    let large_file = project_root.join("target/e2e-large-dataset.json");
    let bundled = std::fs::read_to_string(project_root.join(crate::DATASET_PATH))
        .map_err(|error| format!("reading {}: {error}", crate::DATASET_PATH))?;
    std::fs::write(
        &large_file,
        border_security_explorer::synthetic::scaled_dataset_json(&bundled, LARGE_FILE_FACTOR),
    )
    .map_err(|error| format!("writing {}: {error}", large_file.display()))?;
    std::fs::remove_file(&report_path).ok();
    let mut playwright = toolchain.command("npx");
    playwright
        .args(["--no-install", "playwright", "test"])
        .current_dir(&end2end)
        .env(
            "BSE_BASE_URL",
            format!("http://127.0.0.1:{port}{TEST_BASE_PATH}"),
        )
        .env("BSE_OFFLINE_FILE", dist.join(OFFLINE_FILE_NAME))
        .env("BSE_CHROMIUM", chromium_path())
        .env("BSE_E2E_REPORT", &report_path)
        .env("BSE_LARGE_FILE", &large_file);
    let browser_scratch = BrowserScratchDir::create();
    browser_scratch.apply(&mut playwright);
    let e2e_result = timed_step(
        "end-to-end tests in Chromium (hosted over HTTP and the offline file from file://)",
        || run_status(&mut playwright),
    );
    print_e2e_counts(&report_path);
    e2e_result?;
    println!("All checks passed.");
    Ok(())
}

/// Writes the data pack's files and the key numbers' CSV for the bundled dataset (the same code the
/// page's downloads run) and reads each CSV with pandas, checking ISO dates, whole-number years and
/// numeric columns.
fn read_data_pack_with_pandas(project_root: &Path) -> Result<(), String> {
    let bytes = std::fs::read(project_root.join(crate::DATASET_PATH))
        .map_err(|error| format!("reading {}: {error}", crate::DATASET_PATH))?;
    let dataset = border_security_explorer::data::parse_dataset(&bytes)
        .map_err(|_| format!("{} does not pass its checks", crate::DATASET_PATH))?;
    let folder = project_root.join("target/pandas-data-pack");
    std::fs::remove_dir_all(&folder).ok();
    std::fs::create_dir_all(&folder)
        .map_err(|error| format!("creating {}: {error}", folder.display()))?;
    let fingerprint = border_security_explorer::data::fingerprint(&bytes);
    for (name, contents) in
        border_security_explorer::data_pack::data_pack_files(&dataset, &fingerprint, &bytes)
    {
        std::fs::write(folder.join(&name), contents)
            .map_err(|error| format!("writing {name}: {error}"))?;
    }
    // The key numbers' CSV, as the Briefing's "Download CSV" writes it.
    let key = border_security_explorer::view_model::key_numbers(&dataset);
    std::fs::write(
        folder.join("key-numbers.csv"),
        border_security_explorer::export::to_csv(&key.table, &key.csv_footer),
    )
    .map_err(|error| format!("writing key-numbers.csv: {error}"))?;
    run_status(
        std::process::Command::new(crate::tools::SYSTEM_PYTHON)
            .arg("tests/pandas/read_data_pack.py")
            .arg(&folder)
            .current_dir(project_root),
    )
}

/// Prints the end-to-end counts as one plain closing line, from Playwright's JSON report.
fn print_e2e_counts(report_path: &Path) {
    let Some(stats) = std::fs::read_to_string(report_path)
        .ok()
        .and_then(|text| serde_json::from_str::<serde_json::Value>(&text).ok())
        .and_then(|report| report.get("stats").cloned())
    else {
        println!(
            "end-to-end: the report at {} could not be read",
            report_path.display()
        );
        return;
    };
    let count = |key: &str| {
        stats
            .get(key)
            .and_then(serde_json::Value::as_u64)
            .unwrap_or(0)
    };
    println!(
        "end-to-end: {} passed, {} failed, {} skipped",
        count("expected") + count("flaky"),
        count("unexpected"),
        count("skipped")
    );
}
