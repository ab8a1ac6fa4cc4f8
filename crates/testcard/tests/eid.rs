//! The backend's eID checks (`kiosk_backend::eid`) against synthetic cards: each rule it keeps,
//! for the demo CA (P-256), applet 1.7's RSA and applet 1.8's P-384. Here rather than in the
//! backend, which does not link the test card.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use kiosk_backend::eid::{EidError, Evidence, verify, x509};
use kiosk_testcard::{CardHolder, DemoCa};

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
