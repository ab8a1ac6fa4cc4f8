//! A synthetic eID card for tests and the kiosk's demo card: a demo CA derived from the seed (the same
//! seed gives the same CA, which `seed --demo` stores as the trust anchor), and cards for residents of
//! the synthetic register whose files and signatures follow the rules of [`crate::eid`].
//!
//! Keys come from SHA-256 of the seed and a label: deterministic and fine for demo data, never for
//! real keys. Signatures are ECDSA P-256 / SHA-256, raw `r || s`.
//!
//! [`applet`] answers a card's APDUs like the BEID applet, [`vpcd`] puts it into vsmartcard's
//! virtual PC/SC reader, and [`demo_card`] is the card of the demo register's holder.

pub mod applet;
mod command;
mod demo;
pub mod vpcd;

pub use demo::{demo_card, demo_holder};

use std::str::FromStr;
use std::time::Duration;

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use der::Encode;
use der::asn1::UtcTime;
use p256::ecdsa::signature::Signer;
use p256::ecdsa::signature::hazmat::PrehashSigner;
use p256::ecdsa::{DerSignature, Signature, SigningKey};
use sha2::{Digest, Sha256};
use spki::SubjectPublicKeyInfoOwned;
use x509_cert::builder::{Builder, CertificateBuilder, Profile};
use x509_cert::name::Name;
use x509_cert::serial_number::SerialNumber;
use x509_cert::time::{Time, Validity};

use crate::eid::tlv::{encode, tag};

#[derive(Debug, thiserror::Error)]
pub enum TestCardError {
    #[error("key: {0}")]
    Key(String),
    #[error("certificate: {0}")]
    Certificate(String),
    #[error("the PIN must be 4 to 12 digits")]
    Pin,
    #[error("demo register: {0}")]
    Register(String),
}

/// Certificates are valid from 2020 to 2045, so fixed dates keep the CA deterministic.
const NOT_BEFORE_S: u64 = 1_577_836_800;
const NOT_AFTER_S: u64 = 2_366_841_600;
const ROOT_SUBJECT: &str = "CN=Heidebeek Synthetic eID Root CA,O=Synthetic Test Data,C=BE";

fn key(seed: u64, label: &str) -> Result<SigningKey, TestCardError> {
    let mut counter = 0u32;
    loop {
        let digest = Sha256::new()
            .chain_update(seed.to_be_bytes())
            .chain_update(label.as_bytes())
            .chain_update(counter.to_be_bytes())
            .finalize();
        // A digest is a valid scalar except with negligible probability; retry if not.
        if let Ok(k) = SigningKey::from_slice(&digest) {
            return Ok(k);
        }
        counter += 1;
        if counter > 8 {
            return Err(TestCardError::Key("no valid scalar".into()));
        }
    }
}

fn cert_err(e: impl std::fmt::Display) -> TestCardError {
    TestCardError::Certificate(e.to_string())
}

fn validity(not_before_s: u64, not_after_s: u64) -> Result<Validity, TestCardError> {
    Ok(Validity {
        not_before: Time::UtcTime(
            UtcTime::from_unix_duration(Duration::from_secs(not_before_s)).map_err(cert_err)?,
        ),
        not_after: Time::UtcTime(
            UtcTime::from_unix_duration(Duration::from_secs(not_after_s)).map_err(cert_err)?,
        ),
    })
}

/// Issues a certificate for `subject_key` signed by `issuer_key`.
fn issue(
    issuer_key: &SigningKey,
    issuer: Option<&str>,
    subject: &str,
    subject_key: &SigningKey,
    serial: u32,
    valid: Validity,
) -> Result<Vec<u8>, TestCardError> {
    let subject = Name::from_str(subject).map_err(cert_err)?;
    let spki =
        SubjectPublicKeyInfoOwned::from_key(*subject_key.verifying_key()).map_err(cert_err)?;
    let profile = match issuer {
        None => Profile::Root,
        Some(issuer) => Profile::Leaf {
            issuer: Name::from_str(issuer).map_err(cert_err)?,
            enable_key_agreement: false,
            enable_key_encipherment: false,
        },
    };
    let builder = CertificateBuilder::new(
        profile,
        SerialNumber::from(serial),
        valid,
        subject,
        spki,
        issuer_key,
    )
    .map_err(cert_err)?;
    builder
        .build::<DerSignature>()
        .map_err(cert_err)?
        .to_der()
        .map_err(cert_err)
}

/// The synthetic CA of a demo seed, with the national register's signing key.
pub struct DemoCa {
    seed: u64,
    root_key: SigningKey,
    rrn_key: SigningKey,
    root_der: Vec<u8>,
    rrn_der: Vec<u8>,
}

impl DemoCa {
    /// The CA for `seed`; the same seed gives the same certificates.
    pub fn from_seed(seed: u64) -> Result<DemoCa, TestCardError> {
        DemoCa::with_label(seed, "demo-root")
    }

    /// Another CA, trusted by nobody: for tests of untrusted certificates.
    pub fn untrusted(seed: u64) -> Result<DemoCa, TestCardError> {
        DemoCa::with_label(seed, "rogue-root")
    }

    fn with_label(seed: u64, label: &str) -> Result<DemoCa, TestCardError> {
        let root_key = key(seed, label)?;
        let rrn_key = key(seed, &format!("{label}/rrn"))?;
        let all_time = || validity(NOT_BEFORE_S, NOT_AFTER_S);
        let root_der = issue(&root_key, None, ROOT_SUBJECT, &root_key, 1, all_time()?)?;
        let rrn_der = issue(
            &root_key,
            Some(ROOT_SUBJECT),
            "CN=RRN,O=Synthetic National Register,C=BE",
            &rrn_key,
            2,
            all_time()?,
        )?;
        Ok(DemoCa {
            seed,
            root_key,
            rrn_key,
            root_der,
            rrn_der,
        })
    }

    /// The root certificate (DER): the trust anchor `seed --demo` stores.
    pub fn root_der(&self) -> &[u8] {
        &self.root_der
    }

    /// A card for `holder`: signed files, certificates and the authentication key.
    pub fn card(&self, holder: &CardHolder) -> Result<TestCard, TestCardError> {
        let auth_key = key(self.seed, &format!("auth/{}", holder.card_number))?;
        let serial = u32::from_be_bytes(
            Sha256::digest(holder.card_number.as_bytes())[..4]
                .try_into()
                .unwrap_or([0, 0, 0, 3]),
        ) | 0x0100_0000;
        let auth_der = issue(
            &self.root_key,
            Some(ROOT_SUBJECT),
            &format!(
                "CN=Authentication,SERIALNUMBER={},C=BE",
                holder.national_number
            ),
            &auth_key,
            serial,
            validity(NOT_BEFORE_S, NOT_AFTER_S)?,
        )?;
        let identity = holder.identity_file();
        let identity_sig = self.sign_rrn(&identity);
        let address = holder.address_file();
        let mut signed = address.clone();
        signed.extend_from_slice(&identity_sig);
        let address_sig = self.sign_rrn(&signed);
        Ok(TestCard {
            identity,
            identity_sig,
            address,
            address_sig,
            photo: placeholder_photo(),
            rrn_cert: self.rrn_der.clone(),
            auth_cert: auth_der,
            auth_key,
        })
    }

    /// The national register's signature (raw `r || s`) over any bytes: lets tests re-sign edited files.
    pub fn sign_rrn(&self, message: &[u8]) -> Vec<u8> {
        let sig: Signature = self.rrn_key.sign(message);
        sig.to_bytes().to_vec()
    }
}

/// What the card says about its holder (synthetic people only).
#[derive(Clone)]
pub struct CardHolder {
    pub card_number: String,
    pub national_number: String,
    pub surname: String,
    pub first_names: String,
    pub nationality: String,
    pub birth_place: String,
    /// As the card writes it, e.g. `30 JUL 1985`.
    pub birth_date: String,
    /// `M` or `F`
    pub gender: String,
    pub street_and_number: String,
    pub postal_code: String,
    pub municipality: String,
}

impl CardHolder {
    /// The holder of a resident of the synthetic register living in `household`.
    pub fn from_register(
        resident: &crate::seed::Resident,
        household: &crate::seed::Household,
    ) -> CardHolder {
        const MONTHS: [&str; 12] = [
            "JAN", "FEB", "MAR", "APR", "MEI", "JUN", "JUL", "AUG", "SEP", "OKT", "NOV", "DEC",
        ];
        let d = resident.birth_date;
        let month = MONTHS
            .get(usize::try_from(d.month() - 1).unwrap_or(0))
            .copied()
            .unwrap_or("JAN");
        let mut street = format!("{} {}", household.street, household.house_number);
        if let Some(b) = &household.box_number {
            street.push_str(&format!(" bus {b}"));
        }
        CardHolder {
            card_number: format!("59{:010}", resident.id),
            national_number: resident.national_number.clone(),
            surname: resident.surname.clone(),
            first_names: resident.first_names.clone(),
            nationality: resident.nationality.clone(),
            birth_place: resident.birth_place.clone(),
            birth_date: format!("{:02} {month} {}", d.day(), d.year()),
            gender: if resident.gender == "M" { "M" } else { "V" }.into(),
            street_and_number: street,
            postal_code: household.postal_code.clone(),
            municipality: household.municipality.clone(),
        }
    }

    /// The identity file (4031) as a card holds it.
    pub fn identity_file(&self) -> Vec<u8> {
        encode(&[
            (tag::CARD_NUMBER, self.card_number.as_bytes()),
            (tag::VALID_FROM, b"01.01.2024"),
            (tag::VALID_TO, b"01.01.2034"),
            (tag::NATIONAL_NUMBER, self.national_number.as_bytes()),
            (tag::SURNAME, self.surname.as_bytes()),
            (tag::FIRST_NAMES, self.first_names.as_bytes()),
            (tag::NATIONALITY, self.nationality.as_bytes()),
            (tag::BIRTH_PLACE, self.birth_place.as_bytes()),
            (tag::BIRTH_DATE, self.birth_date.as_bytes()),
            (tag::GENDER, self.gender.as_bytes()),
            (tag::DOCUMENT_TYPE, b"1"),
            (tag::PHOTO_HASH, &Sha256::digest(placeholder_photo())),
        ])
    }

    /// The address file (4033).
    pub fn address_file(&self) -> Vec<u8> {
        encode(&[
            (tag::STREET_AND_NUMBER, self.street_and_number.as_bytes()),
            (tag::POSTAL_CODE, self.postal_code.as_bytes()),
            (tag::MUNICIPALITY, self.municipality.as_bytes()),
        ])
    }
}

/// The photo file (4035) of every test card: not a picture, only the start and end markers of a JPEG
/// around a comment saying so, since no test looks at the face and no real face may be used.
pub fn placeholder_photo() -> Vec<u8> {
    const NOTE: &[u8] = b"Synthetic test card: placeholder, not a photo of anyone";
    let mut jpeg = vec![0xFF, 0xD8];
    // APP0 "JFIF" 1.01, no density, no thumbnail: what readers look for after the start marker.
    jpeg.extend_from_slice(&[
        0xFF, 0xE0, 0x00, 0x10, b'J', b'F', b'I', b'F', 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00,
        0x01, 0x00, 0x00,
    ]);
    // COM segment; its length counts its own two bytes.
    jpeg.extend_from_slice(&[0xFF, 0xFE]);
    jpeg.extend_from_slice(&u16::try_from(NOTE.len() + 2).unwrap_or(2).to_be_bytes());
    jpeg.extend_from_slice(NOTE);
    jpeg.extend_from_slice(&[0xFF, 0xD9]);
    jpeg
}

/// A card: its files, signatures, certificates and authentication key. Tests tamper with a card by
/// editing these fields before they build a [`applet::BeidApplet`] over it.
#[derive(Clone)]
pub struct TestCard {
    pub identity: Vec<u8>,
    pub identity_sig: Vec<u8>,
    pub address: Vec<u8>,
    pub address_sig: Vec<u8>,
    /// 4035; the identity file holds its SHA-256.
    pub photo: Vec<u8>,
    pub rrn_cert: Vec<u8>,
    pub auth_cert: Vec<u8>,
    auth_key: SigningKey,
}

impl TestCard {
    /// What the card's authentication key returns for `challenge` (ECDSA over SHA-256, raw `r || s`).
    pub fn sign_challenge(&self, challenge: &[u8]) -> Vec<u8> {
        let sig: Signature = self.auth_key.sign(challenge);
        sig.to_bytes().to_vec()
    }

    /// What the card returns for a SHA-256 DigestInfo (as `BeidCard::sign_challenge` sends): the
    /// digest is its last 32 bytes. `None` if `digest_info` is shorter.
    pub fn sign_digest_info(&self, digest_info: &[u8]) -> Option<Vec<u8>> {
        let digest = digest_info.get(digest_info.len().checked_sub(32)?..)?;
        let sig: Signature = self.auth_key.sign_prehash(digest).ok()?;
        Some(sig.to_bytes().to_vec())
    }

    /// The request's `eid` member for a challenge (base64 as on the wire).
    pub fn evidence(&self, challenge: &[u8]) -> kiosk_api::EidEvidence {
        let e = |b: &[u8]| STANDARD.encode(b);
        kiosk_api::EidEvidence {
            identity: e(&self.identity),
            identity_sig: e(&self.identity_sig),
            address: e(&self.address),
            address_sig: e(&self.address_sig),
            rrn_cert: e(&self.rrn_cert),
            auth_cert: e(&self.auth_cert),
            challenge: e(challenge),
            challenge_sig: e(&self.sign_challenge(challenge)),
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::eid::{Evidence, verify};

    #[test]
    fn signing_the_digest_info_a_kiosk_sends_verifies_like_signing_the_challenge() {
        let ca = DemoCa::from_seed(3).unwrap();
        let holder = CardHolder {
            card_number: "591111111111".into(),
            national_number: "17073003384".into(),
            surname: "Testkind".into(),
            first_names: "Mila".into(),
            nationality: "Belg".into(),
            birth_place: "Genk".into(),
            birth_date: "30 JUL 2017".into(),
            gender: "V".into(),
            street_and_number: "Schoolstraat 4".into(),
            postal_code: "3599".into(),
            municipality: "Heidebeek".into(),
        };
        let card = ca.card(&holder).unwrap();
        let challenge = [9u8; 32];
        // SHA-256 DigestInfo prefix, as BeidCard::sign_challenge sends it.
        let mut digest_info = vec![
            0x30, 0x31, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02,
            0x01, 0x05, 0x00, 0x04, 0x20,
        ];
        digest_info.extend_from_slice(&Sha256::digest(challenge));
        let mut wire = card.evidence(&challenge);
        wire.challenge_sig = STANDARD.encode(card.sign_digest_info(&digest_info).unwrap());
        let evidence = Evidence::decode(&wire).unwrap();
        assert!(verify(&evidence, &[ca.root_der().to_vec()], 1_774_000_000).is_ok());
    }
}
