//! Writes the static shell (the prerendered briefing, `prerender.rs`) at the top of `<body>` in both editions, so the answer paints before the app starts.

use lol_html::html_content::ContentType;
use lol_html::{element, rewrite_str, RewriteStrSettings};

use border_security_explorer::page::STATIC_SHELL_ELEMENT_ID;

/// Puts the prerendered page at the top of `<body>`; the app removes it once it has drawn the same view,
/// and the stylesheet hides the app's own elements until then.
pub(super) fn add_static_shell(
    index_html: &str,
    dataset: &border_security_explorer::data::Dataset,
) -> Result<String, String> {
    let shell = format!(
        "<div id=\"{STATIC_SHELL_ELEMENT_ID}\">{}</div>",
        super::prerender::prerendered_page(dataset)?
    );
    rewrite_str(
        index_html,
        RewriteStrSettings {
            element_content_handlers: vec![element!("body", move |body| {
                body.prepend(&shell, ContentType::Html);
                Ok(())
            })],
            ..RewriteStrSettings::new()
        },
    )
    .map_err(|error| format!("adding the prerendered briefing to dist/index.html: {error}"))
}
