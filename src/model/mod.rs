//! The in-memory corpus model: sources, passages, and (filled by the
//! cross-referencing stage) links and claims. Plain data, serialisable as the
//! `crossread export` JSON schema.

use serde::Serialize;

mod evidence;
pub use evidence::Evidence;

/// Index of a source in [`Corpus::sources`].
pub type SourceId = usize;
/// Index of a passage in [`Corpus::passages`].
pub type PassageId = usize;
/// Index of a claim in [`Corpus::claims`].
pub type ClaimId = usize;

/// What a passage is, as far as cross-referencing is concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum PassageKind {
    /// The headline (and lines that repeat it).
    Title,
    /// Article text.
    Body,
    /// A photo caption or credit.
    Caption,
    /// A subheading or credit line between paragraphs ("Empire Building",
    /// "WLWT YouTube"): shown as a heading, never linked (it states
    /// nothing).
    Heading,
    /// Navigation, promotion, cookie notices, bylines, datelines and other
    /// text that is not part of the story: kept for display, never linked.
    Boilerplate,
}

impl PassageKind {
    pub fn as_str(self) -> &'static str {
        match self {
            PassageKind::Title => "title",
            PassageKind::Body => "body",
            PassageKind::Caption => "caption",
            PassageKind::Heading => "heading",
            PassageKind::Boilerplate => "boilerplate",
        }
    }
}

/// Where an article's text comes from.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum TextOrigin {
    /// The file is the text (plain text, Markdown).
    #[default]
    File,
    /// The text was extracted from the file (HTML, MHTML, JSON, a feed).
    Extracted,
}

/// One article.
#[derive(Debug, Clone, Serialize)]
pub struct Source {
    pub id: SourceId,
    /// The path as given (or `demo/NAME` for the embedded corpus).
    pub path: String,
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub byline: Option<String>,
    /// `YYYY-MM-DD`, or `--MM-DD` when the text gives no year.
    pub date: Option<String>,
    pub url: Option<String>,
    /// Problems met while loading this file (it still loaded).
    pub warnings: Vec<String>,
    /// What passages' `start..end` index: the file's bytes, or (for pages,
    /// records and feed items) the text extracted from it, given in `text`.
    pub text_origin: TextOrigin,
    /// The encoding the file was read in when it was not UTF-8
    /// (`windows-1252`, `UTF-16LE`, …): `start..end` index bytes in it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub encoding: Option<String>,
    /// The extracted text, when `text_origin` is `extracted`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// The ids of this source's passages (they are stored source by source).
    #[serde(skip)]
    pub passage_ids: std::ops::Range<PassageId>,
}

impl Source {
    /// The outlet, or "?" where none was read: how every screen and
    /// command names the source.
    pub fn outlet_name(&self) -> &str {
        self.outlet.as_deref().unwrap_or("?")
    }
}

/// One sentence (or headline line, caption, boilerplate line) of a source.
#[derive(Debug, Clone, Serialize)]
pub struct Passage {
    pub id: PassageId,
    pub source: SourceId,
    /// Index of the paragraph within its source, from 0.
    pub paragraph: usize,
    pub kind: PassageKind,
    /// The passage's text with line breaks and runs of white space folded.
    pub text: String,
    /// Byte range in the original file: `file[start..end]` is this passage's
    /// source text.
    pub start: usize,
    pub end: usize,
    /// An earlier passage of the same source that this one repeats.
    pub duplicate_of: Option<PassageId>,
}

impl Passage {
    /// Whether the cross-referencing engine considers this passage.
    pub fn is_linkable(&self) -> bool {
        self.duplicate_of.is_none()
            && !matches!(self.kind, PassageKind::Boilerplate | PassageKind::Heading)
    }

    /// A question (a section header such as "Training for soldiers?", or a
    /// quoted one) asks rather than states: it corroborates nothing.
    pub fn is_question(&self) -> bool {
        self.text
            .trim_end_matches(['"', '\u{201d}', '\u{2019}', '\''])
            .ends_with('?')
    }
}

/// Two passages of different sources that state the same thing.
#[derive(Debug, Clone, Serialize)]
pub struct Link {
    pub a: PassageId,
    pub b: PassageId,
    /// Confidence in [0, 1].
    pub score: f64,
    /// Shared key terms, numbers and names.
    pub evidence: Evidence,
}

/// One way in which a claim's members differ.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Difference {
    pub kind: DifferenceKind,
    /// What the values are about: the thing counted ("dead", "per share"),
    /// or the type of value ("date", "time of day", "likelihood").
    pub about: String,
    /// The value as each member states it, one entry per member that states one.
    pub values: Vec<DifferenceValue>,
}

impl Difference {
    /// Who says what: each value once, with the sources that state it, in
    /// the order the values come. Values are one when they state the same
    /// typed value ("€92 million" and "92 million euros"); the first
    /// wording is shown.
    pub fn who_says_what(&self, passages: &[Passage]) -> Vec<(&str, Vec<SourceId>)> {
        let same = |a: &DifferenceValue, b: &DifferenceValue| {
            let typed = |v: &DifferenceValue| {
                v.spans
                    .iter()
                    .map(|s| {
                        (
                            s.value_type,
                            s.value.map(f64::to_bits),
                            s.upper.map(f64::to_bits),
                            s.against.map(f64::to_bits),
                            s.unit.clone(),
                            s.date.clone(),
                        )
                    })
                    .collect::<Vec<_>>()
            };
            let numeric = |v: &DifferenceValue| {
                !v.spans.is_empty()
                    && v.spans
                        .iter()
                        .all(|s| s.value.is_some() || s.date.is_some())
            };
            if numeric(a) && numeric(b) {
                typed(a) == typed(b)
            } else {
                a.text == b.text
            }
        };
        let mut said: Vec<(&DifferenceValue, Vec<SourceId>)> = Vec::new();
        for v in &self.values {
            let source = passages[v.passage].source;
            match said.iter_mut().find(|(first, _)| same(first, v)) {
                Some((_, sources)) if !sources.contains(&source) => sources.push(source),
                Some(_) => {}
                None => said.push((v, vec![source])),
            }
        }
        said.into_iter()
            .map(|(v, sources)| (v.text.as_str(), sources))
            .collect()
    }
}

#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum DifferenceKind {
    Number,
    Date,
    Name,
    Qualifier,
}

impl DifferenceKind {
    pub fn as_str(self) -> &'static str {
        match self {
            DifferenceKind::Number => "number",
            DifferenceKind::Date => "date",
            DifferenceKind::Name => "name",
            DifferenceKind::Qualifier => "qualifier",
        }
    }
}

/// One member's side of a difference: its values, each with its byte range
/// in the passage's text.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct DifferenceValue {
    pub passage: PassageId,
    /// The values as written, joined by ", " (for display and scripts).
    pub text: String,
    pub spans: Vec<ValueSpan>,
}

/// A value as one passage states it.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ValueSpan {
    /// Byte range in the passage's text.
    pub start: usize,
    pub end: usize,
    #[serde(rename = "type")]
    pub value_type: ValueType,
    /// The number (minutes after midnight for a time of day), when it is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<f64>,
    /// The top of a range ("10 to 12").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub upper: Option<f64>,
    /// A score's or tally's second figure ("10-0": `value` 10, `against` 0).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub against: Option<f64>,
    /// A currency code, "%", or a measure's unit ("mile", "lb", "year").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// A date as ISO 8601 ("2024-10-08"; "--10-08" without a year).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
}

/// What kind of value a span states.
#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[serde(rename_all = "snake_case")]
pub enum ValueType {
    Count,
    Amount,
    Percent,
    Age,
    Distance,
    Weight,
    Speed,
    Duration,
    Year,
    TimeOfDay,
    Date,
    Weekday,
    /// "last month", "this week", "yesterday": `value` is the offset in
    /// `unit`s from the article's day.
    RelativeDate,
    /// A place in an order ("its third offer", "5th Avenue").
    Ordinal,
    /// A place in a ranking ("second-largest", "No. 3", "ranked 5th").
    Rank,
    /// A score or a vote's tally ("10-0", "5-4"): `value` and `against`.
    Score,
    Name,
    Qualifier,
}

impl ValueType {
    pub fn label(self) -> &'static str {
        match self {
            ValueType::Count => "count",
            ValueType::Amount => "amount",
            ValueType::Percent => "percentage",
            ValueType::Age => "age",
            ValueType::Distance => "distance",
            ValueType::Weight => "weight",
            ValueType::Speed => "speed",
            ValueType::Duration => "duration",
            ValueType::Year => "year",
            ValueType::TimeOfDay => "time of day",
            ValueType::Date => "date",
            ValueType::Weekday => "weekday",
            ValueType::RelativeDate => "relative date",
            ValueType::Ordinal => "ordinal",
            ValueType::Rank => "rank",
            ValueType::Score => "score",
            ValueType::Name => "name",
            ValueType::Qualifier => "wording",
        }
    }
}

/// A statement made by passages of two or more sources.
#[derive(Debug, Clone, Serialize)]
pub struct Claim {
    pub id: ClaimId,
    pub passages: Vec<PassageId>,
    pub sources: Vec<SourceId>,
    /// The claim in one member's words (the part of it that states the
    /// claim): the most central member whose wording no more important
    /// claim shows, so that no two claims read the same.
    pub text: String,
    /// The member whose text is `text`.
    pub representative: PassageId,
    /// Number of distinct sources that carry the claim.
    pub support: usize,
    /// Independent reports among them: sources that copy one story (see
    /// `Corpus::copies`) count once.
    pub independent: usize,
    /// The story (see `Corpus::stories`) of its sources.
    pub story: usize,
    pub differences: Vec<Difference>,
    /// What makes the members one claim when it is one shared item rather
    /// than linked statements (their sentences may state other things
    /// besides): a figure they all give, or a name they spell two ways.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub anchor: Option<Anchor>,
}

/// The item an anchored claim's members share.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Anchor {
    pub kind: AnchorKind,
    /// The figure as one member writes it ("17-year-old"), or the name's
    /// spellings ("Nebi Saleh / Nabi Saleh").
    pub text: String,
}

impl Anchor {
    /// What the members share, for a line above the claim.
    pub fn describe(&self) -> String {
        match self.kind {
            AnchorKind::Figure => format!("all give the figure {}", self.text),
            AnchorKind::Name => format!("one name spelt two ways: {}", self.text),
            AnchorKind::Disputed => format!("one figure given differently: {}", self.text),
        }
    }
}

#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum AnchorKind {
    Figure,
    Name,
    /// One thing given different values ("$47 billion / $38 billion").
    Disputed,
}

/// Everything crossread knows about a set of articles.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Corpus {
    pub sources: Vec<Source>,
    pub passages: Vec<Passage>,
    pub claims: Vec<Claim>,
    pub links: Vec<Link>,
    /// Groups of sources that print one story (a wire report in several
    /// papers), each of two or more sources.
    pub copies: Vec<Vec<SourceId>>,
    /// The events the articles report: every source is in one story, and
    /// passages are cross-referenced only within their story.
    pub stories: Vec<crate::stories::Story>,
}

impl Corpus {
    /// The passages of one source, in reading order.
    pub fn passages_of(&self, source: SourceId) -> &[Passage] {
        self.sources
            .get(source)
            .and_then(|s| self.passages.get(s.passage_ids.clone()))
            .unwrap_or(&[])
    }
}
