//! Shared test helpers: Fluent labels from locales/*/print.ftl and sample models.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used, clippy::panic)]

pub mod emupos;
pub mod fake;
pub mod pdf_tools;

use std::path::PathBuf;

use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};
use jiff::ZonedDateTime;
use kiosk_print::Labels;
use kiosk_print::models::{
    BookingConfirmation, BookingTicket, Certificate, Document, Municipality, Person, QueueTicket,
    TestTicket, Ticket, Verification,
};

pub const LANGS: [&str; 4] = ["nl-BE", "fr-BE", "de-BE", "en"];

pub fn locales_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../locales")
}

/// What the kiosk does with its bundles, for tests.
pub struct FluentLabels(FluentBundle<FluentResource>);

impl FluentLabels {
    pub fn new(lang: &str) -> Self {
        let path = locales_dir().join(lang).join("print.ftl");
        let source = std::fs::read_to_string(&path).unwrap();
        let resource = FluentResource::try_new(source)
            .unwrap_or_else(|(_, errors)| panic!("{}: {errors:?}", path.display()));
        let mut bundle = FluentBundle::new(vec![lang.parse().unwrap()]);
        bundle.set_use_isolating(false);
        bundle.add_resource(resource).unwrap();
        Self(bundle)
    }
}

impl Labels for FluentLabels {
    fn text(&self, id: &str, args: &[(&str, String)]) -> String {
        let message = self
            .0
            .get_message(id)
            .unwrap_or_else(|| panic!("missing message {id}"));
        let pattern = message.value().unwrap();
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            match value.parse::<i64>() {
                Ok(n) => fluent_args.set(*name, FluentValue::from(n)),
                Err(_) => fluent_args.set(*name, FluentValue::from(value.clone())),
            }
        }
        let mut errors = Vec::new();
        let text = self
            .0
            .format_pattern(pattern, Some(&fluent_args), &mut errors);
        assert!(errors.is_empty(), "{id}: {errors:?}");
        text.into_owned()
    }
}

pub fn at(s: &str) -> ZonedDateTime {
    s.parse().unwrap()
}

pub fn queue_ticket(number: &str) -> Ticket {
    Ticket::Queue(QueueTicket {
        municipality: "Gemeente Heusden-Zolder".to_owned(),
        number: number.to_owned(),
        service: "Reispas".to_owned(),
        booked_at: Some(at("2026-03-03T09:30:00+01:00[Europe/Brussels]")),
        people_ahead: Some(3),
        estimated_wait_minutes: Some(12),
        printed_at: at("2026-03-03T09:12:00+01:00[Europe/Brussels]"),
    })
}

pub fn booking_ticket(code: &str) -> Ticket {
    Ticket::Booking(BookingTicket {
        municipality: "Gemeente Heusden-Zolder".to_owned(),
        product: "Aanvraag identiteitskaart (eID) voor Łukasz Şahin".to_owned(),
        starts_at: at("2026-03-31T10:15:00+02:00[Europe/Brussels]"),
        location: "Gemeentehuis, loket Burgerzaken, Pastorijstraat 10".to_owned(),
        booking_code: code.to_owned(),
        qr_payload: format!("https://afspraak.example.be/b/{code}?t=9f3a0c5e7d21b846"),
        bring: vec![
            "Uw huidige identiteitskaart".to_owned(),
            "Een recente pasfoto (niet ouder dan 6 maanden)".to_owned(),
        ],
    })
}

pub fn test_ticket() -> Ticket {
    Ticket::Test(TestTicket {
        municipality: "Gemeente Heusden-Zolder".to_owned(),
        printer_name: "Onthaal".to_owned(),
        printed_at: at("2026-03-03T09:12:00+01:00[Europe/Brussels]"),
    })
}

pub fn municipality() -> Municipality {
    Municipality {
        name: "Gemeente Heusden-Zolder".to_owned(),
        address: vec![
            "Pastorijstraat 10".to_owned(),
            "3550 Heusden-Zolder".to_owned(),
        ],
        website: "www.heusden-zolder.example".to_owned(),
    }
}

/// A proof of residence, or a household certificate with `household` other members, titled in
/// Dutch as the backend would for a Dutch request.
pub fn certificate(household: usize) -> Document {
    let title = if household > 0 {
        "Samenstelling van het gezin"
    } else {
        "Bewijs van woonst"
    };
    certificate_titled(household, title)
}

/// [`certificate`] with the title the backend gives in another language.
pub fn certificate_titled(household: usize, title: &str) -> Document {
    Document::Certificate(Certificate {
        type_code: if household > 0 {
            "household"
        } else {
            "residence"
        }
        .to_owned(),
        title: title.to_owned(),
        municipality: municipality(),
        person: Person {
            surname: "Dupré".to_owned(),
            first_names: "Anaïs Łucja".to_owned(),
            birth_place: "Liège".to_owned(),
            birth_date: jiff::civil::date(1985, 7, 30),
            national_number: "85.07.30-033.28".to_owned(),
            nationality: "Belg".to_owned(),
            address: "Kerkstraat 12 bus 3, 3550 Heusden-Zolder".to_owned(),
            address_since: Some(jiff::civil::date(2019, 5, 2)),
        },
        household: (0..household)
            .map(|i| format!("Şahin Dupré, Élodie {} (° 0{}/03/2012)", i + 1, i % 9 + 1))
            .collect(),
        purpose: None,
        document_number: "HZ-2026-000123".to_owned(),
        issued_at: at("2026-03-03T09:12:00+01:00[Europe/Brussels]"),
        verification: Verification {
            url: "https://verify.heusden-zolder.example/d/HZ-2026-000123?c=Q7KX9MPA".to_owned(),
            code: "Q7KX9MPA".to_owned(),
        },
    })
}

pub fn confirmation() -> Document {
    Document::BookingConfirmation(BookingConfirmation {
        municipality: municipality(),
        resident_name: "Anaïs Dupré".to_owned(),
        product: "Reispas".to_owned(),
        starts_at: at("2026-03-31T10:15:00+02:00[Europe/Brussels]"),
        location: "Gemeentehuis, loket Burgerzaken".to_owned(),
        booking_code: "K7P9X2QA".to_owned(),
        document_number: "HZ-B-2026-004711".to_owned(),
        issued_at: at("2026-03-03T09:12:00+01:00[Europe/Brussels]"),
        bring: vec!["Uw identiteitskaart".to_owned()],
        verification: Verification {
            url: "https://afspraak.example.be/b/K7P9X2QA?t=9f3a0c5e7d21b846".to_owned(),
            code: "K7P9X2QA".to_owned(),
        },
    })
}
