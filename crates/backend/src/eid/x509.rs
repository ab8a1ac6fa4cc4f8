//! Certificate checks: a card certificate must reach a configured trust anchor through at most
//! [`MAX_INTERMEDIATES`] CA certificates the kiosk read from the card, every one valid now.
//!
//! Certificate signatures: ecdsa-with-SHA256, ecdsa-with-SHA384 (P-256 or P-384 keys),
//! sha256WithRSAEncryption and sha1WithRSAEncryption (PKCS#1 v1.5) — what the Belgian roots and
//! Citizen CAs of applet 1.7 (RSA) and 1.8 (P-384) cards use, and the synthetic demo CA (P-256).

use der::asn1::ObjectIdentifier as Oid;
use der::{Decode, Encode};
use p256::pkcs8::DecodePublicKey;
use rsa::Pkcs1v15Sign;
use sha1::Sha1;
use sha2::{Digest, Sha256, Sha384};
use x509_cert::Certificate;
use x509_cert::ext::pkix::BasicConstraints;

use super::EidError;

/// OID 2.5.4.5, where a BEID authentication certificate carries the national number.
const SERIAL_NUMBER: Oid = Oid::new_unwrap("2.5.4.5");
const BASIC_CONSTRAINTS: Oid = Oid::new_unwrap("2.5.29.19");
const ECDSA_SHA256: Oid = Oid::new_unwrap("1.2.840.10045.4.3.2");
const ECDSA_SHA384: Oid = Oid::new_unwrap("1.2.840.10045.4.3.3");
const RSA_SHA256: Oid = Oid::new_unwrap("1.2.840.113549.1.1.11");
const RSA_SHA1: Oid = Oid::new_unwrap("1.2.840.113549.1.1.5");

/// Belgian chains are root → Citizen CA → card; two leaves room for one more level, and the bound
/// keeps the search small whatever a kiosk sends.
pub const MAX_INTERMEDIATES: usize = 2;

/// The shortest RSA modulus accepted, in bytes (2048 bits).
const MIN_RSA_BYTES: usize = 256;

/// A hash a signature was made over.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hash {
    Sha1,
    Sha256,
    Sha384,
}

impl Hash {
    fn digest(self, message: &[u8]) -> Vec<u8> {
        match self {
            Hash::Sha1 => Sha1::digest(message).to_vec(),
            Hash::Sha256 => Sha256::digest(message).to_vec(),
            Hash::Sha384 => Sha384::digest(message).to_vec(),
        }
    }

    /// PKCS#1 v1.5 with this hash's DigestInfo prefix.
    fn pkcs1(self) -> Pkcs1v15Sign {
        match self {
            Hash::Sha1 => Pkcs1v15Sign::new::<Sha1>(),
            Hash::Sha256 => Pkcs1v15Sign::new::<Sha256>(),
            Hash::Sha384 => Pkcs1v15Sign::new::<Sha384>(),
        }
    }
}

/// A certificate's public key, of a kind a Belgian eID card or the demo CA uses.
#[derive(Debug, Clone)]
pub enum PublicKey {
    P256(p256::ecdsa::VerifyingKey),
    P384(p384::ecdsa::VerifyingKey),
    Rsa(rsa::RsaPublicKey),
}

impl PublicKey {
    /// The hash an ECDSA key of this size naturally goes with (SHA-256 for P-256, SHA-384 for
    /// P-384); RSA keys go with SHA-256.
    pub fn natural_hash(&self) -> Hash {
        match self {
            PublicKey::P384(_) => Hash::Sha384,
            PublicKey::P256(_) | PublicKey::Rsa(_) => Hash::Sha256,
        }
    }

    /// Whether `sig` is this key's signature over `message` hashed with `hash`. ECDSA signatures
    /// may be raw `r || s` (as a card returns them) or DER (as in a certificate); RSA ones are
    /// PKCS#1 v1.5.
    pub fn verifies(&self, hash: Hash, message: &[u8], sig: &[u8]) -> bool {
        self.verifies_digest(hash, &hash.digest(message), sig)
    }

    /// [`Self::verifies`] with the message already hashed.
    pub fn verifies_digest(&self, hash: Hash, digest: &[u8], sig: &[u8]) -> bool {
        use p256::ecdsa::signature::hazmat::PrehashVerifier;
        match self {
            // Both readings are tried, each to the end: a DER signature can be exactly as long as
            // a raw one, and would then be misread if the raw reading were taken on length alone.
            PublicKey::P256(key) => [
                p256::ecdsa::Signature::from_slice(sig).ok(),
                p256::ecdsa::Signature::from_der(sig).ok(),
            ]
            .into_iter()
            .flatten()
            .any(|sig| key.verify_prehash(digest, &sig).is_ok()),
            PublicKey::P384(key) => [
                p384::ecdsa::Signature::from_slice(sig).ok(),
                p384::ecdsa::Signature::from_der(sig).ok(),
            ]
            .into_iter()
            .flatten()
            .any(|sig| key.verify_prehash(digest, &sig).is_ok()),
            PublicKey::Rsa(key) => key.verify(hash.pkcs1(), digest, sig).is_ok(),
        }
    }
}

pub fn parse(der_bytes: &[u8]) -> Result<Certificate, EidError> {
    Certificate::from_der(der_bytes).map_err(|_| EidError::CardData("certificate is not DER X.509"))
}

/// The certificate's public key, for verifying what it signed.
pub fn public_key(cert: &Certificate) -> Result<PublicKey, EidError> {
    let spki = cert
        .tbs_certificate
        .subject_public_key_info
        .to_der()
        .map_err(|_| EidError::CardData("certificate key"))?;
    // Each decoder checks the algorithm (and curve) identifier, so at most one accepts the key.
    if let Ok(key) = p256::ecdsa::VerifyingKey::from_public_key_der(&spki) {
        return Ok(PublicKey::P256(key));
    }
    if let Ok(key) = p384::ecdsa::VerifyingKey::from_public_key_der(&spki) {
        return Ok(PublicKey::P384(key));
    }
    let key =
        rsa::RsaPublicKey::from_public_key_der(&spki).map_err(|_| EidError::UnsupportedKey)?;
    // Belgian cards and roots have had 2048-bit keys or more since 2014 (cards last ten years);
    // shorter keys are refused rather than trusted.
    if rsa::traits::PublicKeyParts::size(&key) < MIN_RSA_BYTES {
        return Err(EidError::UnsupportedKey);
    }
    Ok(PublicKey::Rsa(key))
}

/// Whether `issuer_key` signed `cert`, with one of the accepted signature algorithms.
pub fn signed_by(cert: &Certificate, issuer_key: &PublicKey) -> bool {
    let Ok(tbs) = cert.tbs_certificate.to_der() else {
        return false;
    };
    let Some(sig) = cert.signature.as_bytes() else {
        return false;
    };
    signature_verifies(cert.signature_algorithm.oid, &tbs, sig, issuer_key)
}

/// Whether `sig` is `key`'s signature over `tbs` with `algorithm` (a certificate's or a CRL's
/// signature algorithm), one of the accepted ones.
pub fn signature_verifies(algorithm: Oid, tbs: &[u8], sig: &[u8], key: &PublicKey) -> bool {
    let hash = match (algorithm, key) {
        (ECDSA_SHA256, PublicKey::P256(_) | PublicKey::P384(_)) => Hash::Sha256,
        (ECDSA_SHA384, PublicKey::P256(_) | PublicKey::P384(_)) => Hash::Sha384,
        (RSA_SHA256, PublicKey::Rsa(_)) => Hash::Sha256,
        (RSA_SHA1, PublicKey::Rsa(_)) => Hash::Sha1,
        _ => return false,
    };
    key.verifies(hash, tbs, sig)
}

pub fn valid_at(cert: &Certificate, now_s: i64) -> bool {
    let validity = &cert.tbs_certificate.validity;
    let from = i64::try_from(validity.not_before.to_unix_duration().as_secs()).unwrap_or(i64::MAX);
    let to = i64::try_from(validity.not_after.to_unix_duration().as_secs()).unwrap_or(0);
    from <= now_s && now_s <= to
}

/// The certificate's basicConstraints, if it has the extension and it decodes.
fn basic_constraints(cert: &Certificate) -> Option<BasicConstraints> {
    cert.tbs_certificate
        .extensions
        .as_ref()?
        .iter()
        .find(|ext| ext.extn_id == BASIC_CONSTRAINTS)
        .and_then(|ext| BasicConstraints::from_der(ext.extn_value.as_bytes()).ok())
}

/// Whether `cert` says it is a CA (basicConstraints cA).
pub fn is_ca(cert: &Certificate) -> bool {
    basic_constraints(cert).is_some_and(|bc| bc.ca)
}

/// Whether `cert` may sign certificates with `below` CA certificates under it on the path.
fn may_issue(cert: &Certificate, below: usize) -> bool {
    basic_constraints(cert).is_some_and(|bc| {
        bc.ca
            && bc
                .path_len_constraint
                .is_none_or(|max| below <= usize::from(max))
    })
}

/// Whether `cert` is valid at `now_s` and reaches one of `anchors` (DER) through at most
/// [`MAX_INTERMEDIATES`] of `intermediates` (DER, in any order). A chain that does not reach an
/// anchor, or any certificate on it not valid now, is [`EidError::Untrusted`].
pub fn check_chain(
    cert: &Certificate,
    intermediates: &[Vec<u8>],
    anchors: &[Vec<u8>],
    now_s: i64,
) -> Result<(), EidError> {
    if !valid_at(cert, now_s) {
        return Err(EidError::Untrusted);
    }
    // Undecodable anchors or intermediates are skipped rather than refused: a chain that does not
    // need them can still be good, and one that does ends up untrusted.
    let anchors: Vec<(Certificate, PublicKey)> = anchors
        .iter()
        .filter_map(|der| Certificate::from_der(der).ok())
        .filter(|anchor| valid_at(anchor, now_s))
        .filter_map(|anchor| public_key(&anchor).ok().map(|key| (anchor, key)))
        .collect();
    let intermediates: Vec<(Certificate, PublicKey)> = intermediates
        .iter()
        .filter_map(|der| Certificate::from_der(der).ok())
        .filter(|ca| valid_at(ca, now_s))
        .filter_map(|ca| public_key(&ca).ok().map(|key| (ca, key)))
        .collect();
    let mut used = Vec::new();
    if reaches_anchor(cert, &intermediates, &anchors, &mut used) {
        Ok(())
    } else {
        Err(EidError::Untrusted)
    }
}

/// Depth-first: `cert` is signed by an anchor, or by an unused CA intermediate that itself
/// reaches one. `used` holds the intermediates on the path so far (indices), so none is used
/// twice and the path stays within [`MAX_INTERMEDIATES`].
fn reaches_anchor(
    cert: &Certificate,
    intermediates: &[(Certificate, PublicKey)],
    anchors: &[(Certificate, PublicKey)],
    used: &mut Vec<usize>,
) -> bool {
    let issuer = &cert.tbs_certificate.issuer;
    if anchors
        .iter()
        .any(|(anchor, key)| anchor.tbs_certificate.subject == *issuer && signed_by(cert, key))
    {
        return true;
    }
    if used.len() >= MAX_INTERMEDIATES {
        return false;
    }
    for (i, (ca, key)) in intermediates.iter().enumerate() {
        if used.contains(&i)
            || ca.tbs_certificate.subject != *issuer
            || !may_issue(ca, used.len())
            || !signed_by(cert, key)
        {
            continue;
        }
        used.push(i);
        if reaches_anchor(ca, intermediates, anchors, used) {
            return true;
        }
        used.pop();
    }
    false
}

/// Whether `der_bytes` can serve as a trust anchor: a certificate with a supported key that is a
/// CA (basicConstraints cA). Checked when one is configured, so a wrong file is refused there
/// rather than every card being untrusted later.
pub fn check_anchor(der_bytes: &[u8]) -> Result<Certificate, EidError> {
    let cert = parse(der_bytes)?;
    public_key(&cert)?;
    if !basic_constraints(&cert).is_some_and(|bc| bc.ca) {
        return Err(EidError::CardData(
            "the certificate is not a CA certificate",
        ));
    }
    Ok(cert)
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
