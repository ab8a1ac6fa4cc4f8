//! A certificate from the population register or the central criminal record, as the backend
//! issued it: the kiosk prints any type the catalogue offers without knowing it in advance.

use jiff::ZonedDateTime;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::{Block, Municipality, Verification, date, date_time};
use crate::labels::Labels;

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

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Certificate {
    /// The catalogue's type code (`household`, `criminal-record-596-1`, ...): it chooses the
    /// statement above the person.
    pub type_code: String,
    /// The type's name in the document's language, as the backend issued it: the backend owns
    /// the catalogue, so a type added there prints with its own name.
    pub title: String,
    pub municipality: Municipality,
    pub person: Person,
    /// For a household certificate: the other members, "name (birth date)".
    pub household: Vec<String>,
    /// What the resident asked the document for, when the type needs one (criminal record
    /// extracts).
    pub purpose: Option<String>,
    pub document_number: String,
    pub issued_at: ZonedDateTime,
    pub verification: Verification,
}

/// The print label of the sentence saying what a certificate type certifies. Model 596.2 is
/// delivered later, never at the kiosk; it is listed anyway so that it could never fall to the
/// generic sentence.
pub fn statement_id(type_code: &str) -> &'static str {
    match type_code {
        "residence" => "print-cert-statement-residence",
        "residence-history" => "print-cert-statement-residence-history",
        "household" => "print-cert-statement-household",
        "nationality" => "print-cert-statement-nationality",
        "life" => "print-cert-statement-life",
        "legal-cohabitation" => "print-cert-statement-legal-cohabitation",
        "residence-marriage" => "print-cert-statement-residence-marriage",
        "elector" => "print-cert-statement-elector",
        "register-extract" => "print-cert-statement-register-extract",
        "criminal-record-595" | "criminal-record-596-1" | "criminal-record-596-2" => {
            "print-cert-statement-criminal-record"
        }
        // A type the catalogue gained after this kiosk was built: a neutral sentence rather
        // than a claim the document may not make.
        _ => "print-cert-statement-generic",
    }
}

impl Certificate {
    pub fn blocks(&self, labels: &dyn Labels) -> Vec<Block> {
        let p = &self.person;
        let field = |id: &str, value: String| Block::Field {
            label: labels.get(id),
            value,
        };
        let mut blocks = vec![
            Block::Text(labels.text(
                statement_id(&self.type_code),
                &[("municipality", self.municipality.name.clone())],
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
        if !self.household.is_empty() {
            blocks.push(Block::Space);
            blocks.push(Block::Text(labels.get("print-label-household")));
            blocks.extend(self.household.iter().cloned().map(Block::Bullet));
        }
        // A blank purpose is no purpose: printing "Purpose:" alone would look like a gap.
        if let Some(purpose) = self.purpose.as_deref().map(str::trim)
            && !purpose.is_empty()
        {
            blocks.push(Block::Space);
            blocks.push(field("print-label-purpose", purpose.to_owned()));
        }
        blocks.push(Block::Space);
        blocks.push(Block::Text(labels.text(
            "print-cert-issued",
            &[
                ("municipality", self.municipality.name.clone()),
                ("time", date_time(&self.issued_at)),
            ],
        )));
        blocks
    }
}
