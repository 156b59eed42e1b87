//! Bytes to text: byte-order marks, declared and detected encodings, invalid
//! UTF-8, binary and empty files.
//!
//! The order is the one browsers use: a BOM wins; then a charset the
//! container declares (an MHTML part, a page's `<meta charset>`); then valid
//! UTF-8; then a guess from the bytes (chardetng). A NUL byte means binary
//! only when no BOM says UTF-16 or UTF-32, where NULs are ordinary.

use std::fmt;

use encoding_rs::Encoding;

/// Why a file's bytes are not an article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Rejection {
    Empty,
    WhitespaceOnly,
    /// A NUL byte at this offset: a binary file, not text; what its first
    /// bytes say it is, when they say.
    Binary {
        offset: usize,
        kind: Option<&'static str>,
    },
}

impl fmt::Display for Rejection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Rejection::Empty => write!(f, "empty file, skipped"),
            Rejection::WhitespaceOnly => write!(f, "file holds only white space, skipped"),
            Rejection::Binary { offset, kind: None } => {
                write!(f, "binary file (NUL byte at offset {offset}), skipped")
            }
            Rejection::Binary {
                offset,
                kind: Some(kind),
            } => write!(
                f,
                "binary file ({kind}: NUL byte at offset {offset}), not an article, skipped"
            ),
        }
    }
}

/// Maps byte offsets in decoded text back to byte offsets in the original
/// file. Valid UTF-8 shifts only by the BOM; each invalid sequence replaced by
/// U+FFFD (3 bytes) adds an anchor where the two sides resynchronise; text in
/// another encoding adds one wherever a character's width differs.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OffsetMap {
    /// (decoded offset, original offset), sorted, first at (0, bom length).
    anchors: Vec<(usize, usize)>,
}

impl OffsetMap {
    pub(crate) fn shifted(by: usize) -> Self {
        OffsetMap {
            anchors: vec![(0, by)],
        }
    }

    /// Records that decoded offset `decoded` is original offset `original`,
    /// unless the last anchor already implies it.
    fn anchor(&mut self, decoded: usize, original: usize) {
        if self.to_original(decoded) != original {
            self.anchors.push((decoded, original));
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
    /// The encoding read, when it was not UTF-8, and whether it was guessed
    /// rather than declared (by a BOM or a charset).
    pub encoding: Option<(&'static str, bool)>,
}

impl Decoded {
    /// What the user should know about how the bytes were read.
    pub fn warnings(&self) -> Vec<String> {
        let mut warnings = Vec::new();
        if let Some(offset) = self.first_invalid {
            warnings.push(format!(
                "invalid UTF-8 at byte offset {offset} ({} sequence{} replaced with U+FFFD)",
                self.invalid_sequences,
                if self.invalid_sequences == 1 { "" } else { "s" }
            ));
        }
        if let Some((name, true)) = self.encoding {
            warnings.push(format!(
                "not UTF-8 and no charset declared: read as {name} (a guess from its bytes)"
            ));
        }
        warnings
    }
}

const BOMS: &[(&[u8], Bom)] = &[
    (b"\xFF\xFE\x00\x00", Bom::Utf32 { big_endian: false }),
    (b"\x00\x00\xFE\xFF", Bom::Utf32 { big_endian: true }),
    (b"\xEF\xBB\xBF", Bom::Other(encoding_rs::UTF_8)),
    (b"\xFF\xFE", Bom::Other(encoding_rs::UTF_16LE)),
    (b"\xFE\xFF", Bom::Other(encoding_rs::UTF_16BE)),
];

#[derive(Clone, Copy)]
enum Bom {
    /// encoding_rs does not read UTF-32 (no browser does): decoded here.
    Utf32 {
        big_endian: bool,
    },
    Other(&'static Encoding),
}

/// Decodes a file's bytes, or says why they are not an article. `declared`
/// is a charset the container names (MHTML part header, `<meta charset>`);
/// `map_offsets` asks for an offset map back to the bytes (text files keep
/// one; extracted formats index their extracted text instead).
pub fn decode_declared(
    bytes: &[u8],
    declared: Option<&'static Encoding>,
    map_offsets: bool,
) -> Result<Decoded, Rejection> {
    if bytes.is_empty() {
        return Err(Rejection::Empty);
    }
    let bom = BOMS.iter().find(|(mark, _)| bytes.starts_with(mark));
    let decoded = match bom {
        Some(&(mark, Bom::Utf32 { big_endian })) => decode_utf32(bytes, mark.len(), big_endian),
        Some(&(mark, Bom::Other(enc))) if enc == encoding_rs::UTF_8 => {
            decode_utf8(&bytes[mark.len()..], mark.len())
        }
        Some(&(mark, Bom::Other(enc))) => {
            decode_as(enc, &bytes[mark.len()..], mark.len(), map_offsets, false)
        }
        None => {
            // `contains` searches a word at a time; most files hold no NUL.
            if bytes.contains(&0) {
                let offset = bytes.iter().position(|&b| b == 0).unwrap_or(0);
                let kind = super::formats::binary_kind(bytes);
                return Err(Rejection::Binary { offset, kind });
            }
            match declared {
                Some(enc) if enc != encoding_rs::UTF_8 && !is_ascii_compatible_utf8(bytes, enc) => {
                    decode_as(enc, bytes, 0, map_offsets, false)
                }
                _ => match std::str::from_utf8(bytes) {
                    Ok(text) => Decoded {
                        text: text.to_owned(),
                        offsets: OffsetMap::shifted(0),
                        first_invalid: None,
                        invalid_sequences: 0,
                        encoding: None,
                    },
                    Err(_) if declared == Some(encoding_rs::UTF_8) => decode_utf8(bytes, 0),
                    Err(_) => decode_guessed(bytes, map_offsets),
                },
            }
        }
    };
    not_blank(decoded)
}

fn not_blank(decoded: Decoded) -> Result<Decoded, Rejection> {
    if decoded.text.trim().is_empty() {
        return Err(Rejection::WhitespaceOnly);
    }
    Ok(decoded)
}

/// [`decode`] of bytes the caller gives up: a file that is UTF-8 as it
/// stands (most are) becomes the text without a copy, which at 10,000
/// articles is a copy of the whole corpus and its page faults saved.
pub(crate) fn decode_owned(bytes: Vec<u8>) -> Result<Decoded, Rejection> {
    let plain = !bytes.is_empty()
        && !BOMS.iter().any(|(mark, _)| bytes.starts_with(mark))
        && !bytes.contains(&0);
    if !plain {
        return decode(&bytes);
    }
    match String::from_utf8(bytes) {
        Ok(text) => not_blank(Decoded {
            text,
            offsets: OffsetMap::shifted(0),
            first_invalid: None,
            invalid_sequences: 0,
            encoding: None,
        }),
        Err(err) => decode(err.as_bytes()),
    }
}

/// Decodes a text file's bytes, keeping the map back to them.
pub fn decode(bytes: &[u8]) -> Result<Decoded, Rejection> {
    decode_declared(bytes, None, true)
}

/// Pages often declare a legacy charset while being pure ASCII; decoding
/// them as declared is the same, but faster and with no map to keep.
fn is_ascii_compatible_utf8(bytes: &[u8], enc: &'static Encoding) -> bool {
    enc.is_ascii_compatible() && bytes.is_ascii()
}

/// UTF-8, invalid sequences replaced with U+FFFD, each replacement recorded.
fn decode_utf8(body: &[u8], bom: usize) -> Decoded {
    if let Ok(text) = std::str::from_utf8(body) {
        return Decoded {
            text: text.to_owned(),
            offsets: OffsetMap::shifted(bom),
            first_invalid: None,
            invalid_sequences: 0,
            encoding: None,
        };
    }
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
        encoding: None,
    }
}

/// Bytes that are not valid UTF-8 and name no charset. Text whose valid
/// multi-byte UTF-8 characters outnumber its invalid sequences is UTF-8 with
/// a few bad bytes: read lossily, each replacement reported. Otherwise
/// chardetng guesses the legacy encoding (it never guesses UTF-8 for bytes
/// that are not valid UTF-8).
fn decode_guessed(bytes: &[u8], map_offsets: bool) -> Decoded {
    let (mut multibyte, mut invalid) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        multibyte += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        invalid += usize::from(!chunk.invalid().is_empty());
    }
    if multibyte > invalid {
        return decode_utf8(bytes, 0);
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let guess = detector.guess(None, chardetng::Utf8Detection::Deny);
    decode_as(guess, bytes, 0, map_offsets, true)
}

/// Decodes with encoding_rs. With `map_offsets`, feeds the decoder a byte
/// at a time so that each character's original position is known.
fn decode_as(
    enc: &'static Encoding,
    body: &[u8],
    bom: usize,
    map_offsets: bool,
    guessed: bool,
) -> Decoded {
    let encoding = Some((enc.name(), guessed));
    if !map_offsets {
        let (text, _) = enc.decode_without_bom_handling(body);
        return Decoded {
            text: text.into_owned(),
            offsets: OffsetMap::shifted(bom),
            first_invalid: None,
            invalid_sequences: 0,
            encoding,
        };
    }
    let mut decoder = enc.new_decoder_without_bom_handling();
    let mut text = String::with_capacity(body.len() * 2);
    let mut offsets = OffsetMap::shifted(bom);
    // The original offset where the characters not yet produced begin.
    let mut pending_from = bom;
    for (i, byte) in body.iter().enumerate() {
        let last = i + 1 == body.len();
        let room = decoder.max_utf8_buffer_length(1).unwrap_or(16);
        text.reserve(room);
        let before = text.len();
        let _ = decoder.decode_to_string(std::slice::from_ref(byte), &mut text, last);
        if text.len() > before {
            offsets.anchor(before, pending_from);
            pending_from = bom + i + 1;
        }
    }
    offsets.anchor(text.len(), bom + body.len());
    Decoded {
        text,
        offsets,
        first_invalid: None,
        invalid_sequences: 0,
        encoding,
    }
}

fn decode_utf32(bytes: &[u8], bom: usize, big_endian: bool) -> Decoded {
    let body = &bytes[bom..];
    let mut text = String::with_capacity(body.len() / 2);
    let mut offsets = OffsetMap::shifted(bom);
    for (i, unit) in body.chunks(4).enumerate() {
        let c = <[u8; 4]>::try_from(unit)
            .ok()
            .map(|b| {
                if big_endian {
                    u32::from_be_bytes(b)
                } else {
                    u32::from_le_bytes(b)
                }
            })
            .and_then(char::from_u32)
            .unwrap_or(char::REPLACEMENT_CHARACTER);
        offsets.anchor(text.len(), bom + 4 * i);
        text.push(c);
    }
    offsets.anchor(text.len(), bytes.len());
    Decoded {
        text,
        offsets,
        first_invalid: None,
        invalid_sequences: 0,
        encoding: Some((if big_endian { "UTF-32BE" } else { "UTF-32LE" }, false)),
    }
}

#[cfg(test)]
mod tests;
