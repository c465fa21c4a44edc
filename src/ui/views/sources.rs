//! The Sources and method view: what the loaded data are, how figures are worked out, and every source.

use std::sync::Arc;

use leptos::prelude::*;

use crate::closed_set::ClosedSet;
use crate::data::{is_safe_https_url, Dataset};
use crate::view_model::{editions_paragraph, method_notes};

/// The date this build of the app was made, set by `cargo xtask` when it builds.
const BUILD_DATE: Option<&str> = option_env!("BSE_BUILD_DATE");

/// Sources and method: what the data are, how figures are worked out, and every source.
#[component]
pub fn SourcesView(
    dataset: Arc<Dataset>,
    /// SHA-256 of the loaded file.
    fingerprint: String,
    /// Where the data came from, in words.
    origin: String,
) -> impl IntoView {
    let daily = &dataset.crossings.daily;
    view! {
        <h2>"Sources and method"</h2>
        <dl class="facts" data-testid="dataset-facts">
            <dt>"Dataset"</dt><dd>{dataset.title.clone()}</dd>
            <dt>"Loaded from"</dt><dd>{origin}</dd>
            <dt>"Fingerprint (SHA-256)"</dt><dd><code data-testid="dataset-fingerprint">{fingerprint}</code></dd>
            <dt>"Schema version"</dt><dd data-testid="schema-version">{dataset.schema_version}</dd>
            <dt>"App built on"</dt><dd data-testid="build-date">{BUILD_DATE.unwrap_or("not recorded (a development build)")}</dd>
            <dt>"Data as at"</dt><dd>{crate::dates::day_month_year(dataset.as_of)}</dd>
            <dt>"Records"</dt><dd>{format!(
                "{} sources, {} days of crossings, {} announcements, {} funding records, {} other figures",
                dataset.sources.len(), daily.people.len(), dataset.announcements.len(), dataset.funding.len(), dataset.figures.len()
            )}</dd>
        </dl>
        <h3>"Provisional and official figures"</h3>
        <p data-testid="editions-paragraph">{editions_paragraph(&dataset)}</p>
        <h3>"How figures are worked out"</h3>
        <ul>{method_notes().into_iter().map(|note| view! { <li>{note}</li> }).collect_view()}</ul>
        <h3>"Every source"</h3>
        <ol class="source-list" data-testid="source-list">
            {dataset.sources.iter().map(|source| {
                let link = source.url.as_deref().filter(|url| is_safe_https_url(url)).map(|url| view! {
                    <a href=url.to_string() rel="noopener noreferrer" target="_blank">{url.to_string()}</a>
                });
                view! {
                    <li>
                        <strong>{source.title.clone()}</strong>
                        <br/>{source.publisher.clone()}
                        {source.published.map(|date| format!(", {}", date.display()))}
                        " · "{source.kind.label()}
                        {link.map(|link| view! { <br/>{link} })}
                        {source.note.clone().map(|note| view! { <br/><span class="muted">{note}</span> })}
                    </li>
                }
            }).collect_view()}
        </ol>
    }
}
