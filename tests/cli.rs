//! End-to-end tests of the command line: bad input, exit statuses, output
//! streams, the export schema, and article text printed safely.

mod cli_support;

use cli_support::*;
use std::process::Command;

#[test]
fn missing_path_is_named_exit_2_and_the_rest_still_loads() {
    let tmp = tempfile::tempdir().unwrap();
    let good = write(tmp.path(), "good.txt", GOOD.as_bytes());
    let missing = tmp.path().join("missing.txt");
    let out = crossread(&["export", missing.to_str().unwrap(), good.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("missing.txt: no such file or folder"),
        "{}",
        stderr(&out)
    );
    assert_eq!(json(&out)["sources"].as_array().unwrap().len(), 1);
}

#[test]
fn nothing_readable_is_an_error() {
    let tmp = tempfile::tempdir().unwrap();
    write(tmp.path(), "empty.txt", b"");
    let out = crossread(&["export", tmp.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("empty.txt: empty file, skipped"),
        "{}",
        stderr(&out)
    );
    assert!(
        stderr(&out).contains("no readable article"),
        "{}",
        stderr(&out)
    );
    assert!(out.stdout.is_empty());
}

#[test]
fn bad_files_are_skipped_with_warnings_and_the_rest_loads() {
    let tmp = tempfile::tempdir().unwrap();
    write(tmp.path(), "a_good.txt", GOOD.as_bytes());
    write(tmp.path(), "b_empty.txt", b"");
    write(tmp.path(), "c_blank.txt", b"  \n\n\t\n");
    write(
        tmp.path(),
        "d_binary.txt",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
    );
    write(
        tmp.path(),
        "e_latin1.txt",
        b"Caf\xe9 owner says the blast shook the street.\n",
    );
    #[cfg(unix)]
    std::os::unix::fs::symlink(
        tmp.path().join("nowhere"),
        tmp.path().join("f_dangling.txt"),
    )
    .unwrap();
    let out = crossread(&["export", tmp.path().to_str().unwrap()]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(err.contains("b_empty.txt: empty file, skipped"), "{err}");
    assert!(
        err.contains("c_blank.txt: file holds only white space, skipped"),
        "{err}"
    );
    assert!(
        err.contains("d_binary.txt: binary file (a PNG image: NUL byte at offset 8)"),
        "{err}"
    );
    assert!(
        err.contains("e_latin1.txt: not UTF-8 and no charset declared: read as windows-1252"),
        "{err}"
    );
    #[cfg(unix)]
    assert!(err.contains("f_dangling.txt: cannot read"), "{err}");
    let model = json(&out);
    let paths: Vec<&str> = model["sources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["path"].as_str().unwrap())
        .collect();
    assert_eq!(paths.len(), 2, "{paths:?}");
    assert!(paths[0].ends_with("a_good.txt") && paths[1].ends_with("e_latin1.txt"));
    let warnings = &model["sources"][1]["warnings"];
    assert!(warnings[0].as_str().unwrap().contains("windows-1252"));
    let first = model["passages"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["source"] == 1)
        .unwrap();
    assert!(
        first["text"].as_str().unwrap().starts_with("Café owner"),
        "{first}"
    );
    assert_eq!(model["sources"][1]["text_origin"], "file");
}

#[test]
fn files_over_the_size_limit_are_skipped() {
    let tmp = tempfile::tempdir().unwrap();
    write(tmp.path(), "a.txt", GOOD.as_bytes());
    write(
        tmp.path(),
        "big.txt",
        "All work and no play. ".repeat(100).as_bytes(),
    );
    let out = crossread(&[
        "export",
        "--max-file-size",
        "1K",
        tmp.path().to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0));
    assert!(
        stderr(&out).contains("big.txt: larger than the 1 KiB limit"),
        "{}",
        stderr(&out)
    );
    assert_eq!(json(&out)["sources"].as_array().unwrap().len(), 1);
}

#[test]
fn export_schema_has_every_documented_field() {
    let out = crossread(&["export", "--format", "json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let model = json(&out);
    assert_eq!(model["version"], 1);
    for key in [
        "id",
        "path",
        "title",
        "outlet",
        "byline",
        "date",
        "url",
        "warnings",
        "text_origin",
    ] {
        assert!(model["sources"][0].get(key).is_some(), "source.{key}");
    }
    for key in [
        "id",
        "source",
        "paragraph",
        "kind",
        "text",
        "start",
        "end",
        "duplicate_of",
    ] {
        assert!(model["passages"][0].get(key).is_some(), "passage.{key}");
    }
    for key in [
        "id",
        "passages",
        "sources",
        "text",
        "support",
        "differences",
    ] {
        assert!(model["claims"][0].get(key).is_some(), "claim.{key}");
    }
    for key in ["a", "b", "score", "evidence"] {
        assert!(model["links"][0].get(key).is_some(), "link.{key}");
    }
    // Claims of a shared figure say so; other claims have no anchor.
    let claims = model["claims"].as_array().unwrap();
    let anchored: Vec<&serde_json::Value> = claims.iter().filter_map(|c| c.get("anchor")).collect();
    assert!(
        anchored
            .iter()
            .any(|a| a["kind"] == "figure" && a["text"] == "€1.2 million"),
        "{anchored:?}"
    );
    assert!(anchored.len() < claims.len());
    // Ids are integers and refer to existing entries.
    let passages = model["passages"].as_array().unwrap().len() as u64;
    for link in model["links"].as_array().unwrap() {
        assert!(link["a"].as_u64().unwrap() < passages && link["b"].as_u64().unwrap() < passages);
    }
}

#[test]
fn sources_table_and_help_and_version() {
    let out = crossread(&["sources"]);
    assert!(out.status.success());
    let table = stdout(&out);
    assert!(table.lines().next().unwrap().contains("OUTLET"));
    assert!(table.contains("The Harbour Herald"));
    assert_eq!(
        table.lines().count(),
        10,
        "header and nine demo articles:\n{table}"
    );
    // The saved page and the news-please record, with their metadata.
    assert!(
        table.contains("Portside Gazette           2025-03-05"),
        "{table}"
    );
    assert!(
        table.contains("westcoast-courier.example  2025-03-05"),
        "{table}"
    );
    for sub in ["export", "sources", "claims", "differences", "explain"] {
        let help = crossread(&[sub, "--help"]);
        assert!(help.status.success());
        assert!(stdout(&help).contains("Usage: crossread"), "{sub}");
    }
    let version = crossread(&["--version"]);
    assert!(stdout(&version).starts_with("crossread "));
}

#[test]
fn a_closed_pipe_is_not_an_error() {
    use std::io::Read;
    use std::process::Stdio;
    let mut child = Command::new(env!("CARGO_BIN_EXE_crossread"))
        .args(["export"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 16];
    child.stdout.take().unwrap().read_exact(&mut first).unwrap();
    // stdout is dropped here: later writes hit a closed pipe.
    let status = child.wait().unwrap();
    let mut err = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut err)
        .unwrap();
    assert!(!err.contains("panicked"), "{err}");
    assert!(status.code().is_some(), "killed by a signal: {status:?}");
}

#[test]
fn the_reader_without_a_terminal_says_so_and_exits_2() {
    let out = crossread(&[]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("needs a terminal"), "{err}");
    assert!(err.contains("crossread export"), "{err}");
}

/// Article text, outlets and file names reach the terminal with control
/// characters as visible glyphs, on every command that prints text; the
/// JSON export keeps them exact.
#[test]
fn printed_article_text_holds_no_control_sequences() {
    let tmp = tempfile::tempdir().unwrap();
    let hostile = "Blast \u{1b}]0;owned\u{7}kills five \u{1b}]52;c;ZXZpbA==\u{7}\n\n\
        Five workers were killed \u{1b}[2J in a blast at the plant on Monday, officials said. \
        The fire \u{9b}31m burned \u{202e}for hours before crews arrived at the northern pier.\n";
    write(tmp.path(), "a\u{1b}[31m.txt", hostile.as_bytes());
    write(
        tmp.path(),
        "b.txt",
        "Plant blast\n\nFive workers were killed in a blast at the plant on Monday, officials said. \
         The fire burned for hours before crews arrived at the northern pier.\n\u{ff}"
            .as_bytes(),
    );
    let dir = tmp.path().to_str().unwrap();
    for args in [
        vec!["sources", dir],
        vec!["claims", dir],
        vec!["claims", "--single-source", dir],
        vec!["explain", "1", "5", dir],
    ] {
        let out = crossread(&args);
        for (stream, bytes) in [("stdout", &out.stdout), ("stderr", &out.stderr)] {
            let text = String::from_utf8_lossy(bytes);
            assert!(
                !text
                    .chars()
                    .any(|c| c.is_control() && c != '\n' || ('\u{202a}'..='\u{202e}').contains(&c)),
                "{args:?} {stream}: {text:?}"
            );
        }
    }
    let export = crossread(&["export", dir]);
    assert!(stdout(&export).contains("\\u001b[2J"), "JSON stays exact");
}
