//! When two quantities can be set against each other, and when they agree.

use super::quantity::{Bound, Quantity};
use crate::model::ValueType;

impl Quantity {
    /// The values the statement allows.
    fn interval(&self) -> (f64, f64) {
        let (lo, hi) = (self.value, self.upper.unwrap_or(self.value));
        // A hedged figure is as precise as its last significant digit:
        // "about 80" is 75–85, "nearly 80" 70–80, "more than 50" 50–60,
        // "about $146 billion" 145.5–146.5 billion (not $148.9 billion);
        // but a round figure is no vaguer than a tenth either way ("some
        // 2,000" is not 2,300), a "nearly" no more than 15% under, a "more
        // than" no more than half over.
        // (The precision only where a bound asks it: most figures are
        // exact, and intervals are asked for each pair of a story's
        // figures.)
        match self.bound {
            Bound::Exact => (lo, hi),
            Bound::About => {
                let slack = (precision(lo) / 2.0).min(0.1 * lo.abs());
                (lo - slack, hi + slack)
            }
            Bound::AtLeast => (lo, hi + precision(lo).min(0.5 * hi.abs())),
            Bound::AtMost => (lo - precision(lo).min(0.15 * lo.abs()), hi),
        }
    }

    /// Two statements of one value: the same figure, intervals that meet
    /// ("more than 50" / 51, "about 2,300" / 2,300, "10 to 12" / 12), or a
    /// round figure within 1% of the other ("$5 billion" / "$4.98 billion";
    /// not 50 / 51). Times of day without "a.m."/"p.m." meet twelve hours on.
    pub(crate) fn agrees(&self, other: &Quantity) -> bool {
        const ROUNDING: f64 = 0.01;
        if self.kind == ValueType::Score || other.kind == ValueType::Score {
            // A score is its two figures ("10-0" is not "10-3").
            return self.value == other.value && self.against == other.against;
        }
        let (a, b) = (self.interval(), other.interval());
        if a.0 <= b.1 && b.0 <= a.1 {
            return true;
        }
        if self.kind == ValueType::TimeOfDay && (self.twelve_hour || other.twelve_hour) {
            return (self.value - other.value).abs() % 720.0 == 0.0;
        }
        let close =
            (self.value - other.value).abs() <= ROUNDING * self.value.abs().max(other.value.abs());
        close && (is_round(self.value) || is_round(other.value))
    }

    /// Whether `self` states `other`'s value, in any framing: a member
    /// that states the figure the other gives is not in conflict with it
    /// ("$82 a share, $60 in cash and $22 in stock" against "$60 a share in
    /// cash"). The framing may differ where either says nothing of what it
    /// counts or counts by a rate; two things named apart ("five trapped",
    /// "five dead") are not one statement.
    pub(crate) fn restates(&self, other: &Quantity) -> bool {
        self.restates_when(other, true)
    }

    /// Whether `self` gives `other`'s value, as it is or as it was: "up
    /// from its initial offer of $70 a share" knows the "$70-a-share offer"
    /// another report gives, so that report's $70 is no rival to this
    /// one's $82 but the earlier offer.
    pub(crate) fn knows(&self, other: &Quantity) -> bool {
        // (Of either time includes of the same time.)
        self.restates_when(other, false)
    }

    /// [`Self::restates`], of a value of the same time (`same_time`: both
    /// current or both former) or of either.
    fn restates_when(&self, other: &Quantity, same_time: bool) -> bool {
        if self.comparable_when(other, same_time) {
            return self.agrees(other);
        }
        fn named(q: &Quantity) -> Option<&super::quantity::Head> {
            q.head.as_ref().filter(|h| !h.rate)
        }
        let named_apart = match (named(self), named(other)) {
            (Some(x), Some(y)) => !x.same_thing(y),
            _ => false,
        };
        self.kind == other.kind
            && self.unit == other.unit
            && (!same_time || self.former == other.former)
            && !named_apart
            && self.agrees(other)
    }

    /// Whether the two can be set against each other: one type, one unit,
    /// and about one thing (heads that name the same thing, or, where one
    /// says nothing, context words in common). A rate ("$82 a share") is
    /// never set against a total.
    pub(crate) fn comparable(&self, other: &Quantity) -> bool {
        self.comparable_when(other, true)
    }

    /// [`Self::comparable`], of values of the same time or (`same_time`
    /// false) of either.
    fn comparable_when(&self, other: &Quantity, same_time: bool) -> bool {
        if self.kind != other.kind
            || self.unit != other.unit
            || (same_time && self.former != other.former)
        {
            return false;
        }
        let rate = |q: &Quantity| q.head.as_ref().is_some_and(|h| h.rate);
        if rate(self) != rate(other) {
            return false;
        }
        match (&self.head, &other.head) {
            (Some(x), Some(y)) => x.same_thing(y),
            _ => {
                self.kind == ValueType::TimeOfDay
                    || self
                        .context
                        .iter()
                        .any(|w| other.context.iter().any(|v| w.same_thing(v)))
            }
        }
    }
}

/// The place of a figure's last significant digit: 10 for 80, 100 for
/// 2,300, a billion for 146 billion, 0.1 for 5.3.
fn precision(v: f64) -> f64 {
    let v = v.abs();
    if v == 0.0 || !v.is_finite() {
        return 1.0;
    }
    if v.fract() != 0.0 {
        // Decimals as written, up to six places.
        let mut step = 1.0;
        let mut x = v;
        for _ in 0..6 {
            if (x - x.round()).abs() < 1e-9 * x.max(1.0) {
                break;
            }
            step /= 10.0;
            x *= 10.0;
        }
        return step;
    }
    let mut step = 1.0;
    while step < 1e15 && (v / (step * 10.0)).fract() == 0.0 {
        step *= 10.0;
    }
    step
}

/// At most two significant digits (5 billion, 120, 2,300).
fn is_round(v: f64) -> bool {
    let v = v.abs();
    if v < 1.0 || v.fract() != 0.0 {
        return false;
    }
    let scale = 10f64.powi((v.log10().floor() as i32 - 1).max(0));
    (v / scale).fract() == 0.0
}
