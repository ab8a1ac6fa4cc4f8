//! The national register's certificate (503C) and the signature files it verifies.
//!
//! The identity and address files are only as good as the certificate that verifies their
//! signatures, and the kiosk sends that certificate: any certificate that reaches a root would
//! let anyone with a card vouch for identity files of their own making (their authentication
//! certificate, say, with files signed by their own card). So the register's certificate is
//! pinned: issued by a configured trust anchor itself (the Belgian roots sign it directly, no
//! Citizen CA between), named as the register (CN=RRN), for signatures, and not a CA.

use der::Decode;
use der::asn1::ObjectIdentifier as Oid;
use x509_cert::Certificate;
use x509_cert::ext::pkix::{KeyUsage, KeyUsages};

use super::EidError;
use super::x509;

/// The common name of the national register's certificate ("RRN", Rijksregister / Registre
/// national), on the Belgian certificates and the synthetic ones alike.
pub const REGISTER_COMMON_NAME: &str = "RRN";

const COMMON_NAME: Oid = Oid::new_unwrap("2.5.4.3");
const KEY_USAGE: Oid = Oid::new_unwrap("2.5.29.15");

/// Whether `rrn` is the national register's certificate under one of `anchors`, valid now.
pub fn check_register_certificate(
    rrn: &Certificate,
    anchors: &[Vec<u8>],
    now_s: i64,
) -> Result<(), EidError> {
    if common_names(rrn).ne([REGISTER_COMMON_NAME]) {
        return Err(EidError::NotTheRegister);
    }
    if x509::is_ca(rrn) || !signs_documents(rrn) {
        return Err(EidError::NotTheRegister);
    }
    // No intermediates: only a root itself may have issued it.
    x509::check_chain(rrn, &[], anchors, now_s)
}

/// Every common name of the subject.
fn common_names(cert: &Certificate) -> impl Iterator<Item = &str> {
    cert.tbs_certificate
        .subject
        .0
        .iter()
        .flat_map(|rdn| rdn.0.iter())
        .filter(|atv| atv.oid == COMMON_NAME)
        .filter_map(|atv| std::str::from_utf8(atv.value.value()).ok())
}

/// Whether the key usage allows signing data (digitalSignature or nonRepudiation) and not
/// certificates. A certificate without the extension is refused: the register's has it.
fn signs_documents(cert: &Certificate) -> bool {
    let usage = cert
        .tbs_certificate
        .extensions
        .as_ref()
        .and_then(|extensions| extensions.iter().find(|ext| ext.extn_id == KEY_USAGE))
        .and_then(|ext| KeyUsage::from_der(ext.extn_value.as_bytes()).ok());
    usage.is_some_and(|usage| {
        (usage.0.contains(KeyUsages::DigitalSignature)
            || usage.0.contains(KeyUsages::NonRepudiation))
            && !usage.0.contains(KeyUsages::KeyCertSign)
    })
}

/// The signature in a signature file (4032, 4034). Applet 1.8 cards keep a DER ECDSA signature
/// zero-padded to the file's size: the DER's own length (byte 1, plus the 2 header bytes; the
/// long form for completeness) says where it ends, and only zeros may follow. Anything else
/// (raw `r || s`, RSA, or a file that does not read so) is taken as it is.
pub fn signature_in_file(file: &[u8]) -> &[u8] {
    let real = match file {
        [0x30, len, ..] if *len < 0x80 => usize::from(*len) + 2,
        [0x30, 0x81, len, ..] => usize::from(*len) + 3,
        _ => return file,
    };
    match file.split_at_checked(real) {
        Some((signature, padding)) if padding.iter().all(|b| *b == 0) => signature,
        _ => file,
    }
}

/// The address file as the register signed it: without the zero bytes that pad it on the card
/// (Fedict's eid-viewer found that real cards' signatures leave them out).
pub fn address_as_signed(address: &[u8]) -> &[u8] {
    let end = address
        .iter()
        .rposition(|byte| *byte != 0)
        .map_or(0, |last| last + 1);
    address.get(..end).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use der::Encode;
    use der::asn1::OctetString;
    use x509_cert::ext::Extension;
    use x509_cert::ext::pkix::BasicConstraints;

    /// 2027, inside the synthetic certificates' validity (2020 to 2045).
    const NOW_S: i64 = 1_800_000_000;

    /// The demo CA's register certificate, with `edit` applied to its extensions, and the CA's
    /// root as the one anchor. The edit breaks the signature: what matters is that the
    /// certificate is refused as not the register before its signature is looked at.
    fn register_with(edit: impl FnOnce(&mut Vec<Extension>)) -> (Certificate, Vec<Vec<u8>>) {
        let ca = kiosk_testcard::DemoCa::from_seed(7).unwrap();
        let mut rrn = x509::parse(ca.rrn_der()).unwrap();
        edit(rrn.tbs_certificate.extensions.get_or_insert_with(Vec::new));
        (rrn, vec![ca.root_der().to_vec()])
    }

    fn key_usage(usages: impl Into<der::flagset::FlagSet<KeyUsages>>) -> Extension {
        Extension {
            extn_id: KEY_USAGE,
            critical: true,
            extn_value: OctetString::new(KeyUsage(usages.into()).to_der().unwrap()).unwrap(),
        }
    }

    fn set_key_usage(extensions: &mut Vec<Extension>, usage: Option<Extension>) {
        extensions.retain(|ext| ext.extn_id != KEY_USAGE);
        extensions.extend(usage);
    }

    #[test]
    fn the_register_certificate_is_for_signing_documents_and_not_a_ca() {
        let (genuine, anchors) = register_with(|_| {});
        assert_eq!(
            check_register_certificate(&genuine, &anchors, NOW_S),
            Ok(())
        );
        let refused = |edit: &dyn Fn(&mut Vec<Extension>)| {
            let (rrn, anchors) = register_with(edit);
            check_register_certificate(&rrn, &anchors, NOW_S)
        };
        // For enciphering keys only, not signing.
        assert_eq!(
            refused(&|e| set_key_usage(e, Some(key_usage(KeyUsages::KeyEncipherment)))),
            Err(EidError::NotTheRegister)
        );
        // Signing, and certificates too.
        assert_eq!(
            refused(&|e| set_key_usage(
                e,
                Some(key_usage(
                    KeyUsages::DigitalSignature | KeyUsages::KeyCertSign
                ))
            )),
            Err(EidError::NotTheRegister)
        );
        // No key usage at all.
        assert_eq!(
            refused(&|e| set_key_usage(e, None)),
            Err(EidError::NotTheRegister)
        );
        // Non-repudiation alone is signing.
        assert_ne!(
            refused(&|e| set_key_usage(e, Some(key_usage(KeyUsages::NonRepudiation)))),
            Err(EidError::NotTheRegister)
        );
        // A CA, for all it signs documents.
        let ca = Extension {
            extn_id: der::asn1::ObjectIdentifier::new_unwrap("2.5.29.19"),
            critical: true,
            extn_value: OctetString::new(
                BasicConstraints {
                    ca: true,
                    path_len_constraint: None,
                }
                .to_der()
                .unwrap(),
            )
            .unwrap(),
        };
        assert_eq!(
            refused(&|e| {
                e.retain(|ext| ext.extn_id.to_string() != "2.5.29.19");
                e.push(ca.clone());
            }),
            Err(EidError::NotTheRegister)
        );
    }

    #[test]
    fn padding_after_a_der_signature_is_cut_and_nothing_else() {
        let der = [0x30, 0x03, 0x02, 0x01, 0x05];
        let padded = [&der[..], &[0, 0, 0]].concat();
        assert_eq!(signature_in_file(&padded), der);
        assert_eq!(signature_in_file(&der), der);
        let not_zeros = [&der[..], &[0, 1]].concat();
        assert_eq!(signature_in_file(&not_zeros), &not_zeros[..]);
        let raw = [7u8; 96];
        assert_eq!(signature_in_file(&raw), raw);
        assert_eq!(signature_in_file(&[0x30, 0x50]), [0x30, 0x50]);
        assert_eq!(signature_in_file(&[]), [0u8; 0]);
        // The long form: 0x81 and one length byte (a signature of 128 bytes or more).
        let long = [&[0x30, 0x81, 0x80][..], &[9u8; 0x80]].concat();
        let padded = [&long[..], &[0, 0]].concat();
        assert_eq!(signature_in_file(&padded), long);
        assert_eq!(signature_in_file(&long), long);
        // 0x80 is no short-form length (it starts the indefinite form): taken as it is.
        let indefinite = [&[0x30, 0x80][..], &[9u8; 0x80], &[0, 0]].concat();
        assert_eq!(signature_in_file(&indefinite), indefinite);
        // The largest short-form length, 0x7f.
        let largest = [&[0x30, 0x7f][..], &[9u8; 0x7f]].concat();
        assert_eq!(signature_in_file(&[&largest[..], &[0]].concat()), largest);
        assert_eq!(address_as_signed(&[1, 2, 0, 3, 0, 0]), [1, 2, 0, 3]);
        assert_eq!(address_as_signed(&[0, 0]), [0u8; 0]);
    }
}
