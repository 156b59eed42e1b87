//! Scraper output: news-please and trafilatura JSON records (one object, an
//! array of objects, or JSON Lines). Each record with text is one article.
//!
//! news-please: `title`, `maintext`, `date_publish`, `source_domain`,
//! `authors` (a list), `url`; it writes the string "None" for missing values.
//! trafilatura: `title`, `text` (or `raw_text`), `date`, `hostname`,
//! `source-hostname` (the site's name), `author`, `source` / `url`.

use serde_json::{Map, Value};

use super::page_meta::{PageMetadata, clean_field, normalise_byline, normalise_date};
use super::{Diagnostic, FileLoad, LoadedText, decode_declared, html::with_headline};

/// Reads every record of a JSON or JSON Lines file.
pub(crate) fn load(path: &str, bytes: &[u8]) -> FileLoad {
    let mut out = FileLoad::default();
    let decoded = match decode_declared(bytes, Some(encoding_rs::UTF_8), false) {
        Ok(d) => d,
        Err(why) => {
            out.diagnostics
                .push(Diagnostic::warning(path, why.to_string()));
            return out;
        }
    };
    let records = match serde_json::from_str::<Value>(&decoded.text) {
        Ok(Value::Array(items)) => items
            .into_iter()
            .enumerate()
            .map(|(i, v)| (i + 1, Ok(v)))
            .collect(),
        Ok(value) => vec![(1, Ok(value))],
        // Not one JSON value: JSON Lines, one record a line.
        Err(whole) => {
            let lines: Vec<_> = decoded
                .text
                .lines()
                .enumerate()
                .filter(|(_, l)| !l.trim().is_empty())
                .map(|(i, l)| (i + 1, serde_json::from_str::<Value>(l)))
                .collect();
            if lines.iter().all(|(_, r)| r.is_err()) {
                out.diagnostics.push(Diagnostic::warning(
                    path,
                    format!("not JSON ({whole}), skipped"),
                ));
                return out;
            }
            lines
        }
    };
    // How the bytes were read: the same for every article of the file.
    let warnings = decoded.warnings();
    let several = records.len() > 1;
    let mut other_shape = 0;
    for (number, record) in records {
        let name = if several {
            format!("{path}#{number}")
        } else {
            path.to_owned()
        };
        match record {
            Err(e) => out.diagnostics.push(Diagnostic::warning(
                &name,
                format!("line {number} is not JSON ({e}), skipped"),
            )),
            Ok(Value::Object(fields)) => match article(&fields) {
                Some((text, given)) => {
                    out.texts
                        .push(LoadedText::extracted(name, text, given, warnings.clone()))
                }
                None => other_shape += 1,
            },
            Ok(_) => other_shape += 1,
        }
    }
    if other_shape > 0 {
        let what = if several {
            format!(
                "{other_shape} record{} with",
                if other_shape == 1 { "" } else { "s" }
            )
        } else {
            "JSON with".to_owned()
        };
        out.diagnostics.push(Diagnostic::warning(
            path,
            format!(
                "{what}out article text, skipped (crossread reads news-please records with \"maintext\" and trafilatura records with \"text\")"
            ),
        ));
    }
    out
}

/// A record's text (headline first, a paragraph a line) and metadata, if it
/// holds any text.
fn article(fields: &Map<String, Value>) -> Option<(String, PageMetadata)> {
    let field = |names: &[&str]| {
        names
            .iter()
            .find_map(|n| clean_field(fields.get(*n)?.as_str()))
    };
    // The raw value, not clean_field's folded one: its lines are paragraphs.
    let body = ["maintext", "text", "raw_text"].iter().find_map(|n| {
        fields
            .get(*n)?
            .as_str()
            .filter(|s| clean_field(Some(s)).is_some())
    })?;
    let paragraphs: Vec<&str> = body
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    let title = field(&["title"]);
    let byline = match fields.get("authors") {
        Some(Value::Array(names)) => {
            let names: Vec<String> = names
                .iter()
                .filter_map(|n| clean_field(n.as_str()))
                .collect();
            (!names.is_empty()).then(|| names.join(", "))
        }
        _ => field(&["author", "authors"]),
    };
    let given = PageMetadata {
        outlet: field(&["source-hostname", "sitename", "source_domain", "hostname"])
            .map(|o| o.strip_prefix("www.").map(str::to_owned).unwrap_or(o)),
        byline: byline.as_deref().and_then(normalise_byline),
        date: field(&["date_publish", "date", "date_published"])
            .as_deref()
            .and_then(normalise_date),
        url: field(&["url", "source"]).filter(|u| u.starts_with("http")),
        title,
    }
    .with_host_outlet();
    let text = with_headline(given.title.as_deref(), &paragraphs.join("\n\n"));
    Some((text, given))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn news_please_record() {
        let json = br#"{"authors": ["Jane Doe"], "date_download": "2024-10-04 08:00:00", "date_publish": "2024-10-03 22:15:00", "description": "None", "language": "en", "maintext": "First paragraph here.\nSecond paragraph here.", "source_domain": "www.harbour-herald.example", "title": "Tram overturns", "url": "https://www.harbour-herald.example/tram"}"#;
        let out = load("np.json", json);
        assert!(out.diagnostics.is_empty(), "{:?}", out.diagnostics);
        let t = &out.texts[0];
        assert_eq!(t.path, "np.json");
        assert_eq!(
            t.decoded.text,
            "Tram overturns\n\nFirst paragraph here.\n\nSecond paragraph here."
        );
        assert_eq!(t.given.date.as_deref(), Some("2024-10-03"));
        assert_eq!(t.given.outlet.as_deref(), Some("harbour-herald.example"));
        assert_eq!(t.given.byline.as_deref(), Some("Jane Doe"));
        assert_eq!(t.origin, crate::model::TextOrigin::Extracted);
    }

    #[test]
    fn trafilatura_json_lines_with_a_bad_line() {
        let lines = concat!(
            r#"{"title": "A", "text": "Body a.", "date": "2024-10-03", "hostname": "a.example", "source-hostname": "The A Times", "author": "By Jo Bloggs", "source": "https://a.example/x"}"#,
            "\n{broken\n",
            r#"{"title": "B", "text": "Body b.", "date": "None"}"#,
            "\n",
            r#"{"headline": "no text here"}"#,
            "\n"
        );
        let out = load("t.jsonl", lines.as_bytes());
        assert_eq!(out.texts.len(), 2);
        assert_eq!(out.texts[0].path, "t.jsonl#1");
        assert_eq!(out.texts[0].given.outlet.as_deref(), Some("The A Times"));
        assert_eq!(out.texts[0].given.byline.as_deref(), Some("Jo Bloggs"));
        assert_eq!(out.texts[1].path, "t.jsonl#3");
        assert_eq!(out.texts[1].given.date, None);
        let messages: Vec<String> = out.diagnostics.iter().map(ToString::to_string).collect();
        assert_eq!(messages.len(), 2, "{messages:?}");
        assert!(messages[0].contains("t.jsonl#2") && messages[0].contains("not JSON"));
        assert!(
            messages[1].contains("1 record without article text"),
            "{messages:?}"
        );
    }

    #[test]
    fn other_json_is_named() {
        let out = load("package.json", br#"{"name": "x", "version": "1.0"}"#);
        assert!(out.texts.is_empty());
        assert!(
            out.diagnostics[0]
                .to_string()
                .contains("package.json: JSON without article text")
        );
        let out = load("bad.json", b"{ not json");
        assert!(out.diagnostics[0].to_string().contains("not JSON"));
    }
}
