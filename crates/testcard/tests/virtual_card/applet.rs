//! The applet's answers to the kiosk's commands, byte for byte, and to everything else.

use kiosk_backend::eid::{tlv, x509};
use kiosk_testcard::applet::{BEID_ATR, BeidApplet};
use kiosk_testcard::{TestCardError, placeholder_photo};

use crate::common::*;

#[test]
fn selects_the_belpic_applet_and_its_files_and_refuses_the_rest() {
    let mut a = applet();
    assert_eq!(a.process(SELECT_APPLET), OK);
    let mut other_aid = SELECT_APPLET.to_vec();
    other_aid[16] = 0x36;
    assert_eq!(a.process(&other_aid), [0x6A, 0x82]);
    assert_eq!(a.process(SELECT_IDENTITY), OK);
    for path in [
        [0x3F, 0x00, 0xDF, 0x01, 0x40, 0x32],
        [0x3F, 0x00, 0xDF, 0x01, 0x40, 0x33],
        [0x3F, 0x00, 0xDF, 0x01, 0x40, 0x34],
        [0x3F, 0x00, 0xDF, 0x01, 0x40, 0x35],
        [0x3F, 0x00, 0xDF, 0x00, 0x50, 0x38],
        [0x3F, 0x00, 0xDF, 0x00, 0x50, 0x3C],
    ] {
        let select = [&[0x00, 0xA4, 0x08, 0x0C, 0x06][..], &path].concat();
        assert_eq!(a.process(&select), OK, "{path:02X?}");
    }
    // The signing certificate (5039) is not on this card; without 3F00 the path is not found.
    assert_eq!(
        a.process(&[
            0x00, 0xA4, 0x08, 0x0C, 0x06, 0x3F, 0x00, 0xDF, 0x00, 0x50, 0x39
        ]),
        [0x6A, 0x82]
    );
    assert_eq!(
        a.process(&[0x00, 0xA4, 0x08, 0x0C, 0x04, 0xDF, 0x01, 0x40, 0x31]),
        [0x6A, 0x82]
    );
    // A folder is selected, but has nothing to read.
    assert_eq!(
        a.process(&[0x00, 0xA4, 0x08, 0x0C, 0x04, 0x3F, 0x00, 0xDF, 0x01]),
        OK
    );
    assert_eq!(a.process(&[0x00, 0xB0, 0x00, 0x00, 0xFF]), [0x69, 0x86]);
    assert_eq!(a.atr(), BEID_ATR);
    assert_eq!(
        BEID_ATR,
        [
            0x3B, 0x98, 0x13, 0x40, 0x0A, 0xA5, 0x03, 0x01, 0x01, 0x01, 0xAD, 0x13, 0x11
        ]
    );
}

#[test]
fn reads_a_short_file_with_6c_then_the_exact_length_and_6b_past_the_end() {
    let card = card();
    let identity = card.identity.clone();
    let n = u8::try_from(identity.len()).unwrap();
    assert!(n < 0xFF);
    let mut a = BeidApplet::new(card, PIN).unwrap();
    assert_eq!(a.process(SELECT_IDENTITY), OK);
    assert_eq!(a.process(&[0x00, 0xB0, 0x00, 0x00, 0xFF]), [0x6C, n]);
    assert_eq!(
        a.process(&[0x00, 0xB0, 0x00, 0x00, n]),
        answer(&identity, OK)
    );
    assert_eq!(
        a.process(&[0x00, 0xB0, 0x00, 0x10, 0x08]),
        answer(&identity[0x10..0x18], OK)
    );
    assert_eq!(a.process(&[0x00, 0xB0, 0x00, n, 0xFF]), [0x6B, 0x00]);
    assert_eq!(a.process(&[0x00, 0xB0, 0x7F, 0xFF, 0x01]), [0x6B, 0x00]);
    // A short file identifier (P1's top bit) is not how this applet is read.
    assert_eq!(a.process(&[0x00, 0xB0, 0x80, 0x00, 0x01]), [0x6A, 0x86]);
    // READ BINARY must say how much it wants, and carries no data.
    assert_eq!(a.process(&[0x00, 0xB0, 0x00, 0x00]), [0x67, 0x00]);
    assert_eq!(
        a.process(&[0x00, 0xB0, 0x00, 0x00, 0x01, 0x00, 0x10]),
        [0x67, 0x00]
    );
}

#[test]
fn reads_a_long_file_in_chunks_and_le_0_means_256() {
    let card = card();
    let cert = card.auth_cert.clone();
    assert!(cert.len() > 256 && cert.len() < 510, "{}", cert.len());
    let mut a = BeidApplet::new(card, PIN).unwrap();
    assert_eq!(a.process(SELECT_AUTH_CERT), OK);
    assert_eq!(
        a.process(&[0x00, 0xB0, 0x00, 0x00, 0xFF]),
        answer(&cert[..255], OK)
    );
    let left = u8::try_from(cert.len() - 255).unwrap();
    assert_eq!(a.process(&[0x00, 0xB0, 0x00, 0xFF, 0xFF]), [0x6C, left]);
    assert_eq!(
        a.process(&[0x00, 0xB0, 0x00, 0xFF, left]),
        answer(&cert[255..], OK)
    );
    assert_eq!(
        a.process(&[0x00, 0xB0, 0x00, 0x00, 0x00]),
        answer(&cert[..256], OK)
    );
}

#[test]
fn the_photo_is_a_placeholder_whose_hash_the_identity_file_holds() {
    use sha2::{Digest, Sha256};
    let card = card();
    assert_eq!(card.photo, placeholder_photo());
    assert_eq!(&card.photo[..2], [0xFF, 0xD8]);
    assert_eq!(&card.photo[card.photo.len() - 2..], [0xFF, 0xD9]);
    let hash = tlv::find(&card.identity, tlv::tag::PHOTO_HASH);
    assert_eq!(hash, Some(&Sha256::digest(&card.photo)[..]));
    let mut a = BeidApplet::new(card.clone(), PIN).unwrap();
    assert_eq!(
        a.process(&[
            0x00, 0xA4, 0x08, 0x0C, 0x06, 0x3F, 0x00, 0xDF, 0x01, 0x40, 0x35
        ]),
        OK
    );
    let len = u8::try_from(card.photo.len()).unwrap();
    assert_eq!(
        a.process(&[0x00, 0xB0, 0x00, 0x00, len]),
        answer(&card.photo, OK)
    );
}

#[test]
fn a_card_tampered_with_before_the_applet_is_built_answers_the_edited_file() {
    let mut card = card();
    card.identity[20] ^= 0x01;
    let edited = card.identity.clone();
    let mut a = BeidApplet::new(card, PIN).unwrap();
    a.process(SELECT_IDENTITY);
    let n = u8::try_from(edited.len()).unwrap();
    assert_eq!(a.process(&[0x00, 0xB0, 0x00, 0x00, n]), answer(&edited, OK));
}

#[test]
fn wrong_pins_count_down_and_a_right_pin_gives_the_tries_back() {
    let mut a = applet();
    assert_eq!(a.tries_left(), 3);
    // VERIFY without a PIN block asks for the tries left.
    assert_eq!(a.process(&[0x00, 0x20, 0x00, 0x01]), [0x63, 0xC3]);
    assert_eq!(a.process(VERIFY_WRONG), [0x63, 0xC2]);
    assert_eq!(a.process(VERIFY_WRONG), [0x63, 0xC1]);
    assert_eq!(a.tries_left(), 1);
    assert_eq!(a.process(VERIFY_RIGHT), OK);
    assert_eq!(a.tries_left(), 3);
    assert_eq!(a.process(&[0x00, 0x20, 0x00, 0x01]), OK);
    // The same digits with a longer length are another PIN.
    let longer = [
        0x00, 0x20, 0x00, 0x01, 0x08, 0x25, 0x12, 0x34, 0x0F, 0xFF, 0xFF, 0xFF, 0xFF,
    ];
    assert_eq!(a.process(&longer), [0x63, 0xC2]);
}

#[test]
fn the_third_wrong_pin_blocks_the_card_even_for_the_right_pin() {
    let mut a = applet();
    assert_eq!(a.process(VERIFY_WRONG), [0x63, 0xC2]);
    assert_eq!(a.process(VERIFY_WRONG), [0x63, 0xC1]);
    assert_eq!(a.process(VERIFY_WRONG), [0x63, 0xC0]);
    assert_eq!(a.process(VERIFY_RIGHT), [0x69, 0x83]);
    assert_eq!(a.process(VERIFY_WRONG), [0x69, 0x83]);
    assert_eq!(a.process(&[0x00, 0x20, 0x00, 0x01]), [0x69, 0x83]);
    a.reset();
    assert_eq!(a.process(VERIFY_RIGHT), [0x69, 0x83]);
    assert_eq!(a.tries_left(), 0);
}

#[test]
fn a_malformed_pin_block_is_refused_without_costing_a_try() {
    let mut a = applet();
    for block in [
        [0x14, 0x12, 0x34, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF],
        [0x23, 0x12, 0x3F, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF],
        [0x24, 0x12, 0x3A, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF],
        [0x24, 0x12, 0x34, 0xF0, 0xFF, 0xFF, 0xFF, 0xFF],
        [0x2D, 0x12, 0x34, 0x56, 0x78, 0x90, 0x12, 0x3F],
    ] {
        let command = [&[0x00, 0x20, 0x00, 0x01, 0x08][..], &block].concat();
        assert_eq!(a.process(&command), [0x6A, 0x80], "{block:02X?}");
    }
    assert_eq!(a.tries_left(), 3);
    assert_eq!(a.process(&VERIFY_RIGHT[..9]), [0x67, 0x00]);
    assert_eq!(
        a.process(&[
            0x00, 0x20, 0x00, 0x02, 0x08, 0x24, 0x12, 0x34, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF
        ]),
        [0x6A, 0x88]
    );
    assert_eq!(a.tries_left(), 3);
}

#[test]
fn the_card_signs_only_after_the_pin_and_mse_set_and_the_auth_cert_verifies_it() {
    let card = card();
    let auth = x509::public_key(&x509::parse(&card.auth_cert).unwrap()).unwrap();
    let mut a = BeidApplet::new(card, PIN).unwrap();
    let challenge = [0x5Au8; 32];
    let sign = sign_command(&challenge);
    assert_eq!(a.process(&sign), [0x69, 0x82]);
    assert_eq!(a.process(MSE_SET), OK);
    assert_eq!(a.process(&sign), [0x69, 0x82]);
    assert_eq!(a.process(VERIFY_RIGHT), OK);
    // T=0: announced, then fetched.
    assert_eq!(a.process(&sign), [0x61, 0x40]);
    let response = a.process(GET_RESPONSE_64);
    assert_eq!(response.len(), 66);
    assert_eq!(response[64..], OK);
    let signature = &response[..64];
    // The card signed the bare SHA-256(challenge) it was sent, raw r || s.
    assert!(auth.verifies(x509::Hash::Sha256, &challenge, signature));
    assert!(!auth.verifies(x509::Hash::Sha256, &[0x5B; 32], signature));
    // The PIN stays verified for the authentication key, as on a real card.
    assert_eq!(a.process(&sign), [0x61, 0x40]);
    // A DigestInfo is no bare hash: a 1.8 card refuses it.
    assert_eq!(
        a.process(&sign_command_digest_info(&challenge)),
        [0x6A, 0x80]
    );
}

#[test]
fn mse_set_takes_only_the_authentication_key_with_the_kiosks_algorithm() {
    let mut a = applet();
    assert_eq!(
        a.process(&[0x00, 0x22, 0x41, 0xB6, 0x05, 0x04, 0x80, 0x40, 0x84, 0x84]),
        [0x6A, 0x88]
    );
    assert_eq!(
        a.process(&[0x00, 0x22, 0x41, 0xB6, 0x05, 0x04, 0x80, 0x03, 0x84, 0x82]),
        [0x6A, 0x80]
    );
    assert_eq!(
        a.process(&[0x00, 0x22, 0x41, 0xB8, 0x05, 0x04, 0x80, 0x01, 0x84, 0x82]),
        [0x6A, 0x86]
    );
    assert_eq!(a.process(VERIFY_RIGHT), OK);
    // None of these set the environment.
    assert_eq!(a.process(&sign_command(b"x")), [0x69, 0x82]);
}

#[test]
fn a_reset_forgets_the_pin_and_the_environment_but_not_the_tries() {
    let mut a = applet();
    assert_eq!(a.process(VERIFY_WRONG), [0x63, 0xC2]);
    assert_eq!(a.process(VERIFY_RIGHT), OK);
    assert_eq!(a.process(MSE_SET), OK);
    assert_eq!(a.process(SELECT_IDENTITY), OK);
    a.reset();
    assert_eq!(a.process(&sign_command(b"x")), [0x69, 0x82]);
    assert_eq!(a.process(&[0x00, 0xB0, 0x00, 0x00, 0x01]), [0x69, 0x86]);
    assert_eq!(a.process(VERIFY_WRONG), [0x63, 0xC2]);
    a.reset();
    assert_eq!(a.tries_left(), 2);
}

#[test]
fn a_t0_card_announces_the_signature_with_61_and_gives_it_to_get_response() {
    // The demo CA's cards sign as applet 1.8 cards do, which are T=0 only.
    let mut a = applet();
    a.process(VERIFY_RIGHT);
    a.process(MSE_SET);
    assert_eq!(a.process(&sign_command(b"x")), [0x61, 0x40]);
    let whole = a.process(&[0x00, 0xC0, 0x00, 0x00, 0x40]);
    assert_eq!(whole.len(), 66);
    assert_eq!(whole[64..], OK);

    assert_eq!(a.process(&sign_command(b"x")), [0x61, 0x40]);
    // Asking too much is told the exact length; asking less leaves the rest for another round.
    assert_eq!(a.process(&[0x00, 0xC0, 0x00, 0x00, 0x50]), [0x6C, 0x40]);
    let first = a.process(&[0x00, 0xC0, 0x00, 0x00, 0x20]);
    assert_eq!(first[32..], [0x61, 0x20]);
    let second = a.process(&[0x00, 0xC0, 0x00, 0x00, 0x20]);
    assert_eq!(second[32..], OK);
    // ECDSA in the demo CA is deterministic (RFC 6979): the same digest, the same signature.
    assert_eq!([&first[..32], &second[..32]].concat(), whole[..64]);

    assert_eq!(a.process(&[0x00, 0xC0, 0x00, 0x00, 0x40]), [0x69, 0x85]);
    assert_eq!(a.process(&sign_command(b"x")), [0x61, 0x40]);
    // Any other command in between loses the response.
    assert_eq!(a.process(SELECT_APPLET), OK);
    assert_eq!(a.process(&[0x00, 0xC0, 0x00, 0x00, 0x40]), [0x69, 0x85]);
}

#[test]
fn wrong_class_unknown_instruction_and_bad_lengths_have_their_status_words() {
    let mut a = applet();
    assert_eq!(a.process(&[0x80, 0xA4, 0x04, 0x0C]), [0x6E, 0x00]);
    assert_eq!(a.process(&[0x00, 0xCA, 0x01, 0x00, 0x00]), [0x6D, 0x00]);
    assert_eq!(a.process(&[0x00, 0x24, 0x00, 0x01]), [0x6D, 0x00]);
    assert_eq!(a.process(&[]), [0x67, 0x00]);
    assert_eq!(a.process(&[0x00, 0xA4]), [0x67, 0x00]);
    assert_eq!(a.process(&SELECT_APPLET[..10]), [0x67, 0x00]);
    assert_eq!(
        a.process(&[SELECT_APPLET, &[0x00, 0x00]].concat()),
        [0x67, 0x00]
    );
    // Extended APDUs (Lc 0 followed by a length) are not taken.
    assert_eq!(
        a.process(&[0x00, 0xA4, 0x04, 0x0C, 0x00, 0x00, 0x02, 0x3F, 0x00]),
        [0x67, 0x00]
    );
    assert_eq!(
        a.process(&[0x00, 0xA4, 0x04, 0x00, 0x01, 0xA0]),
        [0x6A, 0x86]
    );
    assert_eq!(
        a.process(&[0x00, 0xA4, 0x08, 0x0C, 0x03, 0x3F, 0x00, 0xDF]),
        [0x67, 0x00]
    );
}

#[test]
fn a_pin_must_be_4_to_12_digits() {
    for pin in ["123", "1234567890123", "12a4", "", "١٢٣٤"] {
        assert!(
            matches!(BeidApplet::new(card(), pin), Err(TestCardError::Pin)),
            "{pin}"
        );
    }
    assert!(BeidApplet::new(card(), "123456789012").is_ok());
    let debug = format!("{:?}", applet());
    assert!(!debug.contains("1234"), "{debug}");
}

/// xorshift64*: the same garbage on every run, so a failure can be replayed.
struct Garbage(u64);

impl Garbage {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn byte(&mut self) -> u8 {
        self.next().to_be_bytes()[0]
    }

    fn below(&mut self, n: u64) -> usize {
        usize::try_from(self.next() % n).unwrap()
    }
}

#[test]
fn garbage_never_panics_and_always_gets_a_status_word() {
    let mut rng = Garbage(0x0B5E_55ED_CAFE_F00D);
    let instructions = [0xA4, 0xB0, 0x20, 0x22, 0x2A, 0xC0, 0x00, 0xFF];
    let mut verified = applet().with_t0(true);
    verified.process(VERIFY_RIGHT);
    verified.process(MSE_SET);
    let mut applets = [applet(), verified];
    for round in 0..20_000 {
        let mut command: Vec<u8> = (0..rng.below(300)).map(|_| rng.byte()).collect();
        // Most rounds look like the applet's own commands, so the garbage gets past the header.
        if round % 4 != 0 && command.len() >= 2 {
            command[0] = 0x00;
            command[1] = instructions[rng.below(instructions.len() as u64)];
        }
        let a = &mut applets[round % 2];
        let response = a.process(&command);
        assert!(response.len() >= 2, "{command:02X?} -> {response:02X?}");
        if round % 97 == 0 {
            a.reset();
        }
    }
}
