//! The figures as tables: the one shape the page, its CSV exports and (through the same values)
//! the JSON share. The page draws its tables from these, so what a clerk reads and what the
//! export holds cannot differ.

use std::collections::HashMap;

use kiosk_api::{Channel, Figures};
use uuid::Uuid;

/// One value of a table.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    Count(u64),
    /// A fraction (0.45 = 45 %); `None`: no data.
    Share(Option<f64>),
    /// Seconds; `None`: no data.
    Seconds(Option<f64>),
}

/// A column: its key (the CSV header, stable for BI tools) and its Dutch heading.
pub struct Column {
    pub key: &'static str,
    pub heading: &'static str,
}

pub struct Table {
    /// Also the CSV export's `table=` name.
    pub id: &'static str,
    pub caption: &'static str,
    pub columns: Vec<Column>,
    pub rows: Vec<Vec<Cell>>,
}

/// Every table's id, in page order.
pub const TABLE_IDS: [&str; 6] = [
    "summary",
    "bookings",
    "waiting",
    "walk_ins",
    "certificates",
    "kiosks",
];

fn columns(list: &[(&'static str, &'static str)]) -> Vec<Column> {
    list.iter()
        .map(|&(key, heading)| Column { key, heading })
        .collect()
}

/// Dutch name of a channel.
pub fn channel_name(channel: Channel) -> &'static str {
    match channel {
        Channel::Kiosk => "Kiosk",
        Channel::Desk => "Loket of telefoon",
        Channel::Web => "Web",
    }
}

fn text(s: impl Into<String>) -> Cell {
    Cell::Text(s.into())
}

fn seconds(s: Option<i64>) -> Cell {
    Cell::Seconds(s.map(|v| v as f64))
}

/// The tables of `f`, in page order ([`TABLE_IDS`]); kiosks are named by their hardware too.
pub fn tables(f: &Figures) -> Vec<Table> {
    let hardware: HashMap<Uuid, &str> = f
        .kiosks
        .iter()
        .map(|k| (k.kiosk_id, k.hardware_id.as_str()))
        .collect();
    let key_value = &[
        ("figure", "Cijfer"),
        ("key", "Sleutel"),
        ("value", "Waarde"),
    ];
    let b = &f.bookings;
    let w = &f.waiting;
    let summary = Table {
        id: "summary",
        caption: "Kerncijfers",
        columns: columns(key_value),
        rows: vec![
            vec![
                text("Zelf geboekte afspraken (kiosk en web)"),
                text("self_booked_share"),
                Cell::Share(b.self_booked_share),
            ],
            vec![
                text("Gemiddelde wachttijd tot de oproep"),
                text("mean_wait_seconds"),
                Cell::Seconds(w.mean_seconds),
            ],
            vec![
                text("Bediend voor het geboekte uur"),
                text("served_before_booked_time_share"),
                Cell::Share(b.served_before_booked_time_share),
            ],
            vec![
                text("Attesten zonder naar het loket te komen"),
                text("certificates_without_desk_share"),
                Cell::Share(f.certificates.without_desk_share),
            ],
        ],
    };
    let mut booking_rows: Vec<Vec<Cell>> = b
        .by_channel
        .iter()
        .map(|c| {
            vec![
                text(c.channel.as_str()),
                text(channel_name(c.channel)),
                Cell::Count(c.count),
            ]
        })
        .collect();
    booking_rows.push(vec![text("total"), text("Totaal"), Cell::Count(b.total)]);
    let bookings = Table {
        id: "bookings",
        caption: "Afspraken per kanaal",
        columns: columns(&[
            ("channel", "Kanaal"),
            ("name", "Naam"),
            ("count", "Afspraken"),
        ]),
        rows: booking_rows,
    };
    let waiting = Table {
        id: "waiting",
        caption: "Wachttijd van aanmelden tot oproep, en afspraken",
        columns: columns(key_value),
        rows: vec![
            vec![
                text("Opgeroepen tickets"),
                text("tickets_called"),
                Cell::Count(w.tickets_called),
            ],
            vec![
                text("Gemiddelde wachttijd"),
                text("mean_seconds"),
                Cell::Seconds(w.mean_seconds),
            ],
            vec![
                text("Mediaan"),
                text("median_seconds"),
                seconds(w.median_seconds),
            ],
            vec![
                text("90e percentiel"),
                text("p90_seconds"),
                seconds(w.p90_seconds),
            ],
            vec![
                text("Opgeroepen afspraken"),
                text("appointments_called"),
                Cell::Count(b.called),
            ],
            vec![
                text("Waarvan voor het geboekte uur"),
                text("called_before_booked_time"),
                Cell::Count(b.called_before_booked_time),
            ],
            vec![
                text("Aandeel voor het geboekte uur"),
                text("served_before_booked_time_share"),
                Cell::Share(b.served_before_booked_time_share),
            ],
            vec![
                text("Niet opgedaagd (no-shows)"),
                text("no_shows"),
                Cell::Count(b.no_shows),
            ],
        ],
    };
    let walk_ins = Table {
        id: "walk_ins",
        caption: "Zonder afspraak, per dienst",
        columns: columns(&[
            ("service_id", "Dienst (code)"),
            ("service", "Dienst"),
            ("count", "Tickets"),
        ]),
        rows: f
            .walk_ins
            .iter()
            .map(|s| {
                vec![
                    text(&s.service_id),
                    text(&s.service_name),
                    Cell::Count(s.count),
                ]
            })
            .collect(),
    };
    let certificates = Table {
        id: "certificates",
        caption: "Attesten per soort, kanaal en kiosk",
        columns: columns(&[
            ("certificate_type", "Soort"),
            ("channel", "Kanaal"),
            ("kiosk_id", "Kiosk"),
            ("kiosk", "Kiosk (toestel)"),
            ("count", "Attesten"),
        ]),
        rows: f
            .certificates
            .by_type
            .iter()
            .map(|c| {
                let kiosk = c.kiosk_id.map(|k| k.to_string()).unwrap_or_default();
                let device = c
                    .kiosk_id
                    .and_then(|k| hardware.get(&k).copied())
                    .unwrap_or("");
                vec![
                    text(&c.certificate_type),
                    text(c.channel.as_str()),
                    text(kiosk),
                    text(device),
                    Cell::Count(c.count),
                ]
            })
            .collect(),
    };
    let kiosks = Table {
        id: "kiosks",
        caption: "Beschikbaarheid van de kiosken tijdens de openingsuren",
        columns: columns(&[
            ("kiosk_id", "Kiosk"),
            ("hardware_id", "Toestel"),
            ("location_id", "Locatie"),
            ("open_minutes", "Open (min)"),
            ("up_minutes", "In werking (min)"),
            ("uptime_share", "Beschikbaar"),
            ("paper_out_minutes", "Papier op (min)"),
        ]),
        rows: f
            .kiosks
            .iter()
            .map(|k| {
                vec![
                    text(k.kiosk_id.to_string()),
                    text(&k.hardware_id),
                    text(&k.location_id),
                    Cell::Count(k.open_minutes),
                    Cell::Count(k.up_minutes),
                    Cell::Share(k.uptime_share),
                    Cell::Count(k.paper_out_minutes),
                ]
            })
            .collect(),
    };
    vec![summary, bookings, waiting, walk_ins, certificates, kiosks]
}
