//! Booking an appointment as a resident meets it: the booking screens driven as the root drives
//! them, results fed back as messages, every screen looked at in portrait and landscape.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use support::flow::{Harness, LANDSCAPE, PORTRAIT};

use std::sync::Arc;

use jiff::ZonedDateTime;
use jiff::civil::{Date, date, time};

use kiosk::screen::booking::{Action, Failure, Message, PrintFailure, Reply, State, Step};
use kiosk::screen::flow::Flow as _;
use kiosk::widget::keyboard::KeyboardMessage;
use kiosk::widget::keypad::KeypadMessage;
use kiosk_api::{
    ArrivalWindow, Booking, BookingStatus, Catalogue, Closure, CustomerField, LocalizedText,
    Location, OpeningPeriod, Product, Slot, Weekday, rfc3339,
};
use kiosk_core::i18n::{I18n, Language};

const LOCATION: &str = "loc-centre";

fn text(nl: &str, fr: &str, de: &str, en: &str) -> LocalizedText {
    LocalizedText {
        nl: nl.into(),
        fr: fr.into(),
        de: de.into(),
        en: en.into(),
    }
}

fn product(id: &str, name: LocalizedText, max_persons: u32, fields: &[CustomerField]) -> Product {
    Product {
        id: id.into(),
        name,
        duration_min: 15,
        extra_duration_per_person_min: 10,
        max_persons,
        required_customer_fields: fields.to_vec(),
        queue_service_id: "A".into(),
        arrival_window: ArrivalWindow {
            before_min: 30,
            after_min: 10,
        },
        location_ids: vec![LOCATION.into()],
        bring: Vec::new(),
    }
}

/// A synthetic town hall: open Monday to Friday 9-12 (and on Sundays when `sundays`), closed on
/// Friday 4 December 2026; six products here and one elsewhere.
fn catalogue(sundays: bool) -> Arc<Catalogue> {
    use CustomerField::*;
    let mut weekdays = vec![
        Weekday::Monday,
        Weekday::Tuesday,
        Weekday::Wednesday,
        Weekday::Thursday,
        Weekday::Friday,
    ];
    if sundays {
        weekdays.push(Weekday::Sunday);
    }
    let mut products = vec![
        product(
            "eid",
            text(
                "Identiteitskaart aanvragen",
                "Demander une carte d'identité",
                "Personalausweis beantragen",
                "Apply for an identity card",
            ),
            1,
            &[Name, PhoneOrEmail],
        ),
        product(
            "passport",
            text("Reispas", "Passeport", "Reisepass", "Passport"),
            4,
            &[Name, Phone],
        ),
        product(
            "licence",
            text(
                "Rijbewijs",
                "Permis de conduire",
                "Führerschein",
                "Driving licence",
            ),
            1,
            &[Name, Email],
        ),
        product(
            "address",
            text(
                "Adreswijziging",
                "Changement d'adresse",
                "Adressänderung",
                "Change of address",
            ),
            1,
            &[Name],
        ),
        product(
            "kids-id",
            text("Kids-ID", "Kids-ID", "Kids-ID", "Kids-ID"),
            1,
            &[Name],
        ),
        product(
            "marriage",
            text(
                "Huwelijksdossier",
                "Dossier de mariage",
                "Eheschließung",
                "Marriage file",
            ),
            1,
            &[Name],
        ),
    ];
    let mut elsewhere = product(
        "permit",
        text(
            "Bouwadvies",
            "Avis urbanisme",
            "Bauberatung",
            "Building advice",
        ),
        1,
        &[Name],
    );
    elsewhere.location_ids = vec!["loc-elsewhere".into()];
    products.push(elsewhere);
    Arc::new(Catalogue {
        locations: vec![Location {
            id: LOCATION.into(),
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
            opening_hours: weekdays
                .into_iter()
                .map(|weekday| OpeningPeriod {
                    weekday,
                    opens: time(9, 0, 0, 0),
                    closes: time(12, 0, 0, 0),
                })
                .collect(),
            closures: vec![Closure {
                date: date(2026, 12, 4),
                reason: text("Feestdag", "Jour férié", "Feiertag", "Holiday"),
            }],
        }],
        products,
        certificate_types: Vec::new(),
        queue_services: Vec::new(),
    })
}

fn at(rfc: &str) -> ZonedDateTime {
    rfc3339::parse(rfc).unwrap()
}

fn slot(start: &str) -> Slot {
    let start = at(start);
    let end = start
        .checked_add(jiff::SignedDuration::from_mins(15))
        .unwrap();
    Slot { start, end }
}

fn booking(start: &Slot, status: BookingStatus, hold_expires_at: Option<ZonedDateTime>) -> Booking {
    Booking {
        id: uuid::Uuid::from_u128(0x1234),
        code: "K7PX3MQ9RT".into(),
        qr_payload: "kiosk:booking:synthetic".into(),
        status,
        hold_expires_at,
        location_id: LOCATION.into(),
        product_id: "eid".into(),
        persons: 1,
        start: start.start.clone(),
        end: start.end.clone(),
    }
}

/// The booking screens as the root drives them.
type Flow = Harness<State>;

impl Harness<State> {
    /// Saturday 28 November 2026, 10:30 in Brussels.
    fn new() -> Self {
        Self::starting(
            catalogue(false),
            "2026-11-28T10:30:00+01:00[Europe/Brussels]",
        )
    }

    fn starting(catalogue: Arc<Catalogue>, now: &str) -> Self {
        let day = now.parse::<ZonedDateTime>().unwrap().date();
        Self::at(
            State::new(catalogue, LOCATION.into(), day),
            Language::Dutch,
            now,
        )
    }

    fn type_text(&mut self, typed: &str) {
        for c in typed.chars() {
            self.click(&c.to_string());
        }
    }

    /// Chooses the identity card and answers the four-week slot request with times on Monday
    /// 30 November and Tuesday 1 December; Wednesday 2 December is full.
    fn reach_days(&mut self) {
        let action = self.click("Identiteitskaart aanvragen");
        let Action::LoadSlots {
            location_id,
            product_id,
            persons,
            from,
            to,
        } = action
        else {
            panic!("the day list asks for slots, got {action:?}");
        };
        assert_eq!(
            (location_id.as_str(), product_id.as_str(), persons),
            (LOCATION, "eid", 1)
        );
        assert_eq!((from, to), (date(2026, 11, 28), date(2026, 12, 25)));
        self.assert_shows("Even geduld…");
        self.answer(Reply::SlotsLoaded {
            from,
            to,
            result: Ok(vec![
                slot("2026-11-30T09:00:00+01:00"),
                slot("2026-12-01T09:00:00+01:00"),
                slot("2026-12-01T10:30:00+01:00"),
            ]),
        });
    }

    /// Chooses Tuesday 1 December and answers with its times.
    fn reach_times(&mut self) {
        let action = self.click("dinsdag 1 december");
        let day = date(2026, 12, 1);
        assert!(
            matches!(&action, Action::LoadSlots { from, to, .. } if *from == day && *to == day),
            "times are asked afresh, got {action:?}"
        );
        self.answer(times_of_tuesday());
    }

    fn reach_summary(&mut self) -> Action {
        self.reach_days();
        self.reach_times();
        self.click("10:30");
        self.type_text("jan");
        self.click("Klaar");
        self.type_text("0470123456");
        self.click("Klaar")
    }
}

fn times_of_tuesday() -> Reply {
    let day = date(2026, 12, 1);
    Reply::SlotsLoaded {
        from: day,
        to: day,
        result: Ok(vec![
            slot("2026-12-01T09:00:00+01:00"),
            slot("2026-12-01T10:30:00+01:00"),
            slot("2026-12-01T11:15:00+01:00"),
        ]),
    }
}

fn held(flow: &Flow, minutes: i64) -> Booking {
    let expires = flow
        .now
        .checked_add(jiff::SignedDuration::from_mins(minutes))
        .unwrap();
    booking(
        &slot("2026-12-01T10:30:00+01:00"),
        BookingStatus::Held,
        Some(expires),
    )
}

#[test]
fn the_whole_happy_path_books_confirms_prints_and_finishes() {
    let mut flow = Flow::new();
    flow.assert_shows("Waarvoor wilt u een afspraak?");
    flow.assert_shows("Stap 1 van 7");
    flow.assert_shows("Identiteitskaart aanvragen");
    flow.assert_shows("15 minuten");
    flow.assert_hides("Bouwadvies");

    flow.reach_days();
    assert_eq!(flow.state.step(), Step::Day);
    flow.assert_shows("Welke dag past u?");
    flow.assert_shows("Stap 2 van 6");
    flow.assert_shows("maandag 30 november");
    flow.assert_shows("Gesloten");
    flow.assert_shows("Volzet");

    flow.reach_times();
    flow.assert_shows("Hoe laat op dinsdag 1 december?");
    flow.assert_shows("09:00");
    flow.assert_shows("11:15");
    assert_eq!(flow.click("10:30"), Action::None);

    flow.assert_shows("Wat is uw naam?");
    flow.assert_shows("Stap 4 van 6");
    flow.type_text("jan");
    flow.assert_shows("jan|");
    // Done is on screen in landscape too: the keyboard fits the space under the question.
    flow.assert_shows("Klaar");
    assert_eq!(
        flow.click_messages("Klaar", LANDSCAPE),
        vec![Message::Keyboard(KeyboardMessage::Done)]
    );
    flow.click("Klaar");

    flow.assert_shows("Hoe kunnen we u bereiken?");
    flow.assert_shows("Via e-mail");
    flow.type_text("0470123456");
    let hold = flow.click("Klaar");
    let logged = format!(
        "{hold:?} {:?}",
        Message::Keyboard(KeyboardMessage::Insert('j'))
    );
    assert!(
        !logged.contains("jan") && !logged.contains("470") && !logged.contains("'j'"),
        "personal data in Debug: {logged}"
    );
    let Action::Hold(request) = hold else {
        panic!("the summary holds the time, got {hold:?}");
    };
    assert_eq!(request.location_id, LOCATION);
    assert_eq!(request.product_id, "eid");
    assert_eq!(request.persons, 1);
    assert_eq!(request.start, at("2026-12-01T10:30:00+01:00"));
    assert_eq!(request.customer.name, "jan");
    assert_eq!(request.customer.phone.as_deref(), Some("+32470123456"));
    assert_eq!(request.customer.email, None);

    flow.assert_shows("Even geduld, we houden dit uur voor u vrij…");
    let booking = held(&flow, 10);
    flow.answer(Reply::Held(Ok(booking.clone())));
    flow.assert_shows("Kijk uw afspraak na");
    flow.assert_shows("Stap 6 van 6");
    flow.assert_shows("dinsdag 1 december om 10:30");
    flow.assert_shows("jan");
    flow.assert_shows("0470123456");
    flow.assert_shows("We houden dit uur nog 10:00 voor u vrij.");

    let confirm = flow.click("Afspraak vastleggen");
    assert_eq!(
        confirm,
        Action::Confirm {
            booking_id: booking.id
        }
    );
    flow.assert_shows("Even geduld, we leggen uw afspraak vast…");

    let confirmed = Booking {
        status: BookingStatus::Confirmed,
        hold_expires_at: None,
        ..booking
    };
    let print = flow.answer(Reply::Confirmed(Ok(confirmed.clone())));
    let Action::PrintTicket(request) = print else {
        panic!("a confirmed booking prints, got {print:?}");
    };
    let ticket = request.ticket("Gemeente Demodorp", Language::French);
    assert_eq!(ticket.product, "Demander une carte d'identité");
    assert_eq!(ticket.location, "Maison communale");
    assert_eq!(ticket.booking_code, "K7PX3MQ9RT");
    assert_eq!(ticket.starts_at, confirmed.start);

    flow.assert_shows("Uw afspraak is gemaakt");
    flow.assert_shows("Uw ticket wordt afgedrukt. Neem het uit de printer.");
    flow.answer(Reply::Printed(Ok(())));
    flow.assert_shows("Uw ticket wordt afgedrukt. Neem het uit de printer.");
    assert_eq!(flow.click("Klaar"), Action::Done);
}

#[test]
fn a_closed_or_full_day_cannot_be_chosen() {
    let mut flow = Flow::new();
    flow.reach_days();
    for closed in [
        "zaterdag 28 november",
        "zondag 29 november",
        "woensdag 2 december",
    ] {
        for size in [PORTRAIT, LANDSCAPE] {
            assert!(
                flow.click_messages(closed, size).is_empty(),
                "{closed} could be chosen"
            );
        }
    }
    // A closure: Friday 4 December, open on Fridays otherwise.
    flow.assert_shows("vrijdag 4 december");
    assert!(
        flow.click_messages("vrijdag 4 december", LANDSCAPE)
            .is_empty()
    );
    // The next week is a page further.
    flow.assert_hides("vrijdag 11 december");
    flow.click("Meer");
    flow.assert_shows("vrijdag 11 december");
    flow.assert_shows("Vorige");
    flow.click("Vorige");
    // Even a message for a closed day (a stale tap) is refused.
    assert_eq!(
        flow.send(Message::ChooseDay(date(2026, 12, 4))),
        Action::None
    );
    assert_eq!(flow.state.step(), Step::Day);
}

#[test]
fn a_time_taken_on_hold_says_so_and_shows_fresh_times() {
    let mut flow = Flow::new();
    assert!(matches!(flow.reach_summary(), Action::Hold(_)));
    let reload = flow.answer(Reply::Held(Err(Failure::SlotTaken)));
    let day = date(2026, 12, 1);
    assert!(
        matches!(&reload, Action::LoadSlots { from, to, .. } if *from == day && *to == day),
        "fresh times are asked, got {reload:?}"
    );
    assert_eq!(flow.state.step(), Step::Time);
    flow.assert_shows("Dit uur is net door iemand anders gekozen. Kies een ander uur.");
    flow.assert_shows("Even geduld…");
    flow.answer(Reply::SlotsLoaded {
        from: day,
        to: day,
        result: Ok(vec![slot("2026-12-01T11:15:00+01:00")]),
    });
    flow.assert_shows("11:15");
    flow.assert_hides("10:30");

    // The name stays; choosing again goes back through the details to a new hold.
    flow.click("11:15");
    flow.assert_shows("jan|");
}

#[test]
fn a_day_whose_times_are_gone_offers_another_day() {
    let mut flow = Flow::new();
    flow.reach_days();
    flow.click("maandag 30 november");
    let day = date(2026, 11, 30);
    flow.answer(Reply::SlotsLoaded {
        from: day,
        to: day,
        result: Ok(Vec::new()),
    });
    flow.assert_shows("Er is geen vrij uur op deze dag. Kies een andere dag.");
    let action = flow.click("Kies een andere dag");
    assert!(matches!(action, Action::LoadSlots { .. }));
    assert_eq!(flow.state.step(), Step::Day);
}

#[test]
fn the_hold_counts_down_and_runs_out() {
    let mut flow = Flow::new();
    flow.reach_summary();
    let booking = held(&flow, 10);
    flow.answer(Reply::Held(Ok(booking)));
    flow.assert_shows("We houden dit uur nog 10:00 voor u vrij.");
    flow.advance(19);
    flow.assert_shows("We houden dit uur nog 9:41 voor u vrij.");
    flow.advance(9 * 60 + 40);
    flow.assert_shows("We houden dit uur nog 0:01 voor u vrij.");
    flow.advance(1);
    flow.assert_shows("We konden dit uur niet langer voor u vrijhouden.");
    let reload = flow.click("Kies een ander uur");
    assert!(matches!(reload, Action::LoadSlots { .. }), "got {reload:?}");
    assert_eq!(flow.state.step(), Step::Time);
}

#[test]
fn an_expired_hold_on_confirm_goes_back_to_fresh_times() {
    let mut flow = Flow::new();
    flow.reach_summary();
    flow.answer(Reply::Held(Ok(held(&flow, 10))));
    assert!(matches!(
        flow.click("Afspraak vastleggen"),
        Action::Confirm { .. }
    ));
    let reload = flow.answer(Reply::Confirmed(Err(Failure::HoldExpired)));
    assert!(matches!(reload, Action::LoadSlots { .. }));
    flow.answer(times_of_tuesday());
    flow.assert_shows("Dit uur is net door iemand anders gekozen. Kies een ander uur.");
    flow.assert_shows("10:30");
}

#[test]
fn offline_sends_the_resident_to_the_desk() {
    let mut flow = Flow::new();
    let action = flow.click("Identiteitskaart aanvragen");
    let Action::LoadSlots { from, to, .. } = action else {
        panic!("got {action:?}");
    };
    flow.answer(Reply::SlotsLoaded {
        from,
        to,
        result: Err(Failure::Offline),
    });
    assert_eq!(flow.state.step(), Step::Unavailable);
    flow.assert_shows("Afspraken maken lukt nu niet");
    flow.assert_shows("Probeer het later opnieuw, of ga naar de balie: we helpen u graag.");
    assert_eq!(flow.click("Terug naar het begin"), Action::Done);
    assert!(flow.state.back().is_none(), "Back leaves the flow");

    // A flow opened while the kiosk is offline says so at once.
    let flow = Flow {
        state: State::unavailable(
            Arc::new(kiosk::screen::booking::empty_catalogue()),
            String::new(),
            date(2026, 11, 28),
        ),
        ..Flow::new()
    };
    flow.assert_shows("Afspraken maken lukt nu niet");

    // Offline while holding: the same.
    let mut flow = Flow::new();
    flow.reach_summary();
    flow.answer(Reply::Held(Err(Failure::Offline)));
    flow.assert_shows("Afspraken maken lukt nu niet");
}

#[test]
fn a_kiosk_over_its_hold_limit_says_so_and_sends_to_the_desk() {
    let mut flow = Flow::new();
    flow.reach_summary();
    flow.answer(Reply::Held(Err(Failure::RateLimited)));
    assert_eq!(flow.state.step(), Step::Unavailable);
    flow.assert_shows("Afspraken maken lukt nu niet");
    flow.assert_shows(
        "Deze kiosk maakte in korte tijd veel afspraken. Probeer het over enkele minuten opnieuw, of ga naar de balie: we helpen u graag.",
    );
    assert_eq!(flow.click("Terug naar het begin"), Action::Done);
}

#[test]
fn a_double_tap_on_confirm_confirms_once() {
    let mut flow = Flow::new();
    flow.reach_summary();
    flow.answer(Reply::Held(Ok(held(&flow, 10))));
    let messages = flow.click_messages("Afspraak vastleggen", PORTRAIT);
    let actions: Vec<Action> = messages
        .iter()
        .chain(messages.iter())
        .map(|m| flow.send(m.clone()))
        .collect();
    let confirms = actions
        .iter()
        .filter(|a| matches!(a, Action::Confirm { .. }))
        .count();
    assert_eq!(confirms, 1, "{actions:?}");
    // Nor can the summary be confirmed again once the answer came, nor printed twice.
    let confirmed = Booking {
        status: BookingStatus::Confirmed,
        ..held(&flow, 10)
    };
    assert!(matches!(
        flow.answer(Reply::Confirmed(Ok(confirmed.clone()))),
        Action::PrintTicket(_)
    ));
    assert_eq!(flow.answer(Reply::Confirmed(Ok(confirmed))), Action::None);
    assert_eq!(flow.send(Message::Confirm), Action::None);
    // And a double tap on the last "Next" holds once.
    let mut flow = Flow::new();
    flow.reach_summary();
    assert_eq!(
        flow.send(Message::Keypad(KeypadMessage::Done)),
        Action::None
    );
    let holds = flow
        .actions
        .iter()
        .filter(|a| matches!(a, Action::Hold(_)))
        .count();
    assert_eq!(holds, 1);
}

#[test]
fn back_keeps_the_entered_name_and_releases_the_hold() {
    let mut flow = Flow::new();
    flow.reach_summary();
    let booking = held(&flow, 10);
    flow.answer(Reply::Held(Ok(booking.clone())));
    assert_eq!(
        flow.state.back(),
        Some(Action::Release {
            booking_id: booking.id,
            code: booking.code.clone()
        })
    );
    flow.assert_shows("Hoe kunnen we u bereiken?");
    flow.assert_shows("0470123456|");
    assert_eq!(flow.state.back(), Some(Action::None));
    flow.assert_shows("Wat is uw naam?");
    flow.assert_shows("jan|");
    // Back to the times, and forward again: the name is still there.
    assert!(matches!(flow.state.back(), Some(Action::LoadSlots { .. })));
    flow.answer(times_of_tuesday());
    flow.click("10:30");
    flow.assert_shows("jan|");
    // Forward to a new hold; a hold that arrives after Back is released at once.
    flow.click("Klaar");
    assert!(matches!(flow.click("Klaar"), Action::Hold(_)));
    assert_eq!(flow.state.back(), Some(Action::None));
    assert!(matches!(
        flow.answer(Reply::Held(Ok(booking))),
        Action::Release { .. }
    ));
}

#[test]
fn details_are_checked_before_going_on() {
    let mut flow = Flow::new();
    flow.reach_days();
    flow.reach_times();
    flow.click("10:30");
    flow.click("Klaar");
    flow.assert_shows("Vul uw naam in.");
    assert!(matches!(flow.state.step(), Step::Customer(0)));
    flow.type_text("an");
    flow.click("Klaar");
    flow.type_text("0470");
    flow.click("Klaar");
    flow.assert_shows("Dit nummer is te kort. Kijk na of u geen cijfer vergeten bent.");
    // E-mail instead of phone. With larger text in landscape a refusal takes the switch's place
    // beside the keys (there is no room for a line more) until the next key clears it.
    flow.click("Via e-mail");
    flow.type_text("an");
    flow.click("Klaar");
    let refusal = "Een e-mailadres heeft een @, bijvoorbeeld naam@voorbeeld.be.";
    flow.assert_shows(refusal);
    assert!(flow.shows_large(refusal), "the refusal, with larger text");
    flow.send(Message::Keyboard(KeyboardMessage::Backspace));
    assert!(
        flow.shows_large("Via telefoon"),
        "the switch is back after a key"
    );
    flow.send(Message::Keyboard(KeyboardMessage::Backspace));
    flow.type_text("an@example.be");
    assert!(
        matches!(flow.click("Klaar"), Action::Hold(r) if r.customer.email.as_deref() == Some("an@example.be") && r.customer.phone.is_none())
    );
}

#[test]
fn french_and_german_on_the_product_and_day_steps() {
    let mut flow = Flow::new();
    flow.language = Language::French;
    flow.assert_shows("Pour quoi souhaitez-vous un rendez-vous ?");
    flow.assert_shows("Étape 1 sur 7");
    flow.assert_shows("Demander une carte d'identité");
    flow.language = Language::German;
    flow.assert_shows("Wofür möchten Sie einen Termin?");
    flow.assert_shows("Personalausweis beantragen");
    flow.assert_shows("Weitere");
    flow.language = Language::Dutch;
    flow.reach_days();
    flow.language = Language::German;
    flow.assert_shows("Welcher Tag passt Ihnen?");
    flow.assert_shows("Dienstag, 1. Dezember");
    flow.assert_shows("Geschlossen");
    flow.assert_shows("Ausgebucht");
    flow.language = Language::French;
    flow.assert_shows("mardi 1 décembre");
    flow.assert_shows("Fermé");
    flow.assert_shows("Complet");
}

#[test]
fn several_persons_are_asked_and_lengthen_the_appointment() {
    let mut flow = Flow::new();
    assert_eq!(flow.click("Reispas"), Action::None);
    flow.assert_shows("Met hoeveel personen komt u?");
    flow.assert_shows("Stap 2 van 7");
    flow.assert_shows("3 personen");
    flow.assert_shows("35 minuten");
    let action = flow.click("3 personen");
    assert!(
        matches!(&action, Action::LoadSlots { persons: 3, product_id, .. } if product_id == "passport"),
        "got {action:?}"
    );
    flow.assert_shows("Stap 3 van 7");
    assert_eq!(flow.state.back(), Some(Action::None));
    assert_eq!(flow.state.step(), Step::Persons);
}

#[test]
fn products_page_with_more_and_previous() {
    let mut flow = Flow::new();
    flow.assert_hides("Kids-ID");
    flow.assert_hides("Vorige");
    flow.click("Meer");
    flow.assert_shows("Kids-ID");
    flow.assert_shows("Huwelijksdossier");
    flow.assert_shows("2 / 2");
    flow.click("Vorige");
    flow.assert_shows("Identiteitskaart aanvragen");
}

#[test]
fn a_day_that_changes_offset_shows_local_times() {
    // Sunday 25 October 2026: clocks go back from 03:00 to 02:00.
    let mut flow = Flow::starting(
        catalogue(true),
        "2026-10-24T10:00:00+02:00[Europe/Brussels]",
    );
    let action = flow.click("Identiteitskaart aanvragen");
    let Action::LoadSlots { from, to, .. } = action else {
        panic!("got {action:?}");
    };
    // The backend may send any offset; UTC here, where 08:00 is 09:00 in Brussels.
    flow.answer(Reply::SlotsLoaded {
        from,
        to,
        result: Ok(vec![
            slot("2026-10-24T07:00:00Z"),
            slot("2026-10-25T08:00:00Z"),
            slot("2026-10-25T10:50:00Z"),
        ]),
    });
    flow.assert_shows("zondag 25 oktober");
    let action = flow.click("zondag 25 oktober");
    let day: Date = date(2026, 10, 25);
    assert!(matches!(&action, Action::LoadSlots { from, .. } if *from == day));
    flow.answer(Reply::SlotsLoaded {
        from: day,
        to: day,
        result: Ok(vec![
            slot("2026-10-25T08:00:00Z"),
            slot("2026-10-25T10:50:00Z"),
        ]),
    });
    flow.assert_shows("09:00");
    flow.assert_shows("11:50");
    flow.assert_hides("08:00");
    flow.assert_hides("10:50");
    // The hold asks for the same instant the backend offered.
    flow.click("11:50");
    flow.type_text("an");
    flow.click("Klaar");
    flow.type_text("0470123456");
    let Action::Hold(request) = flow.click("Klaar") else {
        panic!("no hold");
    };
    assert_eq!(
        request.start.timestamp(),
        at("2026-10-25T11:50:00+01:00").timestamp()
    );
}

#[test]
fn a_ticket_that_cannot_print_shows_the_code_large() {
    let mut flow = Flow::new();
    flow.reach_summary();
    let booking = held(&flow, 10);
    flow.answer(Reply::Held(Ok(booking.clone())));
    flow.click("Afspraak vastleggen");
    flow.answer(Reply::Confirmed(Ok(Booking {
        status: BookingStatus::Confirmed,
        ..booking
    })));
    flow.answer(Reply::Printed(Err(PrintFailure::NotReady)));
    flow.assert_shows(
        "Het ticket kon niet worden afgedrukt. Schrijf deze code op of maak er een foto van:",
    );
    flow.assert_shows("K7PX3MQ9RT");
    let code = flow.ui(PORTRAIT).find("K7PX3MQ9RT").unwrap().bounds();
    assert!(code.height >= 100.0, "the code is large: {code:?}");
    flow.assert_hides("Uw ticket wordt afgedrukt. Neem het uit de printer.");
    assert!(
        flow.state.back().is_none(),
        "a booked appointment is left, not undone"
    );
}

#[test]
fn every_booking_message_exists_in_every_language() {
    let i18n = I18n::embedded().unwrap();
    let source = include_str!("../locales/nl-BE/booking.ftl");
    let ids: Vec<&str> = source
        .lines()
        .filter_map(|line| line.split_once(" = ").map(|(id, _)| id))
        .filter(|id| id.starts_with("booking-"))
        .collect();
    assert!(ids.len() > 30);
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

#[test]
fn the_keyboard_reaches_what_touch_reaches_in_reading_order() {
    use kiosk::focus::FocusId;
    let mut flow = Flow::new();
    let targets = flow.state.focus_targets(&flow.ctx());
    let messages: Vec<Message> = targets.iter().map(|(_, m)| m.clone()).collect();
    assert_eq!(
        messages,
        vec![
            Message::ChooseProduct("eid".into()),
            Message::ChooseProduct("passport".into()),
            Message::ChooseProduct("licence".into()),
            Message::ChooseProduct("address".into()),
            Message::NextPage,
        ]
    );
    assert_eq!(targets[4].0, FocusId::Content(4));
    flow.reach_days();
    // Closed and full days are not targets: the first is Monday 30 November.
    let targets = flow.state.focus_targets(&flow.ctx());
    assert_eq!(targets[0].1, Message::ChooseDay(date(2026, 11, 30)));
    assert_eq!(targets[1].1, Message::ChooseDay(date(2026, 12, 1)));
    assert_eq!(targets[2].1, Message::NextPage);
    // Activating a target is what a tap does.
    let (_, message) = targets[1].clone();
    assert!(matches!(flow.send(message), Action::LoadSlots { .. }));
    flow.answer(times_of_tuesday());
    flow.click("10:30");
    let targets = flow.state.focus_targets(&flow.ctx());
    assert_eq!(
        targets.first().map(|t| &t.1),
        Some(&Message::Keyboard(KeyboardMessage::Insert('1')))
    );
    assert_eq!(
        targets.last().map(|t| &t.1),
        Some(&Message::Keyboard(KeyboardMessage::Done))
    );
}

#[test]
fn leaving_mid_flow_releases_a_held_time_only() {
    let mut flow = Flow::new();
    assert_eq!(flow.state.abandon(), None);
    flow.reach_summary();
    assert_eq!(flow.state.abandon(), None, "nothing held yet");
    let booking = held(&flow, 10);
    flow.answer(Reply::Held(Ok(booking.clone())));
    assert_eq!(
        flow.state.abandon(),
        Some(Action::Release {
            booking_id: booking.id,
            code: booking.code.clone()
        })
    );
    flow.click("Afspraak vastleggen");
    assert_eq!(flow.state.abandon(), None, "confirming: kept");
}

/// Leaves every screen in both orientations in target/screens/booking/ for a person to look at
/// (the checks above assert what is on them).
#[test]
fn every_screen_is_left_for_a_person_to_look_at() {
    let dir = support::screens_dir("booking");
    let dump = |flow: &Flow, name: &str| flow.dump(&dir, name);
    let mut flow = Flow::new();
    dump(&flow, "1-product");
    flow.click("Reispas");
    dump(&flow, "2-persons");
    flow.state.back();
    flow.reach_days();
    dump(&flow, "3-day");
    flow.reach_times();
    dump(&flow, "4-time");
    flow.click("10:30");
    flow.type_text("jan");
    dump(&flow, "5-name");
    flow.click("Klaar");
    flow.type_text("0470");
    flow.click("Klaar");
    dump(&flow, "6-contact");
    flow.send(Message::Contact(kiosk::screen::booking::ContactMode::Email));
    flow.type_text("an@");
    dump(&flow, "6-contact-email");
    flow.send(Message::Contact(kiosk::screen::booking::ContactMode::Phone));
    flow.type_text("123456");
    flow.click("Klaar");
    let booking = held(&flow, 10);
    flow.answer(Reply::Held(Ok(booking.clone())));
    dump(&flow, "7-summary");
    flow.click("Afspraak vastleggen");
    flow.answer(Reply::Confirmed(Ok(booking)));
    dump(&flow, "8-done");
    flow.answer(Reply::Printed(Err(PrintFailure::Failed)));
    dump(&flow, "9-print-failed");
    let mut flow = Flow::new();
    flow.reach_summary();
    flow.answer(Reply::Held(Err(Failure::SlotTaken)));
    flow.answer(times_of_tuesday());
    dump(&flow, "10-taken");
    let mut flow = Flow::new();
    flow.reach_summary();
    flow.answer(Reply::Held(Err(Failure::Offline)));
    dump(&flow, "11-offline");
}

/// The keyboard's keys on all three of its pages, wholly on screen in both orientations.
fn assert_keyboard_fits(flow: &mut Flow, words: &dyn Fn(&str) -> String) {
    for page in support::keyboard::PAGES {
        flow.send(Message::Keyboard(KeyboardMessage::Page(page)));
        for key in support::keyboard::keys_every_page_shows(words) {
            flow.assert_shows(&key);
        }
    }
}

/// Name and e-mail are typed on the keyboard under the question, in landscape too, with the
/// reason a value is refused and the phone-or-e-mail switch: nothing cut off, in every language.
#[test]
fn every_keyboard_page_fits_both_orientations_in_four_languages() {
    use kiosk::screen::booking::ContactMode;
    let i18n = support::i18n();
    for language in Language::ALL {
        let mut flow = Flow::new();
        flow.reach_days();
        flow.reach_times();
        flow.click("10:30");
        flow.language = language;
        let words = |id: &str| i18n.text(language, id);
        flow.send(Message::Keyboard(KeyboardMessage::Done));
        flow.assert_shows(&words("booking-name-title"));
        flow.assert_shows(&words("booking-name-empty"));
        assert_keyboard_fits(&mut flow, &words);
        flow.send(Message::Keyboard(KeyboardMessage::Insert('j')));
        flow.send(Message::Keyboard(KeyboardMessage::Done));
        flow.send(Message::Contact(ContactMode::Email));
        flow.send(Message::Keyboard(KeyboardMessage::Insert('x')));
        flow.send(Message::Keyboard(KeyboardMessage::Done));
        for id in [
            "booking-contact-title",
            "booking-contact-phone",
            "booking-contact-email",
            "input-email-at-missing",
        ] {
            flow.assert_shows(&words(id));
        }
        flow.assert_shows("x|");
        assert_keyboard_fits(&mut flow, &words);
    }
}
