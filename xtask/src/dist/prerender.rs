//! The default view (the Briefing) written into the page at build time, from the same view-model and chart code the app runs, so the answer shows before any script has run.
//!
//! The markup mirrors the app's own (`src/ui/mod.rs`, `src/ui/views/briefing.rs`, `src/ui/chart_panel.rs`),
//! element for element and class for class, so that when the app takes the page over nothing moves.
//! Where the app's elements carry `data-testid`, these carry `data-pre` with the same value, so that
//! while both are in the page (the app drawing itself, hidden, before it takes over) no test id names
//! two elements. The browser tests hold the two together: the text of every prerendered part equals the
//! app's, and the chart does not move when the app starts.

use border_security_explorer::chart::ChartSize;
use border_security_explorer::closed_set::ClosedSet;
use border_security_explorer::data::Dataset;
use border_security_explorer::dates::{day_month_year, iso_date};
use border_security_explorer::export::DataTable;
use border_security_explorer::view_model::{
    answers, briefing_chart, briefing_summary, controls_summary, filter_line, headlines,
    key_numbers, source_links, ChartView, Headline, ImageShape, NARROW_CHART_SIZE, WIDE_CHART_SIZE,
};
use border_security_explorer::view_state::{
    whole_years, QuickRange, Tab, ViewState, BRIEFING_PERIODS,
};
use html_escape::{encode_double_quoted_attribute as attr, encode_text as text};

/// Runs first on the page, before the briefing below it is drawn: a phone closes the filters (as the
/// app does), and a link to another view hides the prerendered briefing so it never flashes first.
pub const CHOOSE_SCRIPT: &str =
    "(function(){var d=document,c=d.querySelector('#bse-shell .controls');\
if(c&&matchMedia('(max-width: 40rem)').matches)c.removeAttribute('open');\
if(location.hash.length>1)d.documentElement.classList.add('bse-other-view');})();";

/// Everything inside the static shell: the app's header, the explorer's title, tabs, filters and
/// buttons, and the Briefing over all dates, as the app first draws them.
pub fn prerendered_page(dataset: &Dataset) -> String {
    let state = ViewState::initial();
    let mut html = String::with_capacity(64 * 1024);
    html.push_str(&format!(
        "<header class=\"site-header\"><div class=\"site-header__inner\">\
         <span class=\"site-header__name\">{}</span>\
         <span class=\"open-file\"><span class=\"open-file__label\">Open data file</span></span></div></header>\
         <main class=\"page\">",
        text(border_security_explorer::APP_NAME)
    ));
    html.push_str(&format!(
        "<h1 data-pre=\"dataset-title\">{}</h1><p class=\"as-of\">Data as at <time datetime=\"{}\">{}</time> · crossings to {} (provisional)</p>\
         <section class=\"data-panel\" aria-label=\"Your data\"></section>",
        text(&dataset.title),
        iso_date(dataset.as_of),
        day_month_year(dataset.as_of),
        day_month_year(dataset.crossings.daily.info.as_of)
    ));
    html.push_str(&tabs(state.tab));
    html.push_str(&answers_section(dataset));
    html.push_str(&controls(dataset, &state));
    html.push_str(&format!("<script>{CHOOSE_SCRIPT}</script>"));
    html.push_str(
        "<div class=\"share-bar\"><button type=\"button\" class=\"button button--secondary\" data-pre=\"copy-link\">Copy link to this view</button>\
         <span class=\"copy-status\" role=\"status\"></span>\
         <button type=\"button\" class=\"button button--secondary\">Print this view</button>\
         <button type=\"button\" class=\"link-button shortcuts-hint\">Keyboard shortcuts (?)</button></div>",
    );
    html.push_str(
        "<noscript><p class=\"notice\" data-pre=\"needs-javascript\">This is the briefing as it stood when the page was built. \
         The interactive explorer (filters, other views, tables to sort and download) needs JavaScript and WebAssembly, \
         which this browser is not running.</p></noscript>",
    );
    html.push_str("<section class=\"tab-panel bse-prerendered-panel\" role=\"tabpanel\" data-pre=\"prerendered-panel\">");
    html.push_str(&briefing(dataset, &state));
    html.push_str("</section>");
    html.push_str(
        "<div role=\"status\" class=\"bse-waiting\"><p class=\"loading\">Loading the explorer…</p>\
         <p class=\"loading-slow\">The explorer has still not started. If this stays, reload the page; if it still does not \
         start, this browser may be blocking JavaScript or WebAssembly, which the explorer needs.</p></div></main>\
         <footer class=\"site-footer\"><p>Figures are from the public sources listed under Sources and method. \
         Provisional figures are subject to revision.</p></footer>",
    );
    html
}

fn tabs(selected: Tab) -> String {
    let buttons: String = Tab::all()
        .map(|tab| {
            let is_selected = tab == selected;
            format!(
                "<button type=\"button\" role=\"tab\" data-pre=\"tab-{}\" aria-selected=\"{is_selected}\" tabindex=\"{}\"{}>{}</button>",
                tab.key(),
                if is_selected { "0" } else { "-1" },
                if is_selected { " class=\"tab--selected\"" } else { "" },
                tab_label(tab)
            )
        })
        .collect();
    format!("<nav class=\"tabs\" aria-label=\"Views\"><div role=\"tablist\" aria-label=\"Views\">{buttons}</div></nav>")
}

/// A tab's label: the rest after its first words kept for screen readers on a phone (`Tabs` in the app).
fn tab_label(tab: Tab) -> String {
    match tab.label_parts() {
        (shown, "") => text(shown).into_owned(),
        (shown, rest) => format!(
            "{}<span class=\"tab__label-rest\">{}</span>",
            text(shown),
            text(rest)
        ),
    }
}

/// The filters and the key chart's option, open (a phone's are closed by `CHOOSE_SCRIPT`).
fn controls(dataset: &Dataset, state: &ViewState) -> String {
    let (data_first, data_last) = dataset.crossings.daily.covered_days();
    let date_box = |label: &str, test_id: &str| {
        format!(
            "<span class=\"date-field\"><label for=\"pre-{test_id}\">{label}</label>\
             <input type=\"date\" id=\"pre-{test_id}\" data-pre=\"{test_id}\" min=\"{}\">\
             <span class=\"field-error\" hidden>Enter a whole date: day, month and the year in four digits.</span>\
             <span class=\"field-note\" hidden></span></span>",
            iso_date(data_first)
        )
    };
    let pressed = state.quick_range(data_first, data_last);
    let quick_buttons: String = QuickRange::BUTTONS
        .iter()
        .map(|range| {
            format!(
                "<button type=\"button\" class=\"chip\" title=\"{}\" aria-pressed=\"{}\">{}</button>",
                attr(&range.description(data_last)),
                pressed == Some(*range),
                text(&range.label())
            )
        })
        .collect();
    let year_options: String = whole_years(data_first, data_last)
        .iter()
        .map(|year| format!("<option value=\"{year}\">{year}</option>"))
        .collect();
    let quick_ranges = format!(
        "<div class=\"quick-ranges\" role=\"group\" aria-label=\"Quick date ranges\">{quick_buttons}\
         <label class=\"quick-ranges__year\"><span class=\"visually-hidden\">Whole year</span><select><option value=\"\" selected>Whole year…</option>{year_options}</select></label></div>"
    );
    let options: String = BRIEFING_PERIODS
        .iter()
        .map(|period| {
            format!(
                "<option value=\"{}\"{}>By {}</option>",
                period.key(),
                if *period == state.briefing_period {
                    " selected"
                } else {
                    ""
                },
                period.label()
            )
        })
        .collect();
    format!(
        "<details class=\"controls\" data-pre=\"controls\" open><summary class=\"controls__summary\" data-pre=\"controls-summary\">\
         <span class=\"controls__label\">Filters and options</span><span class=\"controls__set\">{}</span></summary>\
         <form class=\"filters\" role=\"search\" aria-label=\"Filters\">{}{}\
         <label class=\"search-field\">Search announcements <input type=\"search\" data-pre=\"filter-search\" maxlength=\"200\"></label>{quick_ranges}\
         <p class=\"filters__summary\" data-pre=\"filter-summary\">{}</p></form>\
         <form class=\"options\" aria-label=\"Key chart options\"><label>Key chart <select data-pre=\"option-briefing-period\">{options}</select></label></form></details>",
        text(&controls_summary(state)),
        date_box("From", "filter-from"),
        date_box("To", "filter-to"),
        text(&filter_line(dataset, state)),
    )
}

fn briefing(dataset: &Dataset, state: &ViewState) -> String {
    let mut html = format!(
        "<h2>Briefing</h2><p class=\"lede\" data-pre=\"briefing-summary\">{}</p>",
        text(&briefing_summary(dataset, state))
    );
    let wide = briefing_chart(dataset, state, WIDE_CHART_SIZE);
    let narrow = briefing_chart(dataset, state, NARROW_CHART_SIZE);
    html.push_str(&chart_panel(&wide, &narrow));
    html.push_str(&key_numbers_section(dataset));
    html.push_str(&headline_grid(dataset, state));
    html
}

fn chart_svg(chart: &ChartView, size: ChartSize, class: &str) -> String {
    debug_assert_eq!(chart.drawn.geometry.size, size);
    format!(
        "<div class=\"chart-svg {class}\" role=\"img\" data-pre=\"chart-svg\" aria-label=\"{}\">{}</div>",
        attr(&format!("{}. {}", chart.title, chart.summary)),
        chart.drawn.svg
    )
}

/// A chart panel as `ChartPanel` draws it, with the drawing at both sizes: the stylesheet shows the
/// one the app would draw for the screen.
fn chart_panel(wide: &ChartView, narrow: &ChartView) -> String {
    let button = |test_id: &str, label: &str| {
        format!("<button type=\"button\" class=\"button button--secondary\" data-pre=\"{test_id}\">{label}</button>")
    };
    let download = |test_id: &str, kind: &str| {
        button(
            test_id,
            &format!("<span class=\"download-word\">Download </span>{kind}"),
        )
    };
    let notes: String = wide
        .notes
        .iter()
        .map(|note| format!("<li>{}</li>", text(note)))
        .collect();
    format!(
        "<figure class=\"chart-panel\" data-pre=\"chart-{id}\"><figcaption><h3 class=\"chart-panel__title\">{title}</h3>\
         <p class=\"chart-panel__subtitle\">{subtitle}</p></figcaption>\
         <div class=\"chart-panel__tools no-print-hidden\"><button type=\"button\" class=\"button button--secondary\" aria-pressed=\"false\" data-pre=\"toggle-table\">Show table</button>\
         {csv}{svg}{png}{copy}{shape}<button type=\"button\" class=\"link-button skip-to-table\">Skip to table</button>\
         <span class=\"visually-hidden\" role=\"status\"></span><span class=\"copy-status\" role=\"status\"></span></div>\
         <div class=\"chart-panel__view\"><div class=\"chart-scroll\"><div class=\"chart-frame\" data-pre=\"chart-frame\">{wide_svg}{narrow_svg}</div></div>\
         <p class=\"chart-panel__hint\">Focus the chart and use the arrow keys (Home, End, Page Up, Page Down) to read each value; Esc closes the readout.</p></div>\
         <p class=\"chart-panel__summary\" data-pre=\"chart-summary\">{summary}</p><ul class=\"chart-panel__notes\">{notes}</ul>\
         <p class=\"chart-panel__source\" data-pre=\"chart-source\">{source}</p>\
         <p class=\"chart-panel__copy\">{cite}</p></figure>",
        id = attr(&wide.chart_id),
        title = text(&wide.title),
        subtitle = text(&wide.subtitle),
        csv = download("download-csv", "CSV"),
        svg = download("download-svg", "SVG"),
        png = download("download-png", "PNG"),
        copy = button("copy-image", "Copy image"),
        shape = image_shape_select(),
        wide_svg = chart_svg(wide, WIDE_CHART_SIZE, "bse-wide-only"),
        narrow_svg = chart_svg(narrow, NARROW_CHART_SIZE, "bse-narrow-only"),
        summary = text(&wide.summary),
        source = text(&wide.source_line),
        cite = button("copy-chart-summary", "Copy summary with citation"),
    )
}

/// The image-shape choice as `ChartTools` draws it (an `OptionSelect` of `ImageShape`), the default chosen.
fn image_shape_select() -> String {
    let options: String = ImageShape::all()
        .map(|shape| {
            format!(
                "<option value=\"{}\"{}>{}</option>",
                shape.key(),
                if shape == ImageShape::default() {
                    " selected"
                } else {
                    ""
                },
                text(shape.label())
            )
        })
        .collect();
    format!("<span class=\"chart-panel__shape\"><label>Image shape <select data-pre=\"image-shape\">{options}</select></label></span>")
}

/// A table as `SortableTable` draws it, with a "Copy" button per row when rows have sentences.
fn table_html(table: &DataTable, with_copy_buttons: bool) -> String {
    let columns = table.on_screen_columns();
    let headings: String = columns
        .iter()
        .map(|&column_idx| {
            let column = &table.columns[column_idx];
            format!(
                "<th scope=\"col\" aria-sort=\"none\"{}><button type=\"button\" class=\"sort-button\">{}</button></th>",
                if column.is_numeric { " class=\"numeric\"" } else { "" },
                text(&column.heading)
            )
        })
        .collect();
    let copy_heading = if with_copy_buttons {
        "<th scope=\"col\"><span class=\"visually-hidden\">Copy the row as a sentence</span></th>"
    } else {
        ""
    };
    let rows: String = table
        .rows
        .iter()
        .enumerate()
        .map(|(row_idx, row)| {
            let cells: String = columns
                .iter()
                .enumerate()
                .map(|(position, &column_idx)| {
                    let shown = row.get(column_idx).map_or("", |cell| cell.shown.as_str());
                    let column = &table.columns[column_idx];
                    if position == 0 {
                        format!("<th scope=\"row\">{}</th>", text(shown))
                    } else {
                        format!(
                            "<td{} data-label=\"{}\">{}</td>",
                            if column.is_numeric { " class=\"numeric\"" } else { "" },
                            attr(&column.heading),
                            text(shown)
                        )
                    }
                })
                .collect();
            let copy = if with_copy_buttons {
                format!(
                    "<td class=\"no-print-hidden\"><button type=\"button\" class=\"button button--secondary\" data-pre=\"copy-row-{row_idx}\">Copy</button>\
                     <span class=\"copy-status\" role=\"status\"></span></td>"
                )
            } else {
                String::new()
            };
            format!("<tr>{cells}{copy}</tr>")
        })
        .collect();
    format!(
        "<div class=\"table-wrap\" role=\"region\" aria-label=\"{}\"><table class=\"data-table\" data-pre=\"data-table\">\
         <caption>{}</caption><thead><tr>{headings}{copy_heading}</tr></thead><tbody>{rows}</tbody></table></div>",
        attr(&format!("Table: {}", table.caption)),
        text(&table.caption)
    )
}

fn key_numbers_section(dataset: &Dataset) -> String {
    let key = key_numbers(dataset);
    let notes: String = key
        .notes
        .iter()
        .map(|note| format!("<li>{}</li>", text(note)))
        .collect();
    format!(
        "<section class=\"key-numbers\" data-pre=\"key-numbers\"><h3>Key numbers by year</h3>\
         <div class=\"chart-panel__tools no-print-hidden\"><button type=\"button\" class=\"button button--secondary\" data-pre=\"download-key-numbers\">Download CSV</button></div>\
         {}<ul class=\"chart-panel__notes\">{notes}</ul></section>",
        table_html(&key.table, !key.row_claims.is_empty())
    )
}

fn headline_grid(dataset: &Dataset, state: &ViewState) -> String {
    format!(
        "<div class=\"headline-grid\">{}</div>",
        headline_cards(dataset, &headlines(dataset, state))
    )
}

/// The answers the Briefing opens with, above its filters (`BriefingAnswers` in the app).
fn answers_section(dataset: &Dataset) -> String {
    format!(
        "<section class=\"answers\" data-pre=\"briefing-answers\" aria-label=\"The latest figures\">{}</section>",
        headline_cards(dataset, &answers(dataset))
    )
}

fn headline_cards(dataset: &Dataset, cards: &[Headline]) -> String {
    cards
        .iter()
        .map(|headline| {
            let links: String = source_links(dataset, &headline.source_ids)
                .iter()
                .map(|link| match &link.url_and_domain {
                    Some((url, domain)) => format!(
                        "<li><a href=\"{}\" rel=\"noopener noreferrer\" target=\"_blank\">{}</a> <span class=\"source-domain\">({})</span></li>",
                        attr(url),
                        text(&link.label),
                        text(domain)
                    ),
                    None => format!("<li>{}</li>", text(&link.label)),
                })
                .collect();
            format!(
                "<article class=\"headline\" data-pre=\"headline-{id}\"><p class=\"headline__value\" data-pre=\"headline-value\">{value}</p>\
                 <p class=\"headline__label\">{label}</p><p class=\"headline__meta\"><span class=\"status-tag\">{status}</span> {period}</p>\
                 <details class=\"headline__sources\"><summary>Sources</summary><ul class=\"source-links\">{links}</ul></details>\
                 <div class=\"print-only headline__printed-sources\"><p>Sources:</p><ul class=\"source-links\">{links}</ul></div>\
                 <button type=\"button\" class=\"button button--secondary\" data-pre=\"copy-{id}\">Copy figure with citation</button>\
                 <span class=\"copy-status\" role=\"status\"></span></article>",
                id = attr(&headline.headline_id),
                value = text(&headline.value),
                label = text(&headline.label),
                status = text(&headline.status),
                period = text(&headline.period),
            )
        })
        .collect()
}
