//! The reader's own PIN pad (PC/SC part 10), as pure functions: the feature list a reader
//! answers to GET_FEATURE_REQUEST, and the PIN_VERIFY_STRUCTURE that has the reader ask for the
//! PIN and send the BEID VERIFY itself, so that the digits never pass through the kiosk.
//!
//! No reader here has a pad (the virtual reader of the tests has none): the bytes are checked
//! against the specification in the tests below, not against hardware.

use super::super::apdu::{self, PinStatus, StatusWord};
use super::super::card::PinOutcome;

/// FEATURE_VERIFY_PIN_DIRECT: the reader takes a PIN_VERIFY_STRUCTURE and does the rest.
pub const FEATURE_VERIFY_PIN_DIRECT: u8 = 0x06;

/// How long the reader waits for the first key and between keys, in seconds. Thirty gives a
/// resident who looks for the pad time; the card's own session lasts longer than that.
const TIMEOUT_S: u8 = 30;

/// The language of the reader's own prompt: US English, because the kiosk's language changes
/// per resident and readers that show text only know a few languages, English among them.
const LANG_ID: u16 = 0x0409;

/// The features a reader announced, each with the control code that runs it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Features(Vec<(u8, u32)>);

impl Features {
    /// Parses GET_FEATURE_REQUEST's answer: entries of tag (1 byte), length (always 4), control
    /// code (4 bytes, big-endian). An entry of another length is skipped; a truncated one ends
    /// the list (a reader with a broken answer is taken to have no pad rather than refused).
    pub fn parse(answer: &[u8]) -> Self {
        let mut features = Vec::new();
        let mut rest = answer;
        while let [tag, len, tail @ ..] = rest {
            let Some((value, next)) = tail.split_at_checked(usize::from(*len)) else {
                tracing::debug!(len = answer.len(), "reader feature list is truncated");
                break;
            };
            if let Ok(code) = <[u8; 4]>::try_from(value) {
                features.push((*tag, u32::from_be_bytes(code)));
            }
            rest = next;
        }
        Self(features)
    }

    /// The control code of `feature`, when the reader has it.
    pub fn control_code(&self, feature: u8) -> Option<u32> {
        self.0
            .iter()
            .find(|(tag, _)| *tag == feature)
            .map(|(_, code)| *code)
    }

    pub fn verify_pin_direct(&self) -> Option<u32> {
        self.control_code(FEATURE_VERIFY_PIN_DIRECT)
    }
}

/// The BEID VERIFY as a template for the reader: header `00 20 00 01 08`, then an ISO 9564
/// format 2 PIN block whose length nibble (the `0` of `20`) and digits the reader fills in.
const BEID_VERIFY_TEMPLATE: [u8; 13] = [
    0x00, 0x20, 0x00, 0x01, 0x08, 0x20, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
];

/// The PIN_VERIFY_STRUCTURE for the BEID VERIFY (PC/SC part 10, 2.5.2); multi-byte fields are
/// little-endian.
pub fn beid_verify_structure() -> Vec<u8> {
    // bmFormatString: unit bytes (bit 7), the digits start at byte 1 of the block (bits 6-3),
    // left-justified (bit 2 clear), BCD (bits 1-0 = 01).
    let format = 0x80 | (1 << 3) | 0x01;
    // bmPINBlockString: the length takes 4 bits; the digits fill 7 bytes (up to 14 digits,
    // the rest of the template stays F).
    let block = (4 << 4) | 7;
    // bmPINLengthFormat: unit bits (bit 4 clear), the length sits 4 bits into the block: the
    // low nibble of its first byte, the N of `2N`.
    let length_format = 4;
    // wPINMaxExtraDigit: minimum digits in the high byte, maximum in the low byte.
    let min_max = u16::from_be_bytes([4, 12]);
    // bEntryValidationCondition: the resident confirms with the pad's OK key.
    let validation = 0x02;
    let messages = 0x01;
    let mut structure = vec![TIMEOUT_S, TIMEOUT_S, format, block, length_format];
    structure.extend_from_slice(&min_max.to_le_bytes());
    structure.extend_from_slice(&[validation, messages]);
    structure.extend_from_slice(&LANG_ID.to_le_bytes());
    // bMsgIndex, then bTeoPrologue (T=1 prologue, filled in by the reader).
    structure.extend_from_slice(&[0x00, 0x00, 0x00, 0x00]);
    // The template's length always fits; u32 keeps the field's 4 bytes.
    let data_len = BEID_VERIFY_TEMPLATE.len() as u32;
    structure.extend_from_slice(&data_len.to_le_bytes());
    structure.extend_from_slice(&BEID_VERIFY_TEMPLATE);
    structure
}

/// What came of asking for the PIN on the reader's pad.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PadOutcome {
    /// The card checked the PIN the resident typed.
    Checked(PinOutcome),
    /// The resident pressed Cancel on the pad.
    Cancelled,
    /// Nobody typed in time.
    TimedOut,
}

/// The status word of a VERIFY_PIN_DIRECT: the card's answer, or one the reader made up
/// (64 00 time-out, 64 01 cancelled, PC/SC part 10, 2.5.2). `None` for any other word.
pub fn pad_outcome(sw: StatusWord) -> Option<PadOutcome> {
    match (sw.0, apdu::pin_status(sw)) {
        (0x6400, _) => Some(PadOutcome::TimedOut),
        (0x6401, _) => Some(PadOutcome::Cancelled),
        (_, PinStatus::Verified) => Some(PadOutcome::Checked(PinOutcome::Ok)),
        (_, PinStatus::Wrong { tries_left }) => {
            Some(PadOutcome::Checked(PinOutcome::Wrong { tries_left }))
        }
        (_, PinStatus::Blocked) => Some(PadOutcome::Checked(PinOutcome::Blocked)),
        (_, PinStatus::Other(_)) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_ccid_feature_list_gives_verify_pin_direct() {
        // As a CCID pad reader answers (codes SCARD_CTL_CODE(0x330000 + feature)), with the
        // PIN properties and TLV properties features around the one that matters.
        let answer = [
            0x06, 0x04, 0x42, 0x33, 0x00, 0x06, // VERIFY_PIN_DIRECT
            0x07, 0x04, 0x42, 0x33, 0x00, 0x07, // MODIFY_PIN_DIRECT
            0x0A, 0x04, 0x42, 0x33, 0x00, 0x0A, // IFD_PIN_PROPERTIES
            0x12, 0x04, 0x42, 0x33, 0x00, 0x12, // GET_TLV_PROPERTIES
        ];
        let features = Features::parse(&answer);
        assert_eq!(features.verify_pin_direct(), Some(0x4233_0006));
        assert_eq!(features.control_code(0x0A), Some(0x4233_000A));
        assert_eq!(features.control_code(0x01), None);
    }

    #[test]
    fn a_reader_without_a_pad_has_no_verify_pin_direct() {
        // A plain CCID reader: only the TLV properties.
        let features = Features::parse(&[0x12, 0x04, 0x42, 0x33, 0x00, 0x12]);
        assert_eq!(features.verify_pin_direct(), None);
        assert_eq!(Features::parse(&[]), Features::default());
    }

    #[test]
    fn odd_lengths_are_skipped_and_a_truncated_entry_ends_the_list() {
        let answer = [
            0x0B, 0x02, 0xAA, 0xBB, // 2-byte value: skipped
            0x06, 0x04, 0x42, 0x33, 0x00, 0x06, // kept
            0x07, 0x04, 0x42, 0x33, // truncated
        ];
        let features = Features::parse(&answer);
        assert_eq!(features.verify_pin_direct(), Some(0x4233_0006));
        assert_eq!(features.control_code(0x0B), None);
        assert_eq!(features.control_code(0x07), None);
        // A lone tag byte is not an entry either.
        assert_eq!(Features::parse(&[0x06]), Features::default());
    }

    #[test]
    fn the_beid_verify_structure_is_byte_for_byte_pc_sc_part_10() {
        #[rustfmt::skip]
        let expected = [
            0x1E, 0x1E,             // bTimerOut, bTimerOut2: 30 s
            0x89,                   // bmFormatString: bytes, PIN at byte 1, left, BCD
            0x47,                   // bmPINBlockString: 4-bit length, 7-byte block
            0x04,                   // bmPINLengthFormat: length 4 bits into the block
            0x0C, 0x04,             // wPINMaxExtraDigit 0x040C: 4 to 12 digits
            0x02,                   // bEntryValidationCondition: OK key
            0x01,                   // bNumberMessage
            0x09, 0x04,             // wLangId 0x0409
            0x00,                   // bMsgIndex
            0x00, 0x00, 0x00,       // bTeoPrologue
            0x0D, 0x00, 0x00, 0x00, // ulDataLength: 13
            0x00, 0x20, 0x00, 0x01, 0x08, // VERIFY, PIN reference 01, 8 bytes
            0x20, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, // format 2 block template
        ];
        assert_eq!(beid_verify_structure(), expected);
    }

    #[test]
    fn the_pad_s_own_status_words_are_not_pin_outcomes() {
        assert_eq!(pad_outcome(StatusWord(0x6400)), Some(PadOutcome::TimedOut));
        assert_eq!(pad_outcome(StatusWord(0x6401)), Some(PadOutcome::Cancelled));
        assert_eq!(
            pad_outcome(StatusWord::OK),
            Some(PadOutcome::Checked(PinOutcome::Ok))
        );
        assert_eq!(
            pad_outcome(StatusWord(0x63C2)),
            Some(PadOutcome::Checked(PinOutcome::Wrong { tries_left: 2 }))
        );
        assert_eq!(
            pad_outcome(StatusWord(0x6983)),
            Some(PadOutcome::Checked(PinOutcome::Blocked))
        );
        // 6B 80: the reader refused the structure.
        assert_eq!(pad_outcome(StatusWord(0x6B80)), None);
    }
}
