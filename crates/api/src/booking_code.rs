//! Booking codes as a resident types or scans them, and the digest the offline arrivals list
//! carries instead of the code. One rule for the backend that computes the digest and the kiosk
//! that matches it while offline.

use sha2::{Digest, Sha256};

/// No 0/O, 1/I/L: nothing a resident can confuse when typing the code from paper.
pub const ALPHABET: &[u8] = b"23456789ABCDEFGHJKMNPQRSTUVWXYZ";
/// Length of a short booking code.
pub const SHORT_CODE_LEN: usize = 10;
/// Start of a scanned QR payload: `KB1-<short code>-<secret>`.
pub const QR_PREFIX: &str = "KB1";

/// The short code in a typed code (any case, with spaces, dashes or dots) or a scanned QR
/// payload (`KB1-<short>-<32 hex>`); `None` when the input cannot be a code at all.
pub fn short_code(input: &str) -> Option<String> {
    let input = input.trim();
    if let Some(rest) = input
        .strip_prefix(QR_PREFIX)
        .and_then(|r| r.strip_prefix('-'))
    {
        let (short, secret) = rest.split_once('-')?;
        // The secret cannot be checked offline (arrivals do not carry it), but a payload the
        // backend would refuse as malformed is refused here too.
        let valid_secret = secret.len() == 32 && secret.bytes().all(|b| b.is_ascii_hexdigit());
        return normalise(short).filter(|_| valid_secret);
    }
    normalise(input)
}

fn normalise(typed: &str) -> Option<String> {
    let code: String = typed
        .chars()
        .filter(|c| !matches!(c, ' ' | '-' | '.'))
        .map(|c| c.to_ascii_uppercase())
        .collect();
    let valid = code.len() == SHORT_CODE_LEN && code.bytes().all(|b| ALPHABET.contains(&b));
    valid.then_some(code)
}

/// Lowercase hex of SHA-256(`salt` + ":" + `short`), as in [`crate::Arrivals`].
pub fn arrival_digest(salt: &str, short: &str) -> String {
    use std::fmt::Write;
    Sha256::digest(format!("{salt}:{short}").as_bytes())
        .iter()
        .fold(String::with_capacity(64), |mut s, b| {
            let _ = write!(s, "{b:02x}");
            s
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_and_scanned_codes_give_the_same_short_code() {
        let code = "ABCDE23456";
        assert_eq!(short_code(" abcde-23456 ").as_deref(), Some(code));
        assert_eq!(
            short_code("KB1-ABCDE23456-0123456789abcdef0123456789abcdef").as_deref(),
            Some(code)
        );
        assert_eq!(short_code("ABCDEFGHI0"), None);
        assert_eq!(short_code("KB1-ABC-xyz"), None);
    }

    #[test]
    fn digest_is_sha256_of_salt_colon_code() {
        // echo -n 'salt:ABCDE23456' | sha256sum
        assert_eq!(
            arrival_digest("salt", "ABCDE23456"),
            "e48b05c7c288f74c606d79b0a9ecd2679aa32a78c53e286f5d4835c8c474a3d2"
        );
    }
}
