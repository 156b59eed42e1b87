//! The command line: argument parsing, loading with diagnostics on stderr,
//! and the subcommands that print the model.

mod args;
mod claims;
mod differences;
mod explain;
mod names;
mod table;

use std::io::Write;
use std::process::ExitCode;

pub use args::{Cli, Command, Format, InputArgs};

use crate::load::{self, Diagnostic, LoadOptions, Loaded};
use crate::model::Corpus;

/// Exit status for bad input (missing paths, nothing readable), as `ls` and
/// `grep` use it.
pub const EXIT_BAD_INPUT: u8 = 2;

/// A loaded corpus and whether any path was in error.
pub struct Session {
    pub corpus: Corpus,
    pub had_errors: bool,
}

/// Loads the PATHs (or the demo), printing diagnostics to stderr. `None`
/// when nothing at all could be read: the caller exits with status 2.
pub fn load_session(input: &InputArgs) -> Option<Session> {
    let loaded = if input.paths.is_empty() {
        load::load_demo()
    } else {
        load::load_paths(
            &input.paths,
            LoadOptions {
                max_file_bytes: input.max_file_size,
                max_total_bytes: input.max_total_size,
                format: input.input_format,
            },
        )
    };
    let Loaded { texts, diagnostics } = loaded;
    report(&diagnostics);
    for text in &texts {
        for warning in &text.warnings {
            report(&[Diagnostic::warning(&text.path, warning.clone())]);
        }
    }
    if texts.is_empty() {
        eprintln!("crossread: error: no readable article in the given paths");
        return None;
    }
    Some(Session {
        corpus: crate::corpus::segment_corpus(&texts),
        had_errors: diagnostics.iter().any(Diagnostic::is_error),
    })
}

/// Corpora with more passages than this report cross-referencing progress on
/// stderr (when it is a terminal).
const PROGRESS_FROM_PASSAGES: usize = 5_000;

/// Cross-references the session's corpus, with progress on a terminal.
fn cross_reference(corpus: &mut Corpus) {
    use std::io::IsTerminal;
    let show = corpus.passages.len() > PROGRESS_FROM_PASSAGES && std::io::stderr().is_terminal();
    if show {
        eprintln!(
            "crossread: cross-referencing {} passages…",
            corpus.passages.len()
        );
    }
    crate::xref::cross_reference_with(corpus, &|step, detail| {
        if show {
            eprintln!("crossread:   {step}: {detail}");
        }
    });
}

fn report(diagnostics: &[Diagnostic]) {
    let mut err = std::io::stderr().lock();
    for d in diagnostics {
        let _ = writeln!(err, "crossread: {d}");
    }
}

/// The config file's settings, or the defaults with what was wrong.
fn reader_config(path: Option<&std::path::Path>) -> (crate::tui::config::Config, Option<String>) {
    match crate::tui::config::load(path) {
        Ok(config) => (config.unwrap_or_default(), None),
        Err(what) => {
            eprintln!("crossread: warning: config {what}; using the defaults");
            (
                Default::default(),
                Some(format!("config {what}; using the defaults")),
            )
        }
    }
}

/// `crossread keys`: the bindings as a table.
fn keys(path: Option<&std::path::Path>) -> ExitCode {
    let (config, notice) = reader_config(path);
    let rows = config.keymap.table();
    let name_w = rows.iter().map(|r| r.0.len()).max().unwrap_or(0);
    let keys_w = rows.iter().map(|r| r.1.chars().count()).max().unwrap_or(0);
    let mut out = String::new();
    for (name, keys, help) in rows {
        let pad = keys_w.saturating_sub(keys.chars().count());
        out.push_str(&format!(
            "{name:<name_w$}  {keys}{}  {help}\n",
            " ".repeat(pad)
        ));
    }
    if let Err(err) = write_stdout(&out)
        && err.kind() != std::io::ErrorKind::BrokenPipe
    {
        eprintln!("crossread: error: cannot write output: {err}");
        return ExitCode::FAILURE;
    }
    if notice.is_some() {
        ExitCode::from(EXIT_BAD_INPUT)
    } else {
        ExitCode::SUCCESS
    }
}

/// Runs a parsed command line.
pub fn run(cli: Cli) -> ExitCode {
    let input = match &cli.command {
        Some(Command::Keys) => return keys(cli.config.as_deref()),
        None => &cli.input,
        Some(Command::Export { input, .. })
        | Some(Command::Sources { input, .. })
        | Some(Command::Stories { input })
        | Some(Command::Claims { input, .. })
        | Some(Command::Differences { input, .. })
        | Some(Command::Explain { input, .. }) => input,
    };
    let Some(mut session) = load_session(input) else {
        return ExitCode::from(EXIT_BAD_INPUT);
    };
    match &cli.command {
        // The reader cross-references in the background; the table needs no claims.
        None | Some(Command::Sources { .. }) | Some(Command::Stories { .. }) => {}
        Some(_) => cross_reference(&mut session.corpus),
    }
    let story = match &cli.command {
        Some(Command::Sources { story, .. })
        | Some(Command::Claims { story, .. })
        | Some(Command::Differences { story, .. }) => *story,
        _ => None,
    };
    if let Some(n) = story
        && n >= session.corpus.stories.len()
    {
        eprintln!(
            "crossread: error: no story {n}: the articles form {} (see `crossread stories`)",
            session.corpus.stories.len()
        );
        return ExitCode::from(EXIT_BAD_INPUT);
    }
    // One story's claims; ids stay as they are, so they match `export`
    // and `explain`.
    if let Some(n) = story {
        session.corpus.claims.retain(|c| c.story == n);
    }
    let only: Option<Vec<usize>> = story.map(|n| session.corpus.stories[n].sources.clone());
    let corpus = &session.corpus;
    let output = match &cli.command {
        Some(Command::Export {
            format: Format::Json,
            ..
        }) => {
            let out = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
            return finish(crate::export::write_json(corpus, out), session.had_errors);
        }
        Some(Command::Sources { .. }) => table::sources(corpus, only.as_deref()),
        Some(Command::Stories { .. }) => table::stories(corpus),
        Some(Command::Explain { a, b, .. }) => match explain::explain(corpus, *a, *b) {
            Ok(text) => text,
            Err(message) => {
                eprintln!("crossread: error: {message}");
                return ExitCode::from(EXIT_BAD_INPUT);
            }
        },
        Some(Command::Claims {
            single_source,
            json,
            ..
        }) => match (single_source, json) {
            (false, false) => claims::claims_text(corpus),
            (false, true) => claims::claims_json(corpus),
            (true, false) => claims::single_source_text(corpus, only.as_deref()),
            (true, true) => claims::single_source_json(corpus, only.as_deref()),
        },
        Some(Command::Differences { json: false, .. }) => differences::differences_text(corpus),
        Some(Command::Differences { json: true, .. }) => differences::differences_json(corpus),
        None => return run_reader(session, cli.no_mouse, cli.config.as_deref()),
        Some(Command::Keys) => return keys(cli.config.as_deref()),
    };
    finish(write_stdout(&output), session.had_errors)
}

/// The exit code once the output is written (or could not be).
fn finish(written: std::io::Result<()>, had_errors: bool) -> ExitCode {
    if let Err(err) = written {
        // A closed pipe (`crossread export | head`) is not an error.
        if err.kind() != std::io::ErrorKind::BrokenPipe {
            eprintln!("crossread: error: cannot write output: {err}");
            return ExitCode::FAILURE;
        }
    }
    if had_errors {
        ExitCode::from(EXIT_BAD_INPUT)
    } else {
        ExitCode::SUCCESS
    }
}

fn run_reader(session: Session, no_mouse: bool, config: Option<&std::path::Path>) -> ExitCode {
    let (config, notice) = reader_config(config);
    let options = crate::tui::Options {
        mouse: !no_mouse,
        no_color: std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()),
        config,
        notice,
    };
    let had_errors = session.had_errors;
    // The reader opens on the text at once; claims fill in when the engine is done.
    let (results, receiver) = std::sync::mpsc::channel();
    let mut to_link = session.corpus.clone();
    std::thread::spawn(move || {
        crate::xref::cross_reference_with(&mut to_link, &|_, _| {});
        let _ = results.send((to_link.claims, to_link.links, to_link.copies));
    });
    match crate::tui::run(session.corpus, options, Some(receiver)) {
        Ok(crate::tui::Ended::Interrupted) => ExitCode::from(130),
        Ok(_) if had_errors => ExitCode::from(EXIT_BAD_INPUT),
        Ok(crate::tui::Ended::Quit) => ExitCode::SUCCESS,
        Err(crate::tui::RunError::NoTerminal) => {
            eprintln!(
                "crossread: error: the reader needs a terminal (stdin and stdout are not both a terminal).\n\
                 For scripts, use `crossread export --format json`, `crossread claims` or `crossread sources`."
            );
            ExitCode::from(EXIT_BAD_INPUT)
        }
        Err(crate::tui::RunError::Io(err)) => {
            eprintln!("crossread: error: terminal: {err}");
            ExitCode::FAILURE
        }
    }
}

fn write_stdout(text: &str) -> std::io::Result<()> {
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes())?;
    if !text.ends_with('\n') {
        out.write_all(b"\n")?;
    }
    out.flush()
}
