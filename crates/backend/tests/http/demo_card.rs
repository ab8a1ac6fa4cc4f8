//! The demo cards (the P-256 demo CA's and the applet 1.8 one, ECDSA P-384), read the way the
//! kiosk reads a card (APDUs to the virtual BEID applet), are accepted by a backend seeded with
//! the same seed and get a household certificate.

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use jiff::civil::date;
use kiosk_api::eid_signing::{self, SigningHash};
use kiosk_testcard::applet::BeidApplet;
use kiosk_testcard::{CardHolder, TestCard, demo_card, demo_card_18};
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::common::start;

/// SELECT FILE by path, then READ BINARY in chunks of 255 with the 6C retry, as the kiosk does.
fn read(card: &mut BeidApplet, path: [u8; 6]) -> Vec<u8> {
    let select = [&[0x00, 0xA4, 0x08, 0x0C, 0x06][..], &path].concat();
    assert_eq!(card.process(&select), [0x90, 0x00], "{path:02X?}");
    let mut file = Vec::new();
    let mut le = 0xFF;
    loop {
        let [p1, p2] = u16::try_from(file.len()).unwrap().to_be_bytes();
        let response = card.process(&[0x00, 0xB0, p1, p2, le]);
        let (data, sw) = response.split_at(response.len() - 2);
        match sw {
            [0x90, 0x00] => {
                file.extend_from_slice(data);
                if data.len() < usize::from(le) || le != 0xFF {
                    return file;
                }
            }
            [0x6C, exact] => le = *exact,
            [0x6B, 0x00] => return file,
            other => panic!("READ BINARY answered {other:02X?}"),
        }
    }
}

#[tokio::test]
async fn the_demo_card_read_through_its_applet_gets_a_household_certificate() {
    // `start` seeds 42 as of 2026-01-20.
    read_and_request(
        demo_card(42, date(2026, 1, 20)).unwrap(),
        SigningHash::Sha256,
    )
    .await;
}

#[tokio::test]
async fn the_applet_18_demo_card_read_through_its_applet_gets_a_household_certificate() {
    read_and_request(
        demo_card_18(42, date(2026, 1, 20)).unwrap(),
        SigningHash::Sha384,
    )
    .await;
}

async fn read_and_request((holder, card): (CardHolder, TestCard), hash: SigningHash) {
    let env = start().await;
    let mut applet = BeidApplet::new(card, "4321").unwrap();

    let identity = read(&mut applet, [0x3F, 0x00, 0xDF, 0x01, 0x40, 0x31]);
    let identity_sig = read(&mut applet, [0x3F, 0x00, 0xDF, 0x01, 0x40, 0x32]);
    let address = read(&mut applet, [0x3F, 0x00, 0xDF, 0x01, 0x40, 0x33]);
    let address_sig = read(&mut applet, [0x3F, 0x00, 0xDF, 0x01, 0x40, 0x34]);
    let auth_cert = read(&mut applet, [0x3F, 0x00, 0xDF, 0x00, 0x50, 0x38]);
    let rrn_cert = read(&mut applet, [0x3F, 0x00, 0xDF, 0x00, 0x50, 0x3C]);
    // The Citizen CA, which signed the authentication certificate.
    let ca_cert = read(&mut applet, [0x3F, 0x00, 0xDF, 0x00, 0x50, 0x3A]);

    let (_, challenge) = env.challenge().await;

    let verify = [
        0x00, 0x20, 0x00, 0x01, 0x08, 0x24, 0x43, 0x21, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
    ];
    assert_eq!(applet.process(&verify), [0x90, 0x00]);
    // ECDSA over the bare hash the kiosk computed (applet 1.8): PREFIX || challenge, hashed.
    let mse = [0x00, 0x22, 0x41, 0xB6, 0x05, 0x04, 0x80, 0x40, 0x84, 0x82];
    assert_eq!(applet.process(&mse), [0x90, 0x00]);
    let digest = eid_signing::signed_digest(hash, &challenge).unwrap();
    let mut pso = vec![0x00, 0x2A, 0x9E, 0x9A, u8::try_from(digest.len()).unwrap()];
    pso.extend_from_slice(&digest);
    // T=0: 61 xx, then GET RESPONSE for as many bytes.
    let announced = applet.process(&pso);
    assert_eq!(announced[0], 0x61);
    let signed = applet.process(&[0x00, 0xC0, 0x00, 0x00, announced[1]]);
    let (signature, sw) = signed.split_at(signed.len() - 2);
    assert_eq!(sw, [0x90, 0x00]);
    assert_eq!(signature.len(), 2 * hash.len(), "raw r || s");

    let e = |b: &[u8]| STANDARD.encode(b);
    let request = json!({
        "type": "household",
        "language": "nl",
        "purpose": null,
        "eid": serde_json::to_value(kiosk_api::EidEvidence {
            identity: e(&identity),
            identity_sig: e(&identity_sig),
            address: e(&address),
            address_sig: e(&address_sig),
            rrn_cert: e(&rrn_cert),
            auth_cert: e(&auth_cert),
            challenge: e(&challenge),
            challenge_sig: e(signature),
            ca_certs: vec![e(&ca_cert)],
        })
        .unwrap(),
    });
    let response = env.send("/v1/certificate-requests", &request).await;
    assert_eq!(response.status(), StatusCode::CREATED);
    let issued: Value = response.json().await.unwrap();
    assert_eq!(issued["status"], "ready");
    let person = &issued["document"]["person"];
    assert_eq!(person["surname"], holder.surname);
    assert_eq!(person["first_names"], holder.first_names);
    // The holder lives with others, whom the certificate lists.
    assert!(
        !issued["document"]["household"]
            .as_array()
            .unwrap()
            .is_empty()
    );
}
