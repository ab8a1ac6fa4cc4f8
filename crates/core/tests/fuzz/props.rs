//! The properties every parser of outside input keeps, shared by the short run in the tests
//! (`tests/fuzz.rs`, 256 cases each) and the long run (`benches/fuzz.rs`, `FUZZ_CASES`).
//!
//! Outside input: bytes from the scanner, codes residents type or scan, the eID card's answers
//! and files, the configuration file (the printer's status bytes are kiosk-print's
//! `tests/fuzz.rs`). For each: no panic; what is not valid is an `Err` (or a garbage event) that
//! says why; and where a parser has an inverse (format, then parse) the round trip gives back
//! what was formatted.

use std::path::Path;

use kiosk_core::devices::eid::apdu;
use kiosk_core::devices::eid::{BeidCard, CardError, CardTransport, Identity, Pin, tlv};
use kiosk_core::devices::scanner::{Lines, ScanEvent};
use kiosk_core::domain::{BookingCode, BookingInput, EmailAddress, NationalNumber, PhoneNumber};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestCaseError, TestRunner};

/// One property: its name and how to run it for a number of cases.
pub struct Property {
    pub name: &'static str,
    pub run: fn(u32) -> Result<(), String>,
}

pub const ALL: &[Property] = &[
    Property {
        name: "scanner_lines",
        run: scanner_lines,
    },
    Property {
        name: "booking_input_any_text",
        run: booking_input_any_text,
    },
    Property {
        name: "booking_code_round_trip",
        run: booking_code_round_trip,
    },
    Property {
        name: "typed_fields_any_text",
        run: typed_fields_any_text,
    },
    Property {
        name: "beid_tlv_any_bytes",
        run: beid_tlv_any_bytes,
    },
    Property {
        name: "beid_tlv_round_trip",
        run: beid_tlv_round_trip,
    },
    Property {
        name: "beid_files_from_fields",
        run: beid_files_from_fields,
    },
    Property {
        name: "apdu_responses",
        run: apdu_responses,
    },
    Property {
        name: "card_answers_anything",
        run: card_answers_anything,
    },
    Property {
        name: "config_any_text",
        run: config_any_text,
    },
    Property {
        name: "config_mutated",
        run: config_mutated,
    },
];

/// Runs `test` on `cases` values of `strategy`; the shrunk failing value in the error.
fn check<S: Strategy>(
    cases: u32,
    strategy: S,
    test: impl Fn(S::Value) -> Result<(), TestCaseError>,
) -> Result<(), String>
where
    S::Value: std::fmt::Debug,
{
    let config = Config {
        cases,
        // Failures are turned into regression tests by hand, not kept in files.
        failure_persistence: None,
        ..Config::default()
    };
    TestRunner::new(config)
        .run(&strategy, test)
        .map_err(|e| e.to_string())
}

const SCAN_MAX: usize = 64;

fn scan_all(chunks: &[&[u8]]) -> (Vec<ScanEvent>, Lines) {
    let mut lines = Lines::new(SCAN_MAX);
    let mut out = Vec::new();
    for chunk in chunks {
        lines.push(chunk, &mut out);
    }
    (out, lines)
}

/// Any bytes in any pieces: the same events however the reads split them; every code trimmed,
/// printable, not empty and not longer than the limit; at most one event per line end.
fn scanner_lines(cases: u32) -> Result<(), String> {
    let bytes = prop::collection::vec(
        prop_oneof![any::<u8>(), Just(b'\r'), Just(b'\n'), 0x20u8..0x7f],
        0..300,
    );
    let valid_line = "[!-~]([ -~]{0,40}[!-~])?";
    check(
        cases,
        (bytes, prop::collection::vec(0usize..300, 0..6), valid_line),
        |(bytes, mut cuts, line)| {
            let (whole, _) = scan_all(&[&bytes]);
            cuts.push(bytes.len());
            cuts.sort_unstable();
            let mut pieces = Vec::new();
            let mut from = 0;
            for cut in cuts {
                let cut = cut.min(bytes.len());
                pieces.push(&bytes[from..cut]);
                from = cut;
            }
            let (split, _) = scan_all(&pieces);
            prop_assert_eq!(&whole, &split);
            let ends = bytes.iter().filter(|b| matches!(b, b'\r' | b'\n')).count();
            prop_assert!(whole.len() <= ends);
            for event in &whole {
                if let ScanEvent::Code(code) = event {
                    prop_assert!(!code.is_empty() && code.len() <= SCAN_MAX);
                    prop_assert_eq!(code.trim(), code.as_str());
                    prop_assert!(!code.chars().any(char::is_control));
                }
            }
            // A printable line with its CR comes out as itself, after whatever came before.
            let mut input = bytes.clone();
            input.extend_from_slice(b"\r");
            input.extend_from_slice(line.as_bytes());
            input.extend_from_slice(b"\r");
            let (events, lines) = scan_all(&[&input]);
            prop_assert_eq!(events.last(), Some(&ScanEvent::Code(line)));
            prop_assert!(!lines.is_pending());
            Ok(())
        },
    )
}

/// Any text typed or scanned: a code, or an error with a message for the resident. What the
/// kiosk accepts and sends, the offline arrivals match (kiosk-api's reading) and the backend
/// finds (its `parse_code`), as the same code, a QR payload as a QR payload.
fn booking_input_any_text(cases: u32) -> Result<(), String> {
    let text = prop_oneof![
        any::<String>(),
        "[kKbB1 -]{0,4}[0-9A-Za-z .-]{0,60}",
        "KB1-[2-9A-Z]{10}-[0-9a-fA-F]{30,34}",
    ];
    check(cases, text, |text| {
        match BookingInput::parse(&text) {
            Ok(input) => {
                let sent = input.to_backend();
                let offline = kiosk_api::booking_code::short_code(&sent);
                prop_assert_eq!(offline.as_deref(), Some(input.code().as_str()));
                let again = BookingInput::parse(&sent).ok();
                prop_assert_eq!(again.as_ref(), Some(&input));
                // The backend finds the booking by what the kiosk sends.
                let found = kiosk_backend::codes::parse_code(&sent);
                prop_assert_eq!(
                    found.as_ref().map(kiosk_backend::codes::CodeLookup::short),
                    Some(input.code().as_str())
                );
                let scanned = matches!(input, BookingInput::Scanned { .. });
                let qr = matches!(found, Some(kiosk_backend::codes::CodeLookup::Qr { .. }));
                prop_assert_eq!(scanned, qr);
            }
            Err(error) => prop_assert!(!error.message_id().is_empty()),
        }
        let _ = kiosk_api::booking_code::short_code(&text);
        Ok(())
    })
}

/// A code from the alphabet, written as residents write it (case, spaces, dashes, dots), reads
/// back as itself; its QR payload too, and the backend's reading agrees.
fn booking_code_round_trip(cases: u32) -> Result<(), String> {
    let alphabet: Vec<char> = kiosk_core::domain::booking_code::ALPHABET.chars().collect();
    let code = prop::collection::vec(prop::sample::select(alphabet), 10);
    let separators = prop::collection::vec(prop::sample::select(vec!["", " ", "-", "."]), 10);
    let secret = "[0-9a-fA-F]{32}";
    check(
        cases,
        (code, separators, any::<u16>(), secret),
        |(code, separators, lower, secret)| {
            let canonical: String = code.iter().collect();
            let typed: String = code
                .iter()
                .zip(&separators)
                .enumerate()
                .map(|(i, (c, sep))| {
                    let c = if lower & (1 << i) != 0 {
                        c.to_ascii_lowercase()
                    } else {
                        *c
                    };
                    format!("{c}{sep}")
                })
                .collect();
            let parsed =
                BookingCode::parse(&typed).map_err(|e| TestCaseError::fail(e.to_string()))?;
            prop_assert_eq!(parsed.as_str(), canonical.as_str());
            let offline = kiosk_api::booking_code::short_code(&typed);
            prop_assert_eq!(offline.as_deref(), Some(canonical.as_str()));
            let qr = format!("KB1-{canonical}-{secret}");
            let scanned =
                BookingInput::parse(&qr).map_err(|e| TestCaseError::fail(e.to_string()))?;
            prop_assert_eq!(scanned.code().as_str(), canonical.as_str());
            prop_assert_eq!(
                scanned.to_backend(),
                format!("KB1-{canonical}-{}", secret.to_ascii_lowercase())
            );
            Ok(())
        },
    )
}

/// National numbers, phone numbers and e-mail addresses as typed: no panic, and a valid one
/// reads back the same from its canonical form.
fn typed_fields_any_text(cases: u32) -> Result<(), String> {
    let text = prop_oneof![
        any::<String>(),
        "[0-9 .-]{0,20}",
        "[+0][0-9 ./-]{0,18}",
        "[a-z0-9.+_-]{0,12}@[a-z0-9.-]{0,12}",
    ];
    check(cases, text, |text| {
        if let Ok(number) = NationalNumber::parse(&text) {
            let again = NationalNumber::parse(&number.digits())
                .map_err(|e| TestCaseError::fail(e.to_string()))?;
            prop_assert_eq!(again.digits(), number.digits());
        }
        if let Ok(phone) = PhoneNumber::parse(&text) {
            let again =
                PhoneNumber::parse(phone.e164()).map_err(|e| TestCaseError::fail(e.to_string()))?;
            prop_assert_eq!(again.e164(), phone.e164());
        }
        if let Ok(email) = EmailAddress::parse(&text) {
            let again = EmailAddress::parse(email.as_str())
                .map_err(|e| TestCaseError::fail(e.to_string()))?;
            prop_assert_eq!(again.as_str(), email.as_str());
        }
        Ok(())
    })
}

/// Any bytes as an identity or address file: fields or an error, never a panic; the fields
/// cover the file (each value's bytes are the file's own).
fn beid_tlv_any_bytes(cases: u32) -> Result<(), String> {
    check(cases, prop::collection::vec(any::<u8>(), 0..600), |bytes| {
        if let Ok(fields) = tlv::parse(&bytes) {
            let mut again = Vec::new();
            for field in &fields {
                tlv::encode(field.tag, field.value, &mut again);
            }
            // Re-encoded with minimal lengths: never longer than the file read.
            prop_assert!(again.len() <= bytes.len());
        }
        let _ = Identity::parse(&bytes);
        let _ = kiosk_core::devices::eid::Address::parse(&bytes);
        Ok(())
    })
}

/// Fields encoded, then parsed: the same tags and values, in order (lengths of 255 and more
/// take the 0xFF continuation bytes).
fn beid_tlv_round_trip(cases: u32) -> Result<(), String> {
    let field = (any::<u8>(), prop::collection::vec(any::<u8>(), 0..700));
    check(cases, prop::collection::vec(field, 0..6), |fields| {
        let mut file = Vec::new();
        for (tag, value) in &fields {
            tlv::encode(*tag, value, &mut file);
        }
        let parsed = tlv::parse(&file).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let parsed: Vec<(u8, Vec<u8>)> = parsed.iter().map(|f| (f.tag, f.value.to_vec())).collect();
        prop_assert_eq!(parsed, fields);
        Ok(())
    })
}

/// Files made of the identity file's tags with arbitrary values: an identity or an error.
fn beid_files_from_fields(cases: u32) -> Result<(), String> {
    let value = prop_oneof![
        prop::collection::vec(any::<u8>(), 0..40),
        "[0-9. A-Za-z-]{0,20}".prop_map(String::into_bytes),
    ];
    check(
        cases,
        prop::collection::vec((0u8..20, value), 0..20),
        |fields| {
            let mut file = Vec::new();
            for (tag, value) in &fields {
                tlv::encode(*tag, value, &mut file);
            }
            let _ = Identity::parse(&file);
            let _ = kiosk_core::devices::eid::Address::parse(&file);
            Ok(())
        },
    )
}

/// Any response: data and status word, or "too short"; every status word has a meaning.
fn apdu_responses(cases: u32) -> Result<(), String> {
    check(
        cases,
        prop::collection::vec(any::<u8>(), 0..300),
        |response| {
            match apdu::split_response(&response) {
                Ok((data, sw)) => {
                    prop_assert_eq!(data.len() + 2, response.len());
                    let _ = (apdu::read_status(sw), apdu::pin_status(sw));
                }
                Err(_) => prop_assert!(response.len() < 2),
            }
            Ok(())
        },
    )
}

/// A card that answers each command with the next scripted bytes, then is gone.
struct Scripted {
    answers: std::vec::IntoIter<Vec<u8>>,
    asked: usize,
}

impl CardTransport for Scripted {
    fn transmit(&mut self, _apdu: &[u8]) -> Result<Vec<u8>, CardError> {
        self.asked += 1;
        self.answers.next().ok_or(CardError::Removed)
    }
}

/// Whatever a (broken, hostile or foreign) card answers, reading it, verifying a PIN and
/// signing end, with a result or an error, and never ask more than the card answered + 1.
fn card_answers_anything(cases: u32) -> Result<(), String> {
    let sw = prop_oneof![
        Just(vec![0x90, 0x00]),
        Just(vec![0x6B, 0x00]),
        Just(vec![0x6A, 0x82]),
        any::<u8>().prop_map(|n| vec![0x6C, n]),
        any::<u8>().prop_map(|n| vec![0x61, n]),
        any::<u8>().prop_map(|n| vec![0x63, n]),
        any::<[u8; 2]>().prop_map(|b| b.to_vec()),
    ];
    let answer = prop_oneof![
        sw.clone(),
        (prop::collection::vec(any::<u8>(), 0..300), sw).prop_map(|(mut data, sw)| {
            data.extend(sw);
            data
        }),
        prop::collection::vec(any::<u8>(), 0..3),
    ];
    check(
        cases,
        (prop::collection::vec(answer, 0..40), 0u8..4),
        |(answers, what)| {
            let count = answers.len();
            let mut card = BeidCard::new(Scripted {
                answers: answers.into_iter(),
                asked: 0,
            });
            match what {
                0 => drop(card.read_identity()),
                1 => drop(card.read_evidence_files()),
                2 => {
                    let pin = Pin::new("1234").map_err(|e| TestCaseError::fail(e.to_string()))?;
                    drop(card.verify_pin(&pin));
                }
                _ => drop(card.sign_challenge(&[7u8; 32])),
            }
            prop_assert!(card.transport().asked <= count + 1);
            Ok(())
        },
    )
}

/// Any text as the configuration file: a configuration, or problems that each give a reason.
fn config_any_text(cases: u32) -> Result<(), String> {
    let text = prop_oneof![
        any::<String>(),
        "(\\[[a-z_.]{1,12}\\]\n)?([a-z_]{1,12} = (\"[ -~]{0,12}\"|[0-9-]{1,6}|true|\\[\\]|\\{\\})\n){0,6}",
    ];
    check(cases, text, |text| {
        config_verdict(&text)?;
        Ok(())
    })
}

/// The example configuration with one key set to any TOML value, or removed: it still loads,
/// or it is refused with a reason (and a key or line saying where).
fn config_mutated(cases: u32) -> Result<(), String> {
    let example = example_config();
    let paths = key_paths(&example);
    if paths.is_empty() {
        return Err("the example configuration has no keys".into());
    }
    let value = prop_oneof![
        Just(None),
        any::<i64>().prop_map(|n| Some(toml::Value::Integer(n))),
        any::<f64>().prop_map(|n| Some(toml::Value::Float(n))),
        any::<bool>().prop_map(|b| Some(toml::Value::Boolean(b))),
        any::<String>().prop_map(|s| Some(toml::Value::String(s))),
        "[ -~]{0,30}".prop_map(|s| Some(toml::Value::String(s))),
        Just(Some(toml::Value::Array(Vec::new()))),
        Just(Some(toml::Value::Table(toml::Table::new()))),
    ];
    check(
        cases,
        (prop::sample::select(paths), value),
        |(path, value)| {
            let mut table = example.clone();
            set_path(&mut table, &path, value);
            let text = toml::to_string(&table).map_err(|e| TestCaseError::fail(e.to_string()))?;
            config_verdict(&text)?;
            Ok(())
        },
    )
}

fn config_verdict(text: &str) -> Result<(), TestCaseError> {
    match kiosk_core::config::parse(Path::new("fuzz.toml"), text) {
        Ok(_) => Ok(()),
        Err(error) => {
            prop_assert!(!error.problems.is_empty(), "refused without a problem");
            for problem in &error.problems {
                prop_assert!(
                    !problem.reason.to_string().trim().is_empty(),
                    "a problem without a reason"
                );
                prop_assert!(
                    problem.line.is_some() || !problem.key.is_empty(),
                    "a problem that says neither line nor key: {}",
                    problem.reason
                );
            }
            Ok(())
        }
    }
}

fn example_config() -> toml::Table {
    let text = include_str!("../../../../kiosk.toml");
    text.parse().unwrap_or_default()
}

/// Every key of `table` as a path of table names, tables themselves included.
fn key_paths(table: &toml::Table) -> Vec<Vec<String>> {
    let mut paths = Vec::new();
    for (key, value) in table {
        paths.push(vec![key.clone()]);
        if let toml::Value::Table(inner) = value {
            for mut path in key_paths(inner) {
                path.insert(0, key.clone());
                paths.push(path);
            }
        }
    }
    paths
}

fn set_path(table: &mut toml::Table, path: &[String], value: Option<toml::Value>) {
    let Some((last, parents)) = path.split_last() else {
        return;
    };
    let mut at = table;
    for name in parents {
        match at.get_mut(name) {
            Some(toml::Value::Table(inner)) => at = inner,
            _ => return,
        }
    }
    match value {
        Some(value) => {
            at.insert(last.clone(), value);
        }
        None => {
            at.remove(last);
        }
    }
}
