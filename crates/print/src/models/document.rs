//! A4 documents: certificates from the population register and booking confirmations.

use jiff::ZonedDateTime;
use serde::{Deserialize, Serialize};

use super::{Block, Certificate, day_and_time};
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
            Self::Certificate(c) => c.title.clone(),
            Self::BookingConfirmation(_) => labels.get("print-confirmation-title"),
        }
    }

    /// The body between the header and the verification footer.
    pub fn blocks(&self, labels: &dyn Labels) -> Vec<Block> {
        match self {
            Self::Certificate(c) => c.blocks(labels),
            Self::BookingConfirmation(b) => confirmation_blocks(b, labels),
        }
    }
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
