//! The eID groundwork without hardware: TLV files built here byte by byte for a synthetic
//! resident, hostile bytes, every APDU byte for byte, and an in-memory card that answers
//! SELECT, READ BINARY, VERIFY and the signature commands like a BEID applet.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::HashMap;

use jiff::civil::date;
use kiosk_api::eid_signing::{self, SigningHash};
use kiosk_core::devices::eid::apdu::{self, PinStatus, ReadStatus, StatusWord};
use kiosk_core::devices::eid::dates::{parse_birth, parse_validity};
use kiosk_core::devices::eid::files::{self, FilePath};
use kiosk_core::devices::eid::identity::tag;
use kiosk_core::devices::eid::tlv::{self, TlvError};
use kiosk_core::devices::eid::{
    Address, BeidCard, BirthDate, CardError, CardTransport, Curve, DataError, Identity, Pin,
    PinError, PinOutcome, SigningError, SigningMethod,
};
use kiosk_core::domain::Sex;

// ------------------------------------------------------------------------- golden files

const CARD_NUMBER: &str = "592123456789";
const NATIONAL_NUMBER: &str = "85073003328";
const SURNAME: &str = "Şahin";
const STREET: &str = "Koerselsesteenweg 1 bus 2";

/// First names long enough (over 255 bytes) to need a two-byte length.
fn long_first_names() -> String {
    let mut names = String::from("Łukasz");
    while names.len() < 300 {
        names.push_str(" Ayşe");
    }
    names
}

/// Appends one field with the length bytes given by hand, checking they say the truth.
fn field(out: &mut Vec<u8>, tag: u8, length: &[u8], value: &[u8]) {
    let said: usize = length.iter().map(|b| usize::from(*b)).sum();
    assert_eq!(said, value.len(), "hand-made length of tag {tag}");
    out.push(tag);
    out.extend_from_slice(length);
    out.extend_from_slice(value);
}

fn golden_identity() -> Vec<u8> {
    let names = long_first_names();
    let names_len = names.len();
    assert!((255..510).contains(&names_len));
    let mut file = Vec::new();
    field(&mut file, 0x00, &[0x01], &[0x02]); // file version: not used
    field(&mut file, 0x01, &[0x0C], CARD_NUMBER.as_bytes());
    field(&mut file, 0x02, &[0x04], &[0xDE, 0xAD, 0xBE, 0xEF]); // chip number: not used
    field(&mut file, 0x03, &[0x0A], b"01.08.2022");
    field(&mut file, 0x04, &[0x0A], b"01.08.2032");
    field(&mut file, 0x05, &[0x07], b"Heusden"); // delivering municipality: not used
    field(&mut file, 0x06, &[0x0B], NATIONAL_NUMBER.as_bytes());
    field(&mut file, 0x07, &[0x06], SURNAME.as_bytes()); // Ş is two bytes
    field(
        &mut file,
        0x08,
        &[0xFF, (names_len - 255) as u8],
        names.as_bytes(),
    );
    field(&mut file, 0x09, &[0x01], b"M"); // third first name's initial: not used
    field(&mut file, 0x0A, &[0x04], b"Belg");
    field(&mut file, 0x0B, &[0x0E], b"Heusden-Zolder");
    field(&mut file, 0x0C, &[0x0B], b"30 JUL 1985");
    field(&mut file, 0x0D, &[0x01], b"M");
    field(&mut file, 0x0F, &[0x01], b"1");
    field(&mut file, 0x11, &[0x20], &[0xAB; 32]);
    file
}

fn golden_address() -> Vec<u8> {
    let mut file = Vec::new();
    field(&mut file, 0x01, &[0x19], STREET.as_bytes());
    field(&mut file, 0x02, &[0x04], b"3550");
    field(&mut file, 0x03, &[0x0E], b"Heusden-Zolder");
    file
}

#[test]
fn golden_identity_reads_every_field() {
    let identity = Identity::parse(&golden_identity()).unwrap();
    assert_eq!(identity.card_number, CARD_NUMBER);
    assert_eq!(identity.valid_from, date(2022, 8, 1));
    assert_eq!(identity.valid_to, date(2032, 8, 1));
    assert_eq!(identity.national_number.digits(), NATIONAL_NUMBER);
    assert_eq!(identity.surname, SURNAME);
    assert_eq!(identity.first_names, long_first_names());
    assert!(identity.first_names.starts_with("Łukasz Ayşe"));
    assert_eq!(identity.nationality, "Belg");
    assert_eq!(identity.birth_place, "Heusden-Zolder");
    assert_eq!(identity.birth_date, BirthDate::Full(date(1985, 7, 30)));
    assert_eq!(identity.gender, Sex::Male);
    assert_eq!(identity.document_type, 1);
    assert_eq!(identity.photo_hash, vec![0xAB; 32]);
    assert!(identity.is_valid_on(date(2026, 11, 28)));
    assert!(!identity.is_valid_on(date(2032, 8, 2)));
}

#[test]
fn golden_address_reads_every_field() {
    let address = Address::parse(&golden_address()).unwrap();
    assert_eq!(address.street_and_number, STREET);
    assert_eq!(address.postal_code, "3550");
    assert_eq!(address.municipality, "Heusden-Zolder");
}

#[test]
fn tlv_lengths_sum_ff_bytes() {
    let mut value = vec![0x41; 255];
    let mut file = vec![0x08, 0xFF, 0x00];
    file.extend_from_slice(&value);
    file.extend_from_slice(&[0x09, 0xFF, 0xFF, 0x02]);
    value.resize(512, 0x42);
    file.extend_from_slice(&value);
    let fields = tlv::parse(&file).unwrap();
    assert_eq!(fields.len(), 2);
    assert_eq!((fields[0].tag, fields[0].value.len()), (8, 255));
    assert_eq!((fields[1].tag, fields[1].value.len()), (9, 512));

    // The encoder writes the same bytes.
    let mut encoded = Vec::new();
    tlv::encode(0x08, &[0x41; 255], &mut encoded);
    tlv::encode(0x09, &value, &mut encoded);
    assert_eq!(encoded, file);
}

#[test]
fn tlv_skips_unknown_tags_and_refuses_broken_lengths() {
    let fields = tlv::parse(&[0x7E, 0x01, 0x00, 0x01, 0x02, b'h', b'i', 0x00]).unwrap();
    assert_eq!(fields.len(), 2);
    assert_eq!(fields[1].value, b"hi");
    assert_eq!(
        tlv::parse(&[0x01, 0x05, b'a', b'b']),
        Err(TlvError::TruncatedValue {
            offset: 0,
            declared: 5,
            available: 2
        })
    );
    assert_eq!(
        tlv::parse(&[0x01, 0x00, 0x07]),
        Err(TlvError::MissingLength { offset: 2 })
    );
    assert_eq!(
        tlv::parse(&[0x01, 0xFF, 0xFF]),
        Err(TlvError::TruncatedLength { offset: 0 })
    );
    assert_eq!(tlv::parse(&[]), Ok(vec![]));
}

#[test]
fn identity_errors_name_the_field() {
    let mut file = golden_identity();
    let cut = file.len() - 34; // without the photo hash
    file.truncate(cut);
    assert_eq!(
        Identity::parse(&file),
        Err(DataError::Missing {
            tag: tag::PHOTO_HASH
        })
    );

    let mut twice = golden_address();
    field(&mut twice, 0x02, &[0x04], b"3500");
    assert_eq!(
        Address::parse(&twice),
        Err(DataError::Duplicate {
            tag: tag::POSTAL_CODE
        })
    );

    let mut latin1 = Vec::new();
    field(&mut latin1, 0x01, &[0x03], &[b'R', 0xFC, b'e']);
    field(&mut latin1, 0x02, &[0x04], b"3550");
    field(&mut latin1, 0x03, &[0x01], b"X");
    assert_eq!(
        Address::parse(&latin1),
        Err(DataError::NotText {
            tag: tag::STREET_AND_NUMBER
        })
    );
}

#[test]
fn birth_dates_in_dutch_french_and_german() {
    let july = Some(BirthDate::Full(date(1985, 7, 30)));
    for text in [
        "30 JUL 1985",
        "30.JUL.1985",
        "30 JUIL 1985",
        "30 JUL. 1985",
        "30.JUL. 1985",
        "30 JULI 1985",
    ] {
        assert_eq!(parse_birth(text), july, "{text}");
    }
    let cases = [
        ("01 JAN 2001", date(2001, 1, 1)),
        ("02 FEB 2002", date(2002, 2, 2)),
        ("02 FEV 2002", date(2002, 2, 2)),
        ("02 FÉV 2002", date(2002, 2, 2)),
        ("03 MAA 2003", date(2003, 3, 3)),
        ("03 MAAR 2003", date(2003, 3, 3)),
        ("03 MARS 2003", date(2003, 3, 3)),
        ("03.MÄR.2003", date(2003, 3, 3)),
        ("04 APR 2004", date(2004, 4, 4)),
        ("04 AVR 2004", date(2004, 4, 4)),
        ("05 MEI 2005", date(2005, 5, 5)),
        ("05 MAI 2005", date(2005, 5, 5)),
        ("06 JUN 2006", date(2006, 6, 6)),
        ("06 JUIN 2006", date(2006, 6, 6)),
        ("08 AUG 2008", date(2008, 8, 8)),
        ("08 AOUT 2008", date(2008, 8, 8)),
        ("08 AOÛ 2008", date(2008, 8, 8)),
        ("09 SEP 2009", date(2009, 9, 9)),
        ("09 SEPT 2009", date(2009, 9, 9)),
        ("10 OKT 2010", date(2010, 10, 10)),
        ("10 OCT 2010", date(2010, 10, 10)),
        ("11 NOV 2011", date(2011, 11, 11)),
        ("12 DEC 2012", date(2012, 12, 12)),
        ("12 DÉC 2012", date(2012, 12, 12)),
        ("12.DEZ.2012", date(2012, 12, 12)),
    ];
    for (text, expected) in cases {
        assert_eq!(parse_birth(text), Some(BirthDate::Full(expected)), "{text}");
    }
    assert_eq!(parse_birth("1985"), Some(BirthDate::YearOnly(1985)));
    for bad in [
        "",
        "30 XYZ 1985",
        "31 FEB 1985",
        "30 JUL",
        "JUL 1985 30",
        "30 JUL 85",
    ] {
        assert_eq!(parse_birth(bad), None, "{bad}");
    }
    assert_eq!(parse_validity("01.08.2032"), Some(date(2032, 8, 1)));
    assert_eq!(parse_validity("32.08.2032"), None);
}

// ------------------------------------------------------------------------ hostile input

/// xorshift64: deterministic, so a failure repeats.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn bytes(&mut self, max_len: usize) -> Vec<u8> {
        let len = (self.next() % (max_len as u64 + 1)) as usize;
        (0..len).map(|_| self.next() as u8).collect()
    }
}

#[test]
fn truncated_files_are_errors_not_panics() {
    let identity = golden_identity();
    for cut in 0..identity.len() {
        assert!(Identity::parse(&identity[..cut]).is_err(), "cut at {cut}");
    }
    let address = golden_address();
    for cut in 0..address.len() {
        assert!(Address::parse(&address[..cut]).is_err(), "cut at {cut}");
    }
}

#[test]
fn random_bytes_never_panic() {
    let mut rng = Rng(0x5EED_1985_0730_0332);
    let golden = golden_identity();
    for _ in 0..4000 {
        let noise = rng.bytes(600);
        let _ = tlv::parse(&noise);
        let _ = Identity::parse(&noise);
        let _ = Address::parse(&noise);
        let _ = apdu::split_response(&noise);
        let text = String::from_utf8_lossy(&noise);
        let _ = parse_birth(&text);
        let _ = parse_validity(&text);

        // The golden file with a few bytes flipped.
        let mut mutated = golden.clone();
        for _ in 0..(rng.next() % 4 + 1) {
            let at = (rng.next() as usize) % mutated.len();
            mutated[at] = rng.next() as u8;
        }
        let _ = Identity::parse(&mutated);
    }
}

/// A card that answers anything with random bytes.
struct NoiseCard(Rng);

impl CardTransport for NoiseCard {
    fn transmit(&mut self, _apdu: &[u8]) -> Result<Vec<u8>, CardError> {
        let mut response = self.0.bytes(300);
        // Now and then a plausible status word, to get past the first checks.
        if self.0.next().is_multiple_of(2) {
            let sw = [
                [0x90, 0x00],
                [0x61, 0x10],
                [0x6C, 0x05],
                [0x6B, 0x00],
                [0x63, 0xC1],
            ][(self.0.next() % 5) as usize];
            response.extend_from_slice(&sw);
        }
        Ok(response)
    }
}

#[test]
fn a_hostile_card_never_panics_or_hangs() {
    // On a thread of its own with a deadline: a hang fails the test instead of stalling it,
    // and a panic shows as the thread's end without its report.
    let (done, finished) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut card = BeidCard::new(NoiseCard(Rng(0xC0FF_EE00_1234_5678)));
        let pin = Pin::new("2580").unwrap();
        for _ in 0..500 {
            let _ = card.read_identity();
            let _ = card.read_address();
            let _ = card.verify_pin(&pin);
            let _ = card.applet_version();
            let _ = card.sign_challenge(&[7; 32]);
        }
        done.send(()).unwrap();
    });
    match finished.recv_timeout(std::time::Duration::from_secs(60)) {
        Ok(()) => {}
        Err(std::sync::mpsc::RecvTimeoutError::Timeout) => panic!("the card talk hung"),
        Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => panic!("the card talk panicked"),
    }
}

// ------------------------------------------------------------------------------- APDUs

#[test]
fn apdus_byte_for_byte() {
    assert_eq!(
        apdu::select_applet(),
        [
            0x00, 0xA4, 0x04, 0x0C, 0x0C, 0xA0, 0x00, 0x00, 0x01, 0x77, 0x50, 0x4B, 0x43, 0x53,
            0x2D, 0x31, 0x35
        ]
    );
    assert_eq!(
        apdu::select_file(&files::IDENTITY).unwrap(),
        [
            0x00, 0xA4, 0x08, 0x0C, 0x06, 0x3F, 0x00, 0xDF, 0x01, 0x40, 0x31
        ]
    );
    assert_eq!(
        apdu::select_file(&files::AUTH_CERTIFICATE).unwrap(),
        [
            0x00, 0xA4, 0x08, 0x0C, 0x06, 0x3F, 0x00, 0xDF, 0x00, 0x50, 0x38
        ]
    );
    assert_eq!(
        apdu::read_binary(0x0123, 0xFF).unwrap(),
        [0x00, 0xB0, 0x01, 0x23, 0xFF]
    );
    assert_eq!(
        apdu::read_binary(0x7FFF, 0x10).unwrap(),
        [0x00, 0xB0, 0x7F, 0xFF, 0x10]
    );
    assert!(apdu::read_binary(0x8000, 0x10).is_err());
    assert_eq!(
        apdu::verify_pin(&Pin::new("1234").unwrap()).bytes(),
        [
            0x00, 0x20, 0x00, 0x01, 0x08, 0x24, 0x12, 0x34, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF
        ]
    );
    assert_eq!(
        apdu::verify_pin(&Pin::new("12345").unwrap()).bytes(),
        [
            0x00, 0x20, 0x00, 0x01, 0x08, 0x25, 0x12, 0x34, 0x5F, 0xFF, 0xFF, 0xFF, 0xFF
        ]
    );
    assert_eq!(
        apdu::verify_pin(&Pin::new("123456789012").unwrap()).bytes(),
        [
            0x00, 0x20, 0x00, 0x01, 0x08, 0x2C, 0x12, 0x34, 0x56, 0x78, 0x90, 0x12, 0xFF
        ]
    );
    assert_eq!(
        apdu::mse_set_signature(apdu::ALGORITHM_RSA_PKCS1, apdu::AUTH_KEY),
        [0x00, 0x22, 0x41, 0xB6, 0x05, 0x04, 0x80, 0x01, 0x84, 0x82]
    );
    assert_eq!(
        apdu::compute_signature(&[1, 2, 3]).unwrap(),
        [0x00, 0x2A, 0x9E, 0x9A, 0x03, 1, 2, 3, 0x00]
    );
    assert!(apdu::compute_signature(&[0; 256]).is_err());
    assert_eq!(apdu::get_response(0x80), [0x00, 0xC0, 0x00, 0x00, 0x80]);
}

#[test]
fn status_words_mean_what_the_card_says() {
    assert_eq!(apdu::read_status(StatusWord(0x9000)), ReadStatus::Data);
    assert_eq!(apdu::read_status(StatusWord(0x6B00)), ReadStatus::EndOfFile);
    assert_eq!(
        apdu::read_status(StatusWord(0x6C5A)),
        ReadStatus::WrongLength(0x5A)
    );
    assert_eq!(
        apdu::read_status(StatusWord(0x6A82)),
        ReadStatus::FileNotFound
    );
    assert_eq!(apdu::pin_status(StatusWord(0x9000)), PinStatus::Verified);
    assert_eq!(
        apdu::pin_status(StatusWord(0x63C2)),
        PinStatus::Wrong { tries_left: 2 }
    );
    assert_eq!(apdu::pin_status(StatusWord(0x63C0)), PinStatus::Blocked);
    assert_eq!(apdu::pin_status(StatusWord(0x6983)), PinStatus::Blocked);
    assert_eq!(
        apdu::pin_status(StatusWord(0x6982)),
        PinStatus::Other(StatusWord(0x6982))
    );
    assert_eq!(
        apdu::split_response(&[1, 2, 0x90, 0x00]).unwrap(),
        (&[1u8, 2][..], StatusWord::OK)
    );
    assert!(apdu::split_response(&[0x90]).is_err());
}

#[test]
fn pins_are_four_to_twelve_digits() {
    assert_eq!(Pin::new("123").err(), Some(PinError::WrongLength));
    assert_eq!(Pin::new("1234567890123").err(), Some(PinError::WrongLength));
    assert_eq!(Pin::new("12a4").err(), Some(PinError::NotDigits));
    assert_eq!(Pin::new("１２３４").err(), Some(PinError::NotDigits));
    assert_eq!(Pin::new("0000").unwrap().len(), 4);
}

// ----------------------------------------------------------------------- the fake card

/// A BEID applet in memory: a few files, a PIN with three tries, the authentication key.
struct FakeCard {
    is_beid: bool,
    files: HashMap<Vec<u8>, Vec<u8>>,
    selected: Option<Vec<u8>>,
    pin: Vec<u8>,
    tries_left: u8,
    verified: bool,
    /// The algorithm MSE SET chose for the authentication key.
    algorithm: Option<u8>,
    pending: Vec<u8>,
    /// Every command received, to count READ BINARYs.
    log: Vec<Vec<u8>>,
}

const SW_OK: [u8; 2] = [0x90, 0x00];

impl FakeCard {
    fn new(pin: &str) -> Self {
        let mut files = HashMap::new();
        files.insert(files::IDENTITY.to_bytes(), golden_identity());
        files.insert(files::ADDRESS.to_bytes(), golden_address());
        Self {
            is_beid: true,
            files,
            selected: None,
            pin: pin.bytes().map(|b| b - b'0').collect(),
            tries_left: 3,
            verified: false,
            algorithm: None,
            pending: Vec::new(),
            log: Vec::new(),
        }
    }

    fn with_file(mut self, path: FilePath, content: Vec<u8>) -> Self {
        self.files.insert(path.to_bytes(), content);
        self
    }

    fn read_binary(&self, offset: usize, le: u8) -> Vec<u8> {
        let Some(file) = self.selected.as_ref().and_then(|p| self.files.get(p)) else {
            return vec![0x69, 0x86];
        };
        if offset >= file.len() {
            return vec![0x6B, 0x00];
        }
        let remaining = file.len() - offset;
        let wanted = if le == 0 { 256 } else { usize::from(le) };
        if wanted > remaining {
            // Like the BEID applet: "ask for exactly this many".
            return vec![0x6C, remaining as u8];
        }
        let mut response = file[offset..offset + wanted].to_vec();
        response.extend_from_slice(&SW_OK);
        response
    }

    fn verify(&mut self, block: &[u8]) -> Vec<u8> {
        if self.tries_left == 0 {
            return vec![0x69, 0x83];
        }
        let len = usize::from(block[0] & 0x0F);
        let digits: Vec<u8> = block[1..]
            .iter()
            .flat_map(|b| [b >> 4, b & 0x0F])
            .take(len)
            .collect();
        if digits == self.pin {
            self.tries_left = 3;
            self.verified = true;
            SW_OK.to_vec()
        } else {
            self.tries_left -= 1;
            self.verified = false;
            vec![0x63, 0xC0 | self.tries_left]
        }
    }
}

impl CardTransport for FakeCard {
    fn transmit(&mut self, command: &[u8]) -> Result<Vec<u8>, CardError> {
        self.log.push(command.to_vec());
        let response = match command {
            [0x00, 0xA4, 0x04, 0x0C, _, aid @ ..] => {
                if self.is_beid && aid == apdu::BELPIC_AID {
                    SW_OK.to_vec()
                } else {
                    vec![0x6A, 0x82]
                }
            }
            // The folder the keys are in, selected before MSE SET.
            [0x00, 0xA4, 0x08, 0x0C, 0x04, 0x3F, 0x00, 0xDF, 0x00] => SW_OK.to_vec(),
            [0x00, 0xA4, 0x08, 0x0C, _, path @ ..] => {
                if self.files.contains_key(path) {
                    self.selected = Some(path.to_vec());
                    SW_OK.to_vec()
                } else {
                    vec![0x6A, 0x82]
                }
            }
            [0x00, 0xB0, p1, p2, le] => {
                self.read_binary(usize::from(u16::from_be_bytes([*p1, *p2])), *le)
            }
            [0x00, 0x20, 0x00, 0x01, 0x08, block @ ..] => self.verify(block),
            [
                0x00,
                0x22,
                0x41,
                0xB6,
                0x05,
                0x04,
                0x80,
                algorithm,
                0x84,
                0x82,
            ] => {
                self.algorithm = Some(*algorithm);
                SW_OK.to_vec()
            }
            [0x00, 0x2A, 0x9E, 0x9A, lc, rest @ ..] => {
                // RSA (01) with Le, ECDSA (40) without, as the kiosk sends them.
                let (input, len) = match self.algorithm {
                    Some(0x01) => (rest.get(..rest.len() - 1).unwrap_or_default(), 256),
                    _ => (rest, 96),
                };
                assert_eq!(usize::from(*lc), input.len(), "Lc");
                if !self.verified || self.algorithm.is_none() {
                    vec![0x69, 0x82]
                } else {
                    // A stand-in signature: the input reversed, zero-filled to a real
                    // signature's length, fetched with GET RESPONSE as a T=0 card wants.
                    self.pending = input.iter().rev().copied().collect();
                    self.pending.resize(len, 0);
                    vec![0x61, self.pending.len() as u8]
                }
            }
            [0x00, 0xC0, 0x00, 0x00, _] => {
                let mut response = std::mem::take(&mut self.pending);
                response.extend_from_slice(&SW_OK);
                response
            }
            _ => vec![0x6D, 0x00],
        };
        Ok(response)
    }
}

#[test]
fn reads_identity_and_address_from_the_card() {
    let mut card = BeidCard::open(FakeCard::new("2580")).unwrap();
    let identity = card.read_identity().unwrap();
    assert_eq!(identity.surname, SURNAME);
    assert_eq!(identity.national_number.digits(), NATIONAL_NUMBER);
    let address = card.read_address().unwrap();
    assert_eq!(address.postal_code, "3550");
}

#[test]
fn reads_a_file_bigger_than_256_bytes_in_chunks() {
    let photo: Vec<u8> = (0..1000u32).map(|i| (i * 7) as u8).collect();
    let fake = FakeCard::new("2580").with_file(files::PHOTO, photo.clone());
    let mut card = BeidCard::open(fake).unwrap();
    assert_eq!(card.read_file(&files::PHOTO).unwrap(), photo);
    let log = card.into_transport().log;
    let read_binaries: Vec<&Vec<u8>> = log.iter().filter(|c| c[1] == 0xB0).collect();
    // 255 + 255 + 255, then 6C EB and the last 235 bytes.
    assert_eq!(read_binaries.len(), 5);
    assert_eq!(read_binaries[3].as_slice(), [0x00, 0xB0, 0x02, 0xFD, 0xFF]);
    assert_eq!(read_binaries[4].as_slice(), [0x00, 0xB0, 0x02, 0xFD, 0xEB]);
}

#[test]
fn a_file_of_exactly_two_chunks_ends_on_6b00() {
    let content = vec![0x5A; 510];
    let fake = FakeCard::new("2580").with_file(files::SIGNING_CERTIFICATE, content.clone());
    let mut card = BeidCard::open(fake).unwrap();
    assert_eq!(
        card.read_file(&files::SIGNING_CERTIFICATE).unwrap(),
        content
    );
}

#[test]
fn a_missing_file_is_file_not_found() {
    let mut card = BeidCard::open(FakeCard::new("2580")).unwrap();
    match card.read_file(&files::PHOTO) {
        Err(CardError::FileNotFound { path }) => assert_eq!(path.to_string(), "3F00/DF01/4035"),
        other => panic!("expected FileNotFound, got {other:?}"),
    }
}

#[test]
fn the_evidence_files_include_the_ca_certificate_and_a_card_without_it_is_file_not_found() {
    let with_all = || {
        FakeCard::new("2580")
            .with_file(files::IDENTITY_SIGNATURE, vec![1; 64])
            .with_file(files::ADDRESS_SIGNATURE, vec![2; 64])
            .with_file(files::REGISTER_CERTIFICATE, vec![3; 300])
            .with_file(files::AUTH_CERTIFICATE, vec![4; 300])
    };
    let mut card =
        BeidCard::open(with_all().with_file(files::CA_CERTIFICATE, vec![5; 600])).unwrap();
    let evidence = card.read_evidence_files().unwrap();
    assert_eq!(evidence.ca_cert, vec![5; 600]);
    assert_eq!(evidence.auth_cert, vec![4; 300]);
    assert_eq!(files::CA_CERTIFICATE.to_string(), "3F00/DF00/503A");
    assert_eq!(files::ROOT_CERTIFICATE.to_string(), "3F00/DF00/503B");

    let mut card = BeidCard::open(with_all()).unwrap();
    match card.read_evidence_files() {
        Err(CardError::FileNotFound { path }) => assert_eq!(path, files::CA_CERTIFICATE),
        other => panic!("expected FileNotFound, got {other:?}"),
    }
}

#[test]
fn another_card_is_foreign() {
    let mut fake = FakeCard::new("2580");
    fake.is_beid = false;
    assert!(matches!(BeidCard::open(fake), Err(CardError::ForeignCard)));
}

#[test]
fn an_expired_card_is_refused() {
    let mut card = BeidCard::open(FakeCard::new("2580")).unwrap();
    assert!(card.read_valid_identity(date(2026, 11, 28)).is_ok());
    assert!(card.read_valid_identity(date(2032, 8, 1)).is_ok());
    assert!(matches!(
        card.read_valid_identity(date(2032, 8, 2)),
        Err(CardError::Expired)
    ));
    assert!(matches!(
        card.read_valid_identity(date(2022, 7, 31)),
        Err(CardError::NotYetValid)
    ));
}

#[test]
fn wrong_pin_then_right_pin_then_blocked() {
    let mut card = BeidCard::open(FakeCard::new("2580")).unwrap();
    let wrong = Pin::new("1111").unwrap();
    let right = Pin::new("2580").unwrap();

    assert_eq!(
        card.verify_pin(&wrong).unwrap(),
        PinOutcome::Wrong { tries_left: 2 }
    );
    assert_eq!(card.verify_pin(&right).unwrap(), PinOutcome::Ok);

    // The right PIN reset the counter: three wrong ones to block it.
    assert_eq!(
        card.verify_pin(&wrong).unwrap(),
        PinOutcome::Wrong { tries_left: 2 }
    );
    assert_eq!(
        card.verify_pin(&wrong).unwrap(),
        PinOutcome::Wrong { tries_left: 1 }
    );
    assert_eq!(card.verify_pin(&wrong).unwrap(), PinOutcome::Blocked);
    assert_eq!(card.verify_pin(&right).unwrap(), PinOutcome::Blocked);
}

/// A card whose authentication certificate (5038) holds a key of the kind `ca` makes.
fn card_with_key_of(ca: &kiosk_testcard::DemoCa) -> FakeCard {
    let holder = kiosk_testcard::demo_holder(1, date(2026, 1, 20)).unwrap();
    let auth_cert = ca.card(&holder).unwrap().auth_cert;
    FakeCard::new("2580").with_file(files::AUTH_CERTIFICATE, auth_cert)
}

#[test]
fn an_rsa_card_signs_the_sha256_digest_info_of_the_prefixed_challenge() {
    let ca = kiosk_testcard::DemoCa::rsa_from_seed(1).unwrap();
    let mut card = BeidCard::open(card_with_key_of(&ca)).unwrap();
    let challenge = [0x42u8; 32];
    // Without the PIN the card refuses.
    assert!(matches!(
        card.sign_challenge(&challenge),
        Err(CardError::Unreadable { sw, .. }) if sw == StatusWord(0x6982)
    ));
    assert_eq!(
        card.verify_pin(&Pin::new("2580").unwrap()).unwrap(),
        PinOutcome::Ok
    );
    assert_eq!(
        card.signing_method().unwrap(),
        SigningMethod::RsaPkcs1Sha256
    );
    let signature = card.sign_challenge(&challenge).unwrap();
    // The fake signs by reversing: the input was the SHA-256 DigestInfo of PREFIX || challenge.
    let input: Vec<u8> = signature[..51].iter().rev().copied().collect();
    assert_eq!(&input[..4], [0x30, 0x31, 0x30, 0x0D]);
    let expected = eid_signing::signed_digest(SigningHash::Sha256, &challenge).unwrap();
    assert_eq!(input[19..], expected);
    let log = &card.into_transport().log;
    let mse = [0x00, 0x22, 0x41, 0xB6, 0x05, 0x04, 0x80, 0x01, 0x84, 0x82];
    let at = log.iter().position(|c| c[..] == mse).unwrap();
    assert_eq!(
        log[at - 1],
        [0x00, 0xA4, 0x08, 0x0C, 0x04, 0x3F, 0x00, 0xDF, 0x00],
        "the BELPIC folder selected before MSE SET"
    );
}

#[test]
fn a_p384_card_signs_the_bare_sha384_hash_of_the_prefixed_challenge() {
    let ca = kiosk_testcard::DemoCa::p384_from_seed(1).unwrap();
    let mut card = BeidCard::open(card_with_key_of(&ca)).unwrap();
    card.verify_pin(&Pin::new("2580").unwrap()).unwrap();
    assert_eq!(
        card.signing_method().unwrap(),
        SigningMethod::Ecdsa(Curve::P384)
    );
    let challenge = [0x42u8; 32];
    let signature = card.sign_challenge(&challenge).unwrap();
    assert_eq!(signature.len(), 96, "raw r || s");
    let input: Vec<u8> = signature[..48].iter().rev().copied().collect();
    let expected = eid_signing::signed_digest(SigningHash::Sha384, &challenge).unwrap();
    assert_eq!(input, expected, "the bare hash, no DigestInfo");
    let log = card.into_transport().log;
    assert!(log.contains(&vec![
        0x00, 0x22, 0x41, 0xB6, 0x05, 0x04, 0x80, 0x40, 0x84, 0x82
    ]));
    // PSO without Le, then GET RESPONSE for the 96 bytes announced.
    let pso = log.iter().find(|c| c[1] == 0x2A).unwrap();
    assert_eq!(pso.len(), 5 + 48);
    assert!(log.contains(&vec![0x00, 0xC0, 0x00, 0x00, 0x60]));
}

#[test]
fn the_kiosk_signs_no_challenge_but_one_of_32_bytes() {
    let ca = kiosk_testcard::DemoCa::p384_from_seed(1).unwrap();
    let mut card = BeidCard::open(card_with_key_of(&ca)).unwrap();
    card.verify_pin(&Pin::new("2580").unwrap()).unwrap();
    for len in [0, 16, 31, 33, 64] {
        assert!(
            matches!(
                card.sign_challenge(&vec![1; len]),
                Err(CardError::Challenge(_))
            ),
            "{len} bytes"
        );
    }
    let log = card.into_transport().log;
    assert!(
        !log.iter().any(|c| c[1] == 0x2A),
        "nothing was sent to sign"
    );
}

#[test]
fn a_card_without_a_usable_authentication_certificate_is_not_asked_to_sign() {
    let fake = FakeCard::new("2580").with_file(files::AUTH_CERTIFICATE, vec![0x30, 0x03, 1, 2, 3]);
    let mut card = BeidCard::open(fake).unwrap();
    card.verify_pin(&Pin::new("2580").unwrap()).unwrap();
    assert!(matches!(
        card.sign_challenge(&[0; 32]),
        Err(CardError::Signing(SigningError::NotACertificate))
    ));
}

// --------------------------------------------------------------------------- privacy

#[test]
fn debug_shows_no_personal_data() {
    let identity = Identity::parse(&golden_identity()).unwrap();
    let address = Address::parse(&golden_address()).unwrap();
    let pin = Pin::new("2580").unwrap();
    let shown = format!(
        "{identity:?} {address:?} {:?} {:?}",
        identity.birth_date, pin
    );
    for secret in [
        SURNAME,
        "Łukasz",
        "Ayşe",
        NATIONAL_NUMBER,
        "85.07.30",
        CARD_NUMBER,
        "Koerselsesteenweg",
        "3550",
        "Heusden",
        "1985",
    ] {
        assert!(!shown.contains(secret), "{secret} in {shown}");
    }
    let pin_debug = format!("{pin:?}");
    assert!(
        !pin_debug.chars().any(|c| c.is_ascii_digit()),
        "{pin_debug}"
    );
    let file = golden_address();
    let field = tlv::parse(&file).unwrap()[0];
    assert!(!format!("{field:?}").contains("Koerselsesteenweg"));
}

/// The backend's synthetic card (used by its tests and, next, the demo card) writes files the
/// kiosk's reader reads back field for field: one format on both sides of the wire.
#[test]
fn the_backends_test_card_files_read_back_in_the_kiosk() {
    let holder = kiosk_testcard::CardHolder {
        card_number: "591234567890".into(),
        national_number: "85073003328".into(),
        surname: "Şahin".into(),
        first_names: "Łukasz Anaïs".into(),
        nationality: "Belg".into(),
        birth_place: "Hasselt".into(),
        birth_date: "30 JUL 1985".into(),
        gender: "M".into(),
        street_and_number: "Kerkstraat 12".into(),
        postal_code: "3598".into(),
        municipality: "Demodorp".into(),
    };
    let identity = Identity::parse(&holder.identity_file()).unwrap();
    assert_eq!(identity.national_number.digits(), "85073003328");
    assert_eq!(identity.surname, "Şahin");
    assert_eq!(identity.first_names, "Łukasz Anaïs");
    assert_eq!(identity.card_number, "591234567890");
    assert!(matches!(identity.birth_date, BirthDate::Full(d) if d == date(1985, 7, 30)));
    let address = Address::parse(&holder.address_file()).unwrap();
    assert_eq!(address.street_and_number, "Kerkstraat 12");
    assert_eq!(address.postal_code, "3598");
    assert_eq!(address.municipality, "Demodorp");

    // An applet 1.8 card's files: a SHA-384 photo hash, the new tag 0x1A, a zero-padded address.
    let identity_18 = Identity::parse(&holder.identity_file_18(b"certificate")).unwrap();
    assert_eq!(identity_18.photo_hash.len(), 48);
    assert_eq!(identity_18.surname, "Şahin");
    let address_18 = Address::parse(&holder.address_file_18()).unwrap();
    assert_eq!(address_18, address);
}
