//! Certificates from the population register: an eID challenge, the signed card files that prove who
//! asks, the issued document's data, and the public check of a printed document.
//!
//! Binary fields (card files, certificates, signatures, the challenge) are standard base64 with padding.

use jiff::ZonedDateTime;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// `POST /v1/eid-challenges`: random bytes for the card's authentication key, once, soon. The card
/// signs `hash(PREFIX || challenge)`, never the challenge itself ([`crate::eid_signing`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EidChallenge {
    /// base64 of exactly 32 random bytes.
    #[cfg_attr(feature = "openapi", schema(format = Byte))]
    pub challenge: String,
    #[serde(with = "crate::rfc3339")]
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub expires_at: ZonedDateTime,
}

/// What the kiosk read from the card, and the card's signature over a challenge (all base64).
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EidEvidence {
    /// Identity file (3F00/DF01/4031), TLV.
    #[cfg_attr(feature = "openapi", schema(format = Byte))]
    pub identity: String,
    /// 4032: the national register's signature over `identity`.
    #[cfg_attr(feature = "openapi", schema(format = Byte))]
    pub identity_sig: String,
    /// Address file (4033), TLV.
    #[cfg_attr(feature = "openapi", schema(format = Byte))]
    pub address: String,
    /// 4034: the national register's signature over `address || identity_sig`.
    #[cfg_attr(feature = "openapi", schema(format = Byte))]
    pub address_sig: String,
    /// 503C: the national register's certificate (DER).
    #[cfg_attr(feature = "openapi", schema(format = Byte))]
    pub rrn_cert: String,
    /// 5038: the card's authentication certificate (DER).
    #[cfg_attr(feature = "openapi", schema(format = Byte))]
    pub auth_cert: String,
    /// The challenge from `POST /v1/eid-challenges`, as received.
    #[cfg_attr(feature = "openapi", schema(format = Byte))]
    pub challenge: String,
    /// The authentication key's signature over `hash(PREFIX || challenge)`
    /// ([`crate::eid_signing`]: SHA-384 for P-384 keys, raw `r || s`; SHA-256 otherwise, the
    /// DigestInfo padded for RSA).
    #[cfg_attr(feature = "openapi", schema(format = Byte))]
    pub challenge_sig: String,
    /// 503A: the intermediate CA certificate(s) (DER) between the card's certificates and the
    /// trust anchor, e.g. the Citizen CA; empty when the anchor signs them directly. At most 3,
    /// each at most 4 KB.
    #[serde(default)]
    pub ca_certs: Vec<String>,
}

/// Personal data: never shown in logs.
impl std::fmt::Debug for EidEvidence {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("EidEvidence(..)")
    }
}

/// The evidence as the card gives it, before it is written for the wire: the kiosk fills it from
/// the card, the test cards from their files. `Debug` shows nothing (personal data).
pub struct RawEvidence<'a> {
    pub identity: &'a [u8],
    pub identity_sig: &'a [u8],
    pub address: &'a [u8],
    pub address_sig: &'a [u8],
    pub rrn_cert: &'a [u8],
    pub auth_cert: &'a [u8],
    /// The intermediates between the trust anchor and `auth_cert` (the card's Citizen CA, 503A).
    pub ca_certs: &'a [&'a [u8]],
    pub challenge: &'a [u8],
    pub challenge_sig: &'a [u8],
}

impl std::fmt::Debug for RawEvidence<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("RawEvidence(..)")
    }
}

impl RawEvidence<'_> {
    /// Every field in standard base64 with padding, as the API carries binary fields.
    pub fn encode(&self) -> EidEvidence {
        use base64::Engine as _;
        let e = |bytes: &[u8]| base64::engine::general_purpose::STANDARD.encode(bytes);
        EidEvidence {
            identity: e(self.identity),
            identity_sig: e(self.identity_sig),
            address: e(self.address),
            address_sig: e(self.address_sig),
            rrn_cert: e(self.rrn_cert),
            auth_cert: e(self.auth_cert),
            ca_certs: self.ca_certs.iter().map(|cert| e(cert)).collect(),
            challenge: e(self.challenge),
            challenge_sig: e(self.challenge_sig),
        }
    }
}

/// `POST /v1/certificate-requests`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CreateCertificateRequest {
    /// A certificate type code from the catalogue (`household`, `residence`, ...).
    #[serde(rename = "type")]
    pub certificate_type: String,
    /// `nl`, `fr`, `de` or `en`: the document's language.
    pub language: String,
    /// Required by types with `needs_purpose`.
    #[serde(default)]
    pub purpose: Option<String>,
    pub eid: EidEvidence,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum CertificateRequestStatus {
    /// Issued: `document` holds what to print.
    Ready,
    /// Needs a manual check (model 596.2): delivered later, no document now.
    Pending,
    Rejected,
}

/// The answer to `POST /v1/certificate-requests` (201).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CertificateRequestResult {
    pub id: Uuid,
    pub status: CertificateRequestStatus,
    #[serde(default)]
    pub document: Option<CertificateDocument>,
}

/// The issuing municipality, as printed in the header.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DocumentMunicipality {
    pub name: String,
    /// Address lines (street, postal code and town).
    pub address: Vec<String>,
    pub website: String,
}

/// The person the document is about, formatted for printing.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CertifiedPerson {
    pub surname: String,
    pub first_names: String,
    pub birth_place: String,
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Date))]
    pub birth_date: Date,
    /// Formatted for display (`85.07.30-033.28`).
    pub national_number: String,
    pub nationality: String,
    /// One line: street, number, box, postal code, municipality.
    pub address: String,
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, format = Date))]
    pub address_since: Option<Date>,
}

/// Personal data: never shown in logs.
impl std::fmt::Debug for CertifiedPerson {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("CertifiedPerson(..)")
    }
}

/// How a receiving party checks the document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DocumentVerification {
    /// For the QR code.
    pub url: String,
    /// For typing on the municipality's site.
    pub code: String,
}

/// Everything the kiosk prints on the certificate, in the requested language (kiosk-print's
/// `Certificate` model is filled from this).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CertificateDocument {
    /// The certificate type code.
    #[serde(rename = "type")]
    pub certificate_type: String,
    pub language: String,
    /// The type's name in `language`.
    pub title: String,
    pub municipality: DocumentMunicipality,
    pub person: CertifiedPerson,
    /// For a household certificate: the other members, "first names surname (birth date)".
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub household: Vec<String>,
    #[serde(default)]
    pub purpose: Option<String>,
    pub document_number: String,
    #[serde(with = "crate::rfc3339")]
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub issued_at: ZonedDateTime,
    pub verification: DocumentVerification,
}

/// `GET /v1/documents/verify?code=`: public, so it says as little as it can.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DocumentCheck {
    pub genuine: bool,
    #[serde(default, rename = "type")]
    pub certificate_type: Option<String>,
    #[serde(default)]
    pub document_number: Option<String>,
    #[serde(default, with = "crate::rfc3339::option")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, format = DateTime))]
    pub issued_at: Option<ZonedDateTime>,
    /// Initials of the person, e.g. `J.P.`.
    #[serde(default)]
    pub initials: Option<String>,
}
