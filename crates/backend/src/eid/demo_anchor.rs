//! The synthetic demo CA as a trust anchor. Its keys come from a public seed, so anyone can make
//! cards it vouches for: a backend trusts it only when started for a demo (`serve --demo`, the
//! kiosk's embedded backend), never by accident in production.

use der::asn1::ObjectIdentifier as Oid;

use super::x509;

/// The organisation every synthetic CA (kiosk-testcard's) names in its subject.
pub const SYNTHETIC_ORGANISATION: &str = "Synthetic Test Data";

const ORGANISATION: Oid = Oid::new_unwrap("2.5.4.10");

/// Whether the anchor (DER) is a synthetic demo CA: its subject's organisation says so.
pub fn is_synthetic(anchor: &[u8]) -> bool {
    let Ok(cert) = x509::parse(anchor) else {
        return false;
    };
    cert.tbs_certificate
        .subject
        .0
        .iter()
        .flat_map(|rdn| rdn.0.iter())
        .filter(|atv| atv.oid == ORGANISATION)
        .any(|atv| atv.value.value() == SYNTHETIC_ORGANISATION.as_bytes())
}
