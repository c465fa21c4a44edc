//! The dataset reader's WebAssembly (`reader/`): built for the browser, shrunk as the app is, named by its hash, and named in the page.

use std::path::Path;

use lol_html::html_content::ContentType;
use lol_html::{element, rewrite_str, RewriteStrSettings};

use border_security_explorer::page::READER_ELEMENT_ID;

use crate::tools::{run_status, timed_step, Toolchain};

/// The reader as the site serves it.
pub(super) struct BuiltReader {
    /// Its file name in `dist/`: `reader-` and the start of its SHA-256, so a page only ever meets the
    /// reader of its own build (the handover between them has no versions).
    pub file_name: String,
    pub bytes: Vec<u8>,
}

/// The start of the reader's file name; the app's own wasm is the other `.wasm` in `dist/`.
pub const READER_FILE_PREFIX: &str = "reader-";

/// Builds the reader with cargo for the browser, runs wasm-opt on it with the app's own passes (the
/// `data-wasm-opt-params` of `index.html`), and writes it into `dist/`.
pub(super) fn build_reader(
    project_root: &Path,
    toolchain: &Toolchain,
    dist: &Path,
) -> Result<BuiltReader, String> {
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
    let index_html = std::fs::read_to_string(project_root.join("index.html"))
        .map_err(|error| format!("reading index.html: {error}"))?;
    let (level, params) = wasm_opt_settings(&index_html)?;
    let mut wasm_opt = toolchain.command("wasm-opt");
    wasm_opt
        .arg(format!("-O{level}"))
        .args(params.split_whitespace())
        .arg(&bound)
        .arg("-o")
        .arg(&shrunk);
    timed_step("Shrinking the dataset reader with wasm-opt", || {
        run_status(&mut wasm_opt)
    })?;
    let bytes =
        std::fs::read(&shrunk).map_err(|error| format!("reading {}: {error}", shrunk.display()))?;
    let hash = border_security_explorer::data::fingerprint(&bytes);
    let file_name = format!("{READER_FILE_PREFIX}{}.wasm", &hash[..16]);
    std::fs::write(dist.join(&file_name), &bytes)
        .map_err(|error| format!("writing dist/{file_name}: {error}"))?;
    Ok(BuiltReader { file_name, bytes })
}

/// The wasm-opt level and options `index.html` gives the app's wasm (`data-wasm-opt`, `data-wasm-opt-params`).
pub(super) fn wasm_opt_settings(index_html: &str) -> Result<(String, String), String> {
    let found = std::cell::RefCell::new(None);
    rewrite_str(
        index_html,
        RewriteStrSettings {
            element_content_handlers: vec![element!("link[data-trunk][rel=rust]", |link| {
                *found.borrow_mut() = Some((
                    link.get_attribute("data-wasm-opt").unwrap_or_default(),
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
            "index.html has no <link data-trunk rel=\"rust\" data-wasm-opt=…>".to_string()
        })
}

/// The hosted page (and the embed page) with a preload link to the reader in its head: the app starts
/// the check of the bundled dataset as soon as it runs, so the reader is fetched beside the app's code.
pub(super) fn with_reader_link(html: &str, reader_file_name: &str) -> Result<String, String> {
    rewrite_str(
        html,
        RewriteStrSettings {
            element_content_handlers: vec![element!("head", |head| {
                head.append(
                    &format!(
                        "<link rel=\"preload\" id=\"{READER_ELEMENT_ID}\" href=\"./{reader_file_name}\" as=\"fetch\" crossorigin=\"anonymous\">"
                    ),
                    ContentType::Html,
                );
                Ok(())
            })],
            ..RewriteStrSettings::new()
        },
    )
    .map_err(|error| format!("adding the dataset reader's link: {error}"))
}

/// The reader inside the offline edition: its bytes gzip-compressed (as the app's module travels there)
/// in base64, in a data block the app decodes when it first checks a dataset.
pub(super) fn inline_reader_block(reader_bytes: &[u8]) -> Result<String, String> {
    use base64::Engine as _;
    let compressed =
        crate::tools::gzip(reader_bytes, flate2::Compression::best()).map_err(|error| {
            format!("could not compress the dataset reader for the offline file: {error}")
        })?;
    Ok(format!(
        "<script type=\"application/gzip\" id=\"{READER_ELEMENT_ID}\">{}</script>",
        base64::engine::general_purpose::STANDARD.encode(compressed)
    ))
}
