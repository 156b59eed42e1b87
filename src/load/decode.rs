//! Bytes to text: BOM, invalid UTF-8, binary and empty files.

use std::fmt;

/// Why a file's bytes are not an article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Rejection {
    Empty,
    WhitespaceOnly,
    /// A NUL byte at this offset: a binary file, not text.
    Binary {
        offset: usize,
    },
}

impl fmt::Display for Rejection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Rejection::Empty => write!(f, "empty file, skipped"),
            Rejection::WhitespaceOnly => write!(f, "file holds only white space, skipped"),
            Rejection::Binary { offset } => {
                write!(f, "binary file (NUL byte at offset {offset}), skipped")
            }
        }
    }
}

/// Maps byte offsets in decoded text back to byte offsets in the original
/// file. Valid UTF-8 shifts only by the BOM; each invalid sequence replaced by
/// U+FFFD (3 bytes) adds an anchor where the two sides resynchronise.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OffsetMap {
    /// (decoded offset, original offset), sorted, first at (0, bom length).
    anchors: Vec<(usize, usize)>,
}

impl OffsetMap {
    fn shifted(by: usize) -> Self {
        OffsetMap {
            anchors: vec![(0, by)],
        }
    }

    /// The original offset of decoded offset `pos` (which must lie on a
    /// character boundary outside a replacement character).
    pub fn to_original(&self, pos: usize) -> usize {
        let i = self.anchors.partition_point(|&(d, _)| d <= pos);
        match i.checked_sub(1).and_then(|i| self.anchors.get(i)) {
            Some(&(d, o)) => o + (pos - d),
            None => pos,
        }
    }
}

/// A file's text, ready for cleaning.
#[derive(Debug, Clone)]
pub struct Decoded {
    pub text: String,
    pub offsets: OffsetMap,
    /// Offset in the original file of the first invalid UTF-8 byte, if any.
    pub first_invalid: Option<usize>,
    pub invalid_sequences: usize,
}

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Decodes a file's bytes, or says why they are not an article.
pub fn decode(bytes: &[u8]) -> Result<Decoded, Rejection> {
    if bytes.is_empty() {
        return Err(Rejection::Empty);
    }
    if let Some(offset) = bytes.iter().position(|&b| b == 0) {
        return Err(Rejection::Binary { offset });
    }
    let bom = if bytes.starts_with(BOM) { BOM.len() } else { 0 };
    let body = &bytes[bom..];
    let decoded = match std::str::from_utf8(body) {
        Ok(text) => Decoded {
            text: text.to_owned(),
            offsets: OffsetMap::shifted(bom),
            first_invalid: None,
            invalid_sequences: 0,
        },
        Err(_) => decode_lossy(body, bom),
    };
    if decoded.text.trim().is_empty() {
        return Err(Rejection::WhitespaceOnly);
    }
    Ok(decoded)
}

/// Lossy decoding that records where each replacement happened.
fn decode_lossy(body: &[u8], bom: usize) -> Decoded {
    let mut text = String::with_capacity(body.len() + 16);
    let mut offsets = OffsetMap::shifted(bom);
    let mut first_invalid = None;
    let mut invalid_sequences = 0;
    for chunk in body.utf8_chunks() {
        text.push_str(chunk.valid());
        let bad = chunk.invalid();
        if bad.is_empty() {
            continue;
        }
        let original_at =
            bom + (chunk.valid().as_ptr() as usize - body.as_ptr() as usize) + chunk.valid().len();
        first_invalid.get_or_insert(original_at);
        invalid_sequences += 1;
        text.push(char::REPLACEMENT_CHARACTER);
        // After the replacement character, decoded and original offsets
        // resynchronise at the byte following the invalid sequence.
        offsets.anchors.push((text.len(), original_at + bad.len()));
    }
    Decoded {
        text,
        offsets,
        first_invalid,
        invalid_sequences,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_bom_and_shifts_offsets() {
        let d = decode(b"\xEF\xBB\xBFHello").unwrap();
        assert_eq!(d.text, "Hello");
        assert_eq!(d.offsets.to_original(0), 3);
        assert_eq!(d.offsets.to_original(5), 8);
    }

    #[test]
    fn rejects_empty_whitespace_and_binary() {
        assert_eq!(decode(b"").unwrap_err(), Rejection::Empty);
        assert_eq!(decode(b" \n\t\r\n").unwrap_err(), Rejection::WhitespaceOnly);
        assert_eq!(
            decode(b"PK\x03\x04\x00\x01").unwrap_err(),
            Rejection::Binary { offset: 4 }
        );
    }

    #[test]
    fn lossy_decoding_reports_offset_and_maps_back() {
        let bytes = b"caf\xE9 au lait \xFF\xFEok";
        let d = decode(bytes).unwrap();
        assert_eq!(d.first_invalid, Some(3));
        assert_eq!(d.invalid_sequences, 3);
        assert!(d.text.starts_with("caf\u{FFFD} au lait"));
        let ok = d.text.find("ok").unwrap();
        assert_eq!(&bytes[d.offsets.to_original(ok)..], b"ok");
        let au = d.text.find("au").unwrap();
        assert_eq!(
            &bytes[d.offsets.to_original(au)..d.offsets.to_original(au + 2)],
            b"au"
        );
    }
}
