//! The default view (the Briefing) written into the page at build time, drawn by the app's own components (`ui::prerender`), so the answer shows before any script has run.
//!
//! This file only puts the parts in order, adds what exists only before the app starts (the
//! no-JavaScript notice, the loading line and the page's first script), and makes the
//! drawn markup fit to stand beside the app's own while both are in the page: `data-testid` becomes
//! `data-pre`, so no test id names two elements; every id and every reference to one gets a prefix,
//! so no id is in the page twice; the renderer's placeholder comments and inline styles (which the
//! content security policy refuses) are dropped. The browser tests hold the two together: the markup of
//! each part equals the app's, and nothing moves when the app takes over.

use std::sync::Arc;

use border_security_explorer::data::Dataset;
use border_security_explorer::ui::prerender::prerender_briefing;
use lol_html::{
    comments, doc_comments, element, rewrite_str, text as text_handler, RewriteStrSettings,
};

/// Runs first on the page, before the briefing below it is drawn: a phone closes the filters (as the
/// app does), and a link to another view hides the prerendered briefing so it never flashes first.
pub const CHOOSE_SCRIPT: &str =
    "(function(){var d=document,c=d.querySelector('#bse-shell .controls');\
if(c&&matchMedia('(max-width: 40rem)').matches)c.removeAttribute('open');\
if(location.hash.length>1)d.documentElement.classList.add('bse-other-view');})();";

/// Everything inside the static shell: the app's header, the explorer's title, tabs, filters and
/// buttons, and the Briefing over all dates, as the app first draws them.
pub fn prerendered_page(dataset: &Dataset) -> Result<String, String> {
    // Both editions' markup is the same whether or not they have a link to give.
    let parts = prerender_briefing(&Arc::new(dataset.clone()), true);
    let pre = |html: &str| as_prerendered(html, "pre-");
    let mut html = String::with_capacity(96 * 1024);
    html.push_str(&pre(&parts.header)?);
    html.push_str("<main class=\"page\">");
    html.push_str(&pre(&parts.heading)?);
    html.push_str(&pre(&parts.data_panel)?);
    html.push_str(&pre(&parts.tabs)?);
    html.push_str(&pre(&parts.answers)?);
    html.push_str(&pre(&parts.controls)?);
    html.push_str(&format!("<script>{CHOOSE_SCRIPT}</script>"));
    html.push_str(&pre(&parts.share_bar)?);
    html.push_str(
        "<noscript><p class=\"notice\" data-pre=\"needs-javascript\">This is the briefing as it stood when the page was built. \
         The interactive explorer (filters, other views, tables to sort and download) needs JavaScript and WebAssembly, \
         which this browser is not running.</p></noscript>",
    );
    html.push_str("<section class=\"tab-panel bse-prerendered-panel\" role=\"tabpanel\" id=\"pre-tab-panel\" aria-labelledby=\"pre-tab-briefing\" data-pre=\"prerendered-panel\">");
    html.push_str(&pre(&parts.summary)?);
    // The key chart at both sizes; the stylesheet shows the one the app draws for the screen.
    html.push_str(&format!(
        "<div class=\"bse-wide-only\">{}</div><div class=\"bse-narrow-only\">{}</div>",
        as_prerendered(&parts.key_chart_wide, "pre-wide-")?,
        as_prerendered(&parts.key_chart_narrow, "pre-narrow-")?
    ));
    html.push_str(&pre(&parts.key_numbers)?);
    html.push_str(&pre(&parts.headlines)?);
    html.push_str("</section>");
    html.push_str(
        "<div role=\"status\" class=\"bse-waiting\"><p class=\"loading\">Loading the explorer…</p>\
         <p class=\"loading-slow\">The explorer has still not started. If this stays, reload the page; if it still does not \
         start, this browser may be blocking JavaScript or WebAssembly, which the explorer needs.</p></div></main>",
    );
    html.push_str(&pre(&parts.footer)?);
    Ok(html)
}

/// The attributes that name another element by id (a space-separated list).
const ID_REFERENCES: [&str; 4] = [
    "for",
    "aria-labelledby",
    "aria-describedby",
    "aria-controls",
];

/// Markup the app drew, made fit to stand beside the app's own: `data-testid` becomes `data-pre`, ids
/// and the references to them get `id_prefix`, and the renderer's comments, inline styles and the
/// stand-in space of an empty status line are dropped.
pub fn as_prerendered(html: &str, id_prefix: &str) -> Result<String, String> {
    rewrite_str(
        html,
        RewriteStrSettings {
            element_content_handlers: vec![
                element!("*", |element| {
                    if let Some(test_id) = element.get_attribute("data-testid") {
                        element.remove_attribute("data-testid");
                        element.set_attribute("data-pre", &test_id)?;
                    }
                    if let Some(id) = element.get_attribute("id") {
                        element.set_attribute("id", &format!("{id_prefix}{id}"))?;
                    }
                    for name in ID_REFERENCES {
                        if let Some(ids) = element.get_attribute(name) {
                            let prefixed: Vec<String> = ids
                                .split_whitespace()
                                .map(|id| format!("{id_prefix}{id}"))
                                .collect();
                            element.set_attribute(name, &prefixed.join(" "))?;
                        }
                    }
                    element.remove_attribute("style");
                    Ok(())
                }),
                comments!("*", |comment| {
                    comment.remove();
                    Ok(())
                }),
                text_handler!("[role=status]", |chunk| {
                    if chunk.as_str().trim().is_empty() {
                        chunk.remove();
                    }
                    Ok(())
                }),
            ],
            document_content_handlers: vec![doc_comments!(|comment| {
                comment.remove();
                Ok(())
            })],
            ..RewriteStrSettings::new()
        },
    )
    .map_err(|error| format!("preparing the prerendered briefing: {error}"))
}

#[cfg(test)]
mod tests {
    use super::as_prerendered;

    #[test]
    fn drawn_markup_gets_its_own_test_ids_and_ids_and_loses_comments_and_styles() {
        let drawn = "<section data-testid=\"key-numbers\" aria-labelledby=\"key-numbers-title\" style=\"color:red\">\
            <h3 id=\"key-numbers-title\">Key numbers</h3><!><label for=\"filter-from\">From</label>\
            <input id=\"filter-from\" aria-describedby=\"filter-from-error filter-from-note\"><!--<() />-->\
            <span role=\"status\" class=\"copy-status\"> </span><span role=\"status\">Copied.</span>\
            <p data-label=\"id=&quot;x&quot;\">a data-testid=\"y\" id=\"z\"</p></section><!>";
        let prerendered = as_prerendered(drawn, "pre-").unwrap();
        assert_eq!(
            prerendered,
            "<section aria-labelledby=\"pre-key-numbers-title\" data-pre=\"key-numbers\">\
            <h3 id=\"pre-key-numbers-title\">Key numbers</h3><label for=\"pre-filter-from\">From</label>\
            <input id=\"pre-filter-from\" aria-describedby=\"pre-filter-from-error pre-filter-from-note\">\
            <span role=\"status\" class=\"copy-status\"></span><span role=\"status\">Copied.</span>\
            <p data-label=\"id=&quot;x&quot;\">a data-testid=\"y\" id=\"z\"</p></section>"
        );
    }
}
