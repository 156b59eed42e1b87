//! Metadata a file states outright (a page's meta tags, a scraper record's
//! fields, a feed item's elements), normalised the same way whatever the
//! format: a date as the page wrote it, a byline without "By", a title
//! without its " | Site" tail, an outlet from the URL's host when nothing
//! names it. Nothing is invented: an absent field stays absent.

use crate::text::dates::find_dates;

/// What the file says about its article. Fields set here win over what the
/// cleaning stage reads off the text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PageMetadata {
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub byline: Option<String>,
    /// `YYYY-MM-DD`.
    pub date: Option<String>,
    pub url: Option<String>,
}

impl PageMetadata {
    /// Each field of `self`, else of `fallback`.
    pub fn or(self, fallback: Self) -> Self {
        PageMetadata {
            title: self.title.or(fallback.title),
            outlet: self.outlet.or(fallback.outlet),
            byline: self.byline.or(fallback.byline),
            date: self.date.or(fallback.date),
            url: self.url.or(fallback.url),
        }
    }

    /// Fills `outlet` from the URL's host when nothing named it.
    pub(crate) fn with_host_outlet(mut self) -> Self {
        if self.outlet.is_none() {
            self.outlet = self.url.as_deref().and_then(host_of);
        }
        self
    }
}

/// Trims, folds white space; `None` for empty strings and the literal
/// "None"/"null" scrapers write for missing values.
pub(crate) fn clean_field(value: Option<&str>) -> Option<String> {
    let folded = value?.split_whitespace().collect::<Vec<_>>().join(" ");
    let missing = folded.is_empty()
        || folded.eq_ignore_ascii_case("none")
        || folded.eq_ignore_ascii_case("null");
    (!missing).then_some(folded)
}

/// The calendar date of a timestamp as the page wrote it: the page's own
/// offset, never converted to UTC (which moves late-evening stories to the
/// next day). Reads ISO 8601 (`2024-10-03T22:15:00-04:00`, `2024-10-03
/// 22:15`), RFC 2822 (`Thu, 03 Oct 2024 22:15:00 -0400`) and English dates.
pub(crate) fn normalise_date(value: &str) -> Option<String> {
    let value = value.trim();
    let b = value.as_bytes();
    let digits = |r: std::ops::Range<usize>| {
        b.get(r.clone())
            .is_some_and(|s| s.iter().all(u8::is_ascii_digit))
    };
    if digits(0..4)
        && b.get(4) == Some(&b'-')
        && digits(5..7)
        && b.get(7) == Some(&b'-')
        && digits(8..10)
    {
        let (month, day) = (&value[5..7], &value[8..10]);
        let valid =
            matches!(month.parse::<u32>(), Ok(1..=12)) && matches!(day.parse::<u32>(), Ok(1..=31));
        return valid.then(|| value[..10].to_owned());
    }
    find_dates(value).into_iter().find_map(|d| d.iso())
}

/// "By Jane Doe and John Roe" → "Jane Doe and John Roe".
pub(crate) fn normalise_byline(value: &str) -> Option<String> {
    let value = clean_field(Some(value))?;
    let rest = value
        .strip_prefix("By ")
        .or_else(|| value.strip_prefix("by "))
        .or_else(|| value.strip_prefix("BY "))
        .unwrap_or(&value)
        .trim();
    // An author given as a profile URL is no name.
    let is_url = rest.starts_with("http://") || rest.starts_with("https://");
    (!rest.is_empty() && !is_url).then(|| rest.to_owned())
}

/// Separators between a headline and a site name.
const TITLE_SEPARATORS: &[&str] = &[" | ", " – ", " — ", " - ", " :: ", " · "];

/// Removes a site name the page appended to its headline: the part after the
/// last separator, when it names the site (its `site` name or host) or, for
/// a `|`, is short (three words or fewer) while the headline is longer.
pub(crate) fn strip_title_tail(title: &str, site: Option<&str>, host: Option<&str>) -> String {
    let title = title.trim();
    let Some((sep, at)) = TITLE_SEPARATORS
        .iter()
        .filter_map(|sep| title.rfind(sep).map(|at| (*sep, at)))
        .max_by_key(|&(_, at)| at)
    else {
        return title.to_owned();
    };
    let (head, tail) = (title[..at].trim(), title[at + sep.len()..].trim());
    let tail_key = crate::text::fold_alnum(tail);
    let names_site = !tail_key.is_empty()
        && [site, host.map(|h| h.split('.').next().unwrap_or(h))]
            .into_iter()
            .flatten()
            .map(crate::text::fold_alnum)
            .any(|k| !k.is_empty() && (k.contains(&tail_key) || tail_key.contains(&k)));
    let words = |s: &str| s.split_whitespace().count();
    let short_tail = sep == " | " && words(tail) <= 3 && words(head) > words(tail);
    if (names_site || short_tail) && words(head) >= 2 {
        head.to_owned()
    } else {
        title.to_owned()
    }
}

/// `"https://www.example.co.uk/news/x"` → "example.co.uk".
pub(crate) fn host_of(url: &str) -> Option<String> {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let host = rest.split(['/', '?', '#']).next()?;
    let host = host.rsplit('@').next()?.split(':').next()?;
    let host = host
        .strip_prefix("www.")
        .unwrap_or(host)
        .to_ascii_lowercase();
    (host.contains('.')
        && host
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-'))
    .then_some(host)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_keep_the_pages_own_day() {
        assert_eq!(
            normalise_date("2024-10-03T22:15:00-04:00").as_deref(),
            Some("2024-10-03")
        );
        assert_eq!(
            normalise_date("2016-05-29 00:00:00").as_deref(),
            Some("2016-05-29")
        );
        assert_eq!(
            normalise_date("Thu, 03 Oct 2024 23:30:00 -0400").as_deref(),
            Some("2024-10-03")
        );
        assert_eq!(
            normalise_date("October 3, 2024").as_deref(),
            Some("2024-10-03")
        );
        assert_eq!(normalise_date("2024-13-03"), None);
        assert_eq!(normalise_date("None"), None);
    }

    #[test]
    fn bylines_lose_by_and_urls() {
        assert_eq!(normalise_byline("By Jane Doe").as_deref(), Some("Jane Doe"));
        assert_eq!(
            normalise_byline("  Jane   Doe ").as_deref(),
            Some("Jane Doe")
        );
        assert_eq!(normalise_byline("https://example.com/staff/jd"), None);
        assert_eq!(clean_field(Some("None")), None);
    }

    #[test]
    fn title_tails_that_name_the_site_go() {
        let t = "Tram overturns in Croydon | The Harbour Herald";
        assert_eq!(
            strip_title_tail(t, Some("The Harbour Herald"), None),
            "Tram overturns in Croydon"
        );
        assert_eq!(
            strip_title_tail(
                "Tram overturns in Croydon - BBC News",
                None,
                Some("bbc.co.uk")
            ),
            "Tram overturns in Croydon"
        );
        assert_eq!(
            strip_title_tail("Tram overturns | News", None, None),
            "Tram overturns"
        );
        // A dash inside a headline is the headline's.
        let t = "Seven dead - and dozens hurt - in tram crash";
        assert_eq!(strip_title_tail(t, Some("Herald"), None), t);
    }

    #[test]
    fn hosts() {
        assert_eq!(
            host_of("https://www.example.co.uk/a?b").as_deref(),
            Some("example.co.uk")
        );
        assert_eq!(
            host_of("http://user@News.Example.com:8080/").as_deref(),
            Some("news.example.com")
        );
        assert_eq!(host_of("file:///tmp/x.html"), None);
    }
}
