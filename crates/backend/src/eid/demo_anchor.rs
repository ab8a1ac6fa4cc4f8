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

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;

    /// `from` replaced by `to`, of the same length, everywhere in `der` (a root names its
    /// organisation as issuer and as subject).
    fn renamed(der: &[u8], from: &[u8], to: &[u8]) -> Vec<u8> {
        assert_eq!(from.len(), to.len(), "a DER length would change");
        let mut out = der.to_vec();
        let mut found = 0;
        while let Some(at) = out.windows(from.len()).position(|w| w == from) {
            out[at..at + to.len()].copy_from_slice(to);
            found += 1;
        }
        assert!(found > 0, "the organisation is in the certificate");
        out
    }

    #[test]
    fn only_a_ca_naming_the_synthetic_organisation_is_the_demo_ca() {
        let ca = kiosk_testcard::DemoCa::from_seed(7).unwrap();
        assert!(is_synthetic(ca.root_der()));
        assert!(is_synthetic(ca.citizen_der()));
        // The same certificate naming another organisation (its signature no longer matters
        // here): a production anchor, which a production backend keeps and starts with.
        let other = renamed(
            ca.root_der(),
            SYNTHETIC_ORGANISATION.as_bytes(),
            b"Belgian eID Root CA",
        );
        assert!(x509::parse(&other).is_ok());
        assert!(!is_synthetic(&other));
        assert!(!is_synthetic(b"not a certificate"));
    }
}
