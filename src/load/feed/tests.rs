use super::*;

const RSS: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>The Harbour Herald</title><link>https://harbour-herald.example/</link>
<item><title>Tram overturns &amp; seven die</title>
<link>https://harbour-herald.example/tram</link>
<pubDate>Thu, 03 Oct 2024 23:30:00 -0400</pubDate>
<dc:creator>Jane Doe</dc:creator>
<description>Short teaser.</description>
<content:encoded><![CDATA[<p>Seven people died when a tram overturned.</p><p>The driver, 42, was arrested.</p>]]></content:encoded>
</item>
<item><title>Summary only</title><description>Just a teaser.</description></item>
</channel></rss>"#;

#[test]
fn rss_items_with_full_text_are_articles() {
    let out = load("herald.xml", RSS.as_bytes());
    assert_eq!(out.texts.len(), 1);
    let t = &out.texts[0];
    assert_eq!(t.path, "herald.xml#1");
    assert_eq!(
        t.decoded.text,
        "Tram overturns & seven die\n\nSeven people died when a tram overturned.\n\nThe driver, 42, was arrested."
    );
    assert_eq!(t.given.outlet.as_deref(), Some("The Harbour Herald"));
    // The feed's own offset: 23:30 at -04:00 is still the 3rd.
    assert_eq!(t.given.date.as_deref(), Some("2024-10-03"));
    assert_eq!(t.given.byline.as_deref(), Some("Jane Doe"));
    assert_eq!(
        t.given.url.as_deref(),
        Some("https://harbour-herald.example/tram")
    );
    assert_eq!(out.diagnostics.len(), 1);
    assert!(out.diagnostics[0].to_string().starts_with("note: "));
}

#[test]
fn atom_entries_and_links() {
    let atom = r#"<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Meridian Wire</title>
<entry><title>Quake hits coast</title><link rel="alternate" href="https://wire.example/q"/>
<published>2024-10-03T22:15:00-04:00</published><author><name>Ann Lee</name></author>
<content type="html">&lt;p&gt;A quake struck.&lt;/p&gt;&lt;p&gt;No one was hurt.&lt;/p&gt;</content></entry></feed>"#;
    let out = load("wire.atom", atom.as_bytes());
    assert!(out.diagnostics.is_empty(), "{:?}", out.diagnostics);
    let t = &out.texts[0];
    assert_eq!(
        t.decoded.text,
        "Quake hits coast\n\nA quake struck.\n\nNo one was hurt."
    );
    assert_eq!(t.given.url.as_deref(), Some("https://wire.example/q"));
    assert_eq!(t.given.date.as_deref(), Some("2024-10-03"));
    assert_eq!(t.given.byline.as_deref(), Some("Ann Lee"));
    assert_eq!(t.given.outlet.as_deref(), Some("Meridian Wire"));
}

#[test]
fn json_feed_items() {
    let feed = r#"{"version": "https://jsonfeed.org/version/1.1", "title": "Kestrel Voice",
      "items": [{"id": "1", "url": "https://kestrel.example/a", "title": "Bridge closed",
      "content_text": "The bridge closed on Monday.\n\nRepairs take a week.", "date_published": "2024-10-07T09:00:00+02:00",
      "authors": [{"name": "Sam Roe"}]}]}"#;
    let out = load("k.json", feed.as_bytes());
    assert!(out.diagnostics.is_empty(), "{:?}", out.diagnostics);
    assert_eq!(
        out.texts[0].decoded.text,
        "Bridge closed\n\nThe bridge closed on Monday.\n\nRepairs take a week."
    );
    assert_eq!(out.texts[0].given.byline.as_deref(), Some("Sam Roe"));
}

#[test]
fn summaries_only_empty_and_broken_feeds_say_so() {
    let summaries = "<rss><channel><title>T</title><item><title>a</title><description>x</description></item></channel></rss>";
    let out = load("s.rss", summaries.as_bytes());
    assert!(out.texts.is_empty());
    assert_eq!(out.diagnostics.len(), 1);
    assert!(
        out.diagnostics[0].to_string().contains("summaries only"),
        "{:?}",
        out.diagnostics
    );
    let out = load("e.rss", b"<rss><channel><title>T</title></channel></rss>");
    assert!(out.diagnostics[0].to_string().contains("no items"));
    let out = load("b.rss", b"<rss><channel><item><title>x</ti");
    assert!(out.texts.is_empty());
    assert_eq!(out.diagnostics.len(), 1, "{:?}", out.diagnostics);
    let out = load("n.xml", b"<svg><g/></svg>");
    assert!(
        out.diagnostics[0]
            .to_string()
            .contains("not a readable feed"),
        "{:?}",
        out.diagnostics
    );
}
