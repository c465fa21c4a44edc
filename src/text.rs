//! Numbers and words for people: thousands separators, money, plurals, capitals and lists, used by charts, tables and sentences alike; and text cleared of the invisible characters that would reorder or hide it.

/// A number rounded to at most `decimals` decimals, with no trailing zeros and no separators: "12345",
/// "52.9", "0" (never "-0"). What a CSV cell holds, and the digits `format_number` groups.
pub fn plain_number(value: f64, decimals: usize) -> String {
    // Whole numbers, most of what is shown, skip the exact decimal formatting (a long table formats
    // hundreds of thousands of them).
    if value.fract() == 0.0 && value.abs() < 1e15 {
        return (value as i64).to_string();
    }
    let rounded = format!("{value:.decimals$}");
    let trimmed = match rounded.contains('.') {
        true => rounded.trim_end_matches('0').trim_end_matches('.'),
        false => rounded.as_str(),
    };
    match trimmed.strip_prefix('-') {
        Some(digits) if digits.chars().all(|digit| digit == '0') => digits.to_string(),
        _ => trimmed.to_string(),
    }
}

/// A number with thousands separators and at most `decimals` decimals: 12,345 or 52.9.
pub fn format_number(value: f64, decimals: usize) -> String {
    let rounded = plain_number(value, decimals);
    let (whole, fraction) = rounded.split_once('.').unwrap_or((&rounded, ""));
    let (sign, digits) = whole
        .strip_prefix('-')
        .map_or(("", whole), |digits| ("-", digits));
    let mut grouped = String::with_capacity(digits.len() + digits.len() / 3);
    for (digit_idx, digit) in digits.chars().enumerate() {
        if digit_idx > 0 && (digits.len() - digit_idx) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    if fraction.is_empty() {
        format!("{sign}{grouped}")
    } else {
        format!("{sign}{grouped}.{fraction}")
    }
}

/// A number with thousands separators and exactly `decimals` decimals, for figures read side by side:
/// "73.0" beside "86.3", not "73".
pub fn format_fixed(value: f64, decimals: usize) -> String {
    let shown = format_number(value, decimals);
    if decimals == 0 {
        return shown;
    }
    let n_decimals = shown
        .split_once('.')
        .map_or(0, |(_, fraction)| fraction.len());
    let point = if n_decimals == 0 { "." } else { "" };
    format!("{shown}{point}{}", "0".repeat(decimals - n_decimals))
}

/// Text as a CSS string, quotes included: backslashes and quotes escaped, and control and direction
/// characters (a line break among them) replaced by spaces, so no text can end the string or the rule.
pub fn css_string(text: &str) -> String {
    let mut quoted = String::with_capacity(text.len() + 2);
    quoted.push('"');
    for character in text.chars() {
        match character {
            '\\' => quoted.push_str("\\\\"),
            '"' => quoted.push_str("\\\""),
            character if character.is_control() || is_control_or_direction(character) => {
                quoted.push(' ')
            }
            character => quoted.push(character),
        }
    }
    quoted.push('"');
    quoted
}

/// A change written with its sign, a true minus sign for a fall: "+1,234", "−19", "0".
pub fn signed_number(change: f64, decimals: usize) -> String {
    let rounded = format_number(change.abs(), decimals);
    if rounded == "0" {
        rounded
    } else if change > 0.0 {
        format!("+{rounded}")
    } else {
        format!("−{rounded}")
    }
}

/// The change from `earlier` to `later` in percent of `earlier`, signed; `None` where `earlier` is not
/// above zero (no percentage of nothing). The one rule for a percentage change.
pub fn percent_change(later: f64, earlier: f64) -> Option<f64> {
    (earlier > 0.0).then(|| (later - earlier) / earlier * 100.0)
}

/// A change in words, to the nearest percent: "up 13%", "down 4%", "up less than 1%", "unchanged";
/// `None` where the earlier count is zero (no percentage of nothing).
pub fn percent_change_words(later: u64, earlier: u64) -> Option<String> {
    if earlier == 0 {
        return None;
    }
    if later == earlier {
        return Some("unchanged".to_string());
    }
    let direction = if later > earlier { "up" } else { "down" };
    let percent = percent_change(later as f64, earlier as f64)?;
    Some(format!("{direction} {}", percent_words(percent)))
}

/// A size of change in percent, to the nearest percent, never "0%" for a change that is not nothing:
/// "43%", "less than 1%"; "0%" only for no change at all.
pub fn percent_words(percent: f64) -> String {
    let rounded = format_number(percent.abs(), 0);
    if rounded == "0" && percent != 0.0 {
        "less than 1%".to_string()
    } else {
        format!("{rounded}%")
    }
}

/// "+13%" or "−43%": a change in percent written with its sign (a true minus sign); a change that
/// rounds to nothing keeps its sign, "+<1%" or "−<1%", never "0%" for a change that is not nothing.
pub fn signed_percent(change: f64) -> String {
    let rounded = signed_number(change, 0);
    let rounds_to_nothing = rounded.trim_start_matches(['+', '−']) == "0";
    match (rounds_to_nothing, change) {
        (true, change) if change > 0.0 => "+<1%".to_string(),
        (true, change) if change < 0.0 => "−<1%".to_string(),
        _ => format!("{rounded}%"),
    }
}

/// True for a character that controls a terminal or the direction of text rather than being text: C0
/// and C1 controls (a line break aside) and the Unicode direction marks, embeddings, overrides and
/// isolates. In a title or a note they can reorder a pasted citation or rewrite a terminal's lines.
pub fn is_control_or_direction(character: char) -> bool {
    (character.is_control() && character != '\n')
        || matches!(
            character,
            '\u{200E}' | '\u{200F}' | '\u{061C}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
        )
}

/// The text without control and direction characters: a tab or carriage return becomes a space, the
/// others are removed. Every text read from a dataset goes through this, so nothing the app writes
/// out (copied citations, CSV, SVG, PNG, the page) carries them.
pub fn without_control_characters(text: &str) -> String {
    text.chars()
        .filter_map(|character| match character {
            '\t' | '\r' => Some(' '),
            _ if is_control_or_direction(character) => None,
            _ => Some(character),
        })
        .collect()
}

/// The text with each control or direction character written as `\u{1b}`, for a terminal or a log.
pub fn escape_control_characters(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for character in text.chars() {
        if is_control_or_direction(character) || character == '\n' {
            escaped.push_str(&format!("\\u{{{:x}}}", u32::from(character)));
        } else {
            escaped.push(character);
        }
    }
    escaped
}

/// Whole pounds in words people use: £75 million, £800,000.
pub fn money(amount_gbp: u64) -> String {
    if amount_gbp >= 1_000_000 {
        format!(
            "£{} million",
            format_number(amount_gbp as f64 / 1_000_000.0, 1)
        )
    } else {
        format!("£{}", format_number(amount_gbp as f64, 0))
    }
}

/// The text with its first letter in capitals. It is given the app's own English phrases (qualifiers,
/// labels, date ranges), which open with a letter from a to z or with none, so only those letters are
/// raised: Unicode's full upper-casing would put its tables (about 6 KB gzip) in the page's first
/// module for no letter it is ever given. Any other first character is left as it is.
pub fn capitalise(text: &str) -> String {
    let mut capitalised = text.to_string();
    if let Some(first_byte) = capitalised.get_mut(..1) {
        first_byte.make_ascii_uppercase();
    }
    capitalised
}

/// The words that open a phrase with a capital only because they begin it ("Per year, by …", "Over the
/// next two years"); any other first word may be a name ("Spending Review 2025") and keeps its case.
const PLAIN_OPENING_WORDS: [&str; 14] = [
    "A", "An", "The", "Per", "Over", "By", "In", "Within", "From", "Until", "Up", "Each", "Every",
    "Not",
];

/// A phrase written to stand alone, made to continue a sentence: "Per year, by the end of the Spending
/// Review period" becomes "per year, by the end of the Spending Review period"; a phrase that opens with
/// a name keeps it.
pub fn in_sentence(text: &str) -> String {
    let first_word = text.split([' ', ',']).next().unwrap_or_default();
    if PLAIN_OPENING_WORDS.contains(&first_word) {
        let mut characters = text.chars();
        characters.next().map_or(String::new(), |first| {
            first.to_lowercase().chain(characters).collect()
        })
    } else {
        text.to_string()
    }
}

/// "1 announcement", "2 announcements".
pub fn count_of(count: usize, singular: &str, plural: &str) -> String {
    format!(
        "{} {}",
        format_number(count as f64, 0),
        if count == 1 { singular } else { plural }
    )
}

/// "A", "A and B", "A, B and C".
pub fn join_words(words: &[String]) -> String {
    match words {
        [] => String::new(),
        [only] => only.clone(),
        // A name with commas of its own ("Foreign, Commonwealth and Development Office") would blur
        // into a list of three or more separated by commas: such a list is separated by semicolons.
        [rest @ .., last] if rest.len() >= 2 && words.iter().any(|word| word.contains(',')) => {
            format!("{}; and {last}", rest.join("; "))
        }
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_signed_percent_keeps_its_sign_however_small() {
        for (change, shown) in [
            (13.2, "+13%"),
            (-42.6, "−43%"),
            (0.4, "+<1%"),
            (-0.4, "−<1%"),
            (0.6, "+1%"),
            (0.0, "0%"),
        ] {
            assert_eq!(signed_percent(change), shown, "{change}");
        }
    }

    #[test]
    fn numbers_round_the_same_whether_whole_or_not() {
        assert_eq!(plain_number(12_345.0, 0), "12345");
        assert_eq!(plain_number(12_345.0, 2), "12345");
        assert_eq!(plain_number(52.94, 1), "52.9");
        assert_eq!(plain_number(52.96, 1), "53");
        assert_eq!(plain_number(-0.0, 0), "0");
        assert_eq!(
            plain_number(-0.04, 1),
            "0",
            "a value that rounds to nothing has no sign"
        );
        assert_eq!(plain_number(-1_500.25, 1), "-1500.2");
        assert_eq!(format_number(-1_500.25, 1), "-1,500.2");
        assert_eq!(format_number(1_234_567.0, 0), "1,234,567");
        assert_eq!(format_number(999.96, 1), "1,000");
        assert_eq!(
            format_number(0.5, 0),
            "0",
            "rounds half to even, as the formatter does"
        );
    }

    #[test]
    fn a_phrase_opens_with_a_capital() {
        assert_eq!(capitalise("up to £5 million"), "Up to £5 million");
        assert_eq!(capitalise("by month"), "By month");
        assert_eq!(capitalise("Estimated"), "Estimated");
        assert_eq!(capitalise("1 January 2025"), "1 January 2025");
        assert_eq!(capitalise("£5 million"), "£5 million");
        assert_eq!(
            capitalise("é"),
            "é",
            "a first letter outside a to z is kept"
        );
        assert_eq!(capitalise(""), "");
    }

    #[test]
    fn text_continues_a_sentence_without_its_opening_capital() {
        assert_eq!(
            in_sentence("Per year, by the end of the Spending Review period"),
            "per year, by the end of the Spending Review period"
        );
        assert_eq!(
            in_sentence("Over the next two years"),
            "over the next two years"
        );
        assert_eq!(in_sentence("Spending Review 2025"), "Spending Review 2025");
        assert_eq!(in_sentence("BSC staff"), "BSC staff");
        assert_eq!(in_sentence("Perth"), "Perth");
        assert_eq!(in_sentence(""), "");
    }

    #[test]
    fn text_in_css_cannot_end_its_string_or_rule() {
        assert_eq!(css_string("plain · text"), "\"plain · text\"");
        assert_eq!(
            css_string("a\"; } body { display: none } \\ b\nc\u{202E}d"),
            "\"a\\\"; } body { display: none } \\\\ b c d\""
        );
    }

    #[test]
    fn changes_carry_their_sign_and_no_sign_when_nothing_changed() {
        assert_eq!(signed_number(1_234.0, 0), "+1,234");
        assert_eq!(signed_number(-19.0, 0), "−19");
        assert_eq!(signed_number(0.0, 0), "0");
        assert_eq!(
            signed_number(-0.04, 1),
            "0",
            "a change that rounds to nothing has no sign"
        );
        assert_eq!(signed_number(2.25, 1), "+2.2");
    }

    #[test]
    fn counts_agree_in_number_and_lists_read_as_prose() {
        assert_eq!(
            count_of(0, "announcement", "announcements"),
            "0 announcements"
        );
        assert_eq!(
            count_of(1, "announcement", "announcements"),
            "1 announcement"
        );
        assert_eq!(count_of(1_200, "boat", "boats"), "1,200 boats");
        let words = |list: &[&str]| list.iter().map(|word| word.to_string()).collect::<Vec<_>>();
        assert_eq!(join_words(&words(&[])), "");
        assert_eq!(join_words(&words(&["INTERPOL"])), "INTERPOL");
        assert_eq!(
            join_words(&words(&["INTERPOL", "Iraq"])),
            "INTERPOL and Iraq"
        );
        assert_eq!(
            join_words(&words(&["INTERPOL", "the CPS", "Iraq"])),
            "INTERPOL, the CPS and Iraq"
        );
        assert_eq!(
            join_words(&words(&[
                "Iraq",
                "Foreign, Commonwealth and Development Office programmes",
                "INTERPOL"
            ])),
            "Iraq; Foreign, Commonwealth and Development Office programmes; and INTERPOL",
            "names with commas of their own are told apart"
        );
    }

    #[test]
    fn a_change_is_worded_by_one_rule() {
        assert_eq!(percent_change_words(113, 100).as_deref(), Some("up 13%"));
        assert_eq!(percent_change_words(96, 100).as_deref(), Some("down 4%"));
        assert_eq!(percent_change_words(100, 100).as_deref(), Some("unchanged"));
        assert_eq!(
            percent_change_words(10_004, 10_000).as_deref(),
            Some("up less than 1%")
        );
        assert_eq!(
            percent_change_words(9_996, 10_000).as_deref(),
            Some("down less than 1%")
        );
        assert_eq!(percent_change_words(5, 0), None);
        assert_eq!(percent_change_words(0, 8).as_deref(), Some("down 100%"));
    }

    #[test]
    fn control_and_direction_characters_are_removed_or_escaped() {
        let hostile = "Home\u{202E}Office\u{2066}x\u{2069}\u{1b}]0;owned\u{7}\tend\r\nnext\u{9b}";
        assert_eq!(
            without_control_characters(hostile),
            "HomeOfficex]0;owned end \nnext"
        );
        assert_eq!(
            escape_control_characters("a\u{1b}[2Jb\u{202d}c\n"),
            "a\\u{1b}[2Jb\\u{202d}c\\u{a}"
        );
        assert_eq!(
            without_control_characters("“Plain” text — £5, 10%"),
            "“Plain” text — £5, 10%"
        );
    }
}
