//! The two kinds of card the kiosk meets: applet 1.7 (RSA, DigestInfo, answers with the command)
//! and applet 1.8 (ECDSA P-384, bare hash, T=0 only: 61 60 then GET RESPONSE, raw r || s), with
//! GET CARD DATA's applet version and 1.8's fresh-VERIFY rule after a non-repudiation signature.

use kiosk_backend::eid::x509;
use kiosk_testcard::applet::BeidApplet;
use kiosk_testcard::{Applet, DemoCa};
use sha2::{Digest, Sha384};

use crate::common::*;

const GET_CARD_DATA: &[u8] = &[0x80, 0xE4, 0x00, 0x00, 0x1C];

fn applet_18() -> BeidApplet {
    let card = DemoCa::p384_from_seed(3).unwrap().card(&holder()).unwrap();
    BeidApplet::new(card, PIN).unwrap()
}

fn mse(algorithm: u8, key: u8) -> Vec<u8> {
    vec![
        0x00, 0x22, 0x41, 0xB6, 0x05, 0x04, 0x80, algorithm, 0x84, key,
    ]
}

fn sign_sha384(message: &[u8]) -> Vec<u8> {
    let mut apdu = vec![0x00, 0x2A, 0x9E, 0x9A, 0x30];
    apdu.extend_from_slice(&Sha384::digest(message));
    apdu
}

#[test]
fn get_card_data_reports_the_applet_version_in_byte_21() {
    let data = applet_18().process(GET_CARD_DATA);
    assert_eq!(data.len(), 28 + 2);
    assert_eq!(data[21], 0x18);
    assert_eq!(data[27], 0x0F, "issued");
    assert_eq!(data[28..], OK);
    let rsa = DemoCa::rsa_from_seed(3).unwrap().card(&holder()).unwrap();
    assert_eq!(rsa.applet, Applet::V17);
    let data = BeidApplet::new(rsa, PIN).unwrap().process(GET_CARD_DATA);
    assert_eq!(data[21], 0x17);
    // Asking too little is told the length; another class for SELECT stays refused.
    assert_eq!(
        applet_18().process(&[0x80, 0xE4, 0x00, 0x00, 0x10]),
        [0x6C, 0x1C]
    );
}

#[test]
fn an_applet_18_card_signs_the_bare_sha384_hash_as_96_raw_bytes_after_61_60() {
    let mut a = applet_18();
    let auth = x509::public_key(&x509::parse(&a.card().auth_cert).unwrap()).unwrap();
    assert_eq!(a.process(VERIFY_RIGHT), OK);
    for algorithm in [0x40, 0x02] {
        assert_eq!(a.process(&mse(algorithm, 0x82)), OK);
        assert_eq!(a.process(&sign_sha384(b"message")), [0x61, 0x60]);
        let response = a.process(&[0x00, 0xC0, 0x00, 0x00, 0x60]);
        assert_eq!(response.len(), 96 + 2);
        assert_eq!(response[96..], OK);
        assert!(auth.verifies(x509::Hash::Sha384, b"message", &response[..96]));
    }
    // The SHA-256 DigestInfo an applet 1.7 card takes is refused.
    assert_eq!(a.process(&mse(0x40, 0x82)), OK);
    assert_eq!(
        a.process(&sign_command_digest_info(b"message")),
        [0x6A, 0x80]
    );
}

#[test]
fn an_applet_18_card_wants_a_fresh_verify_after_a_non_repudiation_signature() {
    let mut a = applet_18();
    assert_eq!(a.process(VERIFY_RIGHT), OK);
    assert_eq!(a.process(&mse(0x40, 0x83)), OK);
    assert_eq!(a.process(&sign_sha384(b"contract")), [0x61, 0x60]);
    assert_eq!(a.process(&mse(0x40, 0x82)), OK);
    assert_eq!(a.process(&sign_sha384(b"login")), [0x69, 0x82]);
    assert_eq!(a.process(VERIFY_RIGHT), OK);
    assert_eq!(a.process(&sign_sha384(b"login")), [0x61, 0x60]);
}

#[test]
fn an_applet_17_card_pads_the_digest_info_and_answers_at_once() {
    let card = DemoCa::rsa_from_seed(3).unwrap().card(&holder()).unwrap();
    let auth = x509::public_key(&x509::parse(&card.auth_cert).unwrap()).unwrap();
    let mut a = BeidApplet::new(card, PIN).unwrap();
    assert_eq!(a.process(VERIFY_RIGHT), OK);
    // ECDSA's "hash not named" means nothing to an RSA card.
    assert_eq!(a.process(&mse(0x40, 0x82)), [0x6A, 0x80]);
    assert_eq!(a.process(MSE_SET_RSA), OK);
    let response = a.process(&sign_command_digest_info(b"message"));
    assert_eq!(response.len(), 256 + 2);
    assert!(auth.verifies(x509::Hash::Sha256, b"message", &response[..256]));
}
