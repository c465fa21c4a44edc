//! Finds the build and test tools at the versions the project needs, installing what is missing.
//!
//! A tool already at the right version (in the tool root or on PATH) is used as it is. A missing or
//! wrong one is installed into the tool root, which then goes first on PATH for every command run.

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

/// Trunk's version: 0.22 needs a newer rustc than the project's.
pub const TRUNK_VERSION: &str = "0.21.14";
/// binaryen's npm package: Debian's binaryen 108 writes wasm that fails at start-up.
pub const BINARYEN_NPM_VERSION: &str = "132.0.0";
const BINARYEN_MAJOR: &str = "132";
const WASM_TARGET: &str = "wasm32-unknown-unknown";
const CHROMIUM_PATH: &str = "/usr/bin/chromium";

/// The tools found or installed, as a PATH to hand to child processes.
pub struct Toolchain {
    /// Folders to put before the inherited PATH, in order.
    pub path_prefix: Vec<PathBuf>,
}

impl Toolchain {
    /// The PATH value for child processes.
    pub fn path_env(&self) -> OsString {
        let inherited = std::env::var_os("PATH").unwrap_or_default();
        let mut folders: Vec<PathBuf> = self.path_prefix.clone();
        folders.extend(std::env::split_paths(&inherited));
        std::env::join_paths(folders).unwrap_or(inherited)
    }

    /// A command that finds this toolchain's tools first.
    pub fn command(&self, program: &str) -> Command {
        let mut command = Command::new(program);
        command.env("PATH", self.path_env());
        command
    }
}

/// Makes sure the wasm target, trunk, wasm-bindgen and wasm-opt are present at the right versions.
pub fn ensure_build_tools(tool_root: &Path, project_root: &Path) -> Result<Toolchain, String> {
    println!(
        "Tools: looking in {} first, then on PATH.",
        tool_root.display()
    );
    let cargo_bin = tool_root.join("bin");
    let binaryen_bin = tool_root.join("binaryen/node_modules/.bin");
    let toolchain = Toolchain {
        path_prefix: vec![cargo_bin.clone(), binaryen_bin.clone()],
    };

    ensure_wasm_target()?;

    ensure_cargo_tool(
        &toolchain,
        tool_root,
        &CargoTool {
            binary: "trunk",
            version_name: None,
            crate_name: "trunk",
            version: TRUNK_VERSION,
            locked: true,
        },
    )?;

    let wasm_bindgen_version = locked_version(project_root, "wasm-bindgen")?;
    // `--locked` fails for wasm-bindgen-cli: its lock file names a dependency version that is gone.
    ensure_cargo_tool(
        &toolchain,
        tool_root,
        &CargoTool {
            binary: "wasm-bindgen",
            version_name: None,
            crate_name: "wasm-bindgen-cli",
            version: &wasm_bindgen_version,
            locked: false,
        },
    )?;

    ensure_wasm_split(&toolchain, tool_root)?;
    ensure_wasm_opt(&toolchain, tool_root)?;
    ensure_fonts()?;
    Ok(toolchain)
}

/// A font for the link preview image's text (drawn at build time): DejaVu, with apt, where the machine
/// has none.
fn ensure_fonts() -> Result<(), String> {
    if crate::dist::has_system_fonts() {
        return Ok(());
    }
    apt_install(
        &["fonts-dejavu-core"],
        "Installing a font for the link preview image with apt",
    )
}

/// Installs Debian packages with apt (through sudo when not root).
fn apt_install(packages: &[&str], what: &str) -> Result<(), String> {
    let as_root = output_of(Command::new("id").arg("-u")).is_ok_and(|uid| uid.trim() == "0");
    let (program, prefix): (&str, &[&str]) = if as_root {
        ("apt-get", &[])
    } else {
        ("sudo", &["apt-get"])
    };
    timed_step(what, || {
        run_status(Command::new(program).args(prefix).arg("update"))?;
        run_status(
            Command::new(program)
                .args(prefix)
                .args(["install", "-y", "--no-install-recommends"])
                .args(packages)
                .env("DEBIAN_FRONTEND", "noninteractive"),
        )
    })
    .map_err(|error| {
        format!(
            "{error}\nInstall them by hand with: apt-get update && apt-get install -y {}",
            packages.join(" ")
        )
    })
}

/// Makes sure Chromium and the end-to-end test's npm packages are installed.
pub fn ensure_test_tools(toolchain: &Toolchain, project_root: &Path) -> Result<(), String> {
    ensure_chromium()?;
    ensure_npm_packages(toolchain, &project_root.join("end2end"))
}

/// The path of the browser the end-to-end tests drive.
pub fn chromium_path() -> PathBuf {
    std::env::var_os("BSE_CHROMIUM")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(CHROMIUM_PATH))
}

/// A folder in memory (Linux's `/dev/shm`) for the browsers' throwaway profiles, removed when dropped.
///
/// Chromium writes and syncs a new profile as it starts. On disk, right after a fresh release build has
/// written gigabytes, those syncs can queue behind the build's writes: the first pages of a fresh-clone
/// run have waited 20 to 47 s. Playwright and Lighthouse put profiles in the temporary folder, so the
/// commands that start browsers get this one as `TMPDIR`. Where there is no `/dev/shm`, nothing changes.
pub struct BrowserScratchDir(Option<PathBuf>);

impl BrowserScratchDir {
    pub fn create() -> Self {
        static CREATED: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let serial = CREATED.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let in_memory = Path::new("/dev/shm");
        let folder = in_memory.join(format!(
            "border-security-explorer-browsers-{}-{serial}",
            std::process::id()
        ));
        let usable = in_memory.is_dir() && std::fs::create_dir_all(&folder).is_ok();
        Self(usable.then_some(folder))
    }

    /// Sets the command's temporary folder to this one, when there is one.
    pub fn apply(&self, command: &mut Command) {
        if let Some(folder) = &self.0 {
            command.env("TMPDIR", folder);
        }
    }
}

impl Drop for BrowserScratchDir {
    fn drop(&mut self) {
        if let Some(folder) = &self.0 {
            std::fs::remove_dir_all(folder).ok();
        }
    }
}

struct CargoTool<'a> {
    binary: &'a str,
    /// The name the tool gives itself in `--version`, where it differs from its binary's.
    version_name: Option<&'a str>,
    crate_name: &'a str,
    version: &'a str,
    locked: bool,
}

/// twiggy, which sums a wasm's code by function, for `cargo xtask wasm-bytes` and the bench; only
/// those install it. Returns its path.
pub fn ensure_twiggy(toolchain: &Toolchain, tool_root: &Path) -> Result<PathBuf, String> {
    let twiggy = CargoTool {
        binary: "twiggy",
        version_name: Some("twiggy-opt"),
        crate_name: "twiggy",
        version: TWIGGY_VERSION,
        locked: true,
    };
    ensure_cargo_tool(toolchain, tool_root, &twiggy)?;
    let in_root = tool_root.join("bin/twiggy");
    Ok(if in_root.is_file() {
        in_root
    } else {
        find_on_path("twiggy").unwrap_or(in_root)
    })
}

/// twiggy's version, pinned like the other tools.
const TWIGGY_VERSION: &str = "0.8.0";

/// The crate whose `wasm-split-cli` splits the app's wasm at its `wasm_split` functions, as cargo-leptos
/// does; pinned like the other tools, and to the format of the `wasm_split_helpers` in `Cargo.lock`.
const WASM_SPLIT_CRATE: &str = "wasm_split_cli_support";
const WASM_SPLIT_VERSION: &str = "0.2.4";

/// `wasm-split-cli`, for the release build. It has no `--version`, so cargo's own list of what it
/// installed into the tool root says which version is there.
fn ensure_wasm_split(toolchain: &Toolchain, tool_root: &Path) -> Result<(), String> {
    let installed = std::fs::read_to_string(tool_root.join(".crates.toml")).unwrap_or_default();
    if installed.contains(&format!("\"{WASM_SPLIT_CRATE} {WASM_SPLIT_VERSION} ("))
        && tool_root.join("bin/wasm-split-cli").is_file()
    {
        println!(
            "Tools: wasm-split-cli ({WASM_SPLIT_CRATE} {WASM_SPLIT_VERSION}) is in the tool root."
        );
        return Ok(());
    }
    let mut command = toolchain.command("cargo");
    command
        .args(["install", WASM_SPLIT_CRATE, "--version", WASM_SPLIT_VERSION])
        .args([
            "--features",
            "build-binary",
            "--locked",
            "--force",
            "--root",
        ])
        .arg(tool_root);
    timed_step(
        &format!("Installing {WASM_SPLIT_CRATE} {WASM_SPLIT_VERSION} (wasm-split-cli) with cargo"),
        || run_status(&mut command),
    )
}

fn ensure_wasm_target() -> Result<(), String> {
    let installed = output_of(Command::new("rustup").args(["target", "list", "--installed"]))
        .map_err(|error| format!("rustup is needed (install Rust with rustup): {error}"))?;
    if installed.lines().any(|line| line.trim() == WASM_TARGET) {
        println!("Tools: the {WASM_TARGET} target is installed.");
        return Ok(());
    }
    timed_step(
        &format!("Installing the {WASM_TARGET} Rust target with rustup"),
        || run_status(Command::new("rustup").args(["target", "add", WASM_TARGET])),
    )
}

fn ensure_cargo_tool(
    toolchain: &Toolchain,
    tool_root: &Path,
    tool: &CargoTool,
) -> Result<(), String> {
    let wanted = format!(
        "{} {}",
        tool.version_name.unwrap_or(tool.binary),
        tool.version
    );
    let in_root = tool_root.join("bin").join(tool.binary);
    let candidates = [Some(in_root.clone()), find_on_path(tool.binary)];
    for candidate in candidates.iter().flatten() {
        if let Ok(found) = output_of(Command::new(candidate).arg("--version")) {
            if found.trim() == wanted {
                println!("Tools: {wanted} found at {}.", candidate.display());
                return Ok(());
            }
            println!(
                "Tools: {} is {:?}, not {wanted}; installing the right version into the tool root.",
                candidate.display(),
                found.trim()
            );
        }
    }
    let mut command = toolchain.command("cargo");
    command
        .args([
            "install",
            tool.crate_name,
            "--version",
            tool.version,
            "--root",
        ])
        .arg(tool_root)
        .arg("--force");
    if tool.locked {
        command.arg("--locked");
    }
    timed_step(
        &format!(
            "Installing {} {} with cargo (compiles from source: several minutes on two cores)",
            tool.crate_name, tool.version
        ),
        || run_status(&mut command),
    )
}

fn ensure_wasm_opt(toolchain: &Toolchain, tool_root: &Path) -> Result<(), String> {
    let in_root = tool_root.join("binaryen/node_modules/.bin/wasm-opt");
    for candidate in [Some(in_root), find_on_path("wasm-opt")].iter().flatten() {
        if let Ok(found) = output_of(Command::new(candidate).arg("--version")) {
            // wasm-opt prints "wasm-opt version 132 (version_132)".
            let major = found.split_whitespace().nth(2).unwrap_or("");
            if major == BINARYEN_MAJOR {
                println!(
                    "Tools: wasm-opt version {major} found at {}.",
                    candidate.display()
                );
                return Ok(());
            }
            println!(
                "Tools: {} is version {major:?}, not {BINARYEN_MAJOR}; installing binaryen from npm into the tool root.",
                candidate.display()
            );
        }
    }
    npm_install_into(
        toolchain,
        &tool_root.join("binaryen"),
        &format!("binaryen@{BINARYEN_NPM_VERSION}"),
        &format!("Installing wasm-opt (binaryen {BINARYEN_NPM_VERSION}) with npm"),
    )
}

/// Installs one npm package (`name@version`) into its own folder, `prefix`, with a timed step.
fn npm_install_into(
    toolchain: &Toolchain,
    prefix: &Path,
    package: &str,
    what: &str,
) -> Result<(), String> {
    std::fs::create_dir_all(prefix)
        .map_err(|error| format!("creating {}: {error}", prefix.display()))?;
    let mut command = toolchain.command("npm");
    command
        .args(["install", "--no-audit", "--no-fund", "--prefix"])
        .arg(prefix)
        .arg(package);
    timed_step(what, || run_status(&mut command))
}

/// Lighthouse for `cargo xtask bench` (the 12 series: 13 needs a newer Node than the one here).
const LIGHTHOUSE_NPM_VERSION: &str = "12.8.2";

/// Installs Lighthouse from npm into the tool root if it is not there; returns its command-line script.
/// Only the benchmark uses it, so `cargo xtask test` never pays for the download.
pub fn ensure_lighthouse(toolchain: &Toolchain, tool_root: &Path) -> Result<PathBuf, String> {
    let prefix = tool_root.join(format!("lighthouse-{LIGHTHOUSE_NPM_VERSION}"));
    let script = prefix.join("node_modules/lighthouse/cli/index.js");
    if script.exists() {
        return Ok(script);
    }
    npm_install_into(
        toolchain,
        &prefix,
        &format!("lighthouse@{LIGHTHOUSE_NPM_VERSION}"),
        &format!("Installing Lighthouse {LIGHTHOUSE_NPM_VERSION} with npm"),
    )?;
    Ok(script)
}

/// Chromium's British English language pack: with it a browser started in en-GB orders a date box's
/// fields dd/mm/yyyy, as the typed-date browser tests need (`chromium-l10n`).
const CHROMIUM_EN_GB_PACK: &str = "/usr/lib/chromium/locales/en-GB.pak";

/// The system's Python, which reads the data pack with Debian's pandas (`python3-pandas`) in the tests.
pub const SYSTEM_PYTHON: &str = "/usr/bin/python3";

/// Poppler's `pdftotext`, which reads back the pages of the Briefing printed to PDF in the browser tests.
const PDFTOTEXT: &str = "/usr/bin/pdftotext";

/// Whether the system's Python can import pandas.
fn has_pandas() -> bool {
    Command::new(SYSTEM_PYTHON)
        .args(["-c", "import pandas"])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .is_ok_and(|status| status.success())
}

fn ensure_chromium() -> Result<(), String> {
    let chromium = chromium_path();
    if chromium.exists()
        && Path::new("/usr/bin/chromedriver").exists()
        && Path::new(CHROMIUM_EN_GB_PACK).exists()
        && Path::new(PDFTOTEXT).exists()
        && has_pandas()
    {
        println!(
            "Tools: Chromium found at {}; pandas found.",
            chromium.display()
        );
        return Ok(());
    }
    apt_install(
        &[
            "chromium",
            "chromium-driver",
            "chromium-l10n",
            "python3-pandas",
            "poppler-utils",
        ],
        "Installing Chromium, ChromeDriver, Chromium's language packs, pandas and poppler-utils with apt",
    )
}

fn ensure_npm_packages(toolchain: &Toolchain, end2end: &Path) -> Result<(), String> {
    let lock = std::fs::read(end2end.join("package-lock.json"))
        .map_err(|error| format!("reading end2end/package-lock.json: {error}"))?;
    let stamp_path = end2end.join("node_modules/.bse-lock-sha256");
    let lock_hash = border_security_explorer::data::fingerprint(&lock);
    if std::fs::read_to_string(&stamp_path).is_ok_and(|stamp| stamp.trim() == lock_hash) {
        println!("Tools: end2end npm packages are installed and match package-lock.json.");
        return Ok(());
    }
    let mut command = toolchain.command("npm");
    command
        .args(["ci", "--no-audit", "--no-fund"])
        .current_dir(end2end);
    timed_step(
        "Installing the end-to-end test packages with npm ci",
        || run_status(&mut command),
    )?;
    std::fs::write(&stamp_path, lock_hash)
        .map_err(|error| format!("writing {}: {error}", stamp_path.display()))
}

/// `bytes` gzip-compressed at `level`: for the offline file, the size report and the test server.
pub fn gzip(bytes: &[u8], level: flate2::Compression) -> std::io::Result<Vec<u8>> {
    use std::io::Write as _;
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), level);
    encoder.write_all(bytes)?;
    encoder.finish()
}

/// The size of `bytes` gzip-compressed at the best level: how the bench and the wasm budget measure.
pub fn gzip_len(bytes: &[u8]) -> Result<u64, String> {
    gzip(bytes, flate2::Compression::best())
        .map(|compressed| compressed.len() as u64)
        .map_err(|error| error.to_string())
}

/// Brotli at its best quality (11) and a 4 MB window, as a static host precompresses.
pub fn brotli(bytes: &[u8]) -> std::io::Result<Vec<u8>> {
    use std::io::Write as _;
    let mut compressed = Vec::new();
    {
        let mut writer = brotli::CompressorWriter::new(&mut compressed, 64 * 1024, 11, 22);
        writer.write_all(bytes)?;
        writer.flush()?;
    }
    Ok(compressed)
}

/// The version of `package` recorded in the project's Cargo.lock.
fn locked_version(project_root: &Path, package: &str) -> Result<String, String> {
    #[derive(serde::Deserialize)]
    struct LockFile {
        package: Vec<LockedPackage>,
    }
    #[derive(serde::Deserialize)]
    struct LockedPackage {
        name: String,
        version: String,
    }
    let lock_path = project_root.join("Cargo.lock");
    let text = std::fs::read_to_string(&lock_path).map_err(|error| {
        format!(
            "reading {}: {error} (run `cargo generate-lockfile`)",
            lock_path.display()
        )
    })?;
    let lock: LockFile =
        toml::from_str(&text).map_err(|error| format!("reading Cargo.lock: {error}"))?;
    lock.package
        .into_iter()
        .find(|locked| locked.name == package)
        .map(|locked| locked.version)
        .ok_or_else(|| format!("Cargo.lock has no {package} package"))
}

fn find_on_path(binary: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|folder| folder.join(binary))
        .find(|candidate| candidate.is_file())
}

/// Runs one install step, saying what it does and how long it took.
pub fn timed_step(what: &str, step: impl FnOnce() -> Result<(), String>) -> Result<(), String> {
    println!("==> {what}…");
    let started = Instant::now();
    let result = step();
    let seconds = started.elapsed().as_secs_f64();
    match &result {
        Ok(()) => println!("==> done in {seconds:.0} s: {what}"),
        Err(_) => println!("==> failed after {seconds:.0} s: {what}"),
    }
    result
}

/// Runs a command with inherited output; an error names the command and its exit status.
pub fn run_status(command: &mut Command) -> Result<(), String> {
    let status = command
        .status()
        .map_err(|error| format!("could not start {:?}: {error}", command.get_program()))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!(
            "{} failed with {status}",
            describe_command(command)
        ))
    }
}

pub fn output_of(command: &mut Command) -> Result<String, String> {
    let output = command
        .output()
        .map_err(|error| format!("could not start {:?}: {error}", command.get_program()))?;
    if output.status.success() {
        Ok(String::from_utf8_lossy(&output.stdout).into_owned())
    } else {
        Err(format!(
            "{} failed with {}",
            describe_command(command),
            output.status
        ))
    }
}

fn describe_command(command: &Command) -> String {
    let mut words = vec![command.get_program().to_string_lossy().into_owned()];
    words.extend(
        command
            .get_args()
            .map(|arg| arg.to_string_lossy().into_owned()),
    );
    format!("`{}`", words.join(" "))
}
