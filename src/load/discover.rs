//! Turning the PATH arguments into a stable list of article files.

use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};

use super::Diagnostic;
use super::formats::{has_article_extension, sniffs_as_article};

/// What the PATH arguments name.
#[derive(Debug, Default)]
pub struct Discovered {
    pub files: Vec<PathBuf>,
    /// Each file's size when it was found (the total limit is checked
    /// with these, without asking the file system again).
    pub sizes: Vec<u64>,
    pub diagnostics: Vec<Diagnostic>,
}

/// Expands files and folders (recursively, hidden entries skipped, sorted by
/// name at each level) into article files, in argument order.
pub fn discover(paths: &[PathBuf]) -> Discovered {
    let mut found = Discovered::default();
    let mut visited_dirs = HashSet::new();
    let mut seen_files = Seen::default();
    for path in paths {
        let meta = match fs::metadata(path) {
            Ok(meta) => meta,
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => {
                found
                    .diagnostics
                    .push(Diagnostic::error(path, "no such file or folder"));
                continue;
            }
            Err(err) => {
                found
                    .diagnostics
                    .push(Diagnostic::error(path, format!("cannot read: {err}")));
                continue;
            }
        };
        if meta.is_dir() {
            let before = found.files.len();
            let mut skipped = std::collections::BTreeMap::new();
            walk(
                path,
                &mut visited_dirs,
                &mut seen_files,
                &mut found,
                &mut skipped,
            );
            if found.files.len() == before && !skipped.is_empty() {
                found.diagnostics.push(Diagnostic::warning(
                    path,
                    format!(
                        "no article files in this folder (found {}); crossread reads {}",
                        describe_skipped(&skipped),
                        super::ARTICLE_EXTENSIONS
                            .iter()
                            .map(|e| format!(".{e}"))
                            .collect::<Vec<_>>()
                            .join(" ")
                    ),
                ));
            }
        } else if meta.is_file() {
            push_file(path, &meta, &mut seen_files, &mut found);
        } else {
            found.diagnostics.push(Diagnostic::warning(
                path,
                "not a regular file (pipe, socket or device), skipped",
            ));
        }
    }
    found
}

/// Files already taken: on Unix by device and inode, so that hard links
/// to one file load it once; elsewhere by canonical path.
#[derive(Default)]
struct Seen {
    #[cfg(not(unix))]
    paths: HashSet<PathBuf>,
    inodes: std::collections::HashMap<(u64, u64), PathBuf>,
}

fn push_file(path: &Path, meta: &fs::Metadata, seen: &mut Seen, found: &mut Discovered) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        // A file seen before by its device and inode is either the same
        // name again (or reached through a symbolic link: loaded once,
        // silently, since the user named it) or a hard link, another name
        // for the same article (loaded twice, it would corroborate itself).
        // Paths are made canonical only then: for every file, that cost
        // four system calls.
        if let Some(first) = seen.inodes.get(&(meta.dev(), meta.ino())) {
            let same_name = fs::canonicalize(path).ok() == fs::canonicalize(first).ok();
            if !same_name {
                found.diagnostics.push(Diagnostic::note(
                    path,
                    format!(
                        "the same file as {} (a hard link), loaded once",
                        first.display()
                    ),
                ));
            }
            return;
        }
        seen.inodes
            .insert((meta.dev(), meta.ino()), path.to_path_buf());
    }
    #[cfg(not(unix))]
    {
        let key = fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        if !seen.paths.insert(key) {
            return;
        }
    }
    found.files.push(path.to_path_buf());
    found.sizes.push(meta.len());
}

fn walk(
    dir: &Path,
    visited: &mut HashSet<PathBuf>,
    seen: &mut Seen,
    found: &mut Discovered,
    skipped: &mut std::collections::BTreeMap<String, usize>,
) {
    // Canonical paths guard against symlink loops.
    let canonical = fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
    if !visited.insert(canonical) {
        return;
    }
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(err) => {
            found.diagnostics.push(Diagnostic::warning(
                dir,
                format!("cannot list folder: {err}"),
            ));
            return;
        }
    };
    let mut children: Vec<fs::DirEntry> = entries
        .filter_map(Result::ok)
        .filter(|e| !e.file_name().to_string_lossy().starts_with('.'))
        .collect();
    children.sort_by_cached_key(fs::DirEntry::file_name);
    // Every entry's metadata at once, in parallel and relative to the
    // folder: a path lookup a file, one after the other, was a third of
    // the time reading 10,000 articles took. A link is followed, as
    // fs::metadata does; a dangling one is reported, not fatal.
    let metadata: Vec<std::io::Result<fs::Metadata>> = {
        use rayon::prelude::*;
        children
            .par_iter()
            .map(|entry| match entry.file_type() {
                Ok(kind) if !kind.is_symlink() => entry.metadata(),
                _ => fs::metadata(entry.path()),
            })
            .collect()
    };
    for (entry, meta) in children.iter().zip(metadata) {
        let child = entry.path();
        let meta = match meta {
            Ok(meta) => meta,
            Err(err) => {
                found
                    .diagnostics
                    .push(Diagnostic::warning(&child, format!("cannot read: {err}")));
                continue;
            }
        };
        if meta.is_dir() {
            if !is_saved_page_folder(&child) {
                walk(&child, visited, seen, found, skipped);
            }
        } else if has_article_extension(&child) || (meta.is_file() && sniffs_as_article(&child)) {
            if meta.is_file() {
                push_file(&child, &meta, seen, found);
            } else {
                found.diagnostics.push(Diagnostic::warning(
                    &child,
                    "not a regular file (pipe, socket or device), skipped",
                ));
            }
        } else {
            let ext = child
                .extension()
                .map(|e| e.to_string_lossy().to_ascii_lowercase())
                .unwrap_or_default();
            *skipped.entry(ext).or_default() += 1;
        }
    }
}

/// Browsers save a page's images, scripts and frames in `NAME_files` beside
/// `NAME.html`: parts of that page, not articles.
fn is_saved_page_folder(dir: &Path) -> bool {
    let Some(stem) = dir
        .file_name()
        .and_then(|n| n.to_str())
        .and_then(|n| n.strip_suffix("_files"))
    else {
        return false;
    };
    ["html", "htm", "mhtml", "xhtml"]
        .iter()
        .any(|ext| dir.with_file_name(format!("{stem}.{ext}")).is_file())
}

/// "3 .pdf, 1 .png, 2 without extension": what a folder held instead of
/// articles.
fn describe_skipped(skipped: &std::collections::BTreeMap<String, usize>) -> String {
    skipped
        .iter()
        .map(|(ext, n)| {
            if ext.is_empty() {
                format!("{n} without extension")
            } else {
                format!("{n} .{ext}")
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn walks_folders_in_stable_order_skipping_hidden_and_other_files() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path();
        fs::create_dir_all(root.join("b/deep")).unwrap();
        fs::create_dir_all(root.join(".hidden")).unwrap();
        for f in [
            "z.txt",
            "a.md",
            "b/deep/c.text",
            "b/x.TXT",
            ".secret.txt",
            ".hidden/h.txt",
            "notes.pdf",
        ] {
            fs::write(root.join(f), "text").unwrap();
        }
        let found = discover(&[root.to_path_buf()]);
        let names: Vec<String> = found
            .files
            .iter()
            .map(|p| p.strip_prefix(root).unwrap().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names, ["a.md", "b/deep/c.text", "b/x.TXT", "z.txt"]);
        assert!(found.diagnostics.is_empty());
    }

    #[test]
    fn missing_path_is_an_error_and_the_rest_still_comes() {
        let tmp = tempfile::tempdir().unwrap();
        fs::write(tmp.path().join("a.txt"), "text").unwrap();
        let found = discover(&[tmp.path().join("nope"), tmp.path().join("a.txt")]);
        assert_eq!(found.files.len(), 1);
        assert_eq!(found.diagnostics.len(), 1);
        assert!(found.diagnostics[0].is_error());
        assert!(found.diagnostics[0].to_string().contains("nope"));
    }

    #[cfg(unix)]
    #[test]
    fn hard_links_load_once_with_a_note() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path();
        fs::write(root.join("a.txt"), "text").unwrap();
        fs::hard_link(root.join("a.txt"), root.join("b.txt")).unwrap();
        let found = discover(&[root.to_path_buf()]);
        assert_eq!(found.files, vec![root.join("a.txt")]);
        let notes: Vec<String> = found.diagnostics.iter().map(|d| d.to_string()).collect();
        assert_eq!(notes.len(), 1, "{notes:?}");
        assert!(
            notes[0].starts_with("note: ")
                && notes[0].contains("b.txt")
                && notes[0].contains("hard link"),
            "{notes:?}"
        );
        assert!(!found.diagnostics[0].is_error());
    }

    #[cfg(unix)]
    #[test]
    fn a_file_named_twice_or_through_a_link_loads_once_silently() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path();
        fs::write(root.join("a.txt"), "text").unwrap();
        std::os::unix::fs::symlink(root.join("a.txt"), root.join("link.txt")).unwrap();
        let a = root.join("a.txt");
        let found = discover(&[a.clone(), a.clone(), root.join("link.txt")]);
        assert_eq!(found.files, vec![a]);
        assert!(found.diagnostics.is_empty(), "{:?}", found.diagnostics);
    }

    #[test]
    #[cfg(unix)]
    fn survives_symlink_loops_and_skips_fifos() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path();
        fs::create_dir(root.join("d")).unwrap();
        fs::write(root.join("d/a.txt"), "text").unwrap();
        std::os::unix::fs::symlink(root, root.join("d/loop")).unwrap();
        let fifo = root.join("d/pipe.txt");
        let status = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap();
        assert!(status.success(), "mkfifo failed");
        let found = discover(&[root.to_path_buf()]);
        assert_eq!(found.files.len(), 1);
        assert!(
            found
                .diagnostics
                .iter()
                .any(|d| d.to_string().contains("not a regular file"))
        );
    }

    #[test]
    #[cfg(unix)]
    fn links_inside_a_folder_are_followed_and_a_dangling_one_is_reported() {
        let tmp = tempfile::tempdir().unwrap();
        let (root, elsewhere) = (tmp.path().join("root"), tmp.path().join("elsewhere"));
        fs::create_dir_all(&root).unwrap();
        fs::create_dir_all(elsewhere.join("folder")).unwrap();
        fs::write(elsewhere.join("linked.txt"), "text").unwrap();
        fs::write(elsewhere.join("folder/inside.txt"), "text").unwrap();
        fs::write(root.join("plain.txt"), "text").unwrap();
        std::os::unix::fs::symlink(elsewhere.join("linked.txt"), root.join("file-link.txt"))
            .unwrap();
        std::os::unix::fs::symlink(elsewhere.join("folder"), root.join("folder-link")).unwrap();
        std::os::unix::fs::symlink(root.join("gone.txt"), root.join("dangling.txt")).unwrap();
        let found = discover(std::slice::from_ref(&root));
        let names: Vec<String> = found
            .files
            .iter()
            .map(|f| f.strip_prefix(&root).unwrap().display().to_string())
            .collect();
        assert_eq!(
            names,
            ["file-link.txt", "folder-link/inside.txt", "plain.txt"]
        );
        assert_eq!(found.sizes, [4, 4, 4]);
        let dangling: Vec<String> = found.diagnostics.iter().map(|d| d.to_string()).collect();
        assert!(
            dangling.len() == 1
                && dangling[0].contains("dangling.txt")
                && dangling[0].contains("cannot read"),
            "{dangling:?}"
        );
    }
}
