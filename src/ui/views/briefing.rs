//! The Briefing view: the summary paragraph, headline figures with citations, the latest announcements.

use std::sync::Arc;

use leptos::prelude::*;

use crate::analysis::filter::filter_announcements;
use crate::chart::ChartSize;
use crate::closed_set::ClosedSet;
use crate::data::Dataset;
use crate::view_model::{
    answers, briefing_chart, briefing_summary, headlines, key_numbers, Headline,
};
use crate::view_state::BRIEFING_PERIODS;
use crate::view_state::{to_fragment, ViewState};

use crate::citation::{cite, Cited};
use crate::ui::browser;
use crate::ui::build_steps::{BuildSteps, Step};
use crate::ui::chart_panel::{ChartPanel, SortableTable};
use crate::ui::widgets::{CiteButton, DataPackButton, OptionSelect, SourceLinks};

use super::compare::ComparePanel;
use super::key_facts::KeyFactsSection;

/// The landing view: headline figures, a generated summary, the latest announcements.
#[component]
pub fn BriefingView(
    dataset: Arc<Dataset>,
    state: RwSignal<ViewState>,
    /// The chart's drawing size, which follows the screen's width.
    chart_size: Signal<ChartSize>,
    /// How far the explorer is built: while the page starts, the parts below the summary come a task at
    /// a time (the key chart, the key numbers, the headline figures, the comparison, the key facts, then
    /// the data pack and the latest announcements).
    steps: BuildSteps,
) -> impl IntoView {
    let (for_chart, for_numbers, for_headlines, for_comparison, for_facts) = (
        dataset.clone(),
        dataset.clone(),
        dataset.clone(),
        dataset.clone(),
        dataset.clone(),
    );
    view! {
        <BriefingSummary dataset=dataset.clone() state=state/>
        <Show when=move || steps.done(Step::ViewPart2)>
            <KeyChart dataset=for_chart.clone() state=state chart_size=chart_size/>
        </Show>
        <Show when=move || steps.done(Step::ViewPart3)>
            <KeyNumbersTable dataset=for_numbers.clone() state=state/>
        </Show>
        <Show when=move || steps.done(Step::ViewPart4)>
            <HeadlineGrid dataset=for_headlines.clone() state=state/>
        </Show>
        <Show when=move || steps.done(Step::ViewPart5)>
            <ComparePanel dataset=for_comparison.clone() state=state/>
        </Show>
        <Show when=move || steps.done(Step::ViewPart6)>
            <KeyFactsSection dataset=for_facts.clone() state=state/>
        </Show>
        <Show when=move || steps.done(Step::ViewPart7)>
            <BriefingLatest dataset=dataset.clone() state=state/>
        </Show>
    }
}

/// The Briefing's heading and its summary paragraph, generated from the data under the filters.
#[component]
pub fn BriefingSummary(dataset: Arc<Dataset>, state: RwSignal<ViewState>) -> impl IntoView {
    let summary = Memo::new(move |_| state.with(|state| briefing_summary(&dataset, state)));
    view! {
        <h2>"Briefing"</h2>
        <p class="lede" data-testid="briefing-summary" aria-live="polite">{move || summary.get()}</p>
    }
}

/// The Briefing below its key facts: the data pack and the latest announcements.
#[component]
fn BriefingLatest(dataset: Arc<Dataset>, state: RwSignal<ViewState>) -> impl IntoView {
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
    let dataset_for_list = dataset.clone();
    view! {
        <p><DataPackButton/></p>
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

/// The headline figures under the filters, each a card.
#[component]
pub fn HeadlineGrid(dataset: Arc<Dataset>, state: RwSignal<ViewState>) -> impl IntoView {
    let dataset_for_headlines = dataset.clone();
    let figures = Memo::new(move |_| state.with(|state| headlines(&dataset_for_headlines, state)));
    view! {
        <div class="headline-grid">
            {move || figures.get().into_iter().map(|headline| {
                view! { <HeadlineCard dataset=dataset.clone() state=state headline=headline/> }
            }).collect_view()}
        </div>
    }
}

/// One headline figure: the value, what it counts, its status and period, its sources (written out
/// when printed) and a button that copies it with its citation.
#[component]
fn HeadlineCard(
    dataset: Arc<Dataset>,
    state: RwSignal<ViewState>,
    headline: Headline,
) -> impl IntoView {
    let cited = Cited::new(headline.claim.clone(), headline.source_ids.clone());
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
                <SourceLinks dataset=dataset.clone() source_ids=headline.source_ids.clone()/>
            </details>
            // Paper cannot open a disclosure: the sources are written out when printed.
            <div class="print-only headline__printed-sources" data-testid="printed-sources">
                <p>"Sources:"</p>
                <SourceLinks dataset=dataset.clone() source_ids=headline.source_ids.clone() max_listed=2/>
            </div>
            <CiteButton dataset=dataset state=state cited=cited label="Copy figure with citation"
                test_id=format!("copy-{}", headline.headline_id)/>
        </article>
    }
}

/// The answers the Briefing opens with, above its filters: this year so far and the latest whole month,
/// each against a year earlier. They do not follow the filters.
#[component]
pub fn BriefingAnswers(dataset: Arc<Dataset>, state: RwSignal<ViewState>) -> impl IntoView {
    let answers = answers(&dataset);
    view! {
        <section class="answers" data-testid="briefing-answers" aria-label="The latest figures">
            {answers.into_iter().map(|headline| view! {
                <HeadlineCard dataset=dataset.clone() state=state headline=headline/>
            }).collect_view()}
        </section>
    }
}

/// Every year's provisional and official totals, sortable, each row copyable as a cited sentence, and
/// the table as CSV.
#[component]
pub fn KeyNumbersTable(dataset: Arc<Dataset>, state: RwSignal<ViewState>) -> impl IntoView {
    let key = key_numbers(&dataset);
    // A row's full citation, worked out when its Copy is pressed: the link in it is the view's then.
    let row_claims = key.row_claims.clone();
    let row_citation = Callback::new(move |row_idx: usize| {
        let context = state.with_untracked(|state| browser::citation_context(&to_fragment(state)));
        row_claims
            .get(row_idx)
            .map(|cited| cite(&dataset, cited, &context))
            .unwrap_or_default()
    });
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
            <SortableTable table=key.table.clone() row_citation=row_citation/>
            <ul class="chart-panel__notes">
                {key.notes.iter().map(|note| view! { <li>{note.clone()}</li> }).collect_view()}
            </ul>
        </section>
    }
}

/// The key chart: people crossing by month or by year over the view's dates.
#[component]
pub fn KeyChart(
    dataset: Arc<Dataset>,
    state: RwSignal<ViewState>,
    chart_size: Signal<ChartSize>,
) -> impl IntoView {
    let dataset_for_chart = dataset.clone();
    let chart = Memo::new(move |_| {
        state.with(|state| briefing_chart(&dataset_for_chart, state, chart_size.get()))
    });
    view! {
        <ChartPanel dataset=dataset.clone() chart=chart state=state chart_at=move |size| {
            state.with_untracked(|state| briefing_chart(&dataset, state, size))
        }/>
    }
}

/// The key chart's option (by month or by year), shown with the filters.
#[component]
pub fn BriefingOptions(state: RwSignal<ViewState>) -> impl IntoView {
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
    }
}
