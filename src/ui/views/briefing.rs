//! The Briefing view: the summary paragraph, headline figures with citations, the latest announcements.

use std::sync::Arc;

use leptos::prelude::*;

use crate::analysis::compare::{ComparePreset, Comparison};
use crate::analysis::filter::filter_announcements;
use crate::chart::ChartSize;
use crate::closed_set::ClosedSet;
use crate::data::Dataset;
use crate::view_model::{
    briefing_chart, briefing_summary, compare_view, headlines, key_numbers, CompareView,
    WIDE_CHART_SIZE,
};
use crate::view_state::ViewState;
use crate::view_state::BRIEFING_PERIODS;

use crate::ui::browser;
use crate::ui::chart_panel::{ChartPanel, SortableTable};
use crate::ui::widgets::{CopyButton, DateInput, OptionSelect, SourceLinks};

/// The landing view: headline figures, a generated summary, the latest announcements.
#[component]
pub fn BriefingView(
    dataset: Arc<Dataset>,
    state: RwSignal<ViewState>,
    /// The chart's drawing size, which follows the screen's width.
    chart_size: Signal<ChartSize>,
) -> impl IntoView {
    let dataset_for_headlines = dataset.clone();
    let figures = Memo::new(move |_| state.with(|state| headlines(&dataset_for_headlines, state)));
    let dataset_for_summary = dataset.clone();
    let summary =
        Memo::new(move |_| state.with(|state| briefing_summary(&dataset_for_summary, state)));
    let dataset_for_latest = dataset.clone();
    let latest = move || {
        state.with(|state| {
            let filter = state.announcement_filter();
            filter_announcements(&dataset_for_latest.announcements, &filter)
                .into_iter()
                .take(5)
                .collect::<Vec<_>>()
        })
    };
    let dataset_for_cards = dataset.clone();
    let dataset_for_list = dataset.clone();
    view! {
        <h2>"Briefing"</h2>
        <p class="lede" data-testid="briefing-summary" aria-live="polite">{move || summary.get()}</p>
        <KeyNumbersTable dataset=dataset.clone()/>
        <KeyChart dataset=dataset.clone() state=state chart_size=chart_size/>
        <ComparePanel dataset=dataset.clone() state=state/>
        <div class="headline-grid">
            {move || figures.get().into_iter().map(|headline| {
                let citation = headline.citation.clone();
                view! {
                    <article class="headline" data-testid=format!("headline-{}", headline.headline_id)>
                        <p class="headline__value" data-testid="headline-value">{headline.value.clone()}</p>
                        <p class="headline__label">{headline.label.clone()}</p>
                        <p class="headline__meta">
                            <span class="status-tag">{headline.status.clone()}</span>
                            " "{headline.period.clone()}
                        </p>
                        <details class="headline__sources">
                            <summary>"Sources"</summary>
                            <SourceLinks dataset=dataset_for_cards.clone() source_ids=headline.source_ids.clone()/>
                        </details>
                        <CopyButton label="Copy figure with citation" text=Signal::derive(move || citation.clone())
                            test_id=format!("copy-{}", headline.headline_id)/>
                    </article>
                }
            }).collect_view()}
        </div>
        <h3>"Latest announcements"</h3>
        <ol class="announcement-list announcement-list--short">
            {move || latest().into_iter().map(|announcement_idx| {
                let announcement = dataset_for_list.announcements[announcement_idx].clone();
                view! {
                    <li>
                        <time datetime=announcement.date.iso()>{announcement.date.display()}</time>
                        " — "<strong>{announcement.title.clone()}</strong>
                        <p>{announcement.summary.clone()}</p>
                    </li>
                }
            }).collect_view()}
        </ol>
    }
}

/// Every year's provisional and official totals, sortable, each row copyable as a cited sentence, and
/// the table as CSV.
#[component]
fn KeyNumbersTable(dataset: Arc<Dataset>) -> impl IntoView {
    let key = key_numbers(&dataset);
    let download_status = RwSignal::new(String::new());
    let (table, footer) = (key.table.clone(), key.csv_footer.clone());
    let file_name = format!("{}.csv", crate::export::file_stem(&key.table.caption));
    // The CSV is written when asked for, not while the page starts.
    let download = move |_| {
        let csv = crate::export::to_csv(&table, &footer);
        download_status.set(
            match browser::download_text(&file_name, "text/csv;charset=utf-8", &csv) {
                Ok(()) => format!("Downloading {file_name}"),
                Err(message) => format!("The download failed: {message}"),
            },
        );
    };
    view! {
        <section class="key-numbers" data-testid="key-numbers" aria-labelledby="key-numbers-title">
            <h3 id="key-numbers-title">"Key numbers by year"</h3>
            <div class="chart-panel__tools no-print-hidden">
                <button type="button" class="button button--secondary" data-testid="download-key-numbers" on:click=download>"Download CSV"</button>
                <span class="visually-hidden" role="status">{move || download_status.get()}</span>
            </div>
            <SortableTable table=key.table.clone() row_citations=key.row_citations.clone()/>
            <ul class="chart-panel__notes">
                {key.notes.iter().map(|note| view! { <li>{note.clone()}</li> }).collect_view()}
            </ul>
        </section>
    }
}

/// The key chart: people crossing by month or by year over the view's dates.
#[component]
fn KeyChart(
    dataset: Arc<Dataset>,
    state: RwSignal<ViewState>,
    chart_size: Signal<ChartSize>,
) -> impl IntoView {
    let dataset_for_chart = dataset.clone();
    let chart = Memo::new(move |_| {
        state.with(|state| briefing_chart(&dataset_for_chart, state, chart_size.get()))
    });
    let options = BRIEFING_PERIODS
        .iter()
        .map(|period| (period.key().to_string(), format!("By {}", period.label())))
        .collect::<Vec<_>>();
    view! {
        <form class="options" on:submit=|event| event.prevent_default() aria-label="Key chart options">
            <OptionSelect label="Key chart" test_id="option-briefing-period" options=options
                current=Signal::derive(move || state.with(|state| state.briefing_period.key().to_string()))
                on_pick=Callback::new(move |key: String| {
                    if let Some(period) = BRIEFING_PERIODS.iter().find(|period| period.key() == key) {
                        let period = *period;
                        state.update(|state| state.briefing_period = period);
                    }
                })/>
        </form>
        <ChartPanel chart=chart state=state wide_chart=move |()| {
            state.with_untracked(|state| briefing_chart(&dataset, state, WIDE_CHART_SIZE))
        }/>
    }
}

/// Two or more periods compared: a preset or two typed periods, their figures, and a sentence to copy.
#[component]
fn ComparePanel(dataset: Arc<Dataset>, state: RwSignal<ViewState>) -> impl IntoView {
    let shown = Memo::new(move |_| state.with(|state| compare_view(&dataset, state)));
    let mut options = vec![("none".to_string(), "No comparison".to_string())];
    options.extend(
        ComparePreset::all().map(|preset| (preset.key().to_string(), preset.label().to_string())),
    );
    options.push((
        "typed".to_string(),
        "Two periods of your choice".to_string(),
    ));
    let current = Signal::derive(move || {
        state.with(|state| match state.compare {
            None => "none".to_string(),
            Some(Comparison::Preset(preset)) => preset.key().to_string(),
            Some(Comparison::Typed { .. }) => "typed".to_string(),
        })
    });
    let on_pick = Callback::new(move |key: String| {
        state.update(|state| {
            state.compare = match key.as_str() {
                "typed" => Some(match state.compare {
                    Some(typed @ Comparison::Typed { .. }) => typed,
                    _ => Comparison::Typed {
                        a: (None, None),
                        b: (None, None),
                    },
                }),
                _ => ComparePreset::from_key(&key).map(Comparison::Preset),
            };
        })
    });
    let typed = move || {
        state.with(|state| match state.compare {
            Some(Comparison::Typed { a, b }) => Some((a, b)),
            _ => None,
        })
    };
    // Sets one of the four typed dates (0: A from, 1: A to, 2: B from, 3: B to).
    let set_typed = move |which: usize| {
        Callback::new(move |date| {
            state.update(|state| {
                if let Some(Comparison::Typed { a, b }) = &mut state.compare {
                    match which {
                        0 => a.0 = date,
                        1 => a.1 = date,
                        2 => b.0 = date,
                        _ => b.1 = date,
                    }
                }
            })
        })
    };
    let typed_date = move |which: usize| {
        Signal::derive(move || typed().and_then(|(a, b)| [a.0, a.1, b.0, b.1][which]))
    };
    view! {
        <section class="compare" data-testid="compare" aria-labelledby="compare-title">
            <h3 id="compare-title">"Compare periods"</h3>
            <form class="options" on:submit=|event| event.prevent_default() aria-label="Comparison">
                <OptionSelect label="Compare" test_id="option-compare" options=options current=current on_pick=on_pick/>
                <Show when=move || typed().is_some()>
                    <DateInput label="Period A from" test_id="compare-a-from" value=typed_date(0) on_change=set_typed(0)/>
                    <DateInput label="Period A to" test_id="compare-a-to" value=typed_date(1) on_change=set_typed(1)/>
                    <DateInput label="Period B from" test_id="compare-b-from" value=typed_date(2) on_change=set_typed(2)/>
                    <DateInput label="Period B to" test_id="compare-b-to" value=typed_date(3) on_change=set_typed(3)/>
                </Show>
            </form>
            {move || shown.get().map(|shown| match shown {
                CompareView::Problem(problem) => view! {
                    <p class="notice" role="status" data-testid="compare-problem">{problem}</p>
                }.into_any(),
                CompareView::Figures { table, sentence, notes } => {
                    let sentence_for_copy = sentence.clone();
                    view! {
                        <p class="lede" data-testid="compare-sentence">{sentence}</p>
                        <p><CopyButton label="Copy the comparison" text=Signal::derive(move || sentence_for_copy.clone())
                            test_id="copy-comparison".to_string()/></p>
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
