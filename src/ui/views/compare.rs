//! Two periods compared, on the Briefing and the Crossings view: a preset or two typed periods, their figures, and a sentence to copy.

use std::sync::Arc;

use leptos::prelude::*;

use crate::analysis::compare::ComparePreset;
use crate::closed_set::ClosedSet;
use crate::data::Dataset;
use crate::view_model::{compare_view, CompareView};
use crate::view_state::ViewState;

use crate::ui::chart_panel::SortableTable;
use crate::ui::widgets::{CiteButton, DateInput, OptionSelect};

/// The comparison picker's choices: none, each preset, and two typed periods.
fn compare_options() -> Vec<(String, String)> {
    let mut options = vec![("none".to_string(), "No comparison".to_string())];
    options.extend(
        ComparePreset::all().map(|preset| (preset.key().to_string(), preset.label().to_string())),
    );
    options.push((
        "typed".to_string(),
        "Two periods of your choice".to_string(),
    ));
    options
}

/// The picker, the typed dates when asked for, and the comparison or why it cannot be made.
#[component]
pub fn ComparePanel(dataset: Arc<Dataset>, state: RwSignal<ViewState>) -> impl IntoView {
    let dataset_for_cite = StoredValue::new(dataset.clone());
    let data_days = dataset.crossings.daily.covered_days();
    let shown = Memo::new(move |_| state.with(|state| compare_view(&dataset, state)));
    let current = Signal::derive(move || state.with(|state| state.comparison_key().to_string()));
    let on_pick = Callback::new(move |key: String| {
        state.update(|state| {
            state.pick_comparison(&key);
        })
    });
    let is_typed = move || state.with(|state| state.typed_dates().is_some());
    // One of the four typed dates, by its index in `TYPED_DATE_KEYS`.
    let typed_date = move |which: usize| {
        Signal::derive(move || {
            state.with(|state| state.typed_dates().and_then(|dates| dates[which]))
        })
    };
    let set_typed = move |which: usize| {
        Callback::new(move |date| state.update(|state| state.set_typed_date(which, date)))
    };
    view! {
        <section class="compare" class:compare--empty=move || shown.with(Option::is_none) data-testid="compare" aria-labelledby="compare-title">
            <h3 id="compare-title">"Compare periods"</h3>
            <form class="options" on:submit=|event| event.prevent_default() aria-label="Comparison">
                <OptionSelect label="Compare" test_id="option-compare" options=compare_options() current=current on_pick=on_pick/>
                <Show when=is_typed>
                    <DateInput label="Period A from" test_id="compare-a-from" value=typed_date(0) data_days=data_days on_change=set_typed(0)/>
                    <DateInput label="Period A to" test_id="compare-a-to" value=typed_date(1) data_days=data_days on_change=set_typed(1)/>
                    <DateInput label="Period B from" test_id="compare-b-from" value=typed_date(2) data_days=data_days on_change=set_typed(2)/>
                    <DateInput label="Period B to" test_id="compare-b-to" value=typed_date(3) data_days=data_days on_change=set_typed(3)/>
                </Show>
            </form>
            {move || shown.get().map(|shown| match shown {
                CompareView::Problem(problem) => view! {
                    <p class="notice" role="status" data-testid="compare-problem">{problem}</p>
                }.into_any(),
                CompareView::Figures { table, sentence, cited, notes } => {
                    view! {
                        <p class="lede" data-testid="compare-sentence">{sentence}</p>
                        <p><CiteButton dataset=dataset_for_cite.get_value() state=state cited=cited label="Copy the comparison"
                            test_id="copy-comparison"/></p>
                        <SortableTable table=table/>
                        <ul class="chart-panel__notes">
                            {notes.into_iter().map(|note| view! { <li>{note}</li> }).collect_view()}
                        </ul>
                    }.into_any()
                }
            })}
        </section>
    }
}
