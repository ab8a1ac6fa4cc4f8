//! Checking in as a resident meets it: the check-in screens driven as the root drives them,
//! results fed back as messages, every screen looked at in portrait and landscape.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use support::flow::{Harness, LANDSCAPE, PORTRAIT};

use std::sync::Arc;

use jiff::ZonedDateTime;

use kiosk::screen::checkin::{
    Action, Failure, Message, PrintFailure, QueueTicketInfo, Reply, State, Step,
};
use kiosk::screen::flow::Flow as _;
use kiosk_api::{
    ArrivalWindow, Booking, BookingStatus, Catalogue, LocalizedText, Location, Product, rfc3339,
};
use kiosk_core::i18n::{I18n, Language};

const CODE: &str = "K7PX3MQ9RT";
const QR: &str = "KB1-K7PX3MQ9RT-0123456789abcdef0123456789abcdef";

fn text(nl: &str, fr: &str, de: &str, en: &str) -> LocalizedText {
    LocalizedText {
        nl: nl.into(),
        fr: fr.into(),
        de: de.into(),
        en: en.into(),
    }
}

fn at(rfc: &str) -> ZonedDateTime {
    rfc3339::parse(rfc).unwrap()
}

fn catalogue() -> Arc<Catalogue> {
    Arc::new(Catalogue {
        locations: vec![Location {
            id: "loc-centre".into(),
            name: text(
                "Gemeentehuis",
                "Maison communale",
                "Gemeindehaus",
                "Town hall",
            ),
            address: kiosk_api::Address {
                street: "Marktplein 1".into(),
                postal_code: "9999".into(),
                municipality: "Demodorp".into(),
            },
            timezone: "Europe/Brussels".into(),
            desks: 2,
            opening_hours: Vec::new(),
            closures: Vec::new(),
        }],
        products: vec![Product {
            id: "eid".into(),
            name: text(
                "Identiteitskaart aanvragen",
                "Demander une carte d'identité",
                "Personalausweis beantragen",
                "Apply for an identity card",
            ),
            duration_min: 15,
            extra_duration_per_person_min: 10,
            max_persons: 1,
            required_customer_fields: Vec::new(),
            queue_service_id: "B".into(),
            arrival_window: ArrivalWindow {
                before_min: 30,
                after_min: 10,
            },
            location_ids: vec!["loc-centre".into()],
            bring: Vec::new(),
        }],
        certificate_types: Vec::new(),
        queue_services: Vec::new(),
    })
}

/// Synthetic: Tuesday 1 December 2026 at 10:30.
fn booking() -> Booking {
    Booking {
        id: uuid::Uuid::from_u128(0x1234),
        code: CODE.into(),
        qr_payload: QR.into(),
        status: BookingStatus::Confirmed,
        hold_expires_at: None,
        location_id: "loc-centre".into(),
        product_id: "eid".into(),
        persons: 1,
        start: at("2026-12-01T10:30:00+01:00"),
        end: at("2026-12-01T10:45:00+01:00"),
    }
}

fn ticket() -> QueueTicketInfo {
    QueueTicketInfo {
        number: "B007".into(),
        service: text("Reispassen", "Passeports", "Reisepässe", "Passports"),
        people_ahead: Some(3),
        estimated_wait_min: Some(15),
        booked_start: Some(at("2026-12-01T10:30:00+01:00")),
        offline: false,
        already: false,
    }
}

/// The check-in screens as the root drives them.
type Flow = Harness<State>;

impl Harness<State> {
    fn new() -> Self {
        Self::with(State::new(true).with_catalogue(catalogue()))
    }

    /// Tuesday 1 December 2026, 10:20 in Brussels, in English.
    fn with(state: State) -> Self {
        Self::at(
            state,
            Language::English,
            "2026-12-01T10:20:00+01:00[Europe/Brussels]",
        )
    }

    /// Started by a scan on the start screen: the lookup is asked at once.
    fn scanned() -> Self {
        let (state, action) = State::scanned(QR.into(), true);
        let mut flow = Self::with(state.with_catalogue(catalogue()));
        assert_eq!(action, Action::Lookup { code: QR.into() });
        flow.actions.push(action);
        flow
    }

    /// The number's height on screen in both orientations.
    fn number_height(&self, number: &str) -> f32 {
        [PORTRAIT, LANDSCAPE]
            .into_iter()
            .map(|size| self.ui(size).find(number).unwrap().bounds().height)
            .fold(f32::INFINITY, f32::min)
    }

    fn check_ins(&self) -> usize {
        self.actions
            .iter()
            .filter(|a| matches!(a, Action::CheckIn { .. }))
            .count()
    }

    /// From a scan to the ticket printing.
    fn reach_ticket(&mut self) {
        self.answer(Reply::LookedUp(Ok(booking())));
        assert_eq!(
            self.click("Take my queue number"),
            Action::CheckIn { code: QR.into() }
        );
        let action = self.answer(Reply::CheckedIn(Ok(ticket())));
        assert_eq!(action, Action::PrintQueueTicket { ticket: ticket() });
    }
}

#[test]
fn a_scan_shows_the_appointment_and_the_printed_ticket_shows_the_number_large() {
    let mut flow = Flow::scanned();
    assert_eq!(flow.state.step(), Step::LookingUp);
    flow.assert_shows("One moment, we are looking up your appointment…");
    flow.answer(Reply::LookedUp(Ok(booking())));
    flow.assert_shows("Your appointment");
    flow.assert_shows("Apply for an identity card");
    flow.assert_shows("Tuesday 1 December, 10:30");
    flow.assert_shows("Take my queue number");
    flow.assert_shows("Cancel this appointment");
    flow.language = Language::Dutch;
    flow.assert_shows("dinsdag 1 december, 10:30");
    flow.assert_shows("Identiteitskaart aanvragen");
    flow.language = Language::English;

    assert_eq!(
        flow.click("Take my queue number"),
        Action::CheckIn { code: QR.into() }
    );
    flow.assert_shows("One moment, we are checking you in…");
    let action = flow.answer(Reply::CheckedIn(Ok(ticket())));
    assert!(matches!(&action, Action::PrintQueueTicket { ticket } if ticket.number == "B007"));
    flow.assert_shows("B007");
    flow.assert_shows("Your ticket is printing…");
    flow.assert_hides("Finished");
    assert_eq!(
        flow.state.back(),
        Some(Action::None),
        "the number stays while printing"
    );

    flow.answer(Reply::Printed(Ok(())));
    flow.assert_shows("Your queue number");
    flow.assert_shows("B007");
    flow.assert_shows("Passports");
    flow.assert_shows("3 people are waiting before you.");
    flow.assert_shows("Expected wait: about 15 minutes.");
    flow.assert_shows("Watch the screen in the waiting room: your number will appear there.");
    flow.assert_shows("Take your ticket from the printer.");
    let height = flow.number_height("B007");
    assert!(
        height >= 250.0,
        "the number is as large as the screen allows: {height}"
    );
    assert_eq!(flow.click("Finished"), Action::Done);
}

#[test]
fn a_typed_code_is_checked_then_looked_up() {
    let mut flow = Flow::new();
    flow.assert_shows("Hold the QR code of your appointment under the scanner");
    flow.click("Type my code");
    assert_eq!(flow.state.step(), Step::Typing);
    flow.assert_shows("Type the code of your appointment");
    for c in "K7PX3".chars() {
        flow.click(&c.to_string());
    }
    // The landscape keypad types the same.
    for c in "MQ9R".chars() {
        flow.click_in(&c.to_string(), LANDSCAPE);
    }
    assert_eq!(flow.click("Done"), Action::None);
    flow.assert_shows("An appointment code has 10 characters. Some are missing.");
    flow.click("T");
    flow.assert_hides("An appointment code has 10 characters. Some are missing.");
    flow.assert_shows(CODE);
    assert_eq!(flow.click("Done"), Action::Lookup { code: CODE.into() });
    flow.answer(Reply::LookedUp(Ok(booking())));
    assert_eq!(
        flow.click("Take my queue number"),
        Action::CheckIn { code: CODE.into() }
    );
}

#[test]
fn too_early_says_from_when() {
    let mut flow = Flow::scanned();
    flow.now = "2026-11-28T09:20:00+01:00[Europe/Brussels]"
        .parse()
        .unwrap();
    flow.answer(Reply::LookedUp(Ok(booking())));
    flow.click("Take my queue number");
    flow.answer(Reply::CheckedIn(Err(Failure::TooEarly {
        window_start: at("2026-11-28T10:00:00+01:00"),
    })));
    flow.assert_shows("You are early. You can check in from 10:00.");
    assert_eq!(flow.click("Start again"), Action::Done);

    // On another day, the day is said too.
    flow.now = "2026-11-27T09:20:00+01:00[Europe/Brussels]"
        .parse()
        .unwrap();
    flow.assert_shows("You are early. You can check in on Saturday 28 November from 10:00.");
}

#[test]
fn too_late_sends_to_the_desk() {
    let mut flow = Flow::scanned();
    flow.answer(Reply::LookedUp(Ok(booking())));
    flow.click("Take my queue number");
    flow.answer(Reply::CheckedIn(Err(Failure::TooLate {
        window_end: at("2026-12-01T10:40:00+01:00"),
    })));
    flow.assert_shows("Your appointment time has passed. Please go to the desk.");
    assert_eq!(flow.click("Go to the desk"), Action::Done);
}

#[test]
fn an_unknown_code_can_be_checked_again() {
    let mut flow = Flow::new();
    flow.click("Type my code");
    for c in CODE.chars() {
        flow.click(&c.to_string());
    }
    flow.click("Done");
    flow.answer(Reply::LookedUp(Err(Failure::NotFound)));
    flow.assert_shows("We do not recognise this code. Check the code, or go to the desk.");
    assert_eq!(
        flow.spoken(),
        [
            "I have an appointment",
            "We do not recognise this code. Check the code, or go to the desk.",
        ],
        "speech mode says what the screen shows"
    );
    flow.assert_shows("Try again");
    flow.assert_shows("Go to the desk");
    // Back on the keypad with the code to correct.
    assert_eq!(flow.click("Try again"), Action::None);
    assert_eq!(flow.state.step(), Step::Typing);
    flow.assert_shows(CODE);
}

#[test]
fn garbage_from_the_scanner_is_not_recognised() {
    let mut flow = Flow::new();
    assert_eq!(flow.answer(Reply::ScanGarbage), Action::None);
    flow.assert_shows("We do not recognise this code. Check the code, or go to the desk.");
    assert_eq!(
        flow.answer(Reply::Scanned("hello world!".into())),
        Action::None
    );
    flow.assert_shows("We do not recognise this code. Check the code, or go to the desk.");
    flow.click("Try again");
    assert_eq!(flow.state.step(), Step::Ask);
    // A good scan on the problem screen starts afresh.
    let mut flow = Flow::new();
    flow.answer(Reply::ScanGarbage);
    assert_eq!(
        flow.answer(Reply::Scanned(QR.into())),
        Action::Lookup { code: QR.into() }
    );
}

#[test]
fn an_offline_lookup_checks_in_at_once() {
    let mut flow = Flow::scanned();
    assert_eq!(
        flow.answer(Reply::LookedUp(Err(Failure::Offline))),
        Action::CheckIn { code: QR.into() }
    );
    assert_eq!(flow.state.step(), Step::CheckingIn);
    let offline = QueueTicketInfo {
        number: "B901".into(),
        people_ahead: None,
        estimated_wait_min: None,
        offline: true,
        ..ticket()
    };
    assert!(matches!(
        flow.answer(Reply::CheckedIn(Ok(offline))),
        Action::PrintQueueTicket { .. }
    ));
    flow.answer(Reply::Printed(Ok(())));
    flow.assert_shows("B901");
    flow.assert_hides("3 people are waiting before you.");
    // Offline and the offline check-in failing too: try again, or the desk.
    let mut flow = Flow::scanned();
    flow.answer(Reply::LookedUp(Err(Failure::Offline)));
    flow.answer(Reply::CheckedIn(Err(Failure::Offline)));
    flow.assert_shows("We cannot check you in right now. Try again, or go to the desk.");
    assert_eq!(flow.click("Try again"), Action::CheckIn { code: QR.into() });
}

#[test]
fn a_print_failure_keeps_the_number_on_screen() {
    let mut flow = Flow::scanned();
    flow.reach_ticket();
    flow.answer(Reply::Printed(Err(PrintFailure::NotReady)));
    flow.assert_shows("B007");
    flow.assert_shows("Note this number: the printer is not working.");
    flow.assert_hides("Take your ticket from the printer.");
    assert!(flow.number_height("B007") >= 250.0);
    assert_eq!(flow.click("Finished"), Action::Done);
}

#[test]
fn cancelling_asks_first() {
    let mut flow = Flow::scanned();
    flow.answer(Reply::LookedUp(Ok(booking())));
    assert_eq!(flow.click("Cancel this appointment"), Action::None);
    flow.assert_shows("Do you want to cancel your appointment of Tuesday 1 December, 10:30?");
    flow.click("No, keep it");
    assert_eq!(flow.state.step(), Step::Appointment);
    flow.click("Cancel this appointment");
    let yes = flow.click_messages("Yes, cancel", PORTRAIT);
    let action = flow.send(yes[0].clone());
    assert_eq!(
        action,
        Action::Cancel {
            booking_id: booking().id,
            code: QR.into()
        }
    );
    // A second tap, and a scan, while the answer is on its way: nothing.
    assert_eq!(flow.send(yes[0].clone()), Action::None);
    assert_eq!(flow.answer(Reply::Scanned(QR.into())), Action::None);
    flow.assert_shows("One moment, we are cancelling your appointment…");
    flow.answer(Reply::Cancelled(Ok(())));
    flow.assert_shows("Your appointment is cancelled");
    assert_eq!(flow.click("Finished"), Action::Done);
    assert_eq!(flow.check_ins(), 0);
}

#[test]
fn a_double_tap_on_take_my_number_checks_in_once() {
    let mut flow = Flow::scanned();
    flow.answer(Reply::LookedUp(Ok(booking())));
    let tap = flow.click_messages("Take my queue number", PORTRAIT);
    flow.send(tap[0].clone());
    flow.send(tap[0].clone());
    flow.answer(Reply::Scanned(QR.into()));
    assert_eq!(flow.check_ins(), 1);
    flow.answer(Reply::CheckedIn(Ok(ticket())));
    // The answer again (a retry delivered twice) prints nothing more.
    flow.answer(Reply::CheckedIn(Ok(ticket())));
    flow.send(tap[0].clone());
    let prints = flow
        .actions
        .iter()
        .filter(|a| matches!(a, Action::PrintQueueTicket { .. }))
        .count();
    assert_eq!((flow.check_ins(), prints), (1, 1));
    // A scan while printing waits; once printed, a scan starts the next check-in.
    assert_eq!(flow.answer(Reply::Scanned(QR.into())), Action::None);
    flow.answer(Reply::Printed(Ok(())));
    assert_eq!(
        flow.answer(Reply::Scanned(QR.into())),
        Action::Lookup { code: QR.into() }
    );
}

#[test]
fn a_printer_that_cannot_print_sends_to_the_desk_before_any_number() {
    let (state, action) = State::scanned(QR.into(), false);
    assert_eq!(action, Action::None);
    let mut flow = Flow::with(state);
    assert_eq!(flow.state.step(), Step::PrinterDown);
    flow.assert_shows("The ticket printer is not working. Please go to the desk.");
    flow.assert_hides("Take my queue number");
    flow.answer(Reply::Scanned(QR.into()));
    flow.send(Message::TypeCode);
    flow.send(Message::TakeNumber);
    flow.answer(Reply::LookedUp(Ok(booking())));
    flow.answer(Reply::CheckedIn(Ok(ticket())));
    assert!(
        flow.actions.iter().all(|a| *a == Action::None),
        "{:?}",
        flow.actions
    );
    assert_eq!(flow.click("Go to the desk"), Action::Done);
    assert_eq!(flow.check_ins(), 0);
    let flow = Flow::with(State::new(false));
    flow.assert_shows("The ticket printer is not working. Please go to the desk.");
}

#[test]
fn the_ticket_in_french_and_german() {
    let mut flow = Flow::scanned();
    flow.reach_ticket();
    flow.answer(Reply::Printed(Ok(())));
    flow.language = Language::French;
    flow.assert_shows("Votre numéro");
    flow.assert_shows("B007");
    flow.assert_shows("Passeports");
    flow.assert_shows("3 personnes attendent avant vous.");
    flow.assert_shows("Prenez votre ticket dans l'imprimante.");
    flow.language = Language::German;
    flow.assert_shows("Ihre Wartenummer");
    flow.assert_shows("Reisepässe");
    flow.assert_shows("3 Personen warten vor Ihnen.");
    flow.assert_shows("Erwartete Wartezeit: etwa 15 Minuten.");
    flow.assert_shows("Nehmen Sie Ihr Ticket aus dem Drucker.");
    flow.answer(Reply::Scanned(QR.into()));
    flow.answer(Reply::LookedUp(Ok(booking())));
    flow.assert_shows("Dienstag, 1. Dezember, 10:30 Uhr");
    flow.language = Language::French;
    flow.assert_shows("mardi 1 décembre à 10:30");
}

#[test]
fn every_screen_fits_both_orientations() {
    // `shows` checks portrait and landscape and that the text lies inside the screen.
    let mut flow = Flow::new();
    flow.assert_shows("Type my code");
    flow.click("Type my code");
    flow.assert_shows("Done");
    flow.assert_shows("Z");
    flow.assert_shows("2");
    flow.answer(Reply::Scanned(QR.into()));
    flow.answer(Reply::LookedUp(Ok(booking())));
    flow.assert_shows("Cancel this appointment");
    flow.send(Message::AskCancel);
    let question = flow.spoken().pop().unwrap();
    assert!(
        question.starts_with("Do you want to cancel your appointment of ") && flow.shows(&question),
        "speech mode asks the question on screen: {question:?}"
    );
    flow.assert_shows("Yes, cancel");
    flow.assert_shows("No, keep it");
    flow.send(Message::KeepAppointment);
    flow.send(Message::TakeNumber);
    flow.answer(Reply::CheckedIn(Ok(ticket())));
    flow.answer(Reply::Printed(Err(PrintFailure::Failed)));
    flow.assert_shows("Finished");
    flow.assert_shows("Note this number: the printer is not working.");
    for language in [Language::Dutch, Language::French, Language::German] {
        flow.language = language;
        flow.assert_shows("B007");
    }
    // A number the booking already had, then its reprint failing, in every language (with
    // larger text in landscape the ticket's crowded layout: Finished beside the number).
    let mut again = Flow::scanned();
    again.answer(Reply::LookedUp(Ok(booking())));
    again.send(Message::TakeNumber);
    again.answer(Reply::CheckedIn(Ok(QueueTicketInfo {
        already: true,
        ..ticket()
    })));
    for language in Language::ALL {
        again.language = language;
        again.assert_shows("B007");
    }
    again.send(Message::PrintAgain);
    again.answer(Reply::Printed(Err(PrintFailure::Failed)));
    again.assert_shows("Note this number: the printer is not working.");
    again.assert_shows("Print my ticket again");
    for language in Language::ALL {
        again.language = language;
        again.assert_shows("B007");
    }
}

#[test]
fn the_keyboard_reaches_what_touch_reaches() {
    use kiosk::focus::FocusId;
    use kiosk::widget::keypad::KeypadMessage;
    let mut flow = Flow::new();
    assert_eq!(
        flow.focus_targets(),
        vec![(FocusId::Content(0), Message::TypeCode)]
    );
    flow.send(Message::TypeCode);
    let targets = flow.focus_targets();
    assert_eq!(
        targets.first().map(|t| &t.1),
        Some(&Message::Key(KeypadMessage::Insert('2')))
    );
    assert_eq!(
        targets.last().map(|t| &t.1),
        Some(&Message::Key(KeypadMessage::Done))
    );
    flow.answer(Reply::Scanned(QR.into()));
    flow.answer(Reply::LookedUp(Ok(booking())));
    let messages: Vec<Message> = flow.focus_targets().into_iter().map(|(_, m)| m).collect();
    assert_eq!(messages, vec![Message::TakeNumber, Message::AskCancel]);
}

#[test]
fn backend_problems_map_to_what_the_resident_is_told() {
    // (The kiosk does not depend on serde_json: the extension values are built by `From`.)
    let problem = |kind: &str, extension: Option<(&str, &str)>| kiosk_api::Problem {
        kind: kind.into(),
        title: String::new(),
        status: 422,
        detail: None,
        extensions: extension
            .map(|(name, value)| (name.to_owned(), value.into()))
            .into_iter()
            .collect(),
    };
    assert_eq!(
        Failure::from_problem(&problem(
            "too-early",
            Some(("window_start", "2026-11-28T10:00:00+01:00"))
        )),
        Failure::TooEarly {
            window_start: at("2026-11-28T10:00:00+01:00")
        }
    );
    assert!(matches!(
        Failure::from_problem(&problem(
            "too-late",
            Some(("window_end", "2026-11-28T10:40:00+01:00"))
        )),
        Failure::TooLate { .. }
    ));
    let plain = |kind: &str| Failure::from_problem(&problem(kind, None));
    assert_eq!(plain("booking-not-found"), Failure::NotFound);
    assert_eq!(plain("booking-cancelled"), Failure::Cancelled);
    assert_eq!(plain("too-many-attempts"), Failure::RateLimited);
    assert_eq!(
        plain("too-early"),
        Failure::Other,
        "no window, no time to say"
    );
    assert_eq!(plain("internal"), Failure::Other);
}

#[test]
fn every_checkin_message_exists_in_every_language() {
    let i18n = I18n::embedded().unwrap();
    let source = include_str!("../locales/nl-BE/checkin.ftl");
    let ids: Vec<&str> = source
        .lines()
        .filter_map(|line| line.split_once(" = ").map(|(id, _)| id))
        .filter(|id| id.starts_with("checkin-"))
        .collect();
    assert!(ids.len() > 30, "{}", ids.len());
    for language in [
        Language::Dutch,
        Language::French,
        Language::German,
        Language::English,
    ] {
        for id in &ids {
            assert!(i18n.has_message(language, id), "{language}: {id} missing");
        }
    }
}

/// Leaves every screen in both orientations in target/screens/checkin/ for a person to look at
/// (the checks above assert what is on them).
#[test]
fn every_screen_is_left_for_a_person_to_look_at() {
    let dir = support::screens_dir("checkin");
    let dump = |flow: &Flow, name: &str| flow.dump(&dir, name);
    let mut flow = Flow::new();
    dump(&flow, "1-ask");
    flow.send(Message::TypeCode);
    for c in "K7PX".chars() {
        flow.send(Message::Key(kiosk::widget::keypad::KeypadMessage::Insert(
            c,
        )));
    }
    flow.send(Message::Key(kiosk::widget::keypad::KeypadMessage::Done));
    dump(&flow, "2-typing");
    flow.answer(Reply::Scanned(QR.into()));
    dump(&flow, "3-looking-up");
    flow.answer(Reply::LookedUp(Ok(booking())));
    dump(&flow, "4-appointment");
    flow.send(Message::AskCancel);
    dump(&flow, "5-confirm-cancel");
    flow.send(Message::KeepAppointment);
    flow.send(Message::TakeNumber);
    flow.answer(Reply::CheckedIn(Ok(ticket())));
    dump(&flow, "6-printing");
    flow.answer(Reply::Printed(Ok(())));
    dump(&flow, "7-ticket");
    let mut failed = Flow::scanned();
    failed.reach_ticket();
    failed.answer(Reply::Printed(Err(PrintFailure::NotReady)));
    dump(&failed, "8-print-failed");
    let mut early = Flow::scanned();
    early.answer(Reply::LookedUp(Err(Failure::NotFound)));
    dump(&early, "9-not-found");
    dump(&Flow::with(State::new(false)), "10-printer-down");
    let mut again = Flow::scanned();
    again.answer(Reply::LookedUp(Ok(booking())));
    again.click("Take my queue number");
    again.answer(Reply::CheckedIn(Ok(QueueTicketInfo {
        already: true,
        ..ticket()
    })));
    dump(&again, "11-already-has-a-number");
}

#[test]
fn a_booking_scanned_again_shows_the_number_it_has_and_prints_only_when_asked() {
    // The first visit: a new number, printed.
    let mut first = Flow::scanned();
    first.reach_ticket();
    first.answer(Reply::Printed(Ok(())));
    first.assert_shows("B007");
    first.assert_hides("You already have a number");
    // Scanned again (online the backend answers 200 with the same ticket; offline the kiosk
    // finds the number it printed or the one the arrivals list carries).
    let mut again = Flow::scanned();
    again.answer(Reply::LookedUp(Ok(booking())));
    again.click("Take my queue number");
    let action = again.answer(Reply::CheckedIn(Ok(QueueTicketInfo {
        already: true,
        ..ticket()
    })));
    assert_eq!(action, Action::None, "nothing prints by itself");
    again.assert_shows("You already have a number");
    again.assert_shows("B007");
    again.assert_hides("Take your ticket from the printer.");
    // Said as shown, the number spelled so that it is heard right.
    assert_eq!(
        again.spoken()[..3],
        [
            "I have an appointment".to_owned(),
            "You already have a number".to_owned(),
            "Your number is B, 0, 0, 7.".to_owned()
        ]
    );
    assert_eq!(
        again
            .focus_targets()
            .into_iter()
            .map(|(_, m)| m)
            .collect::<Vec<_>>(),
        vec![Message::PrintAgain, Message::Finish]
    );
    // Asked for: the same ticket, printed once however often the button is tapped.
    let print = again.click_messages("Print my ticket again", PORTRAIT);
    let action = again.send(print[0].clone());
    let Action::PrintQueueTicket { ticket: printed } = action else {
        panic!("print again did not print: {action:?}");
    };
    assert_eq!((printed.number.as_str(), printed.already), ("B007", true));
    assert_eq!(again.send(print[0].clone()), Action::None);
    again.answer(Reply::Printed(Ok(())));
    again.assert_shows("Take your ticket from the printer.");
    again.assert_hides("Print my ticket again");
}
