//! The offline edition: Trunk's page rewritten into one self-contained HTML file (styles, glue, wasm, the dataset as a file and as checked, and its reader inline).

use std::cell::RefCell;

use base64::Engine as _;
use lol_html::html_content::ContentType;
use lol_html::{element, rewrite_str, RewriteStrSettings};

use super::csp::csp_hash;
use super::split::{SplitApp, EMBED_PAGE_SPLIT};

/// Rewrites Trunk's `index.html`, its styles already inline, into one self-contained file, with
/// `data_blocks` (the dataset, as a file and as checked, and the reader, each an inline gzip block)
/// after the page's content; `read_asset` reads a file Trunk wrote.
pub fn bundle_offline(
    styled: &StyledPage,
    data_blocks: &str,
    split: Option<&SplitApp>,
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
    let loader = offline_loader_script(&glue, &wasm_bytes, split)?;
    // The loader, and every classic inline script of the page (the prerendered page's first script),
    // each allowed by its hash.
    let mut script_hashes = vec![format!("'{}'", csp_hash(&loader))];
    for text in super::csp::inline_script_texts(&styled.html, false)? {
        script_hashes.push(format!("'{}'", csp_hash(&text)));
    }
    let csp = format!(
        "default-src 'none'; script-src {} 'wasm-unsafe-eval'; style-src '{}'; img-src data: blob:; \
         worker-src blob:; base-uri 'none'; form-action 'none'; object-src 'none'",
        script_hashes.join(" "),
        csp_hash(&styled.css)
    );
    let rewritten = rewrite_str(
        &styled.html,
        RewriteStrSettings {
            element_content_handlers: vec![
                element!("head", |head| {
                    head.prepend(
                        &format!("<meta http-equiv=\"Content-Security-Policy\" content=\"{csp}\">"),
                        ContentType::Html,
                    );
                    Ok(())
                }),
                // The dataset and the loader (with the wasm in it, most of the file's bytes) go after
                // the page's content, so the parser reaches the prerendered briefing, and paints it,
                // without first reading through them; a module script runs after parsing wherever it is.
                element!("body", |body| {
                    body.append(
                        &format!("{data_blocks}<script type=\"module\">{loader}</script>"),
                        ContentType::Html,
                    );
                    Ok(())
                }),
                element!(
                    "link[rel=modulepreload], link[rel=preload], link[rel=manifest]",
                    |link| {
                        link.remove();
                        Ok(())
                    }
                ),
                element!("script[type=module]", |script| {
                    script.remove();
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

/// What the first pass finds in Trunk's `index.html`.
#[derive(Default)]
pub(super) struct TrunkAssets {
    stylesheet_hrefs: Vec<String>,
    pub glue_hrefs: Vec<String>,
    pub wasm_hrefs: Vec<String>,
    inline_module_scripts: usize,
}

pub(super) fn find_trunk_assets(index_html: &str) -> Result<TrunkAssets, String> {
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
                    let href = link.get_attribute("href").unwrap_or_default();
                    // The parts' loader, which the glue imports, is preloaded beside it.
                    if !href
                        .trim_start_matches("./")
                        .starts_with(super::split::PART_LOADER_PREFIX)
                    {
                        found.borrow_mut().glue_hrefs.push(href);
                    }
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

/// The glue with its default export turned into a local call that is given the wasm bytes, and, where
/// the app is split, the parts' loader and the parts before it (`inline_parts`).
pub(super) fn offline_loader_script(
    glue: &str,
    wasm_bytes: &[u8],
    split: Option<&SplitApp>,
) -> Result<String, String> {
    let (parts_script, glue) = match split {
        Some(split) => inline_parts(glue, split)?,
        None => (String::new(), glue.to_string()),
    };
    let glue = glue.as_str();
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
        "{parts_script}{glue}\n\
         const wasmGzipText = atob(\"{wasm_gzip_base64}\");\n\
         const wasmGzip = new Uint8Array(wasmGzipText.length);\n\
         for (let byteIdx = 0; byteIdx < wasmGzipText.length; byteIdx++) wasmGzip[byteIdx] = wasmGzipText.charCodeAt(byteIdx);\n\
         const wasmBytes = await new Response(new Blob([wasmGzip]).stream().pipeThrough(new DecompressionStream('gzip'))).arrayBuffer();\n\
         await {init_name}({{ module_or_path: wasmBytes }});\n"
    ))
}

/// The parts' loader and the parts made into one script with the glue, which nothing outside the file
/// is fetched for: the loader becomes a function's body (its import of the glue's `initSync` and its
/// exports go: the glue's functions are in the same script), every part it fetches comes from one
/// gzip in base64 of all the parts the file carries instead, and the glue's imports of the loader become the object that function returns.
/// Returns (the script that goes before the glue, the glue).
pub(super) fn inline_parts(glue: &str, split: &SplitApp) -> Result<(String, String), String> {
    let loader = String::from_utf8(split.part_loader.bytes.clone())
        .map_err(|_| "the parts' loader is not UTF-8".to_string())?;
    let mut body = Vec::new();
    let mut exported = Vec::new();
    for line in loader.lines() {
        if line.starts_with("import ") {
            if !line.contains("{ initSync }") {
                return Err(format!(
                    "the parts' loader imports more than the glue's initSync: {line}"
                ));
            }
            continue;
        }
        let line = match line.strip_prefix("export const ") {
            Some(rest) => {
                let name = rest.split([' ', '=']).next().unwrap_or_default();
                exported.push(name.to_string());
                format!("const {rest}")
            }
            None => line.to_string(),
        };
        body.push(line);
    }
    let mut body = body.join("\n");
    // The file carries every part but those only the embed page needs (the file is never the embed
    // page); a call for one of those is refused.
    let needed_here: std::collections::BTreeSet<String> = split
        .parts_by_split
        .iter()
        .filter(|(name, _)| name != EMBED_PAGE_SPLIT)
        .flat_map(|(_, files)| files.iter().cloned())
        .collect();
    // The carried parts travel as one gzip in base64 (compressed together they share what they repeat:
    // 71 KB instead of 80 KB apart), with where each starts and how long it is.
    let mut carried = Vec::new();
    let mut part_at = Vec::new();
    for part in &split.parts {
        let fetched = format!("fetch(new URL(\"./{}\", import.meta.url))", part.relative);
        if !body.contains(&fetched) {
            return Err(format!(
                "the parts' loader does not fetch {}",
                part.relative
            ));
        }
        if !needed_here.contains(&part.relative) {
            body = body.replace(
                &fetched,
                "Promise.reject(new Error(\"the offline file does not carry this part\"))",
            );
            continue;
        }
        body = body.replace(&fetched, &format!("bsePart(\"{}\")", part.relative));
        part_at.push(format!(
            "\"{}\": [{}, {}]",
            part.relative,
            carried.len(),
            part.bytes.len()
        ));
        carried.extend(&part.bytes);
    }
    let parts_gzip_base64 = base64::engine::general_purpose::STANDARD.encode(
        crate::tools::gzip(&carried, flate2::Compression::best())
            .map_err(|error| format!("could not compress the parts: {error}"))?,
    );
    if body.contains("import.meta") || body.contains("export ") || body.contains("</script") {
        return Err(
            "the parts' loader still refers outside the file after inlining its parts".to_string(),
        );
    }
    let imports_of_loader = format!("from \"./{}\"", split.part_loader.relative);
    let mut glue_lines = Vec::new();
    for line in glue.lines() {
        match line
            .strip_prefix("import * as ")
            .and_then(|rest| rest.split_once(' '))
        {
            Some((name, rest)) if rest.trim_end_matches(';').ends_with(&imports_of_loader) => {
                glue_lines.push(format!("const {name} = bseParts;"));
            }
            _ => glue_lines.push(line.to_string()),
        }
    }
    let glue = glue_lines.join("\n");
    if glue.contains(&imports_of_loader) {
        return Err("the glue still imports the parts' loader after inlining it".to_string());
    }
    // The parts are decompressed together the first time one is asked for, and kept.
    let script = format!(
        "const bsePartsGzipBase64 = \"{parts_gzip_base64}\";\n\
         const bsePartAt = {{ {part_at} }};\n\
         let bsePartsBytes;\n\
         async function bsePart(name) {{\n\
         \x20 bsePartsBytes ??= (() => {{\n\
         \x20   const bsePartsGzipText = atob(bsePartsGzipBase64);\n\
         \x20   const gzip = new Uint8Array(bsePartsGzipText.length);\n\
         \x20   for (let byteIdx = 0; byteIdx < bsePartsGzipText.length; byteIdx++) gzip[byteIdx] = bsePartsGzipText.charCodeAt(byteIdx);\n\
         \x20   return new Response(new Blob([gzip]).stream().pipeThrough(new DecompressionStream('gzip'))).arrayBuffer();\n\
         \x20 }})();\n\
         \x20 const [start, length] = bsePartAt[name];\n\
         \x20 return new Response(new Uint8Array(await bsePartsBytes, start, length), {{ headers: {{ 'Content-Type': 'application/wasm' }} }});\n\
         }}\n\
         const bseParts = (() => {{\n{body}\nreturn {{ {names} }};\n}})();\n",
        part_at = part_at.join(", "),
        names = exported.join(", "),
    );
    Ok((script, glue))
}

/// The local name of the glue's default export, from its last export statement.
pub(super) fn default_export_name(glue: &str) -> Option<String> {
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

/// Fails if the rewritten file still points at anything outside itself or carries integrity attributes.
pub(super) fn check_self_contained(html: &str) -> Result<(), String> {
    let outside = RefCell::new(Vec::new());
    rewrite_str(
        html,
        RewriteStrSettings {
            element_content_handlers: vec![element!("*", |any| {
                for attribute in ["src", "href", "integrity", "srcset", "data-trunk"] {
                    if let Some(value) = any.get_attribute(attribute) {
                        // A link a person follows (a source in the prerendered briefing) loads nothing
                        // by itself; everything else that names an address would.
                        let followed_link = any.tag_name() == "a" && attribute == "href";
                        let inside = followed_link
                            || matches!(attribute, "src" | "href")
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
