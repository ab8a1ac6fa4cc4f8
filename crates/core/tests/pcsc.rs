#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! The card reader through the real pcscd: a synthetic card (the backend's BEID applet) in
//! vsmartcard's virtual reader, read with `BeidCard` over `PcscCard`, and the reader events.
//!
//! Needs pcscd with vsmartcard-vpcd running (`sudo tests/tools/pcscd-up`; `tests/run` does it);
//! the test starts nothing itself. The virtual reader has one slot the test uses, so the cases
//! take turns (`VPCD`). It has no PIN pad: the pad's bytes are tested in `pcsc/pin_pad.rs`.

use std::ffi::CString;
use std::fs::File;
use std::io::{Read, Write};
use std::net::{Shutdown, TcpStream};
use std::sync::{Mutex, MutexGuard, PoisonError};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

use jiff::civil::date;
use kiosk_core::devices::eid::pcsc::{self, PcscCard, ReaderEvent, ReaderWatch};
use kiosk_core::devices::eid::{BeidCard, CardError, CardTransport, Pin, PinOutcome, apdu};
use kiosk_testcard::applet::BeidApplet;
use kiosk_testcard::vpcd::{self, InsertedCard, VPCD_READER};
use kiosk_testcard::{CardHolder, DemoCa, TestCard, demo_card, demo_card_18};

/// One virtual reader slot: one case at a time.
static VPCD: Mutex<()> = Mutex::new(());

/// The slot is shared with other test programs (the backend's and the UI's card tests), which
/// `cargo test` runs one after the other but people also run side by side: a second card sits
/// unseen in vpcd's backlog while the first one answers. A lock file keeps them apart when they
/// take it too.
const VPCD_LOCK: &str = "kiosk-vpcd.lock";

const PIN: &str = "4712";
const SEED: u64 = 1;
/// 2026-03-20: the synthetic certificates are valid from 2020 to 2045.
const NOW_S: i64 = 1_774_000_000;
const PATIENCE: Duration = Duration::from_secs(10);

/// The reader, held until dropped.
struct Reader {
    _file: File,
    _guard: MutexGuard<'static, ()>,
}

/// Takes the reader, after checking that pcscd answers.
fn reader() -> Reader {
    let guard = VPCD.lock().unwrap_or_else(PoisonError::into_inner);
    let file = File::create(std::env::temp_dir().join(VPCD_LOCK)).unwrap();
    file.lock().unwrap();
    if let Err(error) = pcsc::PcscReader::establish(None) {
        if pcsc::is_service_missing(&error) {
            panic!(
                "pcscd is not running: start it (with the virtual reader) with `sudo tests/tools/pcscd-up`"
            );
        }
        panic!("pcscd cannot be reached: {error}");
    }
    wait_until_empty();
    Reader {
        _file: file,
        _guard: guard,
    }
}

/// Waits until pcscd has seen the last case's card leave. vpcd only notices a card gone when
/// pcscd polls it; a card inserted before that would meet the old card's closed connection.
fn wait_until_empty() {
    wait_for(
        ::pcsc::State::EMPTY,
        "a card stays in the virtual reader: is another test program using it?",
    );
}

/// Waits in pcscd until the virtual reader's state has `wanted`, failing with `failure` after
/// `PATIENCE`.
fn wait_for(wanted: ::pcsc::State, failure: &str) {
    let context = ::pcsc::Context::establish(::pcsc::Scope::User).unwrap();
    let name = CString::new(VPCD_READER).unwrap();
    let mut states = [::pcsc::ReaderState::new(name, ::pcsc::State::UNAWARE)];
    let deadline = Instant::now() + PATIENCE;
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        match context.get_status_change(left, &mut states) {
            Ok(()) | Err(::pcsc::Error::Timeout) => {}
            Err(error) => panic!("cannot watch {VPCD_READER}: {error}"),
        }
        if states[0].event_state().contains(wanted) {
            return;
        }
        assert!(Instant::now() < deadline, "{failure}");
        states[0].sync_current_state();
    }
}

fn card() -> (CardHolder, TestCard) {
    demo_card(SEED, date(2026, 3, 20)).unwrap()
}

fn insert(card: TestCard) -> InsertedCard {
    vpcd::insert(vpcd::vpcd_addr(), BeidApplet::new(card, PIN).unwrap()).unwrap()
}

/// The card in the virtual reader, once pcscd has seen it (it polls the reader).
fn connect() -> PcscCard {
    wait_for(
        ::pcsc::State::PRESENT,
        "pcscd does not see the card in the virtual reader",
    );
    pcsc::connect(Some(VPCD_READER))
        .unwrap_or_else(|error| panic!("cannot connect to the virtual card: {error}"))
}

/// Reads events until `wanted`, failing with what came instead.
fn expect(runtime: &tokio::runtime::Runtime, watch: &mut ReaderWatch, wanted: &ReaderEvent) {
    let mut seen = Vec::new();
    let found = runtime.block_on(async {
        tokio::time::timeout(PATIENCE, async {
            while let Some(event) = watch.next().await {
                if &event == wanted {
                    return true;
                }
                seen.push(event);
            }
            false
        })
        .await
        .unwrap_or(false)
    });
    assert!(found, "expected {wanted:?}, saw {seen:?}");
}

fn inserted() -> ReaderEvent {
    ReaderEvent::CardInserted {
        reader: VPCD_READER.into(),
    }
}

fn removed() -> ReaderEvent {
    ReaderEvent::CardRemoved {
        reader: VPCD_READER.into(),
    }
}

/// A watch of the virtual reader and a runtime to read it with, once the watch has reported
/// the reader (it has no pad).
fn watching() -> (tokio::runtime::Runtime, ReaderWatch) {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let mut watch = pcsc::watch(Some(VPCD_READER.into())).unwrap();
    expect(
        &runtime,
        &mut watch,
        &ReaderEvent::ReaderAttached {
            name: VPCD_READER.into(),
            pin_pad: false,
        },
    );
    (runtime, watch)
}

#[test]
fn an_inserted_card_is_an_event_and_its_identity_and_address_are_read() {
    let _reader = reader();
    let (runtime, mut watch) = watching();
    let (holder, test_card) = card();
    let inserted_card = insert(test_card);
    expect(&runtime, &mut watch, &inserted());

    let mut card = BeidCard::open(pcsc::connect(Some(VPCD_READER)).unwrap()).unwrap();
    assert_eq!(card.transport().reader(), VPCD_READER);
    let identity = card.read_valid_identity(date(2026, 3, 20)).unwrap();
    assert_eq!(identity.surname, holder.surname);
    assert_eq!(identity.national_number.digits(), holder.national_number);
    let address = card.read_address().unwrap();
    assert_eq!(address.municipality, holder.municipality);
    assert_eq!(address.postal_code, holder.postal_code);
    drop(card);
    inserted_card.remove();
    expect(&runtime, &mut watch, &removed());
}

#[test]
fn a_wrong_pin_then_the_right_one_then_a_signature_the_backend_accepts() {
    signs_through_pcscd(card(), DemoCa::from_seed(SEED).unwrap(), 0x18);
}

#[test]
fn an_applet_18_card_signs_through_pcscd_what_the_backend_accepts() {
    let card = demo_card_18(SEED, date(2026, 3, 20)).unwrap();
    signs_through_pcscd(card, DemoCa::p384_from_seed(SEED).unwrap(), 0x18);
}

#[test]
fn an_applet_17_rsa_card_signs_through_pcscd_what_the_backend_accepts() {
    let ca = DemoCa::rsa_from_seed(SEED).unwrap();
    let (holder, _) = card();
    let card = ca.card(&holder).unwrap();
    signs_through_pcscd((holder, card), ca, 0x17);
}

/// A wrong PIN, the right one, GET CARD DATA's applet version, the challenge signed the card's
/// way and the files read: the backend's checks accept them under `ca`'s root.
fn signs_through_pcscd((holder, test_card): (CardHolder, TestCard), ca: DemoCa, version: u8) {
    let _reader = reader();
    let inserted_card = insert(test_card.clone());
    let mut card = BeidCard::open(connect()).unwrap();
    assert_eq!(card.applet_version().unwrap(), version);
    // The virtual reader has no pad: the PIN comes from the kiosk's keypad.
    assert!(!card.transport().pin_pad());
    assert!(matches!(
        card.transport_mut().verify_pin_on_pad(),
        Err(CardError::Transport(_))
    ));

    let wrong = Pin::new("0000").unwrap();
    assert_eq!(
        card.verify_pin(&wrong).unwrap(),
        PinOutcome::Wrong { tries_left: 2 }
    );
    assert_eq!(
        card.verify_pin(&Pin::new(PIN).unwrap()).unwrap(),
        PinOutcome::Ok
    );
    let challenge = [0x5A_u8; 32];
    let signature = card.sign_challenge(&challenge).unwrap();
    let files = card.read_evidence_files().unwrap();
    assert_eq!(format!("{files:?}"), "EvidenceFiles(..)");
    assert_eq!(files.identity, test_card.identity);
    assert_eq!(files.auth_cert, test_card.auth_cert);

    let evidence = kiosk_backend::eid::Evidence {
        identity: files.identity,
        identity_sig: files.identity_sig,
        address: files.address,
        address_sig: files.address_sig,
        rrn_cert: files.rrn_cert,
        auth_cert: files.auth_cert,
        ca_certs: vec![files.ca_cert],
        challenge: challenge.to_vec(),
        challenge_sig: signature,
    };
    let anchors = [ca.root_der().to_vec()];
    let verified = kiosk_backend::eid::verify(&evidence, &anchors, NOW_S)
        .unwrap_or_else(|e| panic!("the backend refuses the card's evidence: {e}"));
    assert_eq!(verified.national_number, holder.national_number);
    drop(card);
    assert_eq!(inserted_card.remove().tries_left(), 3);
}

#[test]
fn ending_the_session_resets_the_card_so_a_verified_pin_is_gone() {
    let _reader = reader();
    let (_, test_card) = card();
    let inserted_card = insert(test_card);
    let mut card = BeidCard::open(connect()).unwrap();
    assert_eq!(
        card.verify_pin(&Pin::new(PIN).unwrap()).unwrap(),
        PinOutcome::Ok
    );
    card.into_transport().end().unwrap();

    // The next session finds the authentication key locked again (69 82).
    let mut card = BeidCard::open(connect()).unwrap();
    match card.sign_challenge(&[1; 32]) {
        Err(CardError::Unreadable { sw, .. }) => assert_eq!(sw.0, 0x6982),
        other => panic!("signed without a PIN after a reset: {other:?}"),
    }
    drop(card);
    inserted_card.remove();
}

#[test]
fn a_removed_card_is_an_event_and_the_next_command_finds_no_card() {
    let _reader = reader();
    let (runtime, mut watch) = watching();
    let (_, test_card) = card();
    let inserted_card = insert(test_card);
    expect(&runtime, &mut watch, &inserted());
    let mut card = connect();
    inserted_card.remove();
    expect(&runtime, &mut watch, &removed());

    let answer = card.transmit(&apdu::select_applet());
    assert!(
        matches!(answer, Err(CardError::Removed | CardError::NoCard)),
        "a command to a removed card gave {answer:?}"
    );
    assert!(matches!(
        pcsc::connect(Some(VPCD_READER)),
        Err(CardError::NoCard)
    ));
}

#[test]
fn a_card_without_the_beid_applet_is_a_foreign_card() {
    let _reader = reader();
    let foreign = ForeignCard::insert();
    match BeidCard::open(connect()) {
        Err(CardError::ForeignCard) => {}
        other => panic!("a foreign card opened as {other:?}"),
    }
    foreign.remove();
}

#[test]
fn the_watch_stops_when_dropped() {
    let _reader = reader();
    // Every test that watches holds the reader lock, so the watcher threads counted here are
    // this test's own.
    let before = watcher_threads();
    let (runtime, watch) = watching();
    assert_eq!(watcher_threads(), before + 1, "the watch runs on a thread");
    let handle = watch.handle();
    drop(watch);
    assert!(handle.is_stopped(), "dropping the watch stops it");
    let ended = runtime.block_on(async {
        tokio::time::timeout(PATIENCE, async {
            while watcher_threads() > before {
                tokio::time::sleep(std::time::Duration::from_millis(20)).await;
            }
        })
        .await
        .is_ok()
    });
    assert!(
        ended,
        "the watcher thread did not end after the watch was dropped"
    );
}

/// The threads of this process named as `pcsc::watch` names its thread.
fn watcher_threads() -> usize {
    std::fs::read_dir("/proc/self/task")
        .unwrap()
        .filter_map(|task| std::fs::read_to_string(task.ok()?.path().join("comm")).ok())
        .filter(|name| name.trim() == "card-readers")
        .count()
}

/// A card that is no Belgian eID: it answers every command with 6A 82 (not found), as a bank
/// card answers a SELECT of an application it does not have. It speaks vpcd's protocol (a
/// 2-byte big-endian length before every message; the 1-byte message 4 asks for the ATR), which
/// the backend's `vpcd` module documents; the backend's applet cannot be told to refuse its AID.
struct ForeignCard {
    connection: TcpStream,
    worker: JoinHandle<()>,
}

impl ForeignCard {
    /// A made-up ATR: T=1, no historical bytes of any real card.
    const ATR: [u8; 4] = [0x3B, 0x80, 0x80, 0x01];

    fn insert() -> Self {
        let mut stream = TcpStream::connect(vpcd::vpcd_addr()).unwrap();
        let connection = stream.try_clone().unwrap();
        let worker = thread::spawn(move || {
            let mut size = [0u8; 2];
            while stream.read_exact(&mut size).is_ok() {
                let mut message = vec![0u8; usize::from(u16::from_be_bytes(size))];
                if stream.read_exact(&mut message).is_err() {
                    break;
                }
                let answer: &[u8] = match message.as_slice() {
                    [4] => &Self::ATR,
                    // Power off, on, reset: vpcd wants no answer.
                    [_] | [] => continue,
                    _ => &[0x6A, 0x82],
                };
                let mut framed = (answer.len() as u16).to_be_bytes().to_vec();
                framed.extend_from_slice(answer);
                if stream.write_all(&framed).is_err() {
                    break;
                }
            }
        });
        Self { connection, worker }
    }

    fn remove(self) {
        let _ = self.connection.shutdown(Shutdown::Both);
        self.worker.join().unwrap();
    }
}
