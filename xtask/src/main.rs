//! Project tasks run as `cargo xtask <task>`: serve, test, dist, release, bench, wasm-bytes, synthetic-data, check-data, diff-data, import-crossings.

mod bench;
mod check_data;
mod dist;
mod import;
mod refresh;
mod release;
mod serve;
mod size_budget;
mod test;
mod tools;
mod wasm_bytes;
mod workflows;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

const USAGE: &str = "\
usage: cargo xtask <task> [options]

tasks:
  serve              install missing tools, build the release site and serve it on http://127.0.0.1:8080
  test               install missing tools, then fmt, clippy (host and wasm32), host tests, the release
                     build and the end-to-end suite (hosted over HTTP and the offline file from file://)
  dist               the release build into dist/: the static website and the offline single file
  release            from a clean tree whose dataset passes its check: the release build, then the
                     offline file, the dataset, release notes and SHA256SUMS in release/
  bench              sizes of the release build (raw and gzip) and the core benchmarks at 1x, 10x
                     and 100x; prints a table and writes target/bench-report.json
  wasm-bytes         the release build, then its code summed by crate and by module of ours (twiggy,
                     installed into the tool root if missing), to judge what a change adds
  synthetic-data FACTOR FILE
                     write a synthetic dataset FACTOR times the bundled one, for benchmarks only
  check-data [FILE]  check a dataset file (default public/data/dataset.json) and print every problem
  diff-data OLD NEW  check two dataset files and print what changed from OLD to NEW (records added,
                     removed and changed; days added and revised; official months added and revised)
  import-crossings FILE.ods [--dataset FILE]
                     read the Home Office small-boat time series (sheets SB_01 and SB_02) into the
                     dataset's daily and weekly crossings, keeping everything else, and print what
                     the import changed
  refresh [--page URL | --url URL --published DATE | --file FILE.ods --published DATE]
          [--accept] [--summary FILE.md] [--dataset FILE]
                     find the latest time series on its gov.uk publication page (or take the address
                     or file given), download it with curl into target/refresh/, import it, check it,
                     record the change in the changelog and print what changed; refuses a spreadsheet
                     that removes days or revises more than 1% of the days unless --accept, and
                     changes nothing when any step fails; --summary writes the changes as Markdown

options:
  --tool-root DIR    where missing tools are installed (default: $BSE_TOOL_ROOT, else
                     ~/.cache/border-security-explorer/tools); tools already on PATH at the right
                     version are used as they are
  --port N           (serve) the port to serve on, default 8080
";

/// The bundled dataset, relative to the project root.
pub const DATASET_PATH: &str = "public/data/dataset.json";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            // Line by line, with control characters written out: a message may quote a dataset.
            for (line_idx, line) in message.lines().enumerate() {
                let line = border_security_explorer::text::escape_control_characters(line);
                if line_idx == 0 {
                    eprintln!("error: {line}");
                } else {
                    eprintln!("{line}");
                }
            }
            ExitCode::FAILURE
        }
    }
}

/// Options shared by the tasks.
struct Options {
    tool_root: PathBuf,
    port: u16,
    /// `--dataset FILE` for import-crossings.
    dataset: Option<PathBuf>,
    /// Arguments that are not options, in order (file names for the data tasks).
    rest: Vec<String>,
}

fn run(args: &[String]) -> Result<(), String> {
    let Some((task, task_args)) = args.split_first() else {
        print!("{USAGE}");
        return Err("no task given".to_string());
    };
    let options = parse_options(task_args)?;
    let project_root = project_root();
    match task.as_str() {
        "serve" => {
            let toolchain = tools::ensure_build_tools(&options.tool_root, &project_root)?;
            dist::build_dist(&project_root, &toolchain)?;
            serve::serve_forever(&project_root.join("dist"), options.port)
        }
        "dist" => {
            let toolchain = tools::ensure_build_tools(&options.tool_root, &project_root)?;
            dist::build_dist(&project_root, &toolchain)
        }
        "test" => test::run_all(&project_root, &options.tool_root),
        "release" => {
            let toolchain = tools::ensure_build_tools(&options.tool_root, &project_root)?;
            release::write_release(&project_root, &toolchain)
        }
        "bench" => bench::run(&project_root, &options.tool_root),
        "wasm-bytes" => wasm_bytes::run(&project_root, &options.tool_root),
        "synthetic-data" => {
            let [factor, file] = options.rest.as_slice() else {
                return Err("synthetic-data needs FACTOR and FILE".to_string());
            };
            let factor: usize = factor
                .parse()
                .map_err(|_| format!("{factor:?} is not a whole number"))?;
            let base = std::fs::read_to_string(project_root.join(DATASET_PATH))
                .map_err(|error| error.to_string())?;
            let text = border_security_explorer::synthetic::scaled_dataset_json(&base, factor);
            std::fs::write(file, &text).map_err(|error| format!("writing {file}: {error}"))?;
            println!(
                "Wrote {file}: {} bytes, {factor} times the bundled dataset.",
                text.len()
            );
            Ok(())
        }
        "check-data" => {
            let dataset_path = options
                .rest
                .first()
                .map_or_else(|| project_root.join(DATASET_PATH), PathBuf::from);
            check_data::check_data_file(&dataset_path)
        }
        "diff-data" => match options.rest.as_slice() {
            [old_path, new_path] => {
                check_data::diff_data_files(Path::new(old_path), Path::new(new_path))
            }
            _ => Err(
                "diff-data needs two files: cargo xtask diff-data OLD.json NEW.json".to_string(),
            ),
        },
        "import-crossings" => {
            let spreadsheet = options.rest.first().ok_or(
                "import-crossings needs the spreadsheet: cargo xtask import-crossings FILE.ods",
            )?;
            let dataset_path = options
                .dataset
                .clone()
                .unwrap_or_else(|| project_root.join(DATASET_PATH));
            import::import_crossings(Path::new(spreadsheet), &dataset_path)
        }
        "refresh" => {
            let refresh_options = refresh::RefreshOptions::parse(&options.rest)?;
            let dataset_path = options
                .dataset
                .clone()
                .unwrap_or_else(|| project_root.join(DATASET_PATH));
            let today = dist::today_utc_date().ok_or("the system clock gives no date")?;
            // The bundled dataset's reference spreadsheet follows it; another file's does not.
            let reference_copy = (options.dataset.is_none())
                .then(|| project_root.join(import::REFERENCE_SPREADSHEET));
            refresh::refresh(
                &project_root,
                &dataset_path,
                reference_copy.as_deref(),
                &refresh_options,
                today,
            )
        }
        "help" | "--help" | "-h" => {
            print!("{USAGE}");
            Ok(())
        }
        other => {
            print!("{USAGE}");
            Err(format!("unknown task {other:?}"))
        }
    }
}

fn parse_options(args: &[String]) -> Result<Options, String> {
    let mut tool_root = std::env::var_os("BSE_TOOL_ROOT").map(PathBuf::from);
    let mut port = 8080;
    let mut dataset = None;
    let mut rest = Vec::new();
    let mut arg_iter = args.iter();
    while let Some(arg) = arg_iter.next() {
        match arg.as_str() {
            "--tool-root" => {
                let value = arg_iter.next().ok_or("--tool-root needs a folder")?;
                tool_root = Some(PathBuf::from(value));
            }
            "--port" => {
                let value = arg_iter.next().ok_or("--port needs a number")?;
                port = value
                    .parse()
                    .map_err(|_| format!("--port: {value:?} is not a port number"))?;
            }
            "--dataset" => {
                let value = arg_iter.next().ok_or("--dataset needs a file")?;
                dataset = Some(PathBuf::from(value));
            }
            _ => rest.push(arg.clone()),
        }
    }
    let tool_root = match tool_root {
        Some(folder) => folder,
        None => home_dir()?.join(".cache/border-security-explorer/tools"),
    };
    let tool_root = if tool_root.is_absolute() {
        tool_root
    } else {
        std::env::current_dir()
            .map_err(|error| error.to_string())?
            .join(tool_root)
    };
    Ok(Options {
        tool_root,
        port,
        dataset,
        rest,
    })
}

fn home_dir() -> Result<PathBuf, String> {
    std::env::var_os("HOME")
        .map(PathBuf::from)
        .ok_or_else(|| "HOME is not set; pass --tool-root DIR".to_string())
}

/// The repository's root folder (the parent of this crate).
fn project_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from("."))
}
