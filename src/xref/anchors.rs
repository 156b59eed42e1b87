//! Claims anchored on one shared item rather than on linked statements:
//! a figure several outlets give ([`super::figures`]) or one name spelt
//! two ways ([`super::name_variants`]). Their members' sentences may state
//! other things besides, so their differences are kept to the anchor.

use std::ops::Range;

use super::parsed::ParsedPassages;
use super::{Engine, figures};
use crate::model::{Anchor, AnchorKind, Claim, Corpus, Difference, Passage, PassageId, ValueSpan};
use crate::text::fasthash::FastMap;

/// A claim's members: each passage and the part of it that states the
/// claim (`None`: all of it).
pub(crate) type Members = Vec<(PassageId, Option<Range<usize>>)>;

/// The members of an anchored claim, where each gives the anchor, and
/// the anchor as the claim will show it.
pub(crate) struct Anchored {
    pub members: Members,
    pub spans: Vec<(PassageId, Range<usize>)>,
    pub kind: AnchorKind,
    pub text: String,
}

/// Where each anchored claim gives its anchor, and the anchor, by the
/// claim's passages.
pub(crate) type AnchorSpans = FastMap<Vec<PassageId>, (Anchor, Vec<(PassageId, Range<usize>)>)>;

/// Adds to `claims` the anchored groups whose passages no statement claim
/// already holds (a figure that linked sentences share is shown by their
/// claim), and returns where each added group gives its anchor.
pub(crate) fn add_unshown(claims: &mut Vec<Members>, anchored: Vec<Anchored>) -> AnchorSpans {
    let mut claims_of: FastMap<PassageId, Vec<usize>> = FastMap::default();
    for (c, members) in claims.iter().enumerate() {
        for (p, _) in members {
            claims_of.entry(*p).or_default().push(c);
        }
    }
    let shown = |members: &Members| {
        claims_of.get(&members[0].0).is_some_and(|of_first| {
            of_first.iter().any(|&c| {
                members
                    .iter()
                    .all(|(p, _)| claims[c].iter().any(|(q, _)| q == p))
            })
        })
    };
    let unshown: Vec<Anchored> = anchored
        .into_iter()
        .filter(|a| !shown(&a.members))
        .collect();
    let mut spans = AnchorSpans::default();
    for group in unshown {
        let passages = group.members.iter().map(|m| m.0).collect();
        let anchor = Anchor {
            kind: group.kind,
            text: group.text,
        };
        let entry = spans
            .entry(passages)
            .or_insert_with(|| (anchor, Vec::new()));
        entry.1.extend(group.spans);
        claims.push(group.members);
    }
    spans
}

/// Makes `claim` an anchored claim: its anchor, and only the differences
/// about the anchor's spans.
pub(crate) fn mark_claim(
    claim: &mut Claim,
    anchor: &Anchor,
    spans: &[(PassageId, Range<usize>)],
    passages: &[Passage],
) {
    if anchor.kind == AnchorKind::Disputed {
        // The members' other figures of the kind disputed ("an estimated
        // $1.9 billion … a loss of around $3 billion") are left out of
        // the difference, not the difference dropped for them.
        for d in &mut claim.differences {
            for v in &mut d.values {
                v.spans.retain(|s| inside(spans, v.passage, s));
                let text = &passages[v.passage].text;
                v.text = v
                    .spans
                    .iter()
                    .filter_map(|s| text.get(s.start..s.end))
                    .collect::<Vec<_>>()
                    .join(", ");
            }
            d.values.retain(|v| !v.spans.is_empty());
        }
        claim.differences.retain(|d| d.values.len() >= 2);
    }
    about_spans(&mut claim.differences, spans);
    claim.anchor = Some(anchor.clone());
}

/// Keeps the differences every value of which lies inside one of `spans`
/// of its passage.
pub(crate) fn about_spans(differences: &mut Vec<Difference>, spans: &[(PassageId, Range<usize>)]) {
    differences.retain(|d| {
        d.values
            .iter()
            .all(|v| v.spans.iter().all(|s| inside(spans, v.passage, s)))
    });
}

fn inside(spans: &[(PassageId, Range<usize>)], passage: PassageId, s: &ValueSpan) -> bool {
    spans
        .iter()
        .any(|(p, r)| *p == passage && r.start <= s.start && s.end <= r.end)
}

/// A batch's groups with the figures, disputed figures and names spelt
/// two ways that no group shows yet, and where those claims' anchors are.
pub(super) struct Anchoring {
    pub groups: Vec<Members>,
    pub anchor_spans: AnchorSpans,
    /// How many groups of each kind were anchored: figures, disputed
    /// figures, names (for progress).
    pub counts: [usize; 3],
}

/// Adds to the statement `groups` of a batch of stories the claims
/// anchored on a figure or a disputed figure of the passages `read`, or on
/// one of `names` (the batch's names spelt two ways). `passages`: the
/// batch's passages (indices in `Engine::ids`).
pub(super) fn anchor(
    engine: &Engine,
    corpus: &Corpus,
    story_of: &[usize],
    (mut groups, names): (Vec<Members>, Vec<Anchored>),
    read: &ParsedPassages,
    passages: &[usize],
) -> Anchoring {
    let mentions = figures::mentions(corpus, story_of, read);
    let mut anchored = figures::figure_groups(engine, corpus, &mentions);
    let figure_count = anchored.len();
    anchored.extend(figures::disputed_groups(
        engine, corpus, story_of, &mentions, passages,
    ));
    let disputed_count = anchored.len() - figure_count;
    let name_count = names.len();
    anchored.extend(names);
    let anchor_spans = add_unshown(&mut groups, anchored);
    groups.sort_by(|x, y| x.iter().map(|m| m.0).cmp(y.iter().map(|m| m.0)));
    groups.dedup_by(|x, y| x.iter().map(|m| m.0).eq(y.iter().map(|m| m.0)));
    Anchoring {
        groups,
        anchor_spans,
        counts: [figure_count, disputed_count, name_count],
    }
}
