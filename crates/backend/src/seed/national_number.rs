//! Belgian national register numbers (rijksregisternummer): YYMMDD, a counter (odd male, even female)
//! and two check digits; people born in 2000 or later get 2 prefixed before the modulo.

use jiff::civil::Date;

/// The 11-digit number for a birth date and counter (1..=998).
pub fn make(birth: Date, counter: u16) -> String {
    let yy = i64::from(birth.year()).rem_euclid(100);
    let base = yy * 10_000_000
        + i64::from(birth.month()) * 100_000
        + i64::from(birth.day()) * 1_000
        + i64::from(counter);
    let check = if birth.year() >= 2000 {
        97 - (2_000_000_000 + base) % 97
    } else {
        97 - base % 97
    };
    format!("{base:09}{check:02}")
}

/// Whether the check digits hold under either century's rule.
pub fn is_valid(number: &str) -> bool {
    if number.len() != 11 || !number.bytes().all(|b| b.is_ascii_digit()) {
        return false;
    }
    let (Ok(base), Ok(check)) = (number[..9].parse::<i64>(), number[9..].parse::<i64>()) else {
        return false;
    };
    97 - base % 97 == check || 97 - (2_000_000_000 + base) % 97 == check
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn matches_the_documented_examples_of_both_centuries() {
        assert_eq!(make(date(1985, 7, 30), 33), "85073003328");
        assert_eq!(make(date(2017, 7, 30), 33), "17073003384");
        assert!(is_valid("85073003328"));
        assert!(is_valid("17073003384"));
        assert!(!is_valid("85073003329"));
    }
}
