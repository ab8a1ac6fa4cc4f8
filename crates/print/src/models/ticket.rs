//! Tickets printed on the thermal printer.

use jiff::ZonedDateTime;
use serde::{Deserialize, Serialize};

use super::{Block, date_time, day_and_time};
use crate::labels::Labels;

/// A booking ticket: proof of an appointment, scanned at the kiosk on arrival.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BookingTicket {
    pub municipality: String,
    pub product: String,
    pub starts_at: ZonedDateTime,
    pub location: String,
    /// The short human code (8+ characters, unambiguous alphabet), also printed as CODE128.
    pub booking_code: String,
    /// The QR payload (carries the unguessable token).
    pub qr_payload: String,
    /// What to bring, one item per entry, already in the resident's language.
    pub bring: Vec<String>,
}

/// A queue ticket, printed at check-in.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QueueTicket {
    pub municipality: String,
    /// E.g. "B007".
    pub number: String,
    pub service: String,
    /// The booked start, absent for walk-ins.
    pub booked_at: Option<ZonedDateTime>,
    /// Unknown for a ticket numbered offline by the kiosk: then no line is printed rather than a
    /// wrong "nobody ahead of you".
    pub people_ahead: Option<u32>,
    pub estimated_wait_minutes: Option<u32>,
    pub printed_at: ZonedDateTime,
}

/// A test page for staff: proves the code page, the QR and the barcode.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TestTicket {
    pub municipality: String,
    pub printer_name: String,
    pub printed_at: ZonedDateTime,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Ticket {
    Booking(BookingTicket),
    Queue(QueueTicket),
    Test(TestTicket),
}

impl Ticket {
    /// The journal's name for this kind of job.
    pub fn kind(&self) -> &'static str {
        match self {
            Self::Booking(_) => "booking_ticket",
            Self::Queue(_) => "queue_ticket",
            Self::Test(_) => "test_ticket",
        }
    }

    pub fn blocks(&self, labels: &dyn Labels) -> Vec<Block> {
        match self {
            Self::Booking(t) => t.blocks(labels),
            Self::Queue(t) => t.blocks(labels),
            Self::Test(t) => t.blocks(labels),
        }
    }
}

impl BookingTicket {
    pub fn blocks(&self, labels: &dyn Labels) -> Vec<Block> {
        let mut blocks = vec![
            Block::Logo,
            Block::Heading(self.municipality.clone()),
            Block::Rule,
            Block::Heading(labels.get("print-booking-heading")),
            Block::Field {
                label: labels.get("print-label-product"),
                value: self.product.clone(),
            },
            Block::Field {
                label: labels.get("print-label-when"),
                value: day_and_time(labels, &self.starts_at),
            },
            Block::Field {
                label: labels.get("print-label-location"),
                value: self.location.clone(),
            },
            Block::Field {
                label: labels.get("print-label-booking-code"),
                value: self.booking_code.clone(),
            },
        ];
        if !self.bring.is_empty() {
            blocks.push(Block::Space);
            blocks.push(Block::Text(labels.get("print-label-bring")));
            blocks.extend(self.bring.iter().cloned().map(Block::Bullet));
        }
        blocks.extend([
            Block::Space,
            Block::Qr(self.qr_payload.clone()),
            Block::Barcode(self.booking_code.clone()),
            Block::Text(labels.get("print-booking-scan")),
        ]);
        blocks
    }
}

impl QueueTicket {
    pub fn blocks(&self, labels: &dyn Labels) -> Vec<Block> {
        let mut blocks = vec![
            Block::Logo,
            Block::Heading(self.municipality.clone()),
            Block::Rule,
            Block::Small(labels.get("print-queue-heading")),
            Block::Huge(self.number.clone()),
            Block::Emphasis(self.service.clone()),
            Block::Space,
        ];
        if let Some(at) = &self.booked_at {
            blocks.push(Block::Field {
                label: labels.get("print-label-appointment"),
                value: at.strftime("%H:%M").to_string(),
            });
        }
        if let Some(people) = self.people_ahead {
            blocks.push(Block::Text(
                labels.text("print-people-ahead", &[("count", people.to_string())]),
            ));
        }
        if let Some(minutes) = self.estimated_wait_minutes {
            blocks.push(Block::Text(
                labels.text("print-estimated-wait", &[("minutes", minutes.to_string())]),
            ));
        }
        blocks.extend([
            Block::Space,
            Block::Emphasis(labels.get("print-queue-instruction")),
            Block::Space,
            Block::Small(labels.text("print-printed-at", &[("time", date_time(&self.printed_at))])),
        ]);
        blocks
    }
}

impl TestTicket {
    pub fn blocks(&self, labels: &dyn Labels) -> Vec<Block> {
        vec![
            Block::Logo,
            Block::Heading(self.municipality.clone()),
            Block::Rule,
            Block::Heading(labels.get("print-test-heading")),
            Block::Field {
                label: labels.get("print-label-printer"),
                value: self.printer_name.clone(),
            },
            Block::Text(labels.get("print-test-body")),
            // Every accent our four languages use, the euro sign, and two names that must be
            // transliterated: what a technician checks at a glance.
            Block::Text("àâäçéèêëïîôöùûüÿæœ ÀÉÈÇÖÜ ß € Łukasz Şahin".to_owned()),
            Block::Qr("KIOSK-TEST-0123456789".to_owned()),
            Block::Barcode("TEST1234".to_owned()),
            Block::Small(labels.text("print-printed-at", &[("time", date_time(&self.printed_at))])),
        ]
    }
}
