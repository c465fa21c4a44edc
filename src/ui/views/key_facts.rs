//! The Briefing's key facts: the dataset's other figures by topic in the view's dates, each with its sources and a citation to copy.

use std::sync::Arc;

use leptos::prelude::*;

use crate::analysis::figures::FigureTopic;
use crate::closed_set::ClosedSet;
use crate::data::Dataset;
use crate::view_model::{key_facts, KEY_FACTS_SHOWN_FIRST};
use crate::view_state::{Tab, ViewState};

use crate::ui::widgets::{CiteButton, OptionSelect, RecordLink, SourceLinks};

/// The topic picker and the facts in the view's dates and topic, newest first.
#[component]
pub fn KeyFactsSection(dataset: Arc<Dataset>, state: RwSignal<ViewState>) -> impl IntoView {
    let dataset_for_facts = dataset.clone();
    let facts = Memo::new(move |_| state.with(|state| key_facts(&dataset_for_facts, state)));
    let dataset_for_items = StoredValue::new(dataset);
    // The newest few are listed at first; all of them when asked, or when a link opens one.
    let show_all = RwSignal::new(false);
    let n_facts = move || facts.with(|facts| facts.facts.len());
    let has_more = move || !show_all.get() && n_facts() > KEY_FACTS_SHOWN_FIRST;
    // A fact opened by its link is brought into view and focused.
    let item = Memo::new(move |_| state.with(|state| state.item.clone()));
    Effect::new(move |_| {
        if let Some(item_id) = item.get() {
            show_all.set(true);
            crate::ui::focus_element(&format!("fact-{item_id}"));
        }
    });
    let current = Signal::derive(move || {
        state.with(|state| {
            state
                .fact_topic
                .map_or("all".to_string(), |topic| topic.key().to_string())
        })
    });
    let on_pick = Callback::new(move |key: String| {
        state.update(|state| state.fact_topic = FigureTopic::from_key(&key));
    });
    // The picker's choices carry how many facts each topic has in the view's dates.
    let picker = move || {
        let topic_counts = facts.with(|facts| facts.topic_counts.clone());
        let n_all: usize = topic_counts.iter().map(|(_, count)| count).sum();
        let mut options = vec![("all".to_string(), format!("All topics ({n_all})"))];
        options.extend(topic_counts.into_iter().map(|(topic, count)| {
            (
                topic.key().to_string(),
                format!("{} ({count})", topic.label()),
            )
        }));
        view! { <OptionSelect label="Topic" test_id="option-fact-topic" options=options current=current on_pick=on_pick/> }
    };
    view! {
        // Printed only when the whole list was asked for: a brief is the key figures, not every figure.
        <section class="key-facts" class:print-when-asked=move || !show_all.get() data-testid="key-facts" aria-labelledby="key-facts-title">
            <h3 id="key-facts-title">"Key facts"</h3>
            <form class="options no-print-hidden" on:submit=|event| event.prevent_default() aria-label="Key facts">
                {picker}
            </form>
            <p data-testid="key-facts-summary" role="status">{move || facts.with(|facts| facts.summary.clone())}</p>
            <ul class="fact-list">
                {move || facts.with(|facts| {
                    let n_shown = if show_all.get() { facts.facts.len() } else { KEY_FACTS_SHOWN_FIRST };
                    facts.facts.iter().take(n_shown).map(|fact| {
                    let own_view = ViewState::opening_item(Tab::Briefing, &fact.figure_id);
                    view! {
                    <li class="fact" id=format!("fact-{}", fact.figure_id) data-testid="fact" tabindex="-1">
                        <p class="fact__value"><strong>{fact.value_display.clone()}</strong>" "{fact.label.clone()}</p>
                        <p class="muted">{fact.time_display.clone()}</p>
                        {fact.notes.iter().map(|note| view! { <p class="muted fact__note">{note.clone()}</p> }).collect_view()}
                        <SourceLinks dataset=dataset_for_items.get_value() source_ids=fact.source_ids.clone()/>
                        <p class="record-actions no-print-hidden">
                            <RecordLink state=state tab=Tab::Briefing item_id=fact.figure_id.clone() label="Link to this fact" test_id="fact-link"/>
                            <CiteButton dataset=dataset_for_items.get_value() state=state cited=fact.cited.clone() opens=own_view
                                label="Copy citation" test_id="copy-fact"/>
                        </p>
                    </li>
                    }
                }).collect_view()})}
            </ul>
            <Show when=has_more>
                <button type="button" class="button button--secondary no-print-hidden" data-testid="show-all-facts"
                    on:click=move |_| show_all.set(true)>{move || format!("Show all {} facts", n_facts())}</button>
            </Show>
        </section>
    }
}
