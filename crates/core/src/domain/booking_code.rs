//! Booking codes as a resident types them from paper or a scanner reads them from the QR code.
//!
//! The rules match the backend's (`crates/backend/src/codes.rs`): 10 characters from an alphabet
//! without 0/O and 1/I/L, typed in any case with spaces, dashes or dots; the QR carries
//! `KB1-<code>-<32 hex digits of secret>`. Where the backend silently finds nothing, the kiosk
//! says why, so that a resident who typed an O for a 0 learns that codes never contain either.

use std::fmt;

/// The characters of a short booking code, in the order the code keypad shows them: kiosk-api's
/// alphabet, the one the backend makes codes from.
pub const ALPHABET: &str = match std::str::from_utf8(kiosk_api::booking_code::ALPHABET) {
    Ok(alphabet) => alphabet,
    Err(_) => "",
};
/// Characters a resident may read into a code that are never part of one.
pub const AMBIGUOUS: &str = "01OIL";
pub const CODE_LEN: usize = kiosk_api::booking_code::SHORT_CODE_LEN;
const QR_PREFIX: &str = "KB1-";
const SECRET_LEN: usize = 32;

/// A well-formed short code, upper case without separators. `Debug` hides it: with the
/// booking's other details it opens the booking.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct BookingCode(String);

/// The secret half of a QR payload, lower-case hex. `Debug` hides it.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct QrSecret(String);

/// What a resident typed or the scanner read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BookingInput {
    Typed(BookingCode),
    Scanned { code: BookingCode, secret: QrSecret },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum BookingCodeError {
    #[error("nothing was entered")]
    Empty,
    #[error("codes never contain 0, O, 1, I or L")]
    Ambiguous,
    #[error("a character that is not in booking codes")]
    InvalidCharacter,
    #[error("a booking code has {CODE_LEN} characters; fewer were entered")]
    TooShort,
    #[error("a booking code has {CODE_LEN} characters; more were entered")]
    TooLong,
    #[error("the scanned QR code is not a booking of this municipality")]
    InvalidQr,
}

impl BookingCodeError {
    /// The message in `locales/*/input.ftl` that tells the resident what to do.
    pub fn message_id(self) -> &'static str {
        match self {
            Self::Empty => "input-code-empty",
            Self::Ambiguous => "input-code-ambiguous",
            Self::InvalidCharacter => "input-code-character",
            Self::TooShort => "input-code-too-short",
            Self::TooLong => "input-code-too-long",
            Self::InvalidQr => "input-code-qr",
        }
    }
}

/// Whether `c` can be part of a code (upper case only, as the keypad shows it).
pub fn is_code_char(c: char) -> bool {
    ALPHABET.contains(c)
}

impl BookingCode {
    /// A typed code: any case, spaces, dashes and dots ignored (`abcde-23456`).
    pub fn parse(typed: &str) -> Result<Self, BookingCodeError> {
        let mut code = String::with_capacity(CODE_LEN);
        for c in typed.chars() {
            if matches!(c, ' ' | '-' | '.') || c.is_whitespace() {
                continue;
            }
            let c = c.to_ascii_uppercase();
            if AMBIGUOUS.contains(c) {
                return Err(BookingCodeError::Ambiguous);
            }
            if !is_code_char(c) {
                return Err(BookingCodeError::InvalidCharacter);
            }
            code.push(c);
        }
        match code.len() {
            0 => Err(BookingCodeError::Empty),
            n if n < CODE_LEN => Err(BookingCodeError::TooShort),
            n if n > CODE_LEN => Err(BookingCodeError::TooLong),
            _ => Ok(Self(code)),
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl BookingInput {
    /// A scanned QR payload or a typed code, told apart by the QR's `KB1-` prefix.
    pub fn parse(input: &str) -> Result<Self, BookingCodeError> {
        let input = input.trim();
        let prefix = input.get(..QR_PREFIX.len());
        if prefix.is_some_and(|p| p.eq_ignore_ascii_case(QR_PREFIX)) {
            return parse_qr(&input[QR_PREFIX.len()..]);
        }
        BookingCode::parse(input).map(Self::Typed)
    }

    pub fn code(&self) -> &BookingCode {
        match self {
            Self::Typed(code) | Self::Scanned { code, .. } => code,
        }
    }

    /// What the backend accepts for this input: the code, or the whole QR payload.
    pub fn to_backend(&self) -> String {
        match self {
            Self::Typed(code) => code.0.clone(),
            Self::Scanned { code, secret } => format!("{QR_PREFIX}{}-{}", code.0, secret.0),
        }
    }
}

/// `rest` is what follows `KB1-`: the code as the backend printed it, `-`, the secret. A
/// scanner does not mistype, so anything else is a foreign QR code, not a typing slip.
fn parse_qr(rest: &str) -> Result<BookingInput, BookingCodeError> {
    let (code, secret) = rest.split_once('-').ok_or(BookingCodeError::InvalidQr)?;
    let canonical = code.len() == CODE_LEN && code.chars().all(is_code_char);
    let secret_ok = secret.len() == SECRET_LEN && secret.bytes().all(|b| b.is_ascii_hexdigit());
    if !(canonical && secret_ok) {
        return Err(BookingCodeError::InvalidQr);
    }
    Ok(BookingInput::Scanned {
        code: BookingCode(code.to_owned()),
        secret: QrSecret(secret.to_ascii_lowercase()),
    })
}

/// `ABCDE 23456`: two groups of five are easier to compare with paper.
impl fmt::Display for BookingCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (a, b) = self.0.split_at(CODE_LEN / 2);
        write!(f, "{a} {b}")
    }
}

impl fmt::Debug for BookingCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("BookingCode(..)")
    }
}

impl fmt::Debug for QrSecret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("QrSecret(..)")
    }
}
