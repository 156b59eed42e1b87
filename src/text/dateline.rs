//! Agency datelines: "RAMALLAH, West Bank —", "OFER PRISON, West Bank, Jan 1
//! (Reuters) -". A dateline says where (and when) a report was filed; it
//! states nothing of the story, so no clause holds it, and its date is the
//! only date of a lede that dates the article.

use super::tokens::Token;

/// Most words of a dateline ("OFER PRISON, West Bank, Jan 1 (Reuters) -").
const MAX_DATELINE_TOKENS: usize = 10;

/// Where the body starts after a news agency's dateline: a place in
/// capitals, then only capitalised words and figures (a region, a date, the
/// agency in brackets), ended by a dash ("RAMALLAH, West Bank —",
/// "WASHINGTON (Reuters) -"). The token index after the dash.
pub(crate) fn dateline_end(text: &str, tokens: &[Token]) -> Option<usize> {
    let first = text.get(tokens.first()?.range.clone())?;
    let capitals = first.chars().count() >= 2
        && first
            .chars()
            .all(|c| c.is_uppercase() || !c.is_alphabetic())
        && first.chars().any(char::is_alphabetic);
    if !capitals {
        return None;
    }
    for i in 1..tokens.len().min(MAX_DATELINE_TOKENS + 1) {
        let gap = text.get(tokens[i - 1].range.end..tokens[i].range.start)?;
        let dash = gap.contains(['—', '–']) || (gap.contains('-') && gap.contains(' '));
        if dash {
            return Some(i);
        }
        if !(tokens[i].capitalised || tokens[i].is_number()) {
            return None;
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokens::tokenize;

    /// The dateline of `text`, as written.
    fn dateline(text: &str) -> Option<&str> {
        let tokens = tokenize(text);
        let end = dateline_end(text, &tokens)?;
        Some(text[..tokens[end].range.start].trim_end())
    }

    #[test]
    fn a_place_in_capitals_then_a_dash() {
        assert_eq!(
            dateline("OFER PRISON, West Bank, Jan 1 (Reuters) - Israel indicted a girl."),
            Some("OFER PRISON, West Bank, Jan 1 (Reuters) -")
        );
        assert_eq!(
            dateline("RAMALLAH, West Bank — A court indicted a girl."),
            Some("RAMALLAH, West Bank —")
        );
        // Capitals that go on in lower case, or no dash: no dateline.
        assert_eq!(
            dateline("NEW YORK landlords raised rents — the agency said."),
            None
        );
        assert_eq!(dateline("The court indicted a girl on Jan. 1."), None);
    }
}
