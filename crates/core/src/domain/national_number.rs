//! The Belgian national register number (rijksregisternummer / numéro de registre national) and
//! the BIS number of people not in the register: `YYMMDD`, a 3-digit counter (odd for men, even
//! for women), two check digits.
//!
//! The check digits are 97 - (first 9 digits mod 97) for people born before 2000, and
//! 97 - ((2 000 000 000 + first 9 digits) mod 97) from 2000 on; the rule that matches gives the
//! century. BIS numbers add 20 (sex unknown when the number was made) or 40 (sex known) to the
//! month. Month or day 00 means the birth date is (partly) unknown.

use std::fmt;

use jiff::civil::Date;

/// A valid national register or BIS number.
///
/// `Debug` does not show the number: it is personal data and must never reach a log.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct NationalNumber {
    digits: [u8; 11],
    year: i16,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sex {
    Male,
    Female,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumberKind {
    /// A number of the national register.
    Register,
    /// A BIS number (month + 20 or + 40), for people not in the register.
    Bis,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum NationalNumberError {
    #[error("nothing was entered")]
    Empty,
    #[error("only digits, dots, dashes and spaces are allowed")]
    InvalidCharacter,
    #[error("a national number has 11 digits, not {digits}")]
    WrongLength { digits: usize },
    #[error("the first six digits are not a birth date")]
    InvalidBirthDate,
    #[error("the counter (digits 7 to 9) cannot be 000 or 999")]
    InvalidCounter,
    #[error("the check digits do not match")]
    WrongCheckDigits,
}

impl NationalNumberError {
    /// The message in `locales/*/input.ftl` that tells the resident what to do.
    pub fn message_id(self) -> &'static str {
        match self {
            Self::Empty => "input-nn-empty",
            Self::InvalidCharacter => "input-nn-character",
            Self::WrongLength { .. } => "input-nn-length",
            Self::InvalidBirthDate => "input-nn-date",
            // A counter of 000 or 999 is a typing mistake like a wrong check digit: the
            // resident needs the same advice, "check the digits".
            Self::InvalidCounter | Self::WrongCheckDigits => "input-nn-check",
        }
    }
}

impl NationalNumber {
    /// Reads a number as typed or printed: `85073003328`, `85.07.30-033.28`, `850730 033 28`.
    pub fn parse(input: &str) -> Result<Self, NationalNumberError> {
        let input = input.trim();
        if input.is_empty() {
            return Err(NationalNumberError::Empty);
        }
        let mut digits = Vec::with_capacity(11);
        for c in input.chars() {
            match c {
                '0'..='9' => digits.push(c as u8 - b'0'),
                '.' | '-' | ' ' | '/' => {}
                _ => return Err(NationalNumberError::InvalidCharacter),
            }
        }
        let digits: [u8; 11] =
            digits
                .as_slice()
                .try_into()
                .map_err(|_| NationalNumberError::WrongLength {
                    digits: digits.len(),
                })?;
        Self::from_digits(digits)
    }

    fn from_digits(digits: [u8; 11]) -> Result<Self, NationalNumberError> {
        let first_nine = digits[..9].iter().fold(0u64, |n, d| n * 10 + u64::from(*d));
        let check = u64::from(digits[9]) * 10 + u64::from(digits[10]);
        let century = if check == 97 - first_nine % 97 {
            1900
        } else if check == 97 - (2_000_000_000 + first_nine) % 97 {
            2000
        } else {
            return Err(NationalNumberError::WrongCheckDigits);
        };
        let pair = |i: usize| i16::from(digits[i]) * 10 + i16::from(digits[i + 1]);
        let number = Self {
            digits,
            year: century + pair(0),
        };
        let counter = number.counter();
        if counter == 0 || counter == 999 {
            return Err(NationalNumberError::InvalidCounter);
        }
        let (month, day) = (number.month(), pair(4));
        if month > 12 || day > 31 {
            return Err(NationalNumberError::InvalidBirthDate);
        }
        // A full date must exist (no 30 February); a partly unknown one cannot be checked.
        if month != 0 && day != 0 && number.birth_date().is_none() {
            return Err(NationalNumberError::InvalidBirthDate);
        }
        Ok(number)
    }

    /// The 11 digits without separators, as the backend and the eID card carry them.
    pub fn digits(&self) -> String {
        self.digits.iter().map(|d| char::from(b'0' + d)).collect()
    }

    pub fn kind(&self) -> NumberKind {
        if self.raw_month() > 12 {
            NumberKind::Bis
        } else {
            NumberKind::Register
        }
    }

    /// The birth date, or `None` when the number says it is unknown (month or day 00).
    pub fn birth_date(&self) -> Option<Date> {
        let day = i8::try_from(self.digits[4] * 10 + self.digits[5]).ok()?;
        let month = i8::try_from(self.month()).ok()?;
        if month == 0 || day == 0 {
            return None;
        }
        Date::new(self.year, month, day).ok()
    }

    /// The year of birth, known even when month and day are not.
    pub fn birth_year(&self) -> i16 {
        self.year
    }

    /// `None` for a BIS number made while the sex was unknown (month + 20).
    pub fn sex(&self) -> Option<Sex> {
        if (20..=32).contains(&self.raw_month()) {
            return None;
        }
        Some(if self.counter() % 2 == 1 {
            Sex::Male
        } else {
            Sex::Female
        })
    }

    fn raw_month(&self) -> i16 {
        i16::from(self.digits[2]) * 10 + i16::from(self.digits[3])
    }

    fn month(&self) -> i16 {
        match self.raw_month() {
            m @ 40..=52 => m - 40,
            m @ 20..=32 => m - 20,
            m => m,
        }
    }

    fn counter(&self) -> u16 {
        self.digits[6..9]
            .iter()
            .fold(0, |n, d| n * 10 + u16::from(*d))
    }
}

/// `85.07.30-033.28`, the way the eID card and the town hall's documents print it.
impl fmt::Display for NationalNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let d = self.digits();
        write!(
            f,
            "{}.{}.{}-{}.{}",
            &d[0..2],
            &d[2..4],
            &d[4..6],
            &d[6..9],
            &d[9..11]
        )
    }
}

impl fmt::Debug for NationalNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("NationalNumber(..)")
    }
}

impl std::str::FromStr for NationalNumber {
    type Err = NationalNumberError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}
