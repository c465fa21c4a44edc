//! Small widgets every view uses: source links, a copy button with its status, a drop-down over a closed set, a date box.

use std::sync::Arc;

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::citation::{cite, Cited};
use crate::closed_set::ClosedSet;
use crate::data::Dataset;
use crate::view_state::{to_fragment, Tab, ViewState};

use super::browser;
use super::history::EditSession;
use crate::dates::TypedDate;

/// Links to the sources with these ids: a link for `https` addresses, plain text otherwise.
#[component]
pub fn SourceLinks(
    /// The dataset holding the sources.
    dataset: Arc<Dataset>,
    /// The ids to show.
    source_ids: Vec<String>,
    /// At most this many are listed, then "and N more" (on paper, where a card has little room).
    #[prop(optional)]
    max_listed: Option<usize>,
) -> impl IntoView {
    let all_links = crate::view_model::source_links(&dataset, &source_ids);
    let n_more = max_listed.map_or(0, |max_listed| all_links.len().saturating_sub(max_listed));
    let more = (n_more > 0).then(|| {
        view! { <li>{format!("and {} in the Sources view", crate::text::count_of(n_more, "more", "more"))}</li> }
    });
    let links = all_links
        .into_iter()
        .take(max_listed.unwrap_or(usize::MAX))
        .map(|link| match link.url_and_domain {
            Some((url, domain)) => view! {
                <li>
                    // The space goes with the site's name, so a printed list that hides the name has
                    // no space before its separator.
                    <a href=url rel="noopener noreferrer" target="_blank">{link.label}</a>
                    <span class="source-domain">" ("{domain}")"</span>
                </li>
            }
            .into_any(),
            None => view! { <li>{link.label}</li> }.into_any(),
        })
        .collect_view();
    view! { <ul class="source-links">{links}{more}</ul> }
}

/// A "copy" button that copies a claim with its citation: the claim, each source in full, the link to
/// this view and the day it was copied.
#[component]
pub fn CiteButton(
    dataset: Arc<Dataset>,
    /// The view, for the link in the citation.
    state: RwSignal<ViewState>,
    /// The claim and its sources.
    #[prop(into)]
    cited: Signal<Cited>,
    /// The view the citation links to, when it is not the one shown (a record's own link).
    #[prop(optional)]
    opens: Option<ViewState>,
    /// The button's text.
    label: &'static str,
    /// The test id of the button.
    #[prop(into)]
    test_id: String,
) -> impl IntoView {
    let text = Signal::derive(move || {
        let fragment = match &opens {
            Some(view) => to_fragment(view),
            None => state.with(to_fragment),
        };
        let context = browser::citation_context(&fragment);
        cited.with(|cited| cite(&dataset, cited, &context))
    });
    view! { <CopyButton label=label text=text test_id=test_id/> }
}

/// A record's link of its own: the address opens the record alone on its tab (to copy, or to open in a
/// new tab); a plain click keeps the view's filters and brings the record into view and focus here.
#[component]
pub fn RecordLink(
    state: RwSignal<ViewState>,
    /// The tab the record is on.
    tab: Tab,
    /// The record's id.
    item_id: String,
    label: &'static str,
    test_id: &'static str,
) -> impl IntoView {
    let href = format!("#{}", to_fragment(&ViewState::opening_item(tab, &item_id)));
    let on_click = move |event: leptos::ev::MouseEvent| {
        if event.button() == 0 && !event.ctrl_key() && !event.meta_key() && !event.shift_key() {
            event.prevent_default();
            let item_id = item_id.clone();
            state.update(move |state| state.item = Some(item_id));
        }
    };
    view! { <a href=href data-testid=test_id on:click=on_click>{label}</a> }
}

/// How the last data pack asked for went, kept by the page rather than the button: a pack asked for
/// just before the explorer is built again (a file opened) still says how it went.
#[derive(Clone, Copy)]
pub struct DataPackStatus(pub RwSignal<String>);

/// "Download all the data (ZIP)": every series and record as CSV, the dataset file and a README, for the
/// data on screen (bundled or opened), made when asked for.
#[component]
pub fn DataPackButton() -> impl IntoView {
    let loaded = use_context::<super::load::LoadedDataset>();
    let status = use_context::<DataPackStatus>()
        .map_or_else(|| RwSignal::new(String::new()), |status| status.0);
    let on_click = move |_| {
        if let Some(loaded) = loaded.clone() {
            super::data_panel::download_data_pack(loaded, status);
        }
    };
    view! {
        <button type="button" class="button button--secondary no-print-hidden" data-testid="download-data-pack" on:click=on_click>
            "Download all the data (ZIP)"
        </button>
        <span class="visually-hidden" role="status" data-testid="data-pack-status">{move || status.get()}</span>
    }
}

/// "Show 100 more" under a long list drawn a page at a time; nothing when every item is drawn.
#[component]
pub fn ShowMoreButton(
    /// How many items have been asked for; the button adds a page.
    asked: RwSignal<usize>,
    /// How many are drawn now.
    #[prop(into)]
    drawn: Signal<usize>,
    /// How many there are.
    #[prop(into)]
    total: Signal<usize>,
    /// What the items are, in the plural.
    plural: &'static str,
    test_id: &'static str,
    /// How many more each press draws.
    #[prop(default = crate::view_model::ITEMS_SHOWN_AT_ONCE)]
    page_size: usize,
) -> impl IntoView {
    move || {
        crate::view_model::show_more_label(drawn.get(), total.get(), page_size, plural).map(|label| {
            view! {
                <p><button type="button" class="button button--secondary" data-testid=test_id
                    on:click=move |_| asked.set(drawn.get_untracked() + page_size)>{label}</button></p>
            }
        })
    }
}

/// Puts `text` on the clipboard and says in `status` whether it worked: "Copied.", or why not.
pub fn copy_saying_so(text: String, status: RwSignal<String>) {
    leptos::task::spawn_local(async move {
        status.set(match browser::copy_text(&text).await {
            Ok(()) => "Copied.".to_string(),
            Err(message) => format!("Not copied: {message}"),
        });
    });
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
    let on_click = move |_| copy_saying_so(text.get_untracked(), status);
    view! {
        <button type="button" class="button button--secondary" data-testid=test_id on:click=on_click>{label}</button>
        <span class="copy-status" role="status">{move || status.get()}</span>
    }
}

/// The (key, label) pairs of a closed set, for an `OptionSelect`.
pub fn closed_set_options<T: ClosedSet>() -> Vec<(String, String)> {
    T::all()
        .map(|member| (member.key().to_string(), member.label().to_string()))
        .collect()
}

/// A labelled drop-down: shows the option whose key is `current` and calls `on_pick` with the key chosen.
#[component]
pub fn OptionSelect(
    /// The label before the box.
    label: &'static str,
    /// For tests.
    test_id: &'static str,
    /// Each option's key and label, in order.
    options: Vec<(String, String)>,
    /// The key of the option shown as chosen.
    #[prop(into)]
    current: Signal<String>,
    /// Called with the key of the option chosen.
    on_pick: Callback<String>,
) -> impl IntoView {
    view! {
        <label>{label}" "
            <select data-testid=test_id on:change=move |event| on_pick.run(event_target_value(&event))>
                {options.into_iter().map(|(key, text)| {
                    let key_for_check = key.clone();
                    view! { <option value=key selected=move || current.with(|current| *current == key_for_check)>{text}</option> }
                }).collect_view()}
            </select>
        </label>
    }
}

/// Keeps a box showing `text` (the view's value, which Back, a link or a quick range can change), except
/// while a person is typing in it: the app never writes into a box that has focus.
pub fn follow_unless_focused(
    input_ref: NodeRef<leptos::html::Input>,
    text: impl Fn() -> String + 'static,
) {
    Effect::new(move |_| {
        let text = text();
        if let Some(input) = input_ref.get() {
            if !browser::has_focus(&input) && input.value() != text {
                input.set_value(&text);
            }
        }
    });
}

/// A labelled date box. A typed date is applied once it is whole (day, month and a four-digit year),
/// never at each key, and the box is never written to while it has focus; the first change of an edit
/// adds a history entry and later ones replace it. Left half-typed, it says what is missing.
#[component]
pub fn DateInput(
    /// The label before the box.
    label: &'static str,
    /// For tests, and the box's id.
    test_id: &'static str,
    /// The date shown.
    #[prop(into)]
    value: Signal<Option<NaiveDate>>,
    /// The first and last day of the daily data: the box's limits, and a note for a date outside them.
    data_days: (NaiveDate, NaiveDate),
    /// Called with the date entered (`None` when cleared).
    on_change: Callback<Option<NaiveDate>>,
) -> impl IntoView {
    let input_ref = NodeRef::<leptos::html::Input>::new();
    let edit = EditSession::new();
    let incomplete = RwSignal::new(false);
    let shown_text = move || value.get().map(crate::dates::iso_date).unwrap_or_default();
    // The box follows the view (Back, a link, a quick range), except while a person is typing in it.
    follow_unless_focused(input_ref, shown_text);
    let read_box = move || {
        input_ref.get_untracked().map(|input| {
            let partly_filled = input.validity().bad_input();
            crate::dates::read_typed_date(&input.value(), partly_filled)
        })
    };
    let apply = move || {
        let typed = read_box();
        let date = match typed {
            Some(TypedDate::Complete(date)) => Some(date),
            Some(TypedDate::Cleared) => None,
            Some(TypedDate::Incomplete) | None => return,
        };
        incomplete.set(false);
        if value.get_untracked() != date {
            edit.commit(|| on_change.run(date));
        }
    };
    let on_leave = move |_| {
        apply();
        let half_typed = matches!(read_box(), Some(TypedDate::Incomplete));
        incomplete.set(half_typed);
        if !half_typed {
            // What the view holds now (a range the other way round is swapped, say).
            if let Some(input) = input_ref.get_untracked() {
                input.set_value(&untrack(shown_text));
            }
        }
    };
    let (data_first, data_last) = data_days;
    let error_id = format!("{test_id}-error");
    let note_id = format!("{test_id}-note");
    let outside_note = move || {
        value
            .get()
            .and_then(|date| crate::view_model::date_outside_data_note(date, data_first, data_last))
    };
    view! {
        <span class="date-field">
            <label for=test_id>{label}</label>
            <input type="date" id=test_id data-testid=test_id min=crate::dates::iso_date(data_first)
                aria-invalid=move || incomplete.get().then_some("true")
                aria-describedby=format!("{error_id} {note_id}")
                node_ref=input_ref
                on:focus=move |_| edit.start()
                on:change=move |_| apply()
                on:keydown=move |event| if event.key() == "Enter" { apply() }
                on:blur=on_leave/>
            <span class="field-error" id=error_id.clone() data-testid=error_id hidden=move || !incomplete.get()>
                "Enter a whole date: day, month and the year in four digits."
            </span>
            <span class="field-note" id=note_id.clone() data-testid=note_id hidden=move || outside_note().is_none()>
                {outside_note}
            </span>
        </span>
    }
}
