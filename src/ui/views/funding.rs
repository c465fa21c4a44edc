//! The Funding view: totals counted once, the cumulative chart, totals by recipient and the ledger.

use std::sync::Arc;

use leptos::prelude::*;

use crate::chart::ChartSize;
use crate::data::Dataset;
use crate::view_model::funding_view;
use crate::view_state::{Tab, ViewState};

use crate::ui::chart_panel::{ChartPanel, SortableTable};
use crate::ui::widgets::{CiteButton, RecordLink, ShowMoreButton, SourceLinks};

/// Funding: totals counted once, the cumulative chart, and the ledger saying how each row was counted.
#[component]
pub fn FundingView(
    dataset: Arc<Dataset>,
    state: RwSignal<ViewState>,
    /// The chart's drawing size, which follows the screen's width.
    chart_size: Signal<ChartSize>,
) -> impl IntoView {
    let dataset_for_view = dataset.clone();
    let funding = Memo::new(move |_| {
        state.with(|state| funding_view(&dataset_for_view, state, chart_size.get()))
    });
    let dataset_for_download = dataset.clone();
    let chart = Signal::derive(move || funding.with(|funding| funding.chart.clone()));
    let dataset_for_rows = StoredValue::new(dataset.clone());
    // A long ledger is drawn a page at a time; a row a link opens is always drawn.
    let asked = RwSignal::new(crate::view_model::ITEMS_SHOWN_AT_ONCE);
    let n_rows = Memo::new(move |_| funding.with(|funding| funding.rows.len()));
    let drawn = Memo::new(move |_| {
        let opened_at = state.with(|state| state.item.clone()).and_then(|item_id| {
            funding.with(|funding| {
                funding
                    .rows
                    .iter()
                    .position(|row| row.funding_id == item_id)
            })
        });
        crate::view_model::items_to_draw(n_rows.get(), asked.get(), opened_at)
    });
    // A funding row opened by its link is brought into view and focused.
    let item = Memo::new(move |_| state.with(|state| state.item.clone()));
    Effect::new(move |_| {
        if let Some(item_id) = item.get() {
            crate::ui::focus_element(&format!("funding-{item_id}"));
        }
    });
    view! {
        <h2>"Funding"</h2>
        // The answer, then its chart; the other totals after the chart.
        <div class="totals" data-testid="funding-totals">
            <p class="totals__main" data-testid="funding-bsc-total">{move || funding.with(|funding| funding.bsc_total_sentence.clone())}</p>
        </div>
        <ChartPanel dataset=dataset.clone() chart=chart state=state chart_at=move |size| {
            state.with_untracked(|state| funding_view(&dataset_for_download, state, size).chart)
        }/>
        <div class="totals totals--more" data-testid="funding-other-totals">
            {move || funding.with(|funding| funding.all_total_sentence.clone()).map(|sentence| view! { <p>{sentence}</p> })}
            {move || funding.with(|funding| funding.per_year_sentences.iter().map(|sentence| view! { <p>{sentence.clone()}</p> }).collect_view())}
        </div>
        <Show when=move || funding.with(|funding| !funding.rows.is_empty())>
        <h3>"By recipient"</h3>
        <div data-testid="funding-by-recipient">
            <SortableTable table=Signal::derive(move || funding.with(|funding| funding.by_recipient.clone()))/>
        </div>
        <h3>"Every funding announcement, and how it was counted"</h3>
        <div class="table-wrap" tabindex="0" role="region" aria-label="Funding ledger">
            <table class="data-table" data-testid="funding-ledger">
                <caption>"Funding announcements in the selected dates"</caption>
                <thead><tr>
                    <th scope="col">"Announced"</th>
                    <th scope="col" class="numeric">"Amount"</th>
                    <th scope="col">"Recipient and purpose"</th>
                    <th scope="col">"Counted in totals?"</th>
                    <th scope="col">"Sources"</th>
                    <th scope="col" class="no-print-hidden"><span class="visually-hidden">"Link and citation"</span></th>
                </tr></thead>
                <tbody>
                    {move || funding.with(|funding| funding.rows.iter().take(drawn.get()).map(|row| {
                        let own_view = ViewState::opening_item(Tab::Funding, &row.funding_id);
                        view! {
                        <tr class:not-counted=!row.is_counted_once id=format!("funding-{}", row.funding_id) tabindex="-1">
                            <th scope="row">{row.announced_display.clone()}</th>
                            <td class="numeric" data-label="Amount">{row.amount_display.clone()}</td>
                            <td data-label="Recipient and purpose"><strong>{row.recipient.clone()}</strong><br/>{row.purpose.clone()}<br/><span class="muted">"Period: "{row.period.clone()}</span>
                                {row.notes.iter().map(|note| view! { <br/><span class="muted">"Note: "{note.clone()}</span> }).collect_view()}</td>
                            <td data-label="Counted in totals">{if row.is_counted_once { "Yes" } else { "No" }}" — "{row.count_reason.clone()}</td>
                            <td data-label="Sources"><SourceLinks dataset=dataset_for_rows.get_value() source_ids=row.source_ids.clone()/></td>
                            <td class="record-actions no-print-hidden">
                                <RecordLink state=state tab=Tab::Funding item_id=row.funding_id.clone() label="Link" test_id="funding-link"/>
                                <CiteButton dataset=dataset_for_rows.get_value() state=state cited=row.cited.clone() opens=own_view
                                    label="Copy citation" test_id="copy-funding"/>
                            </td>
                        </tr>
                        }
                    }).collect_view())}
                </tbody>
            </table>
        </div>
        <ShowMoreButton asked=asked drawn=drawn total=n_rows plural="funding records" test_id="show-more-funding"/>
        </Show>
    }
}
