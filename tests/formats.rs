//! Web formats end to end: a folder mixing text, a saved page, MHTML, JSON
//! Lines and a feed gives one corpus with the right metadata; bad pages,
//! records and feeds are skipped with a warning naming the file.

mod common;

use std::path::Path;
use std::process::{Command, Output};

use crossread::load::{self, LoadOptions};

fn crossread(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_crossread"))
        .args(args)
        .output()
        .expect("run crossread")
}

fn write(dir: &Path, name: &str, bytes: &[u8]) {
    std::fs::write(dir.join(name), bytes).unwrap();
}

const BODY: &[&str] = &[
    "Seven people were killed when a tram overturned on a sharp bend in Croydon early on Wednesday, police said.",
    "More than 50 passengers were injured, and the driver, 42, was arrested on suspicion of manslaughter.",
    "Investigators said the tram had been travelling at about 70 km/h where the limit is 20 km/h.",
];

fn page(title: &str, site: &str, date: &str) -> String {
    let paragraphs: String = BODY.iter().map(|p| format!("<p>{p}</p>\n")).collect();
    let host = site.to_lowercase().replace(' ', "-");
    format!(
        r#"<!-- saved from url=(0038)https://{host}.example/news/tram-crash -->
<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title} | {site}</title>
<meta property="og:site_name" content="{site}">
<meta property="article:published_time" content="{date}">
</head><body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>{title}</h1>{paragraphs}</article><footer>All rights reserved.</footer></body></html>"#
    )
}

fn mhtml(page: &str) -> String {
    // Quoted-printable, as browsers write it: "=" escaped, long lines cut.
    // Browsers write no "saved from" comment into MHTML: the archive's
    // Content-Location is the page's address.
    let mut qp = String::new();
    for line in page.lines().skip(1) {
        let escaped = line.replace('=', "=3D");
        let mut rest = escaped.as_str();
        while rest.len() > 70 {
            let mut cut = 70;
            while !rest.is_char_boundary(cut)
                || rest[..cut].ends_with('=')
                || rest[..cut].ends_with("=3")
            {
                cut -= 1;
            }
            qp.push_str(&rest[..cut]);
            qp.push_str("=\r\n");
            rest = &rest[cut..];
        }
        qp.push_str(rest);
        qp.push_str("\r\n");
    }
    format!(
        "From: <Saved by Blink>\r\nSnapshot-Content-Location: https://mhtml-times.example/tram\r\nSubject: Tram\r\nMIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n\ttype=\"text/html\";\r\n\tboundary=\"----MultipartBoundary--abc----\"\r\n\r\n------MultipartBoundary--abc----\r\nContent-Type: text/html\r\nContent-ID: <frame-1@mhtml.blink>\r\nContent-Transfer-Encoding: quoted-printable\r\nContent-Location: https://mhtml-times.example/tram\r\n\r\n{qp}\r\n------MultipartBoundary--abc----\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\nContent-Location: https://mhtml-times.example/x.png\r\n\r\niVBORw0KGgo=\r\n------MultipartBoundary--abc------\r\n"
    )
}

fn mixed_folder(dir: &Path) {
    write(
        dir,
        "a_plain.txt",
        format!("Tram crash kills seven in Croydon\n\n{}\n", BODY.join(" ")).as_bytes(),
    );
    write(
        dir,
        "b_page.html",
        page(
            "Seven die as tram overturns",
            "Harbour Herald",
            "2016-11-09T23:30:00+00:00",
        )
        .as_bytes(),
    );
    // A page saved without a charset, in windows-1252, under .htm.
    let legacy = page(
        "Tram crash: seven dead – café owner speaks",
        "Quay Post",
        "2016-11-09",
    )
    .replace("<meta charset=\"utf-8\">", "");
    let (legacy, _, _) = encoding_rs::WINDOWS_1252.encode(&legacy);
    write(dir, "c_legacy.htm", &legacy);
    write(
        dir,
        "d_saved.mhtml",
        mhtml(&page(
            "Croydon tram overturns",
            "MHTML Times",
            "2016-11-10T08:00:00+00:00",
        ))
        .as_bytes(),
    );
    let record = |title: &str, domain: &str| {
        serde_json::json!({
            "title": title, "maintext": BODY.join("\n"), "date_publish": "2016-11-09 12:00:00",
            "source_domain": domain, "authors": ["Ann Lee"], "url": format!("https://{domain}/tram"),
            "description": "None"
        })
        .to_string()
    };
    write(
        dir,
        "e_records.jsonl",
        format!(
            "{}\n{}\n",
            record("Tram derails in Croydon", "www.np-one.example"),
            record("Croydon tram: seven killed", "np-two.example")
        )
        .as_bytes(),
    );
    let items: String = BODY
        .iter()
        .map(|p| format!("&lt;p&gt;{p}&lt;/p&gt;"))
        .collect();
    write(
        dir,
        "f_feed.rss",
        format!(
            r#"<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Feed Daily</title>
<item><title>Tram tragedy in Croydon</title><link>https://feed-daily.example/tram</link><pubDate>Wed, 09 Nov 2016 22:10:00 -0500</pubDate><content:encoded>{items}</content:encoded></item>
</channel></rss>"#
        )
        .as_bytes(),
    );
}

#[test]
fn a_mixed_folder_is_one_corpus_with_its_metadata() {
    let tmp = tempfile::tempdir().unwrap();
    mixed_folder(tmp.path());
    let out = crossread(&["export", tmp.path().to_str().unwrap()]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    let model: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let rows: Vec<[String; 6]> = model["sources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            let f = |k: &str| s[k].as_str().unwrap_or("-").to_owned();
            let path = f("path");
            let name = Path::new(&path)
                .file_name()
                .unwrap()
                .to_string_lossy()
                .into_owned();
            [
                name,
                f("title"),
                f("outlet"),
                f("date"),
                f("url"),
                f("text_origin"),
            ]
        })
        .collect();
    let expected = [
        [
            "a_plain.txt",
            "Tram crash kills seven in Croydon",
            "A Plain",
            "-",
            "-",
            "file",
        ],
        [
            "b_page.html",
            "Seven die as tram overturns",
            "Harbour Herald",
            "2016-11-09",
            "https://harbour-herald.example/news/tram-crash",
            "extracted",
        ],
        [
            "c_legacy.htm",
            "Tram crash: seven dead – café owner speaks",
            "Quay Post",
            "2016-11-09",
            "https://quay-post.example/news/tram-crash",
            "extracted",
        ],
        [
            "d_saved.mhtml",
            "Croydon tram overturns",
            "MHTML Times",
            "2016-11-10",
            "https://mhtml-times.example/tram",
            "extracted",
        ],
        [
            "e_records.jsonl#1",
            "Tram derails in Croydon",
            "np-one.example",
            "2016-11-09",
            "https://www.np-one.example/tram",
            "extracted",
        ],
        [
            "e_records.jsonl#2",
            "Croydon tram: seven killed",
            "np-two.example",
            "2016-11-09",
            "https://np-two.example/tram",
            "extracted",
        ],
        [
            "f_feed.rss#1",
            "Tram tragedy in Croydon",
            "Feed Daily",
            "2016-11-09",
            "https://feed-daily.example/tram",
            "extracted",
        ],
    ];
    for (row, want) in rows.iter().zip(&expected) {
        assert_eq!(row.as_slice(), want.as_slice(), "stderr: {err}");
    }
    assert_eq!(rows.len(), expected.len(), "{rows:?}");
    // One story, and the shared sentences corroborated across formats.
    assert_eq!(model["stories"].as_array().unwrap().len(), 1);
    let top = &model["claims"][0];
    assert!(top["support"].as_u64().unwrap() >= 6, "{top}");
    // Page furniture stayed out.
    let texts: Vec<&str> = model["passages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["text"].as_str().unwrap())
        .collect();
    assert!(
        !texts
            .iter()
            .any(|t| t.contains("All rights reserved") || *t == "Home News"),
        "{texts:?}"
    );
}

#[test]
fn offsets_index_the_file_or_the_extracted_text() {
    let tmp = tempfile::tempdir().unwrap();
    mixed_folder(tmp.path());
    let loaded = load::load_paths(&[tmp.path().to_path_buf()], LoadOptions::default());
    assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
    let corpus = crossread::corpus::build(&loaded.texts);
    let originals: Vec<Vec<u8>> = corpus
        .sources
        .iter()
        .map(|s| std::fs::read(s.path.split('#').next().unwrap()).unwrap())
        .collect();
    common::assert_passages_map_back(&corpus, &originals);
    common::assert_claims_consistent(&corpus);
    let extracted = corpus.sources.iter().filter(|s| s.text.is_some()).count();
    assert_eq!(extracted, 6);
}

#[test]
fn bad_pages_records_and_feeds_are_named_and_the_rest_loads() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    write(
        dir,
        "a_good.txt",
        format!("Tram crash\n\n{}\n", BODY.join(" ")).as_bytes(),
    );
    write(
        dir,
        "b_malformed.html",
        format!(
            "<html><body><article><p>{}<p><b>{}</i></div>{}",
            BODY[0], BODY[1], BODY[2]
        )
        .as_bytes(),
    );
    write(dir, "c_menu.html", b"<!DOCTYPE html><html><body><nav><a href='/'>Home</a> <a href='/x'>News</a></nav></body></html>");
    write(
        dir,
        "d_deep.html",
        format!(
            "<!DOCTYPE html><html><body>{}</body></html>",
            "<div>".repeat(100_000)
        )
        .as_bytes(),
    );
    let huge = format!(
        "<!DOCTYPE html><html><body>{}</body></html>",
        "<p>word</p>".repeat(5_000_000)
    );
    write(dir, "e_huge.html", huge.as_bytes());
    write(
        dir,
        "f_other.json",
        br#"{"name": "left-pad", "version": "1.3.0"}"#,
    );
    write(
        dir,
        "g_empty_feed.xml",
        b"<?xml version=\"1.0\"?><rss><channel><title>T</title></channel></rss>",
    );
    write(dir, "h_broken.mhtml", b"MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"zz\"\r\n\r\n--zz\r\nContent-Type: image/png\r\n\r\nxx\r\n--zz--\r\n");
    let out = crossread(&["sources", dir.to_str().unwrap()]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    for (file, says) in [
        ("c_menu.html", "no article found in the page"),
        ("d_deep.html", "nested more than"),
        ("e_huge.html", "elements"),
        ("f_other.json", "JSON without article text"),
        ("g_empty_feed.xml", "feed with no items"),
        ("h_broken.mhtml", "no text/html part"),
    ] {
        assert!(
            err.lines().any(|l| l.contains(file) && l.contains(says)),
            "{file}: {says}\n{err}"
        );
    }
    let listed = String::from_utf8_lossy(&out.stdout);
    assert!(listed.contains("Tram crash"), "{listed}");
    assert_eq!(
        listed.lines().count(),
        3,
        "the good text and the malformed page: {listed}"
    );
}

#[test]
fn a_folder_of_other_files_says_what_it_found() {
    let tmp = tempfile::tempdir().unwrap();
    write(tmp.path(), "scan.pdf", b"%PDF-1.4\n\x00");
    write(tmp.path(), "photo.jpg", b"\xFF\xD8\xFF\x00");
    let out = crossread(&["sources", tmp.path().to_str().unwrap()]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        err.contains("no article files in this folder (found 1 .jpg, 1 .pdf)"),
        "{err}"
    );
    assert!(err.contains(".html"), "{err}");
}

#[test]
fn input_format_forces_a_format() {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("page.txt");
    // Content that names no format: read as text unless forced.
    let html = format!("<article><p>{}</p><p>{}</p></article>", BODY[0], BODY[1]);
    std::fs::write(&path, &html).unwrap();
    let out = crossread(&["export", path.to_str().unwrap()]);
    let model: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(model["sources"][0]["text_origin"], "file");
    let out = crossread(&["export", "--input-format", "html", path.to_str().unwrap()]);
    let model: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(model["sources"][0]["text_origin"], "extracted");
    assert!(
        !model["sources"][0]["text"]
            .as_str()
            .unwrap()
            .contains("<p>")
    );
}
