//! Tests of the release build's rewriting: the offline bundle, inline styles, CSP hashes and the static shell.

use super::*;
use base64::Engine as _;

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
        serde_json::from_str(include_str!("../../../public/data/dataset.json")).unwrap();
    tree["title"] = serde_json::json!("Briefing <script>alert(1)</script> & more");
    let dataset =
        border_security_explorer::data::parse_dataset(tree.to_string().as_bytes()).unwrap();
    let html = add_static_shell(TRUNK_INDEX, &dataset).unwrap();
    assert!(html.contains(
        "<h1 data-pre=\"dataset-title\">Briefing &lt;script&gt;alert(1)&lt;/script&gt; &amp; more</h1>"
    ));
    assert!(!html.contains("<script>alert(1)"));
    assert!(html.contains(&format!(
        "<p class=\"as-of\">Data as at <time datetime=\"{}\" data-pre=\"dataset-as-of\">{}</time> · crossings to {} (provisional)</p>",
        border_security_explorer::dates::iso_date(dataset.as_of),
        border_security_explorer::dates::day_month_year(dataset.as_of),
        border_security_explorer::dates::day_month_year(dataset.crossings.daily.info.as_of)
    )));
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
fn a_title_that_looks_like_markup_is_shown_as_written() {
    let mut tree: serde_json::Value =
        serde_json::from_str(include_str!("../../../public/data/dataset.json")).unwrap();
    tree["title"] = serde_json::json!("Figures <b data-testid=\"x\"> & more");
    let dataset =
        border_security_explorer::data::parse_dataset(tree.to_string().as_bytes()).unwrap();
    let html = add_static_shell(TRUNK_INDEX, &dataset).unwrap();
    assert!(
        html.contains(
            "<h1 data-pre=\"dataset-title\">Figures &lt;b data-testid=\"x\"&gt; &amp; more</h1>"
        ),
        "the title's own words are kept, escaped, and only the shell's attributes are data-pre"
    );
}

#[test]
fn the_prerendered_briefing_is_the_view_models_own_text_and_both_chart_sizes() {
    use border_security_explorer::view_model::{
        briefing_chart, briefing_summary, key_numbers, NARROW_CHART_SIZE, WIDE_CHART_SIZE,
    };
    use border_security_explorer::view_state::ViewState;
    let dataset = border_security_explorer::data::parse_dataset(include_bytes!(
        "../../../public/data/dataset.json"
    ))
    .unwrap();
    let state = ViewState::initial();
    let html = add_static_shell(TRUNK_INDEX, &dataset).unwrap();
    let escaped = |text: &str| html_escape::encode_text(text).to_string();
    assert!(html.contains(&escaped(&briefing_summary(&dataset, &state))));
    for size in [WIDE_CHART_SIZE, NARROW_CHART_SIZE] {
        let chart = briefing_chart(&dataset, &state, size);
        assert!(html.contains(&chart.drawn.svg), "the chart at {size:?}");
    }
    let key = key_numbers(&dataset);
    for row in key.table.on_screen_rows() {
        assert!(html.contains(&format!(
            "<th scope=\"row\">{}</th>",
            escaped(&row[0].shown)
        )));
    }
    assert_eq!(
        html.matches("data-pre=\"copy-row-").count(),
        key.table.rows.len()
    );
    // No element of the shell carries a test id the app also uses.
    assert!(!html.contains("data-testid="));
    assert!(html.contains(&format!(
        "<script>{}</script>",
        super::prerender::CHOOSE_SCRIPT
    )));
    assert!(html.contains("data-pre=\"needs-javascript\""));
}

/// The bytes of the inline gzip block `element_id` of `html`, decompressed.
fn inline_gzip_block_bytes(html: &str, element_id: &str) -> Vec<u8> {
    let gzip_base64 = html
        .split_once(&format!(
            "<script type=\"application/gzip\" id=\"{element_id}\">"
        ))
        .and_then(|(_, rest)| rest.split_once("</script>"))
        .map(|(inside, _)| inside)
        .expect("an inline gzip data block");
    gunzip_base64(gzip_base64)
}

/// `gzip_base64` decoded from base64 and decompressed, as the offline file's script restores it.
fn gunzip_base64(gzip_base64: &str) -> Vec<u8> {
    let mut bytes = Vec::new();
    std::io::Read::read_to_end(
        &mut flate2::read::GzDecoder::new(
            &base64::engine::general_purpose::STANDARD
                .decode(gzip_base64)
                .unwrap()[..],
        ),
        &mut bytes,
    )
    .unwrap();
    bytes
}

#[test]
fn bundles_everything_inline_with_matching_hashes() {
    let dataset = br#"{"title": "</script><script>alert(1)</script>"}"#;
    let styled = inline_stylesheets(TRUNK_INDEX, read_fake_asset).unwrap();
    let html = bundle_offline(
        &styled,
        &[
            super::reader::inline_gzip_block("bse-dataset", dataset).unwrap(),
            super::reader::inline_gzip_block("bse-reader", &[0, 97, 115, 109, 255]).unwrap(),
        ]
        .concat(),
        None,
        read_fake_asset,
    )
    .unwrap();
    assert_eq!(
        inline_gzip_block_bytes(&html, "bse-dataset"),
        dataset,
        "the dataset file decompresses to its exact bytes"
    );
    // The hostile title travels in base64, so nothing of it can close the block.
    assert!(!html.contains("alert(1)"));
    let reader_bytes = inline_gzip_block_bytes(&html, "bse-reader");
    assert_eq!(
        reader_bytes,
        [0, 97, 115, 109, 255],
        "the reader decompresses to its bytes"
    );
    assert!(!html.contains("integrity"));
    assert!(!html.contains("modulepreload"));
    assert!(html.contains("<style>body { color: red; }</style>"));
    assert!(html.contains("await __wbg_init({ module_or_path: wasmBytes });"));
    let wasm_gzip_base64 = html
        .split_once("atob(\"")
        .and_then(|(_, rest)| rest.split_once("\")"))
        .map(|(inside, _)| inside)
        .expect("the wasm is inlined as a base64 string");
    assert_eq!(
        gunzip_base64(wasm_gzip_base64),
        [0, 97, 115, 109],
        "the inlined wasm decompresses to the original bytes"
    );
    assert!(html.contains("new DecompressionStream('gzip')"));
    let scripts = inline_script_texts(&html, true).unwrap();
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
fn the_offline_file_carries_its_dataset_and_wasm_after_the_page_content() {
    let page = TRUNK_INDEX.replace(
        "<body>",
        "<body><div id=\"bse-shell\"><p class=\"lede\">The answer</p></div>",
    );
    let styled = inline_stylesheets(&page, read_fake_asset).unwrap();
    let dataset_block = super::reader::inline_gzip_block("bse-dataset", b"{}").unwrap();
    let html = bundle_offline(&styled, &dataset_block, None, read_fake_asset).unwrap();
    let answer_at = html.find("The answer").unwrap();
    let dataset_at = html.find(&dataset_block).unwrap();
    let loader_at = html.find("<script type=\"module\">").unwrap();
    assert!(
        answer_at < dataset_at && dataset_at < loader_at,
        "the briefing, then the dataset, then the loader"
    );
    assert!(
        loader_at > html.find("</head>").unwrap(),
        "nothing large is in the head"
    );
    assert_eq!(
        html.matches("<script type=\"module\">").count(),
        1,
        "Trunk's own loader is gone"
    );
}

#[test]
fn the_hosted_page_starts_from_the_checked_dataset_and_names_its_reader() {
    let page = TRUNK_INDEX.replace(
        "</head>",
        "<link rel=\"preload\" href=\"data/dataset.json\" as=\"fetch\" crossorigin=\"anonymous\"></head>",
    );
    let linked = super::reader::with_checked_dataset_and_reader(
        &page,
        "data/checked-0123456789abcdef.bin",
        "reader-0123456789abcdef.wasm",
    )
    .unwrap();
    assert!(
        !linked.contains("dataset.json"),
        "the page starts from the checked dataset alone"
    );
    assert!(linked.contains(
        "<link rel=\"preload\" id=\"bse-checked-dataset\" href=\"./data/checked-0123456789abcdef.bin\" as=\"fetch\" crossorigin=\"anonymous\">"
    ));
    assert!(linked.contains(
        "<meta name=\"bse-reader\" id=\"bse-reader\" content=\"./reader-0123456789abcdef.wasm\"></head>"
    ));
    let index_html = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../index.html"),
    )
    .unwrap();
    let (level, params) = super::reader::wasm_opt_settings(&index_html).unwrap();
    assert_eq!(level, "z");
    assert!(params.contains("--converge"), "{params}");
    assert!(
        super::reader::wasm_opt_settings("<link data-trunk rel=\"css\">")
            .unwrap_err()
            .contains("data-bse-wasm-opt")
    );
}

#[test]
fn the_checked_dataset_decodes_to_what_the_reader_finds_in_the_file() {
    let dist = std::env::temp_dir().join(format!("bse-checked-{}", std::process::id()));
    std::fs::create_dir_all(dist.join("data")).unwrap();
    let file = std::fs::read(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../tests/fixtures/minimal-valid.json"),
    )
    .unwrap();
    let checked = super::reader::write_checked_dataset(&dist, &file).unwrap();
    let relative = checked.relative;
    let written = std::fs::read(dist.join(&relative)).unwrap();
    assert_eq!(
        written, checked.bytes,
        "the offline edition carries the same bytes"
    );
    std::fs::remove_dir_all(&dist).ok();
    assert!(
        relative.starts_with("data/checked-") && relative.ends_with(".bin"),
        "{relative}"
    );
    let decoded =
        border_security_explorer::data::handover::outcome_from_handover(&written).unwrap();
    assert_eq!(
        decoded,
        border_security_explorer::data::handover::check_file(&file)
    );
    assert!(decoded.is_ok());
}

#[test]
fn refuses_an_unexpected_trunk_layout() {
    let without_wasm = TRUNK_INDEX.replace("rel=\"preload\"", "rel=\"prefetch\"");
    let styled = inline_stylesheets(&without_wasm, read_fake_asset).unwrap();
    let error = bundle_offline(&styled, "", None, read_fake_asset).unwrap_err();
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
    let error = offline_loader_script("export { initSync };", &[0], None).unwrap_err();
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
    let error = check_self_contained(r##"<img src="https://example.org/x.png"><a href="#top">"##)
        .unwrap_err();
    assert!(error.contains("https://example.org/x.png"), "{error}");
    assert!(!error.contains("#top"));
    // A link to a source is followed by a person, not loaded: allowed. A stylesheet link is not.
    assert!(check_self_contained(r#"<a href="https://www.gov.uk/x">source</a>"#).is_ok());
    let error = check_self_contained(r#"<link rel="stylesheet" href="https://example.org/a.css">"#)
        .unwrap_err();
    assert!(error.contains("example.org/a.css"), "{error}");
}

#[test]
fn the_hosted_page_does_not_preload_the_wasm_but_keeps_the_rest() {
    let html = super::without_wasm_preload(TRUNK_INDEX).unwrap();
    assert!(!html.contains("<link rel=\"preload\""), "{html}");
    assert!(
        html.contains("module_or_path: './app-123_bg.wasm'"),
        "the loader still names it"
    );
    assert!(html.contains("rel=\"modulepreload\""));
}

#[test]
fn the_hosted_page_fetches_the_wasm_once_the_page_is_drawn() {
    let html = super::loader_after_first_paint(TRUNK_INDEX).unwrap();
    let loader_at = html.find("<script type=\"module\">").unwrap();
    let wait_at = html.find("requestAnimationFrame").unwrap();
    let init_at = html.find("await init(").unwrap();
    assert!(loader_at < wait_at && wait_at < init_at, "{html}");
    assert!(
        html.contains("document.hidden ? drawn()"),
        "a tab not shown does not wait"
    );
    let no_loader = TRUNK_INDEX.replace("<script type=\"module\">", "<script>");
    assert!(super::loader_after_first_paint(&no_loader).is_err());
}

/// A preview with words that would break out of an attribute if they were not escaped.
fn hostile_preview() -> border_security_explorer::view_model::LinkPreview {
    border_security_explorer::view_model::LinkPreview {
        title: "Explorer".to_string(),
        description: "12 \"people\" <crossed> & more".to_string(),
        image: border_security_explorer::view_model::ChartImage {
            svg: String::new(),
            width_px: 600,
            height_px: 315,
        },
        image_alt: "A chart\" onload=\"alert(1)".to_string(),
    }
}

#[test]
fn preview_tags_escape_their_words_and_use_the_sites_address_when_known() {
    let with_site =
        preview::preview_tags(&hostile_preview(), Some("https://example.org/explorer/"));
    assert!(with_site.contains(
        "<meta property=\"og:description\" content=\"12 &quot;people&quot; &lt;crossed&gt; &amp; more\">"
    ));
    assert!(with_site.contains("content=\"A chart&quot; onload=&quot;alert(1)\">"));
    assert!(!with_site.contains("onload=\"alert"));
    assert!(with_site.contains(
        "<meta property=\"og:image\" content=\"https://example.org/explorer/preview.png\">"
    ));
    assert!(
        with_site.contains("<meta property=\"og:url\" content=\"https://example.org/explorer/\">")
    );
    assert!(with_site.contains("<meta property=\"og:image:width\" content=\"1200\">"));
    assert!(with_site.contains("<meta property=\"og:image:height\" content=\"630\">"));
    let without_site = preview::preview_tags(&hostile_preview(), None);
    assert!(without_site.contains("<meta property=\"og:image\" content=\"preview.png\">"));
    assert!(!without_site.contains("og:url"));
    let page = preview::add_preview_tags(
        "<html><head><title>t</title></head><body></body></html>",
        &without_site,
    )
    .unwrap();
    assert!(page.contains("<title>t</title><meta property=\"og:type\""));
}

/// A loader as wasm-split writes it (its shape in 0.2.4), its parts already renamed by hash.
const PART_LOADER: &str = r#"import { initSync } from "./app-123.js";

let sharedImports = undefined;
function getSharedImports() { return initSync(undefined, undefined); }
const __chunk_6 = makeLoad(() => {
    const src = fetch(new URL("./part-aaaa.wasm", import.meta.url));
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}, []);
export const __wasm_split_load_bse_crossings_view = wrapAsyncCb(makeLoad(() => {
    const src = fetch(new URL("./part-bbbb.wasm", import.meta.url));
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}, [__chunk_6]));
export const __wasm_split_load_bse_chart_exports = wrapAsyncCb(makeLoad(() => {
    const src = fetch(new URL("./part-eeee.wasm", import.meta.url));
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}, []));
export const __wasm_split_load_bse_embed_page = wrapAsyncCb(makeLoad(() => {
    const src = fetch(new URL("./part-dddd.wasm", import.meta.url));
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}, [__chunk_6]));
"#;

fn fake_split() -> SplitApp {
    let file = |relative: &str, bytes: &[u8]| super::reader::HashedFile {
        relative: relative.to_string(),
        bytes: bytes.to_vec(),
    };
    SplitApp {
        part_loader: file("parts-cccc.js", PART_LOADER.as_bytes()),
        parts: vec![
            file("part-aaaa.wasm", &[0, 97, 115, 109, 1]),
            file("part-bbbb.wasm", &[0, 97, 115, 109, 2]),
            file("part-dddd.wasm", &[0, 97, 115, 109, 4]),
            file("part-eeee.wasm", &[0, 97, 115, 109, 5]),
        ],
        parts_by_split: parts_by_split(PART_LOADER).unwrap(),
    }
}

#[test]
fn knows_the_parts_each_view_and_the_embed_page_need() {
    let split = fake_split();
    assert_eq!(
        split.parts_by_view(),
        [(
            "crossings".to_string(),
            vec!["part-bbbb.wasm".to_string(), "part-aaaa.wasm".to_string()]
        )]
    );
    assert_eq!(
        split.parts_of("embed_page").unwrap(),
        ["part-dddd.wasm", "part-aaaa.wasm"]
    );
    let error = split.parts_of("other_page").unwrap_err();
    assert!(
        error.contains("__wasm_split_load_bse_other_page"),
        "{error}"
    );
    let error = parts_by_split(&PART_LOADER.replace("bse_crossings_view", "other")).unwrap_err();
    assert!(error.contains("loads no view"), "{error}");
}

#[test]
fn the_embed_page_preloads_its_parts_before_the_loader_starts() {
    let with_preload = preload_parts(
        TRUNK_INDEX,
        &["part-dddd.wasm".to_string(), "part-aaaa.wasm".to_string()],
    )
    .unwrap();
    let loader_body = with_preload
        .split_once("<script type=\"module\">")
        .map(|(_, rest)| rest)
        .unwrap();
    assert!(loader_body
        .trim_start()
        .starts_with("{\n  for (const part of [\"part-dddd.wasm\",\"part-aaaa.wasm\"]) {"));
    assert!(
        loader_body.find("link.rel = \"preload\"").unwrap()
            < loader_body.find("await init(").unwrap()
    );
}

#[test]
fn the_hosted_loader_preloads_the_parts_of_the_view_a_link_opens() {
    let html = loader_after_first_paint(TRUNK_INDEX).unwrap();
    let with_preload = preload_parts_of_linked_view(&html, &fake_split().parts_by_view()).unwrap();
    let loader_body = with_preload
        .split_once("<script type=\"module\">")
        .map(|(_, rest)| rest)
        .unwrap();
    // First the preload, read from the address's tab, then the wait for a drawn frame, then Trunk's loader.
    assert!(loader_body.trim_start().starts_with(
        "{\n  const partsByView = {\"crossings\":[\"part-bbbb.wasm\",\"part-aaaa.wasm\"]};\n  \
         const linkedView = new URLSearchParams(location.hash.slice(1)).get(\"tab\");\n  \
         for (const part of Object.hasOwn(partsByView, linkedView) ? partsByView[linkedView] : [])"
    ));
    assert!(loader_body
        .contains("link.rel = \"preload\"; link.as = \"fetch\"; link.crossOrigin = \"anonymous\""));
    assert!(
        loader_body.find("link.rel").unwrap() < loader_body.find("requestAnimationFrame").unwrap()
    );
    assert!(
        loader_body.find("requestAnimationFrame").unwrap()
            < loader_body.find("await init(").unwrap()
    );
}

#[test]
fn finds_the_parts_the_loader_fetches() {
    assert_eq!(
        split_part_names(PART_LOADER).unwrap(),
        [
            "part-aaaa.wasm",
            "part-bbbb.wasm",
            "part-eeee.wasm",
            "part-dddd.wasm"
        ]
    );
    let error = split_part_names("export const x = 1;").unwrap_err();
    assert!(error.contains("fetches no part"), "{error}");
}

#[test]
fn the_offline_file_carries_the_parts_and_fetches_nothing() {
    let glue = "import * as import1 from \"./parts-cccc.js\"\nfunction initSync() {}\nconst imports = { \"./__wasm_split.js\": import1 };\nexport default __wbg_init;\n";
    let script = offline_loader_script(glue, &[0, 97, 115, 109], Some(&fake_split())).unwrap();
    for outside in ["import.meta", "fetch(", "from \"./", "</script"] {
        assert!(!script.contains(outside), "{outside} in {script}");
    }
    // The glue's import of the loader is the object the inlined loader returns, and its exports are
    // that object's members; the wasm's own import module name stays.
    assert!(script.contains("const import1 = bseParts;"));
    assert!(script.contains(
        "return { __wasm_split_load_bse_crossings_view, __wasm_split_load_bse_chart_exports, __wasm_split_load_bse_embed_page };"
    ));
    assert!(script.contains("\"./__wasm_split.js\": import1"));
    assert!(script.find("const bseParts").unwrap() < script.find("const import1").unwrap());
    // The parts travel as one gzip in base64, each where the index says: the views', and those of what
    // the page loads when asked (a chart's exports).
    let base64_text = script
        .split_once("const bsePartsGzipBase64 = \"")
        .and_then(|(_, rest)| rest.split_once('"'))
        .map(|(inside, _)| inside)
        .expect("the parts' gzip in base64");
    let carried = gunzip_base64(base64_text);
    for (name, bytes) in [
        ("part-aaaa.wasm", [0u8, 97, 115, 109, 1]),
        ("part-bbbb.wasm", [0, 97, 115, 109, 2]),
        ("part-eeee.wasm", [0, 97, 115, 109, 5]),
    ] {
        assert!(script.contains(&format!("bsePart(\"{name}\")")));
        let at: Vec<usize> = script
            .split_once(&format!("\"{name}\": ["))
            .and_then(|(_, rest)| rest.split_once(']'))
            .map(|(inside, _)| inside.split(", ").map(|n| n.parse().unwrap()).collect())
            .expect("where the part is");
        assert_eq!(&carried[at[0]..at[0] + at[1]], bytes);
    }
    // The embed page's own part stays out: the file is never the embed page.
    assert!(!script.contains("part-dddd.wasm"), "{script}");
    assert!(
        script.contains("Promise.reject(new Error(\"the offline file does not carry this part\"))")
    );
}

#[test]
fn refuses_a_loader_that_imports_more_than_the_glue() {
    let mut split = fake_split();
    split.part_loader.bytes =
        format!("import {{ other }} from \"./elsewhere.js\";\n{PART_LOADER}").into_bytes();
    let error =
        offline_loader_script("export default __wbg_init;", &[0], Some(&split)).unwrap_err();
    assert!(error.contains("imports more than"), "{error}");
}
