#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! Issue 15: the kiosk without sight and without touch. Everything here is done with the keys
//! of a tactile keypad only (arrows, OK, the speech keys), never a tap, with speech mode on and
//! a real speech-dispatcher (espeak-ng, no audio device) taking what the kiosk says; against
//! the reference backend over HTTP and the emupos printer.
//!
//! Fails (does not skip) when emupos is not running (`sudo tests/tools/emupos-up`) or
//! speech-dispatcher is missing (`tests/tools/packages`).

mod support;

use std::time::Duration;

use iced::keyboard::{Key, Modifiers, key::Named};
use jiff::civil::{Date, date};
use jiff::{SignedDuration, ZonedDateTime};

use kiosk::app::{GHOST_TAP_GUARD, Message};
use kiosk::screen::Screen;
use kiosk::speech_mode::SpeechKey;
use kiosk_speech::testing::SpeechDaemon;

use support::driver::{Driver, emupos};
use support::e2e::{self, WAIT, queue_number};

/// Tuesday 15 December 2026: the demo town hall is open, and gives walk-in numbers, 08:30-12:00.
const DAY: Date = date(2026, 12, 15);
const MORNING: &str = "2026-12-15T09:00:00+01:00[Europe/Brussels]";

fn press(driver: &mut Driver, key: Named) {
    driver.send(Message::Key(Key::Named(key), Modifiers::empty()));
}

fn last_said(driver: &Driver) -> String {
    driver
        .kiosk()
        .session
        .said
        .back()
        .map(|u| u.text.clone())
        .unwrap_or_default()
}

/// Everything said so far in this session.
fn all_said(driver: &Driver) -> Vec<String> {
    driver
        .kiosk()
        .session
        .said
        .iter()
        .map(|u| u.text.clone())
        .collect()
}

/// Moves the focus with the arrow key until the focused button is announced as `wanted`
/// (`exact`: the whole label), then presses OK: what a blind resident does.
fn choose(driver: &mut Driver, wanted: &str, exact: bool) {
    let matches = |label: &str| {
        if exact {
            label == wanted
        } else {
            label.contains(wanted)
        }
    };
    let mut heard = Vec::new();
    for _ in 0..120 {
        press(driver, Named::ArrowDown);
        let said = last_said(driver);
        let focused = driver.kiosk().focused_label().unwrap_or_default();
        assert_eq!(said, focused, "the focus move is said as the button reads");
        if matches(&focused) {
            // Later than the ghost-tap guard of a screen that has just appeared.
            driver.advance(GHOST_TAP_GUARD + Duration::from_millis(50));
            press(driver, Named::Enter);
            return;
        }
        heard.push(focused);
    }
    panic!(
        "no button is announced as {wanted:?} on {}; heard: {heard:?}",
        driver.step()
    );
}

/// Types `text` on the on-screen keyboard or keypad by moving to each key and pressing OK.
fn type_keys(driver: &mut Driver, text: &str) {
    for c in text.chars() {
        choose(driver, &c.to_string(), true);
    }
}

#[test]
fn booking_and_checking_in_work_with_the_keypad_and_speech_alone() {
    emupos::require();
    let marker = e2e::marker("SPK");
    let dir = tempfile::tempdir().unwrap();
    let daemon = SpeechDaemon::start_at(&dir.path().join("speech.sock"))
        .expect("speech-dispatcher for the test (install: tests/tools/packages)");
    let runtime = support::runtime();
    let morning: ZonedDateTime = MORNING.parse().unwrap();
    let (backend, mut driver) = e2e::start(dir.path(), &runtime, DAY, &morning, &marker);
    driver.wait_for("the speech service", WAIT, |driver| {
        let status = driver
            .services
            .speech
            .as_ref()
            .map(kiosk_speech::Speech::status);
        (status == Some(kiosk_speech::SpeechStatus::Ready)).then_some(())
    });

    // The star key of the keypad: speech on, and the start screen said whole.
    driver.send(Message::Speech(SpeechKey::Toggle));
    let welcome = last_said(&driver);
    assert!(welcome.starts_with("Spraak staat aan."), "{welcome}");
    for words in [
        "Waarmee kunnen we u helpen?",
        "Afspraak maken",
        "Ik heb een afspraak",
    ] {
        assert!(welcome.contains(words), "{words:?} not in {welcome:?}");
    }
    let spoken = daemon
        .wait_spoken(WAIT, |spoken| {
            spoken.iter().any(|s| s.text.contains("Spraak staat aan"))
        })
        .unwrap();
    let first = spoken
        .iter()
        .find(|s| s.text.contains("Spraak staat aan"))
        .unwrap_or_else(|| panic!("speech-dispatcher never got the start screen: {spoken:?}"));
    assert_eq!(first.language, "nl", "said with the Dutch voice");

    // ---- Booking, keys only.
    let before = emupos::receipt_ids();
    choose(&mut driver, "Afspraak maken", false);
    assert!(
        last_said(&driver).contains("Waarvoor wilt u een afspraak?"),
        "the new screen's question: {}",
        last_said(&driver)
    );
    assert!(
        last_said(&driver).contains("Identiteitskaart aanvragen"),
        "and its choices: {}",
        last_said(&driver)
    );
    choose(&mut driver, "Identiteitskaart aanvragen", false);
    if last_said(&driver).contains("1 persoon") {
        choose(&mut driver, "1 persoon", true);
    }
    choose(&mut driver, "dinsdag 15 december", true);
    let earliest = driver
        .now()
        .checked_add(SignedDuration::from_mins(30))
        .unwrap();
    let time = (0..48)
        .map(|i| {
            jiff::civil::time(8, 30, 0, 0)
                .checked_add(SignedDuration::from_mins(5 * i))
                .unwrap()
        })
        .map(|t| {
            DAY.at(t.hour(), t.minute(), 0, 0)
                .in_tz("Europe/Brussels")
                .unwrap()
        })
        .find(|start| {
            *start >= earliest && last_said(&driver).contains(&start.strftime("%H:%M").to_string())
        })
        .unwrap_or_else(|| panic!("no time said after {earliest}: {}", last_said(&driver)));
    choose(&mut driver, &time.strftime("%H:%M").to_string(), true);
    assert!(
        last_said(&driver).contains("Wat is uw naam?"),
        "{}",
        last_said(&driver)
    );
    type_keys(&mut driver, "jan");
    assert!(
        all_said(&driver).iter().any(|s| s == "Ingevuld: jan."),
        "what is typed is said back: {:?}",
        all_said(&driver)
    );
    choose(&mut driver, "Klaar", true);
    assert!(
        last_said(&driver).contains("Hoe kunnen we u bereiken?"),
        "{}",
        last_said(&driver)
    );
    type_keys(&mut driver, "0470123456");
    choose(&mut driver, "Klaar", true);
    let summary = last_said(&driver);
    assert!(summary.contains("Kijk uw afspraak na"), "{summary}");
    assert!(
        summary.contains("jan"),
        "the summary says the name: {summary}"
    );
    choose(&mut driver, "Afspraak vastleggen", true);
    driver.wait_for("the booking", WAIT, |driver| {
        last_said(driver)
            .contains("Uw afspraak is gemaakt")
            .then_some(())
    });
    let receipt = emupos::wait_for_receipt(&before, &marker);
    let code = receipt
        .lines()
        .find_map(|line| {
            line.split_whitespace().last().filter(|w| {
                w.len() == 10
                    && w.chars().all(|c| c.is_ascii_alphanumeric())
                    && w.chars().any(|c| c.is_ascii_digit())
            })
        })
        .unwrap_or_else(|| panic!("no booking code on the ticket:\n{receipt}"))
        .to_owned();
    choose(&mut driver, "Klaar", true);
    assert!(matches!(driver.kiosk().session.screen, Screen::Home(_)));
    assert!(
        !driver.kiosk().session.speech.is_on(),
        "a finished booking ends the session, speech with it"
    );

    // ---- Check-in by typing the code, keys only.
    driver.advance_to(&time.checked_sub(SignedDuration::from_mins(15)).unwrap());
    driver.send(Message::Speech(SpeechKey::Toggle));
    choose(&mut driver, "Ik heb een afspraak", false);
    choose(&mut driver, "Mijn code typen", true);
    type_keys(&mut driver, &code);
    choose(&mut driver, "Klaar", true);
    driver.wait_for("the appointment", WAIT, |driver| {
        driver.shows("Mijn volgnummer nemen").then_some(())
    });
    let before = emupos::receipt_ids();
    choose(&mut driver, "Mijn volgnummer nemen", true);
    let queue_receipt = emupos::wait_for_receipt(&before, &marker);
    let number = queue_number(&queue_receipt);
    let spelled = kiosk::speech_mode::spell(&number);
    // Said when the ticket screen appears (the printer's line follows as it changes).
    let ticket = all_said(&driver)
        .into_iter()
        .find(|said| said.contains(&spelled))
        .unwrap_or_else(|| panic!("{spelled} never said: {:?}", all_said(&driver)));
    assert!(
        ticket.contains(&format!("Uw nummer is {spelled}.")),
        "{ticket}"
    );
    // Nobody is ahead of the first number of the day.
    assert!(
        ticket.contains("U bent de volgende"),
        "people ahead are said: {ticket}"
    );
    assert_eq!(backend.tickets_of(&code), vec![(number.clone(), false)]);
    daemon
        .wait_spoken(WAIT, |spoken| {
            spoken.iter().any(|s| s.text.contains(&spelled))
        })
        .unwrap()
        .iter()
        .find(|s| s.text.contains(&spelled))
        .unwrap_or_else(|| panic!("the ticket never reached speech-dispatcher"));

    // Speech ends with the session: the next resident starts without it.
    choose(&mut driver, "Klaar", true);
    assert!(!driver.kiosk().session.speech.is_on());
}
