//! The views a person opens by asking (Crossings, Funding, Announcements, Sources and method), each in a part of the wasm of its own that the page fetches the first time the view is opened; the Briefing, where a visit starts, is in the first module.
//!
//! Each part is marked by a `wasm_split` function that hands back the view's builder: the build splits
//! the wasm there (`xtask/src/dist/split.rs`), and on the build machine and in host tests the function
//! is an ordinary call. A part that cannot be fetched says so, with a button to try again; the loader
//! never keeps a failure.

use std::sync::Arc;

use leptos::prelude::*;
use leptos::wasm_split::{wasm_split, SplitLoaderError};

use crate::chart::ChartSize;
use crate::closed_set::ClosedSet;
use crate::data::Dataset;
use crate::view_state::{Tab, ViewState};

use super::views::{AnnouncementsView, CrossingsView, FundingView, SourcesView};

/// What a person is told, in a status line or a file's problem, when a part of the wasm they asked for
/// did not arrive.
pub const PART_MISSING: &str =
    "this part of the explorer did not arrive; check the connection, then try again";

/// What a view is built from.
pub struct ViewInputs {
    pub dataset: Arc<Dataset>,
    pub state: RwSignal<ViewState>,
    /// The charts' drawing size, which follows the screen's width.
    pub chart_size: Signal<ChartSize>,
    /// True on a phone held upright.
    pub narrow_screen: Signal<bool>,
    /// SHA-256 of the loaded file, for Sources and method.
    pub fingerprint: String,
    /// Where the data came from, in words, for Sources and method.
    pub origin: String,
    /// True once the parts below the first screen may be drawn (Sources and method).
    pub lower_parts_ready: Signal<bool>,
}

/// Builds a view from its inputs; its code is in the view's part of the wasm.
type BuildView = fn(ViewInputs) -> AnyView;

#[wasm_split(bse_crossings_view, wasm_split_path = ::leptos::wasm_split, fallible)]
fn crossings_builder() -> Result<BuildView, SplitLoaderError> {
    Ok(|inputs| {
        view! { <CrossingsView dataset=inputs.dataset state=inputs.state chart_size=inputs.chart_size/> }
            .into_any()
    })
}

#[wasm_split(bse_funding_view, wasm_split_path = ::leptos::wasm_split, fallible)]
fn funding_builder() -> Result<BuildView, SplitLoaderError> {
    Ok(|inputs| {
        view! { <FundingView dataset=inputs.dataset state=inputs.state chart_size=inputs.chart_size/> }
            .into_any()
    })
}

#[wasm_split(bse_announcements_view, wasm_split_path = ::leptos::wasm_split, fallible)]
fn announcements_builder() -> Result<BuildView, SplitLoaderError> {
    Ok(|inputs| {
        view! { <AnnouncementsView dataset=inputs.dataset state=inputs.state narrow_screen=inputs.narrow_screen/> }
            .into_any()
    })
}

#[wasm_split(bse_sources_view, wasm_split_path = ::leptos::wasm_split, fallible)]
fn sources_builder() -> Result<BuildView, SplitLoaderError> {
    Ok(|inputs| {
        view! {
            <SourcesView dataset=inputs.dataset fingerprint=inputs.fingerprint state=inputs.state
                chart_size=inputs.chart_size lower_parts_ready=inputs.lower_parts_ready origin=inputs.origin/>
        }
        .into_any()
    })
}

/// Where a view's part is.
#[derive(Clone, Copy)]
enum Part {
    NotAsked,
    Fetching,
    Ready(BuildView),
    Failed,
}

/// The four lazily loaded views' parts, kept for as long as the page is open (whatever dataset is shown).
#[derive(Clone, Copy)]
pub struct LazyViews {
    crossings: RwSignal<Part>,
    funding: RwSignal<Part>,
    announcements: RwSignal<Part>,
    sources: RwSignal<Part>,
}

impl LazyViews {
    pub fn new() -> Self {
        Self {
            crossings: RwSignal::new(Part::NotAsked),
            funding: RwSignal::new(Part::NotAsked),
            announcements: RwSignal::new(Part::NotAsked),
            sources: RwSignal::new(Part::NotAsked),
        }
    }

    /// The view of `tab` (not the Briefing) built from `inputs` once its part is here; until then a
    /// line saying it is on its way, and where it could not be fetched, a message and "Try again".
    pub fn view(self, tab: Tab, inputs: ViewInputs) -> AnyView {
        let Some(part) = self.part(tab) else {
            return ().into_any();
        };
        match part.get() {
            Part::Ready(build) => build(inputs),
            Part::NotAsked | Part::Fetching => {
                self.start_fetching(tab);
                view! {
                    <p class="loading" role="status" data-testid="view-loading">
                        {format!("Loading {}…", tab.label())}
                    </p>
                }
                .into_any()
            }
            Part::Failed => view! {
                <div class="error-summary" role="alert" data-testid="view-failed">
                    <h2 class="error-summary__title">{format!("{} could not be loaded", tab.label())}</h2>
                    <p>"This part of the explorer did not arrive. Check the connection, then try again; the data on screen are kept."</p>
                    <button type="button" class="button" on:click=move |_| part.set(Part::NotAsked)>"Try again"</button>
                </div>
            }
            .into_any(),
        }
    }

    /// Starts fetching the part of `tab`'s view unless it is here or on its way (nothing for the
    /// Briefing): called for the view a link opens as soon as the page starts, so the part comes while
    /// the data are read and the explorer is built.
    pub fn start_fetching(self, tab: Tab) {
        let Some(part) = self.part(tab) else {
            return;
        };
        if !matches!(part.get_untracked(), Part::NotAsked) {
            return;
        }
        // Not a change anyone listens for: the view shows its loading line either way.
        part.update_untracked(|part| *part = Part::Fetching);
        leptos::task::spawn_local(async move {
            let fetched = match tab {
                Tab::Crossings => crossings_builder().await,
                Tab::Funding => funding_builder().await,
                Tab::Announcements => announcements_builder().await,
                _ => sources_builder().await,
            };
            part.set(fetched.map_or(Part::Failed, Part::Ready));
        });
    }

    fn part(self, tab: Tab) -> Option<RwSignal<Part>> {
        match tab {
            Tab::Briefing => None,
            Tab::Crossings => Some(self.crossings),
            Tab::Funding => Some(self.funding),
            Tab::Announcements => Some(self.announcements),
            Tab::Sources => Some(self.sources),
        }
    }
}
