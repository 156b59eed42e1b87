//! Hostile input: a bounded, seeded property test over load → clean →
//! segment → cross-reference with the model's invariants checked on every
//! case, and the odd shapes and sizes real folders contain.

mod common;

use std::path::Path;
use std::process::{Command, Output};

use crossread::load::{self, LoadOptions, LoadedText};
use crossread::model::Corpus;
use crossread::synth::Rng;

/// Characters that stress the pipeline: punctuation that ends or does not
/// end sentences, quotes, dashes, control characters, bidi and zero-width
/// characters, CJK, emoji, combining marks, digits and separators.
const PALETTE: &[&str] = &[
    "a",
    "b",
    "e",
    "k",
    "s",
    "t",
    "The",
    "Mr",
    "U.N.",
    "Oct",
    "5",
    "2,300",
    "11.4",
    "%",
    "€",
    ".",
    ".",
    "!",
    "?",
    "…",
    "...",
    ",",
    ";",
    ":",
    "“",
    "”",
    "\"",
    "'",
    "’",
    "(",
    ")",
    "—",
    "-",
    " ",
    " ",
    " ",
    "\n",
    "\n\n",
    "\r\n",
    "\r",
    "\t",
    "\u{1b}[2J",
    "\u{7}",
    "\u{202e}",
    "\u{200b}",
    "日本語",
    "😀",
    "👩‍👩‍👧",
    "e\u{301}",
    "ا",
    "#tag",
    "@handle",
    "©",
    "READ ALSO:",
    "By AFP",
    "https://example.org/x",
    "\u{feff}",
    "\u{0}",
];

fn random_text(rng: &mut Rng) -> Vec<u8> {
    let len = rng.below(400);
    let mut out: Vec<u8> = Vec::new();
    for _ in 0..len {
        match rng.below(20) {
            0 => out.push(rng.below(256) as u8), // a raw byte: often invalid UTF-8
            _ => out.extend_from_slice(rng.pick(PALETTE).as_bytes()),
        }
    }
    out
}

fn check_invariants(corpus: &Corpus, originals: &[Vec<u8>]) {
    common::assert_passages_map_back(corpus, originals);
    for p in &corpus.passages {
        assert!(!p.text.is_empty());
        if let Some(d) = p.duplicate_of {
            assert!(d < p.id && corpus.passages[d].source == p.source);
        }
    }
    for s in &corpus.sources {
        assert!(
            s.passage_ids
                .clone()
                .all(|p| corpus.passages[p].source == s.id)
        );
    }
    common::assert_claims_consistent(corpus);
}

/// Texts that made the pipeline quadratic: one long run of "ay" (the
/// stemmer), one sentence of thousands of commas (clause merging), and two
/// articles of one long run of capitalised words a letter apart (name
/// spellings compared cell by cell). At this size the quadratic code took
/// seconds; the benchmark times 1 MB.
fn pathological_texts(bytes: usize) -> Vec<(String, Vec<u8>)> {
    let ay = format!("Title\n\n{}", "ay".repeat(bytes / 2));
    let items = bytes / 20;
    let commas = format!(
        "Title\n\n{}.",
        (0..items)
            .map(|i| format!("word{i} thing{i} stuff"))
            .collect::<Vec<_>>()
            .join(", ")
    );
    let capitals: String = (0..bytes / 7).map(|i| format!("Word{}x ", i % 7)).collect();
    let respelt = capitals.replacen("Word3x", "Wxrd3x", 1);
    vec![
        ("ay.txt".to_owned(), ay.into_bytes()),
        ("commas.txt".to_owned(), commas.into_bytes()),
        (
            "capitals_a.txt".to_owned(),
            format!("Title\n\n{capitals}.").into_bytes(),
        ),
        (
            "capitals_b.txt".to_owned(),
            format!("Title\n\n{respelt}.").into_bytes(),
        ),
    ]
}

#[test]
fn pathological_texts_load_and_keep_the_invariants() {
    let files = pathological_texts(200_000);
    let texts: Vec<_> = files
        .iter()
        .map(|(n, b)| crossread::load::load_bytes(n, b).unwrap())
        .collect();
    let corpus = crossread::corpus::build(&texts);
    assert_eq!(corpus.sources.len(), 4);
    let originals: Vec<Vec<u8>> = files.into_iter().map(|(_, b)| b).collect();
    check_invariants(&corpus, &originals);
}

#[test]
fn random_input_never_breaks_the_model() {
    let mut rng = Rng::new(0xC0FFEE);
    for case in 0..300 {
        let files = 1 + rng.below(4);
        let originals: Vec<Vec<u8>> = (0..files).map(|_| random_text(&mut rng)).collect();
        let texts: Vec<LoadedText> = originals
            .iter()
            .enumerate()
            .filter_map(|(i, b)| load::load_bytes(&format!("case{case}_{i}.txt"), b).ok())
            .collect();
        let kept: Vec<Vec<u8>> = originals
            .iter()
            .filter(|b| load::load_bytes("x", b).is_ok())
            .cloned()
            .collect();
        let corpus = crossread::corpus::build(&texts);
        check_invariants(&corpus, &kept);
        // The reader lays out and draws every article at odd widths.
        let app = crossread::tui::app::App::new(
            corpus,
            ratatui::layout::Rect::new(0, 0, 61, 16),
            case % 2 == 0,
        );
        for s in 0..app.corpus.sources.len() {
            let doc = crossread::tui::wrap::wrap_source(&app.corpus, s, 1 + case % 40);
            assert!(
                doc.lines
                    .iter()
                    .flat_map(|l| &l.segments)
                    .all(|seg| !seg.text.contains('\u{1b}'))
            );
        }
    }
}

#[test]
fn parallel_and_single_threaded_builds_agree() {
    let articles = crossread::synth::corpus(60, 3);
    let texts: Vec<LoadedText> = articles
        .iter()
        .map(|a| load::load_bytes(&a.name, a.text.as_bytes()).unwrap())
        .collect();
    let parallel = crossread::corpus::build(&texts);
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .unwrap();
    let single = pool.install(|| crossread::corpus::build(&texts));
    assert_eq!(
        crossread::export::to_json(&parallel),
        crossread::export::to_json(&single)
    );
    assert!(!parallel.claims.is_empty());
}

fn crossread(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_crossread"))
        .args(args)
        .output()
        .expect("run crossread")
}

fn export(dir: &Path, extra: &[&str]) -> (Output, serde_json::Value) {
    let mut args = vec!["export"];
    args.extend_from_slice(extra);
    let path = dir.to_str().unwrap().to_owned();
    args.push(&path);
    let out = crossread(&args);
    let json = serde_json::from_slice(&out.stdout).unwrap_or(serde_json::Value::Null);
    (out, json)
}

#[test]
fn odd_shapes_and_sizes() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    // A 1 MB line without punctuation, a 10,000-word sentence, 100,000 short lines.
    std::fs::write(d.join("a_long_line.txt"), "word ".repeat(200_000)).unwrap();
    std::fs::write(
        d.join("b_long_sentence.txt"),
        format!(
            "Title\n\n{}.",
            "killed five workers in the blast ".repeat(1_700)
        ),
    )
    .unwrap();
    std::fs::write(d.join("c_short_lines.txt"), "x\n".repeat(100_000)).unwrap();
    // Only punctuation, only numbers, right-to-left, CJK without spaces, emoji, mixed line endings.
    std::fs::write(d.join("d_punct.txt"), "!!! ... ??? --- ;;;").unwrap();
    std::fs::write(d.join("e_numbers.txt"), "1 2 3 4.5 6,000 7%").unwrap();
    std::fs::write(d.join("f_rtl.txt"), "خبر عاجل\n\nقتل خمسة عمال في انفجار.").unwrap();
    std::fs::write(
        d.join("g_cjk.txt"),
        "爆発で五人死亡\n\n港の化学工場で爆発があり五人が死亡した。負傷者は五十人。",
    )
    .unwrap();
    std::fs::write(
        d.join("h_emoji.txt"),
        "👩‍👩‍👧 family 🇳🇴 flag\r\nline two\rline three\n",
    )
    .unwrap();
    std::fs::write(
        d.join("i_url.txt"),
        format!("https://example.org/{}", "a".repeat(5_000)),
    )
    .unwrap();
    // Deeply nested folders.
    let mut deep = d.to_path_buf();
    for i in 0..60 {
        deep = deep.join(format!("n{i}"));
    }
    std::fs::create_dir_all(&deep).unwrap();
    std::fs::write(
        deep.join("deep.txt"),
        "Deep headline\n\nA passage far down.",
    )
    .unwrap();
    let (out, json) = export(d, &[]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let sources = json["sources"].as_array().unwrap();
    assert_eq!(
        sources.len(),
        10,
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        sources
            .iter()
            .any(|s| s["path"].as_str().unwrap().ends_with("deep.txt"))
    );
}

#[cfg(unix)]
#[test]
fn non_utf8_file_names_and_many_tiny_files() {
    use std::os::unix::ffi::OsStrExt;
    let tmp = tempfile::tempdir().unwrap();
    let name = std::ffi::OsStr::from_bytes(b"caf\xe9.txt");
    std::fs::write(tmp.path().join(name), "Headline\n\nA passage.").unwrap();
    for i in 0..10_000 {
        std::fs::write(
            tmp.path().join(format!("t{i:05}.txt")),
            format!("T{i}\n\nFive died in blast number {i}."),
        )
        .unwrap();
    }
    let (out, json) = export(tmp.path(), &[]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(json["sources"].as_array().unwrap().len(), 10_001);
    assert!(
        json["sources"]
            .as_array()
            .unwrap()
            .iter()
            .any(|s| s["path"].as_str().unwrap().contains("caf\u{FFFD}.txt"))
    );
}

#[test]
fn a_file_that_disappears_before_reading_is_reported() {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("gone.txt");
    std::fs::write(&path, "x").unwrap();
    let found = load::discover(&[tmp.path().to_path_buf()]);
    std::fs::remove_file(&path).unwrap();
    let err = load::read_file(&found.files[0], LoadOptions::default())
        .diagnostics
        .remove(0);
    assert!(
        err.to_string()
            .contains("gone.txt: cannot read: file disappeared before it could be read"),
        "{err}"
    );
}

#[test]
fn a_50_mb_file_is_refused_over_the_limit_and_the_total_limit_holds() {
    let tmp = tempfile::tempdir().unwrap();
    let big = tmp.path().join("big.txt");
    {
        use std::io::Write;
        let mut f = std::io::BufWriter::new(std::fs::File::create(&big).unwrap());
        let line = "Five workers were killed in the blast at the plant. ".repeat(20) + "\n";
        while f.get_ref().metadata().unwrap().len() < 50 * 1024 * 1024 {
            for _ in 0..1000 {
                f.write_all(line.as_bytes()).unwrap();
            }
            f.flush().unwrap();
        }
    }
    std::fs::write(tmp.path().join("small.txt"), "Small\n\nA small article.").unwrap();
    let (out, json) = export(tmp.path(), &["--max-file-size", "10M"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("big.txt: larger than the 10 MiB limit"),
        "{err}"
    );
    assert_eq!(json["sources"].as_array().unwrap().len(), 1);
    let (out, json) = export(tmp.path(), &["--max-total-size", "1K"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("total input limit of 1 KiB"), "{err}");
    assert_eq!(
        json["sources"].as_array().map_or(0, |s| s.len()),
        0,
        "{err}"
    );
}
