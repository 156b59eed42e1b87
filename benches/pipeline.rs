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

use crossread::load::{LoadOptions, load_paths};
use crossread::tui::action::Action;
use crossread::tui::app::App;
use crossread::tui::{update, view};

/// The same allocator as the crossread binary, so that the numbers are
/// those of the program people run.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[path = "pipeline/fixed.rs"]
mod fixed;

use fixed::{compare_alignment, first_frame, html_pages, pathological};

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
