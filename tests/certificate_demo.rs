#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! The certificate flow as `cargo run` offers it: the embedded backend with its demo register,
//! and the simulated demo card (`[card_reader] mode = "demo"`) put in and taken out with the
//! DEMO band's button. The same `BeidCard` code reads it as a real card; the backend checks its
//! signatures against the demo CA it trusts.

#[path = "../crates/print/tests/common/pdf_tools.rs"]
mod pdf_tools;
mod support;

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use kiosk::screen::Screen;
use kiosk::screen::certificate::{self, Step};
use kiosk::screen::flow::Flow as _;
use kiosk_core::clock::ManualClock;
use kiosk_core::config::{CardReaderMode, DocumentPrinterSettings};

use support::driver::Driver;

fn flow(driver: &Driver) -> &certificate::State {
    match &driver.kiosk().session.screen {
        Screen::Certificate(flow) => flow,
        other => panic!("not in the certificate flow: {other:?}"),
    }
}

/// With `KIOSK_SCREENS=DIR`, each screen of the walk is saved there as a PNG, to look at.
fn look(driver: &Driver, name: &str) {
    let Some(dir) = std::env::var_os("KIOSK_SCREENS") else {
        return;
    };
    let theme = driver.app.theme();
    let path = std::path::Path::new(&dir).join(name);
    let _ = std::fs::remove_file(path.with_extension("png"));
    let _ = std::fs::remove_file(path.with_file_name(format!("{name}-tiny-skia.png")));
    driver
        .ui()
        .snapshot(&theme)
        .unwrap()
        .matches_image(&path)
        .unwrap();
}

/// The kiosk as `cargo run` starts it (embedded backend, demo card), its documents in a folder of
/// the test's; the runtime must outlive the driver.
fn demo_kiosk(dir: &std::path::Path, runtime: &tokio::runtime::Runtime) -> Driver {
    let mut config = support::shipped_config();
    config.kiosk.data_dir = dir.join("kiosk");
    config.backend.token_file = dir.join("kiosk").join("kiosk.token");
    config.document_printer = DocumentPrinterSettings::Folder {
        path: dir.join("documents"),
    };
    assert!(
        matches!(config.card_reader, CardReaderMode::Demo { .. }),
        "kiosk.toml ships with the demo card"
    );
    // The embedded backend seeds its register as of today: the kiosk's day is today too.
    let now = jiff::Timestamp::now()
        .to_zoned_datetime(jiff::tz::TimeZone::get("Europe/Brussels").unwrap());
    let clock = ManualClock::new(now);
    let services = {
        let _inside = runtime.enter();
        kiosk::services::open(&config, Arc::new(clock.clone())).unwrap()
    };
    let mut driver = Driver::new(Arc::new(config), clock, services, runtime.handle().clone());
    driver.wait_ready(Duration::from_secs(30));
    driver
}

fn type_pin(driver: &mut Driver, pin: &str) {
    for digit in pin.chars() {
        driver.click(&digit.to_string());
    }
    driver.click("OK");
}

/// A landscape screen, with larger text: the root tells the screens the window is wider than
/// tall, so the privacy notice takes two parts and the preview shows the document a part at a
/// time, and the walk still prints.
#[test]
fn with_larger_text_on_a_landscape_screen_the_notice_and_the_preview_take_parts() {
    let dir = tempfile::tempdir().unwrap();
    let runtime = support::runtime();
    let mut driver = demo_kiosk(dir.path(), &runtime);
    driver.turn_to(support::LANDSCAPE);
    driver.click("Grotere tekst");
    driver.click("Attest afdrukken");
    driver.click("Bewijs van woonst");
    driver.click("Steek de demokaart in");
    assert_eq!(flow(&driver).step(), Step::Privacy);
    look(&driver, "certificate-demo-large-landscape-privacy");
    assert!(
        !driver.shows("Akkoord, verder"),
        "I agree is on the second part"
    );
    driver.click("Verder lezen");
    driver.click("Akkoord, verder");
    assert_eq!(flow(&driver).step(), Step::Pin, "{}", driver.step());
    type_pin(&mut driver, "1234");
    assert_eq!(flow(&driver).step(), Step::Preview, "{}", driver.step());
    look(&driver, "certificate-demo-large-landscape-preview");
    // The demo resident's document is longer than one part: More until the number.
    let mut parts = 1;
    while driver.shows("Meer") {
        driver.click("Meer");
        parts += 1;
        assert!(parts < 6, "More never ends");
    }
    assert!(parts >= 2, "one part only");
    look(&driver, "certificate-demo-large-landscape-preview-last");
    driver.assert_shows("Documentnummer");
    // Print is on the screen, not squeezed under the demo band.
    driver.click("Afdrukken");
    assert_eq!(flow(&driver).step(), Step::TakeCard, "{}", driver.step());
}

#[test]
fn the_demo_card_gets_a_proof_of_residence_printed_as_pdf() {
    let dir = tempfile::tempdir().unwrap();
    let documents: PathBuf = dir.path().join("documents");
    let runtime = support::runtime();
    let mut driver = demo_kiosk(dir.path(), &runtime);

    driver.click("Attest afdrukken");
    driver.click("Bewijs van woonst");
    assert_eq!(flow(&driver).step(), Step::InsertCard);
    look(&driver, "certificate-demo-insert");
    driver.assert_shows("DEMO: testkaart van een verzonnen inwoner. Pincode 1234");
    driver.click("Steek de demokaart in");
    assert_eq!(flow(&driver).step(), Step::Privacy);
    look(&driver, "certificate-demo-privacy");
    driver.click("Akkoord, verder");
    assert_eq!(flow(&driver).step(), Step::Pin, "{}", driver.step());
    type_pin(&mut driver, "1234");
    assert_eq!(flow(&driver).step(), Step::Preview, "{}", driver.step());
    look(&driver, "certificate-demo-preview");
    driver.assert_shows("Bewijs van woonst");
    // What the resident checks on screen is what the paper must say.
    let shown: Vec<String> = flow(&driver)
        .preview()
        .expect("a preview")
        .lines
        .iter()
        .map(|(_, value)| value.clone())
        .collect();
    assert!(!shown.is_empty());
    driver.click("Afdrukken");
    assert_eq!(flow(&driver).step(), Step::TakeCard, "{}", driver.step());
    look(&driver, "certificate-demo-take-card");
    let printed: Vec<_> = std::fs::read_dir(&documents)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(printed.len(), 1, "one PDF: {printed:?}");
    // Read back as the printer gets it: the words shown on the preview, and a QR code the
    // embedded backend confirms as a genuine proof of residence.
    let text = pdf_tools::flat_text(&printed[0]);
    assert!(text.contains("Bewijs van woonst"), "{text}");
    // The paper lays some values out differently (surname and first names apart): every word
    // of every value on screen is on paper.
    // The national number shows its last digits only (the lobby can read the screen): those
    // digits are on paper, which keeps the whole number.
    assert!(
        shown.iter().any(|value| value.starts_with("••.••.••-••")),
        "the national number masked on screen: {shown:?}"
    );
    for word in shown.iter().flat_map(|value| value.split_whitespace()) {
        let word = word.trim_matches(',');
        let word = word.rsplit('•').next().unwrap_or(word);
        assert!(text.contains(word), "{word:?} not in the PDF:\n{text}");
    }
    let qr = pdf_tools::first_page_qr(&printed[0]);
    let code = qr
        .split("code=")
        .nth(1)
        .unwrap_or_else(|| panic!("a verification code in the QR: {qr}"));
    let base = driver
        .services
        .backend
        .as_ref()
        .and_then(|link| link.client())
        .expect("the embedded backend's client")
        .base_url()
        .to_owned();
    let check: kiosk_api::DocumentCheck = runtime.block_on(async {
        reqwest::get(format!("{base}/v1/documents/verify?code={code}"))
            .await
            .unwrap()
            .error_for_status()
            .unwrap()
            .json()
            .await
            .unwrap()
    });
    assert!(check.genuine, "{check:?}");
    assert_eq!(
        check.certificate_type.as_deref(),
        Some("residence"),
        "{check:?}"
    );

    driver.click("Neem de demokaart uit");
    assert_eq!(flow(&driver).step(), Step::Ended);
    assert!(!flow(&driver).holds_personal_data());
    assert!(!driver.kiosk().session.holds_document());
}

#[test]
fn three_wrong_pins_block_the_card_and_send_the_resident_to_the_desk() {
    let dir = tempfile::tempdir().unwrap();
    let runtime = support::runtime();
    let mut driver = demo_kiosk(dir.path(), &runtime);
    driver.click("Attest afdrukken");
    driver.click("Samenstelling van het gezin");
    driver.click("Steek de demokaart in");
    driver.click("Akkoord, verder");
    type_pin(&mut driver, "9999");
    driver.assert_shows("Verkeerde pincode. U kunt nog 2 keer proberen.");
    type_pin(&mut driver, "9998");
    driver.assert_shows("Verkeerde pincode. U kunt nog één keer proberen.");
    type_pin(&mut driver, "9997");
    assert_eq!(flow(&driver).step(), Step::Problem, "{}", driver.step());
    assert_eq!(flow(&driver).problem(), certificate::Problem::PinBlocked);
    driver.assert_shows(
        "Uw pincode is geblokkeerd na te veel foute pogingen. Neem uw kaart en ga naar de balie: daar kunnen ze ze deblokkeren.",
    );
    // Blocked on the card itself: the right PIN no longer helps, in a new session too.
    driver.click("Neem de demokaart uit");
    driver.click("Terug naar het begin");
    driver.click("Attest afdrukken");
    driver.click("Samenstelling van het gezin");
    driver.click("Steek de demokaart in");
    driver.click("Akkoord, verder");
    type_pin(&mut driver, "1234");
    assert_eq!(flow(&driver).problem(), certificate::Problem::PinBlocked);
}

#[test]
fn a_criminal_record_extract_for_work_with_children_says_it_comes_by_post() {
    let dir = tempfile::tempdir().unwrap();
    let runtime = support::runtime();
    let mut driver = demo_kiosk(dir.path(), &runtime);
    driver.click("Attest afdrukken");
    driver.click("Meer");
    driver.click("Meer");
    driver.click("Uittreksel strafregister (model 596.2, minderjarigen)");
    driver.assert_shows("Waarvoor heeft u het nodig?");
    driver.type_text("jeugdwerk");
    driver.click("Klaar");
    driver.click("Steek de demokaart in");
    driver.click("Akkoord, verder");
    type_pin(&mut driver, "1234");
    assert_eq!(flow(&driver).step(), Step::Preview, "{}", driver.step());
    driver.assert_shows("Uw aanvraag is ontvangen.");
    driver.assert_shows("U krijgt het met de post op uw adres, meestal binnen 10 werkdagen.");
    assert!(
        !driver.shows("Afdrukken"),
        "nothing to print: the extract comes later"
    );
    assert!(!driver.kiosk().session.holds_document());
    let documents = dir.path().join("documents");
    assert!(!documents.exists() || std::fs::read_dir(&documents).unwrap().next().is_none());
}

#[test]
fn a_card_left_in_the_reader_is_pointed_out_on_the_start_screen() {
    let dir = tempfile::tempdir().unwrap();
    let runtime = support::runtime();
    let mut driver = demo_kiosk(dir.path(), &runtime);
    let left_behind = "Er zit nog een kaart in de kaartlezer. Is ze van u? Neem ze mee.";
    assert!(!driver.shows(left_behind), "no card, no warning");
    driver.click("Attest afdrukken");
    driver.click("Bewijs van woonst");
    driver.click("Steek de demokaart in");
    // The resident walks off: Start again (as the idle timeout would) with the card still in.
    driver.click("Opnieuw beginnen");
    assert!(matches!(driver.kiosk().session.screen, Screen::Home(_)));
    driver.assert_shows(left_behind);
    driver.click("Neem de demokaart uit");
    assert!(!driver.shows(left_behind), "the warning goes with the card");
}
