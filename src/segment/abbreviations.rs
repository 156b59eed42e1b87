//! Abbreviations that end in a full stop without ending a sentence.
//! General English and news usage, not fitted to any article.

/// Titles and ranks: always followed by a name, never sentence-final.
const TITLES: &[&str] = &[
    "mr", "mrs", "ms", "mx", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cpt", "sgt", "cpl",
    "pvt", "cmdr", "adm", "brig", "gov", "sen", "rep", "rev", "hon", "pres", "supt", "insp", "det",
    "amb", "messrs", "mme", "mlle", "fr", "st", "mt", "ft", "gens", "sens", "reps", "atty",
];

/// Months: not sentence-final before a day number ("Oct. 8").
const MONTHS: &[&str] = &[
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
];

/// Abbreviations that may or may not end a sentence ("Acme Inc. said" / "...
/// for Acme Inc. The company").
const OTHERS: &[&str] = &[
    "inc", "ltd", "co", "corp", "plc", "llc", "etc", "vs", "approx", "dept", "est", "no", "nos",
    "vol", "fig", "figs", "pp", "al", "cf", "ca", "ave", "blvd", "rd", "jr", "sr", "bros", "univ",
    "mln", "bln", "bn", "tel", "ext", "min", "max", "govt", "intl", "natl",
];

/// How an abbreviation before a full stop bears on a sentence boundary.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Abbreviation {
    /// Never ends a sentence (titles, initials).
    Binding,
    /// Does not end a sentence before a number.
    Month,
    /// Ends a sentence only when a typical sentence opening follows.
    Ambiguous,
}

/// Classifies the word just before a full stop (without the stop), if it is
/// an abbreviation.
pub fn classify(word: &str) -> Option<Abbreviation> {
    let word = word.trim_start_matches(['(', '[', '"', '\'', '“', '‘', '«']);
    if word.is_empty() {
        return None;
    }
    let mut chars = word.chars();
    let first = chars.next()?;
    // Initials: "J. R. Ellis", "N. Korean".
    if chars.next().is_none() {
        return first.is_uppercase().then_some(Abbreviation::Binding);
    }
    let lower = word.to_lowercase();
    if TITLES.contains(&lower.as_str()) {
        return Some(Abbreviation::Binding);
    }
    if MONTHS.contains(&lower.as_str()) {
        return Some(Abbreviation::Month);
    }
    if OTHERS.contains(&lower.as_str()) || is_dotted(word) {
        return Some(Abbreviation::Ambiguous);
    }
    None
}

/// "U.S", "U.N", "a.m", "e.g": single letters joined by dots.
fn is_dotted(word: &str) -> bool {
    let parts: Vec<&str> = word.split('.').collect();
    parts.len() >= 2
        && parts
            .iter()
            .all(|p| p.chars().count() == 1 && p.chars().all(char::is_alphabetic))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_abbreviations() {
        assert_eq!(classify("Dr"), Some(Abbreviation::Binding));
        assert_eq!(classify("J"), Some(Abbreviation::Binding));
        assert_eq!(classify("Oct"), Some(Abbreviation::Month));
        assert_eq!(classify("U.S"), Some(Abbreviation::Ambiguous));
        assert_eq!(classify("p.m"), Some(Abbreviation::Ambiguous));
        assert_eq!(classify("(Inc"), Some(Abbreviation::Ambiguous));
        assert_eq!(classify("miners"), None);
        assert_eq!(classify("2011"), None);
        assert_eq!(classify("a"), None);
    }
}
