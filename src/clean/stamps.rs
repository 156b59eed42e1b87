//! Lines that label a page rather than state anything: time stamps
//! ("Updated 1:39 am EST, Wednesday, November 20, 2019"), gallery counters
//! ("Image 1 of 23"), agency bylines with a role ("Tom Krisher, AP Auto
//! Writer") and the labels of a page's controls ("Caption", "Close",
//! "View author archive"), lines of hashtags. Each test reads the line's
//! words alone: a sentence that states something has words none of them
//! allows.

use crate::text::dates::{is_weekday_name, month_name};

/// Longest time stamp, in words ("First Published: Tuesday, November 19,
/// 2019 08:38 AM / CBS News").
const MAX_STAMP_WORDS: usize = 16;
/// Words a stamp may hold besides its date and time: an outlet after it
/// ("/ CBS News").
const MAX_OTHER_STAMP_WORDS: usize = 3;

/// Words that say a stamp is one.
const STAMP_WORDS: &[&str] = &[
    "published",
    "updated",
    "posted",
    "modified",
    "first",
    "last",
    "on",
    "at",
    "today",
    "yesterday",
];

/// Clock words and the time zones news sites stamp in.
const CLOCK_WORDS: &[&str] = &[
    "am", "pm", "a", "p", "m", "utc", "gmt", "bst", "cet", "cest", "est", "edt", "cst", "cdt",
    "mst", "mdt", "pst", "pdt", "et", "pt", "ct",
];

/// The words of `text`: its runs of letters and digits, lower-cased.
fn words(text: &str) -> Vec<String> {
    crate::text::alnum_spans(text)
        .into_iter()
        .map(|r| text[r].to_lowercase())
        .collect()
}

fn is_number(word: &str) -> bool {
    let digits = word.trim_end_matches(['s', 't', 'n', 'd', 'r', 'h']);
    !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())
}

/// A date or time stamp: a clock time ("9:45"), or a month with a day,
/// and words of stamps, dates and times only, but for an outlet's few
/// after them. It opens with a stamp word or the date itself, so that a
/// short sentence about a time ("It was 9:45 a.m.") is none.
pub(crate) fn is_date_stamp(text: &str, spaced_words: usize) -> bool {
    // Every sentence is asked: most are ruled out by their length or
    // their first word before their words are read.
    if spaced_words > MAX_STAMP_WORDS {
        return false;
    }
    let dated = |w: &str| {
        is_number(w)
            || month_name(w).is_some()
            || is_weekday_name(w)
            || CLOCK_WORDS.contains(&w)
            || STAMP_WORDS.contains(&w)
    };
    let first = text
        .split(|c: char| !c.is_alphanumeric())
        .find(|w| !w.is_empty())
        .unwrap_or("");
    if first.is_empty() || !dated(&first.to_lowercase()) {
        return false;
    }
    let words = words(text);
    if words.len() > MAX_STAMP_WORDS {
        return false;
    }
    let clock = text
        .as_bytes()
        .windows(3)
        .any(|w| w[0].is_ascii_digit() && w[1] == b':' && w[2].is_ascii_digit());
    let month_day = words.windows(2).any(|w| {
        (month_name(&w[0]).is_some() && is_number(&w[1]))
            || (is_number(&w[0]) && month_name(&w[1]).is_some())
    });
    // The date and time first, then no more than an outlet's name.
    let dated_run = words.iter().take_while(|w| dated(w)).count();
    let after = &words[dated_run..];
    (clock || month_day) && after.len() <= MAX_OTHER_STAMP_WORDS && !after.iter().any(|w| dated(w))
}

/// Labels of a gallery's place: "Image 1 of 23", "Image 1 of / 23",
/// "Photo 3 of 10", "1 of 25".
pub(crate) fn is_gallery_counter(text: &str, spaced_words: usize) -> bool {
    const MAX_COUNTER_WORDS: usize = 6;
    if spaced_words > MAX_COUNTER_WORDS {
        return false;
    }
    let words = words(text);
    let n = words.len();
    (3..=5).contains(&n)
        && is_number(&words[n - 1])
        && words[n - 2] == "of"
        && is_number(&words[n - 3])
        && words[..n - 3]
            .iter()
            .all(|w| w.chars().all(char::is_alphabetic))
}

/// Roles an agency byline gives after the name.
const BYLINE_ROLES: &[&str] = &[
    "writer",
    "reporter",
    "correspondent",
    "editor",
    "press",
    "staff",
];

/// "Tom Krisher, AP Auto Writer", "Meg Kinnard and Errin Haines,
/// Associated Press": capitalised names, a comma, capitalised words
/// ending in a role, no full stop.
pub(crate) fn is_role_byline(text: &str, spaced_words: usize) -> bool {
    const MAX_BYLINE_WORDS: usize = 10;
    let text = text.trim();
    if spaced_words > MAX_BYLINE_WORDS || text.ends_with(['.', '!', '?']) {
        return false;
    }
    let Some((names, role)) = text.split_once(", ") else {
        return false;
    };
    let capitalised = |part: &str| {
        part.split_whitespace()
            .all(|w| w == "and" || w.starts_with(char::is_uppercase))
    };
    let name_words = names.split_whitespace().count();
    (2..=7).contains(&name_words)
        && !role.contains(',')
        && capitalised(names)
        && capitalised(role)
        && role
            .split_whitespace()
            .next_back()
            .is_some_and(|w| BYLINE_ROLES.contains(&w.to_lowercase().as_str()))
}

/// The labels of a page's controls and author boxes, as whole lines.
const INTERFACE_LABELS: &[&str] = &[
    "caption",
    "close",
    "enlarge image",
    "view author archive",
    "email the author",
    "about the author",
    "follow on twitter",
    "sharing is caring",
    "continue reading below",
    "loading content",
    "post comment",
    "tell us what you think",
    "this slideshow requires javascript",
];

/// A line that is one of [`INTERFACE_LABELS`], whatever its case and
/// punctuation ("Sharing is caring!", "Loading content ...").
pub(crate) fn is_interface_label(text: &str, spaced_words: usize) -> bool {
    const MAX_LABEL_WORDS: usize = 6;
    if spaced_words > MAX_LABEL_WORDS {
        return false;
    }
    INTERFACE_LABELS.contains(&words(text).join(" ").as_str())
}

/// Broadcasters and agencies whose pages caption a video with its
/// presenter ("CNN's Jake Tapper reports.").
const VIDEO_OUTLETS: &[&str] = &[
    "abc",
    "ap",
    "bbc",
    "bloomberg",
    "cbc",
    "cbs",
    "cnbc",
    "cnn",
    "fox",
    "itv",
    "msnbc",
    "nbc",
    "pbs",
    "reuters",
    "sky",
    "wsj",
    "yahoo",
];

/// What a presenter does in a video's caption.
const PRESENTER_VERBS: &[&str] = &[
    "reports",
    "discusses",
    "explains",
    "breaks down",
    "has the latest",
    "has more",
    "takes a look",
    "looks at",
];

/// A video's caption: an outlet's presenter (one to three capitalised
/// words) and what they do, in one short line ("Bloomberg’s Christine
/// Harper discusses the impact of the new U.S. tax law on Goldman.",
/// "CNN's Jake Tapper reports."). Only an outlet's own presenter: "Goldman's
/// Lloyd Blankfein discusses…" may be a statement.
pub(crate) fn is_video_blurb(text: &str, spaced_words: usize) -> bool {
    const MAX_BLURB_WORDS: usize = 25;
    if spaced_words > MAX_BLURB_WORDS {
        return false;
    }
    let mut parts = text.split_whitespace();
    let Some(first) = parts.next() else {
        return false;
    };
    let Some(outlet) = ["'s", "’s", "'", "’"]
        .iter()
        .find_map(|mark| first.strip_suffix(mark))
    else {
        return false;
    };
    if !VIDEO_OUTLETS.contains(&outlet.to_lowercase().as_str()) {
        return false;
    }
    let rest: Vec<&str> = parts.collect();
    for name_words in 1..=3.min(rest.len().saturating_sub(1)) {
        if !rest[name_words - 1].starts_with(char::is_uppercase) {
            break;
        }
        let after = rest[name_words..].join(" ").to_lowercase();
        let does = |verb: &&str| {
            after
                .strip_prefix(verb)
                .is_some_and(|tail| tail.is_empty() || tail.starts_with([' ', '.', ',', ':']))
        };
        if PRESENTER_VERBS.iter().any(does) {
            return true;
        }
    }
    false
}

/// A line of hashtags ("#KestrelBay #explosion", "RIP #Harambe
/// #gorilla"): two or more, at least half its words. A sentence that uses
/// hashtags as words ("The #Browns highest-graded player on defense vs.
/// #Steelers was Joe Schobert.", a quoted post) states something: it is
/// no tag line, however many it holds.
pub(crate) fn is_tag_line(text: &str, words: usize) -> bool {
    if !text.contains('#') {
        return false;
    }
    let hashtags = text
        .split_whitespace()
        .filter(|t| t.starts_with('#') && t.len() > 1)
        .count();
    hashtags >= 2 && 2 * hashtags >= words
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spaced(text: &str) -> usize {
        text.split_whitespace().count()
    }

    #[test]
    fn time_stamps_are_stamps_and_sentences_about_times_are_not() {
        for stamp in [
            "Updated 1:39 am EST, Wednesday, November 20, 2019",
            "Published 11:34 PM EST Nov 19, 2019",
            "First Published: Tuesday, November 19, 2019 08:38 AM",
            "Updated on: November 19, 2019 / 10:07 AM / CBS News",
            "| UPDATED: 11:05, Tue, Nov 19, 2019",
            "Published November 20th, 2019 - 07:29 GMT",
            "November 19, 2019 at 9:45 am",
            "Today 12:01 AM",
            "Updated Nov 19, 6:55 AM;Posted Nov 19, 6:51 AM",
        ] {
            assert!(is_date_stamp(stamp, spaced(stamp)), "{stamp}");
        }
        for sentence in [
            "It was 9:45 a.m. when the blast hit.",
            "On November 20, 2019, the council voted to close the quay.",
            "Updated figures show 12 people died.",
            "November was the wettest month on record.",
            "At 9:45, the police arrived at the plant on Monday, officials said.",
        ] {
            assert!(!is_date_stamp(sentence, spaced(sentence)), "{sentence}");
        }
    }

    #[test]
    fn gallery_counters() {
        for counter in [
            "Image 1 of 23",
            "Image 1 of / 23",
            "Photo 3 of 10",
            "1 of 25",
        ] {
            assert!(is_gallery_counter(counter, spaced(counter)), "{counter}");
        }
        for not in [
            "Two of the 25 workers died",
            "one of 25",
            "Image 1 of the harbour",
        ] {
            assert!(!is_gallery_counter(not, spaced(not)), "{not}");
        }
    }

    #[test]
    fn bylines_with_a_role() {
        for byline in [
            "Tom Krisher, Ap Auto Writer",
            "Steve Peoples, AP National Political Writer",
            "Meg Kinnard and Errin Haines, Associated Press",
        ] {
            assert!(is_role_byline(byline, spaced(byline)), "{byline}");
        }
        for not in [
            "Tom Krisher, a writer, said the plant was unsafe.",
            "Agnes Szabo, the mayor, visited the Press",
            "Kestrel Bay, Nordavia",
        ] {
            assert!(!is_role_byline(not, spaced(not)), "{not}");
        }
    }

    #[test]
    fn video_captions_name_an_outlets_presenter() {
        for blurb in [
            "Bloomberg’s Christine Harper discusses the impact of the new U.S. tax law on Goldman.",
            "CNN's Jake Tapper reports.",
            "Reuters' Jane Doe has the latest from Kestrel Bay",
            "NBC's Ann Lee looks at the damage.",
        ] {
            assert!(is_video_blurb(blurb, spaced(blurb)), "{blurb}");
        }
        for not in [
            "Goldman's Lloyd Blankfein discusses the results.",
            "CNN's reporting was criticised by the zoo.",
            "Bloomberg's Christine Harper said the bank would take a charge.",
            "CNN's Jake Tapper reported from the scene on Monday, where crews were still searching the river banks for the missing.",
            "Reuters reports that the deal is off.",
        ] {
            assert!(!is_video_blurb(not, spaced(not)), "{not}");
        }
    }

    #[test]
    fn interface_labels_as_whole_lines_only() {
        for label in [
            "Caption",
            "Close",
            "Sharing is caring!",
            "Loading content ...",
            "View author archive",
        ] {
            assert!(is_interface_label(label, spaced(label)), "{label}");
        }
        for not in [
            "The caption was wrong.",
            "Police said nothing about the author of the letter.",
            "Close to 300 people were evacuated.",
        ] {
            assert!(!is_interface_label(not, spaced(not)), "{not}");
        }
    }
}
