//! The hosted page's Content-Security-Policy: inline blocks allowed by their SHA-256 hashes.

use std::cell::RefCell;

use base64::Engine as _;
use lol_html::html_content::ContentType;
use lol_html::{element, rewrite_str, RewriteStrSettings};
use sha2::Digest as _;

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
pub(super) fn add_hosted_csp(index_html: &str, css: &str) -> Result<String, String> {
    let hashes: Vec<String> = inline_script_texts(index_html, true)?
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

/// The text of every inline script (no `src`) in a page; modules too when `with_modules`.
pub(super) fn inline_script_texts(html: &str, with_modules: bool) -> Result<Vec<String>, String> {
    use lol_html::text;
    let texts = RefCell::new(Vec::<Option<String>>::new());
    rewrite_str(
        html,
        RewriteStrSettings {
            element_content_handlers: vec![
                element!("script", |script| {
                    // A script whose type names no JavaScript is a data block (the offline edition's
                    // dataset and reader), which the browser never runs.
                    let kind = script.get_attribute("type").unwrap_or_default();
                    let kind = kind.trim().to_ascii_lowercase();
                    let runs = matches!(
                        kind.as_str(),
                        "" | "module" | "text/javascript" | "application/javascript"
                    );
                    let is_inline = script.get_attribute("src").is_none()
                        && runs
                        && (with_modules || kind != "module");
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

pub(super) fn csp_hash(inline_text: &str) -> String {
    let digest = sha2::Sha256::digest(inline_text.as_bytes());
    format!(
        "sha256-{}",
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
}
