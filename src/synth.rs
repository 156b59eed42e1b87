//! A deterministic generator of news-like corpora for benchmarks and scale
//! tests: events covered by several outlets, with copied wire sentences,
//! paraphrases (reordered or dropped clauses, other words, other
//! attributions), changed numbers, single-source sentences and boilerplate.
//! Shaped like real news where it costs the engine: sentences of several
//! clauses (about two in five passages split into clauses, as on real
//! articles), words drawn with a Zipf-like skew, and events of one beat
//! sharing topic words. Each article lists the fact each sentence renders,
//! so links can be scored. Written for crossread; no downloads. The same
//! seed gives the same corpus.

use crate::text::wordfreq;

/// SplitMix64: small, fast, and good enough to vary synthetic text.
/// The scripted typing of the filter benchmarks: one keystroke at a time,
/// a word of the synthetic corpora and then a second term.
pub const TYPING: &[&str] = &[
    "n",
    "no",
    "nor",
    "nort",
    "north",
    "north ",
    "north k",
    "north ki",
    "north kil",
];

pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }
    pub fn chance(&mut self, p: f64) -> bool {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64 <= p
    }
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// One generated article: a file name, its text, and the fact each of its
/// fact sentences renders ("e00012_f07", the sentence).
pub struct Article {
    pub name: String,
    pub text: String,
    pub facts: Vec<(String, String)>,
}

const OUTLETS: usize = 40;
/// Beats (politics, business, …): events of one beat share topic words.
const BEATS: usize = 16;
const BEAT_WORDS: usize = 24;
/// How clauses of one sentence are joined.
const CONNECTORS: &[&str] = &[
    ", and", ", but", ", while", ", after", ", as", ";", ", which",
];
const FACTS_PER_EVENT: usize = 30;
const ARTICLES_PER_EVENT: usize = 5;
const SUBJECTS: &[&str] = &[
    "officials",
    "the minister",
    "police",
    "the company",
    "witnesses",
    "the mayor",
    "investigators",
    "residents",
];
const VERBS: &[&str] = &[
    "said",
    "reported",
    "confirmed",
    "announced",
    "told reporters",
    "stated",
];
const BOILERPLATE: &[&str] = &[
    "READ ALSO: More stories from our correspondents",
    "Sign up for our newsletter to get the top stories in your inbox.",
    "This website uses cookies to improve your experience.",
    "Share this article: Facebook | X | Email",
];

/// Words to build sentences from: mid-frequency English words.
fn lexicon() -> Vec<&'static str> {
    let mut words: Vec<&'static str> = include_str!("../assets/wordfreq_en.tsv")
        .lines()
        .skip(300)
        .take(12_000)
        .filter_map(|l| l.split('\t').next())
        .filter(|w| w.len() >= 4 && !crate::text::is_stop_word(w))
        .collect();
    words.sort_by(|a, b| {
        wordfreq::zipf_or_rare(b)
            .total_cmp(&wordfreq::zipf_or_rare(a))
            .then(a.cmp(b))
    });
    words
}

/// A made-up name of two to four syllables: some 170,000 of them, so that
/// names recur across events about as rarely as real ones do (two or three
/// syllables of fourteen gave 2,940 names for the 14,000 a 10,000-article
/// corpus draws: every name in five events).
fn name(rng: &mut Rng) -> String {
    const SYL: &[&str] = &[
        "ka", "lo", "mer", "dan", "vi", "sor", "tel", "ba", "ru", "nis", "gor", "ev", "an", "tho",
        "pel", "ush", "ri", "zan", "mo", "fer",
    ];
    let n = 2 + rng.below(3);
    let mut s: String = (0..n).map(|_| *rng.pick(SYL)).collect();
    s[..1].make_ascii_uppercase();
    s
}

/// A word of the lexicon, frequent ones likelier (log-uniform over ranks:
/// the rank-frequency skew of real text, roughly).
fn zipf_pick(rng: &mut Rng, lex: &[&'static str]) -> &'static str {
    let u = (rng.next_u64() >> 11) as f64 / (1u64 << 53) as f64;
    let rank = ((lex.len() as f64).ln() * u).exp() as usize;
    lex[rank.saturating_sub(1).min(lex.len() - 1)]
}

/// Words of one clause: every fourth a topic word.
fn clause(rng: &mut Rng, lex: &[&'static str], topic: &[&'static str]) -> Vec<&'static str> {
    let len = 6 + rng.below(5);
    (0..len)
        .map(|k| {
            if k % 4 == 0 {
                *rng.pick(topic)
            } else {
                zipf_pick(rng, lex)
            }
        })
        .collect()
}

struct Fact {
    /// One to three clauses, and the connectors between them.
    clauses: Vec<Vec<&'static str>>,
    connectors: Vec<&'static str>,
    place: String,
    person: String,
    number: u32,
}

/// A corpus of `articles` articles (about 4.6 KB and 30 passages each).
pub fn corpus(articles: usize, seed: u64) -> Vec<Article> {
    let mut rng = Rng::new(seed);
    let lex = lexicon();
    let beats: Vec<Vec<&'static str>> = (0..BEATS)
        .map(|_| (0..BEAT_WORDS).map(|_| *rng.pick(&lex[..3000])).collect())
        .collect();
    let outlets: Vec<String> = (0..OUTLETS)
        .map(|_| {
            format!(
                "The {} {}",
                name(&mut rng),
                rng.pick(&["Post", "Times", "Herald", "Wire", "Daily"])
            )
        })
        .collect();
    let mut out = Vec::with_capacity(articles);
    let mut event = 0;
    while out.len() < articles {
        // An event: facts that several articles will state, in words
        // mostly of its beat (which other events share) and a few its own.
        let beat = &beats[rng.below(BEATS)];
        let topic: Vec<&'static str> = (0..6)
            .map(|k| {
                if k < 4 {
                    *rng.pick(beat)
                } else {
                    *rng.pick(&lex[..3000])
                }
            })
            .collect();
        let places: Vec<String> = (0..3).map(|_| name(&mut rng)).collect();
        let people: Vec<String> = (0..4)
            .map(|_| format!("{} {}", name(&mut rng), name(&mut rng)))
            .collect();
        let facts: Vec<Fact> = (0..FACTS_PER_EVENT)
            .map(|_| {
                // Nearly half the facts take two or three clauses.
                let n = if rng.chance(0.55) {
                    1
                } else {
                    2 + usize::from(rng.chance(0.3))
                };
                let clauses: Vec<Vec<&'static str>> =
                    (0..n).map(|_| clause(&mut rng, &lex, &topic)).collect();
                let connectors = (1..n).map(|_| *rng.pick(CONNECTORS)).collect();
                Fact {
                    clauses,
                    connectors,
                    place: rng.pick(&places).clone(),
                    person: rng.pick(&people).clone(),
                    number: 2 + rng.below(500) as u32,
                }
            })
            .collect();
        for a in 0..ARTICLES_PER_EVENT {
            if out.len() == articles {
                break;
            }
            let outlet = &outlets[rng.below(OUTLETS)];
            // Every article of the event carries its headline.
            let headline = format!("{} {} in {}", capitalise(topic[0]), topic[1], places[0]);
            let mut text = format!("{headline}\n\nBy {}\n\n", name(&mut rng));
            let mut paragraph = Vec::new();
            let mut stated = vec![(format!("e{event:05}_headline"), headline)];
            let chosen: Vec<(usize, &Fact)> = facts
                .iter()
                .enumerate()
                .filter(|_| rng.chance(0.7))
                .take(22)
                .collect();
            for (k, f) in chosen {
                let sentence = render(f, &mut rng, &lex, a == 0);
                stated.push((format!("e{event:05}_f{k:02}"), sentence.clone()));
                paragraph.push(sentence);
                if paragraph.len() == 2 || rng.chance(0.3) {
                    text.push_str(&paragraph.join(" "));
                    text.push_str("\n\n");
                    paragraph.clear();
                }
            }
            // What only this outlet says, some of it in two clauses.
            for _ in 0..4 {
                let mut words: Vec<&str> = (0..5 + rng.below(6))
                    .map(|_| zipf_pick(&mut rng, &lex))
                    .collect();
                let mut text = words.join(" ");
                if rng.chance(0.35) {
                    words = (0..5 + rng.below(5))
                        .map(|_| zipf_pick(&mut rng, &lex))
                        .collect();
                    text = format!("{text}{} {}", rng.pick(CONNECTORS), words.join(" "));
                }
                paragraph.push(format!("{} {}.", capitalise(&text), rng.pick(VERBS)));
            }
            text.push_str(&paragraph.join(" "));
            text.push_str("\n\n");
            for b in BOILERPLATE.iter().take(1 + rng.below(BOILERPLATE.len())) {
                text.push_str(b);
                text.push_str("\n\n");
            }
            text.push_str(&format!("© 2025 {outlet}\n"));
            out.push(Article {
                name: format!("e{event:05}_a{a}.txt"),
                text,
                facts: stated,
            });
        }
        event += 1;
    }
    out
}

/// One outlet's version of a fact: a copy of the wire, or a rewrite.
fn render(f: &Fact, rng: &mut Rng, lex: &[&'static str], wire: bool) -> String {
    let mut clauses = f.clauses.clone();
    let mut connectors = f.connectors.clone();
    let mut number = f.number;
    if !wire {
        // Paraphrase: other words in places, clauses swapped or one left
        // out, numbers changed.
        for w in clauses.iter_mut().flatten() {
            if rng.chance(0.15) {
                *w = zipf_pick(rng, lex);
            }
        }
        if clauses.len() > 1 && rng.chance(0.3) {
            clauses.rotate_left(1);
        }
        if clauses.len() > 2 && rng.chance(0.3) {
            clauses.pop();
            connectors.pop();
        }
        if rng.chance(0.1) {
            number += 1 + rng.below(5) as u32;
        }
    }
    let mut words = clauses[0].join(" ");
    for (c, connector) in clauses.iter().skip(1).zip(&connectors) {
        words.push_str(connector);
        words.push(' ');
        words.push_str(&c.join(" "));
    }
    let attribution = if wire || rng.chance(0.5) {
        format!("{} {}", f.person, "said")
    } else {
        format!("{} {}", rng.pick(SUBJECTS), rng.pick(VERBS))
    };
    format!(
        "{} {} in {}, {attribution}.",
        capitalise(&words),
        number,
        f.place
    )
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deterministic_and_sized_like_news() {
        let a = corpus(20, 7);
        let b = corpus(20, 7);
        assert_eq!(a.len(), 20);
        assert!(
            a.iter()
                .zip(&b)
                .all(|(x, y)| x.text == y.text && x.name == y.name)
        );
        assert_ne!(corpus(20, 8)[0].text, a[0].text);
        let mean = a.iter().map(|x| x.text.len()).sum::<usize>() / a.len();
        assert!((3000..7000).contains(&mean), "mean article size {mean}");
    }

    /// Real news splits about two passages in five into clauses (42% on the
    /// dev clusters); the generator's must too, or benchmarks flatter the
    /// engine. Every listed fact sentence is in its article.
    #[test]
    fn passages_split_into_clauses_as_often_as_real_news() {
        let articles = corpus(60, 3);
        let texts: Vec<&str> = articles.iter().map(|a| a.text.as_str()).collect();
        let built = crate::corpus::segment_corpus(&crate::load::texts_for_test(&texts));
        let engine = crate::xref::Engine::new(&built);
        let split = (0..engine.ids.len())
            .filter(|&i| engine.units_of(i).count() > 1)
            .count();
        let share = split as f64 / engine.ids.len() as f64;
        assert!(
            (0.32..0.55).contains(&share),
            "{share:.2} of passages split"
        );
        for a in &articles {
            assert!(!a.facts.is_empty());
            assert!(a.facts.iter().all(|(_, s)| a.text.contains(s.as_str())));
        }
    }

    /// Events of one beat share topic words: many pairs of events have a
    /// headline word in common (about 4 in 80 events' 3,160 pairs would by
    /// chance, drawing from 3,000 words).
    #[test]
    fn events_share_topic_words() {
        let articles = corpus(400, 5);
        let headline = |event: usize| -> Vec<String> {
            let a = articles
                .iter()
                .find(|a| a.name.starts_with(&format!("e{event:05}_")))
                .expect("an article of the event");
            let line = a.text.lines().next().unwrap_or("").to_lowercase();
            line.split(" in ")
                .next()
                .unwrap_or("")
                .split_whitespace()
                .map(str::to_owned)
                .collect()
        };
        let heads: Vec<Vec<String>> = (0..80).map(headline).collect();
        let sharing = (0..80)
            .flat_map(|a| (a + 1..80).map(move |b| (a, b)))
            .filter(|&(a, b)| heads[a].iter().any(|w| heads[b].contains(w)))
            .count();
        assert!(
            sharing >= 15,
            "{sharing} pairs of events share a headline word"
        );
    }
}
