//! The benchmarks of fixed size, beside the generated corpora: texts that
//! once made the pipeline quadratic, web-page extraction, start to first
//! frame, and compare mode's alignment of two long articles.

use std::path::PathBuf;
use std::time::Instant;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;

use crossread::load::{LoadOptions, load_demo, load_paths};
use crossread::tui::app::App;
use crossread::tui::{update, view};

use super::{current_rss_mb, ms, peak_rss_mb};

/// 1 MB of each text that once made the pipeline quadratic (a run of
/// "ay" for the stemmer; a sentence of 50,000 commas for clause merging;
/// two articles sharing one run of capitalised words, which the name
/// spellings once compared cell by cell).
pub(crate) fn pathological() {
    let ay = format!("Title\n\n{}", "ay".repeat(500_000));
    let commas = format!(
        "Title\n\n{}.",
        (0..50_000)
            .map(|i| format!("word{i} thing{i} stuff"))
            .collect::<Vec<_>>()
            .join(", ")
    );
    for (name, text) in [("1 MB run of 'ay'", ay), ("1 MB comma list", commas)] {
        let t = Instant::now();
        let loaded = crossread::load::load_bytes("p.txt", text.as_bytes()).expect("loads");
        let corpus = crossread::corpus::build(std::slice::from_ref(&loaded));
        println!(
            "pathological, {name}: {} ({} passages)",
            ms(t.elapsed()),
            corpus.passages.len()
        );
    }
    let capitals: String = (0..100_000).map(|i| format!("Word{}x ", i % 7)).collect();
    let other = capitals.replacen("Word3x", "Wxrd3x", 1);
    let t = Instant::now();
    let texts: Vec<_> = [&capitals, &other]
        .iter()
        .enumerate()
        .map(|(i, run)| {
            let text = format!("Title\n\n{run}.");
            crossread::load::load_bytes(&format!("p{i}.txt"), text.as_bytes()).expect("loads")
        })
        .collect();
    let corpus = crossread::corpus::build(&texts);
    println!(
        "pathological, two articles of one 0.7 MB run of capitalised words: {} ({} claims)",
        ms(t.elapsed()),
        corpus.claims.len()
    );
}

/// Web-page extraction: the demo's saved page padded with the furniture of
/// a real news page (menus, related-link lists, inline scripts, footers) to
/// about 100 KB, and the real pages of ../shared/html-benchmark when
/// present. Min and median of 5 runs; per page and per 100 KB.
pub(crate) fn html_pages() {
    let demo = include_str!("../../assets/demo/08_portside_gazette.html");
    let nav: String = (0..150)
        .map(|i| format!("<li class=\"menu-item\"><a href=\"/section/{i}\" data-track=\"nav-{i}\">Section {i}</a></li>"))
        .collect();
    let related: String = (0..250)
        .map(|i| format!("<div class=\"card\"><a href=\"/story/{i}\"><img src=\"/img/{i}.jpg\" alt=\"\"><h3>Related headline number {i} about another story</h3></a><p class=\"teaser\">A teaser of a dozen words that sells the story to the reader.</p></div>"))
        .collect();
    let script = format!(
        "<script>window.__STATE__ = {{\"items\": [{}]}};</script>",
        (0..400)
            .map(|i| format!("{{\"id\": {i}, \"kind\": \"ad-slot\"}}"))
            .collect::<Vec<_>>()
            .join(",")
    );
    let page = demo
        .replace("<nav><ul>", &format!("<nav><ul>{nav}"))
        .replace(
            "</main>",
            &format!("</main><section class=\"related\">{related}</section>{script}"),
        );
    let mut times = Vec::new();
    for _ in 0..5 {
        let t = Instant::now();
        let loaded = crossread::load::load_file_bytes("page.html", page.as_bytes(), None);
        times.push(t.elapsed());
        assert_eq!(
            loaded.texts.len(),
            1,
            "the padded demo page has its article"
        );
    }
    times.sort();
    let per_100kb =
        |d: std::time::Duration, bytes: usize| d.as_secs_f64() * 1e3 * 100_000.0 / bytes as f64;
    println!(
        "html, demo page padded to {} KB: min {} median {} ({:.2} ms per 100 KB; target 5)",
        page.len() / 1000,
        ms(times[0]),
        ms(times[2]),
        per_100kb(times[2], page.len())
    );
    let bench = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/html-benchmark/html");
    let Ok(entries) = std::fs::read_dir(&bench) else {
        println!("html, benchmark pages: ../shared/html-benchmark not found");
        return;
    };
    let mut pages = Vec::new();
    for entry in entries.flatten() {
        let out = std::process::Command::new("gunzip")
            .arg("-c")
            .arg(entry.path())
            .output();
        if let Some(out) = out.ok().filter(|o| o.status.success()) {
            pages.push(out.stdout);
        }
    }
    let mut per_page = Vec::new();
    let mut normalised = Vec::new();
    for page in &pages {
        let t = Instant::now();
        let _ = crossread::load::load_file_bytes(
            "p.html",
            page,
            Some(crossread::load::InputFormat::Html),
        );
        let d = t.elapsed();
        per_page.push(d);
        normalised.push(per_100kb(d, page.len()));
    }
    per_page.sort();
    normalised.sort_by(f64::total_cmp);
    let bytes: usize = pages.iter().map(Vec::len).sum();
    if let (Some(median), Some(p95)) = (
        per_page.get(per_page.len() / 2),
        per_page.get(per_page.len() * 95 / 100),
    ) {
        println!(
            "html, {} benchmark pages ({} KB on average): median {} p95 {} a page; median {:.2} ms per 100 KB",
            pages.len(),
            bytes / pages.len().max(1) / 1000,
            ms(*median),
            ms(*p95),
            normalised[normalised.len() / 2]
        );
    }
}

/// Start to first frame: load, build the model, lay out and draw once.
pub(crate) fn first_frame() {
    let seeds = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds");
    for (name, use_seeds) in [("demo", false), ("seeds", true)] {
        if use_seeds && !seeds.is_dir() {
            println!("first frame, seeds: ../shared/seeds not found");
            continue;
        }
        let t = Instant::now();
        let loaded = if use_seeds {
            load_paths(std::slice::from_ref(&seeds), LoadOptions::default())
        } else {
            load_demo()
        };
        let corpus = crossread::corpus::build(&loaded.texts);
        let mut app = App::new(corpus, Rect::new(0, 0, 120, 40), false);
        update::keep_cursor_visible(&mut app);
        let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("test backend");
        terminal
            .draw(|f| {
                view::render(&app, f);
            })
            .expect("draw");
        println!("first frame, {name}: {}", ms(t.elapsed()));
    }
}

/// Compare mode's alignment of two long articles: 600,000 passages a side
/// (about 64 MB of news text each, at the generated corpora's 110 bytes a
/// passage), every other left passage sharing a claim with a right one
/// nearby, a tenth of those pairs out of order. Time, and peak memory
/// above what the process held before.
pub(crate) fn compare_alignment() {
    let n = 600_000;
    let left: Vec<usize> = (0..n).collect();
    let right: Vec<usize> = (n..2 * n).collect();
    let pairs: Vec<(usize, usize)> = (0..n)
        .step_by(2)
        .map(|i| {
            if i % 20 == 0 {
                (i, (i + 7_919) % n)
            } else {
                (i, i + 1)
            }
        })
        .collect();
    let before = current_rss_mb();
    let t = Instant::now();
    let rows = crossread::tui::align::align(&left, &right, &pairs);
    let took = t.elapsed();
    println!(
        "compare alignment (the align step), two articles of {n} passages ({} shared-claim pairs): {} ({} rows), {:.0} MB above the {:.0} MB before",
        pairs.len(),
        ms(took),
        rows.len(),
        peak_rss_mb() - before,
        before
    );
}
