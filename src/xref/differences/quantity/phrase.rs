//! A number's phrase: what it counts (its head) and the content words
//! around it, not past punctuation or a conjunction.

use crate::text::tokens::Token;
use crate::text::vectors;

/// A word read once: as written (folded), its stem, its vector and its
/// English frequency. (The strings are the token's own, shared: the
/// figures of a large corpus keep millions of these; the vector and the
/// frequency are what the tokenizer looked up, not looked up again.)
#[derive(Debug, Clone)]
pub(crate) struct Word {
    pub folded: &'static str,
    key: &'static str,
    vector: Option<u32>,
    /// wordfreq's Zipf frequency (see [`crate::text::tokens::WordTables`]).
    pub zipf: f32,
}

impl Word {
    pub(crate) fn of(t: &Token) -> Word {
        Word {
            folded: t.folded,
            key: t.key,
            vector: t.english.vector,
            zipf: t.english.zipf,
        }
    }

    /// Its stem, as the analysis keys terms.
    pub(crate) fn key(&self) -> &str {
        self.key
    }

    /// The same word, by its stem ("bid" / "bids").
    pub(crate) fn same_word(&self, other: &Word) -> bool {
        self.key == other.key
    }

    /// Two words that name one thing: the same stem, or near in meaning by
    /// the word vectors ("killed" / "dead" / "died", "injured" / "hurt";
    /// not "killed" / "injured", 0.15). 0.45 separates those general pairs.
    pub(crate) fn same_thing(&self, other: &Word) -> bool {
        const SAME_MEANING: f32 = 0.45;
        self.key == other.key
            || match (self.vector, other.vector) {
                (Some(x), Some(y)) => vectors::similarity(x, y) >= SAME_MEANING,
                _ => false,
            }
    }
}

/// What a number counts, and whether it is a rate ("$82 a share").
#[derive(Debug, Clone)]
pub(crate) struct Head {
    pub word: Word,
    pub rate: bool,
    /// Read past a word for people in general ("2,000 people signed"):
    /// it says what happened to those counted, not what kind of thing
    /// they are ("30 times", "five seasons").
    pub past_people: bool,
    /// The lower-case content words straight after `word`: a compound
    /// whose last word may be what is counted ("$105 billion acquisition
    /// approach", "undistributed foreign earnings"), or a verb after the
    /// noun ("boy slipped"): without parts of speech, either may be.
    pub compound: Vec<Word>,
}

impl Head {
    fn words(&self) -> impl Iterator<Item = &Word> {
        std::iter::once(&self.word).chain(&self.compound)
    }

    /// Two heads that may name one thing: a word of one's compound and a
    /// word of the other's name the same thing.
    pub(crate) fn same_thing(&self, other: &Head) -> bool {
        self.words().any(|w| other.words().any(|v| w.same_thing(v)))
    }

    /// The word of its compound that the most of `heads` have too, by
    /// stem, then by meaning ("$32.6 billion in undistributed foreign
    /// earnings" beside "$31.2 billion in earnings": "earnings"), the
    /// first on a tie.
    pub(crate) fn named_with<'h>(&'h self, heads: &[&Head]) -> &'h Word {
        // By stem first: the vectors' "same thing" is loose ("foreign" /
        // "reinvested").
        let shared = |w: &Word| {
            let by = |same: fn(&Word, &Word) -> bool| {
                heads
                    .iter()
                    .filter(|h| h.words().any(|v| same(w, v)))
                    .count()
            };
            (by(Word::same_word), by(Word::same_thing))
        };
        let mut best = &self.word;
        let mut most = shared(best);
        for w in &self.compound {
            let n = shared(w);
            if n > most {
                (best, most) = (w, n);
            }
        }
        best
    }

    /// The same, by stems alone.
    pub(crate) fn same_word(&self, other: &Head) -> bool {
        self.words().any(|w| other.words().any(|v| w.same_word(v)))
    }
}

/// Words two figures' phrases must share to be about one thing. One
/// shared word ties too much ("shares fell 1.5 percent" / "the stock
/// fell 6 percent in a year"); chosen by leave-one-cluster-out over 1, 2
/// and 3 on the dev clusters' disagreements (2 in every fold).
pub(crate) const EVIDENCE: usize = 2;

/// How many words of `x` a word of `y` matches, as [`Word::same_thing`]
/// matches them ("net income" / "earnings"). (By stem alone, measured on
/// the dev clusters' disagreements by the disputed figures: precision
/// 0.812 -> 0.733, recall 0.429 -> 0.393.)
pub(crate) fn shared_words<'w>(
    x: impl IntoIterator<Item = &'w Word>,
    y: impl IntoIterator<Item = &'w Word> + Clone,
) -> usize {
    x.into_iter()
        .filter(|w| y.clone().into_iter().any(|v| w.same_thing(v)))
        .count()
}

/// Words for people in general say nothing of what is counted.
const ANYONE: &[&str] = &[
    "people",
    "person",
    "persons",
    "others",
    "other",
    "individuals",
    "more",
    "of",
    "them",
];

/// Whether `gap`, after the word `before`, is only an abbreviation's full
/// stop ("Qualcomm Inc. to about $121 billion", "U.S. peer"): inside a
/// passage (a sentence already) it ends no phrase.
pub(super) fn abbreviation_stop(text: &str, before: &Token, gap: &str) -> bool {
    gap.trim_end() == "."
        && text
            .get(before.range.clone())
            .is_some_and(|word| crate::segment::classify(word).is_some())
}

/// Content words read on each side of a number, within its phrase.
const NUMBER_CONTEXT: usize = 3;

/// The content words of a number's phrase: up to three words on each side,
/// not past punctuation or a conjunction ("killed five people and injured
/// 50": "five" is about "killed", 50 about "injured"). A bound ("at least",
/// "more than") takes its place in the three but is not kept: it says how
/// exact the figure is, not what it is about, and "killing at least four
/// civilians" shares no thing with "wounding at least 90". (Read past
/// instead, it widened the phrases it stood in and cost a dev disagreement.)
pub(super) fn context(text: &str, tokens: &[Token], at: usize) -> Vec<Word> {
    let boundary = |a: &Token, b: &Token| {
        text.get(a.range.end..b.range.start).is_none_or(|gap| {
            (gap.contains([',', ';', ':', '.', '(', ')', '—', '–', '"', '“', '”'])
                || gap.contains("--"))
                && !abbreviation_stop(text, a, gap)
        }) || matches!(b.folded, "and" | "or" | "but" | "while" | "whereas")
    };
    let content = |t: &Token| {
        !t.stop && !t.is_number() && t.folded.chars().count() >= 3 && !ANYONE.contains(&t.folded)
    };
    let mut out = Vec::new();
    // Whether a word is one of the three a side reads (kept, unless a bound).
    let mut read = |t: &Token| {
        let counts = content(t);
        if counts && !super::bound_word(t.folded) {
            out.push(Word::of(t));
        }
        counts
    };
    let mut k = at;
    let mut taken = 0;
    while k > 0 && taken < NUMBER_CONTEXT {
        k = match boundary(&tokens[k - 1], &tokens[k]) {
            false => k - 1,
            true => match conversion(text, tokens, k, Side::Before)
                .or_else(|| restated(text, tokens, k))
            {
                Some(outside) => outside,
                None => break,
            },
        };
        taken += usize::from(read(&tokens[k]));
    }
    let mut k = at;
    let mut taken = 0;
    while k + 1 < tokens.len() && taken < NUMBER_CONTEXT {
        k = match boundary(&tokens[k], &tokens[k + 1]) {
            false => k + 1,
            true => match conversion(text, tokens, k, Side::After) {
                Some(outside) => outside,
                None => break,
            },
        };
        taken += usize::from(read(&tokens[k]));
    }
    out
}

/// Tokens read back from ", or" for the figure it restates.
const RESTATED: usize = 3;

/// The figure that ", or" at token `k` writes again ("its initial offer of
/// $70 a share, or $105 billion, in November"; "a charge of $5 billion, or
/// $2 a share"): the number within three tokens before the comma. The
/// second figure is the first in other terms, and is about what the first
/// is about: its phrase reads on from there.
fn restated(text: &str, tokens: &[Token], k: usize) -> Option<usize> {
    let or = tokens.get(k)?;
    let comma = text.get(tokens.get(k.checked_sub(1)?)?.range.end..or.range.start)?;
    if or.folded != "or" || comma.trim() != "," {
        return None;
    }
    (k.saturating_sub(RESTATED)..k)
        .rev()
        .find(|&j| tokens[j].is_number())
}

#[derive(Clone, Copy, PartialEq)]
enum Side {
    Before,
    After,
}

/// Most tokens of a figure written again in brackets.
const CONVERSION: usize = 4;

/// The token just outside a bracket that writes a figure again, on `side`
/// of token `k` ("a 400-pound (181-kg) gorilla", "€2 billion ($2.3
/// billion) in fines"): numbers, their units and bounds only. The bracket is the
/// figure's own, no end of its phrase: read past, "gorilla" is what the
/// 400 pounds weigh.
fn conversion(text: &str, tokens: &[Token], k: usize, side: Side) -> Option<usize> {
    // (A currency sign is the figure's own: "($2.3".)
    let gap = |a: usize| {
        text.get(tokens[a].range.end..tokens[a + 1].range.start)
            .map_or("", |g| {
                g.trim_matches(|c: char| c.is_whitespace() || "$€£¥₩₽₹".contains(c))
            })
    };
    let (open, close) = match side {
        Side::After => ("(", ")"),
        Side::Before => (")", "("),
    };
    let step = |i: usize| match side {
        Side::After => i.checked_add(1).filter(|&j| j < tokens.len()),
        Side::Before => i.checked_sub(1),
    };
    // The gap between token `i` and the next one on `side`.
    let gap_on = |i: usize| match side {
        Side::After => (i + 1 < tokens.len()).then(|| gap(i)),
        Side::Before => (i > 0).then(|| gap(i - 1)),
    };
    if gap_on(k)? != open {
        return None;
    }
    let mut i = step(k)?;
    let mut numbers = 0;
    for _ in 0..CONVERSION {
        let t = &tokens[i];
        if t.is_number() {
            numbers += 1;
        } else if !(super::unit_of_word(t.folded).is_some()
            || crate::text::tokens::scale_word(t.folded).is_some()
            || super::bound_word(t.folded)
            || t.folded == "or")
        {
            return None;
        }
        match gap_on(i)? {
            g if g == close => return (numbers > 0).then(|| step(i)).flatten(),
            "" | "-" => i = step(i)?,
            _ => return None,
        }
    }
    None
}

/// Most words of a compound read for a head.
const COMPOUND: usize = 3;

/// What a number counts: the first content word after it (with the
/// compound it may start), within three words and the same phrase ("12
/// killed", "five people were trapped", "2,000 signatures"; a dash, "--"
/// too, ends the phrase), a rate's after "a" or "per" ("$82 a share").
pub(super) fn head(text: &str, tokens: &[Token], at: usize) -> Option<Head> {
    let mut k = at + 1;
    let mut prev = at;
    while k < tokens.len() && k <= at + 3 {
        let gap = &text[tokens[prev].range.end..tokens[k].range.start];
        if gap.contains([',', ';', ':', '.', '(', ')', '—', '–']) || gap.contains("--") {
            return None;
        }
        let t = &tokens[k];
        if t.is_number() || matches!(t.folded, "and" | "or" | "but") {
            return None;
        }
        if k == at + 1 && matches!(t.folded, "a" | "an" | "per" | "each") {
            let noun = tokens.get(k + 1).filter(|n| !n.stop && !n.is_number())?;
            return Some(Head {
                word: Word::of(noun),
                rate: true,
                past_people: false,
                compound: Vec::new(),
            });
        }
        if !t.stop && !ANYONE.contains(&t.folded) {
            let mut compound = Vec::new();
            let mut last = k;
            while compound.len() + 1 < COMPOUND
                && let Some(next) = tokens.get(last + 1)
                && text.get(tokens[last].range.end..next.range.start) == Some(" ")
                && !next.stop
                && !next.is_number()
                && !next.capitalised
                && !ANYONE.contains(&next.folded)
            {
                compound.push(Word::of(next));
                last += 1;
            }
            return Some(Head {
                word: Word::of(t),
                compound,
                rate: false,
                past_people: tokens[at + 1..k].iter().any(|p| ANYONE.contains(&p.folded)),
            });
        }
        prev = k;
        k += 1;
    }
    None
}
