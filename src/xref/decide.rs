//! Link decisions. A pair is linked when the pair model is confident on its
//! own, or when, in a corpus where articles have alternatives, the two
//! passages are each other's best match in the other article (competitive
//! linking, as in sentence alignment): articles about one event state most
//! claims once each, so a mutual best match with a moderate score is
//! stronger evidence than the same score between two lone sentences. For
//! two one-sentence articles the second rule never applies.

use crate::text::fasthash::FastMap;

use super::kept::KeptPairs;
use super::model::PairModel;

/// Articles with fewer linkable passages than this offer no competition.
pub const MIN_ALTERNATIVES: usize = 3;

/// A verified pair of units (passages or clauses) and the model's score.
/// A large corpus keeps millions (1.7 million at 10,000 generated
/// articles, when memory peaks): indices are 32-bit (a corpus of four
/// billion units would need terabytes for its analyses first), the units'
/// sources are looked up, not kept, and the yes-or-no facts are bits, so
/// that one takes 32 bytes, not 72.
#[derive(Debug, Clone, Copy)]
pub struct Scored {
    pub a: u32,
    pub b: u32,
    pub score: f64,
    /// The score with disagreeing numbers left out: between mutual best
    /// matches, "five dead" and "seven dead" are one claim with a
    /// difference, not two claims.
    pub score_without_numbers: f64,
    /// Share of the lighter passage's content the other states
    /// ([`super::features::PairFeatures::cover_min`]), compared with the
    /// containment threshold in the same precision (rounding is monotone:
    /// a share at the threshold stays at it).
    pub cover: f32,
    /// Content terms the two share (exactly, by spelling or by meaning),
    /// up to 65,535.
    pub shared_terms: u16,
    /// The words among them (exactly or by spelling), up to 255: what
    /// [`MIN_SHARED_TERMS`] counts.
    pub shared_words: u8,
    /// Which of [`WHOLE`], [`NUMBERS_CLASH`], [`A_SHORTER`] and
    /// [`COMPETITIVE`] hold.
    pub traits: u8,
}

/// Both units are whole passages (not clauses): only whole passages link
/// on their score alone; a clause needs the competitive rule.
pub const WHOLE: u8 = 1;
/// Each unit states a number the other does not: two figures at odds, not
/// one side saying more.
pub const NUMBERS_CLASH: u8 = 2;
/// Unit `a` has no more content terms than `b`: the one that
/// [`Rule::Contained`] asks to be best matched.
pub const A_SHORTER: u8 = 4;
/// Both articles offer alternatives (see [`MIN_ALTERNATIVES`]): the score
/// is the `news` model's, and the competitive rules apply; otherwise it is
/// the `paraphrase` model's.
pub const COMPETITIVE: u8 = 8;

impl Scored {
    /// The two units, as indices.
    pub fn units(&self) -> (usize, usize) {
        (self.a as usize, self.b as usize)
    }

    fn shared(&self) -> usize {
        usize::from(self.shared_terms)
    }

    fn shared_words(&self) -> usize {
        usize::from(self.shared_words)
    }

    /// Whether `trait_` (one of [`WHOLE`] …) holds.
    pub fn has(&self, trait_: u8) -> bool {
        self.traits & trait_ != 0
    }

    /// This pair with `trait_` set or cleared.
    pub fn with(self, trait_: u8, on: bool) -> Scored {
        let traits = if on {
            self.traits | trait_
        } else {
            self.traits & !trait_
        };
        Scored { traits, ..self }
    }

    pub fn whole(&self) -> bool {
        self.has(WHOLE)
    }
}

/// The competitive rule needs at least this many content words in common
/// (exactly or by spelling: see `Scored::shared_words`): one common word
/// ("Nobody ...") is no evidence of a shared claim. Counting words, not
/// neighbours in meaning, measured: dev macro B-cubed F1 0.688 -> 0.690
/// (precision harambe 0.864 -> 0.874, broadcom 0.727 -> 0.767, tarantino
/// 0.861 -> 0.878; israel F1 0.780 -> 0.776), the dev stories lose 12 of
/// 2,339 links (read by hand: 9 of two statements, "close", "family",
/// "way", "simple"…, 3 perhaps of one), seeds, demo and MSRP unchanged.
pub const MIN_SHARED_TERMS: usize = 2;

/// A clause link (one side, or both, a clause) needs one word more in
/// common: a clause is a part of its sentence picked out because it
/// matched, and two words are what stock phrases share ("migrants who
/// commit serious crimes" / "refugees who commit crimes"; a coach's and a
/// quarterback's "retiring … seasons"), which joined claims of different
/// statements. (It does not help where the whole sentences are each
/// other's best match too: broadcom's "for the chip maker NXP
/// Semiconductor" / "Broadcom, which also is a chip maker" now links
/// whole, at 0.233 against the floor 0.2.) One more word, not a
/// threshold searched: measured (dev clusters, `cluster_eval.py`), macro
/// B-cubed F1 0.693 -> 0.690, claims with a member outside their main gold
/// claim 67 of 251 -> 58 of 242, precision up in four clusters (goldman
/// 0.891 -> 0.928, tarantino 0.893 -> 0.925), recall down (harambe 0.491
/// -> 0.459); demo pairs F1 0.854 -> 0.877 (precision 0.903 -> 0.957);
/// seeds, MSRP and the stories unchanged; the dev stories lose 97 of
/// 2,230 links (14 read by hand: 10 of two statements, "retiring …
/// seasons" of two players, "reach … Earth", "soon … update"; 4 of one,
/// "later said he is 3", "respiratory arrest"). Four words: dev 0.689, the
/// seeds' pairs F1 0.905 -> 0.876.
pub const MIN_CLAUSE_SHARED_TERMS: usize = 3;

/// No rule links passages sharing fewer content terms than this (exactly,
/// by spelling or by meaning): function words alone ("I was wrong." / "But
/// I was scared.") state no common claim, however alike the two read.
pub const MIN_SHARED_CONTENT: usize = 1;

/// Nor passages with fewer than [`MIN_SHARED_TERMS`] words in common,
/// unless what they share is all the lighter one states (this share of its
/// weighted content, or more): one common word is no evidence of one claim,
/// however alike the rest reads ("There's a bird in the cockpit." / "A worker came
/// out of the cockpit.", 0.58; "I don't know." / "Quite simply, I just
/// know.", 0.81), but "He died." states all of "He has died.". Measured:
/// dev macro B-cubed F1 0.687 -> 0.688 (tarantino precision 0.833 ->
/// 0.861: three quotes linked by "really", "right" and "time"), the dev
/// stories lose 18 links of 2,357 (read by hand: a cockpit, knowing,
/// trust, "straight", "tried"), seeds, demo and MSRP unchanged.
pub const LONE_WORD_COVER: f64 = 0.99;

/// Why a pair was linked, with the values the rule compared.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Rule {
    /// Lone passages: the paraphrase model's score reached its threshold.
    Paraphrase { score: f64, threshold: f64 },
    /// Whole passages: the news model's score reached the link threshold.
    Confident { score: f64, threshold: f64 },
    /// Each other's best match between their articles, with the score
    /// (disagreeing numbers set aside, unless `numbers_counted`) at least
    /// the floor.
    MutualBest {
        score: f64,
        floor: f64,
        clause: bool,
        numbers_counted: bool,
    },
    /// Each other's best match, one stating this share of the other.
    Containment { cover: f64, threshold: f64 },
    /// The shorter passage stated (this share of it) within the longer,
    /// whose best match it is, with the score at least the mutual-best
    /// floor: the longer one may state more, each part matched best
    /// elsewhere (one sentence quoting three of another article's).
    Contained {
        cover: f64,
        threshold: f64,
        score: f64,
        floor: f64,
    },
}

/// Why a pair was not linked.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Rejection {
    /// Lone passages below the paraphrase threshold (or a clause, which
    /// never links alone).
    Paraphrase { score: f64, threshold: f64 },
    /// Not each other's best match: `better` is a partner that scores
    /// higher for one side (unit, score).
    NotMutual {
        score: f64,
        better: Option<(usize, f64)>,
    },
    /// Sharing no content term, or mutual best matches sharing too few.
    FewSharedTerms { shared: usize, min: usize },
    /// Fewer than [`MIN_SHARED_TERMS`] words in common (`words`), which
    /// are not all the lighter passage states (its share `cover` of it
    /// below `threshold`).
    FewWordsInCommon {
        words: usize,
        cover: f64,
        threshold: f64,
    },
    /// Mutual best matches below the floor and not contained.
    Weak {
        score: f64,
        floor: f64,
        numbers_counted: bool,
        cover: f64,
        containment: f64,
    },
}

pub type Verdict = Result<Rule, Rejection>;

/// Decides pairs one at a time, once the best match of every unit is
/// known: verdicts need not be kept for the millions of pairs of a large
/// corpus (only whether each was linked), and can be given in parallel.
pub struct Decider<'m> {
    model: &'m PairModel,
    /// Best score of each unit against each other source, and by whom:
    /// among whole passages only, and among all units. Whole passages
    /// compete among themselves, so that clauses add links without taking
    /// any away; a clause must be the best of all units on both sides.
    best_whole: BestMatches,
    best_any: BestMatches,
    /// Each unit's source.
    unit_source: Vec<u32>,
}

impl<'m> Decider<'m> {
    /// The decider of `pairs`, whose units are of the sources
    /// `unit_source` (indexed by unit).
    pub fn new(pairs: &KeptPairs, model: &'m PairModel, unit_source: Vec<u32>) -> Self {
        // Each map is built in the pairs' order (ties go to the lower
        // partner either way), the two at once.
        let best_of = |whole_only: bool| {
            let mut best = BestMatches::new();
            for (k, s) in pairs.iter().enumerate() {
                if s.whole() || !whole_only {
                    // (Pair indices fit 32 bits, as unit indices do: see
                    // `Scored`.)
                    best.offer(k as u32, s, pairs, &unit_source);
                }
            }
            best
        };
        let (best_whole, best_any) = rayon::join(|| best_of(true), || best_of(false));
        Decider {
            model,
            best_whole,
            best_any,
            unit_source,
        }
    }

    /// The verdict on one of `pairs`, those the decider was made from.
    pub fn verdict(&self, s: &Scored, pairs: &KeptPairs) -> Verdict {
        let (model, best_whole, best_any) = (self.model, &self.best_whole, &self.best_any);
        let t = &model.thresholds;
        if s.shared() < MIN_SHARED_CONTENT {
            return Err(Rejection::FewSharedTerms {
                shared: s.shared(),
                min: MIN_SHARED_CONTENT,
            });
        }
        if s.shared_words() < MIN_SHARED_TERMS && s.cover < LONE_WORD_COVER as f32 {
            return Err(Rejection::FewWordsInCommon {
                words: s.shared_words(),
                cover: f64::from(s.cover),
                threshold: LONE_WORD_COVER,
            });
        }
        if !s.has(COMPETITIVE) {
            let threshold = model.paraphrase_threshold;
            return if s.whole() && s.score >= threshold {
                Ok(Rule::Paraphrase {
                    score: s.score,
                    threshold,
                })
            } else {
                Err(Rejection::Paraphrase {
                    score: s.score,
                    threshold,
                })
            };
        }
        if s.whole() && s.score >= t.link {
            return Ok(Rule::Confident {
                score: s.score,
                threshold: t.link,
            });
        }
        let (best, floor) = if s.whole() {
            (&best_whole, t.reciprocal)
        } else {
            (&best_any, t.clause)
        };
        if let Some(better) = best.better_than(s, pairs, &self.unit_source) {
            if s.whole()
                && s.cover >= t.containment as f32
                && s.score_without_numbers >= floor
                && s.shared_words() >= MIN_SHARED_TERMS
                && best.shorter_matched(s, pairs, &self.unit_source)
            {
                return Ok(Rule::Contained {
                    cover: f64::from(s.cover),
                    threshold: t.containment,
                    score: s.score_without_numbers,
                    floor,
                });
            }
            return Err(Rejection::NotMutual {
                score: s.score_without_numbers,
                better: Some(better),
            });
        }
        let min = if s.whole() {
            MIN_SHARED_TERMS
        } else {
            MIN_CLAUSE_SHARED_TERMS
        };
        if s.shared_words() < min {
            return Err(Rejection::FewSharedTerms {
                shared: s.shared_words(),
                min,
            });
        }
        // Between whole passages, "five dead" and "seven dead" are one
        // claim with a difference. A clause is a part picked out of its
        // sentence because it matched: when its figures clash with the
        // other's ("five seasons with the Cardinals" / "eight seasons"),
        // the match is of the words around two different facts.
        let numbers_counted = !s.whole() && s.has(NUMBERS_CLASH);
        let score = if numbers_counted {
            s.score
        } else {
            s.score_without_numbers
        };
        // One passage may state the claim and more ("declared three days
        // of mourning and said flags would fly at half-mast"): between
        // mutual best matches, containment corroborates too.
        if score >= floor {
            Ok(Rule::MutualBest {
                score,
                floor,
                clause: !s.whole(),
                numbers_counted,
            })
        } else if s.whole() && s.cover >= t.containment as f32 {
            Ok(Rule::Containment {
                cover: f64::from(s.cover),
                threshold: t.containment,
            })
        } else {
            Err(Rejection::Weak {
                score,
                floor,
                numbers_counted,
                cover: f64::from(s.cover),
                containment: t.containment,
            })
        }
    }
}

/// Each unit's best partner in each other source: (unit, other source) ->
/// the index of the pair. (The pair holds the score and the partner: an
/// entry takes 12 bytes, and there are millions.)
struct BestMatches(FastMap<(u32, u32), u32>);

/// Each side of a pair: (unit, the other unit's source, the other unit).
fn sides(s: &Scored, unit_source: &[u32]) -> [(u32, u32, u32); 2] {
    let source = |u: u32| unit_source[u as usize];
    [(s.a, source(s.b), s.b), (s.b, source(s.a), s.a)]
}

/// The other unit of a pair one of whose units is `unit`.
fn partner(s: &Scored, unit: u32) -> u32 {
    if s.a == unit { s.b } else { s.a }
}

impl BestMatches {
    fn new() -> Self {
        BestMatches(FastMap::default())
    }

    /// Offers pair `k` (`s`, one of `pairs`) to both its units: it becomes
    /// a unit's best in the other source when it scores higher (without
    /// numbers), or as high with a partner of lower index.
    fn offer(&mut self, k: u32, s: &Scored, pairs: &KeptPairs, unit_source: &[u32]) {
        for (unit, other_source, other) in sides(s, unit_source) {
            let score = s.score_without_numbers;
            let e = self.0.entry((unit, other_source)).or_insert(k);
            let best = &pairs[*e as usize];
            let (best_score, best_other) = (best.score_without_numbers, partner(best, unit));
            if score > best_score || (score == best_score && other < best_other) {
                *e = k;
            }
        }
    }

    /// Whether the shorter unit of `s` has its other unit for best match.
    fn shorter_matched(&self, s: &Scored, pairs: &KeptPairs, unit_source: &[u32]) -> bool {
        let [a_side, b_side] = sides(s, unit_source);
        let (unit, other_source, other) = if s.has(A_SHORTER) { a_side } else { b_side };
        self.0
            .get(&(unit, other_source))
            .is_some_and(|&e| partner(&pairs[e as usize], unit) == other)
    }

    /// A partner that beats `s` for one of its units (unit, score), or
    /// `None` when the two are each other's best match.
    fn better_than(
        &self,
        s: &Scored,
        pairs: &KeptPairs,
        unit_source: &[u32],
    ) -> Option<(usize, f64)> {
        sides(s, unit_source)
            .into_iter()
            .find_map(|(unit, other_source, other)| {
                let best = &pairs[*self.0.get(&(unit, other_source))? as usize];
                let partner = partner(best, unit);
                (partner != other).then_some((partner as usize, best.score_without_numbers))
            })
    }
}

#[cfg(test)]
#[path = "decide_tests.rs"]
mod tests;
