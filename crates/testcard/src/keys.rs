//! The synthetic CAs' and cards' keys: ECDSA P-256 (the demo CA), ECDSA P-384 (like applet 1.8
//! cards) and RSA-2048 (like applet 1.7 cards), derived deterministically from a seed and a label.

use std::collections::HashMap;
use std::str::FromStr;
use std::sync::{Mutex, OnceLock};

use der::Encode;
use p256::ecdsa::signature::hazmat::PrehashSigner;
use p256::ecdsa::signature::{Keypair, Signer};
use rand_chacha::ChaCha20Rng;
use rand_chacha::rand_core::SeedableRng;
use rsa::Pkcs1v15Sign;
use sha2::{Digest, Sha256, Sha384};
use spki::{
    DynSignatureAlgorithmIdentifier, EncodePublicKey, SignatureBitStringEncoding,
    SubjectPublicKeyInfoOwned,
};
use x509_cert::builder::{Builder, CertificateBuilder, Profile};
use x509_cert::name::Name;
use x509_cert::serial_number::SerialNumber;
use x509_cert::time::Validity;

use super::{TestCardError, cert_err};

/// RSA modulus size: what applet 1.7 cards and the Belgian RSA roots have.
const RSA_BITS: usize = 2048;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum KeyKind {
    P256,
    P384,
    Rsa,
}

#[derive(Clone)]
pub(super) enum CardKey {
    P256(p256::ecdsa::SigningKey),
    P384(p384::ecdsa::SigningKey),
    Rsa(rsa::RsaPrivateKey),
}

/// SHA-256 of seed, label and a counter: the bytes every key is derived from.
fn material(seed: u64, label: &str, counter: u32) -> [u8; 32] {
    Sha256::new()
        .chain_update(seed.to_be_bytes())
        .chain_update(label.as_bytes())
        .chain_update(counter.to_be_bytes())
        .finalize()
        .into()
}

/// RSA keys by (seed, label), generated once per process: RSA-2048 generation takes about a
/// second in release builds, and tests ask for the same CA many times.
fn rsa_key(seed: u64, label: &str) -> Result<rsa::RsaPrivateKey, TestCardError> {
    static CACHE: OnceLock<Mutex<HashMap<(u64, String), rsa::RsaPrivateKey>>> = OnceLock::new();
    let cache = CACHE.get_or_init(Mutex::default);
    let mut keys = cache
        .lock()
        .map_err(|_| TestCardError::Key("RSA key cache poisoned".into()))?;
    if let Some(key) = keys.get(&(seed, label.to_owned())) {
        return Ok(key.clone());
    }
    // ChaCha20 seeded from SHA-256 of seed and label: the same inputs give the same key.
    // Deterministic on purpose, for synthetic test keys only, never real ones.
    let mut rng = ChaCha20Rng::from_seed(material(seed, &format!("rsa/{label}"), 0));
    let key = rsa::RsaPrivateKey::new(&mut rng, RSA_BITS)
        .map_err(|e| TestCardError::Key(e.to_string()))?;
    keys.insert((seed, label.to_owned()), key.clone());
    Ok(key)
}

/// Issues a certificate for `spki` signed by `signer`.
fn build<S, Sig>(
    signer: &S,
    profile: Profile,
    subject: &str,
    spki: SubjectPublicKeyInfoOwned,
    serial: u32,
    valid: Validity,
) -> Result<Vec<u8>, TestCardError>
where
    S: Keypair + DynSignatureAlgorithmIdentifier + Signer<Sig>,
    S::VerifyingKey: EncodePublicKey,
    Sig: SignatureBitStringEncoding,
{
    let subject = Name::from_str(subject).map_err(cert_err)?;
    CertificateBuilder::new(
        profile,
        SerialNumber::from(serial),
        valid,
        subject,
        spki,
        signer,
    )
    .map_err(cert_err)?
    .build::<Sig>()
    .map_err(cert_err)?
    .to_der()
    .map_err(cert_err)
}

impl CardKey {
    /// The key of `kind` for `seed` and `label`; the same inputs give the same key.
    pub(super) fn derive(kind: KeyKind, seed: u64, label: &str) -> Result<CardKey, TestCardError> {
        match kind {
            KeyKind::P256 => {
                // A digest is a valid scalar except with negligible probability; retry if not.
                for counter in 0..=8 {
                    if let Ok(k) =
                        p256::ecdsa::SigningKey::from_slice(&material(seed, label, counter))
                    {
                        return Ok(CardKey::P256(k));
                    }
                }
                Err(TestCardError::Key("no valid scalar".into()))
            }
            KeyKind::P384 => {
                for counter in 0..=8 {
                    let bytes = Sha384::new()
                        .chain_update(material(seed, label, counter))
                        .finalize();
                    if let Ok(k) = p384::ecdsa::SigningKey::from_slice(&bytes) {
                        return Ok(CardKey::P384(k));
                    }
                }
                Err(TestCardError::Key("no valid scalar".into()))
            }
            KeyKind::Rsa => rsa_key(seed, label).map(CardKey::Rsa),
        }
    }

    fn spki(&self) -> Result<SubjectPublicKeyInfoOwned, TestCardError> {
        match self {
            CardKey::P256(k) => SubjectPublicKeyInfoOwned::from_key(*k.verifying_key()),
            CardKey::P384(k) => SubjectPublicKeyInfoOwned::from_key(*k.verifying_key()),
            CardKey::Rsa(k) => SubjectPublicKeyInfoOwned::from_key(k.to_public_key()),
        }
        .map_err(cert_err)
    }

    /// A certificate for `subject_key`, signed by this key: ecdsa-with-SHA256 (P-256),
    /// ecdsa-with-SHA384 (P-384) or sha256WithRSAEncryption.
    pub(super) fn issue(
        &self,
        profile: Profile,
        subject: &str,
        subject_key: &CardKey,
        serial: u32,
        valid: Validity,
    ) -> Result<Vec<u8>, TestCardError> {
        let spki = subject_key.spki()?;
        match self {
            CardKey::P256(k) => {
                build::<_, p256::ecdsa::DerSignature>(k, profile, subject, spki, serial, valid)
            }
            CardKey::P384(k) => {
                build::<_, p384::ecdsa::DerSignature>(k, profile, subject, spki, serial, valid)
            }
            CardKey::Rsa(k) => build::<_, rsa::pkcs1v15::Signature>(
                &rsa::pkcs1v15::SigningKey::<Sha256>::new(k.clone()),
                profile,
                subject,
                spki,
                serial,
                valid,
            ),
        }
    }

    /// A signature over `message` as the national register makes them: ECDSA over the curve's
    /// hash (raw `r || s`), RSA PKCS#1 v1.5 with SHA-256.
    pub(super) fn sign(&self, message: &[u8]) -> Vec<u8> {
        match self {
            CardKey::P256(k) => {
                let sig: p256::ecdsa::Signature = k.sign(message);
                sig.to_bytes().to_vec()
            }
            CardKey::P384(k) => {
                let sig: p384::ecdsa::Signature = k.sign(message);
                sig.to_bytes().to_vec()
            }
            CardKey::Rsa(_) => self.sign_digest(&Sha256::digest(message)),
        }
    }

    /// An ECDSA signature over the curve's hash of `message` in DER, as the register's files of
    /// an applet 1.8 card hold it (RSA: PKCS#1 v1.5 with SHA-256, as [`Self::sign`]).
    pub(super) fn sign_der(&self, message: &[u8]) -> Vec<u8> {
        match self {
            CardKey::P256(k) => {
                let sig: p256::ecdsa::Signature = k.sign(message);
                sig.to_der().as_bytes().to_vec()
            }
            CardKey::P384(k) => {
                let sig: p384::ecdsa::Signature = k.sign(message);
                sig.to_der().as_bytes().to_vec()
            }
            CardKey::Rsa(_) => self.sign(message),
        }
    }

    /// A signature over a digest the host computed, as a card's authentication key makes it:
    /// ECDSA over the bare digest (raw `r || s`), RSA PKCS#1 v1.5 with the SHA-256 DigestInfo
    /// (the digest must then be 32 bytes). A key that cannot sign returns an empty signature,
    /// which verifies nowhere: what a test of a broken card would see.
    pub(super) fn sign_digest(&self, digest: &[u8]) -> Vec<u8> {
        match self {
            CardKey::P256(k) => PrehashSigner::<p256::ecdsa::Signature>::sign_prehash(k, digest)
                .map(|sig| sig.to_bytes().to_vec())
                .unwrap_or_default(),
            CardKey::P384(k) => PrehashSigner::<p384::ecdsa::Signature>::sign_prehash(k, digest)
                .map(|sig| sig.to_bytes().to_vec())
                .unwrap_or_default(),
            CardKey::Rsa(k) => k
                .sign(Pkcs1v15Sign::new::<Sha256>(), digest)
                .unwrap_or_default(),
        }
    }

    /// The algorithm identifier of this key's signatures (ecdsa-with-SHA256/384,
    /// sha256WithRSAEncryption), as a certificate or CRL names it.
    pub(super) fn signature_algorithm(
        &self,
    ) -> Result<spki::AlgorithmIdentifierOwned, TestCardError> {
        match self {
            CardKey::P256(k) => k.signature_algorithm_identifier(),
            CardKey::P384(k) => k.signature_algorithm_identifier(),
            CardKey::Rsa(k) => {
                rsa::pkcs1v15::SigningKey::<Sha256>::new(k.clone()).signature_algorithm_identifier()
            }
        }
        .map_err(cert_err)
    }

    /// Whether this is an RSA key (applet 1.7) rather than an ECDSA one.
    pub(super) fn is_rsa(&self) -> bool {
        matches!(self, CardKey::Rsa(_))
    }

    /// What the card answers to PSO: COMPUTE DIGITAL SIGNATURE over `input`: an RSA key pads it
    /// as it is (PKCS#1 v1.5, the host sent the DigestInfo); an ECDSA key signs it as the bare
    /// hash it must be (SHA-256, -384 or -512 long: a DigestInfo is refused, as by a 1.8 card).
    pub(super) fn sign_card_input(&self, input: &[u8]) -> Option<Vec<u8>> {
        match self {
            CardKey::Rsa(k) => k.sign(Pkcs1v15Sign::new_unprefixed(), input).ok(),
            CardKey::P256(_) | CardKey::P384(_) => {
                if !matches!(input.len(), 32 | 48 | 64) {
                    return None;
                }
                Some(self.sign_digest(input)).filter(|sig| !sig.is_empty())
            }
        }
    }
}
