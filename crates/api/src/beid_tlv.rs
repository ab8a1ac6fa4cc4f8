//! The TLV format of the eID's identity (4031) and address (4033) files: one tag byte, a
//! length, the value. One definition for the kiosk that reads the card and the backend that
//! checks the files the kiosk sends (they cross HTTP, base64 in `EidEvidence`).
//!
//! The length follows the Fedict middleware (eid-mw `CTLVBuffer::ParseTLV`, which its PKCS#11
//! module uses for these files): a length byte of 0xFF means "255 and more follows", and the
//! bytes are summed until one below 0xFF, so 300 is `FF 2D`. Fedict's Java library
//! (commons-eid) reads the same files with a 7-bit continuation instead (`82 2C` for 300).
//! Both agree on every length below 128, which is all a real card holds (its longest field,
//! the first names, stays well under that), so the choice only matters for synthetic data.
//!
//! The bytes come from a card anyone can hand to the kiosk: the parser checks every length
//! against what is left and never panics, whatever it is given.

/// The tags of the identity file (4031) and of the address file (4033).
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
    /// The photo file's hash: SHA-1 on applet 1.7 cards (some re-signed ones keep it),
    /// SHA-384 on applet 1.8 cards.
    pub const PHOTO_HASH: u8 = 17;
    /// Applet 1.8 only: the hash of the card's basic key (not used by the kiosk).
    pub const BASIC_KEY_HASH: u8 = 0x1A;

    /// Address file tags.
    pub const STREET_AND_NUMBER: u8 = 1;
    pub const POSTAL_CODE: u8 = 2;
    pub const MUNICIPALITY: u8 = 3;
}

/// One field: a tag and the bytes it carries, borrowed from the file.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Field<'a> {
    pub tag: u8,
    pub value: &'a [u8],
}

/// The value may be personal data: only its length is shown.
impl std::fmt::Debug for Field<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Field")
            .field("tag", &self.tag)
            .field("len", &self.value.len())
            .finish()
    }
}

/// Why a file is not well-formed TLV. Offsets only: never the bytes themselves.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum TlvError {
    #[error("the field at byte {offset} has a tag but no length")]
    MissingLength { offset: usize },
    #[error("the length of the field at byte {offset} runs past the end of the file")]
    TruncatedLength { offset: usize },
    #[error("the field at byte {offset} says {declared} bytes but only {available} are left")]
    TruncatedValue {
        offset: usize,
        declared: usize,
        available: usize,
    },
}

/// Splits a file into its fields, in order, unknown tags included (the caller skips what it
/// does not know, so newer cards with more fields still read).
///
/// A single trailing zero byte is taken as padding; longer runs of zeros read as empty fields
/// with tag 0, which no caller uses (tag 0 is the file's version).
pub fn parse(bytes: &[u8]) -> Result<Vec<Field<'_>>, TlvError> {
    let mut fields = Vec::new();
    let mut offset = 0;
    while offset < bytes.len() {
        let rest = bytes.get(offset..).unwrap_or_default();
        if rest == [0] {
            break;
        }
        let (field, used) = parse_one(bytes, offset)?;
        fields.push(field);
        offset = offset.saturating_add(used);
    }
    Ok(fields)
}

/// One field starting at `offset`; returns it and how many bytes it took.
fn parse_one(bytes: &[u8], offset: usize) -> Result<(Field<'_>, usize), TlvError> {
    let tag = *bytes
        .get(offset)
        .ok_or(TlvError::MissingLength { offset })?;
    let mut at = offset + 1;
    if at >= bytes.len() {
        return Err(TlvError::MissingLength { offset });
    }
    let mut length: usize = 0;
    loop {
        let byte = *bytes.get(at).ok_or(TlvError::TruncatedLength { offset })?;
        at += 1;
        // Cannot overflow before the file runs out: every byte adds at most 255.
        length = length.saturating_add(usize::from(byte));
        if byte != 0xFF {
            break;
        }
    }
    let available = bytes.len() - at;
    if length > available {
        return Err(TlvError::TruncatedValue {
            offset,
            declared: length,
            available,
        });
    }
    let value = bytes.get(at..at + length).ok_or(TlvError::TruncatedValue {
        offset,
        declared: length,
        available,
    })?;
    Ok((Field { tag, value }, at + length - offset))
}

/// Appends one field in the same format: for tests and the virtual card.
pub fn encode(tag: u8, value: &[u8], out: &mut Vec<u8>) {
    out.push(tag);
    let mut length = value.len();
    while length >= 0xFF {
        out.push(0xFF);
        length -= 0xFF;
    }
    // A length that is a multiple of 255 ends with a 0 byte, as the reader expects.
    out.push(u8::try_from(length).unwrap_or(0));
    out.extend_from_slice(value);
}

/// The value of the first field with `wanted`; `None` when absent or the file is malformed.
pub fn find(file: &[u8], wanted: u8) -> Option<&[u8]> {
    parse(file)
        .ok()?
        .into_iter()
        .find(|field| field.tag == wanted)
        .map(|field| field.value)
}

/// A field as UTF-8 text.
pub fn text(file: &[u8], wanted: u8) -> Option<String> {
    find(file, wanted).and_then(|value| std::str::from_utf8(value).ok().map(str::to_owned))
}
