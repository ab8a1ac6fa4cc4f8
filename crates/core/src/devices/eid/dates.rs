//! The dates on the card, which are text: validity as `DD.MM.YYYY`, the birth date as the
//! commune wrote it in the card's language, e.g. `30 JUL 1985`, `30.JUL.1985`,
//! `30 JUIL 1985`, `30 JUL. 1985`, `30.MÄR.1985`, or only `1985` when day and month are
//! unknown.

use jiff::civil::Date;

/// A birth date as the card has it: most are full dates, some only a year.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum BirthDate {
    Full(Date),
    /// The register does not know day and month.
    YearOnly(i16),
}

impl std::fmt::Debug for BirthDate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("BirthDate(..)")
    }
}

/// `DD.MM.YYYY` (also accepted with spaces or dashes between the parts).
pub fn parse_validity(text: &str) -> Option<Date> {
    let parts = tokens(text);
    let [day, month, year] = parts.as_slice() else {
        return None;
    };
    Date::new(
        number(year)?,
        i8::try_from(number(month)?).ok()?,
        i8::try_from(number(day)?).ok()?,
    )
    .ok()
}

pub fn parse_birth(text: &str) -> Option<BirthDate> {
    let parts = tokens(text);
    match parts.as_slice() {
        [year] if year.len() == 4 => number(year).map(BirthDate::YearOnly),
        [day, month, year] if year.len() == 4 => {
            let month =
                month_number(month).or_else(|| number(month).and_then(|m| i8::try_from(m).ok()))?;
            let day = i8::try_from(number(day)?).ok()?;
            Date::new(number(year)?, month, day)
                .ok()
                .map(BirthDate::Full)
        }
        _ => None,
    }
}

fn tokens(text: &str) -> Vec<&str> {
    text.split([' ', '.', '-', '/'])
        .filter(|part| !part.is_empty())
        .collect()
}

fn number(text: &str) -> Option<i16> {
    if text.is_empty() || text.len() > 4 || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

/// Dutch, French and German abbreviations, with and without accents, since communes and
/// card generations differ (`FEV` and `FÉV`, `MAA`, `MAAR` and `MRT`, `MÄR` and `MAR`).
const MONTHS: [&[&str]; 12] = [
    &["JAN", "JANV", "JANUAR"],
    &["FEB", "FEV", "FÉV", "FEVR", "FÉVR"],
    &["MAA", "MAAR", "MRT", "MAR", "MARS", "MÄR", "MÄRZ"],
    &["APR", "AVR"],
    &["MEI", "MAI"],
    &["JUN", "JUIN", "JUNI"],
    &["JUL", "JUIL", "JULI"],
    &["AUG", "AOU", "AOÛ", "AOUT", "AOÛT"],
    &["SEP", "SEPT"],
    &["OKT", "OCT"],
    &["NOV"],
    &["DEC", "DÉC", "DEZ"],
];

fn month_number(text: &str) -> Option<i8> {
    let upper = text.to_uppercase();
    let index = MONTHS
        .iter()
        .position(|names| names.contains(&upper.as_str()))?;
    i8::try_from(index + 1).ok()
}
