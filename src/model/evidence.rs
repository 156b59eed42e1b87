//! A link's evidence: the words two passages share, kept as one string.

use serde::ser::{Serialize, SerializeSeq, Serializer};

/// Between words of the evidence: tokens hold no white space, nor does a
/// respelling ("harambe~harrambe") or a number.
const SEPARATOR: char = '\n';

/// The shared key terms, numbers and names of a link, in order. A large
/// corpus has hundreds of thousands of links (313,672 at 10,000 generated
/// articles, seven words each): the words are kept one after another in
/// one string, about 60 bytes a link, where a list of shared strings took
/// 16 bytes a word besides its allocation. Exported as a list of strings.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Evidence(Box<str>);

impl Evidence {
    /// The evidence of `words`, in order (white space in a word, which no
    /// token has, would split it in two).
    pub fn of<'w>(words: impl IntoIterator<Item = &'w str>) -> Self {
        let mut joined = String::new();
        for word in words {
            if !joined.is_empty() {
                joined.push(SEPARATOR);
            }
            joined.push_str(word);
        }
        Evidence(joined.into_boxed_str())
    }

    /// The words, in order.
    pub fn words(&self) -> impl Iterator<Item = &str> {
        self.0.split(SEPARATOR).filter(|w| !w.is_empty())
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl Serialize for Evidence {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(None)?;
        for word in self.words() {
            seq.serialize_element(word)?;
        }
        seq.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_read_back_in_order_and_export_as_a_list() {
        let evidence = Evidence::of(["harambe", "gorilla~gorila", "400"]);
        assert_eq!(
            evidence.words().collect::<Vec<_>>(),
            ["harambe", "gorilla~gorila", "400"]
        );
        assert_eq!(
            serde_json::to_string(&evidence).unwrap(),
            r#"["harambe","gorilla~gorila","400"]"#
        );
        let none = Evidence::of([]);
        assert!(none.is_empty() && none.words().next().is_none());
        assert_eq!(serde_json::to_string(&none).unwrap(), "[]");
    }
}
