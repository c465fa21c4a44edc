//! The release build: Trunk's static website in `dist/`, then the offline edition bundled into one HTML file.
//!
//! One file per job: `prerender` writes the Briefing as the app first draws it and `shell` puts it into the page, `csp` the hosted page's
//! Content-Security-Policy, `service_worker` the offline cache, and `offline` the single-file edition
//! (Trunk's `index.html` rewritten with lol_html: the stylesheet becomes a `<style>` block, the preload
//! links go, Trunk's loader is replaced by one inline module holding the wasm-bindgen glue and the wasm,
//! and the dataset is added as a JSON script block, each allowed by hash), and `reader` the dataset
//! reader's own wasm, which both editions name for the app to check datasets with.

mod csp;
mod offline;
mod prerender;
mod preview;
mod reader;
mod service_worker;
mod shell;
mod split;

use std::fs;
use std::path::Path;

use border_security_explorer::page::{
    CHECKED_DATASET_ELEMENT_ID, EMBED_FILE_NAME, INLINE_DATASET_ELEMENT_ID, READER_ELEMENT_ID,
    SERVICE_WORKER_FILE_NAME,
};

use crate::tools::{run_status, timed_step, Toolchain};

use csp::add_hosted_csp;
use offline::{bundle_offline, inline_stylesheets};
pub use preview::has_system_fonts;
use reader::{
    build_reader, inline_gzip_block, with_checked_dataset_and_reader, write_checked_dataset,
};
pub use reader::{CHECKED_DATASET_PREFIX, READER_FILE_PREFIX};
use service_worker::service_worker_script;
use shell::add_static_shell;
pub use split::PART_FILE_PREFIX;
#[cfg(test)]
use {csp::*, offline::*, split::*};

/// The hosted page without Trunk's preload of the wasm: the page's answer is in its HTML, so the wasm
/// is fetched when the app's loader asks for it, after the page has painted, rather than competing with
/// that paint (Lighthouse then also counts the paint as the largest, at its own time, instead of after
/// the wasm's download).
fn without_wasm_preload(html: &str) -> Result<String, String> {
    lol_html::rewrite_str(
        html,
        lol_html::RewriteStrSettings {
            element_content_handlers: vec![lol_html::element!(
                "link[rel=preload][href$='.wasm']",
                |link| {
                    link.remove();
                    Ok(())
                }
            )],
            ..lol_html::RewriteStrSettings::new()
        },
    )
    .map_err(|error| format!("removing the wasm preload from dist/index.html: {error}"))
}

/// What the hosted page's loader waits for before it fetches the wasm: a frame drawn (at once in a tab
/// not shown, which draws none).
const WAIT_FOR_FIRST_PAINT: &str = "await new Promise((drawn) => document.hidden ? drawn() : requestAnimationFrame(() => setTimeout(drawn, 0)));\n";

/// The hosted page with Trunk's loader fetching the wasm only once the browser has drawn the page. The
/// loader runs when the HTML has been read, which can be before the first paint: a download started
/// then competes with that paint, and Lighthouse, seeing it start before the largest paint, counts the
/// wasm's download in that paint's time (2.6 s instead of 1.0 s in two of five runs).
fn loader_after_first_paint(html: &str) -> Result<String, String> {
    at_start_of_loader(html, &format!("\n{WAIT_FOR_FIRST_PAINT}"))
}

/// The page with `text` at the start of Trunk's loader (its one inline module script, which must still
/// call `await init(`), where the hosted page adds what runs before the wasm is fetched.
fn at_start_of_loader(html: &str, text: &str) -> Result<String, String> {
    const LOADER_START: &str = "<script type=\"module\">";
    let mut loaders = html.match_indices(LOADER_START);
    let (Some((loader_at, _)), None) = (loaders.next(), loaders.next()) else {
        return Err(format!(
            "expected one {LOADER_START} (Trunk's loader) in dist/index.html, found {}",
            html.matches(LOADER_START).count()
        ));
    };
    if !html[loader_at..].contains("await init(") {
        return Err("Trunk's loader in dist/index.html no longer calls `await init(`".to_string());
    }
    let body_at = loader_at + LOADER_START.len();
    Ok([&html[..body_at], text, &html[body_at..]].concat())
}

/// The offline edition's file name inside `dist/`.
pub const OFFLINE_FILE_NAME: &str = "briefing-explorer.html";

/// Builds the static website with Trunk and writes the offline edition beside it.
pub fn build_dist(project_root: &Path, toolchain: &Toolchain) -> Result<(), String> {
    let mut trunk = toolchain.command("trunk");
    trunk
        .args(["build", "--release", "--offline"])
        .env("BSE_BUILD_DATE", today_utc())
        .current_dir(project_root);
    timed_step("Building the release site with trunk --offline", || {
        run_status(&mut trunk)
    })?;
    let dist = project_root.join("dist");
    let wasm_opt = reader::WasmOpt::from_index_html(project_root)?;
    let split_app = split::split_app(project_root, toolchain, &wasm_opt, &dist)?;
    let reader = build_reader(project_root, toolchain, &wasm_opt, &dist)?;
    let dataset_path = dist.join("data/dataset.json");
    let dataset_bytes = fs::read(&dataset_path)
        .map_err(|error| format!("reading {}: {error}", dataset_path.display()))?;
    let dataset =
        border_security_explorer::data::parse_dataset(&dataset_bytes).map_err(|problems| {
            let listed: Vec<String> = problems.iter().map(ToString::to_string).collect();
            format!(
                "the bundled dataset has problems:\n  {}",
                listed.join("\n  ")
            )
        })?;
    let checked_dataset = write_checked_dataset(&dist, &dataset_bytes)?;
    let trunk_html = fs::read_to_string(dist.join("index.html"))
        .map_err(|error| format!("reading dist/index.html: {error}"))?;
    let index_html = add_static_shell(&trunk_html, &dataset)?;
    let read_asset = |relative: &str| {
        let path = dist.join(relative.trim_start_matches("./"));
        fs::read(&path).map_err(|error| format!("reading {}: {error}", path.display()))
    };
    // Both editions start from the page with its styles inline.
    let styled = inline_stylesheets(&index_html, read_asset)?;
    let offline_html = bundle_offline(
        &styled,
        &[
            // The dataset file's exact bytes, for the data pack; compressed, it is a fifth of its text.
            inline_gzip_block(INLINE_DATASET_ELEMENT_ID, &dataset_bytes)?,
            inline_gzip_block(CHECKED_DATASET_ELEMENT_ID, &checked_dataset.bytes)?,
            inline_gzip_block(READER_ELEMENT_ID, &reader.bytes)?,
        ]
        .concat(),
        Some(&split_app),
        read_asset,
    )?;
    // Where the site's link is pasted, it shows the latest answer and the key chart.
    let preview = border_security_explorer::view_model::link_preview(&dataset);
    let mut preview_png = Vec::new();
    timed_step("Drawing the link preview image (resvg)", || {
        preview_png = preview::preview_png(&preview.image.svg)?;
        Ok(())
    })?;
    fs::write(dist.join(preview::PREVIEW_FILE_NAME), preview_png)
        .map_err(|error| format!("writing dist/{}: {error}", preview::PREVIEW_FILE_NAME))?;
    let site_url = preview::public_site_url();
    let with_tags = preview::add_preview_tags(
        &with_checked_dataset_and_reader(
            &split::preload_parts_of_linked_view(
                &loader_after_first_paint(&without_wasm_preload(&styled.html)?)?,
                &split_app.parts_by_view(),
            )?,
            &checked_dataset.relative,
            &reader.relative,
        )?,
        &preview::preview_tags(&preview, site_url.as_deref()),
    )?;
    let hosted_html = add_hosted_csp(&with_tags, &styled.css)?;
    // The embed page: the same app, which draws one view's chart alone there; without the prerendered
    // Briefing, for other sites to frame (docs/HOSTING.md gives the headers that allow it).
    let embed_styled = inline_stylesheets(&trunk_html, read_asset)?;
    // Its code is a part of its own, preloaded with the first module.
    let embed_html = add_hosted_csp(
        &with_checked_dataset_and_reader(
            &split::preload_parts(
                &without_wasm_preload(&embed_styled.html)?,
                split_app.parts_of(split::EMBED_PAGE_SPLIT)?,
            )?,
            &checked_dataset.relative,
            &reader.relative,
        )?,
        &embed_styled.css,
    )?;
    fs::write(dist.join(EMBED_FILE_NAME), embed_html)
        .map_err(|error| format!("writing dist/{EMBED_FILE_NAME}: {error}"))?;
    fs::write(dist.join("index.html"), &hosted_html)
        .map_err(|error| format!("writing dist/index.html: {error}"))?;
    // The styles are in the page now; the stylesheet file would only be downloaded by the service worker.
    for href in &styled.stylesheet_hrefs {
        let path = dist.join(href.trim_start_matches("./"));
        fs::remove_file(&path).map_err(|error| format!("removing {}: {error}", path.display()))?;
    }
    let service_worker = service_worker_script(&dist)?;
    fs::write(dist.join(SERVICE_WORKER_FILE_NAME), service_worker)
        .map_err(|error| format!("writing dist/{SERVICE_WORKER_FILE_NAME}: {error}"))?;
    let offline_path = dist.join(OFFLINE_FILE_NAME);
    fs::write(&offline_path, &offline_html)
        .map_err(|error| format!("writing {}: {error}", offline_path.display()))?;
    println!(
        "Built dist/ (the static website) and dist/{OFFLINE_FILE_NAME} (the offline edition, {} bytes).",
        offline_html.len()
    );
    Ok(())
}

/// Today's date in UTC as `YYYY-MM-DD`, for the app's "built on" line and the dataset's changelog.
pub fn today_utc() -> String {
    today_utc_date()
        .map(|date| date.format("%Y-%m-%d").to_string())
        .unwrap_or_default()
}

/// Today's date in UTC, by the system clock.
pub fn today_utc_date() -> Option<chrono::NaiveDate> {
    let days_since_epoch = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|elapsed| elapsed.as_secs() / 86_400)
        .unwrap_or(0);
    chrono::NaiveDate::from_ymd_opt(1970, 1, 1)
        .and_then(|epoch| epoch.checked_add_days(chrono::Days::new(days_since_epoch)))
}

#[cfg(test)]
mod tests;
