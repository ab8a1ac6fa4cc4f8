//! A synthetic eID card for tests and the kiosk's demo card: a demo CA derived from the seed (the same
//! seed gives the same CA, whose root [`seed_demo`] stores as the backend's trust anchor), and cards
//! for residents of the backend's synthetic register whose files and signatures follow the rules of
//! [`kiosk_backend::eid`].
//!
//! A crate of its own because it makes private keys and signs with them (RSA among them, see
//! RUSTSEC-2023-0071): the backend only verifies, so its server never links this; the kiosk links
//! it for its demo card only (feature `demo`), the tests as a dev-dependency.
//!
//! Shaped like the Belgian PKI: a root signs the national register's certificate (503C) and a
//! "Citizen CA" (503A), which signs the cards' authentication certificates (5038).
//!
//! Keys come from SHA-256 of the seed and a label: deterministic and fine for demo data, never for
//! real keys. The demo CA is ECDSA P-256 / SHA-256 (signatures raw `r || s`);
//! [`DemoCa::rsa_from_seed`] is an RSA-2048 CA like the one of applet 1.7 cards and
//! [`DemoCa::p384_from_seed`] an ECDSA P-384 one like applet 1.8's, both for tests.
//!
//! [`applet`] answers a card's APDUs like the BEID applet, [`vpcd`] puts it into vsmartcard's
//! virtual PC/SC reader, and [`demo_card`] is the card of the demo register's holder.

mod anchor;
pub mod applet;
mod command;
mod demo;
mod keys;
pub mod vpcd;

pub use anchor::{DEMO_ANCHOR_LABEL, demo_ca_pem, seed_demo, seed_demo_on};
pub use demo::{demo_card, demo_holder};

use std::str::FromStr;
use std::time::Duration;

use der::asn1::UtcTime;
use sha2::{Digest, Sha256};
use x509_cert::builder::Profile;
use x509_cert::name::Name;
use x509_cert::time::{Time, Validity};

use keys::{CardKey, KeyKind};
use kiosk_backend::eid::tlv::{encode, tag};

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
    #[error("backend: {0}")]
    Backend(#[from] kiosk_backend::BackendError),
}

/// Certificates are valid from 2020 to 2045, so fixed dates keep the CA deterministic.
const NOT_BEFORE_S: u64 = 1_577_836_800;
const NOT_AFTER_S: u64 = 2_366_841_600;
const ROOT_SUBJECT: &str = "CN=Heidebeek Synthetic eID Root CA,O=Synthetic Test Data,C=BE";
const CITIZEN_SUBJECT: &str = "CN=Heidebeek Synthetic Citizen CA,O=Synthetic Test Data,C=BE";

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

fn name(text: &str) -> Result<Name, TestCardError> {
    Name::from_str(text).map_err(cert_err)
}

fn leaf(issuer: &str) -> Result<Profile, TestCardError> {
    Ok(Profile::Leaf {
        issuer: name(issuer)?,
        enable_key_agreement: false,
        enable_key_encipherment: false,
    })
}

/// The synthetic CA of a demo seed: root, Citizen CA and the national register's signing key.
pub struct DemoCa {
    seed: u64,
    kind: KeyKind,
    citizen_key: CardKey,
    rrn_key: CardKey,
    root_der: Vec<u8>,
    citizen_der: Vec<u8>,
    rrn_der: Vec<u8>,
}

impl DemoCa {
    /// The CA for `seed` (ECDSA P-256); the same seed gives the same certificates.
    pub fn from_seed(seed: u64) -> Result<DemoCa, TestCardError> {
        DemoCa::build(seed, KeyKind::P256, "demo-root", true)
    }

    /// Another CA, trusted by nobody: for tests of untrusted certificates.
    pub fn untrusted(seed: u64) -> Result<DemoCa, TestCardError> {
        DemoCa::build(seed, KeyKind::P256, "rogue-root", true)
    }

    /// [`DemoCa::from_seed`]'s root, but its Citizen CA certificate is an end-entity one (no cA):
    /// for tests that a leaf cannot act as an intermediate.
    pub fn with_citizen_not_a_ca(seed: u64) -> Result<DemoCa, TestCardError> {
        DemoCa::build(seed, KeyKind::P256, "demo-root", false)
    }

    /// An RSA-2048 CA as behind applet 1.7 cards: certificates sha256WithRSAEncryption, the
    /// register's signatures PKCS#1 v1.5 with SHA-256, an authentication key that pads the
    /// DigestInfo it is sent. Keys are generated once per process (slow: about a second each).
    pub fn rsa_from_seed(seed: u64) -> Result<DemoCa, TestCardError> {
        DemoCa::build(seed, KeyKind::Rsa, "rsa-root", true)
    }

    /// An ECDSA P-384 CA as behind applet 1.8 cards: certificates ecdsa-with-SHA384, the
    /// register's signatures over SHA-384, the authentication key signing the DigestInfo's digest.
    pub fn p384_from_seed(seed: u64) -> Result<DemoCa, TestCardError> {
        DemoCa::build(seed, KeyKind::P384, "p384-root", true)
    }

    fn build(
        seed: u64,
        kind: KeyKind,
        label: &str,
        citizen_is_ca: bool,
    ) -> Result<DemoCa, TestCardError> {
        let root_key = CardKey::derive(kind, seed, label)?;
        let rrn_key = CardKey::derive(kind, seed, &format!("{label}/rrn"))?;
        let citizen_key = CardKey::derive(kind, seed, &format!("{label}/citizen"))?;
        let all_time = || validity(NOT_BEFORE_S, NOT_AFTER_S);
        let root_der = root_key.issue(Profile::Root, ROOT_SUBJECT, &root_key, 1, all_time()?)?;
        let rrn_der = root_key.issue(
            leaf(ROOT_SUBJECT)?,
            "CN=RRN,O=Synthetic National Register,C=BE",
            &rrn_key,
            2,
            all_time()?,
        )?;
        let citizen_profile = if citizen_is_ca {
            // pathLen 0: the Citizen CA signs cards only, as the Belgian ones do.
            Profile::SubCA {
                issuer: name(ROOT_SUBJECT)?,
                path_len_constraint: Some(0),
            }
        } else {
            leaf(ROOT_SUBJECT)?
        };
        let citizen_der = root_key.issue(
            citizen_profile,
            CITIZEN_SUBJECT,
            &citizen_key,
            4,
            all_time()?,
        )?;
        Ok(DemoCa {
            seed,
            kind,
            citizen_key,
            rrn_key,
            root_der,
            citizen_der,
            rrn_der,
        })
    }

    /// The root certificate (DER): the trust anchor [`seed_demo`] stores.
    pub fn root_der(&self) -> &[u8] {
        &self.root_der
    }

    /// The Citizen CA's certificate (DER), signed by the root: file 503A of every card.
    pub fn citizen_der(&self) -> &[u8] {
        &self.citizen_der
    }

    /// A card for `holder`: signed files, certificates and the authentication key.
    pub fn card(&self, holder: &CardHolder) -> Result<TestCard, TestCardError> {
        let auth_key = CardKey::derive(
            self.kind,
            self.seed,
            &format!("auth/{}", holder.card_number),
        )?;
        let serial = u32::from_be_bytes(
            Sha256::digest(holder.card_number.as_bytes())[..4]
                .try_into()
                .unwrap_or([0, 0, 0, 3]),
        ) | 0x0100_0000;
        let auth_der = self.citizen_key.issue(
            leaf(CITIZEN_SUBJECT)?,
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
            ca_cert: self.citizen_der.clone(),
            root_cert: self.root_der.clone(),
            auth_key,
        })
    }

    /// The national register's signature over any bytes (raw `r || s`, or PKCS#1 v1.5 SHA-256 for
    /// an RSA CA): lets tests re-sign edited files.
    pub fn sign_rrn(&self, message: &[u8]) -> Vec<u8> {
        self.rrn_key.sign(message)
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
        resident: &kiosk_backend::seed::Resident,
        household: &kiosk_backend::seed::Household,
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
    /// 503A: the Citizen CA that signed `auth_cert`.
    pub ca_cert: Vec<u8>,
    /// 503B: the root that signed `ca_cert` and `rrn_cert`.
    pub root_cert: Vec<u8>,
    auth_key: CardKey,
}

impl TestCard {
    /// What the card's authentication key returns for `challenge`: a signature over
    /// SHA-256(challenge) (ECDSA raw `r || s`, or RSA PKCS#1 v1.5).
    pub fn sign_challenge(&self, challenge: &[u8]) -> Vec<u8> {
        self.auth_key.sign_sha256_digest(&Sha256::digest(challenge))
    }

    /// What the card returns for a SHA-256 DigestInfo (as `BeidCard::sign_challenge` sends): an
    /// ECDSA card signs the digest, its last 32 bytes; an RSA card pads the whole DigestInfo
    /// (PKCS#1 v1.5). `None` if `digest_info` is shorter than a digest.
    pub fn sign_digest_info(&self, digest_info: &[u8]) -> Option<Vec<u8>> {
        self.auth_key.sign_digest_info(digest_info)
    }

    /// The request's `eid` member for a challenge (base64 as on the wire).
    pub fn evidence(&self, challenge: &[u8]) -> kiosk_api::EidEvidence {
        kiosk_api::RawEvidence {
            identity: &self.identity,
            identity_sig: &self.identity_sig,
            address: &self.address,
            address_sig: &self.address_sig,
            rrn_cert: &self.rrn_cert,
            auth_cert: &self.auth_cert,
            ca_certs: &[&self.ca_cert],
            challenge,
            challenge_sig: &self.sign_challenge(challenge),
        }
        .encode()
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use base64::Engine;
    use base64::engine::general_purpose::STANDARD;
    use kiosk_backend::eid::{Evidence, verify};

    fn child() -> CardHolder {
        CardHolder {
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
        }
    }

    /// The challenge signed through the DigestInfo a kiosk sends, as the applet does it.
    fn signed_through_digest_info(ca: &DemoCa) -> kiosk_api::EidEvidence {
        let card = ca.card(&child()).unwrap();
        let challenge = [9u8; 32];
        // SHA-256 DigestInfo prefix, as BeidCard::sign_challenge sends it.
        let mut digest_info = vec![
            0x30, 0x31, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02,
            0x01, 0x05, 0x00, 0x04, 0x20,
        ];
        digest_info.extend_from_slice(&Sha256::digest(challenge));
        let mut wire = card.evidence(&challenge);
        wire.challenge_sig = STANDARD.encode(card.sign_digest_info(&digest_info).unwrap());
        wire
    }

    const NOW: i64 = 1_774_000_000;

    #[test]
    fn signing_the_digest_info_a_kiosk_sends_verifies_like_signing_the_challenge() {
        for ca in [
            DemoCa::from_seed(3).unwrap(),
            DemoCa::p384_from_seed(3).unwrap(),
            DemoCa::rsa_from_seed(3).unwrap(),
        ] {
            let evidence = Evidence::decode(&signed_through_digest_info(&ca)).unwrap();
            let card = verify(&evidence, &[ca.root_der().to_vec()], NOW);
            assert!(card.is_ok(), "{:?}", card.err());
        }
    }

    #[test]
    fn an_rsa_card_padding_the_digest_info_gives_the_pkcs1_sha256_signature() {
        let ca = DemoCa::rsa_from_seed(3).unwrap();
        let card = ca.card(&child()).unwrap();
        let through_applet = Evidence::decode(&signed_through_digest_info(&ca)).unwrap();
        assert_eq!(
            through_applet.challenge_sig,
            card.sign_challenge(&[9u8; 32])
        );
    }

    #[test]
    fn old_rsa_cards_register_signatures_over_sha1_verify_but_a_sha1_challenge_does_not() {
        use rsa::Pkcs1v15Sign;
        use sha1::Sha1;
        let ca = DemoCa::rsa_from_seed(3).unwrap();
        let keys::CardKey::Rsa(rrn) = &ca.rrn_key else {
            unreachable!("an RSA CA has an RSA register key")
        };
        let sha1 = |m: &[u8]| {
            rrn.sign(Pkcs1v15Sign::new::<Sha1>(), &Sha1::digest(m))
                .unwrap()
        };
        let card = ca.card(&child()).unwrap();
        let mut wire = card.evidence(&[7u8; 32]);
        let identity_sig = sha1(&card.identity);
        let mut signed = card.address.clone();
        signed.extend_from_slice(&identity_sig);
        wire.identity_sig = STANDARD.encode(&identity_sig);
        wire.address_sig = STANDARD.encode(sha1(&signed));
        let evidence = Evidence::decode(&wire).unwrap();
        assert!(verify(&evidence, &[ca.root_der().to_vec()], NOW).is_ok());

        let keys::CardKey::Rsa(auth) = &card.auth_key else {
            unreachable!("an RSA CA's cards have RSA keys")
        };
        wire.challenge_sig = STANDARD.encode(
            auth.sign(Pkcs1v15Sign::new::<Sha1>(), &Sha1::digest([7u8; 32]))
                .unwrap(),
        );
        let evidence = Evidence::decode(&wire).unwrap();
        assert_eq!(
            verify(&evidence, &[ca.root_der().to_vec()], NOW).err(),
            Some(kiosk_backend::eid::EidError::Signature("challenge"))
        );
    }

    #[test]
    fn the_demo_root_and_register_certificate_are_unchanged_by_the_citizen_ca() {
        // What `seed --demo` stored before the Citizen CA came must still be the anchor: the root
        // is the same key and name as before, self-signed deterministically.
        let a = DemoCa::from_seed(3).unwrap();
        let b = DemoCa::from_seed(3).unwrap();
        assert_eq!(a.root_der(), b.root_der());
        assert_eq!(a.citizen_der(), b.citizen_der());
        let root = kiosk_backend::eid::x509::parse(a.root_der()).unwrap();
        let citizen = kiosk_backend::eid::x509::parse(a.citizen_der()).unwrap();
        assert_eq!(citizen.tbs_certificate.issuer, root.tbs_certificate.subject);
    }
}
