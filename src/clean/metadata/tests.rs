use super::*;
use crate::clean::classify;

fn meta(path: &str, text: &[&str]) -> Metadata {
    extract(path, text, &classify(text))
}

#[test]
fn suffix_outlet_confirmed_by_handle() {
    let m = meta(
        "a.txt",
        &[
            "Soldiers very likely killed, according to Seoul – L’Express",
            "Soldiers were most likely killed, the minister said on Tuesday (October 8).",
            "@lexpress",
        ],
    );
    assert_eq!(
        m.title.as_deref(),
        Some("Soldiers very likely killed, according to Seoul")
    );
    assert_eq!(m.outlet.as_deref(), Some("L’Express"));
    // "on Tuesday (October 8)" is when the minister spoke, in running text.
    assert_eq!(m.date, None);
}

#[test]
fn only_an_agency_dateline_dates_the_article_from_its_lede() {
    let m = meta(
        "r.txt",
        &[
            "Israel indicts Palestinian teen",
            "OFER PRISON, West Bank, Jan 1 (Reuters) - Israel indicted a 16-year-old girl on Monday.",
        ],
    );
    assert_eq!(m.date.as_deref(), Some("--01-01"));
    for lede in [
        "FILE - In this May 18, 2017 file photo, the actress poses for photographers in Cannes.",
        "That would be a premium over the price Qualcomm was trading at on Nov. 2, Broadcom said.",
    ] {
        assert_eq!(meta("p.txt", &["A headline", lede]).date, None, "{lede}");
    }
}

#[test]
fn suffix_contradicted_by_url_is_part_of_the_title() {
    let m = meta(
        "b.txt",
        &[
            "N. Korean Soldiers 'Highly Likely' Killed in Ukraine – Seoul",
            "By <u>AFP</u>",
            "October 08, 2024",
            "North Korean soldiers are likely fighting in Ukraine, Seoul's defense minister said Tuesday.",
            "Original url:",
            "https://www.themoscowtimes.com/2024/10/08/n-korean-soldiers-a8 6607",
        ],
    );
    assert_eq!(
        m.title.as_deref(),
        Some("N. Korean Soldiers 'Highly Likely' Killed in Ukraine – Seoul")
    );
    assert_eq!(m.outlet.as_deref(), Some("The Moscow Times/AFP"));
    assert_eq!(m.byline.as_deref(), Some("AFP"));
    assert_eq!(m.date.as_deref(), Some("2024-10-08"));
    assert_eq!(
        m.url.as_deref(),
        Some("https://www.themoscowtimes.com/2024/10/08/n-korean-soldiers-a8")
    );
}

#[test]
fn a_file_named_after_its_site_reads_as_the_site() {
    for (path, outlet) in [
        ("c/nytimes_com.txt", "nytimes.com"),
        ("c/nytimes_com_2.txt", "nytimes.com"),
        ("c/uk_reuters_com.txt", "uk.reuters.com"),
        ("c/usa_chinadaily_com_cn.txt", "usa.chinadaily.com.cn"),
        ("c/dailymail_co_uk_2.txt", "dailymail.co.uk"),
    ] {
        let m = meta(path, &["Headline of the story", "Text of the story."]);
        assert_eq!(m.outlet.as_deref(), Some(outlet), "{path}");
    }
}

#[test]
fn a_byline_or_furniture_is_no_title() {
    for first in [
        "By Ali Sawafta",
        "Photo",
        "Media playback is unsupported on your device",
    ] {
        let m = meta("c/x.txt", &[first, "Text of the story."]);
        assert_eq!(m.title, None, "{first}");
    }
}

#[test]
fn uncontested_suffix_copyright_section_header_and_file_name() {
    let m = meta(
        "x/03_post.txt",
        &[
            "Five killed in blast – The Continental Post",
            "Body text here.",
        ],
    );
    assert_eq!(m.outlet.as_deref(), Some("The Continental Post"));
    assert_eq!(m.title.as_deref(), Some("Five killed in blast"));
    let m = meta(
        "x/04.txt",
        &[
            "Kestrel Bay mourns",
            "Nordavia Today | Translated",
            "Text.",
            "Copyright Nordavia Today 2025",
        ],
    );
    assert_eq!(m.outlet.as_deref(), Some("Nordavia Today"));
    let m = meta(
        "x/05_daily_ledger.txt",
        &["SEVEN dead in inferno", "Seven workers were killed."],
    );
    assert_eq!(m.outlet.as_deref(), Some("Daily Ledger"));
    assert_eq!(m.date, None);
    let m = meta(
        "x/002_6a49b505ca0019d2.txt",
        &["Troops fighting, Seoul says", "Text."],
    );
    assert_eq!(m.outlet.as_deref(), Some("002_6a49b505ca0019d2"));
}

#[test]
fn an_updated_stamp_dates_the_page_and_leaves_the_title() {
    let m = meta(
        "usa_chinadaily_com_cn.txt",
        &[
            "Killing of gorilla to save boy at Ohio zoo sparks outrage Updated: 2016-05-30 09:53 (Agencies)",
            "The killing of a gorilla at the Cincinnati Zoo triggered outrage on Saturday, May 28.",
        ],
    );
    assert_eq!(
        m.title.as_deref(),
        Some("Killing of gorilla to save boy at Ohio zoo sparks outrage")
    );
    assert_eq!(m.date.as_deref(), Some("2016-05-30"));
    // A title that only mentions an update keeps it.
    let m = meta(
        "x.txt",
        &["Minister Updated: the plan", "The plan changed today."],
    );
    assert_eq!(m.title.as_deref(), Some("Minister Updated: the plan"));
}

#[test]
fn posted_by_byline_and_date() {
    let m = meta(
        "v.txt",
        &[
            "What the blast means",
            "Posted by Owen Marsh on 5 March 2025",
            "I have lived here.",
        ],
    );
    assert_eq!(m.byline.as_deref(), Some("Owen Marsh"));
    assert_eq!(m.date.as_deref(), Some("2025-03-05"));
}

#[test]
fn a_lede_not_opening_in_capitals_has_no_dateline() {
    // The quick test that spares most ledes the tokenizer must never
    // reject one the dateline reader accepts: random ledes from pieces
    // that open datelines, or nearly do.
    use crate::text::dateline::dateline_end;
    use crate::text::tokens::tokenize;
    let pieces = [
        "RAMALLAH,",
        "OFER",
        "PRISON,",
        "West",
        "Bank",
        "—",
        "-",
        "(Reuters)",
        "(AP)",
        "Jan",
        "1",
        "12-year-old",
        "U.S.-led",
        "McDONALD",
        "The",
        "the",
        "«",
        "(CNN)",
        "2017",
        "15ft",
        "ÉLYSÉE",
        "Élysée",
        "北京",
        "A",
        "a",
        "I",
        "\"",
        "—WASHINGTON",
    ];
    let mut rng = crate::testing::Xorshift::new(0x9e37_79b9_7f4a_7c15);
    let mut accepted = 0;
    for case in 0..20_000 {
        let lede = rng.words(&pieces, 8) + " A court indicted a girl.";
        let tokens = tokenize(&lede);
        if dateline_end(&lede, &tokens).is_some() {
            accepted += 1;
            assert!(opens_in_capitals(&lede), "case {case}: {lede}");
        }
    }
    // Control: the generator does produce datelines.
    assert!(accepted > 100, "{accepted}");
    assert!(!opens_in_capitals("The court indicted a girl."));
    assert!(opens_in_capitals(
        "OFER PRISON, West Bank, Jan 1 (Reuters) - Israel"
    ));
}
