//! A synthetic card and the commands the kiosk sends, written out byte for byte.

use kiosk_testcard::applet::BeidApplet;
use kiosk_testcard::{CardHolder, DemoCa, TestCard};

pub const PIN: &str = "1234";

pub const SELECT_APPLET: &[u8] = &[
    0x00, 0xA4, 0x04, 0x0C, 0x0C, 0xA0, 0x00, 0x00, 0x01, 0x77, 0x50, 0x4B, 0x43, 0x53, 0x2D, 0x31,
    0x35,
];
pub const SELECT_IDENTITY: &[u8] = &[
    0x00, 0xA4, 0x08, 0x0C, 0x06, 0x3F, 0x00, 0xDF, 0x01, 0x40, 0x31,
];
pub const SELECT_AUTH_CERT: &[u8] = &[
    0x00, 0xA4, 0x08, 0x0C, 0x06, 0x3F, 0x00, 0xDF, 0x00, 0x50, 0x38,
];
/// VERIFY 1234, ISO 9564 format 2.
pub const VERIFY_RIGHT: &[u8] = &[
    0x00, 0x20, 0x00, 0x01, 0x08, 0x24, 0x12, 0x34, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
];
/// VERIFY 9999.
pub const VERIFY_WRONG: &[u8] = &[
    0x00, 0x20, 0x00, 0x01, 0x08, 0x24, 0x99, 0x99, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
];
/// MSE SET for the authentication key, ECDSA with the hash given (an applet 1.8 card, as the
/// demo CA's cards are).
pub const MSE_SET: &[u8] = &[0x00, 0x22, 0x41, 0xB6, 0x05, 0x04, 0x80, 0x40, 0x84, 0x82];
/// MSE SET for the authentication key, RSA PKCS#1 with the DigestInfo given (applet 1.7).
pub const MSE_SET_RSA: &[u8] = &[0x00, 0x22, 0x41, 0xB6, 0x05, 0x04, 0x80, 0x01, 0x84, 0x82];
/// GET RESPONSE of 64 bytes: a P-256 signature.
pub const GET_RESPONSE_64: &[u8] = &[0x00, 0xC0, 0x00, 0x00, 0x40];
pub const OK: [u8; 2] = [0x90, 0x00];

/// A holder who is nobody: made-up name, a national number with valid check digits.
pub fn holder() -> CardHolder {
    CardHolder {
        card_number: "591111111111".into(),
        national_number: "85073003328".into(),
        surname: "Testpersoon".into(),
        first_names: "Alex".into(),
        nationality: "Belg".into(),
        birth_place: "Genk".into(),
        birth_date: "30 JUL 1985".into(),
        gender: "M".into(),
        street_and_number: "Schoolstraat 4".into(),
        postal_code: "3599".into(),
        municipality: "Heidebeek".into(),
    }
}

pub fn ca() -> DemoCa {
    DemoCa::from_seed(3).unwrap()
}

pub fn card() -> TestCard {
    ca().card(&holder()).unwrap()
}

pub fn applet() -> BeidApplet {
    BeidApplet::new(card(), PIN).unwrap()
}

/// PSO COMPUTE DIGITAL SIGNATURE over the bare SHA-256 of `challenge`, no Le: what an applet 1.8
/// card takes.
pub fn sign_command(challenge: &[u8]) -> Vec<u8> {
    use sha2::{Digest, Sha256};
    let mut apdu = vec![0x00, 0x2A, 0x9E, 0x9A, 0x20];
    apdu.extend_from_slice(&Sha256::digest(challenge));
    apdu
}

/// PSO COMPUTE DIGITAL SIGNATURE over the SHA-256 DigestInfo of `challenge`, Le 0: what an
/// applet 1.7 card takes.
pub fn sign_command_digest_info(challenge: &[u8]) -> Vec<u8> {
    use sha2::{Digest, Sha256};
    let mut apdu = vec![0x00, 0x2A, 0x9E, 0x9A, 0x33];
    apdu.extend_from_slice(&[
        0x30, 0x31, 0x30, 0x0D, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01,
        0x05, 0x00, 0x04, 0x20,
    ]);
    apdu.extend_from_slice(&Sha256::digest(challenge));
    apdu.push(0x00);
    apdu
}

/// `data` followed by `sw`.
pub fn answer(data: &[u8], sw: [u8; 2]) -> Vec<u8> {
    [data, &sw].concat()
}
