//! The one citation format for everything that leaves the tool: the claim, each source (publisher, title, date, link), the link to the view, and the day it was read.

use chrono::NaiveDate;

use crate::data::{Dataset, Source};
use crate::APP_NAME;

/// A claim in our own words and the sources it rests on, cited when it is copied.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Cited {
    /// One or more full sentences, with every figure and period they need.
    pub claim: String,
    /// The ids of the sources behind it, in the dataset's order of mention.
    pub source_ids: Vec<String>,
}

impl Cited {
    pub fn new(claim: impl Into<String>, source_ids: Vec<String>) -> Self {
        Cited {
            claim: claim.into(),
            source_ids,
        }
    }
}

/// Where and when the claim was read: given by whoever copies it, since the core never reads the clock
/// or the address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CitationContext {
    /// The address of this exact view, on the published site where known (the offline edition gives
    /// the site's public address, set when it was built, and the view's fragment).
    pub view_link: Option<String>,
    /// True when the view was read in an offline copy rather than on the site.
    pub read_offline: bool,
    /// The day it was read.
    pub accessed: NaiveDate,
}

/// `Home Office, “Migrants detected crossing the English Channel in small boats”, 21 August 2026,
/// https://…`: one source as a reference, saying honestly which parts it lacks; a copy read from someone
/// else is cited as the publisher's, "via" who republished it.
pub fn source_reference(source: &Source) -> String {
    let publisher = if source.publisher.trim().is_empty() {
        "publisher not recorded"
    } else {
        source.publisher.trim()
    };
    let date = source
        .published
        .map_or_else(|| "undated".to_string(), |date| date.display());
    let link = source
        .url
        .as_deref()
        .filter(|url| crate::data::is_safe_https_url(url))
        .unwrap_or("no link recorded");
    let via = source
        .via
        .as_deref()
        .map(str::trim)
        .filter(|via| !via.is_empty())
        .map(|via| format!("via {}, ", one_line(via)))
        .unwrap_or_default();
    format!(
        "{publisher}, “{}”, {date}, {via}{link}",
        one_line(source.title.trim())
    )
}

/// Text on one line: line breaks and other control characters become single spaces.
fn one_line(text: &str) -> String {
    text.split(|character: char| character.is_control())
        .filter(|part| !part.trim().is_empty())
        .map(str::trim)
        .collect::<Vec<_>>()
        .join(" ")
}

/// The "Cite as" line under a table's CSV: "Cite as: Border Security Briefing Explorer, “People crossing
/// …, by month”, Home Office, “…” (provisional, data to 20 August 2026)".
pub fn cite_as(title: &str, sources: &str) -> String {
    format!("Cite as: {APP_NAME}, “{title}”, {sources}")
}

/// "data as at 11 September 2026, crossings to 20 August 2026": how fresh the data behind a citation
/// are, so a figure copied months later says where its data end.
pub fn data_freshness(dataset: &Dataset) -> String {
    let as_of = crate::dates::day_month_year(dataset.as_of);
    match dataset.crossings.daily.last_date() {
        Some(last) => format!(
            "data as at {as_of}, crossings to {}",
            crate::dates::day_month_year(last)
        ),
        None => format!("data as at {as_of}"),
    }
}

/// Past this many days the page says where newer crossings figures are published.
pub const FIGURES_STALE_AFTER_DAYS: i64 = 14;

/// How old the crossings figures are on the reader's day, said under the line that gives their end.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataAge {
    /// "That is 9 days ago.", or with the advice past `FIGURES_STALE_AFTER_DAYS`: "That is 108 days ago;".
    pub sentence: String,
    /// Past `FIGURES_STALE_AFTER_DAYS`: where the publisher puts newer figures, as link text and address
    /// ("the Home Office publishes new figures weekly", its publication page).
    pub newer_figures: Option<(String, String)>,
}

/// How old the crossings figures are on `today` (the reader's clock), or nothing where the clock is
/// before the data's last day or the data have no days.
pub fn data_age(dataset: &Dataset, today: NaiveDate) -> Option<DataAge> {
    let last_day = dataset.crossings.daily.last_date()?;
    let n_days = (today - last_day).num_days();
    let ago = match n_days {
        ..0 => return None,
        0 => "today".to_string(),
        1 => "yesterday".to_string(),
        _ => format!("{} days ago", crate::text::format_number(n_days as f64, 0)),
    };
    if n_days <= FIGURES_STALE_AFTER_DAYS {
        return Some(DataAge {
            sentence: format!("That is {ago}."),
            newer_figures: None,
        });
    }
    let publisher_page = dataset
        .crossings
        .daily
        .info
        .source_ids
        .iter()
        .filter_map(|source_id| dataset.source(source_id))
        .find_map(|source| {
            let url = source.url.as_ref()?;
            crate::data::is_safe_https_url(url).then_some((&source.publisher, url))
        });
    Some(match publisher_page {
        Some((publisher, url)) => DataAge {
            sentence: format!("That is {ago};"),
            newer_figures: Some((
                format!("the {publisher} publishes new figures weekly"),
                url.clone(),
            )),
        },
        None => DataAge {
            sentence: format!("That is {ago}."),
            newer_figures: None,
        },
    })
}

/// How to cite the dataset as a whole (the data pack's README): "Border Security Briefing Explorer,
/// “<title>”, data as at 11 September 2026, crossings to 20 August 2026, fingerprint 0123456789abcdef."
pub fn cite_dataset(dataset: &Dataset, fingerprint: &str) -> String {
    let short: String = fingerprint.chars().take(16).collect();
    format!(
        "{APP_NAME}, “{}”, {}, fingerprint {short}.",
        dataset.title,
        data_freshness(dataset)
    )
}

/// The claim, then "Sources: …", then what was read and where: "Border Security Briefing Explorer
/// (data as at 11 September 2026, crossings to 20 August 2026), <link>, accessed 1 December 2026."
pub fn cite(dataset: &Dataset, cited: &Cited, context: &CitationContext) -> String {
    let references: Vec<String> = cited
        .source_ids
        .iter()
        .enumerate()
        .filter(|(idx, source_id)| !cited.source_ids[..*idx].contains(source_id))
        .map(|(_, source_id)| {
            dataset.source(source_id).map_or_else(
                || format!("a source this dataset does not hold (id {source_id})"),
                source_reference,
            )
        })
        .collect();
    let sources = match references.len() {
        0 => "Sources: none recorded.".to_string(),
        1 => format!("Source: {}.", references[0]),
        _ => format!("Sources: {}.", references.join("; ")),
    };
    let place = match (&context.view_link, context.read_offline) {
        (Some(link), false) => link.clone(),
        (Some(link), true) => format!("{link} (read in an offline copy)"),
        (None, true) => "an offline copy".to_string(),
        (None, false) => "no address recorded".to_string(),
    };
    format!(
        "{} {sources} {APP_NAME} ({}), {place}, accessed {}.",
        one_line(cited.claim.trim()),
        data_freshness(dataset),
        crate::dates::day_month_year(context.accessed)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{dataset_from, date, tree_with_days};

    fn context() -> CitationContext {
        CitationContext {
            view_link: Some("https://example.org/explorer/#v=1&tab=funding".to_string()),
            read_offline: false,
            accessed: date(2026, 12, 1),
        }
    }

    #[test]
    fn the_figures_age_is_said_by_the_readers_day_with_where_newer_ones_are_past_two_weeks() {
        let mut tree = tree_with_days(date(2024, 1, 1), &[1; 3], &[1; 3]);
        tree["sources"][0]["publisher"] = "Home Office".into();
        tree["sources"][0]["url"] = "https://www.gov.uk/government/publications/small-boats".into();
        let dataset = dataset_from(&tree);
        // The last day is 3 January 2024.
        let age_on = |day: NaiveDate| data_age(&dataset, day);
        assert_eq!(
            age_on(date(2024, 1, 2)),
            None,
            "a clock before the data says nothing"
        );
        let said = |day: NaiveDate| age_on(day).map(|age| age.sentence);
        assert_eq!(said(date(2024, 1, 3)).as_deref(), Some("That is today."));
        assert_eq!(
            said(date(2024, 1, 4)).as_deref(),
            Some("That is yesterday.")
        );
        let two_weeks = age_on(date(2024, 1, 17)).unwrap();
        assert_eq!(
            (two_weeks.sentence.as_str(), two_weeks.newer_figures),
            ("That is 14 days ago.", None)
        );
        let stale = age_on(date(2024, 1, 18)).unwrap();
        assert_eq!(stale.sentence, "That is 15 days ago;");
        assert_eq!(
            stale.newer_figures,
            Some((
                "the Home Office publishes new figures weekly".to_string(),
                "https://www.gov.uk/government/publications/small-boats".to_string()
            ))
        );
        assert_eq!(
            said(date(2027, 1, 9)).as_deref(),
            Some("That is 1,102 days ago;")
        );
        // A source with no safe web address gives the age without a link.
        tree["sources"][0]["url"] = serde_json::Value::Null;
        let unlinked = data_age(&dataset_from(&tree), date(2024, 2, 1)).unwrap();
        assert_eq!(
            (unlinked.sentence.as_str(), unlinked.newer_figures),
            ("That is 29 days ago.", None)
        );
    }

    #[test]
    fn a_citation_gives_the_claim_each_source_the_view_and_the_day_read() {
        let dataset = dataset_from(&tree_with_days(date(2024, 1, 1), &[1; 3], &[1; 3]));
        let source = &dataset.sources[0];
        let cited = Cited::new(
            "300 Border Security Command staff are to be recruited.",
            vec![source.source_id.clone()],
        );
        let text = cite(&dataset, &cited, &context());
        assert_eq!(
            text,
            format!(
                "300 Border Security Command staff are to be recruited. Source: {}. Border Security Briefing Explorer (data as at {}, crossings to 3 January 2024), https://example.org/explorer/#v=1&tab=funding, accessed 1 December 2026.",
                source_reference(source),
                crate::dates::day_month_year(dataset.as_of)
            )
        );
        assert!(
            text.contains("Border Security Command"),
            "proper names keep their capitals"
        );
        let offline = CitationContext {
            read_offline: true,
            ..context()
        };
        assert!(cite(&dataset, &cited, &offline)
            .contains("#v=1&tab=funding (read in an offline copy), accessed"));
        let offline_without_site = CitationContext {
            view_link: None,
            read_offline: true,
            ..context()
        };
        assert!(cite(&dataset, &cited, &offline_without_site)
            .ends_with("crossings to 3 January 2024), an offline copy, accessed 1 December 2026."));
    }

    #[test]
    fn a_copy_read_from_someone_else_is_cited_as_the_publishers_via_them() {
        let mut tree = tree_with_days(date(2024, 1, 1), &[1; 3], &[1; 3]);
        tree["sources"][0]["publisher"] = "Home Office".into();
        tree["sources"][0]["title"] = "Illegal entry routes to the UK, table IER_02a".into();
        tree["sources"][0]["via"] = "the across-the-channel project (a transcription)".into();
        let dataset = dataset_from(&tree);
        let reference = source_reference(&dataset.sources[0]);
        assert!(
            reference.starts_with("Home Office, “Illegal entry routes to the UK, table IER_02a”, "),
            "{reference}"
        );
        assert!(
            reference.contains(", via the across-the-channel project (a transcription), https://"),
            "{reference}"
        );
    }

    #[test]
    fn a_source_missing_a_link_date_or_publisher_says_so() {
        let mut tree = tree_with_days(date(2024, 1, 1), &[1; 3], &[1; 3]);
        tree["sources"][0]["title"] = "A \"quoted\", <b>marked</b>\ntitle".into();
        tree["sources"][0].as_object_mut().unwrap().remove("url");
        tree["sources"][0]
            .as_object_mut()
            .unwrap()
            .remove("published");
        let mut dataset = dataset_from(&tree);
        // The reader refuses an empty publisher; a dataset made another way may still lack one.
        dataset.sources[0].publisher = " ".to_string();
        assert_eq!(
            source_reference(&dataset.sources[0]),
            "publisher not recorded, “A \"quoted\", <b>marked</b> title”, undated, no link recorded"
        );
        let two = Cited::new(
            "A claim.",
            vec![
                dataset.sources[0].source_id.clone(),
                dataset.sources[0].source_id.clone(),
            ],
        );
        assert!(
            cite(&dataset, &two, &context()).contains(" Source: publisher not recorded"),
            "a source named twice is cited once"
        );
        let none = Cited::new("A claim.", Vec::new());
        assert!(cite(&dataset, &none, &context())
            .starts_with("A claim. Sources: none recorded. Border Security"));
    }
}
