//! Checking what a kiosk read from an eID card.
//!
//! The rules (keys ECDSA P-256 — the synthetic demo CA —, ECDSA P-384 — applet 1.8 cards — or
//! RSA — applet 1.7 cards —; ECDSA signatures as raw `r || s`, as a card returns them, or DER; RSA
//! signatures PKCS#1 v1.5):
//! - `rrn_cert` and `auth_cert` are valid now and reach a trust anchor (table `trust_anchors`),
//!   directly or through at most two of `ca_certs` (the Citizen CA of file 503A), each valid now
//!   and a CA (basicConstraints cA); certificate signatures ecdsa-with-SHA256/384,
//!   sha256WithRSAEncryption or sha1WithRSAEncryption ([`x509`]);
//! - `identity_sig` is the `rrn_cert` key's signature over the identity file as read: SHA-256 for
//!   P-256 and RSA keys, SHA-384 for P-384, and SHA-1 also for RSA (cards issued before the
//!   register moved to SHA-256);
//! - `address_sig` is the `rrn_cert` key's signature over `address || identity_sig`, as on a real BEID
//!   (which binds the address to that identity), with the same hashes;
//! - `challenge_sig` is the `auth_cert` key's signature over SHA-256(challenge): the card gets the
//!   SHA-256 DigestInfo from `BeidCard::sign_challenge`; an ECDSA card signs the digest in it, an
//!   RSA card pads the DigestInfo (PKCS#1 v1.5 with SHA-256);
//! - the auth certificate's subject serialNumber is the identity file's national number, so one
//!   person's files cannot be presented with another person's card;
//! - the national number's check digits hold.

pub mod tlv;
pub mod x509;

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use x509::{Hash, PublicKey};

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EidError {
    #[error("card data is malformed: {0}")]
    CardData(&'static str),
    #[error("a certificate is not issued by a trusted authority or not valid now")]
    Untrusted,
    #[error("the certificate's key type is not supported")]
    UnsupportedKey,
    #[error("a signature does not verify: {0}")]
    Signature(&'static str),
    #[error("the authentication certificate belongs to another person")]
    CardMismatch,
    #[error("the national number's check digits are wrong")]
    NationalNumber,
}

/// The evidence's binary fields, decoded.
pub struct Evidence {
    pub identity: Vec<u8>,
    pub identity_sig: Vec<u8>,
    pub address: Vec<u8>,
    pub address_sig: Vec<u8>,
    pub rrn_cert: Vec<u8>,
    pub auth_cert: Vec<u8>,
    pub challenge: Vec<u8>,
    pub challenge_sig: Vec<u8>,
    /// Intermediate CA certificates (DER) the card holds, for building the chains.
    pub ca_certs: Vec<Vec<u8>>,
}

fn b64(text: &str, what: &'static str) -> Result<Vec<u8>, EidError> {
    STANDARD.decode(text).map_err(|_| EidError::CardData(what))
}

impl Evidence {
    pub fn decode(e: &kiosk_api::EidEvidence) -> Result<Evidence, EidError> {
        Ok(Evidence {
            identity: b64(&e.identity, "identity is not base64")?,
            identity_sig: b64(&e.identity_sig, "identity_sig is not base64")?,
            address: b64(&e.address, "address is not base64")?,
            address_sig: b64(&e.address_sig, "address_sig is not base64")?,
            rrn_cert: b64(&e.rrn_cert, "rrn_cert is not base64")?,
            auth_cert: b64(&e.auth_cert, "auth_cert is not base64")?,
            challenge: b64(&e.challenge, "challenge is not base64")?,
            challenge_sig: b64(&e.challenge_sig, "challenge_sig is not base64")?,
            ca_certs: e
                .ca_certs
                .iter()
                .map(|c| b64(c, "ca_certs is not base64"))
                .collect::<Result<_, _>>()?,
        })
    }
}

/// Who the card proved to be.
pub struct VerifiedCard {
    pub national_number: String,
    pub card_number: String,
}

/// Whether `key` signed `message` with one of `hashes`.
fn check(
    key: &PublicKey,
    hashes: &[Hash],
    message: &[u8],
    sig: &[u8],
    what: &'static str,
) -> Result<(), EidError> {
    if hashes.iter().any(|&hash| key.verifies(hash, message, sig)) {
        Ok(())
    } else {
        Err(EidError::Signature(what))
    }
}

/// The hashes the national register may have used for the identity and address signatures.
///
/// ECDSA: the curve's hash. RSA: SHA-256, then SHA-1 for cards signed before the register moved to
/// SHA-256 (applet 1.7 cards still in circulation). Trying both rather than guessing from the
/// certificate is safe because a PKCS#1 v1.5 signature embeds its hash's identifier, so a
/// signature verifies under one hash only; SHA-1 is accepted nowhere else (not for the challenge,
/// which the kiosk always hashes with SHA-256).
fn register_hashes(key: &PublicKey) -> &'static [Hash] {
    match key {
        PublicKey::Rsa(_) => &[Hash::Sha256, Hash::Sha1],
        PublicKey::P384(_) => &[Hash::Sha384],
        PublicKey::P256(_) => &[Hash::Sha256],
    }
}

/// Every check of the module's rules except the challenge's freshness (the store's job).
pub fn verify(e: &Evidence, anchors: &[Vec<u8>], now_s: i64) -> Result<VerifiedCard, EidError> {
    let rrn = x509::parse(&e.rrn_cert)?;
    let auth = x509::parse(&e.auth_cert)?;
    x509::check_chain(&rrn, &e.ca_certs, anchors, now_s)?;
    x509::check_chain(&auth, &e.ca_certs, anchors, now_s)?;
    let rrn_key = x509::public_key(&rrn)?;
    let hashes = register_hashes(&rrn_key);
    check(&rrn_key, hashes, &e.identity, &e.identity_sig, "identity")?;
    let mut signed_address = e.address.clone();
    signed_address.extend_from_slice(&e.identity_sig);
    check(&rrn_key, hashes, &signed_address, &e.address_sig, "address")?;
    check(
        &x509::public_key(&auth)?,
        &[Hash::Sha256],
        &e.challenge,
        &e.challenge_sig,
        "challenge",
    )?;
    let national_number = tlv::text(&e.identity, tlv::tag::NATIONAL_NUMBER)
        .ok_or(EidError::CardData("identity has no national number"))?;
    let card_number = tlv::text(&e.identity, tlv::tag::CARD_NUMBER)
        .ok_or(EidError::CardData("identity has no card number"))?;
    if !crate::seed::national_number::is_valid(&national_number) {
        return Err(EidError::NationalNumber);
    }
    if x509::subject_serial_number(&auth).as_deref() != Some(national_number.as_str()) {
        return Err(EidError::CardMismatch);
    }
    Ok(VerifiedCard {
        national_number,
        card_number,
    })
}
