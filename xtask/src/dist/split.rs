//! The app's wasm split into the first module and the parts the page fetches when first asked for (the other views in `src/ui/lazy_views.rs`, the embed page, a chart's downloads, a person's own data): Trunk builds and binds the wasm whole, then this step splits cargo's output with wasm-split as cargo-leptos does, binds the first module again with wasm-bindgen, shrinks every part with wasm-opt, and writes the first module, its glue and each part in place of Trunk's files, each named by what it holds.

use std::fs;
use std::path::Path;

use crate::tools::{run_status, timed_step, Toolchain};

use super::offline::find_trunk_assets;
use super::reader::{write_named_by_hash, HashedFile, WasmOpt};

/// The split-off piece that is the embed page (`bse_embed_page` in `src/ui/embed.rs`).
pub(super) const EMBED_PAGE_SPLIT: &str = "embed_page";

/// The start of a part's file name (the app's first module is the one `.wasm` without a prefix).
pub const PART_FILE_PREFIX: &str = "part-";

/// The start of the name of the script that loads the parts.
pub(super) const PART_LOADER_PREFIX: &str = "parts-";

/// What the split wrote into `dist/`.
pub(super) struct SplitApp {
    /// The script that fetches and starts the parts (wasm-split's `__wasm_split.js`, its addresses
    /// rewritten to the parts' names), which the glue imports.
    pub part_loader: HashedFile,
    /// The parts, by the names they have in `dist/`.
    pub parts: Vec<HashedFile>,
    /// The parts each split-off piece needs, by its name after `bse_` (`crossings_view`, `embed_page`).
    pub parts_by_split: Vec<(String, Vec<String>)>,
}

impl SplitApp {
    /// The parts each view needs, by the view's key in the address (`crossings` for `crossings_view`).
    pub fn parts_by_view(&self) -> Vec<(String, Vec<String>)> {
        self.parts_by_split
            .iter()
            .filter_map(|(name, files)| {
                name.strip_suffix("_view")
                    .map(|key| (key.to_string(), files.clone()))
            })
            .collect()
    }

    /// The parts the split-off piece `name` needs (`embed_page`); an error if the loader loads no such piece.
    pub fn parts_of(&self, name: &str) -> Result<&[String], String> {
        self.parts_by_split
            .iter()
            .find(|(split, _)| split == name)
            .map(|(_, files)| files.as_slice())
            .ok_or_else(|| format!("wasm-split's loader loads no `__wasm_split_load_bse_{name}`"))
    }
}

/// Splits the app's wasm and writes the first module, its glue and the parts into `dist/` in place of
/// Trunk's glue and wasm, and their names and the glue's integrity into `dist/index.html`.
pub(super) fn split_app(
    project_root: &Path,
    toolchain: &Toolchain,
    wasm_opt: &WasmOpt,
    dist: &Path,
) -> Result<SplitApp, String> {
    let index_path = dist.join("index.html");
    let trunk_html = fs::read_to_string(&index_path)
        .map_err(|error| format!("reading dist/index.html: {error}"))?;
    let assets = find_trunk_assets(&trunk_html)?;
    let (Some(glue_href), Some(wasm_href)) = (assets.glue_hrefs.first(), assets.wasm_hrefs.first())
    else {
        return Err("dist/index.html names no wasm-bindgen glue or wasm to split".to_string());
    };
    let glue_name = glue_href.trim_start_matches("./").to_string();
    let wasm_name = wasm_href.trim_start_matches("./").to_string();
    let stem = glue_name
        .strip_suffix(".js")
        .ok_or_else(|| format!("the glue {glue_name} does not end in .js"))?
        .to_string();
    let built =
        project_root.join("target/wasm32-unknown-unknown/release/border-security-explorer.wasm");
    let work = project_root.join("target/app-split");
    if work.exists() {
        fs::remove_dir_all(&work)
            .map_err(|error| format!("clearing {}: {error}", work.display()))?;
    }
    fs::create_dir_all(&work).map_err(|error| format!("creating {}: {error}", work.display()))?;
    let mut split = toolchain.command("wasm-split-cli");
    split
        .args(["--target", "web", "--out-name", &stem])
        .arg(&built)
        .arg(&work);
    timed_step(
        "Splitting the app's wasm into its first module and the parts fetched when asked for",
        || run_status(&mut split),
    )?;
    // wasm-bindgen as Trunk runs it, keeping the function table the parts share (an export the linker
    // made, which it otherwise drops).
    let bound = work.join("bound");
    let mut bindgen = toolchain.command("wasm-bindgen");
    bindgen
        .args([
            "--target",
            "web",
            "--no-typescript",
            "--keep-lld-exports",
            "--out-dir",
        ])
        .arg(&bound)
        .arg(work.join(format!("{stem}.wasm")));
    timed_step("Binding the first module with wasm-bindgen", || {
        run_status(&mut bindgen)
    })?;
    let mut loader = fs::read_to_string(work.join("__wasm_split.js"))
        .map_err(|error| format!("reading wasm-split's loader: {error}"))?;
    // Only the parts the loader names are shrunk, each once, into a folder of their own.
    let part_names = split_part_names(&loader)?;
    let shrunk = work.join("shrunk");
    fs::create_dir_all(&shrunk)
        .map_err(|error| format!("creating {}: {error}", shrunk.display()))?;
    let shrink = |from: &Path, to: &Path| wasm_opt.shrink(toolchain, from, to);
    timed_step(
        "Shrinking the first module and the parts with wasm-opt",
        || {
            shrink(
                &bound.join(format!("{stem}_bg.wasm")),
                &shrunk.join("first-module.wasm"),
            )?;
            for name in &part_names {
                shrink(&work.join(name), &shrunk.join(name))?;
            }
            Ok(())
        },
    )?;
    let shrunk_wasm = fs::read(shrunk.join("first-module.wasm"))
        .map_err(|error| format!("reading the shrunk first module: {error}"))?;
    let glue = fs::read_to_string(bound.join(format!("{stem}.js")))
        .map_err(|error| format!("reading the first module's glue: {error}"))?;
    let mut part_bytes = Vec::new();
    for name in part_names {
        let bytes = fs::read(shrunk.join(&name))
            .map_err(|error| format!("reading the part {name}: {error}"))?;
        part_bytes.push((name, bytes));
    }
    // Every file is named by what it holds, the first module and its glue too: Trunk named those by its
    // own build of the whole wasm, which a change to the split or to wasm-opt's passes leaves as it was.
    let mut held = shrunk_wasm.clone();
    held.extend(glue.as_bytes());
    for (_, bytes) in &part_bytes {
        held.extend(bytes);
    }
    let new_stem = format!(
        "{}-{}",
        stem.rsplit_once('-')
            .map_or(stem.as_str(), |(name, _)| name),
        &border_security_explorer::data::fingerprint(&held)[..16]
    );
    loader = loader.replace(&format!("\"./{stem}.js\""), &format!("\"./{new_stem}.js\""));
    let mut parts = Vec::new();
    for (name, bytes) in part_bytes {
        let part = write_named_by_hash(dist, "", PART_FILE_PREFIX, "wasm", bytes)?;
        loader = loader.replace(
            &format!("\"./{name}\""),
            &format!("\"./{}\"", part.relative),
        );
        parts.push(part);
    }
    let part_loader = write_named_by_hash(dist, "", PART_LOADER_PREFIX, "js", loader.into_bytes())?;
    // The glue's imports of the loader point at its new name; the wasm still names its import module
    // `./__wasm_split.js`, so the keys of the glue's imports object stay.
    let glue = glue
        .lines()
        .map(|line| match line.strip_prefix("import ") {
            Some(_) => line.replace(
                "from \"./__wasm_split.js\"",
                &format!("from \"./{}\"", part_loader.relative),
            ),
            None => line.to_string(),
        })
        .collect::<Vec<_>>()
        .join("\n")
        + "\n";
    let (new_glue_name, new_wasm_name) = (format!("{new_stem}.js"), format!("{new_stem}_bg.wasm"));
    for (name, bytes) in [
        (&new_glue_name, glue.as_bytes()),
        (&new_wasm_name, &shrunk_wasm[..]),
    ] {
        fs::write(dist.join(name), bytes)
            .map_err(|error| format!("writing dist/{name}: {error}"))?;
    }
    for trunk_file in [&glue_name, &wasm_name] {
        fs::remove_file(dist.join(trunk_file))
            .map_err(|error| format!("removing dist/{trunk_file}: {error}"))?;
    }
    // Trunk's page names the glue and the wasm (its preloads and its loader) and checks the glue it
    // preloads against its hash: the new names and hashes.
    let renamed = trunk_html.replace(&stem, &new_stem);
    let (glue_href, wasm_href) = (format!("./{new_glue_name}"), format!("./{new_wasm_name}"));
    let with_integrity =
        replace_integrity(&renamed, &glue_href, &sha384_integrity(glue.as_bytes()))?;
    let with_integrity =
        replace_integrity(&with_integrity, &wasm_href, &sha384_integrity(&shrunk_wasm))?;
    let with_integrity = with_modulepreload_after(
        &with_integrity,
        &glue_href,
        &format!("./{}", part_loader.relative),
        &sha384_integrity(&part_loader.bytes),
    )?;
    fs::write(&index_path, with_integrity)
        .map_err(|error| format!("writing dist/index.html: {error}"))?;
    let parts_by_split = parts_by_split(&String::from_utf8_lossy(&part_loader.bytes))?;
    Ok(SplitApp {
        part_loader,
        parts,
        parts_by_split,
    })
}

/// The file names of the parts wasm-split's loader fetches (`fetch(new URL("./chunk_5.wasm", …))`), in
/// order; an error if it fetches none, as a loader of another shape would.
pub(super) fn split_part_names(loader: &str) -> Result<Vec<String>, String> {
    const FETCH: &str = "fetch(new URL(\"./";
    let names: Vec<String> = loader
        .match_indices(FETCH)
        .filter_map(|(at, _)| {
            let rest = &loader[at + FETCH.len()..];
            rest.find('"').map(|end| rest[..end].to_string())
        })
        .collect();
    if names.is_empty() {
        return Err("wasm-split's loader fetches no part (`fetch(new URL(\"./…\"`): the build's split step needs updating".to_string());
    }
    Ok(names)
}

/// The parts each split-off piece needs, by its name after `bse_` (`crossings_view` for
/// `bse_crossings_view`), read from wasm-split's loader: the piece's own part and the shared parts it
/// waits for.
pub(super) fn parts_by_split(loader: &str) -> Result<Vec<(String, Vec<String>)>, String> {
    const SPLIT_LOADER: &str = "export const __wasm_split_load_bse_";
    let mut file_of = std::collections::BTreeMap::new();
    let mut splits = Vec::new();
    let mut current: Option<String> = None;
    for line in loader.lines() {
        if let Some(rest) = line
            .strip_prefix("const ")
            .or_else(|| line.strip_prefix("export const "))
        {
            current = rest.split_whitespace().next().map(str::to_string);
        } else if let (Some(name), Some(file)) = (&current, split_part_names(line).ok()) {
            file_of.insert(name.clone(), file.concat());
        } else if let (Some(name), Some(list)) =
            (&current, line.trim_start_matches('}').strip_prefix(", ["))
        {
            let deps: Vec<String> = list
                .trim_end_matches(';')
                .trim_end_matches(')')
                .trim_end_matches(')')
                .trim_end_matches(']')
                .split(',')
                .map(|dep| dep.trim().to_string())
                .filter(|dep| !dep.is_empty())
                .collect();
            if let Some(key) = format!("export const {name}").strip_prefix(SPLIT_LOADER) {
                splits.push((key.to_string(), name.clone(), deps));
            }
        }
    }
    let file = |name: &str| {
        file_of
            .get(name)
            .cloned()
            .ok_or_else(|| format!("wasm-split's loader names {name} but fetches no part for it"))
    };
    let found: Vec<(String, Vec<String>)> = splits
        .into_iter()
        .map(|(key, name, deps)| {
            let mut files = vec![file(&name)?];
            for dep in &deps {
                files.push(file(dep)?);
            }
            Ok((key, files))
        })
        .collect::<Result<_, String>>()?;
    if !found.iter().any(|(name, _)| name.ends_with("_view")) {
        return Err(
            "wasm-split's loader loads no view (`__wasm_split_load_bse_…_view`)".to_string(),
        );
    }
    Ok(found)
}

/// A script's lines that preload each part `parts` (a JavaScript expression, after the lines
/// `before`) names, as the parts' loader fetches them, so they come with the first module rather than a
/// round trip after it starts.
fn preload_each_part(before: &str, parts: &str) -> String {
    format!(
        "\n{{\n{before}\
         \x20 for (const part of {parts}) {{\n\
         \x20   const link = document.createElement(\"link\");\n\
         \x20   link.rel = \"preload\"; link.as = \"fetch\"; link.crossOrigin = \"anonymous\"; link.href = \"./\" + part;\n\
         \x20   document.head.append(link);\n\
         \x20 }}\n\
         }}"
    )
}

/// The hosted page's loader with, first, a few lines that preload the parts of the view a link opens
/// (`#…tab=crossings`).
pub(super) fn preload_parts_of_linked_view(
    html: &str,
    parts_by_view: &[(String, Vec<String>)],
) -> Result<String, String> {
    let by_view = serde_json::to_string(
        &parts_by_view
            .iter()
            .cloned()
            .collect::<std::collections::BTreeMap<_, _>>(),
    )
    .map_err(|error| error.to_string())?;
    // Only the views' own keys: an address's tab can be anything (`__proto__`, `toString`), and the
    // loader must go on to start the app whatever it is.
    let preload = preload_each_part(
        &format!(
            "\x20 const partsByView = {by_view};\n\
             \x20 const linkedView = new URLSearchParams(location.hash.slice(1)).get(\"tab\");\n"
        ),
        "Object.hasOwn(partsByView, linkedView) ? partsByView[linkedView] : []",
    );
    super::at_start_of_loader(html, &preload)
}

/// A page's loader with, first, a few lines that preload `parts`, which the page always needs (the
/// embed page's own part).
pub(super) fn preload_parts(html: &str, parts: &[String]) -> Result<String, String> {
    let list = serde_json::to_string(parts).map_err(|error| error.to_string())?;
    super::at_start_of_loader(html, &preload_each_part("", &list))
}

/// The page with a `modulepreload` of `href` after the one of `after_href`: the glue imports the
/// parts' loader, and without it the browser would find that import only once the glue had come, a
/// round trip later, before it could start fetching the wasm.
fn with_modulepreload_after(
    html: &str,
    after_href: &str,
    href: &str,
    integrity: &str,
) -> Result<String, String> {
    use lol_html::html_content::ContentType;
    use lol_html::{element, rewrite_str, RewriteStrSettings};
    let added = std::cell::Cell::new(false);
    let page = rewrite_str(
        html,
        RewriteStrSettings {
            element_content_handlers: vec![element!("link[rel=modulepreload]", |link| {
                if link.get_attribute("href").as_deref() == Some(after_href) {
                    link.after(
                        &format!("\n<link rel=\"modulepreload\" href=\"{href}\" crossorigin=\"anonymous\" integrity=\"{integrity}\">"),
                        ContentType::Html,
                    );
                    added.set(true);
                }
                Ok(())
            })],
            ..RewriteStrSettings::new()
        },
    )
    .map_err(|error| format!("adding the parts' loader to dist/index.html: {error}"))?;
    if added.get() {
        Ok(page)
    } else {
        Err(format!(
            "dist/index.html has no modulepreload of {after_href}"
        ))
    }
}

/// `sha384-…` of `bytes`, as a page's `integrity` attribute gives it.
fn sha384_integrity(bytes: &[u8]) -> String {
    use base64::Engine as _;
    use sha2::Digest as _;
    format!(
        "sha384-{}",
        base64::engine::general_purpose::STANDARD.encode(sha2::Sha384::digest(bytes))
    )
}

/// The page with the `integrity` of the link to `href` set to `integrity` (where it has one).
fn replace_integrity(html: &str, href: &str, integrity: &str) -> Result<String, String> {
    use lol_html::{element, rewrite_str, RewriteStrSettings};
    rewrite_str(
        html,
        RewriteStrSettings {
            element_content_handlers: vec![element!("link[integrity]", |link| {
                if link.get_attribute("href").as_deref() == Some(href) {
                    link.set_attribute("integrity", integrity)?;
                }
                Ok(())
            })],
            ..RewriteStrSettings::new()
        },
    )
    .map_err(|error| format!("setting the glue's integrity in dist/index.html: {error}"))
}
