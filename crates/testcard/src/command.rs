//! A command APDU taken apart (ISO 7816-4 short APDUs only, as the BEID applet takes them), and the
//! status words the virtual card answers with.

/// The four header bytes. Read first, so that a wrong class or instruction is reported before the
/// body's length is judged, in the order a card checks them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Header {
    pub cla: u8,
    pub ins: u8,
    pub p1: u8,
    pub p2: u8,
}

/// What follows the header.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Body<'a> {
    /// Empty when the command has no Lc.
    pub data: &'a [u8],
    /// How many bytes the command wants back: `None` without Le, `Some(256)` for Le 0.
    pub le: Option<usize>,
}

impl Header {
    /// `None` when the command is shorter than a header.
    pub fn parse(apdu: &[u8]) -> Option<Header> {
        match apdu {
            [cla, ins, p1, p2, ..] => Some(Header {
                cla: *cla,
                ins: *ins,
                p1: *p1,
                p2: *p2,
            }),
            _ => None,
        }
    }
}

impl<'a> Body<'a> {
    /// `None` when Lc and the command's length disagree, or for an extended APDU (Lc 0 with data),
    /// which the BEID applet does not take either.
    pub fn parse(apdu: &'a [u8]) -> Option<Body<'a>> {
        let rest = apdu.get(4..)?;
        let le = |byte: u8| Some(if byte == 0 { 256 } else { usize::from(byte) });
        match rest {
            [] => Some(Body {
                data: &[],
                le: None,
            }),
            [only] => Some(Body {
                data: &[],
                le: le(*only),
            }),
            [lc, tail @ ..] => {
                let lc = usize::from(*lc);
                if lc == 0 {
                    return None;
                }
                let data = tail.get(..lc)?;
                match tail.get(lc..)? {
                    [] => Some(Body { data, le: None }),
                    [last] => Some(Body {
                        data,
                        le: le(*last),
                    }),
                    _ => None,
                }
            }
        }
    }
}

/// The status words the applet uses.
pub(super) mod sw {
    pub const OK: u16 = 0x9000;
    /// 61 xx: xx more bytes wait for GET RESPONSE.
    pub const MORE_DATA: u8 = 0x61;
    /// 63 Cx: wrong PIN, x tries left.
    pub const WRONG_PIN: u16 = 0x63C0;
    pub const WRONG_LENGTH: u16 = 0x6700;
    pub const SECURITY_NOT_SATISFIED: u16 = 0x6982;
    pub const PIN_BLOCKED: u16 = 0x6983;
    pub const CONDITIONS_NOT_SATISFIED: u16 = 0x6985;
    pub const NO_CURRENT_EF: u16 = 0x6986;
    pub const WRONG_DATA: u16 = 0x6A80;
    pub const FILE_NOT_FOUND: u16 = 0x6A82;
    pub const WRONG_P1P2: u16 = 0x6A86;
    pub const REFERENCE_NOT_FOUND: u16 = 0x6A88;
    pub const END_OF_FILE: u16 = 0x6B00;
    /// 6C xx: ask again with Le xx.
    pub const EXACT_LENGTH: u8 = 0x6C;
    pub const INS_NOT_SUPPORTED: u16 = 0x6D00;
    pub const CLA_NOT_SUPPORTED: u16 = 0x6E00;
}

/// A response of only a status word.
pub(super) fn status(sw: u16) -> Vec<u8> {
    sw.to_be_bytes().to_vec()
}

/// A status word from its two bytes.
pub(super) fn status2(sw1: u8, sw2: u8) -> Vec<u8> {
    vec![sw1, sw2]
}

/// Data followed by `sw`.
pub(super) fn with_status(data: &[u8], sw: u16) -> Vec<u8> {
    let mut response = Vec::with_capacity(data.len() + 2);
    response.extend_from_slice(data);
    response.extend_from_slice(&sw.to_be_bytes());
    response
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn the_four_cases_and_the_malformed_lengths() {
        let body = |apdu: &'static [u8]| Body::parse(apdu);
        assert_eq!(
            body(&[0, 0xB0, 0, 0]),
            Some(Body {
                data: &[],
                le: None
            })
        );
        assert_eq!(body(&[0, 0xB0, 0, 0, 0]).unwrap().le, Some(256));
        assert_eq!(body(&[0, 0xB0, 0, 0, 0xFF]).unwrap().le, Some(255));
        assert_eq!(
            body(&[0, 0x2A, 0x9E, 0x9A, 2, 7, 8]),
            Some(Body {
                data: &[7, 8],
                le: None
            })
        );
        assert_eq!(
            body(&[0, 0x2A, 0x9E, 0x9A, 2, 7, 8, 0]),
            Some(Body {
                data: &[7, 8],
                le: Some(256)
            })
        );
        assert_eq!(body(&[0, 0x2A, 0x9E, 0x9A, 3, 7, 8]), None);
        assert_eq!(body(&[0, 0x2A, 0x9E, 0x9A, 1, 7, 8, 0]), None);
        assert_eq!(body(&[0, 0x2A, 0x9E, 0x9A, 0, 7, 8]), None);
        assert_eq!(Header::parse(&[0, 0xA4, 4]), None);
        assert_eq!(body(&[0, 0xA4, 4]), None);
    }
}
