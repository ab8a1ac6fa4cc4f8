#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! Issue 15: the kiosk without sight and without touch. Everything here is done with the keys
//! of a tactile keypad only (arrows, OK, the speech keys), never a tap, with speech mode on and
//! a real speech-dispatcher (espeak-ng, no audio device) taking what the kiosk says; against
//! the reference backend over HTTP and the emupos printer.
//!
//! The same walk runs in each of the four languages: every screen of booking, check-in and
//! taking a number says something, in its language and not another's, that espeak-ng renders
//! to sound of a plausible length.
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
use kiosk_core::i18n::{FluentArgs, I18n, Language};
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

/// What was said in `language` in this session (speech starts in the kiosk's default
/// language, before the resident chooses theirs).
fn said_in(driver: &Driver, language: Language) -> Vec<String> {
    driver
        .kiosk()
        .session
        .said
        .iter()
        .filter(|u| u.language == kiosk::speech_mode::voice_language(language))
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

/// The first choice of the screen (the first focus target), chosen with the keys; its label.
fn choose_first(driver: &mut Driver) -> String {
    press(driver, Named::ArrowDown);
    let label = last_said(driver);
    driver.advance(GHOST_TAP_GUARD + Duration::from_millis(50));
    press(driver, Named::Enter);
    label
}

/// Types `text` on the on-screen keyboard or keypad by moving to each key and pressing OK.
fn type_keys(driver: &mut Driver, text: &str) {
    for c in text.chars() {
        choose(driver, &c.to_string(), true);
    }
}

/// Books, checks in by typing the code and takes a walk-in number, all with the keys and in
/// `language`; returns everything said, session by session.
fn walk(language: Language) {
    emupos::require();
    let i18n: std::sync::Arc<I18n> = support::i18n();
    let tr = |id: &str| i18n.text(language, id);
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
    let mut said = Vec::new();
    // Speech on (the star key), then the language chosen with the keys as a resident would.
    let start = |driver: &mut Driver| {
        driver.send(Message::Speech(SpeechKey::Toggle));
        if language != Language::Dutch {
            choose(driver, &i18n.text(language, "language-name"), true);
        }
    };

    start(&mut driver);
    let welcome = all_said(&driver).join(" ");
    for id in ["home-question", "home-book", "home-checkin"] {
        assert!(welcome.contains(&tr(id)), "{:?} not in {welcome:?}", tr(id));
    }
    let voice = kiosk::speech_mode::voice_language(language).voice();
    let spoken = daemon
        .wait_spoken(WAIT, |spoken| {
            spoken.iter().any(|s| s.text.contains(&tr("home-question")))
        })
        .unwrap();
    let first = spoken
        .iter()
        .find(|s| s.text.contains(&tr("home-question")))
        .unwrap_or_else(|| panic!("speech-dispatcher never got the start screen: {spoken:?}"));
    assert_eq!(first.language, voice, "said with the {language:?} voice");

    // ---- Booking, keys only.
    let before = emupos::receipt_ids();
    choose(&mut driver, &tr("home-book"), false);
    assert!(
        last_said(&driver).contains(&tr("booking-product-title")),
        "the new screen's question: {}",
        last_said(&driver)
    );
    choose_first(&mut driver);
    if last_said(&driver).contains(&tr("booking-persons-title")) {
        choose_first(&mut driver);
    }
    choose_first(&mut driver);
    // The first time said that leaves half an hour to come back for the check-in.
    let earliest = driver
        .now()
        .checked_add(SignedDuration::from_mins(30))
        .unwrap();
    let times = last_said(&driver);
    let start_at = times
        .split(['.', ' '])
        .filter_map(|word| {
            let (hour, minute) = word.split_once(':')?;
            DAY.at(hour.parse().ok()?, minute.parse().ok()?, 0, 0)
                .in_tz("Europe/Brussels")
                .ok()
        })
        .find(|start| *start >= earliest)
        .unwrap_or_else(|| panic!("no time said after {earliest}: {times}"));
    choose(&mut driver, &start_at.strftime("%H:%M").to_string(), true);
    assert!(
        last_said(&driver).contains(&tr("booking-name-title")),
        "{}",
        last_said(&driver)
    );
    type_keys(&mut driver, "jan");
    let mut typed = FluentArgs::new();
    typed.set("text", "jan");
    let echo = i18n.format(language, "speech-typed", Some(&typed));
    assert!(
        all_said(&driver).iter().any(|s| s.starts_with(&echo)),
        "what is typed is said back ({echo:?}): {:?}",
        all_said(&driver)
    );
    choose(&mut driver, &tr("input-key-done"), true);
    assert!(
        last_said(&driver).contains(&tr("booking-contact-title")),
        "{}",
        last_said(&driver)
    );
    type_keys(&mut driver, "0470123456");
    choose(&mut driver, &tr("input-key-done"), true);
    let summary = last_said(&driver);
    assert!(summary.contains(&tr("booking-summary-title")), "{summary}");
    assert!(
        summary.contains("jan"),
        "the summary says the name: {summary}"
    );
    choose(&mut driver, &tr("booking-confirm"), true);
    driver.wait_for("the booking", WAIT, |driver| {
        last_said(driver)
            .contains(&tr("booking-done-title"))
            .then_some(())
    });
    let receipt = emupos::wait_for_receipt(&before, &marker);
    // The QR code carries KB1-<code>-<secret>.
    let code = receipt
        .split("[qr KB1-")
        .nth(1)
        .and_then(|rest| rest.split('-').next())
        .unwrap_or_else(|| panic!("no booking QR code on the ticket:\n{receipt}"))
        .to_owned();
    said.extend(said_in(&driver, language));
    choose(&mut driver, &tr("booking-finish"), true);
    assert!(matches!(driver.kiosk().session.screen, Screen::Home(_)));
    assert!(
        !driver.kiosk().session.speech.is_on(),
        "a finished booking ends the session, speech with it"
    );

    // ---- Check-in by typing the code, keys only.
    driver.advance_to(&start_at.checked_sub(SignedDuration::from_mins(15)).unwrap());
    start(&mut driver);
    choose(&mut driver, &tr("home-checkin"), false);
    choose(&mut driver, &tr("checkin-type-code"), true);
    type_keys(&mut driver, &code);
    choose(&mut driver, &tr("input-key-done"), true);
    driver.wait_for("the appointment", WAIT, |driver| {
        last_said(driver)
            .contains(&tr("checkin-appointment-title"))
            .then_some(())
    });
    let before = emupos::receipt_ids();
    choose(&mut driver, &tr("checkin-take-number"), true);
    let number = queue_number(&emupos::wait_for_receipt(&before, &marker));
    let mut args = FluentArgs::new();
    args.set("number", kiosk::speech_mode::spell(&number));
    let announced = i18n.format(language, "speech-ticket-number", Some(&args));
    // Said when the ticket screen appears (the printer's line follows as it changes).
    let ticket = all_said(&driver)
        .into_iter()
        .find(|said| said.contains(&announced))
        .unwrap_or_else(|| panic!("{announced:?} never said: {:?}", all_said(&driver)));
    // Nobody is ahead of the first number of the day.
    let mut ahead = FluentArgs::new();
    ahead.set("people", 0);
    let nobody = i18n.format(language, "checkin-people-ahead", Some(&ahead));
    assert!(
        ticket.contains(&nobody),
        "people ahead ({nobody:?}) are said: {ticket}"
    );
    assert_eq!(backend.tickets_of(&code), vec![(number.clone(), false)]);
    daemon
        .wait_spoken(WAIT, |spoken| {
            spoken.iter().any(|s| s.text.contains(&announced))
        })
        .unwrap()
        .iter()
        .find(|s| s.text.contains(&announced))
        .unwrap_or_else(|| panic!("the ticket never reached speech-dispatcher"));
    said.extend(said_in(&driver, language));
    choose(&mut driver, &tr("checkin-finish"), true);

    // ---- A number without an appointment, keys only.
    start(&mut driver);
    choose(&mut driver, &tr("home-walk-in"), false);
    assert!(
        last_said(&driver).contains(&tr("walkin-choose-title")),
        "{}",
        last_said(&driver)
    );
    let before = emupos::receipt_ids();
    choose_first(&mut driver);
    let walk_in = queue_number(&emupos::wait_for_receipt(&before, &marker));
    let mut args = FluentArgs::new();
    args.set("number", kiosk::speech_mode::spell(&walk_in));
    let announced = i18n.format(language, "speech-ticket-number", Some(&args));
    assert!(
        all_said(&driver).iter().any(|s| s.contains(&announced)),
        "{announced:?} never said: {:?}",
        all_said(&driver)
    );
    said.extend(said_in(&driver, language));
    choose(&mut driver, &tr("checkin-finish"), true);

    check_said(&i18n, language, &said, dir.path());
}

/// Everything said is words, in `language` and in no other (a label that ignored the
/// resident's language would carry another's words), and renders to sound of a plausible
/// length with that language's espeak-ng voice.
fn check_said(i18n: &I18n, language: Language, said: &[String], dir: &std::path::Path) {
    const DISTINCT: [&str; 8] = [
        "home-question",
        "booking-product-title",
        "booking-confirm",
        "input-key-done",
        "checkin-take-number",
        "checkin-finish",
        "speech-on",
        "nav-back",
    ];
    assert!(said.len() > 40, "a whole walk says more: {said:?}");
    for text in said {
        assert!(!text.trim().is_empty(), "an empty utterance in {said:?}");
        for other in Language::ALL.into_iter().filter(|l| *l != language) {
            for id in DISTINCT {
                let foreign = i18n.text(other, id);
                // Only the words that differ from this language's.
                if foreign != i18n.text(language, id) && foreign.len() > 4 {
                    assert!(
                        !text.contains(&foreign),
                        "{other:?} words {foreign:?} said in {language:?}: {text:?}"
                    );
                }
            }
        }
    }
    let voice = kiosk::speech_mode::voice_language(language);
    let mut rendered = 0;
    for (i, text) in said
        .iter()
        .enumerate()
        .filter(|(_, t)| t.split_whitespace().count() >= 3)
    {
        let wav = dir.join(format!("said-{i}.wav"));
        let length = kiosk_speech::testing::render_wav(
            &kiosk_speech::Utterance::new(voice, text.clone()),
            &wav,
        )
        .unwrap_or_else(|e| panic!("espeak-ng could not say {text:?}: {e}"));
        let words = text.split_whitespace().count() as f64;
        let seconds = length.as_secs_f64();
        assert!(
            seconds > 0.1 * words && seconds < 1.5 * words,
            "{words} words said in {seconds:.2} s: {text:?}"
        );
        rendered += 1;
    }
    assert!(rendered > 10, "only {rendered} utterances rendered");
}

#[test]
fn in_dutch_booking_checking_in_and_a_number_work_with_the_keypad_and_speech_alone() {
    walk(Language::Dutch);
}

#[test]
fn in_french_booking_checking_in_and_a_number_work_with_the_keypad_and_speech_alone() {
    walk(Language::French);
}

#[test]
fn in_german_booking_checking_in_and_a_number_work_with_the_keypad_and_speech_alone() {
    walk(Language::German);
}

#[test]
fn in_english_booking_checking_in_and_a_number_work_with_the_keypad_and_speech_alone() {
    walk(Language::English);
}
