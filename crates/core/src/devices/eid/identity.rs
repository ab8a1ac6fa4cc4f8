//! The identity (3F00/DF01/4031) and address (4033) files as typed values.
//!
//! Both hold personal data: their `Debug` shows no field, and their errors name tags, never
//! values, so that neither can leak into a log.

use std::fmt;

use jiff::civil::Date;

use super::dates::{self, BirthDate};
use super::tlv::{self, Field, TlvError};
use crate::domain::{NationalNumber, NationalNumberError, Sex};

/// Identity file tags.
pub use kiosk_api::beid_tlv::tag;

/// Why a file's content is not an identity or an address. Tags only, never values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum DataError {
    #[error("the file is not well-formed TLV: {0}")]
    Tlv(#[from] TlvError),
    #[error("field {tag} is missing")]
    Missing { tag: u8 },
    #[error("field {tag} appears twice")]
    Duplicate { tag: u8 },
    #[error("field {tag} is not UTF-8 text")]
    NotText { tag: u8 },
    #[error("field {tag} is not a date")]
    NotADate { tag: u8 },
    #[error("the national number is not valid: {0}")]
    NationalNumber(NationalNumberError),
    #[error("the gender is neither M nor F/V/W")]
    Gender,
    #[error("the document type is not a number")]
    DocumentType,
}

/// The holder as the identity file describes them.
#[derive(Clone, PartialEq, Eq)]
pub struct Identity {
    /// The card's own number (12 digits on current cards), printed on its front.
    pub card_number: String,
    pub valid_from: Date,
    pub valid_to: Date,
    pub national_number: NationalNumber,
    pub surname: String,
    /// All first names, space-separated, as the card has them (may be empty).
    pub first_names: String,
    pub nationality: String,
    pub birth_place: String,
    pub birth_date: BirthDate,
    pub gender: Sex,
    /// The code as the card stores it; 1 is the Belgian citizen's eID.
    pub document_type: u8,
    /// Hash of the photo file (4035): SHA-1 or SHA-256 on applet 1.7 cards, SHA-384 on 1.8.
    pub photo_hash: Vec<u8>,
}

impl Identity {
    pub fn parse(file: &[u8]) -> Result<Self, DataError> {
        let fields = Fields::new(file)?;
        let national_number = NationalNumber::parse(&fields.text(tag::NATIONAL_NUMBER)?)
            .map_err(DataError::NationalNumber)?;
        Ok(Self {
            card_number: fields.text(tag::CARD_NUMBER)?,
            valid_from: fields.validity(tag::VALID_FROM)?,
            valid_to: fields.validity(tag::VALID_TO)?,
            national_number,
            surname: fields.text(tag::SURNAME)?,
            first_names: fields.text(tag::FIRST_NAMES)?,
            nationality: fields.text(tag::NATIONALITY)?,
            birth_place: fields.text(tag::BIRTH_PLACE)?,
            birth_date: dates::parse_birth(&fields.text(tag::BIRTH_DATE)?).ok_or(
                DataError::NotADate {
                    tag: tag::BIRTH_DATE,
                },
            )?,
            gender: gender(&fields.text(tag::GENDER)?)?,
            document_type: fields
                .text(tag::DOCUMENT_TYPE)?
                .trim()
                .parse()
                .map_err(|_| DataError::DocumentType)?,
            photo_hash: fields.bytes(tag::PHOTO_HASH)?.to_vec(),
        })
    }

    /// Whether the card is valid on `date` (both ends included).
    pub fn is_valid_on(&self, date: Date) -> bool {
        self.valid_from <= date && date <= self.valid_to
    }
}

impl fmt::Debug for Identity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Identity(..)")
    }
}

/// The holder's main residence as the address file has it.
#[derive(Clone, PartialEq, Eq)]
pub struct Address {
    pub street_and_number: String,
    pub postal_code: String,
    pub municipality: String,
}

impl Address {
    pub fn parse(file: &[u8]) -> Result<Self, DataError> {
        let fields = Fields::new(file)?;
        Ok(Self {
            street_and_number: fields.text(tag::STREET_AND_NUMBER)?,
            postal_code: fields.text(tag::POSTAL_CODE)?,
            municipality: fields.text(tag::MUNICIPALITY)?,
        })
    }
}

impl fmt::Debug for Address {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Address(..)")
    }
}

/// M for men; F (French), V (Dutch) or W (German) for women.
fn gender(text: &str) -> Result<Sex, DataError> {
    match text.trim() {
        "M" => Ok(Sex::Male),
        "F" | "V" | "W" => Ok(Sex::Female),
        _ => Err(DataError::Gender),
    }
}

/// A file's fields by tag; unknown tags (newer cards, tag 0 the version) are kept but unused.
struct Fields<'a>(Vec<Field<'a>>);

impl<'a> Fields<'a> {
    fn new(file: &'a [u8]) -> Result<Self, DataError> {
        Ok(Self(tlv::parse(file)?))
    }

    /// The one field with `tag`: a second one is refused rather than guessed between.
    fn bytes(&self, tag: u8) -> Result<&'a [u8], DataError> {
        let mut found = self.0.iter().filter(|f| f.tag == tag);
        let field = found.next().ok_or(DataError::Missing { tag })?;
        if found.next().is_some() {
            return Err(DataError::Duplicate { tag });
        }
        Ok(field.value)
    }

    fn text(&self, tag: u8) -> Result<String, DataError> {
        let bytes = self.bytes(tag)?;
        std::str::from_utf8(bytes)
            .map(str::to_owned)
            .map_err(|_| DataError::NotText { tag })
    }

    fn validity(&self, tag: u8) -> Result<Date, DataError> {
        dates::parse_validity(&self.text(tag)?).ok_or(DataError::NotADate { tag })
    }
}
