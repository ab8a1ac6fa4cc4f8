//! The revocation list a synthetic Citizen CA publishes, as the Belgian ones do theirs (DER CRLs
//! on crl.eid.belgium.be): for tests of the backend's revocation check.

use std::time::Duration;

use der::Encode;
use der::asn1::{BitString, OctetString, UtcTime};
use x509_cert::Version;
use x509_cert::crl::{CertificateList, RevokedCert, TbsCertList};
use x509_cert::ext::Extension;
use x509_cert::time::Time;

use super::keys::CardKey;
use super::{DemoCa, TestCard, TestCardError, cert_err};

fn time(unix_s: u64) -> Result<Time, TestCardError> {
    Ok(Time::UtcTime(
        UtcTime::from_unix_duration(Duration::from_secs(unix_s)).map_err(cert_err)?,
    ))
}

/// The critical deltaCRLIndicator extension naming full list number 1 (RFC 5280, 5.2.4).
fn delta_indicator() -> Result<Extension, TestCardError> {
    let base_number = der::asn1::Uint::new(&[1]).map_err(cert_err)?;
    Ok(Extension {
        extn_id: der::asn1::ObjectIdentifier::new_unwrap("2.5.29.27"),
        critical: true,
        extn_value: OctetString::new(base_number.to_der().map_err(cert_err)?).map_err(cert_err)?,
    })
}

impl DemoCa {
    /// The Citizen CA's revocation list (DER) naming `revoked` cards' authentication
    /// certificates, current from `this_update_s` to `next_update_s` (Unix seconds).
    pub fn crl(
        &self,
        revoked: &[&TestCard],
        this_update_s: u64,
        next_update_s: u64,
    ) -> Result<Vec<u8>, TestCardError> {
        self.crl_signed_by(
            &self.citizen_key,
            revoked,
            this_update_s,
            next_update_s,
            false,
        )
    }

    /// A delta list (revocations since the full list number 1), as the Belgian CAs publish
    /// beside their full lists.
    pub fn delta_crl(
        &self,
        revoked: &[&TestCard],
        this_update_s: u64,
        next_update_s: u64,
    ) -> Result<Vec<u8>, TestCardError> {
        self.crl_signed_by(
            &self.citizen_key,
            revoked,
            this_update_s,
            next_update_s,
            true,
        )
    }

    /// [`Self::crl`] signed by another key than the Citizen CA's (the root's): a forged list.
    pub fn crl_signed_by_root(
        &self,
        revoked: &[&TestCard],
        this_update_s: u64,
        next_update_s: u64,
    ) -> Result<Vec<u8>, TestCardError> {
        self.crl_signed_by(&self.root_key, revoked, this_update_s, next_update_s, false)
    }

    fn crl_signed_by(
        &self,
        signer: &CardKey,
        revoked: &[&TestCard],
        this_update_s: u64,
        next_update_s: u64,
        delta: bool,
    ) -> Result<Vec<u8>, TestCardError> {
        let citizen = kiosk_backend::eid::x509::parse(&self.citizen_der)
            .map_err(|e| TestCardError::Certificate(e.to_string()))?;
        let entries = revoked
            .iter()
            .map(|card| {
                let auth = kiosk_backend::eid::x509::parse(&card.auth_cert)
                    .map_err(|e| TestCardError::Certificate(e.to_string()))?;
                Ok(RevokedCert {
                    serial_number: auth.tbs_certificate.serial_number.clone(),
                    revocation_date: time(this_update_s)?,
                    crl_entry_extensions: None,
                })
            })
            .collect::<Result<Vec<_>, TestCardError>>()?;
        let tbs = TbsCertList {
            version: Version::V2,
            signature: signer.signature_algorithm()?,
            issuer: citizen.tbs_certificate.subject.clone(),
            this_update: time(this_update_s)?,
            next_update: Some(time(next_update_s)?),
            revoked_certificates: Some(entries).filter(|e| !e.is_empty()),
            crl_extensions: if delta {
                Some(vec![delta_indicator()?])
            } else {
                None
            },
        };
        let signed = tbs.to_der().map_err(cert_err)?;
        let list = CertificateList {
            signature_algorithm: signer.signature_algorithm()?,
            signature: BitString::from_bytes(&signer.sign_der(&signed)).map_err(cert_err)?,
            tbs_cert_list: tbs,
        };
        list.to_der().map_err(cert_err)
    }
}
