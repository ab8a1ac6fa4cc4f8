//! Certificate checks: a card certificate must be signed by a configured trust anchor and valid now.
//!
//! Only ECDSA P-256 with SHA-256 is accepted (the synthetic demo CA's algorithm). One level: the
//! anchor signs the card's certificates directly. Belgian production roots (RSA, with the Citizen CA
//! in between) would need RSA and intermediates here.

use der::{Decode, Encode};
use p256::ecdsa::signature::Verifier;
use p256::ecdsa::{DerSignature, VerifyingKey};
use p256::pkcs8::DecodePublicKey;
use x509_cert::Certificate;

use super::EidError;

/// OID 2.5.4.5, where a BEID authentication certificate carries the national number.
const SERIAL_NUMBER: der::asn1::ObjectIdentifier =
    der::asn1::ObjectIdentifier::new_unwrap("2.5.4.5");

pub fn parse(der_bytes: &[u8]) -> Result<Certificate, EidError> {
    Certificate::from_der(der_bytes).map_err(|_| EidError::CardData("certificate is not DER X.509"))
}

/// The certificate's public key, for verifying what it signed.
pub fn public_key(cert: &Certificate) -> Result<VerifyingKey, EidError> {
    let spki = cert
        .tbs_certificate
        .subject_public_key_info
        .to_der()
        .map_err(|_| EidError::CardData("certificate key"))?;
    VerifyingKey::from_public_key_der(&spki).map_err(|_| EidError::UnsupportedKey)
}

/// Whether `cert` is valid at `now_s` and signed by one of `anchors` (DER).
pub fn check_chain(cert: &Certificate, anchors: &[Vec<u8>], now_s: i64) -> Result<(), EidError> {
    let validity = &cert.tbs_certificate.validity;
    let from = i64::try_from(validity.not_before.to_unix_duration().as_secs()).unwrap_or(i64::MAX);
    let to = i64::try_from(validity.not_after.to_unix_duration().as_secs()).unwrap_or(0);
    if now_s < from || now_s > to {
        return Err(EidError::Untrusted);
    }
    let tbs = cert
        .tbs_certificate
        .to_der()
        .map_err(|_| EidError::CardData("certificate body"))?;
    let signature =
        DerSignature::from_bytes(cert.signature.raw_bytes()).map_err(|_| EidError::Untrusted)?;
    for anchor in anchors {
        let Ok(anchor) = Certificate::from_der(anchor) else {
            continue;
        };
        if anchor.tbs_certificate.subject != cert.tbs_certificate.issuer {
            continue;
        }
        let Ok(key) = public_key(&anchor) else {
            continue;
        };
        if key.verify(&tbs, &signature).is_ok() {
            return Ok(());
        }
    }
    Err(EidError::Untrusted)
}

/// The subject's serialNumber attribute (the national number on an authentication certificate).
pub fn subject_serial_number(cert: &Certificate) -> Option<String> {
    cert.tbs_certificate
        .subject
        .0
        .iter()
        .flat_map(|rdn| rdn.0.iter())
        .find(|atv| atv.oid == SERIAL_NUMBER)
        .and_then(|atv| {
            std::str::from_utf8(atv.value.value())
                .ok()
                .map(str::to_owned)
        })
}
