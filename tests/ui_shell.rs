//! The kiosk shell as a resident meets it: start screen, languages, the three actions with Back
//! and Start again, the idle warning, double taps, the keyboard and the fault screen.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use std::time::Duration;

use iced::keyboard::{Key, Modifiers, key::Named};
use kiosk::app::{App, GHOST_TAP_GUARD, Message};
use kiosk::screen::flow::Flow as _;
use kiosk::screen::{Screen, Service, fault};
use kiosk_core::i18n::Language;
use support::kiosk;

const AFTER_GUARD: Duration = Duration::from_millis(500);

/// The three action labels and the question on the start screen, per language.
const HOME_LABELS: [(Language, [&str; 4]); 4] = [
    (
        Language::Dutch,
        [
            "Waarmee kunnen we u helpen?",
            "Attest afdrukken",
            "Afspraak maken",
            "Ik heb een afspraak",
        ],
    ),
    (
        Language::French,
        [
            "Que souhaitez-vous faire ?",
            "Imprimer un certificat",
            "Prendre rendez-vous",
            "J'ai un rendez-vous",
        ],
    ),
    (
        Language::German,
        [
            "Wie können wir Ihnen helfen?",
            "Bescheinigung ausdrucken",
            "Termin vereinbaren",
            "Ich habe einen Termin",
        ],
    ),
    (
        Language::English,
        [
            "How can we help you?",
            "Print a certificate",
            "Book an appointment",
            "I have an appointment",
        ],
    ),
];

#[test]
fn home_shows_the_municipality_the_time_and_three_actions_in_dutch() {
    let kiosk = kiosk();
    for label in HOME_LABELS[0].1 {
        assert!(kiosk.shows(label), "home lacks {label:?}");
    }
    assert!(kiosk.shows("Gemeente Demodorp"));
    assert!(kiosk.shows("10:30"));
    assert!(kiosk.shows("zaterdag 28 november"));
    for name in ["Nederlands", "Français", "Deutsch", "English"] {
        assert!(kiosk.shows(name), "language bar lacks {name}");
    }
    assert!(
        !kiosk.shows("Terug"),
        "the start screen has nowhere to go back to"
    );
}

#[test]
fn every_language_switches_the_whole_start_screen() {
    let mut kiosk = kiosk();
    for (language, labels) in HOME_LABELS.iter().rev() {
        let name = kiosk_core::i18n::I18n::embedded()
            .unwrap()
            .text(*language, "language-name");
        kiosk.click(&name);
        assert_eq!(kiosk.session().language, *language);
        for label in labels {
            assert!(kiosk.shows(label), "{language}: home lacks {label:?}");
        }
        // The header's date, in this language's own words and order.
        assert!(
            kiosk.shows(today_in(*language)),
            "{language}: the date is not {:?}",
            today_in(*language)
        );
        for (other, other_labels) in &HOME_LABELS {
            if other != language {
                assert!(
                    !kiosk.shows(other_labels[1]),
                    "{language}: still shows {:?}",
                    other_labels[1]
                );
                assert!(
                    !kiosk.shows(today_in(*other)),
                    "{language}: still shows the date {:?}",
                    today_in(*other)
                );
            }
        }
    }
}

/// Saturday 28 November 2026, the test clock's day, as the header writes it.
fn today_in(language: Language) -> &'static str {
    match language {
        Language::Dutch => "zaterdag 28 november",
        Language::French => "samedi 28 novembre",
        Language::German => "Samstag, 28. November",
        Language::English => "Saturday 28 November",
    }
}

#[test]
fn each_action_opens_its_screen_with_back_and_start_again() {
    for (label, service) in [
        ("Attest afdrukken", Service::Certificate),
        ("Afspraak maken", Service::Booking),
        ("Ik heb een afspraak", Service::CheckIn),
    ] {
        let mut kiosk = kiosk();
        kiosk.click(label);
        let opened = match &kiosk.session().screen {
            Screen::Unavailable(s) => Some(s.service),
            Screen::Booking(_) => Some(Service::Booking),
            Screen::CheckIn(_) => Some(Service::CheckIn),
            Screen::Certificate(_) => Some(Service::Certificate),
            Screen::Home(_) | Screen::Staff(_) => None,
        };
        assert_eq!(opened, Some(service), "{label}");
        assert!(
            kiosk.shows("Terug") && kiosk.shows("Opnieuw beginnen"),
            "{label}"
        );

        kiosk.clock.advance(AFTER_GUARD);
        kiosk.click("Terug");
        assert!(
            matches!(kiosk.session().screen, Screen::Home(_)),
            "Back returns home"
        );

        kiosk.clock.advance(AFTER_GUARD);
        kiosk.click(label);
        kiosk.clock.advance(AFTER_GUARD);
        kiosk.click("Opnieuw beginnen");
        assert!(matches!(kiosk.session().screen, Screen::Home(_)));
        assert!(kiosk.session().history.is_empty());
    }
}

/// The test kiosk has no card reader: certificates fall back to "not on this kiosk, go to the
/// desk". With a reader (the demo card) the same button opens the certificate flow: see
/// `tests/certificate_demo.rs`.
#[test]
fn without_a_card_reader_certificates_send_residents_to_the_desk() {
    let mut kiosk = kiosk();
    kiosk.click("Attest afdrukken");
    assert!(
        matches!(&kiosk.session().screen, Screen::Unavailable(s) if s.service == Service::Certificate),
        "{:?}",
        kiosk.session().screen
    );
    assert!(
        kiosk.shows("Attest afdrukken"),
        "the screen is titled with the action"
    );
    assert!(kiosk.shows("Nog niet op deze kiosk"));
    assert!(kiosk.shows("Ga naar de balie"));
}

#[test]
fn switching_language_keeps_the_screen_and_the_way_back() {
    let mut kiosk = kiosk();
    kiosk.click("Attest afdrukken");
    kiosk.click("Deutsch");
    assert!(
        matches!(&kiosk.session().screen, Screen::Unavailable(s) if s.service == Service::Certificate)
    );
    assert!(kiosk.shows("Bescheinigung ausdrucken") && kiosk.shows("Zurück"));
    kiosk.clock.advance(AFTER_GUARD);
    kiosk.click("Zurück");
    assert!(matches!(kiosk.session().screen, Screen::Home(_)));
    assert_eq!(
        kiosk.session().language,
        Language::German,
        "only the idle reset restores Dutch"
    );
}

#[test]
fn a_double_tap_is_one_action() {
    let mut kiosk = kiosk();
    // Both taps of a double tap land on the start screen's button before it redraws.
    let messages: Vec<Message> = {
        let mut ui = kiosk.ui();
        ui.click("Attest afdrukken").unwrap();
        ui.click("Attest afdrukken").unwrap();
        ui.into_messages().collect()
    };
    assert_eq!(messages.len(), 2);
    kiosk.deliver(messages);
    assert_eq!(kiosk.session().history.len(), 1, "one tap, one screen");

    // The second tap of a double tap lands on the new screen: ignored while it is fresh.
    kiosk.clock.advance(GHOST_TAP_GUARD / 2);
    kiosk.click("Terug");
    assert!(
        matches!(kiosk.session().screen, Screen::Unavailable(_)),
        "ghost tap ignored"
    );
    kiosk.clock.advance(GHOST_TAP_GUARD);
    kiosk.click("Terug");
    assert!(
        matches!(kiosk.session().screen, Screen::Home(_)),
        "a deliberate tap works"
    );
}

#[test]
fn idle_warning_counts_down_and_more_time_keeps_the_session() {
    let mut kiosk = kiosk();
    kiosk.click("English");
    kiosk.click("Print a certificate");
    kiosk.wait(Duration::from_secs(59));
    assert!(!kiosk.shows("Are you still there?"));

    kiosk.wait(Duration::from_secs(1));
    assert!(kiosk.shows("Are you still there?"));
    assert!(kiosk.shows("20"));
    kiosk.wait(Duration::from_secs(15));
    assert!(kiosk.shows("5"));

    kiosk.click("I need more time");
    assert!(!kiosk.shows("Are you still there?"));
    assert_eq!(kiosk.session().language, Language::English);
    assert!(
        matches!(kiosk.session().screen, Screen::Unavailable(_)),
        "nothing was lost"
    );
}

#[test]
fn idle_timeout_returns_home_in_dutch_with_nothing_kept() {
    let mut kiosk = kiosk();
    kiosk.click("Français");
    kiosk.click("Prendre rendez-vous");
    kiosk.send(Message::Key(Key::Named(Named::Tab), Modifiers::empty()));
    kiosk.wait(Duration::from_secs(60));
    assert!(kiosk.shows("Êtes-vous toujours là ?"));
    kiosk.wait(Duration::from_secs(20));
    let session = kiosk.session();
    assert!(matches!(session.screen, Screen::Home(_)));
    assert_eq!(session.language, Language::Dutch);
    assert!(session.history.is_empty() && session.focus.is_none());
    assert!(kiosk.shows("Waarmee kunnen we u helpen?"));
    assert!(!kiosk.shows("Bent u er nog?"));
}

#[test]
fn any_touch_counts_as_presence() {
    let mut kiosk = kiosk();
    // A session begun: the idle time runs.
    kiosk.click("English");
    kiosk.wait(Duration::from_secs(50));
    kiosk.send(Message::Activity);
    kiosk.wait(Duration::from_secs(50));
    assert!(
        !kiosk.shows("Are you still there?"),
        "the touch restarted the idle time"
    );
    kiosk.wait(Duration::from_secs(10));
    assert!(kiosk.shows("Are you still there?"), "without it, it ends");
}

#[test]
fn an_untouched_start_screen_asks_nobody_anything_and_takes_the_first_tap() {
    let mut kiosk = kiosk();
    kiosk.wait(Duration::from_secs(60));
    assert!(
        !kiosk.shows("Bent u er nog?"),
        "an empty lobby is not asked"
    );
    kiosk.wait(Duration::from_secs(3600));
    // The next resident's first tap, within the ghost-tap guard of the last tick, is taken:
    // an idle start screen is not a new screen every second.
    kiosk.clock.advance(GHOST_TAP_GUARD / 4);
    kiosk.click("Afspraak maken");
    assert!(
        matches!(kiosk.session().screen, Screen::Booking(_)),
        "the first tap opened booking"
    );
}

#[test]
fn the_keyboard_reaches_and_activates_every_action() {
    let mut kiosk = kiosk();
    let tab = || Message::Key(Key::Named(Named::Tab), Modifiers::empty());
    let enter = || Message::Key(Key::Named(Named::Enter), Modifiers::empty());
    kiosk.send(tab());
    kiosk.send(tab());
    kiosk.send(enter());
    assert!(
        matches!(&kiosk.session().screen, Screen::Booking(_)),
        "the second action is booking"
    );
    // Shift+Tab from nothing wraps to the last target: Start again.
    kiosk.clock.advance(AFTER_GUARD);
    kiosk.send(Message::Key(Key::Named(Named::Tab), Modifiers::SHIFT));
    kiosk.send(enter());
    assert!(matches!(kiosk.session().screen, Screen::Home(_)));
    // Escape is Back.
    kiosk.clock.advance(AFTER_GUARD);
    kiosk.send(tab());
    kiosk.send(enter());
    kiosk.clock.advance(AFTER_GUARD);
    kiosk.send(Message::Key(Key::Named(Named::Escape), Modifiers::empty()));
    assert!(matches!(kiosk.session().screen, Screen::Home(_)));
}

#[test]
fn the_fault_screen_tells_residents_and_staff_what_to_do() {
    let state = fault::State {
        file: Some("/etc/kiosk/kiosk.toml".into()),
        details: vec!["/etc/kiosk/kiosk.toml:21: kiosk.idle_timeout_s: 0 is out of range".into()],
    };
    let app = App::fault(support::i18n(), state);
    let mut ui =
        iced_test::Simulator::with_size(support::settings(), support::PORTRAIT, app.view());
    for text in [
        "Deze kiosk is even buiten gebruik",
        "Cette borne est momentanément hors service",
        "Dieses Terminal ist vorübergehend außer Betrieb",
        "This kiosk is out of order for a moment",
        "/etc/kiosk/kiosk.toml:21: kiosk.idle_timeout_s: 0 is out of range",
        "Pas het bestand aan en herstart de kiosk. Controleer eerst met: kiosk --check-config /etc/kiosk/kiosk.toml",
    ] {
        assert!(ui.find(text).is_ok(), "fault screen lacks {text:?}");
    }
}

#[test]
fn a_printer_without_paper_is_announced_on_the_start_screen_only() {
    use kiosk_core::print::PrinterStatus;
    let mut kiosk = kiosk();
    let line = "De ticketprinter heeft geen papier meer. Uw ticket krijgt u aan de balie.";
    assert!(!kiosk.shows(line));
    kiosk.send(Message::PrinterStatus(PrinterStatus::PaperOut));
    assert!(kiosk.shows(line));
    kiosk.click("English");
    assert!(kiosk.shows("The ticket printer is out of paper. Please get your ticket at the desk."));
    kiosk.click("Book an appointment");
    assert!(
        !kiosk.shows("The ticket printer is out of paper. Please get your ticket at the desk.")
    );
    kiosk.clock.advance(AFTER_GUARD);
    kiosk.click("Back");
    kiosk.send(Message::PrinterStatus(PrinterStatus::Unreachable(
        "connection refused".into(),
    )));
    assert!(
        kiosk.shows(
            "The ticket printer is not working right now. Please get your ticket at the desk."
        )
    );
    kiosk.send(Message::PrinterStatus(PrinterStatus::PaperNearEnd));
    assert!(
        !kiosk.shows(
            "The ticket printer is not working right now. Please get your ticket at the desk."
        )
    );
}

#[test]
fn the_start_screen_says_when_the_town_hall_cannot_be_reached() {
    use kiosk_core::sync::{ConnectionState, Link};
    let mut kiosk = kiosk();
    let line =
        "Geen verbinding met het gemeentehuis. Een afspraak maken kan nu niet; inchecken wel.";
    let mut state = ConnectionState::new();
    kiosk.send(Message::Connection(state.clone()));
    assert!(!kiosk.shows(line), "still starting is not offline");
    state.link = Link::Offline {
        since: kiosk.clock_now(),
    };
    kiosk.send(Message::Connection(state.clone()));
    assert!(kiosk.shows(line));
    state.link = Link::Online {
        since: kiosk.clock_now(),
    };
    kiosk.send(Message::Connection(state));
    assert!(!kiosk.shows(line));
}

#[test]
fn a_keyboard_wedge_scanner_on_the_start_screen_opens_check_in_with_its_code() {
    let mut kiosk = kiosk();
    for c in "KB1-ABCDE23456-0123456789abcdef0123456789abcdef".chars() {
        kiosk.send(Message::Key(
            Key::Character(c.to_string().into()),
            Modifiers::empty(),
        ));
    }
    assert!(
        matches!(kiosk.session().screen, Screen::Home(_)),
        "nothing happens before Enter"
    );
    kiosk.send(Message::Key(Key::Named(Named::Enter), Modifiers::empty()));
    let Screen::CheckIn(flow) = &kiosk.session().screen else {
        panic!("a scan opens check-in");
    };
    assert_eq!(flow.step(), kiosk::screen::checkin::Step::LookingUp);
}

/// The window's size, as iced reports it in the kiosk's own scaled units, fits the whole kiosk
/// to the screen: a 1280 x 720 panel draws the 1920 x 1080 layout at two thirds, and the same
/// screen reported again in the new units keeps that scale.
#[test]
fn the_kiosk_scales_to_the_screen_it_is_given() {
    let mut kiosk = support::kiosk();
    assert_eq!(kiosk.app.scale_factor(), 1.0);
    kiosk.send(Message::WindowResized(iced::Size::new(1280.0, 720.0)));
    let scale = kiosk.app.scale_factor();
    assert!((scale - 720.0 / 1080.0).abs() < 0.001, "{scale}");
    kiosk.send(Message::WindowResized(iced::Size::new(
        1280.0 / scale,
        720.0 / scale,
    )));
    assert!((kiosk.app.scale_factor() - scale).abs() < 0.001);
    // The design's own screen: back to full size.
    kiosk.send(Message::WindowResized(iced::Size::new(
        1080.0 / scale,
        1920.0 / scale,
    )));
    assert_eq!(kiosk.app.scale_factor(), 1.0);
}
