//! The filters every view but Sources shares: typed date boxes with quick ranges beside them, and the announcement search.

use chrono::NaiveDate;
use leptos::prelude::*;

use super::history;
use super::widgets::{follow_unless_focused, DateInput};
use crate::view_state::{whole_years, QuickRange, Tab, ViewState};

/// Date range and search: typed date boxes with quick ranges beside them (never only a slider), applied
/// to every view.
#[component]
pub fn Filters(
    state: RwSignal<ViewState>,
    dataset: std::sync::Arc<crate::data::Dataset>,
    tab: Memo<Tab>,
    search_stands_alone: Memo<bool>,
    /// Whether the quick ranges are built yet (a task after the date boxes while the page starts).
    quick_ranges_built: Signal<bool>,
) -> impl IntoView {
    let has_filters = move || state.with(ViewState::has_filters);
    let data_days = dataset.crossings.daily.covered_days();
    view! {
        <form class="filters" role="search" aria-label="Filters" on:submit=|event| event.prevent_default()>
            <DateInput label="From" test_id="filter-from" data_days=data_days
                value=Signal::derive(move || state.with(|state| state.date_from))
                on_change=Callback::new(move |date| state.update(|state| { state.date_from = date; state.normalise(); }))/>
            <DateInput label="To" test_id="filter-to" data_days=data_days
                value=Signal::derive(move || state.with(|state| state.date_to))
                on_change=Callback::new(move |date| state.update(|state| { state.date_to = date; state.normalise(); }))/>
            <Show when=move || tab.get().uses_search() && !search_stands_alone.get()>
                <SearchBox state=state/>
            </Show>
            <Show when=move || quick_ranges_built.get()>
                <QuickRanges state=state data_days=data_days/>
            </Show>
            <Show when=has_filters>
                <button type="button" class="button button--secondary" data-testid="clear-filters" on:click=move |_| state.update(ViewState::clear_filters)>"Clear filters"</button>
            </Show>
            <p class="filters__summary" data-testid="filter-summary">{move || state.with(|state| crate::view_model::filter_line(&dataset, state))}</p>
        </form>
    }
}

/// Ready-made ranges beside the date boxes: all dates, this year, the latest 12 months, since the
/// Command's launch, and any whole year; the one the dates match is shown pressed.
#[component]
fn QuickRanges(state: RwSignal<ViewState>, data_days: (NaiveDate, NaiveDate)) -> impl IntoView {
    let (data_first, data_last) = data_days;
    let pressed = Memo::new(move |_| state.with(|state| state.quick_range(data_first, data_last)));
    let apply = move |range: QuickRange| {
        state.update(|state| state.apply_quick_range(range, data_last));
    };
    let year_options = whole_years(data_first, data_last);
    let year_shown = move || match pressed.get() {
        Some(QuickRange::WholeYear(year)) => year.to_string(),
        _ => String::new(),
    };
    view! {
        <div class="quick-ranges" role="group" aria-label="Quick date ranges" data-testid="quick-ranges">
            {QuickRange::BUTTONS.into_iter().map(|range| view! {
                <button type="button" class="chip" data-testid=format!("quick-range-{}", range.test_key())
                    title=range.description(data_last)
                    aria-pressed=move || (pressed.get() == Some(range)).to_string()
                    on:click=move |_| apply(range)>{range.label()}</button>
            }).collect_view()}
            <label class="quick-ranges__year"><span class="visually-hidden">"Whole year"</span>
                <select data-testid="quick-range-year" prop:value=year_shown
                    on:change=move |event| {
                        if let Ok(year) = event_target_value(&event).parse::<i32>() {
                            apply(QuickRange::WholeYear(year));
                        }
                    }>
                    <option value="" selected=move || year_shown().is_empty()>"Whole year…"</option>
                    {year_options.into_iter().map(|year| {
                        let key = year.to_string();
                        view! { <option value=key.clone() selected=move || year_shown() == key>{year}</option> }
                    }).collect_view()}
                </select>
            </label>
        </div>
    }
}

/// The announcement search: results follow typing after a short pause (or at once on Enter or on
/// leaving the box), one history entry per search, and the box is never rewritten while it has focus.
#[component]
pub fn SearchBox(state: RwSignal<ViewState>) -> impl IntoView {
    let input_ref = NodeRef::<leptos::html::Input>::new();
    let edit = history::EditSession::new();
    let pending = StoredValue::new(None::<TimeoutHandle>);
    follow_unless_focused(input_ref, move || state.with(|state| state.search.clone()));
    // The search waiting for a pause in typing, if any.
    let cancel_pending = move || {
        if let Some(handle) = pending.try_update_value(Option::take).flatten() {
            handle.clear();
        }
    };
    let commit = move || {
        cancel_pending();
        let Some(input) = input_ref.get_untracked() else {
            return;
        };
        let text: String = input
            .value()
            .chars()
            .take(crate::view_state::MAX_SEARCH_CHARS)
            .collect();
        if state.with_untracked(|state| state.search != text) {
            edit.commit(|| state.update(|state| state.search = text));
        }
    };
    let on_input = move |_| {
        cancel_pending();
        let handle = set_timeout_with_handle(commit, SEARCH_PAUSE).ok();
        pending.set_value(handle);
    };
    view! {
        <label class="search-field">"Search announcements "
            <input type="search" id="filter-search" data-testid="filter-search" maxlength="200"
                node_ref=input_ref
                on:focus=move |_| edit.start()
                on:input=on_input
                on:keydown=move |event| if event.key() == "Enter" { commit() }
                on:blur=move |_| commit()/>
        </label>
    }
}

/// How long typing must pause before the search is applied.
const SEARCH_PAUSE: std::time::Duration = std::time::Duration::from_millis(250);
