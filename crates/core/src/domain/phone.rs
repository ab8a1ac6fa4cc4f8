//! Phone numbers as residents type them, normalised to E.164 (`+32470123456`) for the backend.
//!
//! Belgian numbers are checked against the Belgian plan: mobiles have 9 digits after the 0
//! (`0470 12 34 56`), landlines and service numbers 8 (`02 123 45 67`, `011 12 34 56`). Other
//! countries must start with `+` or `00` and are only checked against the E.164 length (at most
//! 15 digits with the country code).

use std::fmt;

const BELGIUM: &str = "32";
/// E.164 allows 15 digits with the country code; the shortest numbers in use (small island
/// states) have 7.
const E164_MIN: usize = 7;
const E164_MAX: usize = 15;

/// A valid phone number. `Debug` hides it: it is personal data.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct PhoneNumber {
    /// `+` and the digits.
    e164: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum PhoneError {
    #[error("nothing was entered")]
    Empty,
    #[error("only digits, spaces, `+`, `/`, `.`, `-` and brackets are allowed")]
    InvalidCharacter,
    #[error("a Belgian number starts with 0, a foreign one with + or 00")]
    MissingPrefix,
    #[error("too few digits")]
    TooShort,
    #[error("too many digits")]
    TooLong,
    #[error("no Belgian number looks like this")]
    NotBelgian,
}

impl PhoneError {
    /// The message in `locales/*/input.ftl` that tells the resident what to do.
    pub fn message_id(self) -> &'static str {
        match self {
            Self::Empty => "input-phone-empty",
            Self::InvalidCharacter => "input-phone-character",
            Self::MissingPrefix => "input-phone-prefix",
            Self::TooShort => "input-phone-too-short",
            Self::TooLong => "input-phone-too-long",
            Self::NotBelgian => "input-phone-belgian",
        }
    }
}

impl PhoneNumber {
    /// Reads `0470 12 34 56`, `0470/12.34.56`, `+32 470 12 34 56`, `+32 (0)470 12 34 56`,
    /// `0032 470 12 34 56`, `02 123 45 67`, `+33 1 23 45 67 89`.
    pub fn parse(input: &str) -> Result<Self, PhoneError> {
        let input = input.trim();
        if input.is_empty() {
            return Err(PhoneError::Empty);
        }
        let (plus, rest) = match input.strip_prefix('+') {
            Some(rest) => (true, rest),
            None => (false, input),
        };
        // "+32 (0)470 ..." is how many business cards print it: the (0) is not dialled.
        let rest = rest.replacen("(0)", "", 1);
        let mut digits = String::with_capacity(rest.len());
        for c in rest.chars() {
            match c {
                '0'..='9' => digits.push(c),
                ' ' | '.' | '-' | '/' | '(' | ')' => {}
                _ => return Err(PhoneError::InvalidCharacter),
            }
        }
        if digits.is_empty() {
            return Err(PhoneError::Empty);
        }
        let international = if plus {
            digits
        } else if let Some(after) = digits.strip_prefix("00") {
            after.to_owned()
        } else if let Some(national) = digits.strip_prefix('0') {
            return belgian(national);
        } else {
            return Err(PhoneError::MissingPrefix);
        };
        match international.strip_prefix(BELGIUM) {
            // "+32 0470 ..." dials the trunk 0 by mistake; it is clear what was meant.
            Some(national) => belgian(national.strip_prefix('0').unwrap_or(national)),
            None => foreign(international),
        }
    }

    /// `+32470123456`: what the backend stores and SMS gateways expect.
    pub fn e164(&self) -> &str {
        &self.e164
    }

    pub fn is_belgian(&self) -> bool {
        self.national_belgian().is_some()
    }

    /// A Belgian mobile number, the only kind that can receive a text message reminder.
    pub fn is_mobile(&self) -> bool {
        self.national_belgian()
            .is_some_and(|n| n.len() == 9 && n.starts_with('4'))
    }

    fn national_belgian(&self) -> Option<&str> {
        self.e164.strip_prefix('+')?.strip_prefix(BELGIUM)
    }
}

/// `national` is the number after the trunk 0.
fn belgian(national: &str) -> Result<PhoneNumber, PhoneError> {
    let mobile_prefix = |n: &str| matches!(n.as_bytes(), [b'4', b'5'..=b'9', ..]);
    match national.len() {
        0..=7 => Err(PhoneError::TooShort),
        // 045-049 are mobile only; 8 digits there is a mobile number missing one.
        8 if mobile_prefix(national) => Err(PhoneError::TooShort),
        8 if !national.starts_with('0') => Ok(PhoneNumber {
            e164: format!("+{BELGIUM}{national}"),
        }),
        9 if mobile_prefix(national) => Ok(PhoneNumber {
            e164: format!("+{BELGIUM}{national}"),
        }),
        8 | 9 => Err(PhoneError::NotBelgian),
        _ => Err(PhoneError::TooLong),
    }
}

fn foreign(digits: String) -> Result<PhoneNumber, PhoneError> {
    if digits.starts_with('0') {
        // No country code starts with 0: "+0..." or "000..." is a typing mistake.
        return Err(PhoneError::MissingPrefix);
    }
    match digits.len() {
        n if n < E164_MIN => Err(PhoneError::TooShort),
        n if n > E164_MAX => Err(PhoneError::TooLong),
        _ => Ok(PhoneNumber {
            e164: format!("+{digits}"),
        }),
    }
}

/// Belgian numbers the Belgian way (`0470 12 34 56`, `02 123 45 67`, `011 12 34 56`), others
/// in E.164.
impl fmt::Display for PhoneNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Some(n) = self.national_belgian() else {
            return f.write_str(&self.e164);
        };
        // Brussels, Antwerp, Liège and Ghent have one-digit zones; all others have two.
        let zone = match n.as_bytes() {
            [b'4', ..] if n.len() == 9 => 3,
            [b'2' | b'3' | b'4' | b'9', ..] => 1,
            _ => 2,
        };
        let (zone, subscriber) = n.split_at(zone);
        write!(f, "0{zone}")?;
        let groups: &[usize] = if subscriber.len() == 7 {
            &[3, 2, 2]
        } else {
            &[2, 2, 2]
        };
        let mut rest = subscriber;
        for &len in groups {
            let (group, tail) = rest.split_at(len.min(rest.len()));
            write!(f, " {group}")?;
            rest = tail;
        }
        Ok(())
    }
}

impl fmt::Debug for PhoneNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("PhoneNumber(..)")
    }
}

impl std::str::FromStr for PhoneNumber {
    type Err = PhoneError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}
