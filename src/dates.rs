//! Dates written and read in the app's fixed formats: "5 March 2024", "Mar 2024", "2024-03-05".
//!
//! chrono keeps the calendar arithmetic; these few fixed English formats are written directly rather than
//! through chrono's strftime interpreter, which would add its format-string parser to the browser build.

use chrono::{Datelike, NaiveDate};

const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn month_name(date: NaiveDate) -> &'static str {
    MONTH_NAMES[date.month0() as usize]
}

/// "Mar": the month's first three letters.
pub fn short_month(date: NaiveDate) -> &'static str {
    &month_name(date)[..3]
}

/// "5 March 2024".
pub fn day_month_year(date: NaiveDate) -> String {
    format!("{} {} {}", date.day(), month_name(date), year(date))
}

/// "5 March".
pub fn day_month(date: NaiveDate) -> String {
    format!("{} {}", date.day(), month_name(date))
}

/// "5 Mar".
pub fn day_short_month(date: NaiveDate) -> String {
    format!("{} {}", date.day(), short_month(date))
}

/// "March 2024".
pub fn month_year(date: NaiveDate) -> String {
    format!("{} {}", month_name(date), year(date))
}

/// "Mar 2024".
pub fn short_month_year(date: NaiveDate) -> String {
    format!("{} {}", short_month(date), year(date))
}

/// "2024", at least four digits.
pub fn year(date: NaiveDate) -> String {
    format!("{:04}", date.year())
}

/// The days from `first` to `last` for a bracket after a period's name, as briefly as is clear:
/// "20 August", "5–31 July", "1 January–20 August", "28 December 2021–2 January 2022".
pub fn day_span(first: NaiveDate, last: NaiveDate) -> String {
    if first == last {
        day_month(first)
    } else if first.year() != last.year() {
        format!("{}–{}", day_month_year(first), day_month_year(last))
    } else if first.month() == last.month() {
        format!("{}–{}", first.day(), day_month(last))
    } else {
        format!("{}–{}", day_month(first), day_month(last))
    }
}

/// A range of days in a sentence: "5 July 2024 to 4 July 2025", or "3 September 2022" for one day.
pub fn days_text(first: NaiveDate, last: NaiveDate) -> String {
    if first == last {
        day_month_year(first)
    } else {
        format!("{} to {}", day_month_year(first), day_month_year(last))
    }
}

/// A range of days opening a sentence: "From 5 July 2024 to 4 July 2025" or "On 3 September 2022".
pub fn from_days_text(first: NaiveDate, last: NaiveDate) -> String {
    if first == last {
        format!("On {}", day_month_year(first))
    } else {
        format!("From {}", days_text(first, last))
    }
}

/// "2024-03".
pub fn iso_month(date: NaiveDate) -> String {
    format!("{:04}-{:02}", date.year(), date.month())
}

/// "2024-03-05".
pub fn iso_date(date: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", date.year(), date.month(), date.day())
}

/// A date in the worker handover as its day number (`#[serde(with = "crate::dates::day_number")]`), so
/// the browser build carries no date-text parser for it.
pub mod day_number {
    use chrono::{Datelike, NaiveDate};
    use serde::{de::Error, Deserialize, Deserializer, Serialize, Serializer};

    pub fn serialize<S: Serializer>(date: &NaiveDate, serializer: S) -> Result<S::Ok, S::Error> {
        date.num_days_from_ce().serialize(serializer)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<NaiveDate, D::Error> {
        let day_number = i32::deserialize(deserializer)?;
        NaiveDate::from_num_days_from_ce_opt(day_number)
            .ok_or_else(|| D::Error::custom(format!("day number {day_number} is not a date")))
    }
}

/// Reads exactly `YYYY-MM-DD` (a real calendar day); anything else is None.
pub fn parse_iso_date(text: &str) -> Option<NaiveDate> {
    let bytes = text.as_bytes();
    let is_shaped = bytes.len() == 10
        && bytes[4] == b'-'
        && bytes[7] == b'-'
        && bytes
            .iter()
            .enumerate()
            .all(|(byte_idx, byte)| byte_idx == 4 || byte_idx == 7 || byte.is_ascii_digit());
    if !is_shaped {
        return None;
    }
    NaiveDate::from_ymd_opt(
        text[..4].parse().ok()?,
        text[5..7].parse().ok()?,
        text[8..].parse().ok()?,
    )
}

/// What a date box holds as a person types into it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TypedDate {
    /// Every part of the box is empty: no date.
    Cleared,
    /// Some parts are typed but not all, or the year has fewer than four digits (a browser reads the
    /// "2" of "2025" as the year 0002): not a date yet, so nothing is applied.
    Incomplete,
    /// A whole date with a four-digit year.
    Complete(NaiveDate),
}

/// The earliest year a typed date may have: four digits.
const FIRST_FOUR_DIGIT_YEAR: i32 = 1000;

/// Reads a date box: `box_value` is what the browser gives (`YYYY-MM-DD`, or empty while any part is
/// missing) and `partly_filled` whether some parts are typed while the value is empty (the browser's
/// `validity.badInput`).
pub fn read_typed_date(box_value: &str, partly_filled: bool) -> TypedDate {
    if box_value.is_empty() {
        return if partly_filled {
            TypedDate::Incomplete
        } else {
            TypedDate::Cleared
        };
    }
    match parse_iso_date(box_value) {
        Some(date) if date.year() >= FIRST_FOUR_DIGIT_YEAR => TypedDate::Complete(date),
        _ => TypedDate::Incomplete,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_range_of_days_reads_as_one_date_when_it_is_one_day() {
        let day = |year, month, day| NaiveDate::from_ymd_opt(year, month, day).unwrap();
        assert_eq!(
            days_text(day(2024, 7, 5), day(2025, 7, 4)),
            "5 July 2024 to 4 July 2025"
        );
        assert_eq!(
            days_text(day(2022, 9, 3), day(2022, 9, 3)),
            "3 September 2022"
        );
        assert_eq!(
            from_days_text(day(2024, 7, 5), day(2025, 7, 4)),
            "From 5 July 2024 to 4 July 2025"
        );
        assert_eq!(
            from_days_text(day(2022, 9, 3), day(2022, 9, 3)),
            "On 3 September 2022"
        );
    }

    #[test]
    fn formats_match_the_strftime_patterns_they_replace() {
        let mut date = NaiveDate::from_ymd_opt(2017, 12, 25).unwrap();
        for _ in 0..800 {
            assert_eq!(day_month_year(date), date.format("%-d %B %Y").to_string());
            assert_eq!(day_month(date), date.format("%-d %B").to_string());
            assert_eq!(day_short_month(date), date.format("%-d %b").to_string());
            assert_eq!(month_year(date), date.format("%B %Y").to_string());
            assert_eq!(short_month_year(date), date.format("%b %Y").to_string());
            assert_eq!(short_month(date), date.format("%b").to_string());
            assert_eq!(year(date), date.format("%Y").to_string());
            assert_eq!(iso_month(date), date.format("%Y-%m").to_string());
            assert_eq!(iso_date(date), date.format("%Y-%m-%d").to_string());
            assert_eq!(parse_iso_date(&iso_date(date)), Some(date));
            date = date + chrono::Days::new(3);
        }
    }

    #[test]
    fn only_exact_calendar_days_are_read() {
        assert_eq!(
            parse_iso_date("2024-02-29"),
            NaiveDate::from_ymd_opt(2024, 2, 29)
        );
        for text in [
            "2023-02-29",
            "2024-2-29",
            "2024-02-9",
            "24-02-29",
            "2024/02/29",
            "2024-02-29T00:00",
            " 2024-02-29",
            "+024-02-29",
            "2024-13-01",
            "2024-00-10",
            "",
            "２０２４-02-29",
        ] {
            assert_eq!(parse_iso_date(text), None, "{text:?}");
        }
    }

    #[derive(Debug, PartialEq, serde::Serialize, serde::Deserialize)]
    struct Handed {
        #[serde(with = "day_number")]
        date: NaiveDate,
    }

    #[test]
    fn day_numbers_round_trip_and_refuse_what_is_not_a_date() {
        let handed = Handed {
            date: NaiveDate::from_ymd_opt(2024, 2, 29).unwrap(),
        };
        let text = serde_json::to_string(&handed).unwrap();
        assert_eq!(serde_json::from_str::<Handed>(&text).unwrap(), handed);
        let error = serde_json::from_str::<Handed>(r#"{"date": 2147483647}"#).unwrap_err();
        assert!(
            error
                .to_string()
                .contains("day number 2147483647 is not a date"),
            "{error}"
        );
        assert!(serde_json::from_str::<Handed>(r#"{"date": "2024-02-29"}"#).is_err());
    }

    #[test]
    fn a_date_box_is_read_only_once_its_year_has_four_digits() {
        // The values a browser gives while "01012025" is typed into a dd/mm/yyyy box, key by key.
        let keystrokes = [
            ("", true),
            ("", true),
            ("", true),
            ("", true),
            ("0002-01-01", false),
            ("0020-01-01", false),
            ("0202-01-01", false),
            ("2025-01-01", false),
        ];
        let read: Vec<TypedDate> = keystrokes
            .iter()
            .map(|(value, partly)| read_typed_date(value, *partly))
            .collect();
        let complete: Vec<&TypedDate> = read
            .iter()
            .filter(|typed| matches!(typed, TypedDate::Complete(_)))
            .collect();
        assert_eq!(
            complete,
            [&TypedDate::Complete(
                NaiveDate::from_ymd_opt(2025, 1, 1).unwrap()
            )]
        );
        assert_eq!(read_typed_date("", false), TypedDate::Cleared);
        assert_eq!(read_typed_date("0999-12-31", false), TypedDate::Incomplete);
        assert_eq!(read_typed_date("2025-02-30", false), TypedDate::Incomplete);
        assert_eq!(
            read_typed_date("1000-01-01", false),
            TypedDate::Complete(NaiveDate::from_ymd_opt(1000, 1, 1).unwrap())
        );
    }
}
