//! The Sources and method view: what the loaded data are, how figures are worked out, and every source.

use std::sync::Arc;

use leptos::prelude::*;

use crate::chart::ChartSize;
use crate::closed_set::ClosedSet;
use crate::data::{is_safe_https_url, Dataset};
use crate::view_model::{
    changelog_entries, editions_chart_view, editions_view, method_notes, source_differences,
    OtherValue,
};
use crate::view_state::ViewState;

use crate::ui::chart_panel::{ChartPanel, SortableTable};
use crate::ui::widgets::{DataPackButton, ShowMoreButton};

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
    state: RwSignal<ViewState>,
    /// The chart's drawing size, which follows the screen's width.
    chart_size: Signal<ChartSize>,
    /// Whether the parts after the dataset's facts are built yet: provisional against official (its
    /// table, then its chart, each a task of its own) comes after the rest of the view, so a long file's
    /// thousands of compared months never hold the page in one task.
    lower_parts_ready: Signal<bool>,
) -> impl IntoView {
    let dataset_for_editions = dataset.clone();
    let editions = Memo::new(move |_| {
        lower_parts_ready
            .get()
            .then(|| editions_view(&dataset_for_editions))
    });
    let chart_ready = RwSignal::new(false);
    Effect::new(move |_| {
        if lower_parts_ready.get() && !chart_ready.get_untracked() {
            leptos::task::spawn_local(async move {
                crate::ui::browser::next_task().await;
                // The view may have gone in the meantime.
                chart_ready.try_set(true);
            });
        }
    });
    // A long list of sources is drawn a page at a time.
    let dataset_for_list = dataset.clone();
    let n_sources = dataset.sources.len();
    let asked = RwSignal::new(crate::view_model::ITEMS_SHOWN_AT_ONCE);
    let drawn = Memo::new(move |_| crate::view_model::items_to_draw(n_sources, asked.get(), None));
    let dataset_for_chart = dataset.clone();
    // Drawn again only when the screen's width changes the drawing size.
    let chart = Memo::new(move |_| {
        chart_ready
            .get()
            .then(|| editions_chart_view(&dataset_for_chart, chart_size.get()))
            .flatten()
    });
    let dataset_for_download = dataset.clone();
    let editions_chart = move || {
        chart.get().map(|chart| {
            let dataset_for_download = dataset_for_download.clone();
            let dataset_for_panel = dataset_for_download.clone();
            // The same dataset gives the chart at any size too; the screen's drawing is the fallback.
            let chart_for_download = chart.clone();
            view! {
                <ChartPanel dataset=dataset_for_panel chart=chart state=state chart_at=move |size| {
                    editions_chart_view(&dataset_for_download, size).unwrap_or_else(|| chart_for_download.clone())
                }/>
            }
        })
    };
    view! {
        <h2>"Sources and method"</h2>
        <p><DataPackButton/></p>
        <p data-testid="open-file-help">"To look at another edition of the data, choose "<strong>"Open data file"</strong>
            " at the top of the page, or drop a dataset file (JSON, at most 32 MB) anywhere on it. The file is checked in this browser and never leaves it; the explorer then says what changed against the data on screen."</p>
        <DatasetFacts dataset=dataset.clone() fingerprint=fingerprint origin=origin/>
        <h3>"Provisional and official figures"</h3>
        <p data-testid="editions-paragraph">{move || editions.with(|editions| editions.as_ref().map(|editions| editions.paragraph.clone()))}</p>
        {move || editions.with(|editions| editions.as_ref().and_then(|editions| editions.differences.clone())).map(|table| view! {
            <div data-testid="edition-differences"><SortableTable table=table/></div>
        })}
        {editions_chart}
        <SourceDifferences dataset=dataset.clone()/>
        <h3>"Changes to this dataset"</h3>
        {match changelog_entries(&dataset) {
            Ok(entries) => view! {
                <ol class="changelog" data-testid="changelog">
                    {entries.into_iter().map(|(date, summary)| view! { <li><strong>{date}</strong>": "{summary}</li> }).collect_view()}
                </ol>
            }.into_any(),
            Err(none) => view! { <p data-testid="changelog">{none}</p> }.into_any(),
        }}
        <h3>"Reusing these figures"</h3>
        <div data-testid="licences">
            <p>{crate::data_pack::LICENCE_STATEMENT}</p>
            <p>{crate::data_pack::CODE_LICENCE_STATEMENT}</p>
        </div>
        <h3>"How figures are worked out"</h3>
        <ul>{method_notes().into_iter().map(|note| view! { <li>{note}</li> }).collect_view()}</ul>
        <h3>"Every source"</h3>
        <ol class="source-list" data-testid="source-list">
            {move || dataset_for_list.sources.iter().take(drawn.get()).map(|source| {
                let link = source.url.as_deref().filter(|url| is_safe_https_url(url)).map(|url| view! {
                    <a href=url.to_string() rel="noopener noreferrer" target="_blank">{url.to_string()}</a>
                });
                view! {
                    <li>
                        <strong>{source.title.clone()}</strong>
                        <br/>{source.publisher.clone()}
                        {source.via.clone().map(|via| format!(", via {via}"))}
                        {source.published.map(|date| format!(", {}", date.display()))}
                        " · "{source.kind.label()}
                        {link.map(|link| view! { <br/>{link} })}
                        {source.note.clone().map(|note| view! { <br/><span class="muted">{note}</span> })}
                    </li>
                }
            }).collect_view()}
        </ol>
        <ShowMoreButton asked=asked drawn=drawn total=Signal::stored(n_sources) plural="sources" test_id="show-more-sources"/>
    }
}

/// What the data on screen are: title, where they came from, fingerprint, schema, app version and build,
/// as-of date and how many records of each kind.
#[component]
fn DatasetFacts(dataset: Arc<Dataset>, fingerprint: String, origin: String) -> impl IntoView {
    let daily = &dataset.crossings.daily;
    view! {
        <dl class="facts" data-testid="dataset-facts">
            <dt>"Dataset"</dt><dd>{dataset.title.clone()}</dd>
            <dt>"Loaded from"</dt><dd>{origin}</dd>
            <dt>"Fingerprint (SHA-256)"</dt><dd><code data-testid="dataset-fingerprint">{fingerprint}</code></dd>
            <dt>"Schema version"</dt><dd data-testid="schema-version">{dataset.schema_version}</dd>
            <dt>"App version"</dt><dd data-testid="app-version">{crate::APP_VERSION}</dd>
            <dt>"App built on"</dt><dd data-testid="build-date">{BUILD_DATE.unwrap_or("not recorded (a development build)")}</dd>
            <dt>"Data as at"</dt><dd>{crate::dates::day_month_year(dataset.as_of)}</dd>
            <dt>"Records"</dt><dd>{format!(
                "{} sources, {} days of crossings, {} announcements, {} funding records, {} other figures",
                dataset.sources.len(), daily.people.len(), dataset.announcements.len(), dataset.funding.len(), dataset.figures.len()
            )}</dd>
        </dl>
    }
}

/// Every value another source gives differently, beside the value used here and its sources.
#[component]
fn SourceDifferences(dataset: Arc<Dataset>) -> impl IntoView {
    let differences = source_differences(&dataset);
    let count = differences.len();
    // Drawn a page at a time: a large file can hold thousands.
    let asked = RwSignal::new(crate::view_model::ITEMS_SHOWN_AT_ONCE);
    let drawn = Memo::new(move |_| crate::view_model::items_to_draw(count, asked.get(), None));
    let differences = StoredValue::new(differences);
    let publishers_of = move |source_ids: &[String]| {
        crate::text::join_words(
            &dataset
                .sources_of(source_ids)
                .map(|source| source.publisher.clone())
                .collect::<Vec<_>>(),
        )
    };
    view! {
        <h3 id="where-sources-differ">"Where sources differ"</h3>
        <p>{format!(
            "Other sources give other values for {}. The value used here is the one from the source named beside it; the others are kept, with their sources, and never mixed in.",
            crate::text::count_of(count, "figure or date", "figures and dates")
        )}</p>
        <ol class="differences" data-testid="source-differences">
            {move || differences.with_value(|differences| differences.iter().take(drawn.get()).cloned().collect::<Vec<_>>()).into_iter().map(|difference| {
                let used_by = publishers_of(&difference.used_source_ids);
                view! {
                    <li class="difference" data-record=difference.record_id.clone()>
                        <h4 class="difference__subject">{difference.subject.clone()}</h4>
                        <p class="difference__used" data-testid="difference-used">
                            <span class="muted">"Used here: "</span><strong>{difference.used_display.clone()}</strong>
                            <span class="muted">", from "{used_by}</span>
                        </p>
                        <ul class="plain-list difference__others">{difference.others.iter().map(|other| view! {
                            <li>{OtherValue::sentence(other)}</li>
                        }).collect_view()}</ul>
                    </li>
                }
            }).collect_view()}
        </ol>
        <ShowMoreButton asked=asked drawn=drawn total=Signal::stored(count) plural="figures and dates" test_id="show-more-differences"/>
    }
}
