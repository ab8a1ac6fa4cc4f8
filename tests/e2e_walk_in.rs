#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! Issue 14's walk-in numbers end to end, with the real kiosk `App` (not a window), the
//! reference backend over HTTP and the emupos printer (TCP 9100):
//!
//! 1. In the town hall's walk-in hours the start screen offers "Take a number"; choosing a
//!    service prints a queue ticket whose number the backend holds as a walk-in.
//! 2. When no walk-in service is open (Tuesday lunch), the action is not offered; it comes back
//!    with the afternoon's hours, for the services open then only.
//! 3. With the backend stopped, the number comes from the kiosk's block; after the restart the
//!    backend holds it once, marked offline.
//!
//! Fails (does not skip) when emupos is not running: `sudo tests/tools/emupos-up`.

mod support;

use jiff::ZonedDateTime;
use jiff::civil::{Date, date};

use kiosk::screen::Screen;

use support::driver::{Driver, emupos};
use support::e2e::{self, WAIT, queue_number};

/// Tuesday 15 December 2026: the demo town hall gives walk-in numbers 08:30-12:00 and
/// 13:30-16:00 for documents to collect, and answers quick questions in the mornings only.
const DAY: Date = date(2026, 12, 15);
const MORNING: &str = "2026-12-15T09:00:00+01:00[Europe/Brussels]";

const TAKE_A_NUMBER: &str = "Volgnummer nemen";
const COLLECT: &str = "Afhalen identiteitskaart of reispas";
const QUESTION: &str = "Een korte vraag";

/// Takes a number for `service` from the start screen; returns the printed receipt.
fn take_number(driver: &mut Driver, service: &str, marker: &str) -> String {
    let before = emupos::receipt_ids();
    driver.click(TAKE_A_NUMBER);
    driver.assert_shows("Waarvoor komt u?");
    driver.click(service);
    driver.assert_shows("Uw volgnummer");
    emupos::wait_for_receipt(&before, marker)
}

#[test]
fn a_walk_in_number_is_printed_online_and_offline_and_the_backend_holds_each_once() {
    emupos::require();
    let marker = e2e::marker("WLK");
    let dir = tempfile::tempdir().unwrap();
    let runtime = support::runtime();
    let morning: ZonedDateTime = MORNING.parse().unwrap();
    let (mut backend, mut driver) = e2e::start(dir.path(), &runtime, DAY, &morning, &marker);
    let link = driver.services.backend.clone().expect("a backend link");
    let store = link.store().expect("connected at the first start");
    driver.wait_for("the start screen to offer a number", WAIT, |driver| {
        driver.shows(TAKE_A_NUMBER).then_some(())
    });

    // ---- 1. Online: the backend's number, printed, with the queue behind it.
    let receipt = take_number(&mut driver, COLLECT, &marker);
    let number = queue_number(&receipt);
    assert_eq!(number, "E001", "{receipt}");
    assert!(driver.shows(&number));
    assert_eq!(backend.walk_ins_of("collect"), vec![("E001".into(), false)]);
    driver.click("Klaar");
    assert!(matches!(driver.kiosk().session.screen, Screen::Home(_)));

    // ---- 2. Lunch: nothing gives numbers, so nothing is offered; the afternoon brings back
    // the documents only.
    driver.advance_to(
        &"2026-12-15T12:30:00+01:00[Europe/Brussels]"
            .parse()
            .unwrap(),
    );
    assert!(!driver.shows(TAKE_A_NUMBER), "offered at lunch");
    driver.advance_to(
        &"2026-12-15T13:35:00+01:00[Europe/Brussels]"
            .parse()
            .unwrap(),
    );
    driver.assert_shows(TAKE_A_NUMBER);
    driver.click(TAKE_A_NUMBER);
    driver.assert_shows(COLLECT);
    assert!(!driver.shows(QUESTION), "questions are for the mornings");
    driver.click("Terug");

    // ---- 3. The backend away: a number from the kiosk's block, delivered once on its return.
    // The kiosk holds a block for the service from its refresh after the first heartbeat.
    let left = driver
        .block_on(store.ticket_numbers_left("collect".into(), DAY))
        .unwrap();
    assert!(left > 0, "a block of walk-in numbers");
    backend.stop(&runtime);
    driver.wait_for("the kiosk to notice the outage", WAIT, |driver| {
        driver.kiosk().is_offline().then_some(())
    });
    let receipt = take_number(&mut driver, COLLECT, &marker);
    let offline = queue_number(&receipt);
    let sequence: u32 = offline[1..].parse().unwrap();
    assert!(offline.starts_with('E') && sequence > 900, "{receipt}");
    assert_eq!(driver.block_on(store.outbox_depth()).unwrap().pending, 1);
    driver.click("Klaar");
    backend.start(&runtime);
    driver.wait_for("the outbox to drain", WAIT, |driver| {
        let depth = driver.block_on(store.outbox_depth()).unwrap().pending;
        (depth == 0).then_some(())
    });
    assert_eq!(
        backend.walk_ins_of("collect"),
        vec![("E001".into(), false), (offline, true)],
        "each number once"
    );
}
