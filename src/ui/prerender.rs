//! The app's own components drawn to HTML on the build machine (the `prerender` feature, used by `xtask`), so the page shows the Briefing before any script has run, in the markup the app itself draws.
//!
//! The parts are drawn as the app first draws them (the initial view state) inside a reactive owner.
//! The tasks a component starts (effects, timers) are the browser's work: here they are dropped, so
//! nothing reads a browser that is not there. `xtask` puts the parts in order and makes them fit to
//! stand beside the app's own (test ids become `data-pre`, ids get a prefix).

use std::sync::Arc;

use leptos::prelude::*;
use leptos::tachys::view::RenderHtml;

use super::data_panel::{DataPanel, FileState};
use super::views::{BriefingAnswers, BriefingSummary, HeadlineGrid, KeyChart, KeyNumbersTable};
use crate::data::Dataset;
use crate::view_state::ViewState;

/// The Briefing's parts, each as the app draws it, in the app's markup.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PrerenderedParts {
    /// The page's header, its "Open data file" inert until the app starts (no file box that nothing
    /// would listen to).
    pub header: String,
    /// The dataset's title and how fresh its data are.
    pub heading: String,
    /// The panel for a file a person opens: empty until one is.
    pub data_panel: String,
    /// The tab list, the Briefing selected.
    pub tabs: String,
    /// The answers above the filters: this year so far and the latest month.
    pub answers: String,
    /// The filters and the key chart's option, open (a phone's first script closes them, as the app
    /// does on a narrow screen).
    pub controls: String,
    /// Copy link, Print and the shortcuts' list.
    pub share_bar: String,
    /// The Briefing's heading and summary paragraph.
    pub summary: String,
    /// The key chart drawn for a wide screen and for a phone: the stylesheet shows the one the app
    /// would draw.
    pub key_chart_wide: String,
    pub key_chart_narrow: String,
    /// Key numbers by year, with its table.
    pub key_numbers: String,
    /// The headline figures.
    pub headlines: String,
    /// The page's footer.
    pub footer: String,
}

/// Drops every task a component starts: effects and timers belong to the browser.
struct DropTasks;

impl any_spawner::CustomExecutor for DropTasks {
    fn spawn(&self, _task: any_spawner::PinnedFuture<()>) {}
    fn spawn_local(&self, _task: any_spawner::PinnedLocalFuture<()>) {}
    fn poll_local(&self) {}
}

/// The Briefing's parts as the app first draws them over `dataset`. `has_link`: whether the page built
/// has a web link to give (the site, or an offline copy built knowing the site's address).
pub fn prerender_briefing(dataset: &Arc<Dataset>, has_link: bool) -> PrerenderedParts {
    // Set once for the process; a second call finds it set, which is as wanted.
    any_spawner::Executor::init_custom_executor(DropTasks).ok();
    let owner = Owner::new();
    // Signals are read once, to draw; nothing here is meant to follow them.
    let _drawing_once = leptos::reactive::diagnostics::SpecialNonReactiveZone::enter();
    let parts = owner.with(|| {
        let state = RwSignal::new(ViewState::initial());
        let dataset = dataset.clone();
        let tab = Memo::new(move |_| state.with(|state| state.tab));
        let wide = Signal::stored(crate::view_model::WIDE_CHART_SIZE);
        let narrow = Signal::stored(crate::view_model::NARROW_CHART_SIZE);
        PrerenderedParts {
            header: view! {
                <super::SiteHeader>
                    <span class="open-file"><span class="open-file__label">"Open data file"</span></span>
                </super::SiteHeader>
            }
            .to_html(),
            heading: view! { <super::DatasetHeading dataset=dataset.clone()/> }.to_html(),
            data_panel: view! { <DataPanel file_state=FileState::new() bundled_ok=true/> }.to_html(),
            tabs: view! { <super::Tabs state=state/> }.to_html(),
            answers: view! { <BriefingAnswers dataset=dataset.clone() state=state/> }.to_html(),
            controls: view! {
                <super::Controls state=state dataset=dataset.clone() tab=tab narrow_screen=Signal::stored(false)
                    search_stands_alone=Memo::new(|_| false) quick_ranges_built=Signal::stored(true)/>
            }
            .to_html(),
            share_bar: view! { <super::ShareBar state=state dataset=dataset.clone() has_link=has_link/> }.to_html(),
            summary: view! { <BriefingSummary dataset=dataset.clone() state=state/> }.to_html(),
            key_chart_wide: view! { <KeyChart dataset=dataset.clone() state=state chart_size=wide/> }
                .to_html(),
            key_chart_narrow: view! { <KeyChart dataset=dataset.clone() state=state chart_size=narrow/> }
                .to_html(),
            key_numbers: view! { <KeyNumbersTable dataset=dataset.clone() state=state/> }.to_html(),
            headlines: view! { <HeadlineGrid dataset=dataset.clone() state=state/> }.to_html(),
            footer: view! { <super::SiteFooter/> }.to_html(),
        }
    });
    drop(owner);
    parts
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{dataset_from, date, tree_with_days};

    #[test]
    fn each_part_is_drawn_by_the_app_s_own_component_without_a_browser() {
        let dataset = Arc::new(dataset_from(&tree_with_days(
            date(2024, 1, 1),
            &[3; 400],
            &[1; 400],
        )));
        let parts = prerender_briefing(&dataset, false);
        assert!(
            parts.heading.contains("data-testid=\"dataset-title\""),
            "{}",
            parts.heading
        );
        assert!(parts.tabs.contains("data-testid=\"tab-briefing\""));
        assert!(parts.answers.contains("data-testid=\"briefing-answers\""));
        assert!(parts.share_bar.contains("data-testid=\"copy-link\""));
        assert!(parts.key_numbers.contains("data-testid=\"copy-row-0\""));
        assert!(
            parts.controls.contains("data-testid=\"filter-from\""),
            "{}",
            parts.controls
        );
        assert!(parts.controls.contains(" open"), "open: {}", parts.controls);
        assert!(parts.summary.contains("data-testid=\"briefing-summary\""));
        assert!(parts.key_chart_wide.contains("viewBox=\"0 0 880 380\""));
        assert!(parts.key_chart_narrow.contains("viewBox=\"0 0 360 320\""));
        assert!(parts.headlines.contains("class=\"headline-grid\""));
    }
}
