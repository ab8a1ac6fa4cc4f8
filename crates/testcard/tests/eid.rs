//! The backend's eID checks (`kiosk_backend::eid`) against synthetic cards: each rule it keeps,
//! for the demo CA (P-256), applet 1.7's RSA and applet 1.8's P-384. Here rather than in the
//! backend, which does not link the test card.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use kiosk_api::eid_signing;
use kiosk_backend::eid::revocation::{self, CrlFolder};
use kiosk_backend::eid::{
    EidError, Evidence, MAX_CA_CERTS, MAX_CERT_BYTES, demo_anchor, verify, x509,
};
use kiosk_testcard::{CardHolder, DemoCa};
use sha2::{Digest, Sha256, Sha384};

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
    // DER in a zero-padded file, as on an applet 1.8 card.
    assert_eq!(good.identity_sig.len(), kiosk_testcard::SIGNATURE_FILE_LEN);
    assert_eq!(good.identity_sig[0], 0x30);
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

// ------------------------------------------------------------- what an attacker would send

#[test]
fn a_card_holders_own_certificate_cannot_stand_in_for_the_register() {
    // An attacker with a genuine card writes identity files of their own making, signs them
    // with their card's authentication key and sends its certificate as the register's: it
    // reaches the root through the Citizen CA, but it is not the register's.
    let ca = DemoCa::from_seed(42).unwrap();
    let card = ca.card(&holder("85073003328")).unwrap();
    let mut forged = evidence(&ca, &holder("85073003328"));
    forged.rrn_cert = card.auth_cert.clone();
    forged.identity_sig = card.sign_digest(&Sha256::digest(&forged.identity));
    let mut signed = forged.address.clone();
    signed.extend_from_slice(&forged.identity_sig);
    forged.address_sig = card.sign_digest(&Sha256::digest(&signed));
    assert_eq!(
        verify(&forged, &anchored(&ca), NOW).err(),
        Some(EidError::NotTheRegister)
    );

    // A self-made "RRN" certificate (another CA's register, same name) is not under the roots.
    let rogue = DemoCa::untrusted(42).unwrap();
    let rogue_files = evidence(&rogue, &holder("85073003328"));
    let mut self_made = evidence(&ca, &holder("85073003328"));
    self_made.rrn_cert = rogue_files.rrn_cert;
    self_made.identity = rogue_files.identity;
    self_made.identity_sig = rogue_files.identity_sig;
    self_made.address = rogue_files.address;
    self_made.address_sig = rogue_files.address_sig;
    assert_eq!(
        verify(&self_made, &anchored(&ca), NOW).err(),
        Some(EidError::Untrusted)
    );

    // The Citizen CA as the register's certificate: under the root, but a CA.
    let mut citizen = evidence(&ca, &holder("85073003328"));
    citizen.rrn_cert = ca.citizen_der().to_vec();
    assert_eq!(
        verify(&citizen, &anchored(&ca), NOW).err(),
        Some(EidError::NotTheRegister)
    );
}

#[test]
fn oversized_chains_are_refused_before_any_signature_is_checked() {
    let ca = DemoCa::from_seed(42).unwrap();
    let card = ca.card(&holder("85073003328")).unwrap();
    let mut wire = card.evidence(&[3; 32]);
    wire.ca_certs = vec![wire.ca_certs[0].clone(); MAX_CA_CERTS + 1];
    assert_eq!(Evidence::decode(&wire).err(), Some(EidError::TooLarge));
    wire.ca_certs.truncate(MAX_CA_CERTS);
    assert!(Evidence::decode(&wire).is_ok(), "three are allowed");

    let mut huge = evidence(&ca, &holder("85073003328"));
    huge.ca_certs = vec![vec![0x30; MAX_CERT_BYTES + 1]];
    assert_eq!(
        verify(&huge, &anchored(&ca), NOW).err(),
        Some(EidError::TooLarge)
    );
}

#[test]
fn the_card_must_sign_the_prefixed_hash_of_exactly_32_bytes() {
    let ca = DemoCa::p384_from_seed(42).unwrap();
    let card = ca.card(&holder("85073003328")).unwrap();
    let anchors = anchored(&ca);

    // The bare challenge's hash, as another service's login would have the card sign it.
    let mut bare = evidence(&ca, &holder("85073003328"));
    bare.challenge_sig = card.sign_digest(&Sha384::digest(&bare.challenge));
    assert_eq!(
        verify(&bare, &anchors, NOW).err(),
        Some(EidError::Signature("challenge"))
    );

    // 33 bytes, signed with the prefix all the same: refused for its length.
    let mut long = evidence(&ca, &holder("85073003328"));
    long.challenge = vec![5; 33];
    let mut prefixed = eid_signing::PREFIX.to_vec();
    prefixed.extend_from_slice(&long.challenge);
    long.challenge_sig = card.sign_digest(&Sha384::digest(&prefixed));
    assert!(matches!(
        verify(&long, &anchors, NOW).err(),
        Some(EidError::CardData(_))
    ));
}

#[test]
fn every_synthetic_ca_is_recognised_as_a_demo_anchor_and_nothing_else() {
    for ca in [
        DemoCa::from_seed(1).unwrap(),
        DemoCa::p384_from_seed(1).unwrap(),
        DemoCa::untrusted(1).unwrap(),
    ] {
        assert!(demo_anchor::is_synthetic(ca.root_der()));
    }
    let card = DemoCa::from_seed(1)
        .unwrap()
        .card(&holder("85073003328"))
        .unwrap();
    assert!(!demo_anchor::is_synthetic(&card.auth_cert));
    assert!(!demo_anchor::is_synthetic(b"not a certificate"));
}

// ------------------------------------------------------------------------------ revocation

/// 2026-03-20, and a list current from a day before to a week after.
const NOW_U: u64 = 1_774_000_000;
const DAY: u64 = 86_400;

fn folder_with(lists: &[(&str, Vec<u8>)]) -> (tempfile::TempDir, CrlFolder) {
    let dir = tempfile::tempdir().unwrap();
    for (name, der) in lists {
        std::fs::write(dir.path().join(name), der).unwrap();
    }
    let folder = CrlFolder::new(dir.path());
    (dir, folder)
}

fn revocation_of(
    ca: &DemoCa,
    folder: &CrlFolder,
    card: &kiosk_testcard::TestCard,
) -> Result<(), EidError> {
    let auth = x509::parse(&card.auth_cert).unwrap();
    revocation::check(
        folder,
        &auth,
        &[ca.citizen_der().to_vec()],
        &anchored(ca),
        NOW,
    )
}

#[test]
fn a_revoked_card_or_one_no_current_list_covers_is_refused() {
    for ca in [
        DemoCa::p384_from_seed(42).unwrap(),
        DemoCa::from_seed(42).unwrap(),
    ] {
        let good = ca.card(&holder("85073003328")).unwrap();
        // Another card number: the certificate's serial number follows it.
        let mut other = holder("17073003384");
        other.card_number = "591234567891".into();
        let revoked = ca.card(&other).unwrap();
        let list = ca.crl(&[&revoked], NOW_U - DAY, NOW_U + 7 * DAY).unwrap();
        let (_dir, folder) = folder_with(&[("citizen.crl", list)]);
        assert_eq!(revocation_of(&ca, &folder, &good), Ok(()));
        assert_eq!(
            revocation_of(&ca, &folder, &revoked),
            Err(EidError::Revoked)
        );

        // No list at all, a stale one, one not yet current, one forged with another key.
        let (_dir, empty) = folder_with(&[]);
        let stale = ca.crl(&[], NOW_U - 9 * DAY, NOW_U - DAY).unwrap();
        let early = ca.crl(&[], NOW_U + DAY, NOW_U + 7 * DAY).unwrap();
        let forged = ca
            .crl_signed_by_root(&[], NOW_U - DAY, NOW_U + 7 * DAY)
            .unwrap();
        for (name, list) in [
            ("stale.crl", stale),
            ("early.crl", early),
            ("forged.crl", forged),
        ] {
            let (_dir, folder) = folder_with(&[(name, list), ("junk.crl", b"junk".to_vec())]);
            assert_eq!(
                revocation_of(&ca, &folder, &good),
                Err(EidError::RevocationUnknown),
                "{name}"
            );
        }
        assert_eq!(
            revocation_of(&ca, &empty, &good),
            Err(EidError::RevocationUnknown)
        );
    }
}

#[test]
fn a_delta_list_can_revoke_but_not_vouch_beside_a_stale_full_list() {
    let ca = DemoCa::p384_from_seed(42).unwrap();
    let card = ca.card(&holder("85073003328")).unwrap();
    let stale_full = ca.crl(&[], NOW_U - 9 * DAY, NOW_U - DAY).unwrap();
    let fresh_delta = ca.delta_crl(&[], NOW_U - DAY, NOW_U + DAY).unwrap();
    let (_dir, folder) = folder_with(&[("full.crl", stale_full), ("delta.crl", fresh_delta)]);
    assert_eq!(
        revocation_of(&ca, &folder, &card),
        Err(EidError::RevocationUnknown)
    );
    let fresh_full = ca.crl(&[], NOW_U - DAY, NOW_U + 7 * DAY).unwrap();
    let naming_delta = ca.delta_crl(&[&card], NOW_U - DAY, NOW_U + DAY).unwrap();
    let (_dir, folder) = folder_with(&[("full.crl", fresh_full), ("delta.crl", naming_delta)]);
    assert_eq!(revocation_of(&ca, &folder, &card), Err(EidError::Revoked));
}

#[test]
fn a_list_replaced_in_the_folder_is_read_again() {
    let ca = DemoCa::p384_from_seed(42).unwrap();
    let card = ca.card(&holder("85073003328")).unwrap();
    let clean = ca.crl(&[], NOW_U - DAY, NOW_U + 7 * DAY).unwrap();
    let (dir, folder) = folder_with(&[("citizen.crl", clean)]);
    assert_eq!(revocation_of(&ca, &folder, &card), Ok(()));
    // The next day's list names the card (a longer file: the cache sees another version).
    let naming = ca.crl(&[&card], NOW_U - DAY + 60, NOW_U + 7 * DAY).unwrap();
    std::fs::write(dir.path().join("citizen.crl"), naming).unwrap();
    assert_eq!(revocation_of(&ca, &folder, &card), Err(EidError::Revoked));
}
