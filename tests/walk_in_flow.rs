//! Taking a number without an appointment, as a resident meets it: the services open now, one
//! screen to choose, the number printed; outside the hours or past the limit a clear message
//! with when to come back, and nothing printed. Driven as the root drives the screens.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use std::sync::Arc;

use jiff::ZonedDateTime;
use jiff::civil::{date, time};

use kiosk::screen::checkin::{
    Action, Failure, Message, QueueTicketInfo, Reply, State, Step, open_services,
};
use kiosk::screen::flow::Flow as _;
use kiosk_api::{
    Catalogue, Closure, LocalizedText, Location, OpeningPeriod, QueueService, WalkIn, Weekday,
    rfc3339,
};
use kiosk_core::i18n::Language;
use support::flow::Harness;

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

fn mornings() -> Vec<OpeningPeriod> {
    [
        Weekday::Monday,
        Weekday::Tuesday,
        Weekday::Wednesday,
        Weekday::Thursday,
        Weekday::Friday,
    ]
    .into_iter()
    .map(|weekday| OpeningPeriod {
        weekday,
        opens: time(8, 30, 0, 0),
        closes: time(12, 0, 0, 0),
    })
    .collect()
}

fn collect() -> QueueService {
    QueueService {
        id: "collect".into(),
        prefix: "E".into(),
        name: text(
            "Afhalen identiteitskaart",
            "Retrait carte d'identité",
            "Abholung Personalausweis",
            "Collect an identity card",
        ),
        walk_in: Some(WalkIn {
            location_ids: vec!["loc-centre".into()],
            hours: mornings(),
            daily_limit: Some(50),
        }),
    }
}

fn question() -> QueueService {
    QueueService {
        id: "information".into(),
        prefix: "F".into(),
        name: text(
            "Een korte vraag",
            "Une question rapide",
            "Eine kurze Frage",
            "A quick question",
        ),
        walk_in: Some(WalkIn {
            location_ids: vec!["loc-centre".into()],
            hours: vec![OpeningPeriod {
                weekday: Weekday::Tuesday,
                opens: time(9, 0, 0, 0),
                closes: time(10, 0, 0, 0),
            }],
            daily_limit: None,
        }),
    }
}

fn by_appointment() -> QueueService {
    QueueService {
        id: "travel".into(),
        prefix: "B".into(),
        name: text("Reispassen", "Passeports", "Reisepässe", "Passports"),
        walk_in: None,
    }
}

fn catalogue(closures: Vec<Closure>) -> Catalogue {
    Catalogue {
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
            opening_hours: mornings(),
            closures,
        }],
        products: Vec::new(),
        certificate_types: Vec::new(),
        queue_services: vec![by_appointment(), collect(), question()],
    }
}

fn ids(services: &[QueueService]) -> Vec<&str> {
    services.iter().map(|s| s.id.as_str()).collect()
}

/// Tuesday 1 December 2026 in Brussels.
const TUESDAY_930: &str = "2026-12-01T09:30:00+01:00[Europe/Brussels]";

#[test]
fn the_services_open_now_are_those_whose_hours_hold_at_this_location() {
    let catalogue = catalogue(Vec::new());
    let open = |now: &str, location: &str| {
        ids(&open_services(&catalogue, location, &now.parse().unwrap())).join(",")
    };
    assert_eq!(open(TUESDAY_930, "loc-centre"), "collect,information");
    assert_eq!(
        open("2026-12-01T10:30:00+01:00[Europe/Brussels]", "loc-centre"),
        "collect"
    );
    assert_eq!(
        open("2026-12-01T08:00:00+01:00[Europe/Brussels]", "loc-centre"),
        "",
        "before opening"
    );
    assert_eq!(
        open("2026-12-05T09:30:00+01:00[Europe/Brussels]", "loc-centre"),
        "",
        "Saturday"
    );
    assert_eq!(open(TUESDAY_930, "loc-elsewhere"), "", "another location");
    // The location's own clock: 08:45 UTC is 09:45 in Brussels.
    assert_eq!(
        open("2026-12-01T08:45:00+00:00[UTC]", "loc-centre"),
        "collect,information"
    );
    let holiday = catalogue_with_holiday();
    assert!(open_services(&holiday, "loc-centre", &TUESDAY_930.parse().unwrap()).is_empty());
}

fn catalogue_with_holiday() -> Catalogue {
    catalogue(vec![Closure {
        date: date(2026, 12, 1),
        reason: text("Feestdag", "Jour férié", "Feiertag", "Holiday"),
    }])
}

fn given(number: &str) -> QueueTicketInfo {
    QueueTicketInfo {
        number: number.into(),
        service: collect().name,
        people_ahead: Some(2),
        estimated_wait_min: Some(10),
        booked_start: None,
        offline: false,
        already: false,
    }
}

type Flow = Harness<State>;

fn walk_in(language: Language) -> Flow {
    let state = State::walk_in(true, vec![collect(), question()])
        .with_catalogue(Arc::new(catalogue(Vec::new())));
    Harness::at(state, language, TUESDAY_930)
}

#[test]
fn choosing_a_service_gives_a_printed_number_with_the_people_ahead() {
    let mut flow = walk_in(Language::English);
    assert_eq!(flow.state.step(), Step::ChooseService);
    flow.assert_shows("What is your visit for?");
    flow.assert_shows("Collect an identity card");
    flow.assert_shows("A quick question");
    flow.assert_hides("Passports");
    assert_eq!(
        flow.click("Collect an identity card"),
        Action::TakeNumber {
            queue_service_id: "collect".into()
        }
    );
    flow.assert_shows("One moment, we are getting your number…");
    // A second tap while the number is on its way asks for nothing.
    assert_eq!(
        flow.send(Message::ChooseService("collect".into())),
        Action::None
    );
    let print = flow.answer(Reply::NumberGiven(Ok(given("E004"))));
    assert_eq!(
        print,
        Action::PrintQueueTicket {
            ticket: given("E004")
        }
    );
    flow.answer(Reply::Printed(Ok(())));
    flow.assert_shows("E004");
    flow.assert_shows("2 people are waiting before you.");
    assert_eq!(flow.click("Finished"), Action::Done);
    assert_eq!(
        flow.count(|a| matches!(a, Action::TakeNumber { .. })),
        1,
        "one number"
    );
}

#[test]
fn outside_the_hours_the_resident_is_told_when_to_come_back_and_nothing_prints() {
    let mut flow = walk_in(Language::English);
    flow.click("A quick question");
    flow.answer(Reply::NumberGiven(Err(Failure::WalkInClosed {
        opens_at: Some(at("2026-12-08T09:00:00+01:00")),
    })));
    assert_eq!(flow.state.step(), Step::Problem);
    flow.assert_shows(
        "There are no numbers for this service now. Come back on Tuesday 8 December from 09:00.",
    );
    flow.assert_shows("Start again");
    assert_eq!(
        flow.count(|a| matches!(a, Action::PrintQueueTicket { .. })),
        0
    );
    // Back: the choice again, to pick another service.
    assert_eq!(flow.state.back(), Some(Action::None));
    assert_eq!(flow.state.step(), Step::ChooseService);
}

#[test]
fn past_the_daily_limit_the_resident_is_sent_to_the_desk_with_the_next_opening() {
    let mut flow = walk_in(Language::Dutch);
    flow.click("Afhalen identiteitskaart");
    flow.answer(Reply::NumberGiven(Err(Failure::WalkInFull {
        opens_at: Some(at("2026-12-02T08:30:00+01:00")),
    })));
    flow.assert_shows(
        "Alle volgnummers van vandaag voor deze dienst zijn uitgedeeld. Kom terug op woensdag 2 december vanaf 08:30.",
    );
    flow.assert_shows("Naar de balie");
    assert_eq!(
        flow.count(|a| matches!(a, Action::PrintQueueTicket { .. })),
        0
    );
}

#[test]
fn a_backend_away_with_no_numbers_left_offers_to_try_again_for_the_same_service() {
    let mut flow = walk_in(Language::English);
    flow.click("Collect an identity card");
    flow.answer(Reply::NumberGiven(Err(Failure::Offline)));
    assert_eq!(
        flow.click("Try again"),
        Action::TakeNumber {
            queue_service_id: "collect".into()
        }
    );
}

#[test]
fn with_the_printer_down_no_number_is_offered() {
    let flow = Harness::at(
        State::walk_in(false, vec![collect()]),
        Language::English,
        TUESDAY_930,
    );
    assert_eq!(flow.state.step(), Step::PrinterDown);
    flow.assert_hides("Collect an identity card");
    assert!(
        flow.focus_targets()
            .iter()
            .all(|(_, m)| !matches!(m, Message::ChooseService(_)))
    );
}

#[test]
fn a_scan_on_the_choice_means_an_appointment_and_checks_it_in() {
    let mut flow = walk_in(Language::English);
    let qr = "KB1-K7PX3MQ9RT-0123456789abcdef0123456789abcdef";
    assert_eq!(
        flow.answer(Reply::Scanned(qr.into())),
        Action::Lookup { code: qr.into() }
    );
    assert!(!flow.state.is_walk_in());
}

#[test]
fn every_walk_in_screen_speaks_and_shows_its_words_in_every_language() {
    let dir = support::screens_dir("walk-in");
    for language in [
        Language::Dutch,
        Language::French,
        Language::German,
        Language::English,
    ] {
        let tag = format!("{language:?}").to_lowercase();
        let mut flow = walk_in(language);
        let spoken = flow.spoken();
        assert!(spoken.len() >= 4, "{spoken:?}");
        let name = collect().name;
        let name = match language {
            Language::Dutch => name.nl,
            Language::French => name.fr,
            Language::German => name.de,
            Language::English => name.en,
        };
        assert!(spoken.contains(&name), "{spoken:?}");
        flow.dump(&dir, &format!("{tag}-1-choose"));
        flow.send(Message::ChooseService("collect".into()));
        flow.dump(&dir, &format!("{tag}-2-taking"));
        flow.answer(Reply::NumberGiven(Ok(given("E004"))));
        flow.answer(Reply::Printed(Ok(())));
        flow.dump(&dir, &format!("{tag}-3-ticket"));
        let mut closed = walk_in(language);
        closed.send(Message::ChooseService("information".into()));
        closed.answer(Reply::NumberGiven(Err(Failure::WalkInClosed {
            opens_at: Some(at("2026-12-01T13:00:00+01:00")),
        })));
        closed.dump(&dir, &format!("{tag}-4-closed"));
        assert!(
            closed.spoken().iter().any(|l| l.contains("13:00")),
            "{:?}",
            closed.spoken()
        );
    }
}

#[test]
fn the_kiosks_own_limit_says_the_kiosk_is_busy_not_that_the_resident_did_wrong() {
    use kiosk_core::sync::{SyncError, TakeNumberError};
    let problem = |extensions: serde_json::Value| {
        TakeNumberError::Backend(SyncError::Problem(Box::new(kiosk_api::Problem {
            kind: kiosk_api::problem_type::TOO_MANY_ATTEMPTS.into(),
            title: "Too many requests".into(),
            status: 429,
            detail: None,
            extensions: serde_json::from_value(extensions).unwrap(),
        })))
    };
    let busy = Failure::from_take_number(&problem(serde_json::json!({"limit": "walk_ins"})));
    assert_eq!(busy, Failure::KioskBusy);
    assert_eq!(
        Failure::from_take_number(&problem(serde_json::json!({}))),
        Failure::RateLimited,
        "a 429 without the kiosk's limit is not the kiosk's"
    );
    let mut flow = walk_in(Language::English);
    flow.click("Collect an identity card");
    flow.answer(Reply::NumberGiven(Err(busy)));
    flow.assert_shows(
        "This kiosk has given many numbers in a short time. Please try again in a few minutes, or go to the desk.",
    );
    assert_eq!(
        flow.click("Try again"),
        Action::TakeNumber {
            queue_service_id: "collect".into()
        }
    );
}
