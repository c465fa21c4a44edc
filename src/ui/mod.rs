//! The Leptos shell: loads the dataset, keeps the view state in step with the URL fragment, and renders the views.

mod browser;
mod build_steps;
mod chart_exports;
mod chart_panel;
mod data_panel;
mod embed;
mod filters;
mod history;
mod lazy_views;
mod load;
#[cfg(feature = "prerender")]
pub mod prerender;
mod shortcuts;
mod views;
mod widgets;
mod worker;

use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::closed_set::ClosedSet;
use crate::page::{SERVICE_WORKER_FILE_NAME, STATIC_SHELL_ELEMENT_ID};
use crate::view_state::{fragment_to_write, parse_fragment, to_fragment, Tab, ViewState};
use build_steps::{BuildSteps, Step};
use data_panel::{listen_for_dropped_files, origin_text, DataPanel, FileState, OpenFileButton};
use filters::{Filters, SearchBox};
use lazy_views::{LazyViews, ViewInputs};
use load::{load_bundled_dataset, LoadError, LoadedDataset};
use views::{BriefingAnswers, BriefingOptions, BriefingView, CrossingsOptions};

/// Mounts the app in a task after the one that started the module, once the page has been drawn: the
/// prerendered answer shows first even where the module starts before the first paint (the offline
/// file carries it inline), and starting the module and building the app are two shorter tasks.
pub fn mount_after_first_paint() {
    // wasm-bindgen's own spawner: Leptos's is set up by the mount itself.
    wasm_bindgen_futures::spawn_local(async {
        browser::after_next_paint().await;
        leptos::mount::mount_to_body(App);
    });
}

/// The whole app: a header, then the explorer or a clear message about why the data could not load.
#[component]
pub fn App() -> impl IntoView {
    // The embed page shows one chart alone, for other sites to frame.
    if browser::is_embed_page() {
        return view! { <embed::LazyEmbedPage/> }.into_any();
    }
    browser::expose_memory_probe();
    // One image shape for every chart's downloads, kept while the page is open, whatever data are shown.
    provide_context(chart_panel::ImageShapeChoice(RwSignal::new(
        crate::view_model::ImageShape::default(),
    )));
    provide_context(widgets::DataPackStatus(RwSignal::new(String::new())));
    let bundled = LocalResource::new(load_bundled_dataset);
    let file_state = FileState::new();
    let open_file = move |file: web_sys::File| file_state.open(file, bundled);
    listen_for_dropped_files(open_file);
    // The view state lives here, created once, so that building the explorer again while the dataset
    // resolves never re-reads a fragment the app has already rewritten.
    let first = parse_fragment(&browser::current_fragment());
    let state = RwSignal::new(first.state);
    let ignored = RwSignal::new(first.ignored);
    let (narrow_screen, chart_size) = watch_screen();
    keep_state_in_fragment(state, ignored);
    // A link to a view other than the Briefing: its part is fetched while the data are read.
    let lazy_views = LazyViews::new();
    lazy_views.start_fetching(state.with_untracked(|state| state.tab));
    // A newer release that has taken over this page: the as-of date of its data, if it could be read.
    let new_release = RwSignal::new(None::<Option<chrono::NaiveDate>>);

    // The build writes the Briefing into index.html (`#bse-shell`), so the answer shows before the app
    // has loaded. The explorer takes its place once it has drawn its own view (see `Explorer`); a
    // dataset that fails to load replaces it at once, with the reason.
    Effect::new(move |_| {
        if bundled.with(|loaded| matches!(loaded, Some(Err(_)))) {
            browser::remove_element(STATIC_SHELL_ELEMENT_ID);
        }
        if bundled.with(Option::is_some) {
            // The offline copy is made once the page is up, so its downloads never compete with the page's.
            leptos::task::spawn_local(async move {
                browser::next_task().await;
                browser::register_service_worker(SERVICE_WORKER_FILE_NAME, move || {
                    leptos::task::spawn_local(async move {
                        new_release.set(Some(load::new_release_as_of().await));
                    });
                });
            });
        }
    });
    // The page is built in the task after the one that set up its state: two shorter tasks, not one
    // long one (see `build_steps`).
    let page_built = build_steps::true_from_next_task();
    view! {
        <Show when=move || page_built.get()>
        <a class="skip-link" href="#main">"Skip to main content"</a>
        <SiteHeader>
            <OpenFileButton on_file=Callback::new(open_file)/>
        </SiteHeader>
        <main id="main" class="page" tabindex="-1">
            <NewReleaseNotice new_release=new_release file_opened=Signal::derive(move || file_state.opened.with(Option::is_some))/>
            <Suspense fallback=|| view! { <p class="loading" role="status">"Loading the dataset…"</p> }>
                {move || bundled.get().map(|result| {
                    let bundled_ok = result.is_ok();
                    let panel = move || view! { <DataPanel file_state=file_state bundled_ok=bundled_ok/> };
                    let shown = file_state.opened.get().map(Ok).unwrap_or(result);
                    match shown {
                        Ok(loaded) => view! { <Explorer loaded=loaded state=state ignored=ignored chart_size=chart_size narrow_screen=narrow_screen lazy_views=lazy_views data_panel=panel/> }.into_any(),
                        Err(error) => {
                            let on_retry = error.can_retry.then(|| Callback::new(move |()| bundled.refetch()));
                            view! { <LoadFailure error=error on_retry=on_retry/>{panel()} }.into_any()
                        }
                    }
                })}
            </Suspense>
        </main>
        <SiteFooter/>
        </Show>
    }
    .into_any()
}

/// The page's header: the app's name and, as `children`, the control to open a data file.
#[component]
fn SiteHeader(children: Children) -> impl IntoView {
    view! {
        <header class="site-header">
            <div class="site-header__inner">
                <span class="site-header__name">{crate::APP_NAME}</span>
                {children()}
            </div>
        </header>
    }
}

/// The page's footer: where the figures come from.
#[component]
fn SiteFooter() -> impl IntoView {
    view! {
        <footer class="site-footer">
            <p>"Figures are from the public sources listed under Sources and method. Provisional figures are subject to revision."</p>
        </footer>
    }
}

/// Whether the screen is narrow (a phone held upright), and the charts' size for it: narrow on a phone,
/// wide otherwise. Watched once, for the page's whole life, whichever dataset is shown.
fn watch_screen() -> (Signal<bool>, Signal<crate::chart::ChartSize>) {
    let narrow_screen = RwSignal::new(false);
    narrow_screen.set(browser::watch_narrow_screen(move |is_narrow| {
        narrow_screen.set(is_narrow)
    }));
    let chart_size = Signal::derive(move || {
        if narrow_screen.get() {
            crate::view_model::NARROW_CHART_SIZE
        } else {
            crate::view_model::WIDE_CHART_SIZE
        }
    });
    (narrow_screen.into(), chart_size)
}

/// The view state drives the fragment; the fragment (back, forward, a pasted link) drives the view
/// state. The fragment the app wrote itself is remembered, so its own hashchange does not clear the
/// notice about what a pasted link contained.
fn keep_state_in_fragment(state: RwSignal<ViewState>, ignored: RwSignal<Vec<String>>) {
    let written_fragment = StoredValue::new(String::new());
    Effect::new(move |_| {
        let to_write = state.with(|state| fragment_to_write(state, &browser::current_fragment()));
        if let Some(fragment) = to_write {
            written_fragment.set_value(fragment.clone());
            history::write_fragment(&fragment);
        }
    });
    let hash_listener = window_event_listener(ev::hashchange, move |_| {
        let current = browser::current_fragment();
        // Each write causes exactly one hashchange: skip it once, so Back and Forward to the same
        // fragment later are still followed.
        if current == written_fragment.get_value() {
            written_fragment.set_value(String::new());
            return;
        }
        let parsed = parse_fragment(&current);
        if parsed.state != state.get_untracked() {
            state.set(parsed.state);
        }
        ignored.set(parsed.ignored);
    });
    // For the page's whole life.
    std::mem::forget(hash_listener);
}

/// The explorer over a loaded dataset.
#[component]
fn Explorer(
    /// The dataset shown, with its fingerprint and origin.
    loaded: LoadedDataset,
    /// The view, kept in step with the URL fragment.
    state: RwSignal<ViewState>,
    /// What the link contained that could not be used.
    ignored: RwSignal<Vec<String>>,
    /// The charts' drawing size, which follows the screen's width.
    chart_size: Signal<crate::chart::ChartSize>,
    /// Whether the screen is narrow (a phone held upright).
    narrow_screen: Signal<bool>,
    /// The other views' parts of the wasm, fetched when first opened.
    lazy_views: LazyViews,
    /// The "open a dataset file" panel, shown under the title.
    #[prop(into)]
    data_panel: ViewFn,
) -> impl IntoView {
    // The data on screen, for the data pack.
    provide_context(loaded.clone());
    let dataset = loaded.dataset.clone();
    browser::mark_performance("bse-explorer-rendered");
    let dataset_for_panel = dataset.clone();
    let dataset_for_answers = dataset.clone();
    let dataset_for_share = dataset.clone();
    let dataset_for_record = dataset.clone();
    let dataset_for_heading = dataset.clone();
    // The tab alone, so a view is built again only when the tab changes; every other change flows
    // into the view's own memos.
    let tab = Memo::new(move |_| state.with(|state| state.tab));
    let search_stands_alone =
        Memo::new(move |_| narrow_screen.get() && tab.get() == Tab::Announcements);
    // The browser tab, its history list and bookmarks name the view.
    Effect::new(move |_| browser::set_title(&tab.get().page_title()));
    // The explorer is built a part at a time, one task each, after the page's frame has been drawn, so
    // the page answers input while it starts (see `build_steps`). Built again for a file opened, with
    // no prerendered copy to hide behind, the parts above the view come at once, so the page never
    // shows empty in between; the view and its lower parts still come a task each.
    let steps = if browser::element_exists(STATIC_SHELL_ELEMENT_ID) {
        BuildSteps::new()
    } else {
        BuildSteps::built_up_to(Step::ShareBar)
    };
    let view_built = steps.done_signal(Step::View);
    leptos::task::spawn_local(async move {
        steps.build_the_rest().await;
        // Every part is in the page (still hidden behind the prerendered copy): the copy goes, and the
        // same view shows in its place in one frame.
        browser::next_task().await;
        browser::remove_element(STATIC_SHELL_ELEMENT_ID);
    });
    keep_print_footer(dataset.clone(), state);
    // Removed with this explorer, so opening another dataset never leaves two listening.
    let shortcut_listener =
        shortcuts::listen_for_shortcuts(state, dataset.crossings.daily.last_date());
    on_cleanup(move || shortcut_listener.remove());
    view! {
        <Show when=move || steps.done(Step::DataPanel)>
            <shortcuts::ShortcutsDialog/>
        </Show>
        <Show when=move || steps.done(Step::Heading)>
            <DatasetHeading dataset=dataset_for_heading.clone()/>
        </Show>
        <Show when=move || steps.done(Step::DataPanel)>{data_panel.run()}</Show>
        <Show when=move || steps.done(Step::Heading)>
            <LinkNotice ignored=ignored/>
            {
                let dataset_for_record = dataset_for_record.clone();
                move || state.with(|state| crate::view_model::missing_record_note(&dataset_for_record, state)).map(|note| view! {
                    <p class="notice" role="status" data-testid="missing-record">{note}</p>
                })
            }
            <Tabs state=state/>
        </Show>
        // Only the filters that change the view are offered on it, with the view's chart options; a
        // phone keeps them closed behind one line saying what is set.
        // The Briefing answers first: this year so far and the latest month, above its filters.
        <Show when=move || tab.get() == Tab::Briefing && steps.done(Step::Answers)>
            <BriefingAnswers dataset=dataset_for_answers.clone() state=state/>
        </Show>
        // On a phone the Announcements view's main control, its search, is one tap away, not inside
        // the closed filters.
        <Show when=move || search_stands_alone.get() && steps.done(Step::Controls)>
            <form class="filters filters--search" role="search" aria-label="Search announcements"
                on:submit=|event| event.prevent_default()>
                <SearchBox state=state/>
            </form>
        </Show>
        <Show when=move || tab.get().uses_dates() && steps.done(Step::Controls)>
            <Controls state=state dataset=dataset.clone() tab=tab narrow_screen=narrow_screen search_stands_alone=search_stands_alone
                quick_ranges_built=steps.done_signal(Step::QuickRanges)/>
        </Show>
        <Show when=move || steps.done(Step::ShareBar)>
            <ShareBar state=state dataset=dataset_for_share.clone() has_link=browser::shareable_link("").is_some()/>
        </Show>
        <section class="tab-panel" role="tabpanel" id="tab-panel" data-testid="tab-panel"
            aria-labelledby=move || format!("tab-{}", tab.get().key())>
            {move || view_built.get().then(|| {
                let dataset = dataset_for_panel.clone();
                match tab.get() {
                    Tab::Briefing => view! { <BriefingView dataset=dataset state=state chart_size=chart_size steps=steps/> }.into_any(),
                    // The other views' code comes the first time each is opened.
                    other => lazy_views.view(other, ViewInputs {
                        dataset,
                        state,
                        chart_size,
                        narrow_screen,
                        fingerprint: loaded.fingerprint.clone(),
                        origin: origin_text(&loaded.origin),
                        lower_parts_ready: steps.done_signal(Step::ViewPart2),
                    }),
                }
            })}
        </section>
    }
}

/// "A newer edition is available": shown when a new release has taken over the page, with the date of
/// its data and a button to reload; the page never reloads by itself.
#[component]
fn NewReleaseNotice(
    new_release: RwSignal<Option<Option<chrono::NaiveDate>>>,
    /// True while a file the person opened is shown (reloading shows the bundled data again).
    file_opened: Signal<bool>,
) -> impl IntoView {
    let text = move || {
        new_release
            .get()
            .map(|as_of| crate::view_model::new_release_notice(as_of, file_opened.get()))
    };
    view! {
        <Show when=move || new_release.with(Option::is_some)>
            <div class="notice notice--release" role="status" data-testid="new-release">
                <p>{text}</p>
                <button type="button" class="button" data-testid="reload-new-release" on:click=|_| {
                    if let Some(window) = web_sys::window() { window.location().reload().ok(); }
                }>"Reload"</button>
                " "
                <button type="button" class="button button--secondary" on:click=move |_| new_release.set(None)>"Not now"</button>
            </div>
        </Show>
    }
}

/// What a link held that could not be used, until dismissed.
#[component]
fn LinkNotice(ignored: RwSignal<Vec<String>>) -> impl IntoView {
    view! {
        <Show when=move || ignored.with(|ignored| !ignored.is_empty())>
            <div class="notice" role="status" data-testid="link-notice">
                <p>"Parts of the link could not be used, so the nearest valid view is shown:"</p>
                <ul>{move || ignored.get().into_iter().map(|note| view! { <li>{note}</li> }).collect_view()}</ul>
                <button type="button" class="button button--secondary" on:click=move |_| ignored.set(Vec::new())>"Dismiss"</button>
            </div>
        </Show>
    }
}

/// The filters and the open view's chart options in one disclosure: open on a wide screen, closed on a
/// phone behind one line saying what is set.
#[component]
fn Controls(
    state: RwSignal<ViewState>,
    dataset: std::sync::Arc<crate::data::Dataset>,
    tab: Memo<Tab>,
    narrow_screen: Signal<bool>,
    /// True when the search box is shown on its own above the controls.
    search_stands_alone: Memo<bool>,
    /// Whether the quick date ranges and the view's options are built yet: while the page starts they
    /// come a task after the date boxes.
    quick_ranges_built: Signal<bool>,
) -> impl IntoView {
    view! {
            <details class="controls" data-testid="controls" open=move || !narrow_screen.get()>
                <summary class="controls__summary" data-testid="controls-summary">
                    <span class="controls__label">"Filters and options"</span>
                    <span class="controls__set">{move || state.with(crate::view_model::controls_summary)}</span>
                </summary>
                <Filters state=state dataset=dataset.clone() tab=tab search_stands_alone=search_stands_alone quick_ranges_built=quick_ranges_built/>
                <Show when=move || quick_ranges_built.get()>
                {move || match tab.get() {
                    Tab::Briefing => view! { <BriefingOptions state=state/> }.into_any(),
                    Tab::Crossings => view! { <CrossingsOptions state=state/> }.into_any(),
                    _ => ().into_any(),
                }}
                </Show>
            </details>
    }
}

/// The dataset's title and how fresh its data are.
#[component]
fn DatasetHeading(dataset: std::sync::Arc<crate::data::Dataset>) -> impl IntoView {
    // How old the figures are depends on the reader's clock, so the build leaves the line empty (its
    // place is kept by the style sheet, so nothing moves) and the app fills it once it runs.
    let age = RwSignal::new(None::<crate::citation::DataAge>);
    let dataset_for_age = dataset.clone();
    Effect::new(move |_| {
        age.set(crate::citation::data_age(
            &dataset_for_age,
            browser::today(),
        ))
    });
    view! {
        <h1 data-testid="dataset-title">{dataset.title.clone()}</h1>
        <div class="dataset-dates">
            <p class="as-of">
                "Data as at "<time data-testid="dataset-as-of" datetime=crate::dates::iso_date(dataset.as_of)>{crate::dates::day_month_year(dataset.as_of)}</time>
                " · crossings to "{crate::dates::day_month_year(dataset.crossings.daily.info.as_of)}" (provisional)"
            </p>
            <p class="data-age" data-testid="data-age">
                {move || age.get().map(|age| view! {
                    {age.sentence}
                    {age.newer_figures.map(|(link_text, url)| view! { " "<a href=url rel="noopener noreferrer">{link_text}</a>"." })}
                })}
            </p>
        </div>
    }
}

/// Copy a link to the view, print it, and the list of keyboard shortcuts.
#[component]
fn ShareBar(
    state: RwSignal<ViewState>,
    dataset: std::sync::Arc<crate::data::Dataset>,
    /// True where there is a web link to give: the site, or an offline copy built knowing the site's
    /// address. An offline copy without one says so rather than giving a path on the reader's disk.
    has_link: bool,
) -> impl IntoView {
    let copy_link = match has_link {
        true => view! { <ShareLinkButton state=state dataset=dataset/> }.into_any(),
        false => {
            let status = RwSignal::new(String::new());
            view! {
                <button type="button" class="button button--secondary" data-testid="copy-link"
                    on:click=move |_| status.set(NO_LINK_IN_OFFLINE_COPY.to_string())>"Copy link to this view"</button>
                <span class="copy-status" role="status">{move || status.get()}</span>
            }
            .into_any()
        }
    };
    view! {
        <div class="share-bar">
            {copy_link}
            <button type="button" class="button button--secondary" on:click=|_| {
                if let Some(window) = web_sys::window() { window.print().ok(); }
            }>"Print this view"</button>
            <button type="button" class="link-button shortcuts-hint" data-testid="open-shortcuts"
                on:click=|_| shortcuts::toggle_help()>"Keyboard shortcuts (?)"</button>
        </div>
    }
}

/// How long the view stays unchanged before the printed pages' footer follows it.
const PRINT_FOOTER_PAUSE: std::time::Duration = std::time::Duration::from_millis(1_000);

/// "Copy link to this view"; where the browser has a share sheet (phones), "Share link to this view"
/// opens it with the view's title, its sentence cited and its web address, and copies the link if the
/// browser refuses. The label is settled once the app runs (the build cannot know the browser): the two
/// are the same length, so nothing moves.
#[component]
fn ShareLinkButton(
    state: RwSignal<ViewState>,
    dataset: std::sync::Arc<crate::data::Dataset>,
) -> impl IntoView {
    let can_share = RwSignal::new(false);
    Effect::new(move |_| can_share.set(browser::can_share()));
    let status = RwSignal::new(String::new());
    let copy_link = move |link: String| widgets::copy_saying_so(link, status);
    let on_click = move |_| {
        let Some(link) = state.with_untracked(|state| browser::shareable_link(&to_fragment(state)))
        else {
            return;
        };
        if !can_share.get_untracked() {
            copy_link(link);
            return;
        }
        let (title, text) = state.with_untracked(|state| {
            (
                state.tab.page_title(),
                crate::view_model::share_text(&dataset, state),
            )
        });
        leptos::task::spawn_local(async move {
            match browser::share(&title, &text, &link).await {
                Ok(()) => status.set("Shared.".to_string()),
                Err(browser::ShareFailure::Cancelled) => status.set(String::new()),
                Err(browser::ShareFailure::Refused) => copy_link(link),
            }
        });
    };
    view! {
        <button type="button" class="button button--secondary" data-testid="copy-link" on:click=on_click>
            {move || if can_share.get() { "Share link to this view" } else { "Copy link to this view" }}
        </button>
        <span class="copy-status" role="status">{move || status.get()}</span>
    }
}

/// Keeps the footer of every printed page (what it is, how fresh, when printed, where) up to date with
/// the view, and sets it again just before printing, so the print date is the day it is printed.
fn keep_print_footer(dataset: std::sync::Arc<crate::data::Dataset>, state: RwSignal<ViewState>) {
    let footer = move || {
        let fragment = state.with_untracked(to_fragment);
        crate::view_model::print_footer(
            &dataset,
            browser::today(),
            browser::shareable_link(&fragment).as_deref(),
        )
    };
    let footer_for_print = footer.clone();
    // Changing the style sheet restyles the whole page, so the footer follows the view once the person
    // pauses (a second without a change), never inside the change itself; "beforeprint" sets it anyway.
    let pending = StoredValue::new(None::<TimeoutHandle>);
    Effect::new(move |_| {
        state.track();
        if let Some(handle) = pending.get_value() {
            handle.clear();
        }
        let footer = footer.clone();
        let handle = set_timeout_with_handle(
            move || browser::set_print_footer(&footer()),
            PRINT_FOOTER_PAUSE,
        );
        pending.set_value(handle.ok());
    });
    let before_print = window_event_listener_untyped("beforeprint", move |_| {
        browser::set_print_footer(&footer_for_print());
    });
    on_cleanup(move || before_print.remove());
}

/// What "Copy link to this view" says in an offline copy built without the site's address.
const NO_LINK_IN_OFFLINE_COPY: &str = "This offline copy was made without the site's web address, so it has no link to share (only a path on this computer). A colleague with the same file can open this view from its tabs and filters.";

pub(crate) fn focus_element(element_id: &str) {
    let element_id = element_id.to_string();
    // Once the element exists and the prerendered copy has gone: while the copy is on the page the
    // app's elements are hidden, and a hidden element cannot take focus.
    leptos::task::spawn_local(async move {
        browser::next_task().await;
        // The explorer builds its parts a task at a time and removes the copy after the last; the bound
        // only guards a loop.
        for _ in 0..40 {
            if !browser::element_exists(STATIC_SHELL_ELEMENT_ID)
                && browser::element_exists(&element_id)
            {
                break;
            }
            browser::next_task().await;
        }
        if let Some(element) = browser::element_by_id(&element_id)
            .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok())
        {
            element.focus().ok();
        }
    });
}

/// The tab list: arrow keys move between tabs, as the ARIA tabs pattern describes.
#[component]
fn Tabs(state: RwSignal<ViewState>) -> impl IntoView {
    let on_keydown = move |event: ev::KeyboardEvent| {
        let current = state.with_untracked(|state| state.tab);
        let next = match event.key().as_str() {
            "ArrowRight" => current.cycled(1),
            "ArrowLeft" => current.cycled(-1),
            "Home" => Tab::NAMES[0].1,
            "End" => Tab::NAMES[Tab::NAMES.len() - 1].1,
            _ => return,
        };
        event.prevent_default();
        state.update(|state| state.show_tab(next));
        if let Some(button) = browser::element_by_id(&format!("tab-{}", next.key())) {
            if let Ok(button) = button.dyn_into::<web_sys::HtmlElement>() {
                button.focus().ok();
            }
        }
    };
    view! {
        <nav class="tabs" aria-label="Views">
            <div role="tablist" aria-label="Views" on:keydown=on_keydown>
                {Tab::all().map(|tab| {
                    let selected = move || state.with(|state| state.tab == tab);
                    view! {
                        <button type="button" role="tab" id=format!("tab-{}", tab.key()) data-testid=format!("tab-{}", tab.key())
                            aria-selected=move || selected().to_string() aria-controls="tab-panel"
                            tabindex=move || if selected() { "0" } else { "-1" }
                            class:tab--selected=selected
                            on:click=move |_| state.update(|state| state.show_tab(tab))>
                            {tab.label_parts().0}
                            {Some(tab.label_parts().1).filter(|rest| !rest.is_empty()).map(|rest| view! { <span class="tab__label-rest">{rest}</span> })}
                        </button>
                    }
                }).collect_view()}
            </div>
        </nav>
    }
}

/// Says why the dataset could not be loaded, listing every problem.
#[component]
fn LoadFailure(
    /// What went wrong.
    error: LoadError,
    /// Loads again, when trying again may work.
    on_retry: Option<Callback<()>>,
) -> impl IntoView {
    view! {
        <div class="error-summary" role="alert" tabindex="-1">
            <h2 class="error-summary__title">"The dataset could not be loaded"</h2>
            <p>{error.summary.clone()}</p>
            <ul>
                {error.problems.iter().map(|problem| view! { <li>{problem.to_string()}</li> }).collect_view()}
            </ul>
            {on_retry.map(|retry| view! {
                <button type="button" class="button" data-testid="retry-load" on:click=move |_| retry.run(())>"Try again"</button>
            })}
        </div>
    }
}
