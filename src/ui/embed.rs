//! The embed page (`embed.html`): one view's chart alone, for other sites to frame, with its title, subtitle, status, source and a link to the full view, at the frame's width, in the colours the link asks for.
//!
//! Its code is a part of the wasm of its own (`bse_embed_page`, split off by the build as the views are,
//! see `lazy_views.rs`), which only the embed page fetches: the explorer's first module carries none of it.

use leptos::prelude::*;
use leptos::wasm_split::{wasm_split, SplitLoaderError};

use crate::closed_set::ClosedSet;
use crate::view_model::{embedded_chart, full_view_address};
use crate::view_state::{parse_fragment, to_fragment, ViewState};

use super::browser;
use super::load::{load_bundled_dataset, LoadError, LoadedDataset};

/// Builds the embed page from the bundled dataset as it loads; its code is in the embed page's part.
type BuildEmbedPage = fn(LocalResource<Result<LoadedDataset, LoadError>>) -> AnyView;

#[wasm_split(bse_embed_page, wasm_split_path = ::leptos::wasm_split, fallible)]
fn embed_page_builder() -> Result<BuildEmbedPage, SplitLoaderError> {
    Ok(|bundled| view! { <EmbedPage bundled=bundled/> }.into_any())
}

/// The embed page: the dataset is fetched at once, while the page's part comes; a part that cannot be
/// fetched says so, with "Try again".
#[component]
pub fn LazyEmbedPage() -> impl IntoView {
    let bundled = LocalResource::new(load_bundled_dataset);
    let part = LocalResource::new(|| async { embed_page_builder().await.map_err(|_| ()) });
    let loading = || view! { <p class="loading" role="status">"Loading the chart…"</p> };
    view! {
        <main id="main" class="embed">
            <Suspense fallback=loading>
                {move || part.get().map(|built| match built {
                    Ok(build) => build(bundled),
                    Err(()) => view! {
                        <div class="error-summary" role="alert" data-testid="view-failed">
                            <h1 class="error-summary__title">"The chart could not be loaded"</h1>
                            <p>"This part of the page did not arrive. Check the connection, then try again."</p>
                            <button type="button" class="button" on:click=move |_| part.refetch()>"Try again"</button>
                        </div>
                    }.into_any(),
                })}
            </Suspense>
        </main>
    }
}

/// The embed page: the chart of the view its fragment names, drawn once the bundled data are in.
#[component]
fn EmbedPage(bundled: LocalResource<Result<LoadedDataset, LoadError>>) -> impl IntoView {
    let state = RwSignal::new(parse_fragment(&browser::current_fragment()).state);
    // The host page may change the frame's fragment: the chart follows it.
    let hash_listener = window_event_listener(leptos::ev::hashchange, move |_| {
        state.set(parse_fragment(&browser::current_fragment()).state);
    });
    on_cleanup(move || hash_listener.remove());
    // Light or dark as the link asks; otherwise the reader's own setting.
    Effect::new(move |_| {
        browser::set_colour_scheme(state.with(|state| state.colours.map(|colours| colours.key())));
    });
    let (_, chart_size) = super::watch_screen();
    view! {
        <Suspense fallback=|| view! { <p class="loading" role="status">"Loading the chart…"</p> }>
            {move || bundled.get().map(|result| match result {
                Ok(loaded) => {
                    let dataset = loaded.dataset.clone();
                    view! { <EmbeddedChartView dataset=dataset state=state chart_size=chart_size/> }.into_any()
                }
                Err(error) => view! { <super::LoadFailure error=error on_retry=None/> }.into_any(),
            })}
        </Suspense>
    }
}

/// The chart with what a reader needs around it, and the link to the whole explorer.
#[component]
fn EmbeddedChartView(
    dataset: std::sync::Arc<crate::data::Dataset>,
    state: RwSignal<ViewState>,
    chart_size: Signal<crate::chart::ChartSize>,
) -> impl IntoView {
    let shown =
        Memo::new(move |_| state.with(|state| embedded_chart(&dataset, state, chart_size.get())));
    let full_view = move || {
        state.with(|state| {
            let own_view = ViewState {
                colours: None,
                ..state.clone()
            };
            browser::shareable_link(&to_fragment(&own_view)).map(|link| full_view_address(&link))
        })
    };
    Effect::new(move |_| {
        let title = shown.with(|shown| shown.as_ref().map(|shown| shown.chart.title.clone()));
        browser::set_title(&format!(
            "{} — {}",
            title.as_deref().unwrap_or("Chart"),
            crate::APP_NAME
        ));
    });
    view! {
        {move || match shown.get() {
            Some(shown) => view! {
                <figure class="embed__figure" data-testid="embedded-chart" aria-labelledby="embed-title">
                    <figcaption>
                        <h1 class="embed__title" id="embed-title">{shown.chart.title.clone()}</h1>
                        <p class="embed__subtitle">
                            <span class="status-tag" data-testid="embed-status">{shown.status}</span>" "{shown.chart.subtitle.clone()}
                        </p>
                    </figcaption>
                    <div class="chart-svg" role="img" data-testid="chart-svg"
                        aria-label=format!("{}. {}", shown.chart.title, shown.chart.summary)
                        inner_html=shown.chart.drawn.svg.clone()></div>
                    <p class="embed__source" data-testid="chart-source">{shown.chart.source_line.clone()}</p>
                </figure>
            }.into_any(),
            None => view! {
                <p class="notice" data-testid="embedded-chart">"This view has no chart to show here."</p>
            }.into_any(),
        }}
        <p class="embed__link">
            {move || full_view().map(|link| view! {
                <a href=link target="_blank" rel="noopener" data-testid="embed-full-view">"Open this view in the "{crate::APP_NAME}</a>
            })}
        </p>
    }
}
