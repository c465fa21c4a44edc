//! `cargo xtask bench`: byte sizes of the release build (raw and gzip) and the pure core's benchmarks, as a table and a JSON report.
//!
//! Sizes are deterministic; timings depend on the machine and are reported, never asserted.

use std::io::Write as _;
use std::path::Path;

use serde_json::{json, Value};

use crate::offline::{build_dist, OFFLINE_FILE_NAME};
use crate::tools::{ensure_build_tools, run_status, timed_step};

/// The first-load budget for the hosted site, gzip-compressed.
const FIRST_LOAD_BUDGET_GZIP_BYTES: u64 = 200 * 1024;
/// The offline file's budget.
const OFFLINE_BUDGET_BYTES: u64 = 1024 * 1024;

/// Builds the release site, measures it, runs the core benchmarks, prints a table and writes `target/bench-report.json`.
pub fn run(project_root: &Path, tool_root: &Path) -> Result<(), String> {
    let toolchain = ensure_build_tools(tool_root, project_root)?;
    build_dist(project_root, &toolchain)?;
    let dist = project_root.join("dist");
    let sizes = file_sizes(&dist)?;

    let mut criterion = toolchain.command("cargo");
    criterion
        .args([
            "bench",
            "--package",
            "border-security-explorer",
            "--features",
            "bench-data",
            "--bench",
            "core",
            "--",
            "--warm-up-time",
            "1",
            "--measurement-time",
            "3",
        ])
        .current_dir(project_root);
    timed_step(
        "core benchmarks (criterion: parse, filter, aggregate, draw at 1x, 10x, 100x)",
        || run_status(&mut criterion),
    )?;
    let core = core_estimates(&project_root.join("target/criterion/core"));

    print_report(&sizes, &core);
    let report = json!({ "sizes": sizes, "core_benchmarks": core });
    let report_path = project_root.join("target/bench-report.json");
    std::fs::write(
        &report_path,
        serde_json::to_string_pretty(&report).map_err(|error| error.to_string())?,
    )
    .map_err(|error| format!("writing {}: {error}", report_path.display()))?;
    println!("Report written to target/bench-report.json.");
    Ok(())
}

fn gzip_len(bytes: &[u8]) -> Result<u64, String> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder
        .write_all(bytes)
        .map_err(|error| error.to_string())?;
    Ok(encoder.finish().map_err(|error| error.to_string())?.len() as u64)
}

/// Raw and gzip sizes of every file of the hosted build, the first load, and the offline file.
fn file_sizes(dist: &Path) -> Result<Value, String> {
    let mut files = Vec::new();
    let mut first_load = (0u64, 0u64);
    let mut names: Vec<_> = Vec::new();
    collect(dist, dist, &mut names)?;
    names.sort();
    for relative in names {
        let bytes = std::fs::read(dist.join(&relative))
            .map_err(|error| format!("reading {relative}: {error}"))?;
        let (raw, gzip) = (bytes.len() as u64, gzip_len(&bytes)?);
        // The first load: the page, its script, wasm and styles, and the dataset it fetches.
        let is_first_load = relative == "index.html"
            || relative == "data/dataset.json"
            || [".js", ".wasm", ".css"]
                .iter()
                .any(|ending| relative.ends_with(ending))
                && relative != "sw.js";
        if is_first_load {
            first_load.0 += raw;
            first_load.1 += gzip;
        }
        files.push(json!({ "file": relative, "raw_bytes": raw, "gzip_bytes": gzip, "first_load": is_first_load }));
    }
    let offline_bytes = std::fs::metadata(dist.join(OFFLINE_FILE_NAME))
        .map(|meta| meta.len())
        .unwrap_or(0);
    Ok(json!({
        "files": files,
        "first_load_raw_bytes": first_load.0,
        "first_load_gzip_bytes": first_load.1,
        "first_load_budget_gzip_bytes": FIRST_LOAD_BUDGET_GZIP_BYTES,
        "offline_file_bytes": offline_bytes,
        "offline_budget_bytes": OFFLINE_BUDGET_BYTES,
    }))
}

fn collect(root: &Path, folder: &Path, found: &mut Vec<String>) -> Result<(), String> {
    for entry in std::fs::read_dir(folder).map_err(|error| error.to_string())? {
        let path = entry.map_err(|error| error.to_string())?.path();
        if path.is_dir() {
            collect(root, &path, found)?;
        } else if let Ok(relative) = path.strip_prefix(root) {
            let relative = relative.to_string_lossy().replace('\\', "/");
            if relative != OFFLINE_FILE_NAME {
                found.push(relative);
            }
        }
    }
    Ok(())
}

/// Criterion's point estimates (mean, nanoseconds) for each benchmark it wrote.
fn core_estimates(criterion_dir: &Path) -> Value {
    let mut estimates = serde_json::Map::new();
    for operation in ["parse", "filter", "aggregate", "draw"] {
        for factor in ["1", "10", "100"] {
            let path = criterion_dir
                .join(operation)
                .join(factor)
                .join("new/estimates.json");
            let mean_ns = std::fs::read_to_string(&path)
                .ok()
                .and_then(|text| serde_json::from_str::<Value>(&text).ok())
                .and_then(|estimates| estimates["mean"]["point_estimate"].as_f64());
            estimates.insert(
                format!("{operation}/{factor}x"),
                json!(mean_ns.map(|ns| ns / 1e6)),
            );
        }
    }
    json!({ "unit": "milliseconds (mean)", "estimates": estimates })
}

fn print_report(sizes: &Value, core: &Value) {
    println!();
    println!("{:<52} {:>12} {:>12}", "file", "raw bytes", "gzip bytes");
    for file in sizes["files"].as_array().into_iter().flatten() {
        println!(
            "{:<52} {:>12} {:>12}{}",
            file["file"].as_str().unwrap_or(""),
            file["raw_bytes"].as_u64().unwrap_or(0),
            file["gzip_bytes"].as_u64().unwrap_or(0),
            if file["first_load"].as_bool() == Some(true) {
                "  (first load)"
            } else {
                ""
            }
        );
    }
    let first_load_gzip = sizes["first_load_gzip_bytes"].as_u64().unwrap_or(0);
    let offline = sizes["offline_file_bytes"].as_u64().unwrap_or(0);
    println!(
        "{:<52} {:>12} {:>12}  budget {} gzip: {}",
        "first load (hosted)",
        sizes["first_load_raw_bytes"].as_u64().unwrap_or(0),
        first_load_gzip,
        FIRST_LOAD_BUDGET_GZIP_BYTES,
        if first_load_gzip <= FIRST_LOAD_BUDGET_GZIP_BYTES {
            "met"
        } else {
            "NOT met"
        }
    );
    println!(
        "{:<52} {:>12} {:>12}  budget {}: {}",
        "offline file",
        offline,
        "",
        OFFLINE_BUDGET_BYTES,
        if offline <= OFFLINE_BUDGET_BYTES {
            "met"
        } else {
            "NOT met"
        }
    );
    println!();
    println!("{:<24} {:>12}", "core benchmark", "mean ms");
    if let Some(estimates) = core["estimates"].as_object() {
        for (name, mean_ms) in estimates {
            let shown = mean_ms
                .as_f64()
                .map_or("not run".to_string(), |ms| format!("{ms:.3}"));
            println!("{name:<24} {shown:>12}");
        }
    }
}
