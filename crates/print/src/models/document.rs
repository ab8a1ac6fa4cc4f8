//! A4 documents: certificates from the population register and booking confirmations.

use jiff::ZonedDateTime;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::{Block, date, date_time, day_and_time};
use crate::labels::Labels;

/// The issuing municipality, printed in every document's header.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Municipality {
    pub name: String,
    /// Address lines under the name (street, postal code and town).
    pub address: Vec<String>,
    pub website: String,
}

/// How a receiving party checks the document with the municipality.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Verification {
    /// Encoded in the QR code.
    pub url: String,
    /// Typed by hand on the municipality's site when the QR cannot be scanned.
    pub code: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Person {
    pub surname: String,
    pub first_names: String,
    pub birth_place: String,
    pub birth_date: Date,
    /// Already formatted for display (`85.07.30-033.28`); never logged.
    pub national_number: String,
    pub nationality: String,
    pub address: String,
    pub address_since: Option<Date>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CertificateKind {
    MainResidence,
    Household,
    Nationality,
    Life,
}

impl CertificateKind {
    fn title_id(self) -> &'static str {
        match self {
            Self::MainResidence => "print-cert-title-main-residence",
            Self::Household => "print-cert-title-household",
            Self::Nationality => "print-cert-title-nationality",
            Self::Life => "print-cert-title-life",
        }
    }

    fn statement_id(self) -> &'static str {
        match self {
            Self::MainResidence => "print-cert-statement-main-residence",
            Self::Household => "print-cert-statement-household",
            Self::Nationality => "print-cert-statement-nationality",
            Self::Life => "print-cert-statement-life",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Certificate {
    pub kind: CertificateKind,
    pub municipality: Municipality,
    pub person: Person,
    /// For a household certificate: the other members, "name (birth date)".
    pub household: Vec<String>,
    pub document_number: String,
    pub issued_at: ZonedDateTime,
    pub verification: Verification,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BookingConfirmation {
    pub municipality: Municipality,
    pub resident_name: String,
    pub product: String,
    pub starts_at: ZonedDateTime,
    pub location: String,
    pub booking_code: String,
    pub document_number: String,
    pub issued_at: ZonedDateTime,
    pub bring: Vec<String>,
    /// The QR payload the kiosk scans on arrival.
    pub verification: Verification,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Document {
    Certificate(Certificate),
    BookingConfirmation(BookingConfirmation),
}

impl Document {
    pub fn kind(&self) -> &'static str {
        match self {
            Self::Certificate(_) => "certificate",
            Self::BookingConfirmation(_) => "booking_confirmation",
        }
    }

    pub fn municipality(&self) -> &Municipality {
        match self {
            Self::Certificate(c) => &c.municipality,
            Self::BookingConfirmation(b) => &b.municipality,
        }
    }

    pub fn document_number(&self) -> &str {
        match self {
            Self::Certificate(c) => &c.document_number,
            Self::BookingConfirmation(b) => &b.document_number,
        }
    }

    pub fn issued_at(&self) -> &ZonedDateTime {
        match self {
            Self::Certificate(c) => &c.issued_at,
            Self::BookingConfirmation(b) => &b.issued_at,
        }
    }

    pub fn verification(&self) -> &Verification {
        match self {
            Self::Certificate(c) => &c.verification,
            Self::BookingConfirmation(b) => &b.verification,
        }
    }

    pub fn title(&self, labels: &dyn Labels) -> String {
        match self {
            Self::Certificate(c) => labels.get(c.kind.title_id()),
            Self::BookingConfirmation(_) => labels.get("print-confirmation-title"),
        }
    }

    /// The body between the header and the verification footer.
    pub fn blocks(&self, labels: &dyn Labels) -> Vec<Block> {
        match self {
            Self::Certificate(c) => certificate_blocks(c, labels),
            Self::BookingConfirmation(b) => confirmation_blocks(b, labels),
        }
    }
}

fn certificate_blocks(c: &Certificate, labels: &dyn Labels) -> Vec<Block> {
    let p = &c.person;
    let field = |id: &str, value: String| Block::Field {
        label: labels.get(id),
        value,
    };
    let mut blocks = vec![
        Block::Text(labels.text(
            c.kind.statement_id(),
            &[("municipality", c.municipality.name.clone())],
        )),
        Block::Space,
        field("print-label-surname", p.surname.clone()),
        field("print-label-first-names", p.first_names.clone()),
        field(
            "print-label-born",
            format!("{}, {}", p.birth_place, date(&p.birth_date)),
        ),
        field("print-label-national-number", p.national_number.clone()),
        field("print-label-nationality", p.nationality.clone()),
        field("print-label-address", p.address.clone()),
    ];
    if let Some(since) = &p.address_since {
        blocks.push(field("print-label-address-since", date(since)));
    }
    if !c.household.is_empty() {
        blocks.push(Block::Space);
        blocks.push(Block::Text(labels.get("print-label-household")));
        blocks.extend(c.household.iter().cloned().map(Block::Bullet));
    }
    blocks.push(Block::Space);
    blocks.push(Block::Text(labels.text(
        "print-cert-issued",
        &[
            ("municipality", c.municipality.name.clone()),
            ("time", date_time(&c.issued_at)),
        ],
    )));
    blocks
}

fn confirmation_blocks(b: &BookingConfirmation, labels: &dyn Labels) -> Vec<Block> {
    let field = |id: &str, value: String| Block::Field {
        label: labels.get(id),
        value,
    };
    let mut blocks = vec![
        Block::Text(labels.text(
            "print-confirmation-intro",
            &[("name", b.resident_name.clone())],
        )),
        Block::Space,
        field("print-label-product", b.product.clone()),
        field("print-label-when", day_and_time(labels, &b.starts_at)),
        field("print-label-location", b.location.clone()),
        field("print-label-booking-code", b.booking_code.clone()),
    ];
    if !b.bring.is_empty() {
        blocks.push(Block::Space);
        blocks.push(Block::Text(labels.get("print-label-bring")));
        blocks.extend(b.bring.iter().cloned().map(Block::Bullet));
    }
    blocks.push(Block::Space);
    blocks.push(Block::Text(labels.get("print-booking-scan")));
    blocks
}
