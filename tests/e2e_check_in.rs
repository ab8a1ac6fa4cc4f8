#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! Issue 5 end to end, with the real kiosk `App` (not a window), the reference backend over HTTP,
//! the emupos printer (TCP 9100) and its simulated serial scanner `lane`:
//!
//! 1. A booking made on the kiosk's screens prints a ticket with its QR payload; that payload,
//!    scanned for real, checks the resident in, and the queue ticket read back from the printer
//!    carries the number the backend holds.
//! 2. With the backend stopped, a second booking is checked in by scan from the kiosk's cached
//!    arrivals and ticket block; after the backend is restarted on the same database and port
//!    the outbox drains and the backend holds that ticket, once, with the printed number.
//!
//! Fails (does not skip) when emupos is not running: `sudo tests/tools/emupos-up`.

#[path = "../crates/backend/tests/shared/desk_browser.rs"]
mod desk_browser;
mod support;

use std::time::Duration;

use jiff::civil::{Date, date};
use jiff::{SignedDuration, ZonedDateTime};

use kiosk::app::{Message, Tap};
use kiosk::screen::Screen;
use kiosk::screen::booking;
use kiosk::screen::flow::Flow as _;
use kiosk_api::{CreateBooking, Customer, SlotsQuery, TicketStatus};
use kiosk_core::config::ScannerSettings;
use kiosk_core::devices::scanner::{self, ScanEvent, ScanEvents};
use kiosk_core::sync::{ConnectionState, IdempotencyKey};

use support::driver::{Driver, emupos};
use support::e2e::{self, WAIT, queue_number};

/// Tuesday 15 December 2026: the demo town hall is open 08:30-12:00.
const DAY: Date = date(2026, 12, 15);
const OPENING: &str = "2026-12-15T09:00:00+01:00[Europe/Brussels]";

/// The text inside the first `[qr ...]` of a receipt.
fn qr_payload(receipt: &str) -> String {
    let start = receipt
        .find("[qr ")
        .unwrap_or_else(|| panic!("no QR code on the receipt:\n{receipt}"))
        + 4;
    let end = receipt[start..]
        .find(']')
        .expect("the QR's closing bracket")
        + start;
    receipt[start..end].trim().to_owned()
}

/// The next scan of the simulated scanner, within 10 s.
fn next_scan(driver: &Driver, events: &mut ScanEvents) -> ScanEvent {
    driver
        .block_on(async { tokio::time::timeout(Duration::from_secs(10), events.next()).await })
        .expect("the scan did not arrive within 10 s")
        .expect("the scanner reader stopped")
}

/// Scans `payload` with emupos's `lane` scanner and hands the event to the kiosk, as its scanner
/// subscription does.
fn scan(driver: &mut Driver, events: &mut ScanEvents, payload: &str) {
    emupos::scan(payload);
    let event = next_scan(driver, events);
    assert_eq!(event, ScanEvent::Code(payload.to_owned()));
    driver.send(Message::Scan(event));
}

fn booking_step(driver: &Driver) -> Option<booking::Step> {
    match &driver.kiosk().session.screen {
        Screen::Booking(flow) => Some(flow.step()),
        _ => None,
    }
}

/// The free times on the time screen, from its buttons.
fn offered_times(driver: &Driver) -> Vec<ZonedDateTime> {
    driver
        .kiosk()
        .focus_targets()
        .into_iter()
        .filter_map(|(_, message)| match message {
            Message::Tap(Tap::Booking(booking::Message::ChooseTime(slot))) => Some(slot.start),
            _ => None,
        })
        .collect()
}

fn brussels(time: &ZonedDateTime) -> ZonedDateTime {
    time.in_tz("Europe/Brussels").unwrap()
}

#[test]
fn a_kiosk_booking_is_checked_in_by_scan_online_and_offline_and_the_backend_holds_each_ticket_once()
{
    emupos::require();
    let started = std::time::Instant::now();
    let marker = e2e::marker("E2E");
    let dir = tempfile::tempdir().unwrap();
    let runtime = support::runtime();

    // The backend: the demo town hall as of that Tuesday, its clock at 09:00; the kiosk, its
    // services opened as `main` opens them, its clock at the same instant.
    let opening: ZonedDateTime = OPENING.parse().unwrap();
    let (mut backend, mut driver) = e2e::start(dir.path(), &runtime, DAY, &opening, &marker);
    let link = driver.services.backend.clone().expect("a backend link");
    let store = link.store().expect("connected at the first start");
    let client = link.client().expect("connected at the first start");

    // The scanner's port is opened before anything is scanned (opening flushes input).
    let mut scans = scanner::start(&ScannerSettings {
        path: emupos::lane_pty(),
        baud: 9600,
    })
    .unwrap();
    assert_eq!(next_scan(&driver, &mut scans), ScanEvent::Connected);

    // ---- 1. Booked on the kiosk's screens, checked in online by scanning the printed QR code.
    let before = emupos::receipt_ids();
    driver.click("Afspraak maken");
    driver.assert_shows("Waarvoor wilt u een afspraak?");
    driver.click("Identiteitskaart aanvragen");
    if booking_step(&driver) == Some(booking::Step::Persons) {
        driver.click("1 persoon");
    }
    driver.click("dinsdag 15 december");
    let earliest = driver
        .now()
        .checked_add(SignedDuration::from_mins(30))
        .unwrap();
    let start = offered_times(&driver)
        .into_iter()
        .find(|start| *start >= earliest)
        .unwrap_or_else(|| panic!("no free time after {earliest} (screen: {})", driver.step()));
    let label = brussels(&start).strftime("%H:%M").to_string();
    driver.click(&label);
    driver.assert_shows("Wat is uw naam?");
    driver.type_text("jan");
    driver.click("Klaar");
    driver.assert_shows("Hoe kunnen we u bereiken?");
    driver.type_text("0470123456");
    driver.click("Klaar");
    driver.assert_shows("Kijk uw afspraak na");
    driver.click("Afspraak vastleggen");
    driver.assert_shows("Uw afspraak is gemaakt");
    let booking_receipt = emupos::wait_for_receipt(&before, &marker);
    let payload = qr_payload(&booking_receipt);
    assert!(payload.starts_with("KB1-"), "{booking_receipt}");
    // The payload is KB1-<code>-<secret>; the code is printed in words as well.
    let code = payload.split('-').nth(1).expect("the code in the payload");
    assert!(
        booking_receipt
            .lines()
            .any(|line| !line.starts_with('[') && line.trim_end().ends_with(code)),
        "the booking code in words:\n{booking_receipt}"
    );
    driver.click("Klaar");
    assert!(matches!(driver.kiosk().session.screen, Screen::Home(_)));

    // The resident comes back a quarter of an hour before the appointment and scans.
    driver.advance_to(&start.checked_sub(SignedDuration::from_mins(15)).unwrap());
    scan(&mut driver, &mut scans, &payload);
    driver.assert_shows("Mijn volgnummer nemen");
    let before = emupos::receipt_ids();
    driver.click("Mijn volgnummer nemen");
    driver.assert_shows("Uw volgnummer");
    let queue_receipt = emupos::wait_for_receipt(&before, &marker);
    let number = queue_number(&queue_receipt);
    assert!(driver.shows(&number), "{number} on screen");
    assert_eq!(
        backend.tickets_of(code),
        vec![(number.clone(), false)],
        "the backend holds the printed number:\n{queue_receipt}"
    );
    driver.click("Klaar");

    // ---- 2. A second booking for later today, checked in by scan while the backend is down.
    let slots = driver
        .block_on(client.slots(&SlotsQuery {
            location: "town-hall".into(),
            product: "eid-pickup".into(),
            persons: 1,
            from: DAY,
            to: DAY,
        }))
        .unwrap();
    let later = driver
        .now()
        .checked_add(SignedDuration::from_mins(30))
        .unwrap();
    let slot = slots
        .into_iter()
        .find(|slot| slot.start >= later)
        .expect("a free time later today");
    let held = driver
        .block_on(client.create_booking(
            &CreateBooking {
                location_id: "town-hall".into(),
                product_id: "eid-pickup".into(),
                persons: 1,
                start: slot.start.clone(),
                customer: Customer {
                    name: "An Tweede".into(),
                    phone: Some("+32470654321".into()),
                    email: None,
                },
            },
            IdempotencyKey::new(),
        ))
        .unwrap();
    let second = driver
        .block_on(client.confirm_booking(held.id, IdempotencyKey::new()))
        .unwrap();

    // The kiosk refreshes today's arrivals when the backend comes back: a short outage makes it
    // fetch the second booking now rather than at the next period (two minutes).
    // A refresh after the second booking was made changes the cached arrivals' etag.
    let cached = driver.block_on(store.arrivals_etag(DAY)).unwrap();
    assert!(cached.is_some(), "today's arrivals cached at the start");
    backend.stop(&runtime);
    driver.wait_for("the kiosk to notice the outage", WAIT, |driver| {
        driver.kiosk().is_offline().then_some(())
    });
    backend.start(&runtime);
    driver.wait_for("today's arrivals refreshed", WAIT, |driver| {
        let online = driver
            .app
            .connection()
            .is_some_and(ConnectionState::is_online);
        let etag = driver.block_on(store.arrivals_etag(DAY)).unwrap();
        (online && etag != cached).then_some(())
    });

    backend.stop(&runtime);
    driver.advance_to(
        &second
            .start
            .checked_sub(SignedDuration::from_mins(15))
            .unwrap(),
    );
    let before = emupos::receipt_ids();
    scan(&mut driver, &mut scans, &second.qr_payload);
    driver.assert_shows("Uw volgnummer");
    let offline_receipt = emupos::wait_for_receipt(&before, &marker);
    let offline_number = queue_number(&offline_receipt);
    let sequence: u32 = offline_number[1..].parse().unwrap();
    assert!(
        sequence > 900,
        "an offline number comes from the kiosk's block (901 and up): {offline_number}"
    );
    assert!(driver.shows(&offline_number));
    assert_eq!(driver.block_on(store.outbox_depth()).unwrap().pending, 1);
    assert!(backend.tickets_of(&second.code).is_empty());
    driver.click("Klaar");

    // ---- 3. The first booking scanned again with the backend still down: one visit, one
    // number. The kiosk shows the number it printed online, prints nothing by itself, and
    // prints that same number when asked.
    let before = emupos::receipt_ids();
    scan(&mut driver, &mut scans, &payload);
    driver.assert_shows("U hebt al een volgnummer");
    assert!(driver.shows(&number), "{number} on screen again");
    driver.click("Mijn ticket opnieuw afdrukken");
    let again_receipt = emupos::wait_for_receipt(&before, &marker);
    assert_eq!(queue_number(&again_receipt), number, "{again_receipt}");
    assert_eq!(
        emupos::receipt_ids().len(),
        before.len() + 1,
        "one ticket, printed when asked"
    );
    assert_eq!(driver.block_on(store.outbox_depth()).unwrap().pending, 1);

    backend.start(&runtime);
    driver.wait_for("the outbox to drain", Duration::from_secs(30), |driver| {
        let pending = driver.block_on(store.outbox_depth()).unwrap().pending;
        let state = driver.app.connection()?;
        (pending == 0 && state.is_online() && state.outbox_depth == 0).then_some(())
    });
    assert_eq!(
        backend.tickets_of(&second.code),
        vec![(offline_number, true)],
        "the backend holds the ticket printed offline, once:\n{offline_receipt}"
    );
    assert_eq!(backend.tickets_of(code), vec![(number.clone(), false)]);

    // ---- 4. The other side of the counter: a clerk at "Loket 3" calls the next number of the
    // first booking's service, the waiting room's display shows it with the desk, and the
    // resident's ticket says it is called there.
    let waiting = driver
        .block_on(client.check_in(code, IdempotencyKey::new()))
        .unwrap();
    assert!(!waiting.created);
    assert_eq!(waiting.ticket.status, TicketStatus::Waiting);
    kiosk_backend::add_staff(
        &backend.db,
        "clerk-e2e",
        kiosk_backend::StaffRole::Clerk,
        desk_browser::PASSWORD,
    )
    .unwrap();
    let base = format!("http://{}", backend.addr);
    let desk = desk_browser::Browser::at(base.clone());
    let display: serde_json::Value = driver.block_on(async {
        let page = desk.login("clerk-e2e", desk_browser::PASSWORD).await;
        assert_eq!(page.status.as_u16(), 303, "{:?}", page.alert());
        let service = waiting.ticket.queue_service_id.as_str();
        let page = desk.setup("town-hall", "Loket 3", &[service]).await;
        assert_eq!(page.status.as_u16(), 303, "{:?}", page.alert());
        let page = desk.act("call_next", None, &[]).await;
        assert_eq!(page.status.as_u16(), 303, "{:?}", page.alert());
        reqwest::get(format!("{base}/v1/display/town-hall"))
            .await
            .unwrap()
            .json()
            .await
            .unwrap()
    });
    let calling = &display["calling"][0];
    assert_eq!(
        (calling["number"].as_str(), calling["desk"].as_str()),
        (Some(number.as_str()), Some("Loket 3")),
        "{display}"
    );
    let called = driver
        .block_on(client.check_in(code, IdempotencyKey::new()))
        .unwrap();
    assert_eq!(called.ticket.number, number);
    assert_eq!(called.ticket.status, TicketStatus::Called);
    assert_eq!(called.ticket.desk.as_deref(), Some("Loket 3"));

    drop(driver);
    drop(link);
    backend.stop(&runtime);
    eprintln!("e2e check-in took {:?}", started.elapsed());
}
