//! Booking codes, tokens and their digests.
//!
//! Randomness comes from the OS through UUID v4 (getrandom), so no extra RNG crate is needed; only the
//! 14 bytes of a v4 UUID that carry no version/variant bits are used.

use sha2::{Digest, Sha256};
use uuid::Uuid;

// The code rules are shared with the kiosk, which matches codes offline: one definition in
// kiosk-api. 10 characters of 31 = 49.5 bits; typed codes are also rate-limited per kiosk.
pub use kiosk_api::booking_code::{ALPHABET, QR_PREFIX, SHORT_CODE_LEN, arrival_digest};

pub fn random_bytes(n: usize) -> Vec<u8> {
    let mut out = Vec::with_capacity(n + 14);
    while out.len() < n {
        let uuid = Uuid::new_v4();
        let bytes = uuid.as_bytes();
        out.extend(
            bytes
                .iter()
                .enumerate()
                .filter(|(i, _)| *i != 6 && *i != 8)
                .map(|(_, b)| *b),
        );
    }
    out.truncate(n);
    out
}

/// A short code from any byte source; bytes >= 248 are skipped so every letter is equally likely.
pub fn short_code_from(mut next_byte: impl FnMut() -> u8) -> String {
    let limit = (256 / ALPHABET.len() * ALPHABET.len()) as u8;
    let mut code = String::with_capacity(SHORT_CODE_LEN);
    while code.len() < SHORT_CODE_LEN {
        let b = next_byte();
        if b < limit {
            code.push(char::from(ALPHABET[usize::from(b) % ALPHABET.len()]));
        }
    }
    code
}

pub fn short_code() -> String {
    let mut pool = Vec::new();
    short_code_from(|| {
        if pool.is_empty() {
            pool = random_bytes(32);
        }
        pool.pop().unwrap_or(0)
    })
}

/// 128 random bits for the QR payload.
pub fn qr_secret() -> String {
    hex(&random_bytes(16))
}

pub fn qr_payload(short: &str, secret: &str) -> String {
    format!("{QR_PREFIX}-{short}-{secret}")
}

/// A bearer token (256 bits); only [`sha256_hex`] of it is stored.
pub fn token(prefix: &str) -> String {
    format!("{prefix}_{}", hex(&random_bytes(32)))
}

pub fn sha256_hex(data: &[u8]) -> String {
    hex(&Sha256::digest(data))
}

pub fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write;
    bytes
        .iter()
        .fold(String::with_capacity(bytes.len() * 2), |mut s, b| {
            let _ = write!(s, "{b:02x}");
            s
        })
}

/// What a resident typed or a scanner read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CodeLookup {
    Short(String),
    Qr { short: String, secret: String },
}

impl CodeLookup {
    pub fn short(&self) -> &str {
        match self {
            CodeLookup::Short(s) | CodeLookup::Qr { short: s, .. } => s,
        }
    }
}

/// `None` when the input cannot be a code at all (then it is simply "not found").
pub fn parse_code(input: &str) -> Option<CodeLookup> {
    let input = input.trim();
    if let Some(rest) = input
        .strip_prefix(QR_PREFIX)
        .and_then(|r| r.strip_prefix('-'))
    {
        let (short, secret) = rest.split_once('-')?;
        let short = normalise(short)?;
        let valid_secret = secret.len() == 32 && secret.bytes().all(|b| b.is_ascii_hexdigit());
        return valid_secret.then(|| CodeLookup::Qr {
            short,
            secret: secret.to_ascii_lowercase(),
        });
    }
    normalise(input).map(CodeLookup::Short)
}

/// A typed code in its canonical form (kiosk-api's rule: case, spaces, dashes and dots).
fn normalise(typed: &str) -> Option<String> {
    kiosk_api::booking_code::short_code(typed)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn short_codes_avoid_ambiguous_letters_and_differ() {
        let a = short_code();
        let b = short_code();
        assert_eq!(a.len(), SHORT_CODE_LEN);
        assert_ne!(a, b);
        assert!(!a.contains(['0', 'O', '1', 'I', 'L']));
    }

    #[test]
    fn typed_codes_are_normalised_and_qr_payloads_parsed() {
        let code = short_code();
        let typed = format!(" {}-{} ", code[..5].to_lowercase(), &code[5..]);
        assert_eq!(parse_code(&typed), Some(CodeLookup::Short(code.clone())));
        let secret = qr_secret();
        let payload = qr_payload(&code, &secret);
        assert_eq!(
            parse_code(&payload),
            Some(CodeLookup::Qr {
                short: code,
                secret
            })
        );
        assert_eq!(parse_code("ABCDEFGHI0"), None);
        assert_eq!(parse_code("KB1-ABC-xyz"), None);
    }
}
