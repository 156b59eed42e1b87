//! End-to-end tests of the command line: bad input, exit statuses, output
//! streams, and the export schema.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn crossread(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_crossread"))
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .expect("run crossread")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn json(o: &Output) -> serde_json::Value {
    serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("not JSON ({e}): {}", stdout(o)))
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

const GOOD: &str = "Blast kills five\n\nFive workers were killed in a blast at the plant on Monday, officials said.\n";

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
fn claims_and_single_source_claims_of_the_demo() {
    let out = crossread(&["claims"]);
    assert!(out.status.success());
    let text = stdout(&out);
    assert!(text.starts_with("#1 reported by"), "{text}");
    assert!(
        text.contains("(number): "),
        "the demo disagrees on numbers:\n{text}"
    );
    assert!(
        text.contains("(qualifier): "),
        "the demo quotes a hedge two ways:\n{text}"
    );
    assert!(
        text.contains("   all give the figure €1.2 million\n"),
        "the fine is a shared figure:\n{text}"
    );
    let single = stdout(&crossread(&["claims", "--single-source", "--json"]));
    let single: serde_json::Value = serde_json::from_str(&single).unwrap();
    let texts: Vec<&str> = single["single_source"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["text"].as_str().unwrap())
        .collect();
    assert!(
        texts
            .iter()
            .any(|t| t.contains("Nordbank estimated the total cost")),
        "{texts:?}"
    );
}

#[test]
fn explain_tells_why_and_rejects_bad_ids() {
    let out = crossread(&["explain", "0", "999999"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("no passage 999999"));
    let model = json(&crossread(&["export"]));
    let link = &model["links"][0];
    let (a, b) = (link["a"].to_string(), link["b"].to_string());
    let text = stdout(&crossread(&["explain", &a, &b]));
    assert!(text.contains("LINKED"), "{text}");
    assert!(text.contains("shared terms"), "{text}");
}

/// `explain` of two passages of two articles (the passages beginning `a`
/// and `b`), and whether any claim of the export holds both.
fn explain_pair(articles: [&str; 2], a: &str, b: &str) -> (String, bool) {
    let tmp = tempfile::tempdir().unwrap();
    for (i, text) in articles.iter().enumerate() {
        write(tmp.path(), &format!("{i}.txt"), text.as_bytes());
    }
    let dir = tmp.path().to_str().unwrap();
    let export = json(&crossread(&["export", dir]));
    let id = |start: &str| {
        export["passages"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["text"].as_str().unwrap().starts_with(start))
            .unwrap_or_else(|| panic!("no passage {start}"))["id"]
            .to_string()
    };
    let (a, b) = (id(a), id(b));
    let text = stdout(&crossread(&["explain", &a, &b, dir]));
    let joined = export["claims"].as_array().unwrap().iter().any(|c| {
        let members: Vec<String> = c["passages"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| m.to_string())
            .collect();
        members.contains(&a) && members.contains(&b)
    });
    (text, joined)
}

/// Two quotations sharing one word ("cockpit") that is not all either
/// states are not one claim, however alike the rest reads, and `explain`
/// says so with the share compared.
#[test]
fn explain_names_the_rule_against_one_shared_word() {
    let (text, joined) = explain_pair(
        [
            "Bird delays flight\n\nA small bird delayed a Delta flight at the airport on Sunday. \"There's a bird in the cockpit.\" The airline apologised to the passengers.\n",
            "Flight held at the gate\n\nA Delta flight was held at the gate on Sunday after a bird got on board. A worker came out of the cockpit. The passengers applauded.\n",
        ],
        "\"There's a bird",
        "A worker came",
    );
    assert!(
        text.contains("not linked: 1 content word in common")
            && text.contains(" < 0.99 of its weighted content"),
        "{text}"
    );
    assert!(text.contains("cockpit"), "{text}");
    assert!(!joined, "{text}");
}

/// Two short quotations sharing only function words ("I was") are not one
/// claim, and `explain` gives the rule that decided, with its values.
#[test]
fn explain_names_the_rule_against_function_words_alone() {
    let (text, joined) = explain_pair(
        [
            "Director admits crash regret\n\nThe director said on Saturday that he regretted the car stunt on the film set. He had tested the road once. \"I was wrong.\" The studio declined to comment.\n",
            "Actress recalls film set crash\n\nThe actress described the car stunt on the film set in an interview on Saturday. She had asked for a stunt driver. \"But I was scared.\" Her lawyer declined to comment.\n",
        ],
        "\"I was wrong",
        "\"But I was scared",
    );
    assert!(
        text.contains("not linked: 0 shared content terms < 1"),
        "{text}"
    );
    assert!(!joined, "{text}");
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

/// Two events in one folder: `stories` lists them, links never cross
/// them, `--story` narrows `sources` and `claims`, and a story that does
/// not exist is an error naming how many there are.
#[test]
fn a_folder_of_two_events_forms_two_stories() {
    let tmp = tempfile::tempdir().unwrap();
    let zoo = [
        "Zoo gorilla shot\n\nA gorilla named Harambe was shot dead at the Cincinnati Zoo on Saturday after a boy fell into its enclosure. Zoo director Thane Maynard said the boy was safe. The gorilla dragged the boy through the moat for ten minutes.\n",
        "Boy falls into gorilla enclosure\n\nCincinnati Zoo staff shot Harambe, a western lowland gorilla, on Saturday when a four-year-old boy climbed into the enclosure. Director Thane Maynard said the boy was safe. The gorilla dragged the boy through the moat.\n",
    ];
    let bid = [
        "Broadcom raises Qualcomm bid\n\nBroadcom raised its offer for Qualcomm to $121 billion on Monday, calling it best and final. The chipmaker offered $82 a share in cash and stock. Qualcomm said its board would review the proposal.\n",
        "Qualcomm weighs new offer\n\nQualcomm's board will review the raised Broadcom bid of $82 a share, worth $121 billion, the chipmaker said on Monday. Broadcom called the offer best and final. Shares of Qualcomm fell.\n",
    ];
    for (i, text) in zoo.iter().chain(&bid).enumerate() {
        write(tmp.path(), &format!("{i}.txt"), text.as_bytes());
    }
    let dir = tmp.path().to_str().unwrap();
    let export = json(&crossread(&["export", dir]));
    let stories = export["stories"].as_array().unwrap();
    let mut groups: Vec<Vec<u64>> = stories
        .iter()
        .map(|s| {
            s["sources"]
                .as_array()
                .unwrap()
                .iter()
                .map(|v| v.as_u64().unwrap())
                .collect()
        })
        .collect();
    groups.sort();
    assert_eq!(groups, vec![vec![0, 1], vec![2, 3]], "{stories:?}");
    let source_of: Vec<u64> = export["passages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["source"].as_u64().unwrap())
        .collect();
    let links = export["links"].as_array().unwrap();
    assert!(!links.is_empty());
    for l in links {
        let (a, b) = (
            source_of[l["a"].as_u64().unwrap() as usize],
            source_of[l["b"].as_u64().unwrap() as usize],
        );
        assert_eq!(a / 2, b / 2, "a link across stories: {l:?}");
    }
    for c in export["claims"].as_array().unwrap() {
        let story = c["story"].as_u64().unwrap() as usize;
        let members: Vec<u64> = stories[story]["sources"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_u64().unwrap())
            .collect();
        for s in c["sources"].as_array().unwrap() {
            assert!(members.contains(&s.as_u64().unwrap()), "{c:?}");
        }
    }
    let listed = stdout(&crossread(&["stories", dir]));
    assert_eq!(listed.matches("story ").count(), 2, "{listed}");
    let zoo_story = stories
        .iter()
        .position(|s| s["sources"][0] == 0)
        .unwrap()
        .to_string();
    let sources = stdout(&crossread(&["sources", "--story", &zoo_story, dir]));
    assert_eq!(
        sources.lines().count(),
        3,
        "header and two articles: {sources}"
    );
    let claims = stdout(&crossread(&["claims", "--story", &zoo_story, dir]));
    assert!(
        claims.contains("Harambe") || claims.contains("gorilla"),
        "{claims}"
    );
    assert!(!claims.contains("Qualcomm"), "{claims}");
    let missing = crossread(&["claims", "--story", "7", dir]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(
        stderr(&missing).contains("no story 7"),
        "{}",
        stderr(&missing)
    );
}

#[test]
fn differences_of_the_demo_most_important_first() {
    let out = crossread(&["differences"]);
    assert!(out.status.success());
    let text = stdout(&out);
    let first = text.lines().next().unwrap_or_default();
    // The demo's outlets disagree on the toll: counts come first.
    assert!(
        first.starts_with("≠ ") && first.contains("(number)"),
        "{text}"
    );
    assert!(text.contains("(qualifier)"), "{text}");
    let kinds: Vec<&str> = text
        .lines()
        .filter(|l| l.starts_with("≠ "))
        .filter_map(|l| l.split(" (").nth(1)?.split(')').next())
        .collect();
    let rank = |k: &str| {
        ["number", "date", "name", "qualifier"]
            .iter()
            .position(|x| *x == k)
    };
    // Numbers before wording (dates may be typed as numbers' neighbours).
    let last_number = kinds.iter().rposition(|k| *k == "number");
    let first_qualifier = kinds.iter().position(|k| *k == "qualifier");
    assert!(last_number < first_qualifier, "{kinds:?}");
    assert!(kinds.iter().all(|k| rank(k).is_some()), "{kinds:?}");

    // JSON: every value's spans are byte ranges of its passage's text.
    let json = crossread(&["differences", "--json"]);
    assert!(json.status.success());
    let rows: serde_json::Value = serde_json::from_str(&stdout(&json)).unwrap();
    let export = crossread(&["export", "--format", "json"]);
    let corpus: serde_json::Value = serde_json::from_str(&stdout(&export)).unwrap();
    let rows = rows.as_array().unwrap();
    assert!(!rows.is_empty());
    for row in rows {
        for v in row["values"].as_array().unwrap() {
            let passage = v["passage"].as_u64().unwrap() as usize;
            let text = corpus["passages"][passage]["text"].as_str().unwrap();
            for s in v["spans"].as_array().unwrap() {
                let (a, b) = (
                    s["start"].as_u64().unwrap() as usize,
                    s["end"].as_u64().unwrap() as usize,
                );
                let shown = text
                    .get(a..b)
                    .unwrap_or_else(|| panic!("{s} not in {text}"));
                assert!(v["text"].as_str().unwrap().contains(shown), "{v}");
                assert!(s["type"].is_string(), "{s}");
            }
        }
    }
}

#[test]
fn keys_lists_the_bindings_and_a_config_changes_them() {
    let out = crossread(&["keys"]);
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.lines()
            .any(|l| l.starts_with("next_version") && l.contains(" n ")),
        "{text}"
    );
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("c.toml");
    std::fs::write(&path, "[keys]\nnext_version = [\"n\", \"Ctrl-j\"]\n").unwrap();
    let out = crossread(&["keys", "--config", path.to_str().unwrap()]);
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.lines()
            .any(|l| l.starts_with("next_version") && l.contains("n Ctrl-j")),
        "{text}"
    );
    // A broken file: the defaults, the file and line named, status 2.
    std::fs::write(&path, "[keys]\n\nnext_version = 3\n").unwrap();
    let out = crossread(&["keys", "--config", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("c.toml:3"), "{err}");
    assert!(err.contains("using the defaults"), "{err}");
}
