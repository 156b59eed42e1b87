//! Web pages: the article's text and the page's own metadata.
//!
//! Main-content extraction is dom_smoothie (a port of Mozilla's
//! Readability.js over html5ever) in its formatted text mode, which keeps
//! paragraphs apart. Metadata comes from the page's tags, never invented.

use dom_query::Document;
use dom_smoothie::{Config, Readability, TextMode};

use encoding_rs::Encoding;

use super::page_meta::{
    PageMetadata, clean_field, host_of, normalise_byline, normalise_date, strip_title_tail,
};
use super::{Diagnostic, LoadedText, decode_declared};

/// Reads a page's bytes: decoded by its BOM, the charset its container
/// declares (`declared`), its `<meta charset>`, UTF-8 or a guess; then its
/// article extracted.
pub(crate) fn load_page(
    path: &str,
    bytes: &[u8],
    declared: Option<&'static Encoding>,
    url: Option<&str>,
) -> Result<LoadedText, Diagnostic> {
    let declared = declared.or_else(|| meta_charset(bytes));
    let decoded = decode_declared(bytes, declared, false)
        .map_err(|why| Diagnostic::warning(path, why.to_string()))?;
    let warnings = decoded.warnings();
    let Extracted { text, meta } =
        extract(&decoded.text, url).map_err(|why| Diagnostic::warning(path, why))?;
    Ok(LoadedText::extracted(path.to_owned(), text, meta, warnings))
}

/// The charset a `<meta>` tag in the first 4 KB declares. As in browsers, a
/// declared UTF-16 means UTF-8 (a page that was UTF-16 had a BOM).
fn meta_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]).to_ascii_lowercase();
    for (at, _) in head.match_indices("<meta") {
        let tag = &head[at..];
        let tag = &tag[..tag.find('>').unwrap_or(tag.len())];
        let Some(c) = tag.find("charset=") else {
            continue;
        };
        let value = tag[c + "charset=".len()..].trim_start_matches(['"', '\'', ' ']);
        let end = value
            .find(['"', '\'', ' ', ';', '/', '>'])
            .unwrap_or(value.len());
        if let Some(enc) = Encoding::for_label(&value.as_bytes()[..end]) {
            let utf16 = enc == encoding_rs::UTF_16LE || enc == encoding_rs::UTF_16BE;
            return Some(if utf16 { encoding_rs::UTF_8 } else { enc });
        }
    }
    None
}

/// An article read out of a richer format.
#[derive(Debug, Clone)]
pub struct Extracted {
    /// The headline (when known) as the first paragraph, then the body's
    /// paragraphs, separated by blank lines.
    pub text: String,
    pub meta: PageMetadata,
}

/// Pages with more element nodes than this are not scored: a 50 MB page or
/// a pathological tree costs seconds and holds no article Readability can
/// find. (Typical news pages have 1,000–5,000.)
const MAX_ELEMENTS: usize = 200_000;

/// A page whose main text is shorter than this is a menu, an index or an
/// error page: no news article is two sentences long.
const MIN_ARTICLE_WORDS: usize = 25;

/// Pages nested deeper than this are refused before parsing: tree walks
/// would exhaust the stack. Real pages nest a few dozen deep.
const MAX_DEPTH: usize = 2_000;

/// Extracts the article of an HTML page. `url` is a URL known from outside
/// the page (MHTML's Snapshot-Content-Location); the page's own canonical
/// link wins over it.
pub fn extract(html: &str, url: Option<&str>) -> Result<Extracted, String> {
    let (depth, elements) = shape(html);
    if elements > MAX_ELEMENTS {
        return Err(format!(
            "HTML with over {MAX_ELEMENTS} elements ({elements}): not an article page, skipped"
        ));
    }
    if depth > MAX_DEPTH {
        return Err(format!(
            "HTML nested more than {MAX_DEPTH} elements deep: not a readable page, skipped"
        ));
    }
    let doc = Document::from(html);
    let page_url = page_url(&doc, html).or_else(|| url.map(str::to_owned));
    let og = |property: &str| {
        clean_field(
            doc.select(&format!(
                "meta[property=\"{property}\"], meta[name=\"{property}\"]"
            ))
            .first()
            .attr("content")
            .as_deref(),
        )
    };
    let site_name = og("og:site_name");
    let og_title = og("og:title");
    let html_title = clean_field(Some(&doc.select("title").first().text()));
    let h1 = clean_field(Some(&doc.select("h1").first().text()));
    let published = og("article:published_time");

    let config = Config {
        text_mode: TextMode::Formatted,
        max_elements_to_parse: MAX_ELEMENTS,
        ..Config::default()
    };
    let mut readability = Readability::with_document(doc, None, Some(config))
        .map_err(|e| format!("cannot read the page: {e}"))?;
    let article = readability
        .parse()
        .map_err(|e| format!("no article found in the page ({e}), skipped"))?;

    let host = page_url.as_deref().and_then(host_of);
    let title = [og_title, html_title, h1, clean_field(Some(&article.title))]
        .into_iter()
        .flatten()
        .next()
        .map(|t| strip_title_tail(&t, site_name.as_deref(), host.as_deref()));
    let date = published
        .or_else(|| article.published_time.clone())
        .as_deref()
        .and_then(normalise_date);
    let meta = PageMetadata {
        title,
        outlet: site_name.or_else(|| clean_field(article.site_name.as_deref())),
        byline: article.byline.as_deref().and_then(normalise_byline),
        date,
        url: page_url,
    }
    .with_host_outlet();
    // The cleaned article HTML, not dom_smoothie's text: its formatted text
    // runs a figure's caption and a time stamp into the first paragraph.
    let body = fragment_text(&article.content);
    let words = body.split_whitespace().count();
    if words < MIN_ARTICLE_WORDS {
        return Err(format!(
            "no article found in the page (its main text has {words} word{}), skipped",
            if words == 1 { "" } else { "s" }
        ));
    }
    Ok(Extracted {
        text: with_headline(meta.title.as_deref(), &body),
        meta,
    })
}

/// The page's address: its canonical link, og:url, or the comment browsers
/// write when saving (`<!-- saved from url=(0042)https://… -->`).
fn page_url(doc: &Document, html: &str) -> Option<String> {
    let absolute =
        |u: Option<String>| u.filter(|u| u.starts_with("http://") || u.starts_with("https://"));
    absolute(clean_field(
        doc.select("link[rel=\"canonical\"]")
            .first()
            .attr("href")
            .as_deref(),
    ))
    .or_else(|| {
        absolute(clean_field(
            doc.select("meta[property=\"og:url\"]")
                .first()
                .attr("content")
                .as_deref(),
        ))
    })
    .or_else(|| absolute(saved_from(html)))
}

fn saved_from(html: &str) -> Option<String> {
    let head = &html[..html.len().min(4096)];
    let at = head.find("saved from url=")? + "saved from url=".len();
    let rest = &head[at..];
    // "(0042)" gives the URL's length; the URL runs to the end of the comment.
    let rest = rest
        .strip_prefix('(')
        .and_then(|r| r.split_once(')'))
        .map_or(rest, |(_, r)| r);
    clean_field(rest.split("-->").next().map(str::trim))
}

/// Formatted text as paragraphs separated by one blank line, white space
/// inside each folded (a `<br>` inside a paragraph is not a new paragraph).
fn paragraphs_of(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for para in text.split("\n\n") {
        let mut words = para.split_whitespace().peekable();
        if words.peek().is_none() {
            continue;
        }
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        for (i, word) in words.enumerate() {
            if i > 0 {
                out.push(' ');
            }
            out.push_str(word);
        }
    }
    out
}

/// The text of an HTML fragment (a feed item's content), a paragraph per
/// block element.
pub(crate) fn fragment_text(fragment: &str) -> String {
    // Block-level elements: a paragraph ends at each one's start and end tag.
    const BLOCKS: &[&str] = &[
        "p",
        "br",
        "div",
        "li",
        "ul",
        "ol",
        "dl",
        "dt",
        "dd",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "blockquote",
        "tr",
        "td",
        "th",
        "table",
        "figure",
        "figcaption",
        "pre",
        "section",
        "article",
        "header",
        "footer",
        "aside",
        "hr",
        "address",
        "details",
        "summary",
    ];
    let mut marked = String::with_capacity(fragment.len() + 64);
    let lower = fragment.to_ascii_lowercase();
    let mut last = 0;
    for (at, _) in lower.match_indices('<') {
        let rest = &lower[at + 1..];
        let rest = rest.strip_prefix('/').unwrap_or(rest);
        let is_block = BLOCKS.iter().any(|b| {
            rest.starts_with(b) && rest[b.len()..].starts_with(|c: char| !c.is_ascii_alphanumeric())
        });
        if is_block {
            marked.push_str(&fragment[last..at]);
            marked.push_str("\n\n");
            last = at;
        }
    }
    marked.push_str(&fragment[last..]);
    let doc = Document::from(format!("<html><body>{marked}</body></html>"));
    doc.select("script, style, noscript").remove();
    paragraphs_of(&doc.select("body").text())
}

/// The headline as the first paragraph, unless the body already opens
/// with it.
pub(crate) fn with_headline(title: Option<&str>, body: &str) -> String {
    match title {
        Some(t) if !body.trim_start().starts_with(t) => format!("{t}\n\n{body}"),
        _ => body.to_owned(),
    }
}

/// The deepest nesting of start tags and the number of start tags,
/// estimated without parsing: `<x` opens and `</` or `/>` closes; elements
/// that need no end tag (`<br>`, `<p>`) do not nest.
fn shape(html: &str) -> (usize, usize) {
    let bytes = html.as_bytes();
    let (mut depth, mut deepest, mut elements) = (0usize, 0usize, 0usize);
    for i in positions_of(b'<', bytes) {
        match bytes.get(i + 1) {
            Some(b'/') => depth = depth.saturating_sub(1),
            Some(c) if c.is_ascii_alphabetic() => {
                elements += 1;
                let window = &bytes[i..bytes.len().min(i + 2048)];
                let end = window.iter().position(|&b| b == b'>').map(|e| i + e);
                let void =
                    end.is_some_and(|e| e > 0 && bytes[e - 1] == b'/') || is_void(&bytes[i + 1..]);
                if !void {
                    depth += 1;
                    deepest = deepest.max(depth);
                }
            }
            _ => {}
        }
    }
    (deepest, elements)
}

fn positions_of(needle: u8, bytes: &[u8]) -> impl Iterator<Item = usize> + '_ {
    bytes
        .iter()
        .enumerate()
        .filter(move |&(_, &b)| b == needle)
        .map(|(i, _)| i)
}

const VOID_ELEMENTS: &[&[u8]] = &[
    b"area", b"base", b"br", b"col", b"embed", b"hr", b"img", b"input", b"link", b"meta",
    b"source", b"track", b"wbr", b"p", b"li", b"option",
];

/// Elements that need no end tag (`p` and `li` often go unclosed).
fn is_void(tag: &[u8]) -> bool {
    VOID_ELEMENTS.iter().any(|v| {
        tag.len() > v.len()
            && tag[..v.len()].eq_ignore_ascii_case(v)
            && !tag[v.len()].is_ascii_alphanumeric()
    })
}

#[cfg(test)]
mod tests;
