//! English function words: the usual stop-word list of information
//! retrieval (articles, pronouns, auxiliaries, prepositions, conjunctions),
//! not a list chosen for any corpus.

const STOP_WORDS: &[&str] = &[
    "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any",
    "are", "as", "at", "be", "because", "been", "before", "being", "below", "between", "both",
    "but", "by", "can", "could", "did", "do", "does", "doing", "down", "during", "each", "even",
    "ever", "few", "for", "from", "further", "had", "has", "have", "having", "he", "her", "here",
    "hers", "herself", "him", "himself", "his", "how", "however", "i", "if", "in", "into", "is",
    "it", "its", "itself", "just", "may", "me", "meanwhile", "might", "more", "most", "must",
    "my", "myself", "no", "nor", "not", "now", "of", "off", "on", "once", "only", "or", "other",
    "our", "ours", "ourselves", "out", "over", "own", "same", "shall", "she", "should", "so",
    "some", "such", "than", "that", "the", "their", "theirs", "them", "themselves", "then",
    "there", "these", "they", "this", "those", "through", "thus", "to", "too", "under", "until",
    "up", "upon", "very", "was", "we", "were", "what", "when", "where", "whether", "which",
    "while", "who", "whom", "whose", "why", "will", "with", "would", "yet", "you", "your",
    "yours", "yourself", "yourselves", "s", "t", "d", "ll", "m", "re", "ve", "said", "says",
    "say", "told", "according", "per", "via", "within", "without", "among", "amid", "since",
    "although", "though", "unless", "whereas", "either", "neither", "another", "much", "many",
    "one's", "onto", "toward", "towards", "across", "along", "around", "behind", "beyond",
    "despite", "inside", "outside", "near", "next",
];

/// Whether a lower-case word is a function word.
pub fn is_stop_word(word: &str) -> bool {
    static SET: std::sync::OnceLock<std::collections::HashSet<&'static str>> =
        std::sync::OnceLock::new();
    SET.get_or_init(|| STOP_WORDS.iter().copied().collect()).contains(word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn knows_function_words_and_not_content_words() {
        assert!(is_stop_word("the"));
        assert!(is_stop_word("however"));
        assert!(!is_stop_word("killed"));
        assert!(!is_stop_word("korea"));
    }
}
