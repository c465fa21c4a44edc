//! The five views, one file each (briefing, crossings, funding, announcements, and sources and method), and the comparison of two periods two of them share.

mod announcements;
mod briefing;
mod compare;
mod crossings;
mod funding;
mod key_facts;
mod sources;

pub use announcements::AnnouncementsView;
pub use briefing::{BriefingAnswers, BriefingOptions, BriefingView};
pub use crossings::{CrossingsOptions, CrossingsView};
pub use funding::FundingView;
pub use sources::SourcesView;
