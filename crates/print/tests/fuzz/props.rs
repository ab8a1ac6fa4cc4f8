//! The printer's status bytes as they come over the wire, shared by the short run
//! (`tests/fuzz.rs`, 256 cases each) and the long run (`benches/fuzz.rs`, `FUZZ_CASES`).
//!
//! A fake printer on loopback TCP answers each DLE EOT request with scripted bytes: exactly
//! one (a real printer), two (a printer that says more than it was asked), or it hangs up. The
//! real `TicketPrinter::status` asks; it must end with a status, never panic, decode one-byte
//! answers exactly as `PrinterStatus::from_replies`, and call a printer that hangs up
//! unreachable.

use std::io::{Read, Write};
use std::net::TcpListener;
use std::sync::{Arc, Mutex};

use kiosk_print::{PrinterStatus, TicketPrinter, TicketPrinterConfig, TransportConfig};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestCaseError, TestRunner};

pub struct Property {
    pub name: &'static str,
    pub run: fn(u32) -> Result<(), String>,
}

pub const ALL: &[Property] = &[
    Property {
        name: "status_replies_over_tcp",
        run: status_replies_over_tcp,
    },
    Property {
        name: "status_bytes_decoded",
        run: status_bytes_decoded,
    },
];

/// What the fake printer does with one status request.
#[derive(Debug, Clone, Copy)]
pub enum Reply {
    One(u8),
    Two(u8, u8),
    HangUp,
}

fn reply() -> impl Strategy<Value = Reply> {
    let status_like = prop_oneof![any::<u8>(), (0u8..=0xff).prop_map(|b| (b & !0x93) | 0x12)];
    prop_oneof![
        8 => status_like.clone().prop_map(Reply::One),
        1 => (status_like.clone(), status_like).prop_map(|(a, b)| Reply::Two(a, b)),
        1 => Just(Reply::HangUp),
    ]
}

/// A printer on 127.0.0.1 that answers each connection with the script set for it.
struct FakePrinter {
    port: u16,
    script: Arc<Mutex<Vec<Reply>>>,
}

impl FakePrinter {
    fn start() -> Result<FakePrinter, String> {
        let listener = TcpListener::bind("127.0.0.1:0").map_err(|e| e.to_string())?;
        let port = listener.local_addr().map_err(|e| e.to_string())?.port();
        let script: Arc<Mutex<Vec<Reply>>> = Arc::default();
        let shared = Arc::clone(&script);
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                let Ok(mut stream) = stream else { continue };
                let replies = shared.lock().map(|s| s.clone()).unwrap_or_default();
                for reply in replies {
                    let mut request = [0u8; 3];
                    if stream.read_exact(&mut request).is_err() {
                        break;
                    }
                    let sent = match reply {
                        Reply::One(b) => stream.write_all(&[b]),
                        Reply::Two(a, b) => stream.write_all(&[a, b]),
                        Reply::HangUp => break,
                    };
                    if sent.is_err() {
                        break;
                    }
                }
            }
        });
        Ok(FakePrinter { port, script })
    }
}

/// The status the printer's replies mean when every one is a single byte, as they should be.
fn decoded(script: &[Reply]) -> Option<PrinterStatus> {
    match script {
        [Reply::One(a), Reply::One(b), Reply::One(c), ..] => {
            Some(PrinterStatus::from_replies(*a, *b, *c))
        }
        _ => None,
    }
}

fn status_replies_over_tcp(cases: u32) -> Result<(), String> {
    let fake = FakePrinter::start()?;
    let mut config = TicketPrinterConfig::new(TransportConfig::Tcp {
        host: "127.0.0.1".to_owned(),
        port: fake.port,
    });
    config.timeout_ms = 2_000;
    let printer = TicketPrinter::new(config).map_err(|e| e.to_string())?;
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| e.to_string())?;
    let runner_config = Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    };
    TestRunner::new(runner_config)
        .run(&prop::collection::vec(reply(), 3), |script| {
            if let Ok(mut shared) = fake.script.lock() {
                shared.clone_from(&script);
            }
            let status = runtime.block_on(printer.status());
            prop_assert!(!status.message_id().is_empty());
            if let Some(expected) = decoded(&script) {
                prop_assert_eq!(&status, &expected);
            }
            let hangs_up_first = script
                .iter()
                .position(|r| matches!(r, Reply::HangUp))
                .is_some_and(|i| script[..i].iter().all(|r| matches!(r, Reply::One(_))));
            if hangs_up_first {
                prop_assert!(
                    matches!(status, PrinterStatus::Unreachable(_)),
                    "a printer that hung up is {:?}",
                    status
                );
            }
            Ok::<(), TestCaseError>(())
        })
        .map_err(|e| e.to_string())
}

/// All 16 million triples would take a while; any three bytes: a status, `Unreachable` exactly
/// when one of them cannot be a status reply.
fn status_bytes_decoded(cases: u32) -> Result<(), String> {
    let runner_config = Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    };
    TestRunner::new(runner_config)
        .run(&any::<[u8; 3]>(), |[printer, cause, paper]| {
            let status = PrinterStatus::from_replies(printer, cause, paper);
            let valid = |b: u8| b & 0x93 == 0x12;
            prop_assert_eq!(
                matches!(status, PrinterStatus::Unreachable(_)),
                !(valid(printer) && valid(cause) && valid(paper))
            );
            Ok(())
        })
        .map_err(|e| e.to_string())
}
