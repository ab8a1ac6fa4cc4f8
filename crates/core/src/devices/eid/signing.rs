//! How a card's authentication key signs, chosen from the key in its certificate (5038):
//! RSA keys (applet 1.7) get the SHA-256 DigestInfo and pad it (PKCS#1 v1.5); ECDSA keys (P-384
//! on applet 1.8, P-256 on the synthetic demo CA) get the bare hash and answer raw `r || s`.
//!
//! The key decides, not the applet version nor the other certificates: re-keyed 1.7 cards carry
//! EC CA and register certificates over RSA citizen keys, so only the authentication
//! certificate's own key says how that key signs.

use der::Decode;
use der::asn1::ObjectIdentifier as Oid;
use kiosk_api::eid_signing::SigningHash;
use x509_cert::Certificate;

use super::apdu;

const RSA_ENCRYPTION: Oid = Oid::new_unwrap("1.2.840.113549.1.1.1");
const EC_PUBLIC_KEY: Oid = Oid::new_unwrap("1.2.840.10045.2.1");
const SECP256R1: Oid = Oid::new_unwrap("1.2.840.10045.3.1.7");
const SECP384R1: Oid = Oid::new_unwrap("1.3.132.0.34");

/// The DER prefix of a SHA-256 DigestInfo (RFC 8017, 9.2 note 1).
const SHA256_DIGEST_INFO: [u8; 19] = [
    0x30, 0x31, 0x30, 0x0D, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01, 0x05,
    0x00, 0x04, 0x20,
];

/// RSA signatures are as long as the modulus: Belgian cards have 1024-bit (before 2014) or
/// 2048-bit keys; up to 4096 bits is accepted here, the backend judges the key.
const RSA_SIGNATURE_LENS: std::ops::RangeInclusive<usize> = 128..=512;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Curve {
    P256,
    P384,
}

/// How the authentication key signs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SigningMethod {
    /// RSA PKCS#1 v1.5: the card pads the SHA-256 DigestInfo it is sent.
    RsaPkcs1Sha256,
    /// ECDSA over the bare hash the kiosk sends; the card answers raw `r || s`.
    Ecdsa(Curve),
}

/// Why the authentication certificate says nothing usable about its key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum SigningError {
    #[error("the authentication certificate is not DER X.509")]
    NotACertificate,
    #[error("the authentication key is neither RSA nor ECDSA P-256/P-384")]
    UnsupportedKey,
}

impl SigningMethod {
    /// The method for the key certified by `auth_cert` (DER).
    pub fn for_certificate(auth_cert: &[u8]) -> Result<Self, SigningError> {
        let cert = Certificate::from_der(auth_cert).map_err(|_| SigningError::NotACertificate)?;
        let algorithm = &cert.tbs_certificate.subject_public_key_info.algorithm;
        if algorithm.oid == RSA_ENCRYPTION {
            return Ok(SigningMethod::RsaPkcs1Sha256);
        }
        if algorithm.oid != EC_PUBLIC_KEY {
            return Err(SigningError::UnsupportedKey);
        }
        let curve = algorithm
            .parameters
            .as_ref()
            .and_then(|any| any.decode_as::<Oid>().ok())
            .ok_or(SigningError::UnsupportedKey)?;
        match curve {
            SECP384R1 => Ok(SigningMethod::Ecdsa(Curve::P384)),
            SECP256R1 => Ok(SigningMethod::Ecdsa(Curve::P256)),
            _ => Err(SigningError::UnsupportedKey),
        }
    }

    /// The hash of the signed value, as the backend expects it for this kind of key.
    pub fn hash(self) -> SigningHash {
        match self {
            SigningMethod::RsaPkcs1Sha256 | SigningMethod::Ecdsa(Curve::P256) => {
                SigningHash::Sha256
            }
            SigningMethod::Ecdsa(Curve::P384) => SigningHash::Sha384,
        }
    }

    /// MSE SET's algorithm reference.
    pub fn algorithm(self) -> u8 {
        match self {
            SigningMethod::RsaPkcs1Sha256 => apdu::ALGORITHM_RSA_PKCS1,
            SigningMethod::Ecdsa(_) => apdu::ALGORITHM_ECDSA_HASH_GIVEN,
        }
    }

    /// What PSO: COMPUTE DIGITAL SIGNATURE carries for `digest`: the DigestInfo for RSA, the
    /// bare hash for ECDSA (a 1.8 card refuses a DigestInfo).
    pub fn card_input(self, digest: &[u8]) -> Vec<u8> {
        match self {
            SigningMethod::RsaPkcs1Sha256 => [&SHA256_DIGEST_INFO[..], digest].concat(),
            SigningMethod::Ecdsa(_) => digest.to_vec(),
        }
    }

    /// Whether `signature` has the length this key's signatures have: raw `r || s` is twice
    /// the curve's size (96 bytes for P-384), never DER.
    pub fn fits(self, signature: &[u8]) -> bool {
        match self {
            SigningMethod::RsaPkcs1Sha256 => RSA_SIGNATURE_LENS.contains(&signature.len()),
            SigningMethod::Ecdsa(Curve::P256) => signature.len() == 64,
            SigningMethod::Ecdsa(Curve::P384) => signature.len() == 96,
        }
    }
}
