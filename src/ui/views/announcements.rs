//! The Announcements view: facets with counts, search with highlights, and the timeline grouped by month.

use std::sync::Arc;

use leptos::prelude::*;

use crate::analysis::filter::{
    facet_counts, filter_announcements, group_by_month, highlight_matches, FacetCounts,
};
use crate::closed_set::ClosedSet;
use crate::data::Dataset;
use crate::view_model::{
    announcement_claim, announcement_others, facets_summary, match_count_sentence, record_notes,
};
use crate::view_state::{Tab, ViewState};

use crate::ui::widgets::{CiteButton, RecordLink, ShowMoreButton, SourceLinks};

/// Announcements: facets with counts, search with highlights, a timeline grouped by month.
#[component]
pub fn AnnouncementsView(
    dataset: Arc<Dataset>,
    state: RwSignal<ViewState>,
    /// True on a phone: the facets start closed, behind one line saying what is set.
    narrow_screen: Signal<bool>,
) -> impl IntoView {
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
    // A long list is drawn a page at a time; a record a link opens is always drawn.
    let asked = RwSignal::new(crate::view_model::ITEMS_SHOWN_AT_ONCE);
    let dataset_for_limit = dataset.clone();
    let drawn = Memo::new(move |_| {
        let opened_at = state.with(|state| state.item.clone()).and_then(|item_id| {
            matches.with(|matches| {
                matches.iter().position(|&announcement_idx| {
                    dataset_for_limit.announcements[announcement_idx].announcement_id == item_id
                })
            })
        });
        matches
            .with(|matches| crate::view_model::items_to_draw(matches.len(), asked.get(), opened_at))
    });
    // An announcement opened by its link or from a chart marker is brought into view and focused, once
    // the list holding it has been drawn.
    let item = Memo::new(move |_| state.with(|state| state.item.clone()));
    Effect::new(move |_| {
        if let Some(item_id) = item.get() {
            crate::ui::focus_element(&format!("announcement-{item_id}"));
        }
    });
    view! {
        <h2>"Announcements"</h2>
        <div class="facets-and-results">
            <details class="controls facets-disclosure" data-testid="facets" prop:open=move || !narrow_screen.get()>
                <summary class="controls__summary" data-testid="facets-summary">
                    <span class="controls__label">"Themes and who acted"</span>
                    <span class="controls__set">{move || state.with(facets_summary)}</span>
                </summary>
                <Facets counts=counts state=state/>
            </details>
            <div class="results">
                <p class="result-count" data-testid="announcement-count" role="status">
                    {move || match_count_sentence(matches.with(Vec::len))}
                </p>
                {move || {
                    let query = state.with(|state| state.search.clone());
                    let shown: Vec<usize> = matches.with(|matches| matches.iter().take(drawn.get()).copied().collect());
                    group_by_month(&dataset_for_list.announcements, &shown)
                        .into_iter()
                        .map(|(month, members)| view! {
                            <section class="month-group">
                                <h3>{month}</h3>
                                <ol class="announcement-list">
                                    {members.into_iter().map(|announcement_idx| view! {
                                        <AnnouncementItem dataset=dataset_for_list.clone() announcement_idx=announcement_idx query=query.clone() state=state/>
                                    }).collect_view()}
                                </ol>
                            </section>
                        })
                        .collect_view()
                }}
                <ShowMoreButton asked=asked drawn=drawn total=Signal::derive(move || matches.with(Vec::len))
                    plural="announcements" test_id="show-more-announcements"/>
            </div>
        </div>
    }
}

/// Theme and actor checkboxes, each with how many announcements it would show.
#[component]
fn Facets(counts: Memo<FacetCounts>, state: RwSignal<ViewState>) -> impl IntoView {
    view! {
        <div class="facets">
            <fieldset>
                <legend>"Themes"</legend>
                {move || counts.get().themes.into_iter().map(|(theme, count)| {
                    let checked = move || state.with(|state| state.themes.contains(&theme));
                    let toggle = move |_| state.update(|state| state.toggle_theme(theme));
                    let key = theme.key();
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
    }
}

/// One announcement in the timeline, with the search text highlighted.
#[component]
fn AnnouncementItem(
    dataset: Arc<Dataset>,
    announcement_idx: usize,
    query: String,
    state: RwSignal<ViewState>,
) -> impl IntoView {
    let announcement = dataset.announcements[announcement_idx].clone();
    let own_view = ViewState::opening_item(Tab::Announcements, &announcement.announcement_id);
    let highlighted = |text: &str| {
        highlight_matches(text, &query)
            .into_iter()
            .map(|(piece, is_match)| {
                if is_match {
                    view! { <mark>{piece}</mark> }.into_any()
                } else {
                    piece.into_any()
                }
            })
            .collect_view()
    };
    view! {
        <li class="announcement" data-testid="announcement" id=format!("announcement-{}", announcement.announcement_id) tabindex="-1">
            <p class="announcement__date"><time datetime=announcement.date.iso()>{announcement.date.display()}</time></p>
            <h4 class="announcement__title">{highlighted(&announcement.title)}</h4>
            <p>{highlighted(&announcement.summary)}</p>
            {record_notes(announcement.note.as_deref(), &announcement_others(&dataset, &announcement))
                .into_iter().map(|note| view! { <p class="muted">"Note: "{note}</p> }).collect_view()}
            <p class="announcement__tags">
                <span class="muted">"Who: "</span>{announcement.actors.join(", ")}
                <span class="muted">" · Themes: "</span>
                {announcement.themes.iter().map(|theme| theme.label()).collect::<Vec<_>>().join(", ")}
            </p>
            <SourceLinks dataset=dataset.clone() source_ids=announcement.source_ids.clone()/>
            <p class="record-actions no-print-hidden">
                <RecordLink state=state tab=Tab::Announcements item_id=announcement.announcement_id.clone() label="Link to this announcement" test_id="announcement-link"/>
                <CiteButton dataset=dataset.clone() state=state cited=announcement_claim(&announcement) opens=own_view
                    label="Copy citation" test_id="copy-announcement"/>
            </p>
        </li>
    }
}
