//! The speed benchmarks: `cargo bench --bench pipeline` prints a table of
//! numbers (not a pass/fail test). Each corpus size runs in its own process
//! so that peak memory is measured per size.
//!
//! Stages: generate a deterministic corpus (src/synth.rs) into a temporary
//! folder; read + clean + segment; cross-reference; JSON export; peak
//! resident memory; a full frame at 200×60; filter latency per keystroke
//! (p50/p95) over a scripted typing sequence; start to first frame on the
//! demo and seed corpora.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;

use crossread::load::{LoadOptions, load_demo, load_paths};
use crossread::tui::action::Action;
use crossread::tui::app::App;
use crossread::tui::{update, view};

/// The same allocator as the crossread binary, so that the numbers are
/// those of the program people run.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

const SIZES: &[usize] = &[100, 1_000, 10_000];
fn main() {
    // The binary's memory settings, so that the figures are the binary's.
    crossread::memory::economise();
    let args: Vec<String> = std::env::args().collect();
    if let Some(i) = args.iter().position(|a| a == "--child") {
        let n = args.get(i + 1).and_then(|s| s.parse().ok()).unwrap_or(100);
        child_generated(n);
        return;
    }
    if args.iter().any(|a| a == "--child-align") {
        compare_alignment();
        return;
    }
    if let Some(i) = args.iter().position(|a| a == "--child-dir") {
        if let Some(dir) = args.get(i + 1) {
            let dir = PathBuf::from(dir);
            let name = dir.parent().and_then(|p| p.file_name()).map_or_else(
                || dir.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            );
            measure(&dir, &format!("dev {name}"), true);
        }
        return;
    }
    println!("crossread benchmarks (release build)");
    println!("machine: {} cores, {}", cores(), cpu_model());
    first_frame();
    pathological();
    html_pages();
    let exe = std::env::current_exe().unwrap_or_else(|_| PathBuf::from("pipeline"));
    // In a process of its own, so that its peak memory is its own.
    match std::process::Command::new(&exe)
        .arg("--child-align")
        .output()
    {
        Ok(out) => print!("{}", String::from_utf8_lossy(&out.stdout)),
        Err(e) => eprintln!("compare alignment: cannot run {}: {e}", exe.display()),
    }
    println!();
    println!(
        "{:>11} {:>9} {:>9} {:>14} {:>11} {:>9} {:>9} {:>9} {:>11} {:>11} {:>9} {:>10} {:>10}",
        "articles",
        "passages",
        "MB",
        "read+segment",
        "MB/s",
        "xref",
        "links",
        "claims",
        "export",
        "peak RSS",
        "RSS/MB",
        "frame",
        "filter p50/p95"
    );
    // Sizes may be given on the command line: cargo bench --bench pipeline -- 1000
    let chosen: Vec<usize> = args.iter().skip(1).filter_map(|a| a.parse().ok()).collect();
    let sizes = if chosen.is_empty() {
        SIZES.to_vec()
    } else {
        chosen
    };
    let mut runs: Vec<Vec<String>> = sizes
        .iter()
        .filter(|&&n| n > 0)
        .map(|n| vec!["--child".to_owned(), n.to_string()])
        .collect();
    // Real news beside the generated corpora: the dev stories folder (192
    // articles of 49 events in one folder), when ../shared is present.
    let stories = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/dev/stories/articles");
    if stories.is_dir() {
        runs.push(vec![
            "--child-dir".to_owned(),
            stories.display().to_string(),
        ]);
    } else if !sizes.contains(&0) {
        println!("(../shared/dev/stories not found: no row for real news)");
    }
    let mut instructions = Vec::new();
    for args in runs {
        match std::process::Command::new(&exe).args(&args).output() {
            Ok(out) if out.status.success() => {
                let stdout = String::from_utf8_lossy(&out.stdout);
                for line in stdout.lines() {
                    match line.strip_prefix("instructions: ") {
                        Some(rest) => instructions.push(rest.to_owned()),
                        None => println!("{line}"),
                    }
                }
            }
            Ok(out) => eprintln!("{args:?} failed: {}", String::from_utf8_lossy(&out.stderr)),
            Err(e) => eprintln!("{args:?}: cannot run {}: {e}", exe.display()),
        }
    }
    if !instructions.is_empty() {
        println!();
        println!("instructions (callgrind, whole `crossread export --format json`, one run):");
        for line in instructions {
            println!("  {line}");
        }
    }
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1e3)
}

/// Instruction counts take callgrind about fifty times the run's CPU time:
/// counted up to this many generated articles (a minute or two), not above.
const COUNT_INSTRUCTIONS_UP_TO: usize = 1_000;

fn child_generated(n: usize) {
    let dir = tempfile::tempdir().expect("temporary folder");
    let articles = crossread::synth::corpus(n, 42);
    for a in &articles {
        std::fs::write(dir.path().join(&a.name), &a.text).expect("write article");
    }
    drop(articles);
    measure(dir.path(), &n.to_string(), n <= COUNT_INSTRUCTIONS_UP_TO);
}

/// One row of the table for the articles in `dir`, then (when asked and
/// valgrind is installed) the instruction count of exporting them, printed
/// on a line of its own that the parent gathers below the table.
fn measure(dir: &std::path::Path, label: &str, count_instructions: bool) {
    let t = Instant::now();
    let loaded = load_paths(&[dir.to_path_buf()], LoadOptions::default());
    let bytes: usize = loaded.texts.iter().map(|t| t.decoded.text.len()).sum();
    let mb = bytes as f64 / 1e6;
    let mut corpus = crossread::corpus::segment_corpus(&loaded.texts);
    let read = t.elapsed();
    drop(loaded);

    let t = Instant::now();
    crossread::xref::cross_reference(&mut corpus);
    let xref = t.elapsed();

    let t = Instant::now();
    // Written as `crossread export` writes it: streamed, here to nowhere.
    crossread::export::write_json(&corpus, std::io::sink()).expect("export");
    let export = t.elapsed();
    let (passages, links, claims) = (
        corpus.passages.len(),
        corpus.links.len(),
        corpus.claims.len(),
    );

    let mut app = App::new(corpus, Rect::new(0, 0, 200, 60), false);
    update::keep_cursor_visible(&mut app);
    let mut terminal = Terminal::new(TestBackend::new(200, 60)).expect("test backend");
    let frames = 50;
    let t = Instant::now();
    for _ in 0..frames {
        terminal
            .draw(|f| {
                view::render(&app, f);
            })
            .expect("draw");
    }
    let frame = t.elapsed() / frames;

    // Typing into the filter of all passages, one keystroke at a time.
    let mut latencies = Vec::new();
    for _ in 0..3 {
        update::update(&mut app, Action::StartFilter);
        let mut typed = String::new();
        for step in crossread::synth::TYPING {
            let c = step.chars().last().unwrap_or(' ');
            typed.push(c);
            let t = Instant::now();
            update::update(&mut app, Action::Input(c));
            latencies.push(t.elapsed());
        }
        update::update(&mut app, Action::Cancel);
    }
    latencies.sort();
    let pct = |p: f64| latencies[((latencies.len() - 1) as f64 * p).round() as usize];
    let rss = peak_rss_mb();
    println!(
        "{:>11} {:>9} {:>9.1} {:>14} {:>11.1} {:>9} {:>9} {:>9} {:>11} {:>8.0} MB {:>9.1} {:>10} {:>5.1}/{:.1} ms",
        label,
        passages,
        mb,
        ms(read),
        mb / read.as_secs_f64(),
        ms(xref),
        links,
        claims,
        ms(export),
        rss,
        rss / mb,
        format!("{:.2} ms", frame.as_secs_f64() * 1e3),
        pct(0.5).as_secs_f64() * 1e3,
        pct(0.95).as_secs_f64() * 1e3,
    );
    if count_instructions {
        println!("instructions: {label}: {}", callgrind_export(dir));
    }
}

/// Instructions executed by `crossread export --format json DIR` under
/// callgrind (the machine is shared, so times vary; counts barely do).
fn callgrind_export(dir: &std::path::Path) -> String {
    let out = std::process::Command::new("valgrind")
        .args(["--tool=callgrind", "--callgrind-out-file=/dev/null"])
        .arg(env!("CARGO_BIN_EXE_crossread"))
        .args(["export", "--format", "json"])
        .arg(dir)
        .stdout(std::process::Stdio::null())
        .output();
    let out = match out {
        Ok(out) => out,
        Err(e) => return format!("not counted (valgrind: {e})"),
    };
    let stderr = String::from_utf8_lossy(&out.stderr);
    // "==123== Collected : 10830001234"
    stderr
        .lines()
        .find_map(|l| l.split("Collected :").nth(1))
        .and_then(|n| n.trim().parse::<u64>().ok())
        .map_or_else(
            || {
                format!(
                    "not counted (callgrind said: {})",
                    stderr.lines().last().unwrap_or("")
                )
            },
            |n| format!("{:.2} G", n as f64 / 1e9),
        )
}

/// 1 MB of each text that once made the pipeline quadratic (a run of
/// "ay" for the stemmer; a sentence of 50,000 commas for clause merging;
/// two articles sharing one run of capitalised words, which the name
/// spellings once compared cell by cell).
fn pathological() {
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
fn html_pages() {
    let demo = include_str!("../assets/demo/08_portside_gazette.html");
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
fn first_frame() {
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
fn compare_alignment() {
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

fn current_rss_mb() -> f64 {
    proc_status_mb("VmRSS:")
}

fn peak_rss_mb() -> f64 {
    proc_status_mb("VmHWM:")
}

/// A memory figure of /proc/self/status (given in kB) in MB.
fn proc_status_mb(field: &str) -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with(field))
                .and_then(|l| l.split_whitespace().nth(1)?.parse::<f64>().ok())
        })
        .map_or(f64::NAN, |kb| kb / 1024.0)
}

fn cores() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

fn cpu_model() -> String {
    std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("model name"))
                .map(|l| l.split(':').nth(1).unwrap_or("").trim().to_owned())
        })
        .unwrap_or_else(|| "unknown CPU".into())
}
