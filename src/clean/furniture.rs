//! Page furniture that paragraph patterns miss: bare photo credits, embedded
//! posts, teaser headlines under a "Read more" line, and interface prompts
//! (sign-up forms, video players, share buttons) that a saved page glues
//! into one paragraph of several "sentences". The phrases are the generic
//! interface text of news sites, not any article's words.

use super::phrases::{Hit, List};
use super::stamps;
use crate::model::PassageKind;

/// Words of interface prompts that real sentences use too ("volunteers
/// rushed to sign up"): they mark only a very short sentence.
pub(super) const SHORT_PROMPT_PHRASES: &[&str] = &[
    "sign up",
    "subscribe",
    "subscribing",
    "newsletter",
    "newsletters",
    "advertisement",
    "email address",
];
/// Longest sentence, in words, that a short prompt phrase marks.
const MAX_SHORT_PROMPT_WORDS: usize = 12;

/// Phrases of interface prompts; a sentence of up to [`MAX_PROMPT_WORDS`]
/// holding one is furniture.
pub(super) const PROMPT_PHRASES: &[&str] = &[
    "continue reading the main story",
    "please try again",
    "an error has occurred",
    "not a robot",
    "invalid email",
    "please re-enter",
    "read or share this story",
    "share this story",
    "chat with us",
    "media playback is unsupported",
    "image copyright",
    "image caption",
    "hide caption",
    "replay more videos",
    "just watched",
    "must watch",
    "scroll down for video",
    "slideshow (",
    "join the conversation",
    "see the latest news and share",
    "with assistance by",
    "do you have a story",
    "we pay for your stories",
    "email us at",
    "click to read",
    "all rights reserved",
    "may not be published, broadcast",
    "this post has been updated",
];

/// Longest sentence, in words, that a prompt phrase marks.
const MAX_PROMPT_WORDS: usize = 30;
/// Longest bare credit, in words.
const MAX_CREDIT_WORDS: usize = 12;
/// Longest teaser headline under a "Read more" line, in words.
const MAX_TEASER_WORDS: usize = 18;

/// Openings of a list of links to other articles.
const LINK_LIST_OPENINGS: &[&str] = &[
    "read more",
    "related stories",
    "related articles",
    "more:",
    "more from",
    "see also",
    "you may also like",
    "related coverage",
    "recent articles",
];

/// Links that end an embedded post.
pub(crate) const EMBED_LINKS: &[&str] = &["pic.twitter.com/", "https://t.co/"];

/// `text` begins with `prefix`, ignoring ASCII case (the patterns are
/// ASCII, or have no case: "©").
pub(crate) fn starts_with_ignore_case(text: &str, prefix: &str) -> bool {
    text.get(..prefix.len())
        .is_some_and(|p| p.eq_ignore_ascii_case(prefix))
}

/// Whether one sentence (or short paragraph) is page furniture, searched
/// for its fixed phrases first.
#[cfg(test)]
pub fn is_furniture(text: &str) -> bool {
    is_furniture_with(
        text,
        crate::text::word_count(text),
        &super::phrases::hits(text),
    )
}

/// Whether one sentence (or short paragraph) is page furniture, given its
/// words (as `split_whitespace` counts them) and the fixed phrases in it
/// (see [`super::phrases::hits`]).
pub(super) fn is_furniture_with(text: &str, words: usize, hits: &[Hit]) -> bool {
    for hit in hits {
        let applies = match hit.list {
            List::Prompt => words <= MAX_PROMPT_WORDS,
            List::ShortPrompt => words <= MAX_SHORT_PROMPT_WORDS,
            // An embedded post: its text ends with a link to the picture.
            List::EmbedLink => true,
            List::Notice | List::Caption => false,
        };
        if applies && whole_words(text, hit.range.start, hit.range.end) {
            return true;
        }
    }
    if LINK_LIST_OPENINGS
        .iter()
        .any(|o| starts_with_ignore_case(text, o))
        && (words <= MAX_PROMPT_WORDS || starts_with_ignore_case(text, "related "))
    {
        return true;
    }
    // A lone media label.
    let bare = text.trim_matches(|c: char| !c.is_alphanumeric());
    if words == 1
        && ["photo", "photos", "video", "image", "gallery", "audio"]
            .iter()
            .any(|l| bare.eq_ignore_ascii_case(l))
    {
        return true;
    }
    is_bare_credit(text, words)
        || is_chart_credit(text)
        || stamps::is_tag_line(text, words)
        || stamps::is_date_stamp(text, words)
        || stamps::is_gallery_counter(text, words)
        || stamps::is_role_byline(text, words)
        || stamps::is_video_blurb(text, words)
        || stamps::is_interface_label(text, words)
}

/// Whether a text ends as a sentence does (a credit does not).
fn ends_like_a_sentence(text: &str) -> bool {
    text.ends_with(['.', '!', '?', '"', '”'])
}

/// A chart's or table's credit, alone or after the chart's title ("Source:
/// CoinMarketCap"; "Hit by Tax Overhaul Banks will have to take accounting
/// charges … Source: Regulatory filings, estimates from bank executives"):
/// "Source:" followed by a few words that end no sentence.
fn is_chart_credit(text: &str) -> bool {
    let text = text.trim_end();
    // Both labels start "Source", and a forward search for it is a fast
    // one: most sentences are ruled out before the two searches from
    // the end.
    if !text.contains("Source") {
        return false;
    }
    let Some(at) = ["Source:", "Sources:"]
        .iter()
        .filter_map(|label| text.rfind(label))
        .max()
    else {
        return false;
    };
    let opens = at == 0 || text[..at].ends_with(' ');
    let credit = &text[at..];
    opens
        && credit.split_whitespace().count() <= MAX_CREDIT_WORDS + 1
        && !ends_like_a_sentence(credit)
}

/// Whether `text[start..end]` stands as whole words: no letter or digit
/// glued to a phrase's alphanumeric ends ("subscribe" is not in
/// "subscriber").
fn whole_words(text: &str, start: usize, end: usize) -> bool {
    let phrase = &text[start..end];
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    let boundary = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric());
    (boundary(before) || !phrase.starts_with(char::is_alphanumeric))
        && (boundary(after) || !phrase.ends_with(char::is_alphanumeric))
}

/// "(AP Photo/Richard Drew, File)", "REUTERS/Mike Blake", "Steve Mollenkopf
/// Photographer: Patrick T. Fallon/Bloomberg": a credit with no statement.
fn is_bare_credit(text: &str, words: usize) -> bool {
    if words > MAX_CREDIT_WORDS {
        return false;
    }
    let t = text.trim();
    if t.contains("Photographer:") {
        return true;
    }
    let ends_sentence = ends_like_a_sentence(t);
    // A bracketed credit, "(AP Photo/Richard Drew, File)"; a bracketed
    // sentence, "(Tarantino did not respond to requests for comment.)", is
    // a statement set aside.
    if t.starts_with('(') && t.ends_with(')') {
        let inside = &t[1..t.len() - 1];
        if ends_like_a_sentence(inside.trim_end()) {
            return false;
        }
        if !inside.contains(['(', ')']) {
            return true;
        }
    }
    // Name/Agency: a slash between two capitalised words, no full stop.
    !ends_sentence
        && t.split_whitespace().any(|w| {
            w.split_once('/').is_some_and(|(a, b)| {
                a.starts_with(char::is_uppercase)
                    && b.starts_with(char::is_uppercase)
                    && !a.contains(':')
            })
        })
}

/// Marks furniture in one article's passages (`kinds` of `sentences`, each
/// with its paragraph index, its words in `words` and its fixed phrases in
/// `hits`, see [`super::phrases::hits`]): furniture sentences, whole
/// paragraphs where most sentences are furniture, and the teaser headlines
/// that follow a "Read more" line.
pub(crate) fn mark(
    sentences: &[(usize, &str)],
    words: &[usize],
    hits: &[Vec<Hit>],
    kinds: &mut [PassageKind],
) {
    for (i, &(_, text)) in sentences.iter().enumerate() {
        if kinds[i] != PassageKind::Title && is_furniture_with(text, words[i], &hits[i]) {
            kinds[i] = PassageKind::Boilerplate;
        }
    }
    // A paragraph most of whose sentences are prompts is a form.
    let mut start = 0;
    while start < sentences.len() {
        let para = sentences[start].0;
        let end = (start..sentences.len())
            .find(|&j| sentences[j].0 != para)
            .unwrap_or(sentences.len());
        let furniture = kinds[start..end]
            .iter()
            .filter(|&&k| k == PassageKind::Boilerplate)
            .count();
        if end - start >= 3 && furniture * 2 > end - start {
            for k in &mut kinds[start..end] {
                if *k != PassageKind::Title {
                    *k = PassageKind::Boilerplate;
                }
            }
        }
        start = end;
    }
    // Teasers: short unpunctuated lines right after a link-list opening.
    let mut in_list = false;
    for (i, &(_, text)) in sentences.iter().enumerate() {
        if LINK_LIST_OPENINGS
            .iter()
            .any(|o| starts_with_ignore_case(text, o))
        {
            in_list = true;
            continue;
        }
        // Counted only inside a list: most sentences are in none.
        let teaser = in_list
            && crate::text::word_count(text) <= MAX_TEASER_WORDS
            && !text.trim_end().ends_with(['.', '!', '?', '"', '”', ':']);
        if in_list && teaser && kinds[i] != PassageKind::Title {
            kinds[i] = PassageKind::Boilerplate;
        } else {
            in_list = false;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn credits_prompts_and_embeds_are_furniture() {
        for t in [
            "(AP Photo/Richard Drew, File)",
            "(Mahmoud Illean, File/Associated Press)",
            "(Courtesy of Cincinnati Zoo and Botanical Garden)",
            "REUTERS/Mike Blake",
            "Steve Mollenkopf Photographer: Patrick T. Fallon/Bloomberg",
            "Please verify you're not a robot by clicking the box.",
            "View all New York Times newsletters.",
            "Read or Share this story: https://usat.ly/2s9vKKy",
            "Media playback is unsupported on your device",
            "Hide Caption 9 of 25",
            "Chat with us in Facebook Messenger.",
            "— With assistance by Alex Barinka",
            "Photo",
            "Video",
            "Image copyright Getty Images Image caption The pair have been friends",
            "More: EU fines Qualcomm $1.23 billion for paying Apple to use its microchips",
            "Details on sad incident at Cincinnati Zoo today: https://t.co/s9bYF pic.twitter.com/7gBq — Cincinnati Zoo (@CincinnatiZoo) May 28, 2016",
        ] {
            assert!(is_furniture(t), "{t}");
        }
    }

    #[test]
    fn statements_stay_body() {
        for t in [
            "The zoo said the gorilla was shot to protect the boy (who was unhurt).",
            // A sentence set aside in brackets is no credit.
            "(Tarantino did not respond to requests for comment.)",
            "(She had a brief first marriage to Gary Oldman.)",
            "Broadcom raised its offer to $82 a share in cash and stock.",
            "\"We are heartbroken,\" the director said, adding that the subscriber list was private.",
            "The ICRC said on Twitter: \"Our thoughts are with the families #Chibok\" @ICRC_Africa",
            "The 9/11 Commission and U.S. officials disagreed.",
            "Thousands of volunteers rushed to sign up for the search of the park on Sunday morning.",
            "Qualcomm's board unanimously rejected the earlier offer, saying it undervalued the company and came with significant regulatory uncertainty, and shareholders were told to sign up for nothing.",
        ] {
            assert!(!is_furniture(t), "{t}");
        }
    }

    #[test]
    fn a_form_paragraph_and_teasers_are_marked_whole() {
        let sentences = [
            (1, "Newsletter Sign Up Continue reading the main story"),
            (1, "Please verify you're not a robot by clicking the box."),
            (1, "Invalid email address."),
            (1, "Please re-enter."),
            (1, "Thanks."),
            (2, "The board met on Monday."),
            (3, "Read More:"),
            (
                4,
                "The rumors of this panda’s death were greatly exaggerated",
            ),
            (
                5,
                "Florida zookeeper was preparing the tiger night house, then tragedy struck",
            ),
            (6, "The zoo reopened on Tuesday."),
        ];
        let mut kinds = vec![PassageKind::Body; sentences.len()];
        let hits: Vec<Vec<Hit>> = sentences
            .iter()
            .map(|(_, t)| super::super::phrases::hits(t))
            .collect();
        let words: Vec<usize> = sentences
            .iter()
            .map(|(_, t)| crate::text::word_count(t))
            .collect();
        mark(&sentences, &words, &hits, &mut kinds);
        use PassageKind::*;
        assert_eq!(
            kinds,
            [
                Boilerplate,
                Boilerplate,
                Boilerplate,
                Boilerplate,
                Boilerplate,
                Body,
                Boilerplate,
                Boilerplate,
                Boilerplate,
                Body
            ]
        );
    }

    #[test]
    fn a_charts_credit_is_furniture() {
        for p in [
            "Source: Harbour Authority",
            "Port traffic fell after the blast Monthly calls at Kestrel Bay Source: Harbour \
             Authority, estimates from shipping agents",
        ] {
            assert!(is_furniture(p), "{p}");
        }
        // Sentences that name a source stay body.
        for p in [
            "Source: a port official who asked not to be named said the count was wrong.",
            "The figures came from the harbour authority, the source of most counts.",
        ] {
            assert!(!is_furniture(p), "{p}");
        }
    }
}
