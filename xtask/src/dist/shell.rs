//! The static copy of the header, title and as-of line written into both editions, so they paint before the app starts.

use lol_html::html_content::ContentType;
use lol_html::{element, rewrite_str, RewriteStrSettings};

use border_security_explorer::page::STATIC_SHELL_ELEMENT_ID;

/// Puts a static copy of the page's header, the bundled dataset's title and its as-of line at the top of
/// `<body>`, laid out exactly as the app draws them, so people see them while the app loads; the app
/// removes it once the dataset is in, and the stylesheet hides the app's own elements until then. The
/// title is data, so lol_html writes it as escaped text.
pub(super) fn add_static_shell(
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
                         <span class=\"site-header__name\">Border Security Briefing Explorer</span>\
                         <span class=\"open-file\"><span class=\"open-file__label\">Open data file</span></span></div></header>\
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
