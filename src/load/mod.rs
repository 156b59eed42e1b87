//! Stage 1: finding article files and reading them into text.

mod decode;
mod demo;
mod discover;
mod feed;
mod formats;
mod html;
mod mhtml;
mod page_meta;
mod records;

use std::fmt;
use std::io::Read;
use std::path::{Path, PathBuf};

use decode::decode_owned;
pub use decode::{Decoded, OffsetMap, Rejection, decode, decode_declared};
pub use demo::{DEMO, load_demo};
pub use discover::{Discovered, discover};
pub use formats::{ARTICLE_EXTENSIONS, InputFormat, detect as detect_format};
pub use page_meta::PageMetadata;

use crate::model::TextOrigin;

/// Default per-file size limit. Articles are kilobytes; anything this large is
/// a dump or a mistake, and reading it whole would cost memory for nothing.
pub const DEFAULT_MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// A problem with one path, said to the user on stderr.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub path: String,
    pub message: String,
    severity: Severity,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Severity {
    Note,
    Warning,
    Error,
}

impl Diagnostic {
    pub fn warning(path: impl AsRef<Path>, message: impl Into<String>) -> Self {
        Self::new(path, message, Severity::Warning)
    }

    /// Something the user should know that is not wrong.
    pub fn note(path: impl AsRef<Path>, message: impl Into<String>) -> Self {
        Self::new(path, message, Severity::Note)
    }

    pub fn error(path: impl AsRef<Path>, message: impl Into<String>) -> Self {
        Self::new(path, message, Severity::Error)
    }

    fn new(path: impl AsRef<Path>, message: impl Into<String>, severity: Severity) -> Self {
        Diagnostic {
            path: path.as_ref().to_string_lossy().into_owned(),
            message: message.into(),
            severity,
        }
    }

    /// Errors make the command line exit with status 2.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let label = match self.severity {
            Severity::Note => "note",
            Severity::Warning => "warning",
            Severity::Error => "error",
        };
        // Paths come from the file system: a name may hold escape
        // sequences, which must not act on the terminal.
        write!(
            f,
            "{label}: {}: {}",
            crate::text::visible(&self.path),
            crate::text::visible(&self.message)
        )
    }
}

/// One article's text as read, before cleaning.
#[derive(Debug, Clone)]
pub struct LoadedText {
    /// The path as shown to the user and written to the export.
    pub path: String,
    pub decoded: Decoded,
    /// Problems that did not stop the file from loading.
    pub warnings: Vec<String>,
    /// Whether offsets index the file or `decoded.text`, extracted from it.
    pub origin: TextOrigin,
    /// What the file states about the article (a page's tags, a record's
    /// fields); wins over what cleaning reads off the text.
    pub given: PageMetadata,
}

impl LoadedText {
    /// An article extracted from a richer format: offsets index `text`.
    pub(crate) fn extracted(
        path: String,
        text: String,
        given: PageMetadata,
        warnings: Vec<String>,
    ) -> Self {
        LoadedText {
            path,
            decoded: Decoded {
                text,
                offsets: OffsetMap::default(),
                first_invalid: None,
                invalid_sequences: 0,
                encoding: None,
            },
            warnings,
            origin: TextOrigin::Extracted,
            given,
        }
    }
}

/// What one file gave: its articles (several for JSON Lines and feeds) and
/// what went wrong with the rest.
#[derive(Debug, Default)]
pub struct FileLoad {
    pub texts: Vec<LoadedText>,
    pub diagnostics: Vec<Diagnostic>,
}

impl FileLoad {
    fn one(result: Result<LoadedText, Diagnostic>) -> Self {
        match result {
            Ok(text) => FileLoad {
                texts: vec![text],
                diagnostics: Vec::new(),
            },
            Err(d) => FileLoad {
                texts: Vec::new(),
                diagnostics: vec![d],
            },
        }
    }
}

/// Reads one file's bytes in `format`, or the format its content and name
/// say.
pub fn load_file_bytes(path: &str, bytes: &[u8], format: Option<InputFormat>) -> FileLoad {
    match format.unwrap_or_else(|| formats::detect(path, bytes)) {
        InputFormat::Text => FileLoad::one(load_bytes(path, bytes)),
        InputFormat::Html => FileLoad::one(html::load_page(path, bytes, None, None)),
        InputFormat::Mhtml => FileLoad::one(mhtml::load(path, bytes)),
        InputFormat::Json => records::load(path, bytes),
        InputFormat::Feed => feed::load(path, bytes),
    }
}

/// Default limit on all files together: memory stays proportional to the
/// input, and a mistaken PATH (a home folder) stops early with a message.
pub const DEFAULT_MAX_TOTAL_BYTES: u64 = 2 * 1024 * 1024 * 1024;

/// Options for reading files.
#[derive(Debug, Clone, Copy)]
pub struct LoadOptions {
    pub max_file_bytes: u64,
    pub max_total_bytes: u64,
    /// Read every file in this format instead of detecting it.
    pub format: Option<InputFormat>,
}

impl Default for LoadOptions {
    fn default() -> Self {
        LoadOptions {
            max_file_bytes: DEFAULT_MAX_FILE_BYTES,
            max_total_bytes: DEFAULT_MAX_TOTAL_BYTES,
            format: None,
        }
    }
}

/// Decodes one file's bytes into a [`LoadedText`], or a diagnostic saying why
/// it is skipped.
pub fn load_bytes(path: &str, bytes: &[u8]) -> Result<LoadedText, Diagnostic> {
    loaded_text(path, decode(bytes))
}

/// [`load_bytes`] of bytes read for it alone (no copy when they are UTF-8).
fn load_owned_bytes(path: &str, bytes: Vec<u8>) -> Result<LoadedText, Diagnostic> {
    loaded_text(path, decode_owned(bytes))
}

fn loaded_text(path: &str, decoded: Result<Decoded, Rejection>) -> Result<LoadedText, Diagnostic> {
    let decoded = decoded.map_err(|why| Diagnostic::warning(path, why.to_string()))?;
    let warnings = decoded.warnings();
    Ok(LoadedText {
        path: path.to_owned(),
        decoded,
        warnings,
        origin: TextOrigin::File,
        given: PageMetadata::default(),
    })
}

/// Reads one file, refusing files over the size limit without reading them.
pub fn read_file(path: &Path, options: LoadOptions) -> FileLoad {
    read_sized_file(path, 0, options)
}

/// [`read_file`], for a file of about `size` bytes (as found): the buffer
/// is made that large at once, so that the file is read in one call, not
/// in a series of growing ones (nine on average for a 3 KB article).
fn read_sized_file(path: &Path, size: u64, options: LoadOptions) -> FileLoad {
    match read_bytes(path, size, options) {
        Ok(bytes) => {
            let name = path.to_string_lossy();
            match options
                .format
                .unwrap_or_else(|| formats::detect(&name, &bytes))
            {
                InputFormat::Text => FileLoad::one(load_owned_bytes(&name, bytes)),
                format => load_file_bytes(&name, &bytes, Some(format)),
            }
        }
        Err(d) => FileLoad::one(Err(d)),
    }
}

fn read_bytes(path: &Path, size: u64, options: LoadOptions) -> Result<Vec<u8>, Diagnostic> {
    let file = std::fs::File::open(path)
        .map_err(|err| Diagnostic::warning(path, format!("cannot read: {}", io_reason(&err))))?;
    // Read one byte past the limit to tell "at the limit" from "over it"
    // without trusting a size that may change while we read.
    let capacity = size.min(options.max_file_bytes).saturating_add(1);
    let mut bytes = Vec::with_capacity(usize::try_from(capacity).unwrap_or(0));
    file.take(options.max_file_bytes.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|err| Diagnostic::warning(path, format!("cannot read: {}", io_reason(&err))))?;
    if bytes.len() as u64 > options.max_file_bytes {
        return Err(Diagnostic::warning(
            path,
            format!(
                "larger than the {} limit, skipped (raise it with --max-file-size)",
                human_bytes(options.max_file_bytes)
            ),
        ));
    }
    Ok(bytes)
}

/// Result of loading every PATH.
#[derive(Debug, Default)]
pub struct Loaded {
    pub texts: Vec<LoadedText>,
    pub diagnostics: Vec<Diagnostic>,
}

/// Discovers and reads every article under `paths`.
pub fn load_paths(paths: &[PathBuf], options: LoadOptions) -> Loaded {
    let Discovered {
        mut files,
        sizes,
        mut diagnostics,
    } = discover(paths);
    // Stop before the total limit: sizes come from metadata, so nothing is read.
    let mut total = 0u64;
    if let Some(cut) = sizes.iter().position(|&size| {
        total = total.saturating_add(size.min(options.max_file_bytes));
        total > options.max_total_bytes
    }) {
        let skipped = files.len() - cut;
        diagnostics.push(Diagnostic::error(
            &files[cut],
            format!(
                "the total input limit of {} is reached here: this file and {} more skipped (raise it with --max-total-size)",
                human_bytes(options.max_total_bytes),
                skipped - 1
            ),
        ));
        files.truncate(cut);
    }
    let mut loaded = Loaded {
        texts: Vec::with_capacity(files.len()),
        diagnostics,
    };
    let results: Vec<_> = {
        use rayon::prelude::*;
        files
            .par_iter()
            .zip(&sizes)
            .map(|(f, &size)| read_sized_file(f, size, options))
            .collect()
    };
    for FileLoad { texts, diagnostics } in results {
        loaded.texts.extend(texts);
        loaded.diagnostics.extend(diagnostics);
    }
    loaded
}

fn io_reason(err: &std::io::Error) -> String {
    match err.kind() {
        std::io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
        std::io::ErrorKind::NotFound => "file disappeared before it could be read".to_owned(),
        _ => err.to_string(),
    }
}

/// Articles given as strings, named "0.txt", "1.txt", … (for tests of the
/// later stages).
#[cfg(test)]
pub(crate) fn texts_for_test(articles: &[&str]) -> Vec<LoadedText> {
    articles
        .iter()
        .enumerate()
        .filter_map(|(i, a)| load_bytes(&format!("{i}.txt"), a.as_bytes()).ok())
        .collect()
}

/// `64 MiB`, `512 KiB`, `100 bytes`.
pub fn human_bytes(n: u64) -> String {
    const KIB: u64 = 1024;
    const MIB: u64 = 1024 * 1024;
    if n >= MIB && n.is_multiple_of(MIB) {
        format!("{} MiB", n / MIB)
    } else if n >= KIB && n.is_multiple_of(KIB) {
        format!("{} KiB", n / KIB)
    } else if n == 1 {
        "1 byte".to_owned()
    } else {
        format!("{n} bytes")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn over_limit_files_are_skipped_with_a_message() {
        let tmp = tempfile::tempdir().unwrap();
        let path = tmp.path().join("big.txt");
        std::fs::write(&path, "word ".repeat(300)).unwrap();
        let err = read_file(
            &path,
            LoadOptions {
                max_file_bytes: 1024,
                ..LoadOptions::default()
            },
        )
        .diagnostics
        .remove(0);
        assert!(err.to_string().contains("big.txt"));
        assert!(err.to_string().contains("1 KiB limit"));
        assert_eq!(human_bytes(1), "1 byte");
        assert_eq!(human_bytes(2), "2 bytes");
        assert!(
            read_file(
                &path,
                LoadOptions {
                    max_file_bytes: 1500,
                    ..LoadOptions::default()
                }
            )
            .texts
            .len()
                == 1
        );
    }

    #[test]
    fn invalid_utf8_is_a_warning_with_the_offset() {
        let bytes = ["ok “quoted” ".as_bytes(), b"\xC3\x28 fine"].concat();
        let text = load_bytes("x.txt", &bytes).unwrap();
        assert_eq!(text.warnings.len(), 1);
        assert!(
            text.warnings[0].contains("byte offset 16"),
            "{:?}",
            text.warnings
        );
    }

    #[test]
    fn demo_corpus_loads_without_diagnostics() {
        let demo = load_demo();
        assert_eq!(demo.texts.len(), DEMO.len());
        assert!(demo.diagnostics.is_empty());
        assert!(demo.texts.iter().all(|t| t.warnings.is_empty()));
    }
}
