//! Extracts every page of a folder with crossread's own loader and writes
//! the article-extraction benchmark's output file:
//! `{"version": ..., "output": {ID: {"articleBody": TEXT}}}`, the headline
//! paragraph left out (the benchmark's bodies have none). Prints pages/s
//! and the slowest page. Run by `scripts/html_benchmark.sh`.
//!
//! With `--passages`, the article is what cleaning keeps of it: the body
//! and heading passages, without the captions, credits, stamps and
//! interface text the loader's extraction still holds (how well cleaning
//! tells furniture from the article, on real pages).
//!
//! cargo run --release --example html_benchmark -- [--passages] PAGES_DIR OUT.json

use std::time::Instant;

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let passages_only = args.first().is_some_and(|a| a == "--passages");
    if passages_only {
        args.remove(0);
    }
    let [dir, out] = args.as_slice() else {
        eprintln!("usage: html_benchmark [--passages] PAGES_DIR OUT.json");
        std::process::exit(2);
    };
    let mut pages: Vec<_> = std::fs::read_dir(dir)
        .expect("readable folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
        .collect();
    pages.sort();
    let mut output = serde_json::Map::new();
    let (mut total, mut bytes, mut slowest) = (0.0f64, 0usize, (0.0f64, String::new()));
    let mut failed = 0;
    for page in &pages {
        let id = page.file_stem().unwrap().to_string_lossy().into_owned();
        let data = std::fs::read(page).expect("readable page");
        let started = Instant::now();
        let loaded = crossread::load::load_file_bytes(
            &page.to_string_lossy(),
            &data,
            Some(crossread::load::InputFormat::Html),
        );
        let took = started.elapsed().as_secs_f64();
        total += took;
        bytes += data.len();
        if took > slowest.0 {
            slowest = (took, id.clone());
        }
        let body = match loaded.texts.first() {
            Some(_) if passages_only => article_passages(&loaded.texts[..1]),
            Some(t) => {
                let text = &t.decoded.text;
                match &t.given.title {
                    Some(title) if text.starts_with(title.as_str()) => {
                        text[title.len()..].trim_start().to_owned()
                    }
                    _ => text.clone(),
                }
            }
            None => {
                failed += 1;
                for d in &loaded.diagnostics {
                    eprintln!("{d}");
                }
                String::new()
            }
        };
        output.insert(id, serde_json::json!({ "articleBody": body }));
    }
    let json = serde_json::json!({ "version": env!("CARGO_PKG_VERSION"), "output": output });
    std::fs::write(out, serde_json::to_string(&json).unwrap()).expect("writable output");
    eprintln!(
        "{} pages ({:.1} MB), {failed} without article: {:.2} ms a page on average ({:.0} pages/s, {:.0} KB/ms), slowest {:.1} ms ({})",
        pages.len(),
        bytes as f64 / 1e6,
        total * 1e3 / pages.len().max(1) as f64,
        pages.len() as f64 / total,
        bytes as f64 / 1e3 / (total * 1e3),
        slowest.0 * 1e3,
        slowest.1
    );
}

/// The body and heading passages of one loaded page, a line a paragraph.
fn article_passages(texts: &[crossread::load::LoadedText]) -> String {
    use crossread::model::PassageKind;
    let corpus = crossread::corpus::segment_articles(texts);
    let mut out = String::new();
    let mut paragraph = None;
    for p in corpus
        .passages
        .iter()
        .filter(|p| matches!(p.kind, PassageKind::Body | PassageKind::Heading))
    {
        if paragraph.is_some() {
            out.push(if paragraph == Some(p.paragraph) {
                ' '
            } else {
                '\n'
            });
        }
        out.push_str(&p.text);
        paragraph = Some(p.paragraph);
    }
    out
}
