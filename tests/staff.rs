//! The staff screen: five quick taps on the clock, the staff code typed unseen, then the status
//! of printer and backend link, a test ticket, a reprint of the last ticket, restarting the
//! kiosk and closing the program.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use std::sync::Arc;
use std::time::Duration;

use iced::futures::StreamExt;
use kiosk::app::{Message, Reply, Services, Tap};
use kiosk::focus::FocusId;
use kiosk::printer_watch::PrinterWatch;
use kiosk::screen::flow::Flow as _;
use kiosk::screen::{Screen, staff};
use kiosk_core::clock::ManualClock;
use kiosk_core::i18n::Language;
use kiosk_core::print::{
    Journal, PrinterStatus, Spooler, TicketPrinter, TicketPrinterConfig, TransportConfig,
};
use support::driver::Driver;
use support::{LANDSCAPE, PORTRAIT, kiosk};

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
fn the_code_is_never_shown_and_wrong_codes_count_across_openings_then_make_it_wait() {
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
    assert!(kiosk.shows("Verkeerde code. Nog 4 pogingen."));
    type_code(&mut kiosk, "0000");
    assert!(kiosk.shows("Verkeerde code. Nog 3 pogingen."));
    // Leaving and opening the screen again does not give the tries back.
    leave_and_reopen(&mut kiosk);
    assert_eq!(step(&kiosk), Some(staff::Step::Pin));
    type_code(&mut kiosk, "1111");
    assert!(kiosk.shows("Verkeerde code. Nog 2 pogingen."));
    type_code(&mut kiosk, "2222");
    type_code(&mut kiosk, "3333");
    // The fifth wrong code: half a minute before any code is checked again.
    assert_eq!(step(&kiosk), Some(staff::Step::Locked));
    let Screen::Staff(panel) = &kiosk.session().screen else {
        panic!("not the staff screen");
    };
    let until = panel.guard().locked_until.expect("a wait");
    let wait = until.duration_since(kiosk.clock_now().timestamp());
    assert!(
        (25..=30).contains(&wait.as_secs()),
        "half a minute to wait, not {wait:?}"
    );
    let until = until.to_zoned_datetime(kiosk.clock_now().time_zone().clone());
    assert!(kiosk.shows(&format!(
        "Te veel verkeerde codes. Probeer opnieuw na {}.",
        until.strftime("%H:%M:%S")
    )));
    leave_and_reopen(&mut kiosk);
    assert_eq!(step(&kiosk), Some(staff::Step::Locked), "still waiting");
    // After the wait the right code opens the panel and clears the count.
    kiosk.wait(Duration::from_secs(30));
    leave_and_reopen(&mut kiosk);
    assert_eq!(step(&kiosk), Some(staff::Step::Pin));
    type_code(&mut kiosk, "2468");
    assert_eq!(step(&kiosk), Some(staff::Step::Panel));
    leave_and_reopen(&mut kiosk);
    type_code(&mut kiosk, "0000");
    assert!(kiosk.shows("Verkeerde code. Nog 4 pogingen."));
}

/// Start again, then five quick taps on the clock.
fn leave_and_reopen(kiosk: &mut support::Kiosk) {
    kiosk.clock.advance(Duration::from_secs(1));
    kiosk.send(Message::Tap(Tap::StartAgain));
    assert_eq!(step(kiosk), None);
    kiosk.clock.advance(Duration::from_secs(1));
    kiosk.wait(Duration::ZERO);
    let time = kiosk.clock_now().strftime("%H:%M").to_string();
    for _ in 0..5 {
        kiosk.click(&time);
        kiosk.clock.advance(Duration::from_millis(100));
    }
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
    kiosk.send(Message::Reply(Reply::Staff(staff::Reply::TestPrinted(
        Err(()),
    ))));
    assert!(kiosk.shows("Het testticket is niet afgedrukt. Kijk de printer na."));
    kiosk.send(Message::Reply(Reply::Staff(staff::Reply::TestPrinted(Ok(
        (),
    )))));
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

fn open_panel(kiosk: &mut support::Kiosk) {
    tap_clock(kiosk, 5, Duration::from_millis(100));
    type_code(kiosk, "2468");
    assert_eq!(step(kiosk), Some(staff::Step::Panel));
}

/// The staff panel opened as staff open it, on a kiosk with real services: five taps on the
/// clock, the shipped code, Klaar.
fn open_panel_with(driver: &mut Driver) {
    for _ in 0..5 {
        driver.click("10:30");
    }
    driver.type_text("2468");
    driver.click("Klaar");
}

fn at(time: &str) -> jiff::ZonedDateTime {
    format!("2026-11-28T{time}:00+01:00[Europe/Brussels]")
        .parse()
        .unwrap()
}

/// Every text of the panel in `language`, with the longest lines it can show, must lie wholly
/// on screen in portrait and landscape.
fn assert_panel_fits(kiosk: &mut support::Kiosk, language: Language, words: [&str; 10]) {
    kiosk.send(Message::Language(language));
    let [
        test,
        test_failed,
        reprint,
        last,
        reprint_failed,
        restart,
        by_hand,
        close,
        facts @ ..,
    ] = words;
    let fits = |kiosk: &support::Kiosk, text: &str| {
        support::shows_inside(text, [PORTRAIT, LANDSCAPE], |size| kiosk.ui_sized(size))
    };
    kiosk.send(Message::Reply(Reply::Staff(staff::Reply::Reprinted(
        staff::ReprintOutcome::NotPrinted,
    ))));
    for text in [test, reprint, last, reprint_failed, restart, close]
        .into_iter()
        .chain(facts)
    {
        assert!(
            fits(kiosk, text),
            "{language:?}: the staff panel lacks {text:?}"
        );
    }
    assert_eq!(
        fits(kiosk, by_hand),
        !staff::restart::supervised(),
        "{language:?}: the line on starting again by hand shows only without a service manager"
    );
    kiosk.send(Message::Reply(Reply::Staff(staff::Reply::TestPrinted(
        Err(()),
    ))));
    assert!(fits(kiosk, test_failed), "{language:?}: {test_failed:?}");
    assert!(
        !kiosk.shows(reprint_failed),
        "{language:?}: one line tells how the latest print went"
    );
}

#[test]
fn reprint_and_restart_fit_the_panel_in_portrait_and_landscape_in_every_language() {
    let mut kiosk = kiosk();
    kiosk.send(Message::PrinterStatus(PrinterStatus::PaperNearEnd));
    open_panel(&mut kiosk);
    kiosk.send(Message::Reply(Reply::Staff(staff::Reply::LastTicket(
        Some(staff::LastTicket {
            kind: staff::TicketKind::Queue,
            printed_at: at("10:42"),
        }),
    ))));
    assert_panel_fits(
        &mut kiosk,
        Language::Dutch,
        [
            "Testticket afdrukken",
            "Het testticket is niet afgedrukt. Kijk de printer na.",
            "Laatste ticket opnieuw afdrukken",
            "Laatste ticket: volgnummer van 10:42",
            "Het ticket is niet afgedrukt. Kijk de printer na.",
            "Kiosk herstarten",
            "De kiosk sluit en start niet vanzelf opnieuw: start hem daarna zelf.",
            "Kioskprogramma sluiten",
            "Wachtrij naar de server",
            "Geen: attesten worden niet aangeboden",
        ],
    );
    assert_panel_fits(
        &mut kiosk,
        Language::French,
        [
            "Imprimer un ticket de test",
            "Le ticket de test n'est pas imprimé. Vérifiez l'imprimante.",
            "Réimprimer le dernier ticket",
            "Dernier ticket : numéro d'attente de 10:42",
            "Le ticket n'est pas imprimé. Vérifiez l'imprimante.",
            "Redémarrer la borne",
            "La borne se ferme et ne redémarre pas d'elle-même : relancez-la ensuite.",
            "Fermer le programme de la borne",
            "File vers le serveur",
            "Aucun : les certificats ne sont pas proposés",
        ],
    );
    assert_panel_fits(
        &mut kiosk,
        Language::German,
        [
            "Testticket drucken",
            "Das Testticket wurde nicht gedruckt. Prüfen Sie den Drucker.",
            "Letztes Ticket erneut drucken",
            "Letztes Ticket: Wartenummer von 10:42",
            "Das Ticket wurde nicht gedruckt. Prüfen Sie den Drucker.",
            "Terminal neu starten",
            "Das Terminal schließt sich und startet nicht von selbst neu: Starten Sie es danach \
             selbst.",
            "Terminalprogramm schließen",
            "Warteschlange zum Server",
            "Keiner: Bescheinigungen werden nicht angeboten",
        ],
    );
    // The last fact (speech) still shows in German when the printer's line takes two.
    kiosk.send(Message::PrinterStatus(PrinterStatus::NotReported));
    for fact in [
        "Der Drucker meldet keinen Status.",
        "in kiosk.toml ausgeschaltet",
    ] {
        assert!(
            support::shows_inside(fact, [PORTRAIT, LANDSCAPE], |size| kiosk.ui_sized(size)),
            "the staff panel lacks {fact:?}"
        );
    }
    // Left for a person to look at, in German (the longest words), with its longest lines.
    kiosk.send(Message::Reply(Reply::Staff(staff::Reply::Reprinted(
        staff::ReprintOutcome::NotPrinted,
    ))));
    let dir = support::screens_dir("staff").display().to_string();
    let theme = kiosk.app.theme();
    for (size, orientation) in [(PORTRAIT, "portrait"), (LANDSCAPE, "landscape")] {
        let path = format!("{dir}/panel-{orientation}.png");
        // iced names the file after its renderer; the last run's image is replaced.
        let _ = std::fs::remove_file(format!("{dir}/panel-{orientation}-tiny-skia.png"));
        let snapshot = kiosk.ui_sized(size).snapshot(&theme).unwrap();
        assert!(snapshot.matches_image(&path).unwrap(), "{path} written");
    }
    assert_panel_fits(
        &mut kiosk,
        Language::English,
        [
            "Print a test ticket",
            "The test ticket was not printed. Check the printer.",
            "Reprint the last ticket",
            "Last ticket: queue number of 10:42",
            "The ticket was not printed. Check the printer.",
            "Restart the kiosk",
            "The kiosk will close and not start again by itself: start it again by hand.",
            "Close the kiosk program",
            "Queue to the server",
            "None: certificates are not offered",
        ],
    );
}

#[test]
fn the_last_ticket_is_named_by_kind_and_time_and_the_outcome_is_told() {
    let mut kiosk = kiosk();
    open_panel(&mut kiosk);
    kiosk.send(Message::Reply(Reply::Staff(staff::Reply::LastTicket(None))));
    assert!(kiosk.shows("Nog geen volgnummer of afspraakticket afgedrukt."));
    kiosk.send(Message::Reply(Reply::Staff(staff::Reply::LastTicket(
        Some(staff::LastTicket {
            kind: staff::TicketKind::Booking,
            printed_at: at("09:05"),
        }),
    ))));
    assert!(kiosk.shows("Laatste ticket: afspraakticket van 09:05"));
    let yesterday = staff::LastTicket {
        kind: staff::TicketKind::Queue,
        printed_at: "2026-11-27T16:05:00+01:00[Europe/Brussels]"
            .parse()
            .unwrap(),
    };
    assert_eq!(
        yesterday.time_text(&kiosk.clock_now()),
        "27/11 16:05",
        "an older ticket says its day"
    );

    kiosk.clock.advance(Duration::from_millis(500));
    kiosk.click("Laatste ticket opnieuw afdrukken");
    kiosk.send(Message::Reply(Reply::Staff(staff::Reply::Reprinted(
        staff::ReprintOutcome::Nothing,
    ))));
    assert!(kiosk.shows("Er is geen ticket om opnieuw af te drukken."));
    assert!(
        kiosk.shows("Nog geen volgnummer of afspraakticket afgedrukt."),
        "what the panel offers follows the journal's answer"
    );
    kiosk.send(Message::Reply(Reply::Staff(staff::Reply::Reprinted(
        staff::ReprintOutcome::Reprinted,
    ))));
    assert!(kiosk.shows("Het ticket is opnieuw afgedrukt."));
}

#[test]
fn the_journal_names_only_tickets_residents_take_away() {
    let zone = jiff::tz::TimeZone::get("Europe/Brussels").unwrap();
    let last = staff::LastTicket::from_journal("queue", "2026-11-28T09:42:00Z", &zone).unwrap();
    assert_eq!(
        (last.kind, last.printed_at.hour(), last.printed_at.minute()),
        (staff::TicketKind::Queue, 10, 42),
        "the journal's UTC time in the kiosk's zone"
    );
    for kind in ["test", "reprint", "booking_confirmation"] {
        assert_eq!(
            staff::LastTicket::from_journal(kind, "2026-11-28T09:42:00Z", &zone),
            None
        );
    }
    let again = staff::LastTicket::from_journal("queue-again", "2026-11-28T09:42:00Z", &zone);
    assert_eq!(
        again.map(|t| t.kind),
        Some(staff::TicketKind::Queue),
        "a number printed again at the resident's request is a queue ticket"
    );
    assert_eq!(staff::RESIDENT_KINDS, ["queue", "queue-again", "booking"]);
}

/// The ticket files the folder printer wrote, in print order.
fn tickets(dir: &std::path::Path) -> Vec<Vec<u8>> {
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|path| std::fs::read(path).unwrap())
        .collect()
}

#[test]
fn a_tap_on_reprint_prints_the_last_residents_ticket_again_on_the_printer() {
    let dir = tempfile::tempdir().unwrap();
    let runtime = support::runtime();
    let journal = Arc::new(Journal::open(&dir.path().join("print-journal.sqlite")).unwrap());
    let folder = dir.path().join("tickets");
    std::fs::create_dir(&folder).unwrap();
    let mut printer = TicketPrinterConfig::new(TransportConfig::File {
        path: folder.clone(),
    });
    printer.settle_ms = 0;
    let spooler = Arc::new(Spooler::new(
        TicketPrinter::new(printer).unwrap(),
        journal,
        "ticket",
    ));
    // A resident's queue ticket, then the desk's test ticket: the reprint must skip the latter.
    let queue_ticket = b"\x1b@Uw volgnummer\nB007\n\x1dV\x00".to_vec();
    runtime
        .block_on(spooler.print("queue", queue_ticket.clone()))
        .unwrap();
    runtime
        .block_on(spooler.print("test", b"\x1b@Testticket\n".to_vec()))
        .unwrap();
    assert_eq!(tickets(&folder).len(), 2);

    let services = Services {
        printer: Some(PrinterWatch::new(Arc::clone(&spooler))),
        ..Services::default()
    };
    let start: jiff::ZonedDateTime = "2026-11-28T10:30:00+01:00[Europe/Brussels]"
        .parse()
        .unwrap();
    let clock = ManualClock::new(start);
    let config = Arc::new(support::shipped_config());
    let mut driver = Driver::new(config, clock, services, runtime.handle().clone());
    open_panel_with(&mut driver);
    // The journal's answer came back through the root: the queue ticket, at its real time.
    let record = spooler
        .last_of_kinds(&staff::RESIDENT_KINDS)
        .unwrap()
        .unwrap();
    let zone = driver.now().time_zone().clone();
    let last = staff::LastTicket::from_journal(&record.kind, &record.created_at, &zone).unwrap();
    driver.assert_shows(&format!(
        "Laatste ticket: volgnummer van {}",
        last.time_text(&driver.now())
    ));

    driver.click("Laatste ticket opnieuw afdrukken");
    driver.assert_shows("Het ticket is opnieuw afgedrukt.");
    let printed = tickets(&folder);
    assert_eq!(printed.len(), 3, "one more ticket came out");
    assert_eq!(printed[2], queue_ticket, "the same bytes as the resident's");
    let copy = spooler.journal().open_jobs("ticket").unwrap();
    assert!(copy.is_empty(), "the copy is journaled as printed");
}

#[test]
fn restart_is_always_offered_and_ends_the_program_with_its_own_exit_code() {
    let mut config = support::shipped_config();
    config.staff.allow_exit = false;
    let mut kiosk = support::kiosk_with(config);
    open_panel(&mut kiosk);
    assert!(kiosk.shows("Kiosk herstarten"));
    assert!(
        !kiosk.shows("Kioskprogramma sluiten"),
        "closing stays behind allow_exit"
    );
    let targets: Vec<_> = kiosk
        .app
        .as_kiosk()
        .unwrap()
        .focus_targets()
        .into_iter()
        .filter_map(|(id, message)| match (id, message) {
            (FocusId::Content(n), Message::Tap(Tap::Staff(message))) => Some((n, message)),
            _ => None,
        })
        .collect();
    assert_eq!(
        targets,
        [
            (4, staff::Message::OpenSettings),
            (0, staff::Message::TestPrint),
            (1, staff::Message::Reprint),
            (2, staff::Message::Restart),
        ],
        "the keyboard reaches the buttons shown, in the order shown"
    );

    kiosk.clock.advance(Duration::from_millis(500));
    let messages: Vec<Message> = {
        let mut ui = kiosk.ui();
        ui.click("Kiosk herstarten").unwrap();
        ui.into_messages().collect()
    };
    assert!(
        matches!(
            messages.as_slice(),
            [Message::Tap(Tap::Staff(staff::Message::Restart))]
        ),
        "{messages:?}"
    );
    assert_eq!(
        staff::restart::exit_code(),
        0,
        "nothing asked a restart before the tap"
    );
    let task = kiosk.app.update(messages.into_iter().next().unwrap());
    assert_eq!(staff::restart::exit_code(), 75, "what main returns");
    assert_eq!(
        staff::restart::exit_code(),
        staff::restart::RESTART_EXIT_CODE
    );
    let mut actions = iced_test::runtime::task::into_stream(task).expect("a task");
    let first = iced::futures::executor::block_on(actions.next());
    assert!(
        matches!(first, Some(iced_test::runtime::Action::Exit)),
        "the root ends the program"
    );
}

#[test]
fn with_allow_exit_the_keyboard_reaches_close_after_restart() {
    let mut kiosk = kiosk();
    open_panel(&mut kiosk);
    let contents: Vec<_> = kiosk
        .app
        .as_kiosk()
        .unwrap()
        .focus_targets()
        .into_iter()
        .filter_map(|(id, message)| match id {
            FocusId::Content(n) => Some((n, message)),
            _ => None,
        })
        .collect();
    assert!(matches!(
        contents.as_slice(),
        [
            (4, Message::Tap(Tap::Staff(staff::Message::OpenSettings))),
            (0, Message::Tap(Tap::Staff(staff::Message::TestPrint))),
            (1, Message::Tap(Tap::Staff(staff::Message::Reprint))),
            (2, Message::Tap(Tap::Staff(staff::Message::Restart))),
            (3, Message::Tap(Tap::Staff(staff::Message::CloseKiosk))),
        ]
    ));
}

/// Without speech-dispatcher the panel says that speech is unavailable, on a line that fits the
/// facts in both orientations even in German with the printer's longest state; the kiosk works
/// on. A real speech service pointed at a socket where no daemon listens.
#[test]
fn the_panel_says_when_speech_is_unavailable() {
    let runtime = support::runtime();
    let dir = tempfile::tempdir().unwrap();
    let speech = kiosk_speech::Speech::start(&kiosk_speech::SpeechConfig {
        enabled: true,
        socket: Some(dir.path().join("no-daemon.sock")),
        rate: 0,
    });
    let deadline = std::time::Instant::now() + Duration::from_secs(10);
    while !matches!(
        speech.status(),
        kiosk_speech::SpeechStatus::Unavailable { .. }
    ) {
        assert!(
            std::time::Instant::now() < deadline,
            "status {:?} after 10 s without a daemon",
            speech.status()
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    let services = Services {
        speech: Some(speech),
        ..Services::default()
    };
    let clock = ManualClock::new(at("10:30"));
    let config = Arc::new(support::shipped_config());
    let mut driver = Driver::new(config, clock, services, runtime.handle().clone());
    open_panel_with(&mut driver);
    driver.click("Deutsch");
    driver.send(Message::PrinterStatus(PrinterStatus::NotReported));
    for fact in [
        "⚠ nicht verfügbar (Grund im Protokoll)",
        "Der Drucker meldet keinen Status.",
    ] {
        assert!(
            support::shows_inside(fact, [PORTRAIT, LANDSCAPE], |size| {
                iced_test::Simulator::with_size(support::settings(), size, driver.app.view())
            }),
            "the staff panel lacks {fact:?}"
        );
    }
}
