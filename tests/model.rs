//! The corpus model on real and synthetic input: passage offsets map back to
//! the original bytes, the seed articles' metadata, boilerplate and
//! sentence boundaries.

mod common;

use std::path::PathBuf;

use crossread::load::{self, LoadOptions, LoadedText};
use crossread::model::{Corpus, PassageKind};

// Tests that read `../shared/seeds` (other publishers' articles, kept out of
// the repository) are `#[ignore]`d: plain `cargo test` lists them as ignored
// with the reason, and `.ci/run`, which has ../shared, runs them with
// `--ignored`, where a missing folder fails.
fn seeds_dir() -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds");
    assert!(
        dir.is_dir(),
        "the seed articles must be at {} (../shared beside the repository)",
        dir.display()
    );
    dir
}

fn build(texts: &[LoadedText]) -> Corpus {
    crossread::corpus::build(texts)
}

fn seeds() -> (Vec<LoadedText>, Vec<Vec<u8>>) {
    let loaded = load::load_paths(&[seeds_dir()], LoadOptions::default());
    assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
    let originals = loaded
        .texts
        .iter()
        .map(|t| std::fs::read(&t.path).unwrap())
        .collect();
    (loaded.texts, originals)
}

#[test]
#[ignore = "needs ../shared/seeds; .ci/run runs it"]
fn offsets_map_back_on_the_seeds() {
    let (texts, originals) = seeds();
    assert_eq!(texts.len(), 5);
    common::assert_passages_map_back(&build(&texts), &originals);
}

#[test]
fn offsets_map_back_on_the_demo() {
    let originals: Vec<Vec<u8>> = load::DEMO.iter().map(|(_, b)| b.to_vec()).collect();
    common::assert_passages_map_back(&build(&load::load_demo().texts), &originals);
}

#[test]
fn offsets_map_back_through_bom_crlf_and_legacy_encodings() {
    let mut files: Vec<(&str, Vec<u8>)> = vec![
        (
            "bom_crlf.txt",
            b"\xEF\xBB\xBFTitle line\r\n\r\nFirst sentence here.  Second one\r\nwraps on.\r\n"
                .to_vec(),
        ),
        (
            "latin1.txt",
            b"Headline\n\nThe caf\xe9 owner, Ms. R\xf6ssler, said it shook. Nobody was hurt.\n"
                .to_vec(),
        ),
        (
            "cr_only.txt",
            b"Old Mac file\r\rIt uses carriage returns. Only those.\r".to_vec(),
        ),
        (
            "tabs.txt",
            b"\t Indented\t title \n\n\tBody\twith\ttabs.   And spaces.\n".to_vec(),
        ),
    ];
    let mut utf16 = vec![0xFF, 0xFE];
    for unit in
        "Zürich headline\r\n\r\nA “quoted” sentence here. Another one 🚋.\r\n".encode_utf16()
    {
        utf16.extend_from_slice(&unit.to_le_bytes());
    }
    files.push(("utf16.txt", utf16));
    let texts: Vec<LoadedText> = files
        .iter()
        .map(|(n, b)| load::load_bytes(n, b).unwrap())
        .collect();
    let corpus = build(&texts);
    let originals: Vec<Vec<u8>> = files.into_iter().map(|(_, b)| b).collect();
    common::assert_passages_map_back(&corpus, &originals);
    let texts: Vec<&str> = corpus.passages.iter().map(|p| p.text.as_str()).collect();
    assert!(texts.contains(&"Second one wraps on."), "{texts:?}");
    assert!(
        texts.contains(&"The café owner, Ms. Rössler, said it shook."),
        "{texts:?}"
    );
    assert!(texts.contains(&"Another one 🚋."), "{texts:?}");
    assert_eq!(corpus.sources[4].encoding.as_deref(), Some("UTF-16LE"));
}

#[test]
#[ignore = "needs ../shared/seeds; .ci/run runs it"]
fn seed_metadata() {
    let (texts, _) = seeds();
    let corpus = build(&texts);
    let s = &corpus.sources;
    let outlet = |i: usize| s[i].outlet.as_deref().unwrap_or("");
    assert_eq!(outlet(0), "L’Express");
    assert_eq!(
        s[0].title.as_deref(),
        Some("North Korean soldiers very likely killed on the front, according to Seoul")
    );
    // "on Tuesday (October 8)" in the lede's running text is when the
    // minister spoke, not a date of the article.
    assert_eq!(s[0].date, None);
    assert_eq!(outlet(1), "The Moscow Times/AFP");
    assert_eq!(
        s[1].title.as_deref(),
        Some("N. Korean Soldiers 'Highly Likely' Killed in Ukraine – Seoul")
    );
    assert_eq!(s[1].date.as_deref(), Some("2024-10-08"));
    assert_eq!(s[1].byline.as_deref(), Some("AFP"));
    assert!(
        s[1].url
            .as_deref()
            .unwrap()
            .starts_with("https://www.themoscowtimes.com/2024/10/08/")
    );
    // No outlet named in the text: the file name, never an invention.
    assert_eq!(outlet(2), "002_6a49b505ca0019d2");
    assert_eq!(
        s[2].title.as_deref(),
        Some("North Korean troops now fighting for Russia in Ukraine, Seoul says")
    );
    assert_eq!(outlet(3), "003_a6221563b4b7d4f8");
    // "told lawmakers on Oct. 8": when he spoke, in the lede's text.
    assert_eq!(s[3].date, None);
    assert_eq!(outlet(4), "004_8a8f6d6a4b72e452");
    assert_eq!(
        s[4].title.as_deref(),
        Some("North Korean troops fighting for Russia are killed in Ukraine, reports suggest")
    );
}

#[test]
#[ignore = "needs ../shared/seeds; .ci/run runs it"]
fn seed_boilerplate_captions_and_sentences() {
    let (texts, _) = seeds();
    let corpus = build(&texts);
    let kind_of = |needle: &str| {
        corpus
            .passages
            .iter()
            .find(|p| p.text.contains(needle))
            .unwrap_or_else(|| panic!("no passage with {needle:?}"))
            .kind
    };
    for boiler in [
        "READ ALSO: War in Ukraine",
        "@lexpress",
        "learnabouttiktok",
        "lep-general-02",
        "Leave A Reply",
        "Read the full article here",
        "Privacy & Cookies Policy",
        "RUSSIA JAILS MERCENARY",
        "Related Post",
        "Original url:",
    ] {
        assert_eq!(kind_of(boiler), PassageKind::Boilerplate, "{boiler}");
    }
    assert_eq!(
        kind_of("This photo taken on October 2"),
        PassageKind::Caption
    );
    assert_eq!(kind_of("Pedro Pardo / AFP"), PassageKind::Caption);
    // The caption that repeats a body sentence is a duplicate of it.
    let repeats: Vec<_> = corpus
        .passages
        .iter()
        .filter(|p| {
            p.text
                .starts_with("North Korean soldiers sent to Ukraine to support")
        })
        .collect();
    assert_eq!(repeats.len(), 2);
    assert_eq!(repeats[1].duplicate_of, Some(repeats[0].id));
    // The hard-wrapped sentence of seed 003 is rejoined; no sentence is cut at "Oct." or "U.N.".
    assert!(corpus.passages.iter().any(|p| {
        p.text
            .contains("told lawmakers on Oct. 8, the Yonhap news agency reported.")
    }));
    assert!(corpus.passages.iter().any(|p| {
        p.text
            .contains("reported on Oct. 4, citing a military intelligence source.")
    }));
    assert!(corpus.passages.iter().any(|p| {
        p.text
            .starts_with("But Moscow used its U.N. Security Council veto")
            && p.text.ends_with("thanked Russia.")
    }));
    for p in &corpus.passages {
        assert!(
            !p.text.ends_with(" Oct.") && !p.text.ends_with(" U.N."),
            "cut sentence: {}",
            p.text
        );
    }
}

#[test]
fn demo_metadata() {
    let corpus = build(&load::load_demo().texts);
    let outlets: Vec<&str> = corpus
        .sources
        .iter()
        .map(|s| s.outlet.as_deref().unwrap_or(""))
        .collect();
    assert_eq!(
        outlets,
        [
            "The Harbour Herald",
            "Meridian Wire",
            "The Continental Post",
            "Nordavia Today",
            "Daily Ledger",
            "Kestrel Voice",
            "Finance Brief",
            "Portside Gazette",
            "westcoast-courier.example"
        ]
    );
    // The saved page: its own date (00:40 at +01:00 is the 5th, though
    // it is the 4th in UTC), byline without "By", canonical URL.
    let page = &corpus.sources[7];
    assert_eq!(page.date.as_deref(), Some("2025-03-05"));
    assert_eq!(page.byline.as_deref(), Some("Tomas Lindgren"));
    assert_eq!(
        page.url.as_deref(),
        Some("https://www.portside-gazette.example/nordavia/kestrel-bay-blast-valve-warning")
    );
    assert_eq!(corpus.stories.len(), 1, "the demo is one story");
    assert_eq!(corpus.sources[0].byline.as_deref(), Some("Marta Lindqvist"));
    assert_eq!(corpus.sources[0].date.as_deref(), Some("2025-03-04"));
    assert_eq!(corpus.sources[5].date.as_deref(), Some("2025-03-05"));
    assert_eq!(
        corpus.sources[3].title.as_deref(),
        Some("Kestrel Bay mourns victims of Hallström explosion")
    );
}

#[test]
fn every_claim_spans_two_sources_and_ids_exist_on_the_demo() {
    assert_claims_well_formed(&build(&load::load_demo().texts));
}

#[test]
#[ignore = "needs ../shared/seeds; .ci/run runs it"]
fn every_claim_spans_two_sources_and_ids_exist_on_the_seeds() {
    assert_claims_well_formed(&build(&seeds().0));
}

fn assert_claims_well_formed(corpus: &Corpus) {
    {
        assert!(!corpus.claims.is_empty());
        common::assert_claims_consistent(corpus);
        // Claims are sorted by independent reports, then support.
        assert!(
            corpus
                .claims
                .windows(2)
                .all(|w| (w[0].independent, w[0].support) >= (w[1].independent, w[1].support))
        );
    }
}

#[test]
fn a_subheading_is_shown_as_a_heading_never_linked_nor_single_source() {
    let article = |outlet: &str| {
        format!(
            "Crane collapses at Kestrel Bay port\n\n\
             A crane collapsed onto the main quay of the Kestrel Bay port on Tuesday morning, \
             injuring three dockworkers, {outlet} reported.\n\n\
             Rebuilding the quay\n\n\
             The port authority said repairs to the quay would take at least six weeks and \
             cost about two million crowns.\n"
        )
    };
    let files = [
        ("a.txt", article("the Harbour Herald")),
        ("b.txt", article("the Meridian wire")),
    ];
    let texts: Vec<LoadedText> = files
        .iter()
        .map(|(n, t)| load::load_bytes(n, t.as_bytes()).unwrap())
        .collect();
    let mut corpus = build(&texts);
    crossread::xref::cross_reference(&mut corpus);
    let headings: Vec<&crossread::model::Passage> = corpus
        .passages
        .iter()
        .filter(|p| p.kind == PassageKind::Heading)
        .collect();
    assert_eq!(headings.len(), 2, "{:?}", corpus.passages);
    for h in &headings {
        assert_eq!(h.text, "Rebuilding the quay");
        assert!(!h.is_linkable());
        assert!(!corpus.claims.iter().any(|c| c.passages.contains(&h.id)));
        assert!(!crossread::xref::single_source(&corpus).contains(&h.id));
    }
    // The control: the sentences around it are body and corroborated.
    assert!(
        corpus.claims.iter().any(|c| c.sources.len() == 2),
        "{:?}",
        corpus.claims
    );
}
