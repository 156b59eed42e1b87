//! Numbers as news writes them: digits with separators, number words
//! ("seven", "forty"), the scale words and currencies that follow a
//! figure, and the key a number is matched by.

/// The value of a folded number word ("seven": 7), if it is one.
pub fn number_word_value(folded: &str) -> Option<f64> {
    number_word(folded)
}

/// The value of a number written as a word ("seven", "forty").
pub(super) fn number_word(word: &str) -> Option<f64> {
    let v = match word {
        "zero" => 0,
        "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        "twenty" => 20,
        "thirty" => 30,
        "forty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        "seventy" => 70,
        "eighty" => 80,
        "ninety" => 90,
        _ => return None,
    };
    Some(f64::from(v))
}

pub(crate) fn scale_word(word: &str) -> Option<f64> {
    match word {
        "thousand" => Some(1e3),
        "million" | "millions" | "mln" | "m" => Some(1e6),
        "billion" | "billions" | "bn" | "bln" => Some(1e9),
        "trillion" | "tn" => Some(1e12),
        _ => None,
    }
}

pub(super) fn currency_symbol(c: char) -> Option<&'static str> {
    match c {
        '$' => Some("USD"),
        '€' => Some("EUR"),
        '£' => Some("GBP"),
        '¥' => Some("JPY"),
        '₩' => Some("KRW"),
        '₽' => Some("RUB"),
        '₹' => Some("INR"),
        _ => None,
    }
}

pub(super) fn currency_word(word: &str) -> Option<&'static str> {
    match word {
        "euro" | "euros" => Some("EUR"),
        "dollar" | "dollars" => Some("USD"),
        "pound" | "pounds" => Some("GBP"),
        "yen" => Some("JPY"),
        "won" => Some("KRW"),
        "rouble" | "roubles" | "ruble" | "rubles" => Some("RUB"),
        _ => None,
    }
}

/// "2,300" → 2300, "11.4" → 11.4; `None` if not all digits and separators.
pub fn parse_digits(text: &str) -> Option<f64> {
    if !text.starts_with(|c: char| c.is_ascii_digit())
        || !text
            .chars()
            .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
    {
        return None;
    }
    // Commas group thousands; a single dot is a decimal point.
    text.replace(',', "").parse().ok()
}

pub(super) fn number_key(value: f64, unit: Option<&str>) -> String {
    let v = if value.fract() == 0.0 && value.abs() < 1e15 {
        format!("{}", value as i64)
    } else {
        format!("{value}")
    };
    match unit {
        Some(u) => format!("#{v}{u}"),
        None => format!("#{v}"),
    }
}
