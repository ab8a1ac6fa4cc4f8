//! Checking what a kiosk read from an eID card.
//!
//! The rules (ECDSA P-256 / SHA-256 for the synthetic demo CA; signatures as raw `r || s`, 64 bytes,
//! as a card returns them, or DER):
//! - `rrn_cert` and `auth_cert` are signed by a trust anchor (table `trust_anchors`) and valid now;
//! - `identity_sig` is the `rrn_cert` key's signature over the identity file as read;
//! - `address_sig` is the `rrn_cert` key's signature over `address || identity_sig`, as on a real BEID
//!   (which binds the address to that identity);
//! - `challenge_sig` is the `auth_cert` key's ECDSA signature over SHA-256(challenge) (the card gets the
//!   SHA-256 DigestInfo from `BeidCard::sign_challenge`; an ECDSA card signs the digest in it);
//! - the auth certificate's subject serialNumber is the identity file's national number, so one
//!   person's files cannot be presented with another person's card;
//! - the national number's check digits hold.

pub mod tlv;
pub mod x509;

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use p256::ecdsa::signature::Verifier;
use p256::ecdsa::{Signature, VerifyingKey};

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
        })
    }
}

/// Who the card proved to be.
pub struct VerifiedCard {
    pub national_number: String,
    pub card_number: String,
}

fn signature(bytes: &[u8]) -> Option<Signature> {
    Signature::from_slice(bytes)
        .ok()
        .or_else(|| Signature::from_der(bytes).ok())
}

fn check(
    key: &VerifyingKey,
    message: &[u8],
    sig: &[u8],
    what: &'static str,
) -> Result<(), EidError> {
    let sig = signature(sig).ok_or(EidError::Signature(what))?;
    key.verify(message, &sig)
        .map_err(|_| EidError::Signature(what))
}

/// Every check of the module's rules except the challenge's freshness (the store's job).
pub fn verify(e: &Evidence, anchors: &[Vec<u8>], now_s: i64) -> Result<VerifiedCard, EidError> {
    let rrn = x509::parse(&e.rrn_cert)?;
    let auth = x509::parse(&e.auth_cert)?;
    x509::check_chain(&rrn, anchors, now_s)?;
    x509::check_chain(&auth, anchors, now_s)?;
    let rrn_key = x509::public_key(&rrn)?;
    check(&rrn_key, &e.identity, &e.identity_sig, "identity")?;
    let mut signed_address = e.address.clone();
    signed_address.extend_from_slice(&e.identity_sig);
    check(&rrn_key, &signed_address, &e.address_sig, "address")?;
    check(
        &x509::public_key(&auth)?,
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

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::testcard::{CardHolder, DemoCa};

    fn holder(national_number: &str) -> CardHolder {
        CardHolder {
            card_number: "591234567890".into(),
            national_number: national_number.into(),
            surname: "Testpersoon".into(),
            first_names: "Zoë".into(),
            nationality: "Belg".into(),
            birth_place: "Hasselt".into(),
            birth_date: "30 JUL 1985".into(),
            gender: "V".into(),
            street_and_number: "Kerkstraat 1".into(),
            postal_code: "3599".into(),
            municipality: "Heidebeek".into(),
        }
    }

    fn evidence(ca: &DemoCa, h: &CardHolder) -> Evidence {
        let card = ca.card(h).unwrap();
        Evidence::decode(&card.evidence(b"0123456789abcdef0123456789abcdef")).unwrap()
    }

    const NOW: i64 = 1_774_000_000;

    #[test]
    fn a_demo_card_verifies_and_each_broken_rule_is_named() {
        let ca = DemoCa::from_seed(42).unwrap();
        let anchors = vec![ca.root_der().to_vec()];
        let good = evidence(&ca, &holder("85073003328"));
        let card = verify(&good, &anchors, NOW);
        assert!(card.is_ok(), "{:?}", card.err());

        let mut tampered = evidence(&ca, &holder("85073003328"));
        tampered.identity[20] ^= 1;
        assert!(matches!(
            verify(&tampered, &anchors, NOW),
            Err(EidError::Signature("identity"))
        ));

        let rogue = DemoCa::untrusted(42).unwrap();
        let foreign = evidence(&rogue, &holder("85073003328"));
        assert_eq!(
            verify(&foreign, &anchors, NOW).err(),
            Some(EidError::Untrusted)
        );

        let wrong_digits = evidence(&ca, &holder("85073003329"));
        assert_eq!(
            verify(&wrong_digits, &anchors, NOW).err(),
            Some(EidError::NationalNumber)
        );

        let mut swapped = evidence(&ca, &holder("85073003328"));
        let other = evidence(&ca, &holder("17073003384"));
        swapped.auth_cert = other.auth_cert;
        swapped.challenge_sig = other.challenge_sig;
        assert_eq!(
            verify(&swapped, &anchors, NOW).err(),
            Some(EidError::CardMismatch)
        );
    }

    #[test]
    fn the_same_seed_gives_the_same_ca() {
        let a = DemoCa::from_seed(7).unwrap();
        let b = DemoCa::from_seed(7).unwrap();
        assert_eq!(a.root_der(), b.root_der());
    }
}
