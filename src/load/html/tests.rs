use super::*;

const PAGE: &str = r#"<!-- saved from url=(0041)https://harbour-herald.example/news/tram -->
<!DOCTYPE html><html><head><meta charset="utf-8">
<title>Tram overturns in Croydon | The Harbour Herald</title>
<meta property="og:site_name" content="The Harbour Herald">
<meta property="article:published_time" content="2024-10-03T23:30:00-04:00">
<meta name="author" content="By Jane Doe">
</head><body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<article><h1>Tram overturns in Croydon</h1>
<p>Seven people were killed and more than 50 injured when a tram overturned in Croydon on Wednesday morning, the authorities said.</p>
<p>The tram, carrying dozens of early commuters, came off the rails on a sharp bend near the Sandilands stop shortly after six o'clock.</p>
<p>The driver, a 42-year-old man from Beckenham, was arrested on suspicion of manslaughter and later released on bail.</p>
<p>Investigators said the tram had been travelling at about 70 km/h where the limit is 20 km/h, and that the cost of repairs could reach &euro;92 million.</p>
</article>
<footer>Copyright 2024 The Harbour Herald. All rights reserved.</footer>
</body></html>"#;

#[test]
fn a_saved_page_gives_its_article_and_metadata() {
    let t = load_page("tram.html", PAGE.as_bytes(), None, None).unwrap();
    let text = &t.decoded.text;
    assert!(
        text.starts_with("Tram overturns in Croydon\n\nSeven people were killed"),
        "{text}"
    );
    assert!(text.contains("€92 million"), "entities decoded: {text}");
    assert!(
        !text.contains("Home") && !text.contains("All rights reserved"),
        "{text}"
    );
    assert_eq!(text.matches("\n\n").count(), 4, "paragraphs kept: {text}");
    let g = &t.given;
    assert_eq!(g.title.as_deref(), Some("Tram overturns in Croydon"));
    assert_eq!(g.outlet.as_deref(), Some("The Harbour Herald"));
    assert_eq!(g.byline.as_deref(), Some("Jane Doe"));
    assert_eq!(g.date.as_deref(), Some("2024-10-03"));
    assert_eq!(
        g.url.as_deref(),
        Some("https://harbour-herald.example/news/tram")
    );
    assert_eq!(t.origin, crate::model::TextOrigin::Extracted);
}

#[test]
fn canonical_and_host_outlet() {
    let page = PAGE.replace(
        r#"<meta property="og:site_name" content="The Harbour Herald">"#,
        r#"<link rel="canonical" href="https://www.herald.example/a">"#,
    );
    let t = load_page("p.html", page.as_bytes(), None, None).unwrap();
    assert_eq!(t.given.url.as_deref(), Some("https://www.herald.example/a"));
    assert_eq!(t.given.outlet.as_deref(), Some("herald.example"));
}

#[test]
fn a_meta_charset_decodes_the_page() {
    let page = PAGE.replace("utf-8", "windows-1252").replace("&euro;", "€");
    let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(&page);
    let t = load_page("p.html", &bytes, None, None).unwrap();
    assert!(t.decoded.text.contains("€92 million"));
    assert!(
        t.warnings.is_empty(),
        "declared, not guessed: {:?}",
        t.warnings
    );
}

#[test]
fn pages_without_an_article_or_absurdly_deep_are_refused() {
    let err = load_page(
        "nav.html",
        b"<html><body><nav><a href='/'>Home</a></nav></body></html>",
        None,
        None,
    )
    .unwrap_err();
    assert!(
        err.to_string().contains("nav.html") && err.to_string().contains("skipped"),
        "{err}"
    );
    let deep = format!("<html><body>{}</body></html>", "<div>".repeat(100_000));
    let err = load_page("deep.html", deep.as_bytes(), None, None).unwrap_err();
    assert!(err.to_string().contains("nested"), "{err}");
}

#[test]
fn fragments_keep_paragraphs() {
    assert_eq!(
        fragment_text("<p>One &amp; two.</p><p>Three<br>four.</p><script>x()</script>"),
        "One & two.\n\nThree\n\nfour."
    );
}

#[test]
fn json_ld_date_and_og_url() {
    let page = PAGE
        .replace(
            r#"<meta property="article:published_time" content="2024-10-03T23:30:00-04:00">"#,
            r#"<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Tram overturns in Croydon", "datePublished": "2024-10-03T23:30:00-04:00"}</script>
<meta property="og:url" content="https://harbour-herald.example/og">"#,
        )
        .replacen("<!-- saved from url=(0041)https://harbour-herald.example/news/tram -->", "", 1);
    let t = load_page("p.html", page.as_bytes(), None, None).unwrap();
    assert_eq!(
        t.given.date.as_deref(),
        Some("2024-10-03"),
        "not shifted to UTC"
    );
    assert_eq!(
        t.given.url.as_deref(),
        Some("https://harbour-herald.example/og")
    );
}
