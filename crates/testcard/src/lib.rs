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
mod crl;
mod demo;
mod keys;
pub mod vpcd;

pub use anchor::{
    DEMO_18_ANCHOR_LABEL, DEMO_ANCHOR_LABEL, demo_18_ca_pem, demo_ca_pem, seed_demo, seed_demo_on,
    trust_demo_ca,
};
pub use demo::{demo_card, demo_card_18, demo_holder};

use std::str::FromStr;
use std::time::Duration;

use der::asn1::UtcTime;
use sha2::{Digest, Sha256, Sha384};
use x509_cert::builder::Profile;
use x509_cert::name::Name;
use x509_cert::time::{Time, Validity};

use keys::{CardKey, KeyKind};
use kiosk_api::eid_signing::{self, SigningHash};
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
    root_key: CardKey,
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
            root_key,
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

    /// The national register's certificate (DER), signed by the root: file 503C of every card.
    pub fn rrn_der(&self) -> &[u8] {
        &self.rrn_der
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
        let applet = self.applet();
        // The files of a 1.8 card on the P-384 CA's cards, like the real ones; the P-256 demo
        // CA's cards keep the older files (their register signatures raw `r || s`).
        let (identity, address) = match self.kind {
            KeyKind::P384 => (holder.identity_file_18(&auth_der), holder.address_file_18()),
            KeyKind::P256 | KeyKind::Rsa => (holder.identity_file(), holder.address_file()),
        };
        let identity_sig = self.sign_rrn(&identity);
        let mut signed = address_as_signed(&address);
        signed.extend_from_slice(&identity_sig);
        let address_sig = self.sign_rrn(&signed);
        Ok(TestCard {
            applet,
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

    /// The applet of this CA's cards: 1.8 for the ECDSA CAs (P-384 like the real ones, and the
    /// P-256 demo CA's, with older files), 1.7 for the RSA one.
    pub fn applet(&self) -> Applet {
        match self.kind {
            KeyKind::Rsa => Applet::V17,
            KeyKind::P256 | KeyKind::P384 => Applet::V18,
        }
    }

    /// The national register's signature over any bytes, as this CA's cards hold it: raw
    /// `r || s` (P-256), DER zero-padded to [`SIGNATURE_FILE_LEN`] (P-384, applet 1.8), or
    /// PKCS#1 v1.5 SHA-256 (RSA). Lets tests re-sign edited files.
    pub fn sign_rrn(&self, message: &[u8]) -> Vec<u8> {
        match self.kind {
            KeyKind::P384 => {
                let mut file = self.rrn_key.sign_der(message);
                file.resize(file.len().max(SIGNATURE_FILE_LEN), 0);
                file
            }
            KeyKind::P256 | KeyKind::Rsa => self.rrn_key.sign(message),
        }
    }
}

/// Which BEID applet a card runs: how it signs and what its files look like.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Applet {
    /// RSA keys; the host sends the SHA-256 DigestInfo; photo hash SHA-256 here.
    V17,
    /// ECDSA keys; the host sends the bare hash, the card (T=0 only) answers 61 xx and raw
    /// `r || s`; a non-repudiation signature wants a fresh VERIFY before the next one.
    V18,
}

impl Applet {
    /// Byte 21 of GET CARD DATA's answer.
    pub fn version_byte(self) -> u8 {
        match self {
            Applet::V17 => 0x17,
            Applet::V18 => 0x18,
        }
    }
}

/// The size of an applet 1.8 card's signature files (4032, 4034): a DER ECDSA P-384 signature is
/// at most 104 bytes and the rest is zeros (the real length is the DER's byte 1 plus 2).
pub const SIGNATURE_FILE_LEN: usize = 112;

/// The address file as the register signs it: without the zero bytes that pad it on the card
/// (as Fedict's eid-viewer found real cards do).
pub fn address_as_signed(address: &[u8]) -> Vec<u8> {
    let end = address
        .iter()
        .rposition(|byte| *byte != 0)
        .map_or(0, |last| last + 1);
    address.get(..end).unwrap_or_default().to_vec()
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

    /// The identity file of an applet 1.8 card: the photo hash is SHA-384, and tag 0x1A holds
    /// a hash of the card's basic key (here of the authentication certificate: synthetic).
    pub fn identity_file_18(&self, auth_cert: &[u8]) -> Vec<u8> {
        let mut file = encode(&[
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
            (tag::PHOTO_HASH, &Sha384::digest(placeholder_photo())),
        ]);
        file.extend(encode(&[(tag::BASIC_KEY_HASH, &Sha384::digest(auth_cert))]));
        file
    }

    /// The address file of an applet 1.8 card: zero-padded, as the card's file is bigger.
    pub fn address_file_18(&self) -> Vec<u8> {
        let mut file = self.address_file();
        file.extend_from_slice(&[0; 3]);
        file
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
    /// How the card signs and answers (and the applet version GET CARD DATA reports).
    pub applet: Applet,
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
    /// What the card's authentication key returns when the kiosk signs `challenge`: a
    /// signature over `hash(PREFIX || challenge)` ([`kiosk_api::eid_signing`]; SHA-384 for
    /// P-384 keys, SHA-256 otherwise), ECDSA raw `r || s` or RSA PKCS#1 v1.5. A challenge of
    /// another length than 32 bytes gets an empty signature: the kiosk signs no such thing.
    pub fn sign_challenge(&self, challenge: &[u8]) -> Vec<u8> {
        eid_signing::signed_digest(self.signing_hash(), challenge)
            .map(|digest| self.auth_key.sign_digest(&digest))
            .unwrap_or_default()
    }

    /// The hash the kiosk uses with this card's authentication key.
    pub fn signing_hash(&self) -> SigningHash {
        match &self.auth_key {
            CardKey::P384(_) => SigningHash::Sha384,
            CardKey::P256(_) | CardKey::Rsa(_) => SigningHash::Sha256,
        }
    }

    /// The authentication key's signature over any digest (SHA-256 for RSA): for tests of what
    /// an attacker holding a card could have it sign.
    pub fn sign_digest(&self, digest: &[u8]) -> Vec<u8> {
        self.auth_key.sign_digest(digest)
    }

    /// What the card answers to PSO: COMPUTE DIGITAL SIGNATURE over `input`: an RSA card pads
    /// the DigestInfo it is sent, an ECDSA card signs the bare hash it is sent and refuses
    /// anything else. `None` when the card refuses.
    pub fn sign_card_input(&self, input: &[u8]) -> Option<Vec<u8>> {
        self.auth_key.sign_card_input(input)
    }

    /// Whether the authentication key is RSA (an applet 1.7 card).
    pub fn has_rsa_key(&self) -> bool {
        self.auth_key.is_rsa()
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

    const NOW: i64 = 1_774_000_000;

    #[test]
    fn every_kind_of_card_signs_what_the_backend_verifies() {
        for ca in [
            DemoCa::from_seed(3).unwrap(),
            DemoCa::p384_from_seed(3).unwrap(),
            DemoCa::rsa_from_seed(3).unwrap(),
        ] {
            let card = ca.card(&child()).unwrap();
            let evidence = Evidence::decode(&card.evidence(&[9u8; 32])).unwrap();
            let verified = verify(&evidence, &[ca.root_der().to_vec()], NOW);
            assert!(verified.is_ok(), "{:?}", verified.err());
        }
    }

    #[test]
    fn an_applet_18_card_has_sha384_photo_hash_tag_1a_and_padded_der_signatures() {
        let card = DemoCa::p384_from_seed(3).unwrap().card(&child()).unwrap();
        assert_eq!(card.applet, Applet::V18);
        let photo_hash = kiosk_backend::eid::tlv::find(&card.identity, tag::PHOTO_HASH).unwrap();
        assert_eq!(photo_hash, Sha384::digest(&card.photo).as_slice());
        assert!(kiosk_backend::eid::tlv::find(&card.identity, tag::BASIC_KEY_HASH).is_some());
        for file in [&card.identity_sig, &card.address_sig] {
            assert_eq!(file.len(), SIGNATURE_FILE_LEN);
            assert_eq!(file[0], 0x30, "DER");
            let real = usize::from(file[1]) + 2;
            assert!(file[real..].iter().all(|b| *b == 0), "zero-padded");
        }
        assert_eq!(card.sign_challenge(&[1; 32]).len(), 96, "raw r || s");
        let rsa = DemoCa::rsa_from_seed(3).unwrap().card(&child()).unwrap();
        assert_eq!(rsa.applet, Applet::V17);
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
        let mut prefixed = eid_signing::PREFIX.to_vec();
        prefixed.extend_from_slice(&[7u8; 32]);
        wire.challenge_sig = STANDARD.encode(
            auth.sign(Pkcs1v15Sign::new::<Sha1>(), &Sha1::digest(&prefixed))
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
