//! The national number on the public screen. The preview is on a kiosk in the town hall's lobby,
//! readable over the resident's shoulder: it shows only the last digits, enough to recognise
//! one's own number, and the printed certificate keeps it whole where its type needs it.

/// How many of the last digits the preview shows.
pub const SHOWN_DIGITS: usize = 3;

/// `85.07.30-033.28` becomes `••.••.••-••3.28`: every digit but the last [`SHOWN_DIGITS`]
/// hidden, the punctuation kept so that it still reads as a national number.
pub fn masked_national_number(formatted: &str) -> String {
    let digits = formatted.chars().filter(char::is_ascii_digit).count();
    let hidden = digits.saturating_sub(SHOWN_DIGITS);
    let mut seen = 0;
    formatted
        .chars()
        .map(|c| {
            if !c.is_ascii_digit() {
                return c;
            }
            seen += 1;
            if seen <= hidden { '•' } else { c }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_last_digits_show() {
        assert_eq!(masked_national_number("85.07.30-033.28"), "••.••.••-••3.28");
        assert_eq!(masked_national_number("85073003328"), "••••••••328");
        assert_eq!(masked_national_number("12"), "12");
        assert_eq!(masked_national_number(""), "");
    }
}
