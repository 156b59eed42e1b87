//! Finding dates and weekdays in English text: "October 08, 2024",
//! "Oct. 8", "5 March 2025", "Tuesday (October 8)", "2024-10-08".

use std::ops::Range;

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];
const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// A date or weekday named in text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateMention {
    /// Byte range of the expression in the text.
    pub range: Range<usize>,
    pub year: Option<u32>,
    /// 1–12; `None` for a bare weekday.
    pub month: Option<u32>,
    pub day: Option<u32>,
    /// 0 = Monday.
    pub weekday: Option<u32>,
}

impl DateMention {
    /// `YYYY-MM-DD`, `--MM-DD` without a year; `None` without a month and day.
    pub fn iso(&self) -> Option<String> {
        let (month, day) = (self.month?, self.day?);
        Some(match self.year {
            Some(year) => format!("{year:04}-{month:02}-{day:02}"),
            None => format!("--{month:02}-{day:02}"),
        })
    }
}

/// The weekday (0 = Monday) of a date of the Gregorian calendar
/// (Sakamoto's method).
pub fn weekday_of_date(year: u32, month: u32, day: u32) -> u32 {
    const OFFSETS: [u32; 12] = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4];
    let y = if month < 3 {
        year.saturating_sub(1)
    } else {
        year
    };
    let sunday_based =
        (y + y / 4 - y / 100 + y / 400 + OFFSETS[(month.clamp(1, 12) - 1) as usize] + day) % 7;
    (sunday_based + 6) % 7
}

struct Token<'a> {
    text: &'a str,
    range: Range<usize>,
}

fn tokens(text: &str) -> Vec<Token<'_>> {
    super::alnum_spans(text)
        .into_iter()
        .map(|r| Token {
            text: &text[r.clone()],
            range: r,
        })
        .collect()
}

fn month_of(word: &str) -> Option<u32> {
    // Month names are capitalised in English; "may" and "march" are also
    // ordinary words.
    if !word.starts_with(|c: char| c.is_uppercase()) {
        return None;
    }
    month_name(word)
}

/// The month (1–12) a name or its abbreviation names ("Nov", "sept"),
/// whatever its case.
pub(crate) fn month_name(word: &str) -> Option<u32> {
    // The names are ASCII: compared in place, not lower-cased (every word
    // of every passage passes here).
    const SHORT: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let is = |name: &&str| name.eq_ignore_ascii_case(word);
    MONTHS
        .iter()
        .position(is)
        .or_else(|| SHORT.iter().position(is))
        .or_else(|| "sept".eq_ignore_ascii_case(word).then_some(8))
        .map(|i| i as u32 + 1)
}

/// Whether `word` names a weekday or abbreviates it ("Tue", "Thurs"),
/// whatever its case.
pub(crate) fn is_weekday_name(word: &str) -> bool {
    word.len() >= 3
        && word.is_ascii()
        && WEEKDAYS
            .iter()
            .any(|d| d.len() >= word.len() && d[..word.len()].eq_ignore_ascii_case(word))
}

fn weekday_of(word: &str) -> Option<u32> {
    WEEKDAYS
        .iter()
        .position(|d| d.eq_ignore_ascii_case(word))
        .map(|i| i as u32)
}

fn day_of(word: &str) -> Option<u32> {
    if !word.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let digits = word.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &word[digits.len()..];
    if !matches!(suffix, "" | "st" | "nd" | "rd" | "th") || digits.len() > 2 {
        return None;
    }
    digits.parse().ok().filter(|d| (1..=31).contains(d))
}

fn year_of(word: &str) -> Option<u32> {
    (word.len() == 4)
        .then(|| word.parse().ok())
        .flatten()
        .filter(|y| (1800..=2199).contains(y))
}

/// Whether `text` may mention a date or a weekday: every date holds an
/// ASCII digit, and every weekday name ends in "day" (any case). Most
/// passages hold neither, and one pass over their bytes is a tenth of
/// reading their words.
fn may_hold_a_date(text: &str) -> bool {
    let bytes = text.as_bytes();
    // Blocks without an early exit inside, which the compiler vectorises:
    // a byte at a time was dearer than the reading it saves.
    let digit = bytes.chunks(32).any(|block| {
        block
            .iter()
            .fold(false, |seen, &b| seen | b.is_ascii_digit())
    });
    digit
        || bytes
            .windows(3)
            .any(|w| w[0] | 0x20 == b'd' && w[1] | 0x20 == b'a' && w[2] | 0x20 == b'y')
}

/// Every date and weekday mentioned in `text`, in order.
pub fn find_dates(text: &str) -> Vec<DateMention> {
    if !may_hold_a_date(text) {
        return Vec::new();
    }
    read_dates(text)
}

/// [`find_dates`] without the prefilter: every word read.
fn read_dates(text: &str) -> Vec<DateMention> {
    let toks = tokens(text);
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let t = &toks[i];
        let next = toks.get(i + 1);
        let after = toks.get(i + 2);
        // ISO 2024-10-08.
        if let (Some(year), Some(m), Some(d)) = (year_of(t.text), next, after) {
            let joined = &text[t.range.start..d.range.end];
            if joined.len() == 10
                && joined.as_bytes()[4] == b'-'
                && joined.as_bytes()[7] == b'-'
                && let (Ok(month), Ok(day)) = (m.text.parse::<u32>(), d.text.parse::<u32>())
                && (1..=12).contains(&month)
                && (1..=31).contains(&day)
            {
                out.push(DateMention {
                    range: t.range.start..d.range.end,
                    year: Some(year),
                    month: Some(month),
                    day: Some(day),
                    weekday: None,
                });
                i += 3;
                continue;
            }
        }
        // "Month Day[, Year]" or "Day Month [Year]".
        let month_day = month_of(t.text)
            .zip(next.and_then(|n| day_of(n.text)))
            .or_else(|| {
                day_of(t.text)
                    .zip(next.and_then(|n| month_of(n.text)))
                    .map(|(d, m)| (m, d))
            });
        if let (Some((month, day)), Some(next)) = (month_day, next) {
            let year = after.and_then(|a| year_of(a.text));
            let end = match (year, after) {
                (Some(_), Some(a)) => a.range.end,
                _ => next.range.end,
            };
            out.push(DateMention {
                range: t.range.start..end,
                year,
                month: Some(month),
                day: Some(day),
                weekday: None,
            });
            i += if year.is_some() { 3 } else { 2 };
            continue;
        }
        if let Some(weekday) = weekday_of(t.text) {
            out.push(DateMention {
                range: t.range.clone(),
                year: None,
                month: None,
                day: None,
                weekday: Some(weekday),
            });
        }
        i += 1;
    }
    out
}

/// Longest line, in words, taken for a dateline.
const MAX_DATE_LINE_WORDS: usize = 8;

/// Whether the whole of `text` (ignoring punctuation and weekday) is one date.
pub fn is_date_line(text: &str) -> bool {
    // A date is a few words: "Tuesday, October 08, 2024 (updated)".
    if super::more_words_than(text, MAX_DATE_LINE_WORDS) {
        return false;
    }
    let dates = find_dates(text);
    let Some(date) = dates.iter().find(|d| d.month.is_some()) else {
        return false;
    };
    let covered: usize = dates
        .iter()
        .map(|d| {
            text[d.range.clone()]
                .chars()
                .filter(|c| c.is_alphanumeric())
                .count()
        })
        .sum();
    let total = text.chars().filter(|c| c.is_alphanumeric()).count();
    date.day.is_some() && covered == total
}

#[cfg(test)]
mod tests {
    use super::*;

    fn isos(text: &str) -> Vec<String> {
        find_dates(text)
            .iter()
            .filter_map(DateMention::iso)
            .collect()
    }

    #[test]
    fn finds_the_usual_news_date_forms() {
        assert_eq!(isos("October 08, 2024"), ["2024-10-08"]);
        assert_eq!(isos("on Oct. 8, the agency"), ["--10-08"]);
        assert_eq!(isos("said on Tuesday (October 8)."), ["--10-08"]);
        assert_eq!(isos("Posted by Owen Marsh on 5 March 2025"), ["2025-03-05"]);
        assert_eq!(isos("updated 2024-10-08 at noon"), ["2024-10-08"]);
        assert_eq!(
            isos("on June 19, 2024 and Sept. 3rd"),
            ["2024-06-19", "--09-03"]
        );
    }

    #[test]
    fn the_prefilter_never_hides_a_mention() {
        // Random texts of date-like words in any case, with and without
        // digits: wherever the prefilter says no, reading every word finds
        // nothing either.
        let words = [
            "Thursday",
            "THURSDAY",
            "thursDAY",
            "Mayday",
            "days",
            "March",
            "march",
            "Oct.",
            "Sept",
            "8",
            "2024",
            "31st",
            "10-08",
            "Zoë",
            "Ångström",
            "—",
            "on",
            "the",
        ];
        let mut rng = crate::testing::Xorshift::new(17);
        let mut hidden_by_nothing = 0;
        for _ in 0..5000 {
            let text = rng.words(&words, 6);
            let found = read_dates(&text);
            assert!(may_hold_a_date(&text) || found.is_empty(), "{text}");
            hidden_by_nothing += usize::from(!may_hold_a_date(&text));
        }
        // The prefilter did say no to some texts (the test is not empty).
        assert!(hidden_by_nothing > 100, "{hidden_by_nothing}");
        assert!(!may_hold_a_date("in March the march went on"));
        assert_eq!(find_dates("on THURSday").len(), 1);
    }

    #[test]
    fn weekdays_are_mentions_without_a_date() {
        let found = find_dates("on Thursday near Donetsk");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].weekday, Some(3));
        assert_eq!(found[0].iso(), None);
    }

    #[test]
    fn names_and_abbreviations_of_months_and_weekdays_in_any_case() {
        assert_eq!(month_name("nov"), Some(11));
        assert_eq!(month_name("SEPT"), Some(9));
        assert_eq!(month_name("November"), Some(11));
        assert_eq!(month_name("no"), None);
        for day in ["Tue", "tues", "THURS", "wednesday", "sun"] {
            assert!(is_weekday_name(day), "{day}");
        }
        for not in ["tu", "tuesdays", "week", "fr"] {
            assert!(!is_weekday_name(not), "{not}");
        }
    }

    #[test]
    fn ordinary_words_are_not_months() {
        assert!(isos("we may go 5 times; the march 3 miles").len() <= 1);
        assert!(isos("They may 4 ever").is_empty());
        assert!(isos("Six were killed and 3 injured").is_empty());
    }

    #[test]
    fn date_lines() {
        assert!(is_date_line("October 08, 2024"));
        assert!(is_date_line("Tuesday (March 4)"));
        assert!(!is_date_line("The blast on March 4 killed five."));
        assert!(!is_date_line("Tuesday"));
    }
}
