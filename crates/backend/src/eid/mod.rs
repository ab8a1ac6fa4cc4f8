//! Checking what a kiosk read from an eID card.
//!
//! The rules (keys ECDSA P-256 — the synthetic demo CA —, ECDSA P-384 — applet 1.8 cards — or
//! RSA — applet 1.7 cards —; ECDSA signatures as raw `r || s`, as a card returns them, or DER; RSA
//! signatures PKCS#1 v1.5):
//! - the request is bounded before any signature is checked: at most [`MAX_CA_CERTS`] CA
//!   certificates, every certificate at most [`MAX_CERT_BYTES`], the challenge exactly 32 bytes;
//! - `auth_cert` is valid now and reaches a trust anchor (table `trust_anchors`), directly or
//!   through at most two of `ca_certs` (the Citizen CA of file 503A), each valid now and a CA
//!   (basicConstraints cA); certificate signatures ecdsa-with-SHA256/384,
//!   sha256WithRSAEncryption or sha1WithRSAEncryption ([`x509`]);
//! - `rrn_cert` is the national register's: issued by a trust anchor itself, named as the
//!   register, for signatures and not a CA ([`register`]), so that no card's own certificate
//!   (nor anything else under the roots) can vouch for made-up identity files;
//! - `identity_sig` is the `rrn_cert` key's signature over the identity file as read: SHA-256 for
//!   P-256 and RSA keys, SHA-384 for P-384, and SHA-1 also for RSA (cards issued before the
//!   register moved to SHA-256). Applet 1.8 cards hold DER signatures zero-padded in their file:
//!   the DER's own length says where the signature ends;
//! - `address_sig` is the `rrn_cert` key's signature over the address file (its zero padding
//!   left out) followed by `identity_sig` as read, as on a real BEID (which binds the address to
//!   that identity), with the same hashes;
//! - `challenge_sig` is the `auth_cert` key's signature over `hash(PREFIX || challenge)`
//!   ([`kiosk_api::eid_signing`]: SHA-384 for P-384 keys, SHA-256 otherwise; an RSA card pads
//!   the SHA-256 DigestInfo), never over the bare challenge, so that the signature of another
//!   service's login challenge is worth nothing here;
//! - the auth certificate's subject serialNumber is the identity file's national number, so one
//!   person's files cannot be presented with another person's card;
//! - the national number's check digits hold.
//!
//! Revocation of the authentication certificate is checked apart ([`revocation`]), against the
//! CRLs the municipality keeps in a folder.

pub mod demo_anchor;
pub mod register;
pub mod revocation;
pub mod tlv;
pub mod x509;

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use kiosk_api::eid_signing::{self, SigningHash};
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
    #[error("the request carries more or bigger certificates than a card holds")]
    TooLarge,
    #[error("the register certificate is not the national register's")]
    NotTheRegister,
    #[error("the authentication certificate is revoked")]
    Revoked,
    #[error("no current revocation list says whether the authentication certificate is revoked")]
    RevocationUnknown,
}

/// The most CA certificates a request may carry: a card has one (503A) between its certificates
/// and the root; three leave room and keep the chain search small.
pub const MAX_CA_CERTS: usize = 3;
/// The largest certificate accepted, in bytes: Belgian eID certificates are under 2 KB.
pub const MAX_CERT_BYTES: usize = 4096;
/// The largest signature file accepted (a 4096-bit RSA signature).
const MAX_SIGNATURE_BYTES: usize = 512;

/// The evidence's binary fields, decoded.
#[derive(Clone)]
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
    /// The decoded fields; a request with more or bigger certificates or signatures than any
    /// card holds is [`EidError::TooLarge`], refused before any of it is parsed or checked.
    pub fn decode(e: &kiosk_api::EidEvidence) -> Result<Evidence, EidError> {
        if e.ca_certs.len() > MAX_CA_CERTS {
            return Err(EidError::TooLarge);
        }
        let evidence = Evidence::decode_unbounded(e)?;
        evidence.check_bounds()?;
        Ok(evidence)
    }

    fn check_bounds(&self) -> Result<(), EidError> {
        let certificates = [&self.rrn_cert, &self.auth_cert]
            .into_iter()
            .chain(&self.ca_certs);
        let signatures = [&self.identity_sig, &self.address_sig, &self.challenge_sig];
        if self.ca_certs.len() > MAX_CA_CERTS
            || certificates.into_iter().any(|c| c.len() > MAX_CERT_BYTES)
            || signatures
                .into_iter()
                .any(|s| s.len() > MAX_SIGNATURE_BYTES)
        {
            return Err(EidError::TooLarge);
        }
        Ok(())
    }

    fn decode_unbounded(e: &kiosk_api::EidEvidence) -> Result<Evidence, EidError> {
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
/// signature verifies under one hash only; SHA-1 is accepted nowhere else (not for the challenge).
fn register_hashes(key: &PublicKey) -> &'static [Hash] {
    match key {
        PublicKey::Rsa(_) => &[Hash::Sha256, Hash::Sha1],
        PublicKey::P384(_) => &[Hash::Sha384],
        PublicKey::P256(_) => &[Hash::Sha256],
    }
}

/// Whether the authentication key signed `hash(PREFIX || challenge)` with its hash.
fn check_challenge(key: &PublicKey, challenge: &[u8], sig: &[u8]) -> Result<(), EidError> {
    let (hash, signing) = match key {
        PublicKey::P384(_) => (Hash::Sha384, SigningHash::Sha384),
        PublicKey::P256(_) | PublicKey::Rsa(_) => (Hash::Sha256, SigningHash::Sha256),
    };
    let digest = eid_signing::signed_digest(signing, challenge)
        .map_err(|_| EidError::CardData("the challenge is not 32 bytes"))?;
    if key.verifies_digest(hash, &digest, sig) {
        Ok(())
    } else {
        Err(EidError::Signature("challenge"))
    }
}

/// Every check of the module's rules except the challenge's freshness (the store's job) and
/// revocation ([`revocation`]). CPU-bound (signature checks): async callers run it on the
/// blocking pool.
pub fn verify(e: &Evidence, anchors: &[Vec<u8>], now_s: i64) -> Result<VerifiedCard, EidError> {
    e.check_bounds()?;
    let rrn = x509::parse(&e.rrn_cert)?;
    let auth = x509::parse(&e.auth_cert)?;
    register::check_register_certificate(&rrn, anchors, now_s)?;
    x509::check_chain(&auth, &e.ca_certs, anchors, now_s)?;
    let rrn_key = x509::public_key(&rrn)?;
    let hashes = register_hashes(&rrn_key);
    let identity_sig = register::signature_in_file(&e.identity_sig);
    check(&rrn_key, hashes, &e.identity, identity_sig, "identity")?;
    let mut signed_address = register::address_as_signed(&e.address).to_vec();
    signed_address.extend_from_slice(&e.identity_sig);
    let address_sig = register::signature_in_file(&e.address_sig);
    check(&rrn_key, hashes, &signed_address, address_sig, "address")?;
    check_challenge(&x509::public_key(&auth)?, &e.challenge, &e.challenge_sig)?;
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
