//! A deterministic generator of news-like corpora for benchmarks and scale
//! tests: events covered by several outlets, with copied wire sentences,
//! paraphrases (reordered clauses, other words, other attributions),
//! changed numbers, single-source sentences and boilerplate. Written for
//! crossread; no downloads. The same seed gives the same corpus.

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

/// One generated article: a file name and its text.
pub struct Article {
    pub name: String,
    pub text: String,
}

const OUTLETS: usize = 40;
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

fn name(rng: &mut Rng) -> String {
    const SYL: &[&str] = &[
        "ka", "lo", "mer", "dan", "vi", "sor", "tel", "ba", "ru", "nis", "gor", "ev", "an", "tho",
    ];
    let n = 2 + rng.below(2);
    let mut s: String = (0..n).map(|_| *rng.pick(SYL)).collect();
    s[..1].make_ascii_uppercase();
    s
}

struct Fact {
    words: Vec<&'static str>,
    place: String,
    person: String,
    number: u32,
}

/// A corpus of `articles` articles (about 4.6 KB and 30 passages each).
pub fn corpus(articles: usize, seed: u64) -> Vec<Article> {
    let mut rng = Rng::new(seed);
    let lex = lexicon();
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
        // An event: facts that several articles will state.
        let topic: Vec<&str> = (0..6).map(|_| *rng.pick(&lex[..3000])).collect();
        let places: Vec<String> = (0..3).map(|_| name(&mut rng)).collect();
        let people: Vec<String> = (0..4)
            .map(|_| format!("{} {}", name(&mut rng), name(&mut rng)))
            .collect();
        let facts: Vec<Fact> = (0..FACTS_PER_EVENT)
            .map(|_| {
                let len = 8 + rng.below(10);
                let words = (0..len)
                    .map(|k| {
                        if k % 4 == 0 {
                            *rng.pick(&topic)
                        } else {
                            *rng.pick(&lex)
                        }
                    })
                    .collect();
                Fact {
                    words,
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
            let mut text = format!(
                "{} {} in {}\n\nBy {}\n\n",
                capitalise(topic[0]),
                topic[1],
                places[0],
                name(&mut rng)
            );
            let mut paragraph = Vec::new();
            let chosen: Vec<&Fact> = facts.iter().filter(|_| rng.chance(0.7)).take(22).collect();
            for f in chosen {
                paragraph.push(render(f, &mut rng, &lex, a == 0));
                if paragraph.len() == 2 || rng.chance(0.3) {
                    text.push_str(&paragraph.join(" "));
                    text.push_str("\n\n");
                    paragraph.clear();
                }
            }
            for _ in 0..4 {
                let len = 10 + rng.below(8);
                let words: Vec<&str> = (0..len).map(|_| *rng.pick(&lex)).collect();
                paragraph.push(format!(
                    "{} {}.",
                    capitalise(&words.join(" ")),
                    rng.pick(VERBS)
                ));
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
            });
        }
        event += 1;
    }
    out
}

/// One outlet's version of a fact: a copy of the wire, or a rewrite.
fn render(f: &Fact, rng: &mut Rng, lex: &[&'static str], wire: bool) -> String {
    let mut words = f.words.clone();
    let mut number = f.number;
    if !wire {
        // Paraphrase: other words in places, clauses swapped, numbers changed.
        for w in words.iter_mut() {
            if rng.chance(0.15) {
                *w = *rng.pick(lex);
            }
        }
        if rng.chance(0.3) {
            let cut = words.len() / 2;
            words.rotate_left(cut);
        }
        if rng.chance(0.1) {
            number += 1 + rng.below(5) as u32;
        }
    }
    let attribution = if wire || rng.chance(0.5) {
        format!("{} {}", f.person, "said")
    } else {
        format!("{} {}", rng.pick(SUBJECTS), rng.pick(VERBS))
    };
    format!(
        "{} {} in {}, {attribution}.",
        capitalise(&words.join(" ")),
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
}
