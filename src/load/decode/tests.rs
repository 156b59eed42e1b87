use super::*;

/// Every character of the decoded text maps back to the bytes that encode it.
fn assert_maps_back(d: &Decoded, bytes: &[u8], enc: &'static Encoding) {
    let mut ends = d
        .text
        .char_indices()
        .map(|(i, _)| i)
        .skip(1)
        .collect::<Vec<_>>();
    ends.push(d.text.len());
    for ((start, c), end) in d.text.char_indices().zip(ends) {
        let (a, b) = (d.offsets.to_original(start), d.offsets.to_original(end));
        let (back, _) = enc.decode_without_bom_handling(&bytes[a..b]);
        assert_eq!(back, c.to_string(), "char {c:?} at {start} → {a}..{b}");
    }
}

#[test]
fn strips_bom_and_shifts_offsets() {
    let d = decode(b"\xEF\xBB\xBFHello").unwrap();
    assert_eq!(d.text, "Hello");
    assert_eq!(d.offsets.to_original(0), 3);
    assert_eq!(d.offsets.to_original(5), 8);
    assert!(d.warnings().is_empty());
}

#[test]
fn rejects_empty_whitespace_and_binary() {
    assert_eq!(decode(b"").unwrap_err(), Rejection::Empty);
    assert_eq!(decode(b" \n\t\r\n").unwrap_err(), Rejection::WhitespaceOnly);
    assert_eq!(
        decode(b"PK\x03\x04\x00\x01").unwrap_err(),
        Rejection::Binary {
            offset: 4,
            kind: Some("a ZIP archive (or .docx, .epub)")
        }
    );
    assert!(
        decode(b"%PDF-1.4\n\x00")
            .unwrap_err()
            .to_string()
            .contains("a PDF document")
    );
}

#[test]
fn utf16_with_a_bom_loads_and_maps_back() {
    let text = "Tram crash: 7 dead — “a tragedy” 🚋\n\nSecond paragraph.";
    for (bom, enc) in [
        (&b"\xFF\xFE"[..], encoding_rs::UTF_16LE),
        (&b"\xFE\xFF"[..], encoding_rs::UTF_16BE),
    ] {
        let mut bytes = bom.to_vec();
        for unit in text.encode_utf16() {
            if enc == encoding_rs::UTF_16LE {
                bytes.extend_from_slice(&unit.to_le_bytes());
            } else {
                bytes.extend_from_slice(&unit.to_be_bytes());
            }
        }
        let d = decode(&bytes).unwrap();
        assert_eq!(d.text, text);
        assert_eq!(d.offsets.to_original(0), 2);
        assert_maps_back(&d, &bytes, enc);
        assert!(d.warnings().is_empty(), "a BOM is a declaration");
    }
}

#[test]
fn utf32_with_a_bom_loads() {
    let text = "Über 40 Verletzte";
    let mut bytes = b"\xFF\xFE\x00\x00".to_vec();
    for c in text.chars() {
        bytes.extend_from_slice(&(c as u32).to_le_bytes());
    }
    let d = decode(&bytes).unwrap();
    assert_eq!(d.text, text);
    let v = d.text.find("40").unwrap();
    assert_eq!(d.offsets.to_original(v), 4 + 4 * 5);
}

#[test]
fn legacy_text_is_detected_and_maps_back() {
    // "Café: 92 million euros" in windows-1252, long enough for a guess.
    let sentence = "Le café coûte 92 € à Zürich, déclaré lundi. ";
    let text = sentence.repeat(4);
    let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(&text);
    let d = decode(&bytes).unwrap();
    assert_eq!(d.text, sentence.repeat(4));
    assert_eq!(d.encoding.map(|e| e.1), Some(true));
    assert!(d.warnings()[0].contains("a guess"), "{:?}", d.warnings());
    assert_maps_back(&d, &bytes, encoding_rs::WINDOWS_1252);
}

#[test]
fn a_declared_charset_is_used_without_a_map_when_not_asked() {
    let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode("prix: 92 €");
    let d = decode_declared(&bytes, Some(encoding_rs::WINDOWS_1252), false).unwrap();
    assert_eq!(d.text, "prix: 92 €");
    assert_eq!(d.encoding, Some(("windows-1252", false)));
    assert!(d.warnings().is_empty());
}

#[test]
fn lossy_decoding_reports_offset_and_maps_back() {
    let bytes = b"caf\xE9 au lait \xFF\xFEok, and a long enough run of plain English text to read";
    let d = decode(bytes).unwrap();
    if d.encoding.is_none() {
        assert_eq!(d.first_invalid, Some(3));
        assert!(d.text.starts_with("caf\u{FFFD} au lait"));
    }
    let ok = d.text.find("ok").unwrap();
    assert_eq!(
        &bytes[d.offsets.to_original(ok)..d.offsets.to_original(ok) + 2],
        b"ok"
    );
}

#[test]
fn mostly_utf8_with_a_bad_byte_stays_utf8_with_a_warning() {
    let mut bytes = "Zürich’s “mayor” said — ".repeat(5).into_bytes();
    bytes.push(0xFF);
    bytes.extend_from_slice(" end".as_bytes());
    let d = decode(&bytes).unwrap();
    assert_eq!(d.invalid_sequences, 1);
    assert!(d.text.contains("Zürich’s"));
    assert!(d.warnings()[0].contains("invalid UTF-8 at byte offset"));
}

#[test]
fn decoding_owned_bytes_reads_every_kind_of_file_as_decoding_borrowed_ones() {
    let files: [&[u8]; 9] = [
        b"Plain text.\nTwo lines.",
        "Caf\u{e9} \u{201C}quoted\u{201D}".as_bytes(),
        b"\xEF\xBB\xBFWith a BOM",
        b"\xFF\xFEh\x00i\x00",
        b"bad \xC3 byte in UTF-8",
        b"caf\xE9 in Latin-1, nothing declared",
        b"PK\x03\x04\x00\x01",
        b"  \n\t ",
        b"",
    ];
    for bytes in files {
        let (owned, borrowed) = (decode_owned(bytes.to_vec()), decode(bytes));
        match (owned, borrowed) {
            (Ok(a), Ok(b)) => {
                assert_eq!(a.text, b.text, "{bytes:?}");
                assert_eq!(a.offsets, b.offsets, "{bytes:?}");
                assert_eq!(a.warnings(), b.warnings(), "{bytes:?}");
            }
            (Err(a), Err(b)) => assert_eq!(a, b, "{bytes:?}"),
            (a, b) => panic!("{bytes:?}: owned {a:?}, borrowed {b:?}"),
        }
    }
}
