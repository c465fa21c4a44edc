//! One convention for every closed set (themes, statuses, tabs, periods, measures…): a name in files and links, a label for people.

/// A closed set of values, each with the name it has in dataset files and URL fragments and a label
/// for people. Implementors list their members once, in `NAMES`; the rest follows from it.
pub trait ClosedSet: Copy + PartialEq + Sized + 'static {
    /// Every member with its name in files and links, in display order.
    const NAMES: &'static [(&'static str, Self)];

    /// The member for people: "Sources and method", "People per boat".
    fn label(self) -> &'static str;

    /// The name in files and links: "sources", "people-per-boat".
    fn key(self) -> &'static str {
        Self::NAMES
            .iter()
            .find(|(_, member)| *member == self)
            .map_or("", |(name, _)| name)
    }

    /// The member with this name, if there is one.
    fn from_key(key: &str) -> Option<Self> {
        Self::NAMES
            .iter()
            .find(|(name, _)| *name == key)
            .map(|(_, member)| *member)
    }

    /// Every member, in display order.
    fn all() -> impl Iterator<Item = Self> {
        Self::NAMES.iter().map(|(_, member)| *member)
    }

    /// The member `steps` places on in display order, wrapping round at either end (for arrow keys).
    fn cycled(self, steps: isize) -> Self {
        let n_members = Self::NAMES.len() as isize;
        let position = Self::NAMES
            .iter()
            .position(|(_, member)| *member == self)
            .unwrap_or(0) as isize;
        Self::NAMES[(position + steps).rem_euclid(n_members) as usize].1
    }
}

#[cfg(test)]
mod tests {
    use super::ClosedSet;
    use crate::analysis::request::{Measure, SeriesChoice};
    use crate::calendar::Period;
    use crate::data::{AmountBasis, SourceKind, Status, Theme};
    use crate::view_state::Tab;

    /// Names and labels are unique within a set, and every name reads back to its member.
    fn check<T: ClosedSet + std::fmt::Debug>() {
        let names: Vec<&str> = T::NAMES.iter().map(|(name, _)| *name).collect();
        let mut unique = names.clone();
        crate::sorting::sort_and_dedup(&mut unique);
        assert_eq!(unique.len(), names.len(), "{names:?}");
        let mut labels: Vec<&str> = T::all().map(T::label).collect();
        crate::sorting::sort_and_dedup(&mut labels);
        assert_eq!(labels.len(), names.len());
        for member in T::all() {
            assert_eq!(T::from_key(member.key()), Some(member));
            assert!(!member.label().is_empty());
        }
        assert_eq!(T::from_key("no-such-name"), None);
        let first = T::NAMES[0].1;
        let last = T::NAMES[T::NAMES.len() - 1].1;
        assert!(first.cycled(-1) == last && last.cycled(1) == first);
        assert!(first.cycled(T::NAMES.len() as isize) == first);
    }

    #[test]
    fn every_closed_set_names_each_member_once() {
        check::<Theme>();
        check::<Status>();
        check::<SourceKind>();
        check::<AmountBasis>();
        check::<Tab>();
        check::<Period>();
        check::<Measure>();
        check::<SeriesChoice>();
        check::<crate::view_model::ImageShape>();
    }
}
