//! Revocation: is the card's authentication certificate on its Citizen CA's revocation list?
//!
//! The municipality's IT keeps the CRLs in a folder (`--crl-dir`), refreshed by a timer of their
//! own: the Belgian CAs publish them as public DER files (crl.eid.belgium.be). A card is good only
//! when a list from its certificate's issuer, signed by that issuer's key and current (this
//! update passed, next update not yet), does not name its serial number. Revoked, or no such
//! list (missing, stale, forged): refused. Lists are parsed once per file version (path, size,
//! modification time) and kept; their signature is checked for every card, which costs a hash
//! of the list (run it on the blocking pool).
//!
//! The Belgian CAs also publish delta lists (revocations since the last full list). A delta list
//! can revoke, but only a full list can say a card is good: a fresh delta beside a stale full
//! list must not pass a card revoked in between.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::SystemTime;

use der::asn1::ObjectIdentifier as Oid;
use der::{Decode, Encode};
use x509_cert::Certificate;
use x509_cert::crl::CertificateList;
use x509_cert::time::Time;

use super::EidError;
use super::x509::{self, PublicKey};

/// The largest list read, in bytes: the Belgian Citizen CA lists run to tens of megabytes.
const MAX_CRL_BYTES: u64 = 256 * 1024 * 1024;

/// The extension that makes a list a delta list (RFC 5280, 5.2.4).
const DELTA_CRL_INDICATOR: Oid = Oid::new_unwrap("2.5.29.27");

/// What a current list from the issuer says of a certificate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Good,
    Revoked,
    /// No current list signed by the certificate's issuer.
    Unknown,
}

/// One parsed list, as much of it as the check needs.
struct Crl {
    issuer: Vec<u8>,
    /// A delta list: it can revoke, not vouch.
    delta: bool,
    this_update_s: i64,
    next_update_s: Option<i64>,
    revoked: HashSet<Vec<u8>>,
    algorithm: Oid,
    tbs: Vec<u8>,
    signature: Vec<u8>,
}

/// A file's version: its size and modification time.
type Version = (u64, Option<SystemTime>);

/// What a file held when it was last read: a list, or nothing usable.
type Cached = (Version, Option<Arc<Crl>>);

/// The folder of CRLs, and the lists read from it.
pub struct CrlFolder {
    dir: PathBuf,
    cache: Mutex<HashMap<PathBuf, Cached>>,
}

impl std::fmt::Debug for CrlFolder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CrlFolder").field("dir", &self.dir).finish()
    }
}

impl CrlFolder {
    pub fn new(dir: impl Into<PathBuf>) -> CrlFolder {
        CrlFolder {
            dir: dir.into(),
            cache: Mutex::default(),
        }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The status of `cert`, issued by `issuer_key` (the key that signed it), at `now_s`.
    pub fn status(&self, cert: &Certificate, issuer_key: &PublicKey, now_s: i64) -> Status {
        let Ok(issuer) = cert.tbs_certificate.issuer.to_der() else {
            return Status::Unknown;
        };
        let serial = cert.tbs_certificate.serial_number.as_bytes();
        let mut status = Status::Unknown;
        for crl in self.lists() {
            if crl.issuer != issuer
                || crl.this_update_s > now_s
                || crl.next_update_s.is_none_or(|next| next < now_s)
                || !x509::signature_verifies(crl.algorithm, &crl.tbs, &crl.signature, issuer_key)
            {
                continue;
            }
            if crl.revoked.contains(serial) {
                return Status::Revoked;
            }
            if !crl.delta {
                status = Status::Good;
            }
        }
        status
    }

    /// Every list in the folder, parsed once per version of its file.
    fn lists(&self) -> Vec<Arc<Crl>> {
        let entries = match std::fs::read_dir(&self.dir) {
            Ok(entries) => entries,
            Err(error) => {
                tracing::error!(%error, dir = %self.dir.display(), "CRL folder unreadable");
                return Vec::new();
            }
        };
        let mut cache = self.cache.lock().unwrap_or_else(PoisonError::into_inner);
        let mut lists = Vec::new();
        for entry in entries.flatten() {
            let path = entry.path();
            let Ok(meta) = entry.metadata() else { continue };
            if !meta.is_file() || meta.len() > MAX_CRL_BYTES {
                continue;
            }
            let version = (meta.len(), meta.modified().ok());
            let parsed = match cache.get(&path) {
                Some((known, parsed)) if *known == version => parsed.clone(),
                _ => {
                    let parsed = std::fs::read(&path).ok().and_then(|der| parse(&der));
                    if parsed.is_none() {
                        tracing::warn!(path = %path.display(), "not a DER CRL: skipped");
                    }
                    cache.insert(path, (version, parsed.clone()));
                    parsed
                }
            };
            lists.extend(parsed);
        }
        lists
    }
}

fn seconds(time: &Time) -> i64 {
    i64::try_from(time.to_unix_duration().as_secs()).unwrap_or(i64::MAX)
}

fn parse(der_bytes: &[u8]) -> Option<Arc<Crl>> {
    let list = CertificateList::from_der(der_bytes).ok()?;
    let tbs = &list.tbs_cert_list;
    Some(Arc::new(Crl {
        issuer: tbs.issuer.to_der().ok()?,
        delta: tbs
            .crl_extensions
            .iter()
            .flatten()
            .any(|extension| extension.extn_id == DELTA_CRL_INDICATOR),
        this_update_s: seconds(&tbs.this_update),
        next_update_s: tbs.next_update.as_ref().map(seconds),
        revoked: tbs
            .revoked_certificates
            .iter()
            .flatten()
            .map(|entry| entry.serial_number.as_bytes().to_vec())
            .collect(),
        algorithm: list.signature_algorithm.oid,
        tbs: tbs.to_der().ok()?,
        signature: list.signature.as_bytes()?.to_vec(),
    }))
}

/// The status of the authentication certificate `auth`: its issuer's key is found among the
/// CA certificates and anchors (the one that signed it), then its lists are consulted.
pub fn check(
    folder: &CrlFolder,
    auth: &Certificate,
    ca_certs: &[Vec<u8>],
    anchors: &[Vec<u8>],
    now_s: i64,
) -> Result<(), EidError> {
    let issuer_keys = ca_certs
        .iter()
        .chain(anchors)
        .filter_map(|der| Certificate::from_der(der).ok())
        .filter(|ca| ca.tbs_certificate.subject == auth.tbs_certificate.issuer)
        .filter_map(|ca| x509::public_key(&ca).ok())
        .filter(|key| x509::signed_by(auth, key));
    let mut status = Status::Unknown;
    for key in issuer_keys {
        match folder.status(auth, &key, now_s) {
            Status::Revoked => return Err(EidError::Revoked),
            Status::Good => status = Status::Good,
            Status::Unknown => {}
        }
    }
    match status {
        Status::Good => Ok(()),
        Status::Revoked | Status::Unknown => Err(EidError::RevocationUnknown),
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use kiosk_testcard::{DemoCa, TestCard};

    /// 2027, inside the synthetic certificates' validity.
    const NOW: u64 = 1_800_000_000;
    const DAY: u64 = 86_400;

    struct Case {
        ca: DemoCa,
        card: TestCard,
    }

    impl Case {
        fn new() -> Case {
            let ca = DemoCa::from_seed(7).unwrap();
            let holder = kiosk_testcard::demo_holder(7, jiff::civil::date(2026, 12, 7)).unwrap();
            let card = ca.card(&holder).unwrap();
            Case { ca, card }
        }

        /// The card's status with `list` as the folder's one file.
        fn status_with(&self, list: Vec<u8>) -> Status {
            let dir = tempfile::tempdir().unwrap();
            std::fs::write(dir.path().join("citizen.crl"), list).unwrap();
            let auth = x509::parse(&self.card.auth_cert).unwrap();
            let issuer = x509::public_key(&x509::parse(self.ca.citizen_der()).unwrap()).unwrap();
            CrlFolder::new(dir.path()).status(&auth, &issuer, NOW as i64)
        }

        fn full(&self, revoked: &[&TestCard], this: u64, next: u64) -> Status {
            self.status_with(self.ca.crl(revoked, this, next).unwrap())
        }
    }

    #[test]
    fn a_list_vouches_only_while_current_and_signed_by_the_cards_issuer() {
        let case = Case::new();
        assert_eq!(case.full(&[], NOW - DAY, NOW + DAY), Status::Good);
        assert_eq!(
            case.full(&[&case.card], NOW - DAY, NOW + DAY),
            Status::Revoked
        );
        // Current from this very second, and until this very second.
        assert_eq!(case.full(&[], NOW, NOW + DAY), Status::Good);
        assert_eq!(case.full(&[], NOW - DAY, NOW), Status::Good);
        // Not yet current, no longer current: nothing said.
        assert_eq!(case.full(&[], NOW + 1, NOW + DAY), Status::Unknown);
        assert_eq!(case.full(&[], NOW - DAY, NOW - 1), Status::Unknown);
        // Current, but forged (the root's key, not the Citizen CA's), or another CA's.
        let forged = case
            .ca
            .crl_signed_by_root(&[], NOW - DAY, NOW + DAY)
            .unwrap();
        assert_eq!(case.status_with(forged), Status::Unknown);
        let other = DemoCa::untrusted(7).unwrap();
        assert_eq!(
            case.status_with(other.crl(&[], NOW - DAY, NOW + DAY).unwrap()),
            Status::Unknown
        );
        // A stale or forged list cannot revoke either: it is not read at all.
        assert_eq!(
            case.full(&[&case.card], NOW + 1, NOW + DAY),
            Status::Unknown
        );
        let forged = case
            .ca
            .crl_signed_by_root(&[&case.card], NOW - DAY, NOW + DAY)
            .unwrap();
        assert_eq!(case.status_with(forged), Status::Unknown);
    }
}
