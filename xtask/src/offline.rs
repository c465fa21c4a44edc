//! The release build: Trunk's static website in `dist/`, then the offline edition bundled into one HTML file.
//!
//! The offline edition is Trunk's `index.html` rewritten with an HTML rewriter (lol_html): the
//! stylesheet becomes a `<style>` block, the preload links go, Trunk's loader script is replaced by one
//! inline module holding the wasm-bindgen glue and the wasm as base64, and the dataset is added as a
//! JSON script block. A Content-Security-Policy meta tag allows exactly those inline blocks by hash.

use std::cell::RefCell;
use std::fs;
use std::path::Path;

use base64::Engine as _;
use lol_html::html_content::ContentType;
use lol_html::{element, rewrite_str, RewriteStrSettings};
use sha2::Digest as _;

use border_security_explorer::page::{
    INLINE_DATASET_ELEMENT_ID, SERVICE_WORKER_FILE_NAME, STATIC_SHELL_ELEMENT_ID,
};

use crate::tools::{run_status, timed_step, Toolchain};

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
    let index_html = fs::read_to_string(dist.join("index.html"))
        .map_err(|error| format!("reading dist/index.html: {error}"))?;
    let index_html = add_static_shell(&index_html, &dataset)?;
    let read_asset = |relative: &str| {
        let path = dist.join(relative.trim_start_matches("./"));
        fs::read(&path).map_err(|error| format!("reading {}: {error}", path.display()))
    };
    // Both editions start from the page with its styles inline.
    let styled = inline_stylesheets(&index_html, read_asset)?;
    let offline_html = bundle_offline(&styled, &dataset_bytes, read_asset)?;
    let hosted_html = add_hosted_csp(&styled.html, &styled.css)?;
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

/// Today's date in UTC as `YYYY-MM-DD`, for the app's "built on" line.
fn today_utc() -> String {
    let days_since_epoch = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|elapsed| elapsed.as_secs() / 86_400)
        .unwrap_or(0);
    chrono::NaiveDate::from_ymd_opt(1970, 1, 1)
        .and_then(|epoch| epoch.checked_add_days(chrono::Days::new(days_since_epoch)))
        .map(|date| date.format("%Y-%m-%d").to_string())
        .unwrap_or_default()
}

/// Puts a static copy of the page's header, the bundled dataset's title and its as-of line at the top of
/// `<body>`, laid out exactly as the app draws them, so people see them while the app loads; the app
/// removes it once the dataset is in, and the stylesheet hides the app's own elements until then. The
/// title is data, so lol_html writes it as escaped text.
fn add_static_shell(
    index_html: &str,
    dataset: &border_security_explorer::data::Dataset,
) -> Result<String, String> {
    use border_security_explorer::dates::day_month_year;
    let title = dataset.title.clone();
    let as_of_line = format!(
        "Data as at {} · crossings to {} (provisional)",
        day_month_year(dataset.as_of),
        day_month_year(dataset.crossings.daily.info.as_of)
    );
    rewrite_str(
        index_html,
        RewriteStrSettings {
            element_content_handlers: vec![element!("body", move |body| {
                // Each prepend goes before the last, so the pieces are given last first.
                body.prepend(
                    "</p><div role=\"status\"><p class=\"loading\">Loading the explorer…</p>\
                     <p class=\"loading-slow\">The explorer has still not started. If this stays, reload the \
                     page; if it still does not start, this browser may be blocking JavaScript or WebAssembly, \
                     which the explorer needs.</p></div></main></div>",
                    ContentType::Html,
                );
                body.prepend(&as_of_line, ContentType::Text);
                body.prepend("</h1><p class=\"as-of\">", ContentType::Html);
                body.prepend(&title, ContentType::Text);
                body.prepend(
                    &format!(
                        "<div id=\"{STATIC_SHELL_ELEMENT_ID}\"><header class=\"site-header\"><div class=\"site-header__inner\">\
                         <span class=\"site-header__name\">Border Security Briefing Explorer</span></div></header>\
                         <main class=\"page\"><h1>"
                    ),
                    ContentType::Html,
                );
                Ok(())
            })],
            ..RewriteStrSettings::new()
        },
    )
    .map_err(|error| format!("adding the static header to dist/index.html: {error}"))
}

/// The hosted site's policy: scripts only from the site itself or inline by hash, wasm compilation, and
/// connections to the site's own origin only. `frame-ancestors` needs a header (see docs/HOSTING.md).
pub fn hosted_csp(inline_script_hashes: &[String], inline_style_hash: &str) -> String {
    let hashes: Vec<String> = inline_script_hashes
        .iter()
        .map(|hash| format!("'{hash}'"))
        .collect();
    format!(
        "default-src 'none'; script-src 'self' {} 'wasm-unsafe-eval'; style-src '{inline_style_hash}'; img-src 'self' data: blob:; \
         connect-src 'self'; worker-src 'self' blob:; manifest-src 'self'; base-uri 'none'; form-action 'none'; object-src 'none'",
        hashes.join(" ")
    )
}

/// Adds the hosted Content-Security-Policy to the page, allowing its inline loader and its inline
/// styles (`css`, as `inline_stylesheets` wrote them) by hash.
fn add_hosted_csp(index_html: &str, css: &str) -> Result<String, String> {
    let hashes: Vec<String> = inline_script_texts(index_html)?
        .iter()
        .map(|text| csp_hash(text))
        .collect();
    let csp = hosted_csp(&hashes, &csp_hash(css));
    rewrite_str(
        index_html,
        RewriteStrSettings {
            element_content_handlers: vec![element!("head", move |head| {
                head.prepend(
                    &format!("<meta http-equiv=\"Content-Security-Policy\" content=\"{csp}\">"),
                    ContentType::Html,
                );
                Ok(())
            })],
            ..RewriteStrSettings::new()
        },
    )
    .map_err(|error| format!("adding the CSP to dist/index.html: {error}"))
}

/// A service worker for the hosted site: it caches this build's files under a name made from their
/// hashes, serves from that cache first, and deletes other builds' caches when it takes over, so a page
/// never mixes files of two releases.
fn service_worker_script(dist: &Path) -> Result<String, String> {
    let mut files = Vec::new();
    collect_files(dist, dist, &mut files)?;
    files.retain(|relative| relative != SERVICE_WORKER_FILE_NAME && relative != OFFLINE_FILE_NAME);
    files.sort();
    let mut version_input = Vec::new();
    for relative in &files {
        version_input.extend_from_slice(relative.as_bytes());
        version_input.extend(
            fs::read(dist.join(relative))
                .map_err(|error| format!("reading {relative}: {error}"))?,
        );
    }
    let version = border_security_explorer::data::fingerprint(&version_input)[..16].to_string();
    let mut urls = vec!["./".to_string()];
    urls.extend(files.iter().map(|relative| format!("./{relative}")));
    let url_list = serde_json::to_string(&urls).map_err(|error| error.to_string())?;
    Ok(format!(
        "// Service worker of the Border Security Briefing Explorer, generated by `cargo xtask dist`.\n\
         const VERSION = \"{version}\";\n\
         const CACHE = \"bse-\" + VERSION;\n\
         const FILES = {url_list};\n\
         self.addEventListener(\"install\", (event) => {{\n\
         \x20 event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES)).then(() => self.skipWaiting()));\n\
         }});\n\
         self.addEventListener(\"activate\", (event) => {{\n\
         \x20 event.waitUntil(caches.keys()\n\
         \x20   .then((names) => Promise.all(names.filter((name) => name.startsWith(\"bse-\") && name !== CACHE).map((name) => caches.delete(name))))\n\
         \x20   .then(() => self.clients.claim()));\n\
         }});\n\
         self.addEventListener(\"fetch\", (event) => {{\n\
         \x20 const request = event.request;\n\
         \x20 if (request.method !== \"GET\" || new URL(request.url).origin !== self.location.origin) return;\n\
         \x20 event.respondWith(caches.open(CACHE)\n\
         \x20   .then((cache) => cache.match(request, {{ ignoreSearch: true }}))\n\
         \x20   .then((cached) => cached || fetch(request)));\n\
         }});\n"
    ))
}

fn collect_files(root: &Path, folder: &Path, found: &mut Vec<String>) -> Result<(), String> {
    for entry in
        fs::read_dir(folder).map_err(|error| format!("reading {}: {error}", folder.display()))?
    {
        let path = entry.map_err(|error| error.to_string())?.path();
        if path.is_dir() {
            collect_files(root, &path, found)?;
        } else if let Ok(relative) = path.strip_prefix(root) {
            found.push(relative.to_string_lossy().replace('\\', "/"));
        }
    }
    Ok(())
}

/// The text of every inline script (no `src`) in a page.
fn inline_script_texts(html: &str) -> Result<Vec<String>, String> {
    use lol_html::text;
    let texts = RefCell::new(Vec::<Option<String>>::new());
    rewrite_str(
        html,
        RewriteStrSettings {
            element_content_handlers: vec![
                element!("script", |script| {
                    let is_inline = script.get_attribute("src").is_none()
                        && script
                            .get_attribute("type")
                            .is_none_or(|kind| kind != "application/json");
                    texts.borrow_mut().push(is_inline.then(String::new));
                    Ok(())
                }),
                text!("script", |chunk| {
                    if let Some(Some(last)) = texts.borrow_mut().last_mut() {
                        last.push_str(chunk.as_str());
                    }
                    Ok(())
                }),
            ],
            ..RewriteStrSettings::new()
        },
    )
    .map_err(|error| format!("reading inline scripts: {error}"))?;
    Ok(texts.into_inner().into_iter().flatten().collect())
}

/// What the first pass finds in Trunk's `index.html`.
#[derive(Default)]
struct TrunkAssets {
    stylesheet_hrefs: Vec<String>,
    glue_hrefs: Vec<String>,
    wasm_hrefs: Vec<String>,
    inline_module_scripts: usize,
}

/// Rewrites Trunk's `index.html`, its styles already inline, into one self-contained file; `read_asset`
/// reads a file Trunk wrote.
pub fn bundle_offline(
    styled: &StyledPage,
    dataset_bytes: &[u8],
    read_asset: impl Fn(&str) -> Result<Vec<u8>, String>,
) -> Result<String, String> {
    let assets = find_trunk_assets(&styled.html)?;
    let [glue_href] = assets.glue_hrefs.as_slice() else {
        return Err(format!(
            "expected one modulepreload link to the wasm-bindgen glue in dist/index.html, found {}",
            assets.glue_hrefs.len()
        ));
    };
    let [wasm_href] = assets.wasm_hrefs.as_slice() else {
        return Err(format!(
            "expected one preload link to the wasm file in dist/index.html, found {}",
            assets.wasm_hrefs.len()
        ));
    };
    if assets.inline_module_scripts != 1 {
        return Err(format!(
            "expected one inline module script (Trunk's loader) in dist/index.html, found {}",
            assets.inline_module_scripts
        ));
    }
    let glue = String::from_utf8(read_asset(glue_href)?)
        .map_err(|_| "the glue script is not UTF-8".to_string())?;
    let wasm_bytes = read_asset(wasm_href)?;
    let loader = offline_loader_script(&glue, &wasm_bytes)?;
    let dataset_block = inline_dataset_json(dataset_bytes)?;
    let csp = format!(
        "default-src 'none'; script-src '{}' 'wasm-unsafe-eval'; style-src '{}'; img-src data: blob:; \
         worker-src blob:; base-uri 'none'; form-action 'none'; object-src 'none'",
        csp_hash(&loader),
        csp_hash(&styled.css)
    );
    let rewritten = rewrite_str(
        &styled.html,
        RewriteStrSettings {
            element_content_handlers: vec![
                element!("head", |head| {
                    head.prepend(
                        &format!(
                            "<meta http-equiv=\"Content-Security-Policy\" content=\"{csp}\">"
                        ),
                        ContentType::Html,
                    );
                    head.append(
                        &format!(
                            "<script type=\"application/json\" id=\"{INLINE_DATASET_ELEMENT_ID}\">{dataset_block}</script>"
                        ),
                        ContentType::Html,
                    );
                    Ok(())
                }),
                element!("link[rel=modulepreload], link[rel=preload], link[rel=manifest]", |link| {
                    link.remove();
                    Ok(())
                }),
                element!("script[type=module]", |script| {
                    script.replace(&format!("<script type=\"module\">{loader}</script>"), ContentType::Html);
                    Ok(())
                }),
            ],
            ..RewriteStrSettings::new()
        },
    )
    .map_err(|error| format!("rewriting dist/index.html: {error}"))?;
    check_self_contained(&rewritten)?;
    Ok(rewritten)
}

/// Trunk's page with its stylesheets written into one `<style>`.
pub struct StyledPage {
    /// The page, the `<style>` at the place of the first stylesheet link.
    pub html: String,
    /// The CSS in that `<style>`, for the Content-Security-Policy's hash.
    pub css: String,
    /// The stylesheet files it replaced.
    pub stylesheet_hrefs: Vec<String>,
}

/// Writes the page's stylesheets into it, for both editions: the offline one must carry them, and for
/// the hosted one it saves the round trip a render-blocking stylesheet costs before the first paint
/// (the CSS is 3 KB compressed).
pub fn inline_stylesheets(
    index_html: &str,
    read_asset: impl Fn(&str) -> Result<Vec<u8>, String>,
) -> Result<StyledPage, String> {
    let stylesheet_hrefs = find_trunk_assets(index_html)?.stylesheet_hrefs;
    let mut css = String::new();
    for href in &stylesheet_hrefs {
        let sheet =
            String::from_utf8(read_asset(href)?).map_err(|_| format!("{href} is not UTF-8"))?;
        css.push_str(&sheet);
    }
    let written_style = RefCell::new(false);
    let html = rewrite_str(
        index_html,
        RewriteStrSettings {
            element_content_handlers: vec![element!("link[rel=stylesheet]", |link| {
                if written_style.replace(true) {
                    link.remove();
                } else {
                    link.replace(&format!("<style>{css}</style>"), ContentType::Html);
                }
                Ok(())
            })],
            ..RewriteStrSettings::new()
        },
    )
    .map_err(|error| format!("inlining the stylesheets of dist/index.html: {error}"))?;
    Ok(StyledPage {
        html,
        css,
        stylesheet_hrefs,
    })
}

fn find_trunk_assets(index_html: &str) -> Result<TrunkAssets, String> {
    let found = RefCell::new(TrunkAssets::default());
    rewrite_str(
        index_html,
        RewriteStrSettings {
            element_content_handlers: vec![
                element!("link[rel=stylesheet][href]", |link| {
                    found
                        .borrow_mut()
                        .stylesheet_hrefs
                        .push(link.get_attribute("href").unwrap_or_default());
                    Ok(())
                }),
                element!("link[rel=modulepreload][href]", |link| {
                    found
                        .borrow_mut()
                        .glue_hrefs
                        .push(link.get_attribute("href").unwrap_or_default());
                    Ok(())
                }),
                element!("link[rel=preload][href$='.wasm']", |link| {
                    found
                        .borrow_mut()
                        .wasm_hrefs
                        .push(link.get_attribute("href").unwrap_or_default());
                    Ok(())
                }),
                element!("script[type=module]", |script| {
                    if script.get_attribute("src").is_none() {
                        found.borrow_mut().inline_module_scripts += 1;
                    }
                    Ok(())
                }),
            ],
            ..RewriteStrSettings::new()
        },
    )
    .map_err(|error| format!("reading dist/index.html: {error}"))?;
    Ok(found.into_inner())
}

/// The glue with its default export turned into a local call that is given the wasm bytes.
fn offline_loader_script(glue: &str, wasm_bytes: &[u8]) -> Result<String, String> {
    // wasm-bindgen's `--target web` glue ends with `export { initSync, __wbg_init as default };`
    // (older versions: `export default __wbg_init;`). The init function is called with the bytes so
    // that nothing is fetched.
    let init_name = default_export_name(glue)
        .ok_or("the wasm-bindgen glue has no default export (`export default <init>;` or `<init> as default`): the offline bundler needs updating")?;
    if glue.contains("</script") {
        return Err(
            "the wasm-bindgen glue contains `</script`, which cannot be inlined".to_string(),
        );
    }
    // The wasm travels gzip-compressed (base64 of about 40% of the bytes instead of 133%), and the
    // browser's own DecompressionStream restores it; no network is involved.
    let wasm_gzip_base64 = base64::engine::general_purpose::STANDARD.encode(
        crate::tools::gzip(wasm_bytes, flate2::Compression::best()).map_err(|error| {
            format!("could not compress the wasm for the offline file: {error}")
        })?,
    );
    Ok(format!(
        "{glue}\n\
         const wasmGzipText = atob(\"{wasm_gzip_base64}\");\n\
         const wasmGzip = new Uint8Array(wasmGzipText.length);\n\
         for (let byteIdx = 0; byteIdx < wasmGzipText.length; byteIdx++) wasmGzip[byteIdx] = wasmGzipText.charCodeAt(byteIdx);\n\
         const wasmBytes = await new Response(new Blob([wasmGzip]).stream().pipeThrough(new DecompressionStream('gzip'))).arrayBuffer();\n\
         await {init_name}({{ module_or_path: wasmBytes }});\n"
    ))
}

/// The local name of the glue's default export, from its last export statement.
fn default_export_name(glue: &str) -> Option<String> {
    let is_identifier = |name: &str| {
        !name.is_empty()
            && name
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '$')
    };
    glue.lines().rev().find_map(|line| {
        let line = line.trim().trim_end_matches(';').trim();
        if let Some(name) = line.strip_prefix("export default ") {
            return is_identifier(name.trim()).then(|| name.trim().to_string());
        }
        let list = line.strip_prefix("export {")?.strip_suffix('}')?;
        list.split(',')
            .find_map(|item| item.trim().strip_suffix(" as default"))
            .map(str::trim)
            .filter(|name| is_identifier(name))
            .map(str::to_string)
    })
}

/// The dataset's own text, made safe inside a `<script>` element by escaping every `<` as `\u003c`.
///
/// The escape is reversible (the app undoes it before fingerprinting), so the offline edition shows the
/// same SHA-256 fingerprint as the hosted site for the same file. Files where reversing would be
/// ambiguous are refused: ones that already contain the text `\u003c`, and ones with carriage returns,
/// which the HTML parser would turn into line feeds.
fn inline_dataset_json(dataset_bytes: &[u8]) -> Result<String, String> {
    let text = std::str::from_utf8(dataset_bytes)
        .map_err(|_| "the dataset is not UTF-8 text".to_string())?;
    serde_json::from_str::<serde_json::Value>(text)
        .map_err(|error| format!("the dataset is not valid JSON: {error}"))?;
    if text.contains("\\u003c") || text.contains("\\u003C") {
        return Err("the dataset contains the text \\u003c, so it cannot be inlined reversibly; write < instead".to_string());
    }
    if text.contains('\r') {
        return Err(
            "the dataset has carriage returns (CRLF line endings); save it with LF line endings"
                .to_string(),
        );
    }
    Ok(text.replace('<', "\\u003c"))
}

fn csp_hash(inline_text: &str) -> String {
    let digest = sha2::Sha256::digest(inline_text.as_bytes());
    format!(
        "sha256-{}",
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
}

/// Fails if the rewritten file still points at anything outside itself or carries integrity attributes.
fn check_self_contained(html: &str) -> Result<(), String> {
    let outside = RefCell::new(Vec::new());
    rewrite_str(
        html,
        RewriteStrSettings {
            element_content_handlers: vec![element!("*", |any| {
                for attribute in ["src", "href", "integrity", "srcset", "data-trunk"] {
                    if let Some(value) = any.get_attribute(attribute) {
                        let inside = matches!(attribute, "src" | "href")
                            && (value.starts_with("data:") || value.starts_with('#'));
                        if !inside {
                            outside
                                .borrow_mut()
                                .push(format!("<{} {attribute}=\"{value}\">", any.tag_name()));
                        }
                    }
                }
                Ok(())
            })],
            ..RewriteStrSettings::new()
        },
    )
    .map_err(|error| format!("checking the offline file: {error}"))?;
    let outside = outside.into_inner();
    if outside.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "the offline file still refers outside itself: {}",
            outside.join(", ")
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TRUNK_INDEX: &str = r#"<!doctype html><html><head><meta charset="utf-8">
<link rel="stylesheet" href="./main-abc.css" integrity="sha384-x">
<link rel="modulepreload" href="./app-123.js" crossorigin="anonymous" integrity="sha384-y">
<link rel="preload" href="./app-123_bg.wasm" crossorigin="anonymous" integrity="sha384-z" as="fetch" type="application/wasm">
</head><body><script type="module">import init from './app-123.js'; await init({ module_or_path: './app-123_bg.wasm' });</script></body></html>"#;

    fn read_fake_asset(path: &str) -> Result<Vec<u8>, String> {
        match path {
            "./main-abc.css" => Ok(b"body { color: red; }".to_vec()),
            "./app-123.js" => Ok(
                b"function __wbg_init(x) {}\nexport { initSync };\nexport default __wbg_init;\n"
                    .to_vec(),
            ),
            "./app-123_bg.wasm" => Ok(vec![0, 97, 115, 109]),
            other => Err(format!("no such asset {other}")),
        }
    }

    #[test]
    fn the_static_shell_shows_the_title_as_text() {
        let mut tree: serde_json::Value =
            serde_json::from_str(include_str!("../../public/data/dataset.json")).unwrap();
        tree["title"] = serde_json::json!("Briefing <script>alert(1)</script> & more");
        let dataset =
            border_security_explorer::data::parse_dataset(tree.to_string().as_bytes()).unwrap();
        let html = add_static_shell(TRUNK_INDEX, &dataset).unwrap();
        assert!(html.contains(
            "<main class=\"page\"><h1>Briefing &lt;script&gt;alert(1)&lt;/script&gt; &amp; more</h1>"
        ));
        assert!(!html.contains("<script>alert(1)"));
        assert!(html.contains("<p class=\"as-of\">Data as at 11 September 2026 · crossings to 20 August 2026 (provisional)</p>"));
        let body_start = html.find("<body>").unwrap() + "<body>".len();
        assert!(
            html[body_start..].starts_with("<div id=\"bse-shell\">"),
            "the shell comes first in the body"
        );
        assert!(
            html.contains("<p class=\"loading-slow\">The explorer has still not started."),
            "the shell says so if the app never starts"
        );
    }

    #[test]
    fn bundles_everything_inline_with_matching_hashes() {
        let dataset = br#"{"title": "</script><script>alert(1)</script>"}"#;
        assert_eq!(
            inline_dataset_json(dataset)
                .unwrap()
                .replace("\\u003c", "<")
                .as_bytes(),
            dataset,
            "the escape reverses exactly"
        );
        let styled = inline_stylesheets(TRUNK_INDEX, read_fake_asset).unwrap();
        let html = bundle_offline(&styled, dataset, read_fake_asset).unwrap();
        assert!(!html.contains("integrity"));
        assert!(!html.contains("modulepreload"));
        assert!(html.contains("<style>body { color: red; }</style>"));
        assert!(html.contains("await __wbg_init({ module_or_path: wasmBytes });"));
        let wasm_gzip_base64 = html
            .split_once("atob(\"")
            .and_then(|(_, rest)| rest.split_once("\")"))
            .map(|(inside, _)| inside)
            .expect("the wasm is inlined as a base64 string");
        let wasm_gzip = base64::engine::general_purpose::STANDARD
            .decode(wasm_gzip_base64)
            .unwrap();
        let mut wasm_bytes = Vec::new();
        std::io::Read::read_to_end(
            &mut flate2::read::GzDecoder::new(&wasm_gzip[..]),
            &mut wasm_bytes,
        )
        .unwrap();
        assert_eq!(
            wasm_bytes,
            [0, 97, 115, 109],
            "the inlined wasm decompresses to the original bytes"
        );
        assert!(html.contains("new DecompressionStream('gzip')"));
        // The hostile title cannot close the JSON block.
        assert!(html.contains(r#"\u003c/script>\u003cscript>alert(1)\u003c/script>"#));
        let scripts = inline_script_texts(&html).unwrap();
        assert_eq!(
            scripts.len(),
            1,
            "the loader; the dataset block is data, not script"
        );
        let loader = scripts
            .iter()
            .find(|text| text.contains("__wbg_init"))
            .unwrap();
        assert!(
            html.contains(&csp_hash(loader)),
            "the CSP must allow the loader by its hash"
        );
        assert!(html.contains(&csp_hash("body { color: red; }")));
    }

    #[test]
    fn refuses_datasets_that_cannot_be_inlined_reversibly() {
        assert!(inline_dataset_json(br#"{"a": "\u003c"}"#)
            .unwrap_err()
            .contains("cannot be inlined reversibly"));
        assert!(inline_dataset_json(b"{\"a\": 1}\r\n")
            .unwrap_err()
            .contains("carriage returns"));
    }

    #[test]
    fn refuses_an_unexpected_trunk_layout() {
        let without_wasm = TRUNK_INDEX.replace("rel=\"preload\"", "rel=\"prefetch\"");
        let styled = inline_stylesheets(&without_wasm, read_fake_asset).unwrap();
        let error = bundle_offline(&styled, b"{}", read_fake_asset).unwrap_err();
        assert!(
            error.contains("expected one preload link to the wasm file"),
            "{error}"
        );
    }

    #[test]
    fn finds_the_default_export_in_either_form() {
        assert_eq!(
            default_export_name("x\nexport default __wbg_init;\n").as_deref(),
            Some("__wbg_init")
        );
        assert_eq!(
            default_export_name("export { initSync, __wbg_init as default };").as_deref(),
            Some("__wbg_init")
        );
        assert_eq!(default_export_name("export { initSync };"), None);
    }

    #[test]
    fn refuses_glue_without_a_default_export() {
        let error = offline_loader_script("export { initSync };", &[0]).unwrap_err();
        assert!(error.contains("export default"), "{error}");
    }

    #[test]
    fn the_hosted_page_allows_its_inline_loader_by_hash_only() {
        let StyledPage {
            html,
            css,
            stylesheet_hrefs,
        } = inline_stylesheets(TRUNK_INDEX, read_fake_asset).unwrap();
        assert_eq!(css, "body { color: red; }");
        assert_eq!(stylesheet_hrefs, ["./main-abc.css"]);
        assert!(
            html.contains("<style>body { color: red; }</style>"),
            "{html}"
        );
        assert!(!html.contains("stylesheet"), "{html}");
        let html = add_hosted_csp(&html, &css).unwrap();
        assert!(
            html.contains(&format!("style-src '{}';", csp_hash(&css))),
            "{html}"
        );
        let loader =
            "import init from './app-123.js'; await init({ module_or_path: './app-123_bg.wasm' });";
        assert!(
            html.contains(&format!(
                "script-src 'self' '{}' 'wasm-unsafe-eval'",
                csp_hash(loader)
            )),
            "{html}"
        );
        assert!(html.contains("connect-src 'self'"));
        assert!(!html.contains("unsafe-inline"));
        assert!(
            html.find("Content-Security-Policy").unwrap() < html.find("<link").unwrap(),
            "the policy comes first"
        );
    }

    #[test]
    fn finds_leftover_outside_references() {
        let error =
            check_self_contained(r##"<img src="https://example.org/x.png"><a href="#top">"##)
                .unwrap_err();
        assert!(error.contains("https://example.org/x.png"), "{error}");
        assert!(!error.contains("#top"));
    }
}
