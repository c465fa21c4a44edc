//! The explorer built a part at a time, one task each, so no one task holds the page while it starts.
//!
//! A tap or a key press then waits for the page at most one part's task, not the whole explorer's:
//! with the CPU slowed four times (as Lighthouse's phone run does), building the explorer took tasks of
//! up to about 100 ms before it was split into these parts.
//! The parts are hidden behind the prerendered copy while they are built (the style sheet hides them
//! while `#bse-shell` is on the page), so a person sees the copy until every part is in place. Built
//! again for a file opened, with no copy to hide behind, the parts above the view come at once (see
//! `BuildSteps::built_up_to`), so the page never shows empty.

use leptos::prelude::*;

/// The parts after the first, in the order they are built: each comes in a task of its own.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
pub enum Step {
    /// The dataset's title and date, notes about the link, and the tabs.
    Heading = 1,
    /// The Briefing's answers (this year so far, the latest month).
    Answers,
    /// Opening a data file (its progress, problems and what changed) and the keyboard shortcuts' list.
    DataPanel,
    /// The filters: the date boxes, the search, and what they are set to.
    Controls,
    /// The quick date ranges and the view's chart options.
    QuickRanges,
    /// Copy link, share, print.
    ShareBar,
    /// The open view; on the Briefing its summary.
    View,
    /// The Briefing's key chart; on Sources, provisional against official.
    ViewPart2,
    /// The Briefing's key numbers.
    ViewPart3,
    /// The Briefing's headline figures.
    ViewPart4,
    /// The Briefing's comparison of two periods.
    ViewPart5,
    /// The Briefing's key facts.
    ViewPart6,
    /// The Briefing's data pack and latest announcements.
    ViewPart7,
}

impl Step {
    const LAST: Step = Step::ViewPart7;
}

/// How far the explorer has been built: every part up to this step is in the page.
#[derive(Clone, Copy)]
pub struct BuildSteps {
    built_up_to: RwSignal<u8>,
}

impl BuildSteps {
    /// Nothing is built yet but what every part needs (the explorer's state).
    pub fn new() -> Self {
        Self {
            built_up_to: RwSignal::new(0),
        }
    }

    /// Every part up to `step` is built at once, the rest a task each.
    pub fn built_up_to(step: Step) -> Self {
        Self {
            built_up_to: RwSignal::new(step as u8),
        }
    }

    /// Whether the parts of this step are built yet (a tracked read of the step itself: for `Show`,
    /// which runs its children again only when the answer changes).
    pub fn done(self, step: Step) -> bool {
        self.built_up_to.get() >= step as u8
    }

    /// Whether the parts of this step are built yet, as a signal that changes once: what reads it runs
    /// again when the step is built, not at every step.
    pub fn done_signal(self, step: Step) -> Signal<bool> {
        Memo::new(move |_| self.done(step)).into()
    }

    /// Builds the remaining steps, each in a task of its own; returns once the last is in the page.
    pub async fn build_the_rest(self) {
        while self
            .built_up_to
            .try_get_untracked()
            .is_some_and(|built| built < Step::LAST as u8)
        {
            super::browser::next_task().await;
            // The explorer may have gone in the meantime (another file opened).
            if self.built_up_to.try_update(|built| *built += 1).is_none() {
                return;
            }
        }
    }
}

/// A flag that turns true in the task after this one, for a part built a task after what is around it.
/// On the build machine, which draws the prerendered page at once and runs nothing later, it is true
/// from the start.
pub fn true_from_next_task() -> ReadSignal<bool> {
    let flag = RwSignal::new(cfg!(not(target_arch = "wasm32")));
    if !flag.get_untracked() {
        leptos::task::spawn_local(async move {
            super::browser::next_task().await;
            // What reads it may have gone in the meantime.
            flag.try_set(true);
        });
    }
    flag.read_only()
}
