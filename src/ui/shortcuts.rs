//! Keyboard shortcuts: one listener on the page that applies `view_state::Shortcut`s (never while a text box, list or other field has the keys), and the "?" dialog that lists them.

use chrono::NaiveDate;
use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::view_state::{shortcut_for_key, Shortcut, Tab, ViewState, SHORTCUT_LIST};

/// The id of the dialog listing the shortcuts.
const HELP_DIALOG_ID: &str = "shortcuts-dialog";

/// True when the key belongs to what has focus: a text box, a list, a date, or anything editable.
fn typing_in_field(event: &ev::KeyboardEvent) -> bool {
    let Some(element) = event
        .target()
        .and_then(|target| target.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return false;
    };
    matches!(element.tag_name().as_str(), "INPUT" | "SELECT" | "TEXTAREA")
        || element.is_content_editable()
}

fn document() -> Option<web_sys::Document> {
    web_sys::window()?.document()
}

fn help_dialog() -> Option<web_sys::HtmlDialogElement> {
    super::browser::element_by_id(HELP_DIALOG_ID)?
        .dyn_into()
        .ok()
}

/// Opens the list of shortcuts, or closes it when it is open: the "?" key and the link beside "Print
/// this view" both come here.
pub fn toggle_help() {
    if let Some(dialog) = help_dialog() {
        if dialog.open() {
            dialog.close();
        } else {
            dialog.show_modal().ok();
        }
    }
}

/// The chart the "t" key is for: the one holding focus, else the first on the view.
fn chart_in_reach() -> Option<String> {
    let document = document()?;
    let from_focus = document
        .active_element()
        .and_then(|focused| focused.closest("[data-chart-id]").ok().flatten());
    let chart = match from_focus {
        Some(chart) => chart,
        None => document
            .query_selector("#tab-panel [data-chart-id]")
            .ok()
            .flatten()?,
    };
    chart.get_attribute("data-chart-id")
}

/// Applies one shortcut to the view.
fn apply(shortcut: Shortcut, state: RwSignal<ViewState>, data_last: Option<NaiveDate>) {
    match shortcut {
        Shortcut::ShowTab(tab) => state.update(|state| state.show_tab(tab)),
        Shortcut::Search => {
            if !state.with_untracked(|state| state.tab.uses_search()) {
                state.update(|state| state.show_tab(Tab::Announcements));
            }
            // On a phone the box is behind the closed filters: they are opened first.
            if let Some(controls) =
                document().and_then(|document| document.query_selector(".controls").ok().flatten())
            {
                controls.set_attribute("open", "").ok();
            }
            super::focus_element("filter-search");
        }
        Shortcut::ToggleTable => {
            if let Some(chart_id) = chart_in_reach() {
                state.update(|state| state.toggle_table(&chart_id));
                super::focus_element(&super::chart_panel::view_element_id(&chart_id));
            }
        }
        Shortcut::StepDates { forward } => {
            if let Some(data_last) = data_last {
                state.update(|state| state.step_dates(forward, data_last));
            }
        }
        Shortcut::Help => toggle_help(),
    }
}

/// Listens for shortcuts until the returned handle is removed.
pub fn listen_for_shortcuts(
    state: RwSignal<ViewState>,
    data_last: Option<NaiveDate>,
) -> WindowListenerHandle {
    window_event_listener(ev::keydown, move |event: ev::KeyboardEvent| {
        if event.ctrl_key() || event.meta_key() || event.alt_key() || event.default_prevented() {
            return;
        }
        if typing_in_field(&event) {
            return;
        }
        // Inside the open list, only "?" (and Esc, which the dialog handles) do anything.
        let help_open = help_dialog().is_some_and(|dialog| dialog.open());
        let Some(shortcut) = shortcut_for_key(&event.key()) else {
            return;
        };
        if help_open && shortcut != Shortcut::Help {
            return;
        }
        event.prevent_default();
        apply(shortcut, state, data_last);
    })
}

/// The "?" dialog: every shortcut and what it does.
#[component]
pub fn ShortcutsDialog() -> impl IntoView {
    let close = move |_| {
        if let Some(dialog) = help_dialog() {
            dialog.close();
        }
    };
    view! {
        <dialog id=HELP_DIALOG_ID class="shortcuts" data-testid="shortcuts-dialog" aria-labelledby="shortcuts-title">
            <h2 id="shortcuts-title">"Keyboard shortcuts"</h2>
            <p>"They work anywhere on the page except while you are typing in a box or choosing from a list."</p>
            <dl class="shortcuts__list">
                {SHORTCUT_LIST.iter().map(|(keys, what)| view! { <dt><kbd>{*keys}</kbd></dt><dd>{*what}</dd> }).collect_view()}
            </dl>
            <button type="button" class="button" data-testid="close-shortcuts" on:click=close>"Close"</button>
        </dialog>
    }
}
