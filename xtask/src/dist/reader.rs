//! The dataset reader at build time and in the page: its WebAssembly (`reader/`) built for the browser, shrunk as the app is and named by its hash, and the bundled dataset as the reader hands it over, made here so both editions start without the reader.

use std::path::Path;

use lol_html::html_content::ContentType;
use lol_html::{element, rewrite_str, RewriteStrSettings};

use border_security_explorer::data::handover::check_file_to_handover;
use border_security_explorer::page::{CHECKED_DATASET_ELEMENT_ID, READER_ELEMENT_ID};

use crate::tools::{run_status, timed_step, Toolchain};

/// A file the build wrote into `dist/` under a name that ends in the start of its SHA-256, so a page only
/// ever meets the reader and the checked dataset of its own build (the handover has no versions).
pub(super) struct HashedFile {
    /// Its path relative to `dist/`.
    pub relative: String,
    pub bytes: Vec<u8>,
}

/// Writes `bytes` into `dist/` as `{folder}{prefix}{hash}.{extension}`, the hash the first 16 hex digits
/// of their SHA-256.
pub(super) fn write_named_by_hash(
    dist: &Path,
    folder: &str,
    prefix: &str,
    extension: &str,
    bytes: Vec<u8>,
) -> Result<HashedFile, String> {
    let hash = border_security_explorer::data::fingerprint(&bytes);
    let relative = format!("{folder}{prefix}{}.{extension}", &hash[..16]);
    std::fs::write(dist.join(&relative), &bytes)
        .map_err(|error| format!("writing dist/{relative}: {error}"))?;
    Ok(HashedFile { relative, bytes })
}

/// The start of the reader's file name; the app's own wasm is the other `.wasm` in `dist/`.
pub const READER_FILE_PREFIX: &str = "reader-";

/// Builds the reader with cargo for the browser, runs wasm-opt on it with the app's own passes (the
/// `data-wasm-opt-params` of `index.html`), and writes it into `dist/`.
pub(super) fn build_reader(
    project_root: &Path,
    toolchain: &Toolchain,
    wasm_opt: &WasmOpt,
    dist: &Path,
) -> Result<HashedFile, String> {
    let mut cargo = toolchain.command("cargo");
    cargo
        .args(["build", "--release", "--target", "wasm32-unknown-unknown"])
        .args(["--package", "border-security-reader"])
        .current_dir(project_root);
    timed_step("Building the dataset reader's wasm with cargo", || {
        run_status(&mut cargo)
    })?;
    let built =
        project_root.join("target/wasm32-unknown-unknown/release/border_security_reader.wasm");
    // wasm-bindgen, as Trunk runs it on the app: the core's dependencies (plotters, zip) bring
    // wasm-bindgen's descriptions of their browser bindings, which it removes with the imports nothing
    // calls. Its JavaScript is not used: the reader is called through its three plain exports.
    let bindgen_dir = project_root.join("target/reader-bindgen");
    let mut bindgen = toolchain.command("wasm-bindgen");
    bindgen
        .args(["--target", "web", "--no-typescript", "--out-dir"])
        .arg(&bindgen_dir)
        .arg(&built);
    timed_step(
        "Removing wasm-bindgen's descriptions from the dataset reader",
        || run_status(&mut bindgen),
    )?;
    let bound = bindgen_dir.join("border_security_reader_bg.wasm");
    let shrunk = bindgen_dir.join("reader.wasm");
    timed_step("Shrinking the dataset reader with wasm-opt", || {
        wasm_opt.shrink(toolchain, &bound, &shrunk)
    })?;
    let bytes =
        std::fs::read(&shrunk).map_err(|error| format!("reading {}: {error}", shrunk.display()))?;
    write_named_by_hash(dist, "", READER_FILE_PREFIX, "wasm", bytes)
}

/// wasm-opt as the build runs it on every wasm it ships (the app's first module, its parts, the reader),
/// at the level and with the passes `index.html` gives.
pub(super) struct WasmOpt {
    level: String,
    params: String,
}

impl WasmOpt {
    /// The settings of the project's `index.html`.
    pub(super) fn from_index_html(project_root: &Path) -> Result<Self, String> {
        let index_html = std::fs::read_to_string(project_root.join("index.html"))
            .map_err(|error| format!("reading index.html: {error}"))?;
        let (level, params) = wasm_opt_settings(&index_html)?;
        Ok(Self { level, params })
    }

    /// Writes `from` shrunk to `to`.
    pub(super) fn shrink(
        &self,
        toolchain: &Toolchain,
        from: &Path,
        to: &Path,
    ) -> Result<(), String> {
        let mut wasm_opt = toolchain.command("wasm-opt");
        wasm_opt
            .arg(format!("-O{}", self.level))
            .args(self.params.split_whitespace())
            .arg(from)
            .arg("-o")
            .arg(to);
        run_status(&mut wasm_opt)
    }
}

/// The wasm-opt level and options `index.html` gives the app's wasm (`data-bse-wasm-opt`, `data-wasm-opt-params`):
/// the build runs wasm-opt itself, after the split (Trunk's own run is off).
pub(super) fn wasm_opt_settings(index_html: &str) -> Result<(String, String), String> {
    let found = std::cell::RefCell::new(None);
    rewrite_str(
        index_html,
        RewriteStrSettings {
            element_content_handlers: vec![element!("link[data-trunk][rel=rust]", |link| {
                *found.borrow_mut() = Some((
                    link.get_attribute("data-bse-wasm-opt").unwrap_or_default(),
                    link.get_attribute("data-wasm-opt-params")
                        .unwrap_or_default(),
                ));
                Ok(())
            })],
            ..RewriteStrSettings::new()
        },
    )
    .map_err(|error| format!("reading index.html: {error}"))?;
    found
        .into_inner()
        .filter(|(level, _)| !level.is_empty())
        .ok_or_else(|| {
            "index.html has no <link data-trunk rel=\"rust\" data-bse-wasm-opt=…>".to_string()
        })
}

/// The bundled dataset checked and encoded as the reader hands it over (`data::handover`), written into
/// `dist/data/` under a name made from its hash (the offline edition carries the same bytes inline). The
/// page decodes it and needs neither the JSON nor the reader to start.
pub(super) fn write_checked_dataset(
    dist: &Path,
    dataset_bytes: &[u8],
) -> Result<HashedFile, String> {
    write_named_by_hash(
        dist,
        "data/",
        CHECKED_DATASET_PREFIX,
        "bin",
        check_file_to_handover(dataset_bytes),
    )
}

/// The start of the checked dataset's file name in `dist/data/`.
pub const CHECKED_DATASET_PREFIX: &str = "checked-";

/// The hosted page (and the embed page) with, in its head, a preload of the checked dataset in place of
/// the dataset file's (the page starts from the checked one), and the reader's address, fetched only
/// when a person first opens a file.
pub(super) fn with_checked_dataset_and_reader(
    html: &str,
    checked_dataset: &str,
    reader_file_name: &str,
) -> Result<String, String> {
    rewrite_str(
        html,
        RewriteStrSettings {
            element_content_handlers: vec![
                element!("link[rel=preload][href$='dataset.json']", |link| {
                    link.remove();
                    Ok(())
                }),
                element!("head", |head| {
                    head.append(
                        &format!(
                            "<link rel=\"preload\" id=\"{CHECKED_DATASET_ELEMENT_ID}\" href=\"./{checked_dataset}\" as=\"fetch\" crossorigin=\"anonymous\">\
                             <meta name=\"{READER_ELEMENT_ID}\" id=\"{READER_ELEMENT_ID}\" content=\"./{reader_file_name}\">"
                        ),
                        ContentType::Html,
                    );
                    Ok(())
                }),
            ],
            ..RewriteStrSettings::new()
        },
    )
    .map_err(|error| format!("adding the checked dataset and the reader to the page: {error}"))
}

/// A file inside the offline edition: its bytes gzip-compressed (as the app's module travels there) in
/// base64, in a data block with `element_id` that the app decodes when it needs them (the checked
/// dataset as it starts, the reader when a person opens a file).
pub(super) fn inline_gzip_block(element_id: &str, bytes: &[u8]) -> Result<String, String> {
    use base64::Engine as _;
    let compressed = crate::tools::gzip(bytes, flate2::Compression::best()).map_err(|error| {
        format!("could not compress {element_id} for the offline file: {error}")
    })?;
    Ok(format!(
        "<script type=\"application/gzip\" id=\"{element_id}\">{}</script>",
        base64::engine::general_purpose::STANDARD.encode(compressed)
    ))
}
