//! Strings interned for the life of the process: each distinct word a
//! token folds to, and each number's key, is stored once and shared as a
//! plain reference, copied for free. (Tokens held them as reference-
//! counted strings: two counts raised and lowered a token, millions of
//! tokens a model.) The table only grows, by the distinct words and
//! numbers of what was read: a vocabulary, not the text.

use std::sync::{Mutex, OnceLock};

use super::fasthash::FastSet;

fn table() -> &'static Mutex<FastSet<&'static str>> {
    static TABLE: OnceLock<Mutex<FastSet<&'static str>>> = OnceLock::new();
    TABLE.get_or_init(Default::default)
}

/// The one stored copy of `s`.
pub(crate) fn intern(s: &str) -> &'static str {
    // (A panic elsewhere while the table was held leaves it whole: an
    // insert is the only change, made after the copy exists.)
    let mut table = table().lock().unwrap_or_else(|e| e.into_inner());
    if let Some(&stored) = table.get(s) {
        return stored;
    }
    let stored: &'static str = Box::leak(s.into());
    table.insert(stored);
    stored
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_string_is_stored_once() {
        let a = intern("harambe");
        let b = intern(&String::from("harambe"));
        assert_eq!(a, "harambe");
        assert!(std::ptr::eq(a, b), "the same copy");
        assert!(!std::ptr::eq(a, intern("harambé")));
    }
}
