//! The five views: briefing, crossings, funding, announcements, and sources and method.

use std::sync::Arc;

use leptos::prelude::*;

use crate::analysis::filter::{facet_counts, filter_announcements, highlight_matches};
use crate::chart::ChartSize;
use crate::data::{is_safe_https_url, Dataset, Theme};
use crate::view_model::{
    briefing_summary, crossings_chart, funding_view, headlines, WIDE_CHART_SIZE,
};
use crate::view_state::{Measure, Period, SeriesChoice, Tab, ViewState, ROLLING_CHOICES};

use super::browser;
use super::chart_panel::{ChartPanel, SortableTable};

/// Links to the sources with these ids: a link for `https` addresses, plain text otherwise.
#[component]
pub fn SourceLinks(
    /// The dataset holding the sources.
    dataset: Arc<Dataset>,
    /// The ids to show.
    source_ids: Vec<String>,
) -> impl IntoView {
    let links = source_ids
        .iter()
        .filter_map(|source_id| dataset.sources.iter().find(|source| &source.source_id == source_id))
        .map(|source| {
            let label = format!("{}: {}", source.publisher, source.title);
            match source.url.as_deref().filter(|url| is_safe_https_url(url)) {
                Some(url) => {
                    let domain = url.trim_start_matches("https://").split('/').next().unwrap_or("").to_string();
                    view! {
                        <li>
                            <a href=url.to_string() rel="noopener noreferrer" target="_blank">{label}</a>
                            " "<span class="source-domain">"("{domain}")"</span>
                        </li>
                    }
                    .into_any()
                }
                None => view! { <li>{label}</li> }.into_any(),
            }
        })
        .collect_view();
    view! { <ul class="source-links">{links}</ul> }
}

/// A "copy" button with a status message.
#[component]
pub fn CopyButton(
    /// The button's label.
    label: &'static str,
    /// The text to copy, worked out when clicked.
    text: Signal<String>,
    /// For tests.
    test_id: String,
) -> impl IntoView {
    let status = RwSignal::new(String::new());
    let on_click = move |_| {
        let text = text.get_untracked();
        leptos::task::spawn_local(async move {
            status.set(match browser::copy_text(&text).await {
                Ok(()) => "Copied.".to_string(),
                Err(message) => format!("Not copied: {message}"),
            });
        });
    };
    view! {
        <button type="button" class="button button--secondary" data-testid=test_id on:click=on_click>{label}</button>
        <span class="copy-status" role="status">{move || status.get()}</span>
    }
}

/// The landing view: headline figures, a generated summary, the latest announcements.
#[component]
pub fn BriefingView(dataset: Arc<Dataset>, state: RwSignal<ViewState>) -> impl IntoView {
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
    let set = move |update: Box<dyn Fn(&mut ViewState)>| state.update(|state| update(state));
    view! {
        <h2>"Crossings"</h2>
        <form class="options" on:submit=|event| event.prevent_default() aria-label="Chart options">
            <label>"Group by "
                <select data-testid="option-period" on:change=move |event| {
                    let value = event_target_value(&event);
                    if let Some(period) = Period::ALL.iter().find(|period| period.key() == value) {
                        let period = *period;
                        set(Box::new(move |state| state.period = period));
                    }
                }>
                    {Period::ALL.iter().map(|period| view! {
                        <option value=period.key() selected=move || state.with(|state| state.period == *period)>{period.label()}</option>
                    }).collect_view()}
                </select>
            </label>
            <label>"Measure "
                <select data-testid="option-measure" on:change=move |event| {
                    let value = event_target_value(&event);
                    if let Some(measure) = Measure::ALL.iter().find(|measure| measure.key() == value) {
                        let measure = *measure;
                        set(Box::new(move |state| state.measure = measure));
                    }
                }>
                    {Measure::ALL.iter().map(|measure| view! {
                        <option value=measure.key() selected=move || state.with(|state| state.measure == *measure)>{measure.label()}</option>
                    }).collect_view()}
                </select>
            </label>
            <label>"Figures "
                <select data-testid="option-series" on:change=move |event| {
                    let series = if event_target_value(&event) == "official" { SeriesChoice::Official } else { SeriesChoice::Provisional };
                    set(Box::new(move |state| state.series = series));
                }>
                    <option value="provisional" selected=move || state.with(|state| state.series == SeriesChoice::Provisional)>"Provisional (daily, weekly)"</option>
                    <option value="official" selected=move || state.with(|state| state.series == SeriesChoice::Official)>"Official (monthly, yearly)"</option>
                </select>
            </label>
            <label>"Rolling average "
                <select data-testid="option-rolling" on:change=move |event| {
                    if let Ok(periods) = event_target_value(&event).parse::<u32>() {
                        set(Box::new(move |state| state.rolling_periods = periods));
                    }
                }>
                    {ROLLING_CHOICES.iter().map(|periods| {
                        let label = if *periods == 0 { "None".to_string() } else { format!("{periods} periods") };
                        view! { <option value=periods.to_string() selected=move || state.with(|state| state.rolling_periods == *periods)>{label}</option> }
                    }).collect_view()}
                </select>
            </label>
            <label class="checkbox">
                <input type="checkbox" data-testid="option-yoy" prop:checked=move || state.with(|state| state.compare_years)
                    on:change=move |event| { let checked = event_target_checked(&event); set(Box::new(move |state| state.compare_years = checked)); }/>
                " Compare years (cumulative from 1 January)"
            </label>
            <label class="checkbox">
                <input type="checkbox" data-testid="option-events" prop:checked=move || state.with(|state| state.show_events)
                    on:change=move |event| { let checked = event_target_checked(&event); set(Box::new(move |state| state.show_events = checked)); }/>
                " Mark announcements"
            </label>
        </form>
        <ChartPanel chart=chart state=state wide_chart=move |()| {
            state.with_untracked(|state| crossings_chart(&dataset_for_download, state, WIDE_CHART_SIZE))
        }/>
        <Show when=move || events.with(|events| !events.is_empty())>
            <h3>"Announcements marked on the chart"</h3>
            <ol class="event-list" data-testid="event-list">
                {move || events.with(|events| events.iter().map(|event| {
                    let title = event.title.clone();
                    let open = move |_| {
                        let title = title.clone();
                        state.update(move |state| {
                            state.tab = Tab::Announcements;
                            state.search = title;
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
        </Show>
    }
}

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
    let dataset_for_rows = dataset.clone();
    view! {
        <h2>"Funding"</h2>
        <div class="totals" data-testid="funding-totals">
            <p class="totals__main" data-testid="funding-bsc-total">{move || funding.with(|funding| funding.bsc_total_sentence.clone())}</p>
            <p>{move || funding.with(|funding| funding.all_total_sentence.clone())}</p>
            {move || funding.with(|funding| funding.per_year_sentences.iter().map(|sentence| view! { <p>{sentence.clone()}</p> }).collect_view())}
        </div>
        <ChartPanel chart=chart state=state wide_chart=move |()| {
            state.with_untracked(|state| funding_view(&dataset_for_download, state, WIDE_CHART_SIZE).chart)
        }/>
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
                </tr></thead>
                <tbody>
                    {move || funding.with(|funding| funding.rows.iter().map(|row| view! {
                        <tr class:not-counted=!row.is_counted>
                            <th scope="row">{row.announced_display.clone()}</th>
                            <td class="numeric">{row.amount_display.clone()}</td>
                            <td><strong>{row.recipient.clone()}</strong><br/>{row.purpose.clone()}<br/><span class="muted">"Period: "{row.period.clone()}</span></td>
                            <td>{if row.is_counted { "Yes" } else { "No" }}" — "{row.count_reason.clone()}</td>
                            <td><SourceLinks dataset=dataset_for_rows.clone() source_ids=row.source_ids.clone()/></td>
                        </tr>
                    }).collect_view())}
                </tbody>
            </table>
        </div>
    }
}

/// Announcements: facets with counts, search with highlights, a timeline grouped by month.
#[component]
pub fn AnnouncementsView(dataset: Arc<Dataset>, state: RwSignal<ViewState>) -> impl IntoView {
    let dataset_for_matches = dataset.clone();
    let matches = Memo::new(move |_| {
        state.with(|state| {
            filter_announcements(
                &dataset_for_matches.announcements,
                &state.announcement_filter(),
            )
        })
    });
    let dataset_for_counts = dataset.clone();
    let counts = Memo::new(move |_| {
        state.with(|state| {
            facet_counts(
                &dataset_for_counts.announcements,
                &state.announcement_filter(),
            )
        })
    });
    let dataset_for_list = dataset.clone();
    view! {
        <h2>"Announcements"</h2>
        <div class="facets-and-results">
            <div class="facets">
                <fieldset>
                    <legend>"Themes"</legend>
                    {move || counts.get().themes.into_iter().map(|(theme, count)| {
                        let checked = move || state.with(|state| state.themes.contains(&theme));
                        let toggle = move |_| state.update(|state| state.toggle_theme(theme));
                        let key = Theme::NAMES.iter().find(|(_, known)| *known == theme).map_or("", |(name, _)| *name);
                        view! {
                            <label class="checkbox">
                                <input type="checkbox" data-testid=format!("theme-{key}") prop:checked=checked on:change=toggle/>
                                " "{theme.label()}" "<span class="count" data-testid=format!("theme-count-{key}")>"("{count}")"</span>
                            </label>
                        }
                    }).collect_view()}
                </fieldset>
                <fieldset>
                    <legend>"Who acted"</legend>
                    {move || counts.get().actors.into_iter().map(|(actor, count)| {
                        let actor_for_check = actor.clone();
                        let checked = move || state.with(|state| state.actors.contains(&actor_for_check));
                        let actor_for_toggle = actor.clone();
                        let toggle = move |_| {
                            let actor = actor_for_toggle.clone();
                            state.update(move |state| state.toggle_actor(&actor));
                        };
                        view! {
                            <label class="checkbox">
                                <input type="checkbox" prop:checked=checked on:change=toggle data-testid=format!("actor-{}", crate::export::file_stem(&actor))/>
                                " "{actor.clone()}" "<span class="count">"("{count}")"</span>
                            </label>
                        }
                    }).collect_view()}
                </fieldset>
            </div>
            <div class="results">
                <p class="result-count" data-testid="announcement-count" role="status">
                    {move || {
                        let n = matches.with(Vec::len);
                        format!("{n} announcement{} match.", if n == 1 { "" } else { "s" })
                    }}
                </p>
                {move || {
                    let query = state.with(|state| state.search.clone());
                    let groups = crate::analysis::filter::group_by_month(&dataset_for_list.announcements, &matches.get());
                    let dataset = dataset_for_list.clone();
                    groups.into_iter().map(|(month, members)| {
                        let dataset = dataset.clone();
                        let query = query.clone();
                        view! {
                            <section class="month-group">
                                <h3>{month}</h3>
                                <ol class="announcement-list">
                                    {members.into_iter().map(|announcement_idx| {
                                        let announcement = dataset.announcements[announcement_idx].clone();
                                        let highlighted = |text: &str| highlight_matches(text, &query).into_iter().map(|(piece, is_match)| {
                                            if is_match { view! { <mark>{piece}</mark> }.into_any() } else { piece.into_any() }
                                        }).collect_view();
                                        view! {
                                            <li class="announcement" data-testid="announcement" id=format!("announcement-{}", announcement.announcement_id)>
                                                <p class="announcement__date"><time datetime=announcement.date.iso()>{announcement.date.display()}</time></p>
                                                <h4 class="announcement__title">{highlighted(&announcement.title)}</h4>
                                                <p>{highlighted(&announcement.summary)}</p>
                                                {announcement.note.clone().map(|note| view! { <p class="muted">"Note: "{note}</p> })}
                                                <p class="announcement__tags">
                                                    <span class="muted">"Who: "</span>{announcement.actors.join(", ")}
                                                    <span class="muted">" · Themes: "</span>
                                                    {announcement.themes.iter().map(|theme| theme.label()).collect::<Vec<_>>().join(", ")}
                                                </p>
                                                <SourceLinks dataset=dataset.clone() source_ids=announcement.source_ids.clone()/>
                                            </li>
                                        }
                                    }).collect_view()}
                                </ol>
                            </section>
                        }
                    }).collect_view()
                }}
            </div>
        </div>
    }
}

/// The date this build of the app was made, set by `cargo xtask` when it builds.
const BUILD_DATE: Option<&str> = option_env!("BSE_BUILD_DATE");

/// Sources and method: what the data are, how figures are worked out, and every source.
#[component]
pub fn SourcesView(
    dataset: Arc<Dataset>,
    /// SHA-256 of the loaded file.
    fingerprint: String,
    /// Where the data came from, in words.
    origin: String,
) -> impl IntoView {
    let daily = &dataset.crossings.daily;
    let official_monthly = dataset
        .crossings
        .monthly
        .first()
        .map(|series| series.info.label.clone())
        .unwrap_or_default();
    view! {
        <h2>"Sources and method"</h2>
        <dl class="facts" data-testid="dataset-facts">
            <dt>"Dataset"</dt><dd>{dataset.title.clone()}</dd>
            <dt>"Loaded from"</dt><dd>{origin}</dd>
            <dt>"Fingerprint (SHA-256)"</dt><dd><code data-testid="dataset-fingerprint">{fingerprint}</code></dd>
            <dt>"Schema version"</dt><dd data-testid="schema-version">{dataset.schema_version}</dd>
            <dt>"App built on"</dt><dd data-testid="build-date">{BUILD_DATE.unwrap_or("not recorded (a development build)")}</dd>
            <dt>"Data as at"</dt><dd>{crate::dates::day_month_year(dataset.as_of)}</dd>
            <dt>"Records"</dt><dd>{format!(
                "{} sources, {} days of crossings, {} announcements, {} funding records, {} other figures",
                dataset.sources.len(), daily.people.len(), dataset.announcements.len(), dataset.funding.len(), dataset.figures.len()
            )}</dd>
        </dl>
        <h3>"Provisional and official figures"</h3>
        <p>{format!(
            "Provisional figures are the Home Office's weekly operational publication, to {}; the Home Office says they are subject to change. \
             Official figures are the quarterly statistics ({official_monthly}); they are revised between editions. The two are never mixed: \
             every chart says which it shows. They differ for August to October 2020 and July to September 2022.",
            crate::dates::day_month_year(daily.info.as_of)
        )}</p>
        <h3>"How figures are worked out"</h3>
        <ul>
            <li>"Monthly and yearly provisional totals are sums of the daily series; a period the data do not fully cover is marked incomplete."</li>
            <li>"Year to date compares 1 January to the latest day with the same span of each earlier year (28 February stands for 29 February)."</li>
            <li>"People per boat is people divided by boats for the period; it is not shown where no boat arrived. Rolling people per boat divides the window's sums."</li>
            <li>"A rolling average over N periods is the mean of the N periods ending at each point, including data before the chosen dates."</li>
            <li>"Funding totals add only new money. Totals of earlier announcements, re-announcements and parts of a recorded total are shown but not added; amounts stated as \"up to\" make the total an upper bound; yearly rates are never added to one-off sums."</li>
            <li>"Nothing is estimated or interpolated: a value the sources do not give is shown as missing."</li>
        </ul>
        <h3>"Every source"</h3>
        <ol class="source-list" data-testid="source-list">
            {dataset.sources.iter().map(|source| {
                let link = source.url.as_deref().filter(|url| is_safe_https_url(url)).map(|url| view! {
                    <a href=url.to_string() rel="noopener noreferrer" target="_blank">{url.to_string()}</a>
                });
                view! {
                    <li>
                        <strong>{source.title.clone()}</strong>
                        <br/>{source.publisher.clone()}
                        {source.published.map(|date| format!(", {}", date.display()))}
                        " · "{source.kind.label()}
                        {link.map(|link| view! { <br/>{link} })}
                        {source.note.clone().map(|note| view! { <br/><span class="muted">{note}</span> })}
                    </li>
                }
            }).collect_view()}
        </ol>
    }
}
