//! MHTML (`.mhtml`, `.mht`): a page saved by a browser as one MIME archive.
//! The first `text/html` part is the page: decoded from its transfer
//! encoding (quoted-printable, base64) and charset, then read as HTML.

use super::{Diagnostic, LoadedText, html};

/// Reads an MHTML file's page.
pub(crate) fn load(path: &str, bytes: &[u8]) -> Result<LoadedText, Diagnostic> {
    let (headers, body) = split_headers(bytes);
    let snapshot_url = header(&headers, "snapshot-content-location");
    let content_type = header(&headers, "content-type").unwrap_or_default();
    let part = if content_type.to_ascii_lowercase().starts_with("multipart/") {
        let boundary = parameter(&content_type, "boundary")
            .ok_or_else(|| Diagnostic::warning(path, "MHTML without a part boundary, skipped"))?;
        parts(body, &boundary)
            .map(split_headers)
            .find(|(h, _)| {
                header(h, "content-type")
                    .is_some_and(|t| t.to_ascii_lowercase().starts_with("text/html"))
            })
            .ok_or_else(|| Diagnostic::warning(path, "MHTML with no text/html part, skipped"))?
    } else if content_type.to_ascii_lowercase().starts_with("text/html") {
        (headers.clone(), body)
    } else {
        return Err(Diagnostic::warning(
            path,
            "not MHTML (no multipart/related or text/html content), skipped",
        ));
    };
    let (part_headers, part_body) = part;
    let encoding = header(&part_headers, "content-transfer-encoding")
        .unwrap_or_default()
        .to_ascii_lowercase();
    let html_bytes = match encoding.trim() {
        "quoted-printable" => quoted_printable(part_body),
        "base64" => base64(part_body),
        _ => part_body.to_vec(),
    };
    let charset = header(&part_headers, "content-type")
        .and_then(|t| parameter(&t, "charset"))
        .and_then(|c| encoding_rs::Encoding::for_label(c.as_bytes()));
    let url = header(&part_headers, "content-location").or(snapshot_url);
    html::load_page(path, &html_bytes, charset, url.as_deref())
}

/// Unfolded header lines and the body after the first blank line.
fn split_headers(bytes: &[u8]) -> (Vec<(String, String)>, &[u8]) {
    let mut headers: Vec<(String, String)> = Vec::new();
    let mut pos = 0;
    while pos < bytes.len() {
        let end = bytes[pos..]
            .iter()
            .position(|&b| b == b'\n')
            .map_or(bytes.len(), |e| pos + e);
        let line = String::from_utf8_lossy(&bytes[pos..end]);
        let line = line.trim_end_matches('\r');
        pos = (end + 1).min(bytes.len());
        if line.is_empty() {
            if headers.is_empty() {
                continue; // blank lines before the first header
            }
            break;
        }
        if line.starts_with([' ', '\t']) {
            if let Some((_, value)) = headers.last_mut() {
                value.push(' ');
                value.push_str(line.trim());
            }
        } else if let Some((name, value)) = line.split_once(':') {
            headers.push((name.trim().to_ascii_lowercase(), value.trim().to_owned()));
        }
    }
    (headers, &bytes[pos..])
}

fn header(headers: &[(String, String)], name: &str) -> Option<String> {
    headers
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, v)| v.clone())
}

/// `boundary="x"` in `multipart/related; type="text/html"; boundary="x"`.
fn parameter(value: &str, name: &str) -> Option<String> {
    value.split(';').skip(1).find_map(|p| {
        let (key, v) = p.split_once('=')?;
        key.trim()
            .eq_ignore_ascii_case(name)
            .then(|| v.trim().trim_matches('"').to_owned())
    })
}

/// The bodies between `--boundary` lines (the closing `--boundary--` ends).
fn parts<'a>(body: &'a [u8], boundary: &str) -> impl Iterator<Item = &'a [u8]> {
    let marker = format!("--{boundary}").into_bytes();
    let mut starts = Vec::new();
    let mut i = 0;
    while let Some(at) = find(&body[i..], &marker) {
        starts.push(i + at);
        i += at + marker.len();
    }
    let ends: Vec<usize> = starts.iter().skip(1).copied().chain([body.len()]).collect();
    starts
        .into_iter()
        .zip(ends)
        .map(move |(s, e)| &body[(s + marker.len()).min(e)..e])
        .filter(|part| !part.starts_with(b"--"))
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

fn quoted_printable(input: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(input.len());
    let mut i = 0;
    while i < input.len() {
        if input[i] == b'=' {
            match (input.get(i + 1), input.get(i + 2)) {
                (Some(b'\r'), Some(b'\n')) => i += 3,
                (Some(b'\n'), _) => i += 2,
                (Some(&h), Some(&l)) if h.is_ascii_hexdigit() && l.is_ascii_hexdigit() => {
                    out.push(hex(h) << 4 | hex(l));
                    i += 3;
                }
                _ => {
                    out.push(b'=');
                    i += 1;
                }
            }
        } else {
            out.push(input[i]);
            i += 1;
        }
    }
    out
}

fn hex(d: u8) -> u8 {
    (d as char).to_digit(16).unwrap_or(0) as u8
}

fn base64(input: &[u8]) -> Vec<u8> {
    let value = |c: u8| match c {
        b'A'..=b'Z' => Some(c - b'A'),
        b'a'..=b'z' => Some(c - b'a' + 26),
        b'0'..=b'9' => Some(c - b'0' + 52),
        b'+' | b'-' => Some(62),
        b'/' | b'_' => Some(63),
        _ => None,
    };
    let mut out = Vec::with_capacity(input.len() * 3 / 4);
    let (mut acc, mut bits) = (0u32, 0u32);
    for &c in input {
        let Some(v) = value(c) else {
            continue; // white space, padding
        };
        acc = acc << 6 | u32::from(v);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn transfer_encodings() {
        assert_eq!(
            quoted_printable(b"caf=C3=A9 =\r\nau lait=3D"),
            "café au lait=".as_bytes()
        );
        assert_eq!(quoted_printable(b"a=\nb =ZZ"), b"ab =ZZ");
        assert_eq!(
            base64(b"Y2Fmw6kg\r\nYXUgbGFpdA=="),
            "café au lait".as_bytes()
        );
    }

    #[test]
    fn the_html_part_is_read_in_its_charset() {
        let body = "<html><head><title>Caf=E9 fire | Quay Post</title></head><body><article>=\r\n<p>The caf=E9 on the quay burned down on Monday night, and the owner said the =\r\nfire started in the kitchen shortly after closing time, firefighters said.</p>=\r\n<p>Nobody was hurt, but the building is lost, the owner told reporters on Tuesday.</p></article></body></html>";
        let mhtml = format!(
            "MIME-Version: 1.0\r\nSnapshot-Content-Location: https://quay.example/cafe\r\nContent-Type: multipart/related; type=\"text/html\"; boundary=\"B\"\r\n\r\n--B\r\nContent-Type: text/css\r\n\r\nbody{{}}\r\n--B\r\nContent-Type: text/html; charset=\"windows-1252\"\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n{body}\r\n--B--\r\n"
        );
        let t = load("cafe.mhtml", mhtml.as_bytes()).unwrap();
        assert!(
            t.decoded
                .text
                .starts_with("Café fire\n\nThe café on the quay"),
            "{}",
            t.decoded.text
        );
        assert_eq!(t.given.url.as_deref(), Some("https://quay.example/cafe"));
        assert!(t.warnings.is_empty(), "declared, not guessed");
    }

    #[test]
    fn headers_unfold_and_parameters_read() {
        let (h, body) = split_headers(b"Content-Type: multipart/related;\r\n\ttype=\"text/html\";\r\n\tboundary=\"--b\"\r\n\r\nbody");
        let ct = header(&h, "content-type").unwrap();
        assert_eq!(parameter(&ct, "boundary").as_deref(), Some("--b"));
        assert_eq!(parameter(&ct, "type").as_deref(), Some("text/html"));
        assert_eq!(body, b"body");
    }
}
