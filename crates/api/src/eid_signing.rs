//! What a card's authentication key signs when the kiosk proves the holder is present: never the
//! backend's challenge as it comes, but the hash of a fixed prefix naming this use, followed by
//! the challenge. One definition for the kiosk that has the card sign it and the backend that
//! verifies it.
//!
//! Why: the authentication key also logs its holder in to other services (government sites, TLS
//! client authentication), which send challenges of their own. Were the kiosk to sign whatever
//! its backend sends, anyone able to talk to the kiosk as its backend could have it sign another
//! service's login challenge. A signature over `hash(PREFIX || challenge)` only ever verifies for
//! a message that starts with the prefix, which no other service asks for; and the challenge is
//! exactly [`CHALLENGE_LEN`] bytes, so the value signed cannot be steered any further.

use sha2::{Digest, Sha256, Sha384};

/// The challenge's length, in bytes: the backend sends exactly this many, the kiosk signs no other.
pub const CHALLENGE_LEN: usize = 32;

/// The fixed start of every message the kiosk has a card sign. Its own name and a version, then
/// a NUL so that no text-based protocol's message can begin with it.
pub const PREFIX: &[u8] = b"BE-TOWN-HALL-KIOSK/eid-certificate-request/v1\0";

/// The hash the signed value is made with. It follows the key: SHA-256 for RSA keys (applet 1.7
/// cards, PKCS#1 v1.5 with the SHA-256 DigestInfo) and P-256 keys, SHA-384 for P-384 keys
/// (applet 1.8 cards), as each key's own signatures go.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SigningHash {
    Sha256,
    Sha384,
}

impl SigningHash {
    /// The digest's length in bytes.
    pub fn len(self) -> usize {
        match self {
            SigningHash::Sha256 => 32,
            SigningHash::Sha384 => 48,
        }
    }

    /// Never empty; for clippy's `len_without_is_empty`.
    pub fn is_empty(self) -> bool {
        false
    }
}

/// A challenge of another length than [`CHALLENGE_LEN`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("a challenge has exactly {CHALLENGE_LEN} bytes, not {len}")]
pub struct ChallengeLength {
    pub len: usize,
}

/// The digest the card signs for `challenge`: `hash(PREFIX || challenge)`.
pub fn signed_digest(hash: SigningHash, challenge: &[u8]) -> Result<Vec<u8>, ChallengeLength> {
    if challenge.len() != CHALLENGE_LEN {
        return Err(ChallengeLength {
            len: challenge.len(),
        });
    }
    Ok(match hash {
        SigningHash::Sha256 => Sha256::new()
            .chain_update(PREFIX)
            .chain_update(challenge)
            .finalize()
            .to_vec(),
        SigningHash::Sha384 => Sha384::new()
            .chain_update(PREFIX)
            .chain_update(challenge)
            .finalize()
            .to_vec(),
    })
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn only_a_32_byte_challenge_is_signed_and_never_its_bare_hash() {
        assert_eq!(
            signed_digest(SigningHash::Sha256, &[0; 33]),
            Err(ChallengeLength { len: 33 })
        );
        assert!(signed_digest(SigningHash::Sha384, &[0; 31]).is_err());
        assert!(signed_digest(SigningHash::Sha384, &[]).is_err());
        let challenge = [7u8; 32];
        let digest = signed_digest(SigningHash::Sha256, &challenge).unwrap();
        assert_eq!(digest.len(), SigningHash::Sha256.len());
        assert_ne!(digest, Sha256::digest(challenge).to_vec());
        let digest = signed_digest(SigningHash::Sha384, &challenge).unwrap();
        assert_eq!(digest.len(), 48);
        assert_ne!(digest, Sha384::digest(challenge).to_vec());
    }
}
