//! Feeds: RSS (0.9x, 1.0, 2.0), Atom and JSON Feed. Each item that carries
//! its full text (`content:encoded`, Atom `content`, JSON Feed
//! `content_html` / `content_text`) is an article; summaries are not.
//!
//! Read with quick-xml rather than a feed crate because dates must stay as
//! the feed wrote them (a feed crate hands back UTC, which moves evening
//! stories to the next day).

use quick_xml::Reader;
use quick_xml::escape::resolve_predefined_entity;
use quick_xml::events::Event;
use serde_json::Value;

use super::html::{fragment_text, with_headline};
use super::page_meta::{PageMetadata, clean_field, normalise_byline, normalise_date};
use super::{Diagnostic, FileLoad, LoadedText, decode_declared};

/// One item's fields as the feed gives them.
#[derive(Debug, Default)]
struct Item {
    title: Option<String>,
    link: Option<String>,
    date: Option<String>,
    author: Option<String>,
    /// Full text, HTML (or plain text for JSON Feed's `content_text`).
    /// A description or summary is no article and is not kept.
    content: Option<String>,
}

/// Reads every item with full text.
pub(crate) fn load(path: &str, bytes: &[u8]) -> FileLoad {
    let mut out = FileLoad::default();
    let decoded = match decode_declared(bytes, None, false) {
        Ok(d) => d,
        Err(why) => {
            out.diagnostics
                .push(Diagnostic::warning(path, why.to_string()));
            return out;
        }
    };
    let text = decoded.text.trim_start();
    let parsed = if text.starts_with('{') {
        json_feed(text)
    } else {
        xml_feed(text)
    };
    let (channel, items) = match parsed {
        Ok(feed) => feed,
        Err(why) => {
            out.diagnostics.push(Diagnostic::warning(
                path,
                format!("not a readable feed ({why}), skipped"),
            ));
            return out;
        }
    };
    if items.is_empty() {
        out.diagnostics
            .push(Diagnostic::warning(path, "feed with no items, skipped"));
        return out;
    }
    // How the bytes were read: the same for every article of the file.
    let warnings = decoded.warnings();
    let summaries = items.iter().filter(|i| i.content.is_none()).count();
    for (n, item) in items.iter().enumerate() {
        let Some(content) = &item.content else {
            continue;
        };
        let body = fragment_text(content);
        if body.is_empty() {
            continue;
        }
        let given = PageMetadata {
            title: clean_field(item.title.as_deref()),
            outlet: channel.clone(),
            byline: item.author.as_deref().and_then(normalise_byline),
            date: item.date.as_deref().and_then(normalise_date),
            url: clean_field(item.link.as_deref()).filter(|u| u.starts_with("http")),
        }
        .with_host_outlet();
        let text = with_headline(given.title.as_deref(), &body);
        out.texts.push(LoadedText::extracted(
            format!("{path}#{}", n + 1),
            text,
            given,
            warnings.clone(),
        ));
    }
    if summaries == items.len() {
        out.diagnostics.push(Diagnostic::warning(
            path,
            format!(
                "feed of summaries only ({} item{} without full text), skipped: save the articles themselves",
                items.len(),
                if items.len() == 1 { "" } else { "s" }
            ),
        ));
    } else if summaries > 0 {
        out.diagnostics.push(Diagnostic::note(
            path,
            format!("{summaries} item(s) with only a summary, skipped"),
        ));
    }
    out
}

/// The channel's title and the items of an RSS, RDF or Atom document.
fn xml_feed(text: &str) -> Result<(Option<String>, Vec<Item>), String> {
    let mut reader = Reader::from_str(text);
    reader.config_mut().check_end_names = false;
    let mut stack: Vec<String> = Vec::new();
    let mut items = Vec::new();
    let mut current: Option<Item> = None;
    // (the item-level field being read, its depth, the text so far)
    let mut field: Option<(String, usize, String)> = None;
    let mut channel_title: Option<String> = None;
    let mut channel_text: Option<String> = None;
    let mut saw_feed = false;
    loop {
        let event = reader
            .read_event()
            .map_err(|e| format!("XML error at byte {}: {e}", reader.error_position()))?;
        match event {
            Event::Start(e) => {
                let name = local(e.local_name().as_ref().as_bytes());
                saw_feed |= matches!(name.as_str(), "rss" | "feed" | "rdf" | "channel");
                if matches!(name.as_str(), "item" | "entry") {
                    current = Some(Item::default());
                } else if current.is_some() && field.is_none() {
                    if name == "link" {
                        set_link(current.as_mut(), &e);
                    }
                    field = Some((name.clone(), stack.len() + 1, String::new()));
                } else if current.is_none() && name == "title" && channel_title.is_none() {
                    channel_text = Some(String::new());
                }
                stack.push(name);
            }
            Event::Empty(e)
                if local(e.local_name().as_ref().as_bytes()) == "link" && field.is_none() =>
            {
                set_link(current.as_mut(), &e);
            }
            Event::Text(t) => push_text(&mut field, &mut channel_text, &t.xml10_content()),
            Event::CData(t) => push_text(&mut field, &mut channel_text, &t.into_inner()),
            Event::GeneralRef(r) => {
                let resolved = match r.resolve_char_ref() {
                    Ok(Some(c)) => c.to_string(),
                    _ => resolve_predefined_entity(&r)
                        .map_or_else(|| format!("&{};", &*r), str::to_owned),
                };
                push_text(&mut field, &mut channel_text, &resolved);
            }
            Event::End(_) => {
                let depth = stack.len();
                let name = stack.pop().unwrap_or_default();
                if let Some((fname, fdepth, _)) = &field
                    && *fdepth == depth
                    && *fname == name
                {
                    let (fname, _, value) = field.take().unwrap_or_default();
                    if let Some(item) = current.as_mut() {
                        store(item, &fname, value);
                    }
                } else if matches!(name.as_str(), "item" | "entry") {
                    items.extend(current.take());
                } else if name == "title" && current.is_none() {
                    channel_title =
                        channel_title.or_else(|| clean_field(channel_text.take().as_deref()));
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if !saw_feed {
        return Err("no <rss>, <feed> or <rdf:RDF> element".to_owned());
    }
    Ok((channel_title, items))
}

fn local(name: &[u8]) -> String {
    String::from_utf8_lossy(name).to_ascii_lowercase()
}

fn push_text(
    field: &mut Option<(String, usize, String)>,
    channel: &mut Option<String>,
    text: &str,
) {
    if let Some((_, _, value)) = field {
        value.push_str(text);
    } else if let Some(value) = channel {
        value.push_str(text);
    }
}

/// Atom's `<link rel="alternate" href="…"/>` (rel absent means alternate).
fn set_link(item: Option<&mut Item>, e: &quick_xml::events::BytesStart<'_>) {
    let Some(item) = item else { return };
    let attr = |name: &str| {
        e.try_get_attribute(name).ok().flatten().and_then(|a| {
            a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .ok()
                .map(|v| v.into_owned())
        })
    };
    if let Some(href) = attr("href")
        && attr("rel").is_none_or(|r| r == "alternate")
        && item.link.is_none()
    {
        item.link = Some(href);
    }
}

fn store(item: &mut Item, field: &str, value: String) {
    let slot = match field {
        "title" => &mut item.title,
        "link" | "guid" if item.link.is_none() && value.trim().starts_with("http") => {
            &mut item.link
        }
        "pubdate" | "published" | "date" | "issued" => &mut item.date,
        "updated" | "modified" if item.date.is_none() => &mut item.date,
        "creator" | "author" => &mut item.author,
        "encoded" | "content" => &mut item.content,
        _ => return,
    };
    if slot.is_none() && !value.trim().is_empty() {
        *slot = Some(value.trim().to_owned());
    }
}

/// A JSON Feed (jsonfeed.org, versions 1 and 1.1).
fn json_feed(text: &str) -> Result<(Option<String>, Vec<Item>), String> {
    let feed: Value = serde_json::from_str(text).map_err(|e| format!("JSON error: {e}"))?;
    let str_of = |v: &Value, k: &str| v.get(k).and_then(Value::as_str).map(str::to_owned);
    let items = feed
        .get("items")
        .and_then(Value::as_array)
        .ok_or("a JSON Feed without \"items\"")?;
    let items = items
        .iter()
        .map(|i| {
            let author = i
                .get("authors")
                .and_then(Value::as_array)
                .and_then(|a| a.first())
                .or_else(|| i.get("author"))
                .and_then(|a| str_of(a, "name"));
            Item {
                title: str_of(i, "title"),
                link: str_of(i, "url"),
                date: str_of(i, "date_published"),
                author,
                content: str_of(i, "content_html").or_else(|| {
                    str_of(i, "content_text").map(|t| {
                        t.split("\n\n")
                            .map(|p| format!("<p>{}</p>", quick_xml::escape::escape(p)))
                            .collect()
                    })
                }),
            }
        })
        .collect();
    Ok((str_of(&feed, "title"), items))
}

#[cfg(test)]
mod tests;
