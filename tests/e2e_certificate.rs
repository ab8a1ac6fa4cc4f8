#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! Issue 6 end to end: the real kiosk `App` (not a window), the reference backend over HTTP,
//! and a virtual Belgian eID card plugged into pcscd's virtual reader (vsmartcard's vpcd), so
//! that the card is read through pcscd and the kiosk's real PC/SC code.
//!
//! 1. A wrong PIN, then the right one: the household certificate comes out as a PDF whose text
//!    (`pdftotext`) holds the synthetic resident's name and address, and whose QR code
//!    (`zbarimg`) the backend confirms as genuine. Taking the card out leaves no personal data
//!    in the session, and the log holds neither the national number nor the PIN.
//! 2. A card whose identity file was changed after the register signed it is refused.
//! 3. A card taken out halfway (at the PIN) ends the session with nothing about the resident.
//! 4. Both kinds of Belgian card in circulation go through case 1: applet 1.8 (ECDSA P-384, T=0,
//!    the bare hash signed, raw r || s) and applet 1.7 (RSA, the DigestInfo padded), each from a
//!    Citizen CA under a root the backend trusts.
//! 5. A card whose certificate the Citizen CA's revocation list names is refused with its own
//!    message, and the preview shows only the last digits of the national number.
//!
//! Fails (does not skip) when pcscd is not running: `sudo tests/tools/pcscd-up`.

#[path = "../crates/print/tests/common/pdf_tools.rs"]
mod pdf_tools;
mod support;

use std::io::Write;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::{Arc, Mutex, OnceLock};
use std::time::{Duration, Instant};

use jiff::ZonedDateTime;
use jiff::civil::{Date, date};

use kiosk::app::Message;
use kiosk::card_reader::{CardReader, ReaderState};
use kiosk::screen::Screen;
use kiosk::screen::certificate::{self, CardFailure, Step};
use kiosk::screen::flow::Flow as _;
use kiosk_core::clock::ManualClock;
use kiosk_core::config::{BackendTarget, CardReaderMode, Config, DocumentPrinterSettings};
use kiosk_testcard::applet::BeidApplet;
use kiosk_testcard::{self as testcard, CardHolder, DemoCa, TestCard, vpcd};

use support::backend::{Backend, free_port};
use support::driver::Driver;

/// Tuesday 15 December 2026, 10:00 in Brussels.
const DAY: Date = date(2026, 12, 15);
const TEN: &str = "2026-12-15T10:00:00+01:00[Europe/Brussels]";
const SEED: u64 = 1;
const PIN: &str = "739215";
const WRONG_PIN: &str = "480613";
/// Where pcscd's virtual reader listens for a card (vsmartcard-vpcd's default, 0x8C7B).
const VPCD: &str = "127.0.0.1:35963";
const WAIT: Duration = Duration::from_secs(20);

/// One virtual reader slot: the cases take turns, and with other test programs that use it
/// (kiosk-core's PC/SC tests) through the lock file they share.
static READER: Mutex<()> = Mutex::new(());
const VPCD_LOCK: &str = "kiosk-vpcd.lock";

/// The virtual reader, held until dropped.
struct Turn {
    _file: std::fs::File,
    _guard: std::sync::MutexGuard<'static, ()>,
}

fn take_reader() -> Turn {
    let guard = READER.lock().unwrap_or_else(|p| p.into_inner());
    let file = std::fs::File::create(std::env::temp_dir().join(VPCD_LOCK)).unwrap();
    file.lock().unwrap();
    Turn {
        _file: file,
        _guard: guard,
    }
}

/// Everything the kiosk logs in this test binary, to check that it holds no personal data.
fn log() -> &'static Arc<Mutex<Vec<u8>>> {
    static LOG: OnceLock<Arc<Mutex<Vec<u8>>>> = OnceLock::new();
    LOG.get_or_init(|| {
        let buffer = Arc::new(Mutex::new(Vec::new()));
        let writer = Arc::clone(&buffer);
        let subscriber = tracing_subscriber::fmt()
            .with_max_level(tracing::Level::TRACE)
            .with_ansi(false)
            .with_writer(move || LogWriter(Arc::clone(&writer)))
            .finish();
        tracing::subscriber::set_global_default(subscriber).unwrap();
        buffer
    })
}

/// The end of the log, for failure messages (no personal data: that is what the log is
/// checked for).
fn log_tail() -> String {
    let logged = String::from_utf8_lossy(&log().lock().unwrap()).into_owned();
    let start = logged.len().saturating_sub(4000);
    logged.get(start..).unwrap_or_default().to_owned()
}

struct LogWriter(Arc<Mutex<Vec<u8>>>);

impl Write for LogWriter {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(bytes);
        Ok(bytes.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

fn require_pcscd() {
    let running = Command::new("pgrep")
        .args(["-x", "pcscd"])
        .output()
        .is_ok_and(|out| out.status.success());
    assert!(
        running,
        "pcscd is not running: start it with `sudo tests/tools/pcscd-up` (packages: tests/tools/packages)"
    );
}

/// The backend, the kiosk with a PC/SC reader, and the demo register's resident whose card the
/// test will insert.
struct Setup {
    _dir: tempfile::TempDir,
    documents: PathBuf,
    backend: Backend,
    runtime: tokio::runtime::Runtime,
    driver: Driver,
    holder: CardHolder,
}

fn setup() -> Setup {
    let _ = log();
    require_pcscd();
    let dir = tempfile::tempdir().unwrap();
    let runtime = support::runtime();
    let ten: ZonedDateTime = TEN.parse().unwrap();
    let mut backend = Backend {
        db: dir.path().join("backend.sqlite"),
        addr: free_port(),
        clock: kiosk_backend::Clock::manual(ten.timestamp()),
        server: None,
    };
    testcard::seed_demo_on(&backend.db, SEED, DAY).unwrap();
    let enrolment =
        kiosk_backend::create_enrolment_code_at(&backend.db, "town-hall", ten.timestamp()).unwrap();
    backend.start(&runtime);

    let documents = dir.path().join("documents");
    let config = kiosk_config(dir.path(), backend.addr, enrolment, &documents);
    let clock = ManualClock::new(ten);
    let services = kiosk::services::open(&config, Arc::new(clock.clone())).unwrap();
    let mut driver = Driver::new(Arc::new(config), clock, services, runtime.handle().clone());
    driver.wait_ready(WAIT);
    let (holder, _) = testcard::demo_card(SEED, DAY).unwrap();
    Setup {
        _dir: dir,
        documents,
        backend,
        runtime,
        driver,
        holder,
    }
}

fn kiosk_config(dir: &Path, backend: SocketAddr, enrolment: String, documents: &Path) -> Config {
    let mut config = support::shipped_config();
    config.kiosk.data_dir = dir.join("kiosk");
    config.backend.target = BackendTarget::Remote(format!("http://{backend}"));
    config.backend.token_file = dir.join("kiosk").join("kiosk.token");
    config.backend.enrolment_code = Some(enrolment);
    config.document_printer = DocumentPrinterSettings::Folder {
        path: documents.to_owned(),
    };
    config.card_reader = CardReaderMode::Pcsc {
        reader: Some("Virtual PCD".into()),
    };
    config.scanner = None;
    config
}

/// The demo resident's card, as the register signed it: an applet 1.8 card, like most.
fn card() -> TestCard {
    testcard::demo_card_18(SEED, DAY).unwrap().1
}

/// The two kinds of Belgian eID card in circulation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// ECDSA P-384: the bare SHA-384 hash signed, 61 60 then GET RESPONSE, raw r || s.
    Applet18,
    /// RSA-2048: the SHA-256 DigestInfo padded (PKCS#1 v1.5).
    Applet17,
}

/// The demo resident's card of `kind`. An applet 1.7 card comes from an RSA CA whose root the
/// backend is told to trust here (as `kiosk-backend trust-anchor add` does; the backend reads
/// its anchors per request, so it may be running); the 1.8 CA's root is a demo anchor already.
fn card_of(setup: &Setup, kind: Kind) -> TestCard {
    let holder = testcard::demo_holder(SEED, DAY).unwrap();
    let card = match kind {
        Kind::Applet18 => card(),
        Kind::Applet17 => {
            let ca = DemoCa::rsa_from_seed(SEED).unwrap();
            kiosk_backend::add_trust_anchor(&setup.backend.db, "rsa", ca.root_der()).unwrap();
            let card = ca.card(&holder).unwrap();
            assert_eq!(card.ca_cert, ca.citizen_der(), "its own Citizen CA");
            card
        }
    };
    // Without this, one kind could stand in for the other and the test prove nothing: the
    // authentication key's type, and the length of its signatures.
    let auth = kiosk_backend::eid::x509::parse(&card.auth_cert).unwrap();
    let key = kiosk_backend::eid::x509::public_key(&auth).unwrap();
    let (applet, signature_len) = match kind {
        Kind::Applet18 => {
            assert!(matches!(key, kiosk_backend::eid::x509::PublicKey::P384(_)));
            (testcard::Applet::V18, 96)
        }
        Kind::Applet17 => {
            assert!(matches!(key, kiosk_backend::eid::x509::PublicKey::Rsa(_)));
            (testcard::Applet::V17, 256)
        }
    };
    assert_eq!(card.applet, applet);
    assert_eq!(card.sign_challenge(&[0; 32]).len(), signature_len);
    card
}

fn reader(driver: &Driver) -> CardReader {
    driver.services.card.clone().expect("a card reader")
}

/// Waits until pcscd reports the card in (or out), then hands the state to the kiosk as its
/// subscription does (iced_test runs no subscriptions).
fn deliver_card(driver: &mut Driver, inserted: bool) {
    let reader = reader(driver);
    let deadline = Instant::now() + WAIT;
    loop {
        let state = *reader.state().borrow();
        if state.card == inserted {
            driver.send(Message::CardReader(state));
            return;
        }
        assert!(
            Instant::now() < deadline,
            "pcscd did not report the card {} within {WAIT:?}; the log ends with:\n{}",
            if inserted { "in" } else { "out" },
            log_tail()
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

fn insert(driver: &mut Driver, card: TestCard) -> vpcd::InsertedCard {
    // vpcd notices a card taken out only at pcscd's next poll: until the reader is seen empty,
    // a new card would meet the last one's closed connection.
    let reader = reader(driver);
    let deadline = Instant::now() + WAIT;
    while !matches!(
        *reader.state().borrow(),
        ReaderState {
            reader: true,
            card: false,
            ..
        }
    ) {
        assert!(
            Instant::now() < deadline,
            "pcscd did not show the virtual reader empty within {WAIT:?}"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    let applet = BeidApplet::new(card, PIN).unwrap();
    let inserted = vpcd::insert(VPCD.parse().unwrap(), applet).unwrap();
    deliver_card(driver, true);
    inserted
}

/// Takes the card out the way a resident does: the kiosk learns it from pcscd and ends its card
/// session only then. (Ending a PC/SC session with a reset while vpcd has not yet noticed the
/// card gone leaves vpcd deaf to the next card for a long while: a quirk of the virtual reader,
/// not of real ones, which report the removed card at once.)
fn take_out(driver: &mut Driver, inserted: vpcd::InsertedCard) {
    drop(inserted.remove());
    deliver_card(driver, false);
}

fn flow(driver: &Driver) -> &certificate::State {
    match &driver.kiosk().session.screen {
        Screen::Certificate(flow) => flow,
        other => panic!("not in the certificate flow: {other:?}"),
    }
}

fn type_pin(driver: &mut Driver, pin: &str) {
    for digit in pin.chars() {
        driver.click(&digit.to_string());
    }
    driver.click("OK");
}

/// To the PIN keypad with the card in: start screen, household composition, the notice.
fn to_pin(driver: &mut Driver) {
    driver.click("Attest afdrukken");
    driver.click("Samenstelling van het gezin");
    assert_eq!(flow(driver).step(), Step::Privacy, "the card is already in");
    driver.click("Akkoord, verder");
    assert_eq!(
        flow(driver).step(),
        Step::Pin,
        "{}; the log ends with:\n{}",
        driver.step(),
        log_tail()
    );
}

/// The one PDF the kiosk printed in this case.
fn the_printed_certificate(setup: &Setup) -> PathBuf {
    let pdfs: Vec<PathBuf> = std::fs::read_dir(&setup.documents)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "pdf"))
        .collect();
    assert_eq!(pdfs.len(), 1, "one certificate printed: {pdfs:?}");
    pdfs.into_iter().next().unwrap()
}

/// The verification code in the certificate's QR code, read as a receiving party's phone would.
fn verification_code(pdf: &Path) -> String {
    let qr = pdf_tools::first_page_qr(pdf);
    qr.split("code=")
        .nth(1)
        .unwrap_or_else(|| panic!("a verification code in the QR: {qr}"))
        .to_owned()
}

/// The public check a receiving party makes with the code from the QR.
fn verify(setup: &Setup, code: &str) -> kiosk_api::DocumentCheck {
    let url = format!(
        "http://{}/v1/documents/verify?code={code}",
        setup.backend.addr
    );
    setup.runtime.block_on(async {
        reqwest::get(&url)
            .await
            .unwrap()
            .error_for_status()
            .unwrap()
            .json()
            .await
            .unwrap()
    })
}

#[test]
fn an_applet_18_card_a_wrong_pin_then_the_right_one_prints_the_certificate_which_the_backend_confirms()
 {
    prints_the_certificate_which_the_backend_confirms(Kind::Applet18);
}

#[test]
fn an_applet_17_rsa_card_a_wrong_pin_then_the_right_one_prints_the_certificate_which_the_backend_confirms()
 {
    prints_the_certificate_which_the_backend_confirms(Kind::Applet17);
}

/// Case 1 with a card of `kind`.
fn prints_the_certificate_which_the_backend_confirms(kind: Kind) {
    let _turn = take_reader();
    let mut setup = setup();
    let holder = setup.holder.clone();
    let card = card_of(&setup, kind);
    let driver = &mut setup.driver;
    let inserted = insert(driver, card);
    to_pin(driver);
    driver.assert_shows(&format!(
        "Dag {}",
        holder.first_names.split(' ').next().unwrap()
    ));

    type_pin(driver, WRONG_PIN);
    assert_eq!(flow(driver).step(), Step::Pin);
    driver.assert_shows("Verkeerde pincode. U kunt nog 2 keer proberen.");

    type_pin(driver, PIN);
    assert_eq!(
        flow(driver).step(),
        Step::Preview,
        "{}; the log ends with:\n{}",
        driver.step(),
        log_tail()
    );
    driver.assert_shows("Samenstelling van het gezin");
    // The lobby can read the screen: the national number's last digits only.
    let digits = &holder.national_number;
    let formatted = format!(
        "{}.{}.{}-{}.{}",
        &digits[0..2],
        &digits[2..4],
        &digits[4..6],
        &digits[6..9],
        &digits[9..11]
    );
    driver.assert_shows(&format!("••.••.••-••{}.{}", &digits[8..9], &digits[9..11]));
    assert!(
        !driver.shows(&formatted),
        "the whole national number on screen"
    );
    driver.click("Afdrukken");
    assert_eq!(flow(driver).step(), Step::TakeCard, "{}", driver.step());

    // The PDF, read back as the printer would get it.
    let pdf = the_printed_certificate(&setup);
    let text = pdf_tools::flat_text(&pdf);
    for expected in [
        holder.surname.as_str(),
        holder.street_and_number.as_str(),
        holder.postal_code.as_str(),
        "Samenstelling van het gezin",
    ] {
        assert!(
            text.contains(expected),
            "the certificate shows {expected:?}:\n{text}"
        );
    }
    let first = holder.first_names.split(' ').next().unwrap();
    assert!(text.contains(first), "the certificate shows the first name");
    // The paper keeps the whole national number: the receiving party needs it.
    assert!(
        text.contains(&formatted) || text.contains(digits.as_str()),
        "the certificate shows the national number:\n{text}"
    );

    // Its QR code, checked with the backend as a receiving party would.
    let code = verification_code(&pdf);
    let check = verify(&setup, &code);
    assert!(
        check.genuine,
        "the backend confirms the printed certificate"
    );
    assert_eq!(check.certificate_type.as_deref(), Some("household"));
    let forged = verify(&setup, "AAAAAAAAAAAAAAAA");
    assert!(!forged.genuine);

    // The card out: the session forgets the resident.
    let driver = &mut setup.driver;
    take_out(driver, inserted);
    assert_eq!(flow(driver).step(), Step::Ended);
    assert!(!flow(driver).holds_personal_data());
    assert!(!driver.kiosk().session.holds_document());

    // Nothing logged identifies the resident or reveals the PIN.
    let logged = String::from_utf8_lossy(&log().lock().unwrap()).into_owned();
    assert!(!logged.is_empty(), "the test captures the kiosk's log");
    for secret in [digits.as_str(), PIN, WRONG_PIN, holder.surname.as_str()] {
        assert!(!logged.contains(secret), "the log holds {secret:?}");
    }
}

#[test]
fn a_revoked_card_is_refused_with_its_own_message() {
    let _turn = take_reader();
    let mut setup = setup();
    let card = card();
    // The Citizen CA's list names the card; the backend reads the folder IT keeps fresh.
    let crls = tempfile::tempdir().unwrap();
    let now = u64::try_from(
        TEN.parse::<ZonedDateTime>()
            .unwrap()
            .timestamp()
            .as_second(),
    )
    .unwrap();
    let list = DemoCa::p384_from_seed(SEED)
        .unwrap()
        .crl(&[&card], now - 86_400, now + 7 * 86_400)
        .unwrap();
    std::fs::write(crls.path().join("citizen.crl"), list).unwrap();
    setup.backend.stop(&setup.runtime);
    let folder = crls.path().to_owned();
    setup
        .backend
        .start_with(&setup.runtime, |config| config.crl_dir = Some(folder));

    let driver = &mut setup.driver;
    let inserted = insert(driver, card);
    to_pin(driver);
    type_pin(driver, PIN);
    assert_eq!(
        flow(driver).problem(),
        certificate::Problem::Backend(certificate::Failure::CardRevoked),
        "{}; the log ends with:\n{}",
        driver.step(),
        log_tail()
    );
    driver.assert_shows(
        "Deze kaart is geannuleerd (ingetrokken), bijvoorbeeld na verlies of diefstal. Neem uw kaart en ga naar de balie: daar helpen ze u.",
    );
    assert!(
        std::fs::read_dir(&setup.documents).map_or(true, |mut d| d.next().is_none()),
        "nothing printed"
    );
    take_out(&mut setup.driver, inserted);
}

#[test]
fn a_card_whose_identity_file_was_changed_is_refused() {
    let _turn = take_reader();
    let mut setup = setup();
    let driver = &mut setup.driver;
    let mut forged = card();
    // Another birth year in the identity file, after the register signed it.
    let at = forged
        .identity
        .windows(4)
        .position(|w| w.iter().all(u8::is_ascii_digit) && (w[0] == b'1' || w[0] == b'2'))
        .unwrap();
    forged.identity[at + 3] = if forged.identity[at + 3] == b'9' {
        b'8'
    } else {
        forged.identity[at + 3] + 1
    };
    let inserted = insert(driver, forged);
    to_pin(driver);
    type_pin(driver, PIN);
    assert_eq!(flow(driver).step(), Step::Problem, "{}", driver.step());
    assert_eq!(
        flow(driver).problem(),
        certificate::Problem::Backend(certificate::Failure::CardRejected)
    );
    driver.assert_shows(
        "We kunnen niet bevestigen dat deze kaart echt is. Neem uw kaart en ga naar de balie: daar helpen ze u.",
    );
    assert!(
        std::fs::read_dir(&setup.documents).map_or(true, |mut d| d.next().is_none()),
        "nothing printed"
    );
    take_out(&mut setup.driver, inserted);
}

#[test]
fn taking_the_card_out_at_the_pin_forgets_the_resident() {
    let _turn = take_reader();
    let mut setup = setup();
    let driver = &mut setup.driver;
    let inserted = insert(driver, card());
    to_pin(driver);
    driver.click("1");
    driver.click("2");
    assert!(
        flow(driver).holds_personal_data(),
        "the names and two digits are held"
    );

    take_out(driver, inserted);
    assert_eq!(flow(driver).step(), Step::Ended);
    assert!(!flow(driver).holds_personal_data());
    assert!(!driver.kiosk().session.holds_document());
    // And the card session is gone: nothing can be signed without a new card and PIN.
    let signed = driver.block_on(reader(driver).evidence(vec![0; 32]));
    assert!(
        matches!(signed, Err(CardFailure::NoCard)),
        "no card session left: {:?}",
        signed.as_ref().err()
    );
}

#[test]
fn an_expired_card_is_turned_away_before_the_pin() {
    let _turn = take_reader();
    let mut setup = setup();
    let driver = &mut setup.driver;
    let mut expired = card();
    // The card's end of validity moved into the past (the kiosk checks it before the PIN;
    // the register's signature would fail at the backend anyway).
    let valid_to = b"01.01.2034";
    let at = expired
        .identity
        .windows(valid_to.len())
        .position(|w| w == valid_to)
        .expect("the demo card's end of validity");
    expired.identity[at..at + valid_to.len()].copy_from_slice(b"01.01.2025");
    let inserted = insert(driver, expired);
    driver.click("Attest afdrukken");
    driver.click("Samenstelling van het gezin");
    driver.click("Akkoord, verder");
    assert_eq!(
        flow(driver).problem(),
        certificate::Problem::Card(certificate::CardFailure::Expired),
        "{}",
        driver.step()
    );
    driver.assert_shows(
        "Uw identiteitskaart is vervallen. Neem uw kaart en ga naar de balie: daar helpen ze u.",
    );
    take_out(driver, inserted);
}
