//! Article metadata read off the text: title, outlet, byline, date, URL.
//! Every field is optional and comes from the text (or, for the outlet, the
//! file name as a last resort); nothing is invented.

use crate::model::PassageKind;
use crate::text::dateline::dateline_end;
use crate::text::dates::{find_dates, is_date_line};
use crate::text::tokens::tokenize;
use crate::text::wordfreq::segment_words;

use super::classify::{is_byline, is_section_header};
use crate::text::fold_alnum as fold;

/// The same five fields a file can state outright (a page's tags), read
/// here off the text instead.
pub use crate::load::PageMetadata as Metadata;

/// Separators between a headline and an outlet name ("Title – Outlet").
const TITLE_SEPARATORS: &[&str] = &[" – ", " — ", " | ", " - "];

/// Reads the metadata of one article from its paragraphs and their kinds.
pub fn extract(path: &str, paragraphs: &[&str], kinds: &[PassageKind]) -> Metadata {
    let first_line = (kinds.first() == Some(&PassageKind::Title)).then(|| paragraphs[0]);
    // "Killing of gorilla … sparks outrage Updated: 2016-05-30 09:53
    // (Agencies)": the stamp dates the page and is no part of the title.
    let (headline, stamp) = match first_line.map(split_stamp) {
        Some((head, stamp)) => (Some(head), stamp),
        None => (None, None),
    };
    let url = find_url(paragraphs);
    let byline_text = paragraphs.iter().take(8).find_map(|p| byline_of(p));
    let agency = byline_text.as_deref().and_then(agency_of);
    let evidence = OutletEvidence::gather(paragraphs, url.as_deref());

    let mut title = headline.map(str::to_owned);
    let mut outlet = evidence.named();
    if let Some((head, suffix)) = headline.and_then(split_title_suffix) {
        let corroborated = evidence
            .keys()
            .any(|k| !k.is_empty() && (k == fold_name(suffix)));
        let uncontested = evidence.is_empty() && agency.is_none();
        if corroborated || uncontested {
            title = Some(head.to_owned());
            if outlet.is_none() || corroborated {
                outlet = Some(suffix.to_owned());
            }
        }
    }
    outlet = match (outlet, agency) {
        (Some(o), Some(a)) if fold_name(&o) != fold_name(&a) => Some(format!("{o}/{a}")),
        (Some(o), _) => Some(o),
        (None, Some(a)) => Some(a),
        (None, None) => Some(outlet_from_file_name(path)),
    };

    Metadata {
        title,
        outlet,
        byline: byline_text,
        date: stamp
            .and_then(|s| dated(s, url.as_deref()))
            .or_else(|| find_date(paragraphs, kinds, url.as_deref())),
        url,
    }
}

/// Signals of the outlet other than the headline suffix.
#[derive(Debug, Default)]
struct OutletEvidence {
    copyright: Option<String>,
    section_header: Option<String>,
    sound_credit: Option<String>,
    handle: Option<String>,
    domain: Option<String>,
}

impl OutletEvidence {
    fn gather(paragraphs: &[&str], url: Option<&str>) -> Self {
        let mut e = OutletEvidence::default();
        for (i, p) in paragraphs.iter().enumerate() {
            if e.copyright.is_none() {
                e.copyright = copyright_holder(p);
            }
            if e.section_header.is_none() && i > 0 && i < 6 && is_section_header(p) {
                e.section_header = p.split(" | ").next().map(|s| s.trim().to_owned());
            }
            if e.sound_credit.is_none() && p.starts_with('♬') {
                e.sound_credit = p
                    .rsplit(['–', '—', '-'])
                    .next()
                    .map(|s| s.trim().to_owned());
            }
            if e.handle.is_none() && p.starts_with('@') && p.split_whitespace().count() == 1 {
                e.handle = Some(p[1..].to_owned());
            }
        }
        e.domain = url.and_then(outlet_from_url);
        e
    }

    fn is_empty(&self) -> bool {
        self.keys().next().is_none()
    }

    /// Comparable forms of every signal.
    fn keys(&self) -> impl Iterator<Item = String> + '_ {
        [
            &self.copyright,
            &self.section_header,
            &self.sound_credit,
            &self.handle,
            &self.domain,
        ]
        .into_iter()
        .flatten()
        .map(|s| fold_name(s))
    }

    /// The outlet's name as written, best form first.
    fn named(&self) -> Option<String> {
        self.copyright
            .clone()
            .or_else(|| self.section_header.clone())
            .or_else(|| self.sound_credit.clone())
            .or_else(|| self.domain.clone())
            .or_else(|| self.handle.as_ref().map(|h| format!("@{h}")))
    }
}

/// "The Harbour Herald" and "harbourherald" compare equal.
fn fold_name(name: &str) -> String {
    let folded = fold(name);
    folded
        .strip_prefix("the")
        .map(str::to_owned)
        .unwrap_or(folded)
}

fn split_title_suffix(title: &str) -> Option<(&str, &str)> {
    TITLE_SEPARATORS.iter().find_map(|sep| {
        let (head, suffix) = title.rsplit_once(sep)?;
        let words = suffix.split_whitespace().count();
        let capitalised = suffix.starts_with(char::is_uppercase);
        ((1..=5).contains(&words) && capitalised && !head.trim().is_empty())
            .then_some((head.trim(), suffix.trim()))
    })
}

/// "© 2025 The Harbour Herald. All rights reserved." → "The Harbour Herald";
/// "Copyright Nordavia Today 2025" → "Nordavia Today".
fn copyright_holder(paragraph: &str) -> Option<String> {
    let rest = paragraph
        .strip_prefix('©')
        .or_else(|| paragraph.strip_prefix("Copyright"))
        .or_else(|| paragraph.strip_prefix("COPYRIGHT"))?;
    let rest = rest
        .trim_start_matches(['©', ' ', '(', ')', 'c', 'C'])
        .trim();
    let rest = rest.split(['.', ',', ';']).next().unwrap_or(rest);
    let words: Vec<&str> = rest
        .split_whitespace()
        .filter(|w| !w.chars().all(|c| c.is_ascii_digit() || c == '-'))
        .collect();
    let name = words.join(" ");
    (!name.is_empty() && words.len() <= 6 && !name.to_lowercase().contains("all rights"))
        .then_some(name)
}

/// "By Marta Lindqvist" → "Marta Lindqvist"; "Posted by Owen Marsh on 5
/// March 2025" → "Owen Marsh". HTML tags are dropped.
fn byline_of(paragraph: &str) -> Option<String> {
    let text = strip_tags(paragraph);
    let name = if is_byline(&text) {
        text[3..].trim().to_owned()
    } else if let Some(rest) = text.strip_prefix("Posted by ") {
        rest.split(" on ").next().unwrap_or(rest).trim().to_owned()
    } else {
        return None;
    };
    (!name.is_empty()).then_some(name)
}

/// An agency byline in capitals ("AFP", "MERIDIAN WIRE") names an outlet.
fn agency_of(byline: &str) -> Option<String> {
    let letters: Vec<char> = byline.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.is_empty() || !letters.iter().all(|c| c.is_uppercase()) {
        return None;
    }
    let words: Vec<String> = byline
        .split_whitespace()
        .map(|w| {
            if w.chars().count() <= 3 {
                w.to_owned()
            } else {
                title_case(w)
            }
        })
        .collect();
    Some(words.join(" "))
}

fn title_case(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first
            .to_uppercase()
            .chain(chars.flat_map(char::to_lowercase))
            .collect(),
        None => String::new(),
    }
}

fn strip_tags(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_tag = false;
    for c in text.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

fn find_url(paragraphs: &[&str]) -> Option<String> {
    paragraphs.iter().find_map(|p| {
        let first = p.split_whitespace().next()?;
        (first.starts_with("http://") || first.starts_with("https://")).then(|| first.to_owned())
    })
}

/// `"https://www.themoscowtimes.com/..."` → "The Moscow Times".
fn outlet_from_url(url: &str) -> Option<String> {
    let host = url
        .split("://")
        .nth(1)?
        .split(['/', '?', '#', ':'])
        .next()?;
    let labels: Vec<&str> = host.split('.').filter(|l| *l != "www").collect();
    // The registrable name: the label before the public suffix ("co.uk" too).
    let name = match labels.as_slice() {
        [.., name, second, tld] if tld.len() == 2 && second.len() <= 3 => name,
        [.., name, _tld] => name,
        _ => return None,
    };
    let words = segment_words(&name.replace('-', ""))?;
    Some(
        words
            .iter()
            .map(|w| title_case(w))
            .collect::<Vec<_>>()
            .join(" "),
    )
}

/// Generic top-level domains; two-letter country codes count too.
const GENERIC_TLDS: &[&str] = &[
    "com", "org", "net", "gov", "edu", "int", "info", "news", "io", "tv", "co", "biz",
];

/// "nytimes_com_2" → "nytimes.com", "uk_reuters_com" → "uk.reuters.com": a
/// saved page's file name spelling its site, with a copy number at the end.
fn domain_in_file_stem(stem: &str) -> Option<String> {
    let mut labels: Vec<&str> = stem.split(['_', '.']).filter(|l| !l.is_empty()).collect();
    if labels.len() > 2 && labels.last()?.chars().all(|c| c.is_ascii_digit()) {
        labels.pop();
    }
    let last = *labels.last()?;
    let is_tld = |l: &str| {
        GENERIC_TLDS.contains(&l) || (l.len() == 2 && l.chars().all(|c| c.is_ascii_lowercase()))
    };
    let valid = labels.len() >= 2
        && is_tld(last)
        && labels.iter().all(|l| {
            l.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        });
    valid.then(|| labels.join("."))
}

/// "05_daily_ledger.txt" → "Daily Ledger"; "nytimes_com_2.txt" →
/// "nytimes.com"; a name that is not words ("002_6a49b505ca0019d2.txt")
/// stays as it is, without extension.
fn outlet_from_file_name(path: &str) -> String {
    let file = path.rsplit(['/', '\\']).next().unwrap_or(path);
    let stem = file.rsplit_once('.').map_or(file, |(s, _)| s);
    if let Some(domain) = domain_in_file_stem(stem) {
        return domain;
    }
    let trimmed =
        stem.trim_start_matches(|c: char| c.is_ascii_digit() || matches!(c, '_' | '-' | ' '));
    let words: Vec<&str> = trimmed
        .split(['_', '-', ' '])
        .filter(|w| !w.is_empty())
        .collect();
    if !words.is_empty() && words.iter().all(|w| w.chars().all(char::is_alphabetic)) {
        words
            .iter()
            .map(|w| title_case(w))
            .collect::<Vec<_>>()
            .join(" ")
    } else {
        stem.to_owned()
    }
}

/// A date line near the top, else the date of the lede's agency dateline
/// ("OFER PRISON, West Bank, Jan 1 (Reuters) -"); the year from the URL's
/// path when the text gives none. A date in the lede's running text is
/// when something happened, not when the article was published: "In this
/// May 18, 2017 file photo" opened a report of February 2018, "trading at
/// on Nov. 2, before news of the approach broke" one of February.
fn find_date(paragraphs: &[&str], kinds: &[PassageKind], url: Option<&str>) -> Option<String> {
    let header = paragraphs
        .iter()
        .take(8)
        .find(|p| is_date_line(p) || p.starts_with("Posted by "));
    if let Some(header) = header {
        return dated(header, url);
    }
    let lede = paragraphs
        .iter()
        .zip(kinds)
        .find(|(_, k)| **k == PassageKind::Body)
        .map(|(p, _)| *p)?;
    // A dateline opens with a word in capitals: a lede that opens
    // otherwise (most) is not tokenised.
    if !opens_in_capitals(lede) {
        return None;
    }
    let tokens = tokenize(lede);
    let body = dateline_end(lede, &tokens)?;
    dated(&lede[..tokens[body].range.start], url)
}

/// Whether `text` may open with a dateline: its first run of letters has
/// no lower-case letter. (A token never splits a run of letters, so the
/// first token [`dateline_end`] reads either holds this run, which must
/// then be in capitals, or holds no letter and opens no dateline.)
fn opens_in_capitals(text: &str) -> bool {
    text.find(char::is_alphabetic).is_some_and(|at| {
        text[at..]
            .chars()
            .take_while(|c| c.is_alphabetic())
            .all(|c| !c.is_lowercase())
    })
}

/// The first full date (month and day) `text` states, the year from the
/// URL when the text gives none.
fn dated(text: &str, url: Option<&str>) -> Option<String> {
    let mut date = find_dates(text)
        .into_iter()
        .find(|d| d.month.is_some() && d.day.is_some())?;
    if date.year.is_none() {
        date.year = url.and_then(year_in_url);
    }
    date.iso()
}

/// A headline and the "Updated: …" / "Published: …" stamp after it, when
/// the stamp holds a full date.
fn split_stamp(line: &str) -> (&str, Option<&str>) {
    for label in [" Updated:", " Published:", " Last updated:"] {
        if let Some(at) = line.find(label) {
            let stamp = &line[at + 1..];
            let head = line[..at].trim_end();
            let has_date = find_dates(stamp)
                .iter()
                .any(|d| d.month.is_some() && d.day.is_some());
            if has_date && !head.is_empty() {
                return (head, Some(stamp));
            }
        }
    }
    (line, None)
}

fn year_in_url(url: &str) -> Option<u32> {
    url.split('/')
        .find_map(|part| {
            (part.len() == 4)
                .then(|| part.parse::<u32>().ok())
                .flatten()
        })
        .filter(|y| (1990..=2199).contains(y))
}

#[cfg(test)]
mod tests;
