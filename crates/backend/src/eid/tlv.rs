//! The TLV format of the eID identity (4031) and address (4033) files: tag byte, length, value.
//!
//! Lengths follow the Fedict middleware, as the kiosk's reader (kiosk-core `devices::eid::tlv`) does:
//! a length byte 0xFF means "255 and more follows" and bytes are summed until one below 0xFF. A real
//! card never has a field of 128 bytes or more, so both readers agree on every real file.

/// Identity file tags used here.
pub mod tag {
    pub const CARD_NUMBER: u8 = 1;
    pub const VALID_FROM: u8 = 3;
    pub const VALID_TO: u8 = 4;
    pub const NATIONAL_NUMBER: u8 = 6;
    pub const SURNAME: u8 = 7;
    pub const FIRST_NAMES: u8 = 8;
    pub const NATIONALITY: u8 = 10;
    pub const BIRTH_PLACE: u8 = 11;
    pub const BIRTH_DATE: u8 = 12;
    pub const GENDER: u8 = 13;
    pub const DOCUMENT_TYPE: u8 = 15;
    pub const STREET_AND_NUMBER: u8 = 1;
    pub const POSTAL_CODE: u8 = 2;
    pub const MUNICIPALITY: u8 = 3;
}

/// Writes fields in order.
pub fn encode(fields: &[(u8, &[u8])]) -> Vec<u8> {
    let mut out = Vec::new();
    for (tag, value) in fields {
        out.push(*tag);
        let mut len = value.len();
        while len >= 0xFF {
            out.push(0xFF);
            len -= 0xFF;
        }
        out.push(u8::try_from(len).unwrap_or(0));
        out.extend_from_slice(value);
    }
    out
}

/// The value of the first field with `tag`, or `None` if absent or the file is malformed. Never panics,
/// whatever bytes a client sends.
pub fn find(file: &[u8], wanted: u8) -> Option<&[u8]> {
    let mut offset = 0usize;
    while offset < file.len() {
        let tag = *file.get(offset)?;
        offset += 1;
        let mut len = 0usize;
        loop {
            let b = *file.get(offset)?;
            offset += 1;
            len = len.checked_add(usize::from(b))?;
            if b != 0xFF {
                break;
            }
        }
        let end = offset.checked_add(len)?;
        let value = file.get(offset..end)?;
        if tag == wanted {
            return Some(value);
        }
        offset = end;
    }
    None
}

/// A field as UTF-8 text.
pub fn text(file: &[u8], wanted: u8) -> Option<String> {
    find(file, wanted).and_then(|v| std::str::from_utf8(v).ok().map(str::to_owned))
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
