//! The staff screen: five quick taps on the clock, the staff code typed unseen, then the status
//! of printer and backend link, a test ticket and closing the program.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use std::time::Duration;

use kiosk::app::Message;
use kiosk::screen::{Screen, staff};
use kiosk_core::print::PrinterStatus;
use support::kiosk;

fn tap_clock(kiosk: &mut support::Kiosk, times: usize, between: Duration) {
    for _ in 0..times {
        kiosk.click("10:30");
        kiosk.clock.advance(between);
    }
}

fn type_code(kiosk: &mut support::Kiosk, code: &str) {
    for digit in code.chars() {
        kiosk.clock.advance(Duration::from_millis(500));
        kiosk.click(&digit.to_string());
    }
    kiosk.clock.advance(Duration::from_millis(500));
    kiosk.click("Klaar");
}

fn step(kiosk: &support::Kiosk) -> Option<staff::Step> {
    match &kiosk.session().screen {
        Screen::Staff(panel) => Some(panel.step()),
        _ => None,
    }
}

#[test]
fn five_quick_taps_on_the_clock_ask_for_the_staff_code_and_slow_taps_do_not() {
    let mut kiosk = kiosk();
    tap_clock(&mut kiosk, 5, Duration::from_secs(1));
    assert_eq!(
        step(&kiosk),
        None,
        "taps a second apart are a resident, not staff"
    );
    kiosk.clock.advance(Duration::from_secs(5));
    tap_clock(&mut kiosk, 4, Duration::from_millis(200));
    assert_eq!(step(&kiosk), None);
    tap_clock(&mut kiosk, 1, Duration::from_millis(200));
    assert_eq!(step(&kiosk), Some(staff::Step::Pin));
    assert!(kiosk.shows("Typ de personeelscode."));
}

#[test]
fn the_code_is_never_shown_and_three_wrong_codes_lock_the_screen() {
    let mut kiosk = kiosk();
    tap_clock(&mut kiosk, 5, Duration::from_millis(100));
    for digit in "135".chars() {
        kiosk.clock.advance(Duration::from_millis(500));
        kiosk.click(&digit.to_string());
    }
    assert!(kiosk.shows("•••"), "dots, never the digits");
    assert!(!kiosk.shows("135"));
    kiosk.clock.advance(Duration::from_millis(500));
    kiosk.click("Klaar");
    assert!(kiosk.shows("Verkeerde code. Nog 2 pogingen."));
    type_code(&mut kiosk, "0000");
    assert!(kiosk.shows("Verkeerde code. Nog 1 poging."));
    type_code(&mut kiosk, "2469");
    assert_eq!(step(&kiosk), Some(staff::Step::Locked));
    assert!(kiosk.shows("Te veel verkeerde codes. Begin opnieuw."));
}

#[test]
fn the_right_code_shows_printer_and_link_and_offers_a_test_ticket() {
    let mut kiosk = kiosk();
    kiosk.send(Message::PrinterStatus(PrinterStatus::PaperNearEnd));
    tap_clock(&mut kiosk, 5, Duration::from_millis(100));
    type_code(&mut kiosk, "2468");
    assert_eq!(step(&kiosk), Some(staff::Step::Panel));
    for text in [
        "Ticketprinter",
        "Het papier is bijna op.",
        "Niet verbonden sinds de start",
        "Testticket afdrukken",
        "Kioskprogramma sluiten",
    ] {
        assert!(kiosk.shows(text), "the staff panel lacks {text:?}");
    }
    kiosk.clock.advance(Duration::from_millis(500));
    kiosk.click("Testticket afdrukken");
    // The simulator runs no tasks: the root's answer is delivered as the printer would give it.
    kiosk.send(Message::Staff(staff::Message::TestPrinted(Err(()))));
    assert!(kiosk.shows("Het testticket is niet afgedrukt. Kijk de printer na."));
    kiosk.send(Message::Staff(staff::Message::TestPrinted(Ok(()))));
    assert!(kiosk.shows("Het testticket is afgedrukt."));
}

#[test]
fn the_staff_screen_closes_with_the_session() {
    let mut kiosk = kiosk();
    tap_clock(&mut kiosk, 5, Duration::from_millis(100));
    type_code(&mut kiosk, "2468");
    kiosk.wait(Duration::from_secs(80));
    assert!(
        matches!(kiosk.session().screen, Screen::Home(_)),
        "idle closes it like any screen"
    );
}
