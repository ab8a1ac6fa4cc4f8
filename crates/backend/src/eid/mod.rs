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

    fn anchored(ca: &DemoCa) -> Vec<Vec<u8>> {
        vec![ca.root_der().to_vec()]
    }

    #[test]
    fn the_citizen_ca_is_needed_between_the_root_and_the_authentication_certificate() {
        let ca = DemoCa::from_seed(42).unwrap();
        let good = evidence(&ca, &holder("85073003328"));
        assert_eq!(good.ca_certs, vec![ca.citizen_der().to_vec()]);
        assert!(verify(&good, &anchored(&ca), NOW).is_ok());

        let mut without = evidence(&ca, &holder("85073003328"));
        without.ca_certs.clear();
        assert_eq!(
            verify(&without, &anchored(&ca), NOW).err(),
            Some(EidError::Untrusted)
        );

        // Another CA's Citizen CA first, garbage next: the search skips both and finds the right one.
        let rogue = DemoCa::untrusted(42).unwrap();
        let mut noisy = evidence(&ca, &holder("85073003328"));
        noisy.ca_certs = vec![
            rogue.citizen_der().to_vec(),
            b"not a certificate".to_vec(),
            ca.citizen_der().to_vec(),
        ];
        assert!(verify(&noisy, &anchored(&ca), NOW).is_ok());

        // The Citizen CA as the only anchor is not enough: the RRN certificate needs the root.
        let citizen_only = vec![ca.citizen_der().to_vec()];
        assert_eq!(
            verify(&good, &citizen_only, NOW).err(),
            Some(EidError::Untrusted)
        );

        // Every certificate must be valid now: after 2045 none is.
        assert_eq!(
            verify(&good, &anchored(&ca), 2_400_000_000).err(),
            Some(EidError::Untrusted)
        );
    }

    #[test]
    fn an_intermediate_that_is_not_a_ca_is_untrusted() {
        let ca = DemoCa::with_citizen_not_a_ca(42).unwrap();
        // Same root as the demo CA: only the missing cA flag can make this fail.
        assert_eq!(ca.root_der(), DemoCa::from_seed(42).unwrap().root_der());
        let e = evidence(&ca, &holder("85073003328"));
        assert_eq!(
            verify(&e, &anchored(&ca), NOW).err(),
            Some(EidError::Untrusted)
        );
    }

    #[test]
    fn an_rsa_card_like_applet_1_7_verifies_and_a_flipped_bit_is_caught() {
        let ca = DemoCa::rsa_from_seed(42).unwrap();
        let root = x509::parse(ca.root_der()).unwrap();
        assert!(matches!(
            x509::public_key(&root).unwrap(),
            x509::PublicKey::Rsa(_)
        ));
        let good = evidence(&ca, &holder("85073003328"));
        let card = verify(&good, &anchored(&ca), NOW);
        assert!(card.is_ok(), "{:?}", card.err());
        assert_eq!(good.challenge_sig.len(), 256);

        let mut tampered = evidence(&ca, &holder("85073003328"));
        tampered.identity[20] ^= 1;
        assert_eq!(
            verify(&tampered, &anchored(&ca), NOW).err(),
            Some(EidError::Signature("identity"))
        );

        let mut no_citizen = evidence(&ca, &holder("85073003328"));
        no_citizen.ca_certs.clear();
        assert_eq!(
            verify(&no_citizen, &anchored(&ca), NOW).err(),
            Some(EidError::Untrusted)
        );

        // The demo (ECDSA) root does not vouch for the RSA card, nor the RSA root for a demo card.
        let demo = DemoCa::from_seed(42).unwrap();
        assert_eq!(
            verify(&good, &anchored(&demo), NOW).err(),
            Some(EidError::Untrusted)
        );
        assert_eq!(
            verify(
                &evidence(&demo, &holder("85073003328")),
                &anchored(&ca),
                NOW
            )
            .err(),
            Some(EidError::Untrusted)
        );
    }

    #[test]
    fn a_p384_card_like_applet_1_8_verifies() {
        let ca = DemoCa::p384_from_seed(42).unwrap();
        let auth = x509::parse(&ca.card(&holder("85073003328")).unwrap().auth_cert).unwrap();
        assert!(matches!(
            x509::public_key(&auth).unwrap(),
            x509::PublicKey::P384(_)
        ));
        assert_eq!(
            auth.signature_algorithm.oid,
            der::asn1::ObjectIdentifier::new_unwrap("1.2.840.10045.4.3.3")
        );
        let good = evidence(&ca, &holder("85073003328"));
        assert_eq!(good.identity_sig.len(), 96);
        let card = verify(&good, &anchored(&ca), NOW);
        assert!(card.is_ok(), "{:?}", card.err());

        let mut tampered = evidence(&ca, &holder("85073003328"));
        tampered.address[3] ^= 1;
        assert_eq!(
            verify(&tampered, &anchored(&ca), NOW).err(),
            Some(EidError::Signature("address"))
        );
        let mut wrong_challenge = evidence(&ca, &holder("85073003328"));
        wrong_challenge.challenge[0] ^= 1;
        assert_eq!(
            verify(&wrong_challenge, &anchored(&ca), NOW).err(),
            Some(EidError::Signature("challenge"))
        );
    }

    #[test]
    fn only_ca_certificates_with_a_supported_key_can_be_trust_anchors() {
        let ca = DemoCa::from_seed(42).unwrap();
        assert!(x509::check_anchor(ca.root_der()).is_ok());
        assert!(x509::check_anchor(ca.citizen_der()).is_ok());
        let card = ca.card(&holder("85073003328")).unwrap();
        assert!(x509::check_anchor(&card.auth_cert).is_err());
        assert!(x509::check_anchor(b"not a certificate").is_err());
    }

    #[test]
    fn the_same_seed_gives_the_same_ca_and_another_seed_another() {
        let a = DemoCa::from_seed(7).unwrap();
        let b = DemoCa::from_seed(7).unwrap();
        assert_eq!(a.root_der(), b.root_der());
        let other = DemoCa::from_seed(8).unwrap();
        assert_ne!(a.root_der(), other.root_der());
    }
}
