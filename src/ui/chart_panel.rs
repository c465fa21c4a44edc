//! One chart with everything around it: title, subtitle, the drawing with a keyboard and hover readout,
//! a sortable table alternative, notes, the source line, and CSV, SVG and PNG downloads.

use leptos::ev;
use leptos::prelude::*;

use crate::chart::readout::{readout_move, readout_share_percent, ReadoutMove};
use crate::chart::{ChartGeometry, ChartSize};
use crate::closed_set::ClosedSet;
use crate::export::{Column, DataTable};
use crate::view_model::{ChartView, ImageShape};
use crate::view_state::ViewState;

use super::browser;
use super::chart_exports::{self, ExportKind};
use super::widgets::{closed_set_options, CiteButton, CopyButton, OptionSelect, ShowMoreButton};
use crate::citation::Cited;
use crate::data::Dataset;
use std::sync::Arc;

/// The id of the element holding a chart or its table, where "Skip to table" and the "t" key put focus.
pub fn view_element_id(chart_id: &str) -> String {
    format!("{chart_id}-view")
}

static FIRST_CHART_MARKED: std::sync::atomic::AtomicBool =
    std::sync::atomic::AtomicBool::new(false);

/// A chart panel. The table's open state lives in the view state (and so in the URL).
#[component]
pub fn ChartPanel(
    /// The dataset, for the sources in a copied citation.
    dataset: Arc<Dataset>,
    /// The chart to show; recomputed when the view changes.
    #[prop(into)]
    chart: Signal<ChartView>,
    /// The view state, for the table toggle.
    state: RwSignal<ViewState>,
    /// The same chart drawn at a given size: SVG and PNG downloads are drawn in the image's shape,
    /// whatever the screen (a chart drawn for a phone would make a small image for a briefing).
    #[prop(into)]
    chart_at: Callback<ChartSize, ChartView>,
    /// The position the readout shows, when the view around the chart follows it.
    #[prop(optional)]
    readout_idx: Option<RwSignal<Option<usize>>>,
) -> impl IntoView {
    let readout_idx = readout_idx.unwrap_or_else(|| RwSignal::new(None));
    let chart_id = move || chart.with(|chart| chart.chart_id.clone());
    let table_open = move || {
        let chart_id = chart_id();
        state.with(|state| state.is_table_open(&chart_id))
    };
    let toggle_table = move |()| {
        let chart_id = chart_id();
        state.update(|state| state.toggle_table(&chart_id));
    };
    // Benchmarks measure navigation to the first chart drawn.
    Effect::new(move |_| {
        if !FIRST_CHART_MARKED.swap(true, std::sync::atomic::Ordering::Relaxed) {
            browser::mark_performance("bse-first-chart");
        }
    });
    let has_data = move || chart.with(ChartView::has_data);
    // In the browser the chart and its summary come first and its tools, notes and source in the next
    // task, so neither task holds the page for long (while it starts, or when a tab opens); the build
    // draws them all at once.
    let tools_built = crate::ui::build_steps::true_from_next_task();
    let summary_id = move || format!("{}-summary", chart_id());
    let title_id = move || format!("{}-title", chart_id());
    view! {
        <figure class="chart-panel" data-testid=move || format!("chart-{}", chart_id()) data-chart-id=chart_id>
            <figcaption>
                <h3 class="chart-panel__title" id=title_id>{move || chart.with(|chart| chart.title.clone())}</h3>
                <p class="chart-panel__subtitle">{move || chart.with(|chart| chart.subtitle.clone())}</p>
            </figcaption>
            // With nothing in the view's dates, the summary below says what is missing: no empty axes,
            // and nothing to download.
            <Show when=has_data>
                <Show when=move || tools_built.get()>
                    <ChartTools chart=chart chart_at=chart_at state=state table_open=Signal::derive(table_open) on_toggle_table=Callback::new(toggle_table)/>
                </Show>
                // The chart or its table: what "Skip to table" and the "t" key bring focus to.
                <div class="chart-panel__view" id=move || view_element_id(&chart_id()) tabindex="-1">
                <Show when=move || !table_open()>
                    <ChartWithReadout chart=chart title_id=Signal::derive(title_id) summary_id=Signal::derive(summary_id) active_idx=readout_idx/>
                    <p class="chart-panel__hint">"Focus the chart and use the arrow keys (Home, End, Page Up, Page Down) to read each value; Esc closes the readout."</p>
                </Show>
                <Show when=table_open>
                    <SortableTable table=Memo::new(move |_| chart.with(|chart| chart.table.build()))/>
                </Show>
                </div>
            </Show>
            <p class="chart-panel__summary" id=summary_id data-testid="chart-summary" class:notice=move || !has_data()>{move || chart.with(|chart| chart.summary.clone())}</p>
            <Show when=move || has_data() && tools_built.get()>
                <ul class="chart-panel__notes">
                    {move || chart.with(|chart| chart.notes.iter().map(|note| view! { <li>{note.clone()}</li> }).collect_view())}
                </ul>
                <p class="chart-panel__source" data-testid="chart-source">{move || chart.with(|chart| chart.source_line.clone())}</p>
                <p class="chart-panel__copy">
                    <CiteButton dataset=dataset.clone() state=state label="Copy summary with citation"
                        cited=Signal::derive(move || chart.with(|chart| Cited::new(chart.summary.clone(), chart.source_ids.clone())))
                        test_id="copy-chart-summary"/>
                </p>
            </Show>
        </figure>
    }
}

/// The chart's buttons: table or chart, the downloads and Copy image, each saying what happened.
#[component]
fn ChartTools(
    #[prop(into)] chart: Signal<ChartView>,
    chart_at: Callback<ChartSize, ChartView>,
    state: RwSignal<ViewState>,
    #[prop(into)] table_open: Signal<bool>,
    on_toggle_table: Callback<()>,
) -> impl IntoView {
    let download_status = RwSignal::new(String::new());
    // The image as a PNG on the clipboard where the browser allows it; otherwise it says so plainly.
    let copy_image_status = RwSignal::new(String::new());
    let image_shape = image_shape_choice();
    let shape_options = closed_set_options::<ImageShape>();
    let copy_image = move |_| {
        let copied = chart_exports::copy_image(
            chart.get_untracked(),
            move |size| chart_at.run(size),
            image_shape.get_untracked(),
        );
        leptos::task::spawn_local(async move { copy_image_status.set(copied.await) });
    };
    let download = move |kind: ExportKind| {
        let downloaded = chart_exports::download(
            chart.get_untracked(),
            move |size| chart_at.run(size),
            image_shape.get_untracked(),
            kind,
        );
        leptos::task::spawn_local(async move { download_status.set(downloaded.await) });
    };
    // The downloads' and Copy image's code comes when a person first reaches for the tools.
    let fetch_exports = StoredValue::new(Some(()));
    let reaching = move || {
        if fetch_exports
            .try_update_value(Option::take)
            .flatten()
            .is_some()
        {
            chart_exports::fetch_chart_exports();
        }
    };
    view! {
                <div class="chart-panel__tools no-print-hidden" on:pointerover=move |_| reaching() on:focusin=move |_| reaching()>
                    <button type="button" class="button button--secondary" aria-pressed=move || table_open.get().to_string()
                        data-testid="toggle-table" on:click=move |_| on_toggle_table.run(())>
                        {move || if table_open.get() { "Show chart" } else { "Show table" }}
                    </button>
                    <button type="button" class="button button--secondary" data-testid="download-csv" on:click=move |_| download(ExportKind::Csv)><span class="download-word">"Download "</span>"CSV"</button>
                    <button type="button" class="button button--secondary" data-testid="download-svg" on:click=move |_| download(ExportKind::Svg)><span class="download-word">"Download "</span>"SVG"</button>
                    <button type="button" class="button button--secondary" data-testid="download-png" on:click=move |_| download(ExportKind::Png)><span class="download-word">"Download "</span>"PNG"</button>
                    <button type="button" class="button button--secondary" data-testid="copy-image" on:click=copy_image>"Copy image"</button>
                    <span class="chart-panel__shape">
                        <OptionSelect label="Image shape" test_id="image-shape" options=shape_options
                            current=Signal::derive(move || image_shape.get().key().to_string())
                            on_pick=Callback::new(move |key: String| image_shape.set(ImageShape::from_key(&key).unwrap_or_default()))/>
                    </span>
                    <EmbedControl chart=chart state=state/>
                    // Past the chart (and anything listed under it) straight to its table.
                    <button type="button" class="link-button skip-to-table" data-testid="skip-to-table" on:click=move |_| {
                        if !table_open.get_untracked() { on_toggle_table.run(()); }
                        crate::ui::focus_element(&chart.with_untracked(|chart| view_element_id(&chart.chart_id)));
                    }>"Skip to table"</button>
                    <span class="visually-hidden" role="status" data-testid="download-status">{move || download_status.get()}</span>
                    <span class="copy-status" role="status" data-testid="copy-image-status">{move || copy_image_status.get()}</span>
                </div>
    }
}

/// "Embed": the `iframe` code that puts this chart on another page, worked out when opened (the link
/// is the view's then), with a button to copy it. An offline copy with no web address says it has none.
#[component]
fn EmbedControl(
    #[prop(into)] chart: Signal<ChartView>,
    state: RwSignal<ViewState>,
) -> impl IntoView {
    let code = RwSignal::new(None::<Option<String>>);
    let on_toggle = move |_| {
        let link = state.with_untracked(|state| {
            browser::shareable_link(&crate::view_state::to_fragment(state))
        });
        let title = chart.with_untracked(|chart| chart.title.clone());
        code.set(Some(
            link.map(|link| crate::view_model::embed_code(&link, &title)),
        ));
    };
    let code_id = move || chart.with(|chart| format!("{}-embed-code", chart.chart_id));
    view! {
        <details class="embed-code" data-testid="embed" on:toggle=on_toggle>
            <summary class="button button--secondary">"Embed"</summary>
            <div class="embed-code__body">
                {move || code.get().map(|code| match code {
                    Some(code) => view! {
                        <label for=code_id>"Paste this into a web page's HTML to show the chart there, with its source and a link back:"</label>
                        <textarea id=code_id readonly rows="3" data-testid="embed-code" prop:value=code.clone()></textarea>
                        <CopyButton label="Copy embed code" text=Signal::stored(code) test_id="copy-embed-code".to_string()/>
                    }.into_any(),
                    None => view! {
                        <p role="status">"An offline copy has no web address to embed from: embed the chart from the published site."</p>
                    }.into_any(),
                })}
            </div>
        </details>
    }
}

/// The image shape the person picked, shared by every chart on the page and kept while it is open
/// (images are downloads, not views, so the shape is not in the link).
fn image_shape_choice() -> RwSignal<ImageShape> {
    use_context::<ImageShapeChoice>()
        .map_or_else(|| RwSignal::new(ImageShape::default()), |choice| choice.0)
}

/// The page's one image-shape choice, provided by the app.
#[derive(Clone, Copy)]
pub struct ImageShapeChoice(pub RwSignal<ImageShape>);

/// The position under the pointer, from where it is across the drawing as shown (which may be scaled).
fn idx_at_pointer(event: &ev::MouseEvent, chart: Signal<ChartView>) -> Option<usize> {
    let target = event
        .current_target()
        .and_then(|target| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(target).ok())?;
    let rect = target.get_bounding_client_rect();
    if rect.width() <= 0.0 {
        return None;
    }
    let width_px = chart.with_untracked(|chart| f64::from(chart.drawn.geometry.size.width_px));
    let x_px = (f64::from(event.client_x()) - rect.left()) / rect.width() * width_px;
    chart.with_untracked(|chart| chart.drawn.geometry.idx_from_x_px(x_px))
}

/// The cursor: a vertical line across the plot at the position read, over the drawing.
fn cursor_line(geometry: &ChartGeometry, x_px: f64) -> impl IntoView {
    view! {
        <svg class="chart-cursor" aria-hidden="true"
            viewBox=format!("0 0 {} {}", geometry.size.width_px, geometry.size.height_px)>
            <line x1=x_px.to_string() x2=x_px.to_string()
                y1=geometry.plot_top_px.to_string() y2=geometry.plot_bottom_px.to_string()
                stroke="#0b0c0c" stroke-width="2"/>
        </svg>
    }
}

/// The drawing, with a readout that follows the keyboard (see `chart::readout`) and the pointer, and
/// a cursor line at the position read.
#[component]
fn ChartWithReadout(
    chart: Signal<ChartView>,
    title_id: Signal<String>,
    summary_id: Signal<String>,
    /// The point the readout shows, by keyboard or pointer; None when closed.
    active_idx: RwSignal<Option<usize>>,
) -> impl IntoView {
    Effect::new(move |_| {
        // A new chart (other data) closes the readout.
        chart.track();
        active_idx.set(None);
    });
    let on_keydown = move |event: ev::KeyboardEvent| {
        let n_positions = chart.with_untracked(|chart| chart.drawn.geometry.n_positions);
        match readout_move(&event.key(), active_idx.get_untracked(), n_positions) {
            Some(ReadoutMove::Close) => active_idx.set(None),
            Some(ReadoutMove::To(idx)) => {
                event.prevent_default();
                active_idx.set(Some(idx));
            }
            None => {}
        }
    };
    let on_pointer = move |event: ev::MouseEvent| active_idx.set(idx_at_pointer(&event, chart));
    let readout = move || {
        active_idx
            .get()
            .and_then(|idx| chart.with(|chart| chart.point_texts.get(idx)))
    };
    let cursor_x_px = move || {
        active_idx
            .get()
            .map(|idx| chart.with(|chart| chart.drawn.geometry.x_px_from_idx(idx)))
    };
    let share_percent = move || {
        readout_share_percent(
            cursor_x_px().unwrap_or(0.0),
            chart.with(|chart| f64::from(chart.drawn.geometry.size.width_px)),
        )
    };
    view! {
        <div class="chart-scroll">
        <div class="chart-frame" tabindex="0" role="group" data-testid="chart-frame"
            aria-labelledby=title_id aria-describedby=summary_id
            on:keydown=on_keydown on:mousemove=on_pointer on:mouseleave=move |_| active_idx.set(None)>
            <div class="chart-svg" role="img" data-testid="chart-svg"
                aria-label=move || chart.with(|chart| format!("{}. {}", chart.title, chart.summary))
                inner_html=move || chart.with(|chart| chart.drawn.svg.clone())></div>
            {move || cursor_x_px().map(|x_px| chart.with_untracked(|chart| cursor_line(&chart.drawn.geometry, x_px)))}
            <p class="chart-readout" data-testid="chart-readout" role="status" aria-live="polite"
                class:chart-readout--open=move || readout().is_some()
                style:left=move || format!("{:.1}%", share_percent())
                style:transform=move || format!("translateX(-{:.1}%)", share_percent())>
                {move || readout().unwrap_or_default()}
            </p>
        </div>
        </div>
    }
}

/// A column heading that sorts the table by that column, and reverses the order when pressed again:
/// numbers largest first, text A to Z.
fn sort_header(
    column_idx: usize,
    column: Column,
    sort: RwSignal<Option<(usize, bool)>>,
) -> impl IntoView {
    let aria_sort = move || match sort.get() {
        Some((sorted_idx, true)) if sorted_idx == column_idx => "ascending",
        Some((sorted_idx, false)) if sorted_idx == column_idx => "descending",
        _ => "none",
    };
    let on_click = move |_| {
        sort.update(|sort| {
            *sort = match *sort {
                Some((sorted_idx, ascending)) if sorted_idx == column_idx => {
                    Some((column_idx, !ascending))
                }
                _ => Some((column_idx, !column.is_numeric)),
            };
        })
    };
    view! {
        <th scope="col" aria-sort=aria_sort class:numeric=column.is_numeric>
            <button type="button" class="sort-button" on:click=on_click>{column.heading.clone()}</button>
        </th>
    }
}

/// A data table: sortable columns, numbers right-aligned with separators.
#[component]
pub fn SortableTable(
    /// The table to show.
    #[prop(into)]
    table: Signal<DataTable>,
    /// A row's sentence with its citation, by its index in the table's own order, worked out when its
    /// "Copy" button (in a last column) is pressed; no such column without it.
    #[prop(optional)]
    row_citation: Option<Callback<usize, String>>,
) -> impl IntoView {
    // Column and direction; None keeps the table's own order (oldest first).
    let sort = RwSignal::new(None::<(usize, bool)>);
    // A long table is drawn a page of rows at a time; its CSV holds them all.
    let asked = RwSignal::new(crate::view_model::TABLE_ROWS_SHOWN_AT_ONCE);
    let n_rows = Memo::new(move |_| table.with(|table| table.rows.len()));
    let drawn =
        Memo::new(move |_| crate::view_model::items_to_draw(n_rows.get(), asked.get(), None));
    let rows = move || {
        table.with(|table| {
            let order: Vec<usize> = match sort.get() {
                Some((column_idx, ascending)) => table.sorted_order(column_idx, ascending),
                None => (0..table.rows.len()).collect(),
            };
            order
                .into_iter()
                .take(drawn.get())
                .map(|row_idx| (row_idx, table.rows[row_idx].clone()))
                .collect::<Vec<_>>()
        })
    };
    let has_citations = row_citation.is_some();
    // The columns the page shows, with their positions in each row (the CSV has every column).
    let columns = move || {
        table.with(|table| {
            table
                .on_screen_columns()
                .into_iter()
                .map(|column_idx| (column_idx, table.columns[column_idx].clone()))
                .collect::<Vec<_>>()
        })
    };
    view! {
        <div class="table-wrap" tabindex="0" role="region" aria-label=move || table.with(|table| format!("Table: {}", table.caption))>
            <table class="data-table" data-testid="data-table">
                <caption>{move || table.with(|table| table.caption.clone())}</caption>
                <thead>
                    <tr>
                        {move || columns().into_iter()
                            .map(|(column_idx, column)| sort_header(column_idx, column, sort)).collect_view()}
                        {has_citations.then(|| view! {
                            <th scope="col"><span class="visually-hidden">"Copy the row as a sentence"</span></th>
                        })}
                    </tr>
                </thead>
                <tbody>
                    {move || {
                        let columns = columns();
                        rows().into_iter().map(|(row_idx, row)| {
                            let shown = |column_idx: usize| row.get(column_idx).map(|cell| cell.shown.clone()).unwrap_or_default();
                            view! {
                                <tr>
                                    {columns.iter().enumerate().map(|(position, (column_idx, column))| {
                                        if position == 0 {
                                            view! { <th scope="row">{shown(*column_idx)}</th> }.into_any()
                                        } else {
                                            // Each cell names its column, so a phone can show a row as a card.
                                            view! { <td class:numeric=column.is_numeric
                                                data-label=column.heading.clone()>{shown(*column_idx)}</td> }.into_any()
                                        }
                                    }).collect_view()}
                                    {row_citation.map(|row_citation| view! {
                                        <td class="no-print-hidden">
                                            <CopyButton label="Copy" text=Signal::derive(move || row_citation.run(row_idx))
                                                test_id=format!("copy-row-{row_idx}")/>
                                        </td>
                                    })}
                                </tr>
                            }
                        }).collect_view()
                    }}
                </tbody>
            </table>
        </div>
        <ShowMoreButton asked=asked drawn=drawn total=n_rows plural="rows" test_id="show-more-rows"
            page_size=crate::view_model::TABLE_ROWS_SHOWN_AT_ONCE/>
    }
}
