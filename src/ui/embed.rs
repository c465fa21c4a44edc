//! The embed page (`embed.html`): one view's chart alone, for other sites to frame, with its title, subtitle, status, source and a link to the full view, at the frame's width, in the colours the link asks for.

use leptos::prelude::*;

use crate::closed_set::ClosedSet;
use crate::view_model::{embedded_chart, full_view_address};
use crate::view_state::{parse_fragment, to_fragment, ViewState};

use super::browser;
use super::load::load_bundled_dataset;

/// The embed page: the chart of the view its fragment names, drawn once the bundled data are in.
#[component]
pub fn EmbedPage() -> impl IntoView {
    let bundled = LocalResource::new(load_bundled_dataset);
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
        <main id="main" class="embed">
            <Suspense fallback=|| view! { <p class="loading" role="status">"Loading the chart…"</p> }>
                {move || bundled.get().map(|result| match result {
                    Ok(loaded) => {
                        let dataset = loaded.dataset.clone();
                        view! { <EmbeddedChartView dataset=dataset state=state chart_size=chart_size/> }.into_any()
                    }
                    Err(error) => view! { <super::LoadFailure error=error on_retry=None/> }.into_any(),
                })}
            </Suspense>
        </main>
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
