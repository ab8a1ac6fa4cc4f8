//! The TLV format of the eID identity (4031) and address (4033) files: tag byte, length, value.
//!
//! The format itself is kiosk-api's (`beid_tlv`), the one the kiosk's card reader uses.

pub use kiosk_api::beid_tlv::{find, tag, text};

/// Writes fields in order, in kiosk-api's encoding.
pub fn encode(fields: &[(u8, &[u8])]) -> Vec<u8> {
    let mut out = Vec::new();
    for (tag, value) in fields {
        kiosk_api::beid_tlv::encode(*tag, value, &mut out);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_short_and_long_fields_and_survives_truncation() {
        let long = vec![b'x'; 300];
        let file = encode(&[(6, b"85073003328"), (8, &long)]);
        assert_eq!(find(&file, 6), Some(&b"85073003328"[..]));
        assert_eq!(find(&file, 8).map(<[u8]>::len), Some(300));
        assert_eq!(find(&file, 7), None);
        for cut in 0..file.len() {
            let _ = find(&file[..cut], 8);
        }
    }
}
