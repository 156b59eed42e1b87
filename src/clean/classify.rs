//! Deciding what each paragraph is: headline, body, caption, or boilerplate
//! (navigation, promotion, legal notices, social embeds, bylines, datelines).
//! The patterns are the generic furniture of news web pages.

use super::furniture::starts_with_ignore_case;
use super::phrases::{self, Hit, List};
use crate::model::PassageKind;
use crate::text::dates::is_date_line;
use crate::text::fold_alnum;

/// Openings of navigation, promotion and notice paragraphs of up to
/// [`MAX_NOTICE_WORDS`] words.
const BOILERPLATE_OPENINGS: &[&str] = &[
    "read also",
    "read more",
    "also read",
    "see also",
    "related:",
    "more from",
    "more on this",
    "read the full article",
    "read the original",
    "read the full story",
    "leave a reply",
    "leave a comment",
    "your email address",
    "sign up for",
    "subscribe to",
    "share this",
    "share or comment",
    "share on",
    "share:",
    "follow us",
    "click here",
    "this website uses cookies",
    "we use cookies",
    "already a subscriber",
    "original url",
    "©",
    "copyright",
    "(reporting by",
    "reporting by",
    "editing by",
    "watch:",
    "listen:",
    "download the",
    "get the app",
    "view comments",
    "from wire reports",
    "posted by",
    "translated from",
];

/// Openings that mark a notice only in a line of a few words ("Related
/// Post", "Privacy & Cookies Policy", "Advertisement"): longer paragraphs
/// that begin so are usually sentences.
const SHORT_NOTICE_OPENINGS: &[&str] = &[
    "related",
    "recommended",
    "privacy",
    "cookie",
    "advertisement",
    "comments",
    "subscribe",
    "sign up",
    "log in",
    "published",
    "updated",
    "last updated",
    "share",
];
const MAX_SHORT_NOTICE_WORDS: usize = 6;

/// Phrases that mark a notice wherever they stand in a short paragraph.
pub(super) const BOILERPLATE_PHRASES: &[&str] = &[
    "all rights reserved",
    "uses cookies",
    "newsletter",
    "contributed to this report",
    "contributed reporting",
    "not be published",
    "in your inbox",
];

/// Phrases of photo captions and credits.
pub(super) const CAPTION_PHRASES: &[&str] = &[
    "this photo",
    "photo taken",
    "photo shows",
    "pictured",
    "file photo",
    "photograph:",
    "photo:",
    "image:",
    "credit:",
    "(photo",
    "photo by",
    "getty images",
    "photo credit",
    "in this image",
];

/// Longest paragraph (in words) that a notice pattern may mark.
const MAX_NOTICE_WORDS: usize = 40;
/// Longest first line taken for a headline.
const MAX_HEADLINE_WORDS: usize = 30;
/// Longest first line ending as a sentence ends that is taken for a
/// headline. Of 148 headlines of real pages (`../shared/html-benchmark`,
/// their og:title or h1) none ends with a full stop, four with a question
/// mark, and 95% have at most 16 words (median 9); a saved article with no
/// headline opens with its lede, a sentence of 17 to 40 words (the Daily
/// Mail's "A zoo shot and killed a 17-year-old gorilla that …").
const MAX_SENTENCE_HEADLINE_WORDS: usize = 16;

/// The kind of each paragraph of one article.
#[cfg(test)]
pub fn classify(paragraphs: &[&str]) -> Vec<PassageKind> {
    let hits: Vec<Vec<Hit>> = paragraphs.iter().map(|p| phrases::hits(p)).collect();
    let words: Vec<usize> = paragraphs
        .iter()
        .map(|p| crate::text::word_count(p))
        .collect();
    classify_with_hits(paragraphs, &words, &hits)
}

/// The kind of each paragraph of one article, given each one's words
/// (as `split_whitespace` counts them) and fixed phrases (see
/// [`phrases::hits`]).
pub(crate) fn classify_with_hits(
    paragraphs: &[&str],
    words: &[usize],
    hits: &[Vec<Hit>],
) -> Vec<PassageKind> {
    let mut kinds: Vec<PassageKind> = paragraphs
        .iter()
        .zip(words.iter().zip(hits))
        .enumerate()
        .map(|(i, (p, (&words, hits)))| {
            // (Asked only where the answer matters: a first line longer
            // than a headline is body anyway, and a lede's dateline is
            // found by tokenising it.)
            let lede = i == 0
                && paragraphs.len() > 1
                && words <= MAX_HEADLINE_WORDS
                && reads_as_lede(p, words);
            classify_one(i, p, words, hits, lede)
        })
        .collect();
    mark_social_embeds(paragraphs, &mut kinds);
    mark_title_repeats(paragraphs, &mut kinds);
    super::headings::mark_headings(paragraphs, &mut kinds);
    kinds
}

/// `lede`: the first line, followed by more, [`reads_as_lede`].
fn classify_one(index: usize, text: &str, words: usize, hits: &[Hit], lede: bool) -> PassageKind {
    // A first line that is a byline or furniture ("Photo", "Media playback
    // is unsupported", a credit) is no headline: the article is untitled.
    if index == 0
        && words <= MAX_HEADLINE_WORDS
        && text.len() <= 300
        && !lede
        && !is_byline(text)
        && !is_author_note(text, words)
        && !super::furniture::is_furniture_with(text, words, hits)
    {
        return PassageKind::Title;
    }
    if is_boilerplate(text, words, hits) {
        return PassageKind::Boilerplate;
    }
    if is_caption(text, words, hits) {
        return PassageKind::Caption;
    }
    PassageKind::Body
}

/// A first line that is the article's first sentence, not a headline: a
/// sentence longer than headlines are, or one filed under a dateline
/// ("NEW YORK — Authorities say …"), which no headline carries. (Asked
/// only of a line that more follow: a lone line, a one-sentence file, has
/// nothing after it to lead, and stays what it was taken for, a headline.)
fn reads_as_lede(text: &str, words: usize) -> bool {
    let text = text.trim_end();
    let ends_as_sentence = text
        .trim_end_matches(['"', '”', '’', '\''])
        .ends_with(['.', '!', '?']);
    (ends_as_sentence && words > MAX_SENTENCE_HEADLINE_WORDS)
        || crate::text::dateline::dateline_end(text, &crate::text::tokens::tokenize(text)).is_some()
}

fn is_boilerplate(text: &str, words: usize, hits: &[Hit]) -> bool {
    // Notices are short: longer paragraphs skip the text patterns.
    let short = words <= MAX_NOTICE_WORDS;
    if short
        && (BOILERPLATE_OPENINGS
            .iter()
            .any(|o| starts_with_ignore_case(text, o))
            || (words <= MAX_SHORT_NOTICE_WORDS
                && SHORT_NOTICE_OPENINGS
                    .iter()
                    .any(|o| starts_with_ignore_case(text, o)))
            || phrases::any(hits, List::Notice))
    {
        return true;
    }
    if is_byline(text)
        || is_author_note(text, words)
        || is_date_line(text)
        || is_url(text)
        || is_section_header(text)
    {
        return true;
    }
    // Hashtag lines, @handles, music credits of video embeds.
    if super::stamps::is_tag_line(text, words)
        || (words == 1 && text.starts_with('@'))
        || text.starts_with('♬')
    {
        return true;
    }
    // Counters and stray numbers ("0 1"), slugs ("lep-general-02").
    if !text.chars().any(char::is_alphabetic) {
        return true;
    }
    if words == 1 && text.contains(['-', '_']) && text.chars().any(|c| c.is_ascii_digit()) {
        return true;
    }
    // Promoted headlines in capitals ("RUSSIA JAILS MERCENARY ..."): short,
    // with no lower-case letter.
    if !(3..=MAX_NOTICE_WORDS).contains(&words) || text.chars().any(char::is_lowercase) {
        return false;
    }
    text.chars().filter(|c| c.is_alphabetic()).count() >= 12
}

/// Longest paragraph, in words, searched for caption phrases.
const MAX_CAPTION_WORDS: usize = 100;

fn is_caption(text: &str, words: usize, hits: &[Hit]) -> bool {
    if words > MAX_CAPTION_WORDS {
        return false;
    }
    phrases::any(hits, List::Caption) || (words <= 25 && ends_with_photo_credit(text))
}

/// "North Korean soldiers. Pedro Pardo / AFP": a name, a slash, an agency.
fn ends_with_photo_credit(text: &str) -> bool {
    let Some((before, agency)) = text.rsplit_once(" / ") else {
        return false;
    };
    let agency_ok = !agency.is_empty()
        && agency.split_whitespace().count() <= 3
        && agency
            .split_whitespace()
            .all(|w| w.starts_with(char::is_uppercase));
    let name: Vec<&str> = before.split_whitespace().rev().take(2).collect();
    agency_ok && name.len() == 2 && name.iter().all(|w| w.starts_with(char::is_uppercase))
}

/// A note on the author or the outlet that asks to be followed on social
/// media ("Jane Roe is our science editor. … Follow her on Twitter
/// @janeroe"): a short paragraph with both "follow" and an @handle. (An
/// @handle alone is not enough: a quoted post names its author so.)
fn is_author_note(text: &str, words: usize) -> bool {
    words <= MAX_NOTICE_WORDS
        && text.contains('@')
        && text
            .split_whitespace()
            .any(|t| t.len() > 1 && t.starts_with('@'))
        && text
            .split(|c: char| !c.is_alphabetic())
            .any(|w| w.eq_ignore_ascii_case("follow"))
}

/// "By Marta Lindqvist", "By <u>AFP</u>".
pub(crate) fn is_byline(text: &str) -> bool {
    (text.starts_with("By ") || text.starts_with("BY "))
        && !text.ends_with('.')
        && text.split_whitespace().nth(8).is_none()
}

fn is_url(text: &str) -> bool {
    let t = text.trim();
    (t.starts_with("http://") || t.starts_with("https://") || t.starts_with("www."))
        && t.split_whitespace().count() <= 2
}

/// "Nordavia Today | Translated from Nordavian", "Finance Brief | Markets".
pub(crate) fn is_section_header(text: &str) -> bool {
    text.contains(" | ") && !text.ends_with('.') && text.split_whitespace().nth(10).is_none()
}

/// A video embed: an @handle line, a caption, a "♬ original sound" line.
fn mark_social_embeds(paragraphs: &[&str], kinds: &mut [PassageKind]) {
    for (i, p) in paragraphs.iter().enumerate() {
        let handle = p.starts_with('@') && p.split_whitespace().count() == 1;
        if !handle {
            continue;
        }
        let end = (i + 1..paragraphs.len().min(i + 5)).find(|&j| paragraphs[j].starts_with('♬'));
        if let Some(end) = end {
            for kind in &mut kinds[i..=end] {
                *kind = PassageKind::Boilerplate;
            }
        }
    }
}

/// Lines near the top that repeat (a prefix of) the headline.
fn mark_title_repeats(paragraphs: &[&str], kinds: &mut [PassageKind]) {
    if kinds.first() != Some(&PassageKind::Title) {
        return;
    }
    let title = fold_alnum(paragraphs[0]);
    for (i, p) in paragraphs.iter().enumerate().take(4).skip(1) {
        let folded = fold_alnum(p);
        if folded.len() >= 12 && (title.starts_with(&folded) || folded.starts_with(&title)) {
            kinds[i] = PassageKind::Title;
        }
    }
}

#[cfg(test)]
#[path = "classify_tests.rs"]
mod tests;
