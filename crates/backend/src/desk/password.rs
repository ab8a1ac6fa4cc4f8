//! Staff passwords: argon2id (RustCrypto's `argon2`, its default parameters: 19 MiB, 2 passes),
//! stored as PHC strings that carry their own salt and parameters.

use std::sync::OnceLock;

use argon2::Argon2;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};

use crate::codes;

/// Shortest password accepted for a staff account.
pub const MIN_LENGTH: usize = 10;

#[derive(Debug, thiserror::Error)]
pub enum PasswordError {
    #[error("the password must have at least {MIN_LENGTH} characters")]
    TooShort,
    #[error("hashing failed: {0}")]
    Hash(String),
}

/// The PHC string of `password` with a fresh random salt. Slow on purpose (tens of ms): call it
/// off the async runtime.
pub fn hash(password: &str) -> Result<String, PasswordError> {
    if password.chars().count() < MIN_LENGTH {
        return Err(PasswordError::TooShort);
    }
    let salt = SaltString::encode_b64(&codes::random_bytes(16))
        .map_err(|e| PasswordError::Hash(e.to_string()))?;
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| PasswordError::Hash(e.to_string()))
}

/// Whether `password` matches the stored PHC string; a malformed hash matches nothing.
pub fn verify(stored: &str, password: &str) -> bool {
    PasswordHash::new(stored).is_ok_and(|h| {
        Argon2::default()
            .verify_password(password.as_bytes(), &h)
            .is_ok()
    })
}

/// Spends the time of one verification, for a login that does not exist: the answer then takes
/// as long as for a wrong password, and does not tell which logins exist.
pub fn verify_nothing(password: &str) {
    static DUMMY: OnceLock<String> = OnceLock::new();
    let dummy = DUMMY.get_or_init(|| hash("no such account, never matches").unwrap_or_default());
    let _ = verify(dummy, password);
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn a_hash_verifies_its_password_only_and_is_argon2id() {
        let h = hash("correct horse battery").unwrap();
        assert!(h.starts_with("$argon2id$"));
        assert!(verify(&h, "correct horse battery"));
        assert!(!verify(&h, "correct horse batterY"));
        assert!(!verify("not a hash", "x"));
        assert!(matches!(hash("short"), Err(PasswordError::TooShort)));
    }
}
