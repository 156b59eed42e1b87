//! Which format a file is in: by `--input-format`, else by its content,
//! else by its extension.

use std::path::Path;

use clap::ValueEnum;

/// The formats crossread reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum InputFormat {
    /// Plain text (or Markdown): one article, offsets into the file.
    Text,
    /// A web page.
    Html,
    /// A web page saved as one MIME archive (`.mhtml`, `.mht`).
    Mhtml,
    /// news-please or trafilatura records: one JSON object, an array of
    /// them, or JSON Lines.
    Json,
    /// RSS, Atom or JSON Feed: each item with full text is an article.
    Feed,
}

impl InputFormat {
    pub fn name(self) -> &'static str {
        match self {
            InputFormat::Text => "text",
            InputFormat::Html => "HTML",
            InputFormat::Mhtml => "MHTML",
            InputFormat::Json => "JSON",
            InputFormat::Feed => "feed",
        }
    }
}

/// File name endings read from folders (case-insensitive).
pub const ARTICLE_EXTENSIONS: &[&str] = &[
    "txt", "md", "text", "html", "htm", "xhtml", "mhtml", "mht", "json", "jsonl", "ndjson", "xml",
    "rss", "atom",
];

pub(crate) fn has_article_extension(path: &Path) -> bool {
    extension(path).is_some_and(|e| ARTICLE_EXTENSIONS.contains(&e.as_str()))
}

/// Whether a file whose name says nothing announces a format crossread
/// reads (a page saved without an extension, a feed named `feed`).
pub(crate) fn sniffs_as_article(path: &Path) -> bool {
    use std::io::Read;
    let mut head = Vec::with_capacity(4096);
    std::fs::File::open(path)
        .and_then(|f| f.take(4096).read_to_end(&mut head))
        .is_ok()
        && sniff(&head).is_some_and(|f| f != InputFormat::Json)
}

/// What a binary file's first bytes say it is, for a message.
pub(crate) fn binary_kind(bytes: &[u8]) -> Option<&'static str> {
    const MAGIC: &[(&[u8], &str)] = &[
        (b"%PDF", "a PDF document"),
        (b"\x89PNG", "a PNG image"),
        (b"\xFF\xD8\xFF", "a JPEG image"),
        (b"GIF8", "a GIF image"),
        (b"PK\x03\x04", "a ZIP archive (or .docx, .epub)"),
        (b"\x1F\x8B", "a gzip archive"),
        (b"RIFF", "a RIFF file (WebP image or audio)"),
        (b"\xD0\xCF\x11\xE0", "an old Office document"),
        (b"\x7FELF", "a program"),
    ];
    MAGIC
        .iter()
        .find(|(m, _)| bytes.starts_with(m))
        .map(|(_, k)| *k)
}

fn extension(path: &Path) -> Option<String> {
    path.extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
}

/// The format of a file: its content decides when it is telling (a page
/// saved as `.txt` is still a page; a `.json` that is a JSON Feed is a
/// feed), its extension otherwise.
pub fn detect(path: &str, bytes: &[u8]) -> InputFormat {
    if let Some(format) = sniff(bytes) {
        return format;
    }
    match extension(Path::new(path)).as_deref() {
        Some("html" | "htm" | "xhtml") => InputFormat::Html,
        Some("mhtml" | "mht") => InputFormat::Mhtml,
        Some("json" | "jsonl" | "ndjson") => InputFormat::Json,
        Some("xml" | "rss" | "atom") => InputFormat::Feed,
        _ => InputFormat::Text,
    }
}

/// The format the first bytes announce, if they announce one.
fn sniff(bytes: &[u8]) -> Option<InputFormat> {
    let head = &bytes[..bytes.len().min(4096)];
    // A UTF-16 or UTF-32 file: sniff its ASCII letters.
    let filtered: Vec<u8>;
    let ascii = if head.contains(&0) {
        filtered = head.iter().copied().filter(|&b| b != 0).collect();
        &filtered[..]
    } else {
        head
    };
    // Every format below announces itself in its first characters: plain
    // text (most files) is told from its first 256 bytes, without decoding
    // or folding its head; the whole head is read only when those may
    // announce a format or hold too little past their blank start.
    let quick = &ascii[..ascii.len().min(256)];
    let start = String::from_utf8_lossy(quick);
    let start = trim_head(&start);
    let conclusive = quick.len() == ascii.len() || start.len() >= 64;
    if conclusive && !announces_a_format(start) {
        return None;
    }
    let text = String::from_utf8_lossy(ascii);
    let text = trim_head(&text);
    if !announces_a_format(text) {
        return None;
    }
    let lower: String = text
        .chars()
        .take(1024)
        .flat_map(char::to_lowercase)
        .collect();
    if lower.starts_with("mime-version:")
        || (lower.starts_with("from:") || lower.starts_with("snapshot-content-location:"))
            && lower.contains("multipart/related")
    {
        return Some(InputFormat::Mhtml);
    }
    if lower.starts_with('{') || lower.starts_with('[') {
        // A JSON Feed names its version; anything else is records.
        return Some(if lower.contains("jsonfeed.org/version") {
            InputFormat::Feed
        } else {
            InputFormat::Json
        });
    }
    let markup = lower.starts_with('<');
    if markup && (lower.contains("<rss") || lower.contains("<feed") || lower.contains("<rdf:rdf")) {
        return Some(InputFormat::Feed);
    }
    if markup
        && (lower.contains("<!doctype html")
            || lower.contains("<html")
            || lower.contains("<head")
            || lower.contains("<body"))
    {
        return Some(InputFormat::Html);
    }
    // Browsers' "saved from" comment comes before the doctype.
    if lower.starts_with("<!-- saved from url=") {
        return Some(InputFormat::Html);
    }
    None
}

/// A head without its byte-order marks, replacement characters and the
/// white space after them.
fn trim_head(text: &str) -> &str {
    text.trim_start_matches(['\u{feff}', '\u{fffd}'])
        .trim_start()
}

/// Whether the (trimmed) head opens as a format other than plain text may.
fn announces_a_format(text: &str) -> bool {
    let opens = |prefix: &str| {
        text.get(..prefix.len())
            .is_some_and(|h| h.eq_ignore_ascii_case(prefix))
    };
    text.starts_with(['<', '{', '['])
        || opens("mime-version:")
        || opens("from:")
        || opens("snapshot-content-location:")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_after_a_long_blank_run_is_still_a_page() {
        // The first 256 bytes are blank: the whole head is read.
        let page = format!("\u{feff}{}<!DOCTYPE html><html><p>x</p>", " \n".repeat(200));
        assert_eq!(detect("a.txt", page.as_bytes()), InputFormat::Html);
        let plain = format!("{}Plain words only.", "\n".repeat(300));
        assert_eq!(detect("a.txt", plain.as_bytes()), InputFormat::Text);
        let record = format!("{}{{\"title\": \"x\"}}", " ".repeat(255));
        assert_eq!(detect("a.txt", record.as_bytes()), InputFormat::Json);
    }

    #[test]
    fn content_decides_before_extension() {
        assert_eq!(
            detect("a.txt", b"<!DOCTYPE html><html><p>x</p>"),
            InputFormat::Html
        );
        assert_eq!(detect("a.html", b"Plain words only."), InputFormat::Html);
        assert_eq!(detect("a.txt", b"Plain words only."), InputFormat::Text);
        assert_eq!(
            detect("feed", b"<?xml version=\"1.0\"?>\n<rss version=\"2.0\">"),
            InputFormat::Feed
        );
        assert_eq!(
            detect(
                "x",
                b"<?xml version='1.0'?><feed xmlns=\"http://www.w3.org/2005/Atom\">"
            ),
            InputFormat::Feed
        );
        assert_eq!(
            detect(
                "x.json",
                b"{\"version\": \"https://jsonfeed.org/version/1.1\"}"
            ),
            InputFormat::Feed
        );
        assert_eq!(
            detect("x", b"{\"title\": \"a\"}\n{\"title\": \"b\"}"),
            InputFormat::Json
        );
        assert_eq!(
            detect("x", b"MIME-Version: 1.0\r\nContent-Type: multipart/related"),
            InputFormat::Mhtml
        );
        assert_eq!(
            detect(
                "x",
                b"<!-- saved from url=(0019)https://example.com/ -->\n<p>"
            ),
            InputFormat::Html
        );
    }

    #[test]
    fn utf16_pages_are_sniffed() {
        let mut bytes = vec![0xFF, 0xFE];
        for u in "<html><body>x</body></html>".encode_utf16() {
            bytes.extend_from_slice(&u.to_le_bytes());
        }
        assert_eq!(detect("a", &bytes), InputFormat::Html);
    }
}
