//! The Crossings view: chart options, the chart panel, and the list of announcements marked on it.

use std::sync::Arc;

use leptos::prelude::*;

use crate::chart::ChartSize;
use crate::closed_set::ClosedSet;
use crate::data::Dataset;
use crate::view_model::{crossings_chart, nearest_events, EVENTS_SHOWN};
use crate::view_state::{Measure, Period, SeriesChoice, Tab, ViewState, ROLLING_CHOICES};

use crate::ui::chart_panel::ChartPanel;
use crate::ui::widgets::{closed_set_options, OptionSelect};

use super::compare::ComparePanel;

/// The rolling-average choices: "None", "3 periods", …
fn rolling_options() -> Vec<(String, String)> {
    ROLLING_CHOICES
        .iter()
        .map(|periods| {
            let label = if *periods == 0 {
                "None".to_string()
            } else {
                format!("{periods} periods")
            };
            (periods.to_string(), label)
        })
        .collect()
}

/// Crossings: options and the chart, with announcements as numbered markers.
#[component]
pub fn CrossingsView(
    dataset: Arc<Dataset>,
    state: RwSignal<ViewState>,
    /// The chart's drawing size, which follows the screen's width.
    chart_size: Signal<ChartSize>,
) -> impl IntoView {
    let dataset_for_chart = dataset.clone();
    let chart = Memo::new(move |_| {
        state.with(|state| crossings_chart(&dataset_for_chart, state, chart_size.get()))
    });
    let dataset_for_download = dataset.clone();
    // Its own memo, so the list (one item per announcement: thousands in a large dataset) is only
    // rebuilt when the marked announcements change, not when the measure does.
    let events = Memo::new(move |_| chart.with(|chart| chart.events.clone()));
    // The list shows the few marked nearest the readout (or the latest), or all when asked.
    let readout_idx = RwSignal::new(None::<usize>);
    let show_all_events = RwSignal::new(false);
    let listed = Memo::new(move |_| {
        events.with(|events| {
            if show_all_events.get() {
                (0..events.len()).collect()
            } else {
                nearest_events(events, readout_idx.get(), EVENTS_SHOWN)
            }
        })
    });
    view! {
        <h2>"Crossings"</h2>
        <ChartPanel dataset=dataset.clone() chart=chart state=state readout_idx=readout_idx chart_at=move |size| {
            state.with_untracked(|state| crossings_chart(&dataset_for_download, state, size))
        }/>
        <ComparePanel dataset=dataset.clone() state=state/>
        <Show when=move || events.with(|events| !events.is_empty())>
            <h3>"Announcements marked on the chart"</h3>
            <p class="event-list__scope" data-testid="event-list-scope" aria-live="polite">{move || events.with(|events| {
                let listed_count = listed.with(Vec::len);
                if listed_count == events.len() {
                    format!("All {} marked, in order.", events.len())
                } else if readout_idx.get().is_some() {
                    format!("The {listed_count} of {} nearest the readout.", events.len())
                } else {
                    format!("The latest {listed_count} of {}; move along the chart to list those near a date.", events.len())
                }
            })}</p>
            <ol class="event-list" data-testid="event-list">
                {move || events.with(|events| listed.get().into_iter().map(|event_idx| {
                    let event = &events[event_idx];
                    let announcement_id = event.announcement_id.clone();
                    // Opens the announcement on its tab, in view and focused.
                    let open = move |_| {
                        let announcement_id = announcement_id.clone();
                        state.update(move |state| {
                            state.show_tab(Tab::Announcements);
                            state.item = Some(announcement_id);
                        });
                    };
                    view! {
                        <li value=event.number.to_string()>
                            <time>{event.date_display.clone()}</time>" — "
                            <button type="button" class="link-button" on:click=open>{event.title.clone()}</button>
                        </li>
                    }
                }).collect_view())}
            </ol>
            <Show when=move || events.with(|events| events.len() > EVENTS_SHOWN)>
                <button type="button" class="button button--secondary" data-testid="show-all-events"
                    aria-pressed=move || show_all_events.get().to_string()
                    on:click=move |_| show_all_events.update(|show| *show = !*show)>
                    {move || if show_all_events.get() { "Show fewer".to_string() } else { format!("Show all {}", events.with(Vec::len)) }}
                </button>
            </Show>
        </Show>
    }
}

/// The Crossings chart's options: grouping, measure, figures, rolling average, years compared and
/// announcements marked. Shown with the filters, in the one disclosure a phone keeps closed.
#[component]
pub fn CrossingsOptions(state: RwSignal<ViewState>) -> impl IntoView {
    view! {
        <form class="options" on:submit=|event| event.prevent_default() aria-label="Chart options" data-testid="crossings-options">
            <OptionSelect label="Group by" test_id="option-period" options={closed_set_options::<Period>()}
                current=Signal::derive(move || state.with(|state| state.period.key().to_string()))
                on_pick=Callback::new(move |key: String| if let Some(period) = Period::from_key(&key) { state.update(|state| state.period = period) })/>
            <OptionSelect label="Measure" test_id="option-measure" options={closed_set_options::<Measure>()}
                current=Signal::derive(move || state.with(|state| state.measure.key().to_string()))
                on_pick=Callback::new(move |key: String| if let Some(measure) = Measure::from_key(&key) { state.update(|state| state.measure = measure) })/>
            <OptionSelect label="Figures" test_id="option-series" options={closed_set_options::<SeriesChoice>()}
                current=Signal::derive(move || state.with(|state| state.series.key().to_string()))
                on_pick=Callback::new(move |key: String| if let Some(series) = SeriesChoice::from_key(&key) { state.update(|state| state.series = series) })/>
            <OptionSelect label="Rolling average" test_id="option-rolling" options={rolling_options()}
                current=Signal::derive(move || state.with(|state| state.rolling_periods.to_string()))
                on_pick=Callback::new(move |key: String| if let Ok(periods) = key.parse::<u32>() { state.update(|state| state.rolling_periods = periods) })/>
            <label class="checkbox">
                <input type="checkbox" data-testid="option-yoy" prop:checked=move || state.with(|state| state.compare_years)
                    on:change=move |event| { let checked = event_target_checked(&event); state.update(|state| state.compare_years = checked); }/>
                " Compare years (cumulative from 1 January)"
            </label>
            <label class="checkbox">
                <input type="checkbox" data-testid="option-events" prop:checked=move || state.with(|state| state.show_events)
                    on:change=move |event| { let checked = event_target_checked(&event); state.update(|state| state.show_events = checked); }/>
                " Mark announcements"
            </label>
        </form>
    }
}
