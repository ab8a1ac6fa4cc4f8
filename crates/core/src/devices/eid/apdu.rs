//! The commands the kiosk sends to the BEID applet and what their status words mean, as pure
//! functions: bytes in, bytes or a typed answer out. [`super::card`] strings them together.

use std::fmt;

use super::files::FilePath;
use super::pin::Pin;

/// The application identifier of the BELPIC (BEID) applet.
pub const BELPIC_AID: [u8; 12] = [
    0xA0, 0x00, 0x00, 0x01, 0x77, 0x50, 0x4B, 0x43, 0x53, 0x2D, 0x31, 0x35,
];

/// The authentication key: unlocked by the PIN, certified in 3F00/DF00/5038.
pub const AUTH_KEY: u8 = 0x82;

/// Algorithm reference of MSE SET for RSA PKCS#1 v1.5 where the kiosk sends the DigestInfo
/// (hash prefix and hash), as on the RSA cards (applet 1.7).
pub const ALGORITHM_RSA_PKCS1: u8 = 0x01;

/// Algorithm reference of MSE SET for ECDSA over a hash the kiosk computed and sends bare, its
/// algorithm not named (applet 1.8). OpenSC's belpic driver and Fedict's minidriver use this one;
/// 01/02/04 name SHA-256/384/512 on a 1.8 card (and mean PKCS#1 on a 1.7 one).
pub const ALGORITHM_ECDSA_HASH_GIVEN: u8 = 0x40;

/// GET CARD DATA's answer: serial number, chip and applet versions, life cycle (28 bytes).
pub const CARD_DATA_LEN: u8 = 0x1C;
/// Where GET CARD DATA's answer holds the applet version (0x17 for 1.7, 0x18 for 1.8).
pub const CARD_DATA_APPLET_VERSION: usize = 21;

/// The most READ BINARY asks for at once. 0xFF, not 0x00 (256): a short APDU's Le of 0 means
/// 256 and some readers and older cards mishandle it.
pub const READ_CHUNK: u8 = 0xFF;

/// READ BINARY's offset is 15 bits (P1's top bit would mean a short file identifier).
pub const MAX_OFFSET: usize = 0x7FFF;

/// The two status bytes that end every response.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct StatusWord(pub u16);

impl StatusWord {
    pub const OK: Self = Self(0x9000);
    pub const END_OF_FILE: Self = Self(0x6B00);
    pub const FILE_NOT_FOUND: Self = Self(0x6A82);
    pub const PIN_BLOCKED: Self = Self(0x6983);

    pub fn sw1(self) -> u8 {
        self.0.to_be_bytes()[0]
    }

    pub fn sw2(self) -> u8 {
        self.0.to_be_bytes()[1]
    }
}

impl fmt::Debug for StatusWord {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "SW {:04X}", self.0)
    }
}

impl fmt::Display for StatusWord {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04X}", self.0)
    }
}

/// A command that cannot be built.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum ApduError {
    #[error("offset {offset} is beyond what READ BINARY can address")]
    OffsetTooLarge { offset: usize },
    #[error("{len} bytes cannot be the data of a short APDU (1 to 255)")]
    DataTooLong { len: usize },
    #[error("a response needs at least the two status bytes")]
    ResponseTooShort,
}

/// Splits a response into its data and its status word.
pub fn split_response(response: &[u8]) -> Result<(&[u8], StatusWord), ApduError> {
    match response {
        [data @ .., sw1, sw2] => Ok((data, StatusWord(u16::from_be_bytes([*sw1, *sw2])))),
        _ => Err(ApduError::ResponseTooShort),
    }
}

/// SELECT the BEID applet by its AID (no answer data wanted).
pub fn select_applet() -> Vec<u8> {
    with_data([0x00, 0xA4, 0x04, 0x0C], &BELPIC_AID, None).unwrap_or_default()
}

/// SELECT FILE by path from the master file, `3F00` included, as the BEID applet expects;
/// P2 0x0C: no FCI back.
pub fn select_file(path: &FilePath) -> Result<Vec<u8>, ApduError> {
    with_data([0x00, 0xA4, 0x08, 0x0C], &path.to_bytes(), None)
}

/// READ BINARY of `le` bytes (0 meaning 256) at `offset` of the selected file.
pub fn read_binary(offset: usize, le: u8) -> Result<Vec<u8>, ApduError> {
    let offset16 = u16::try_from(offset)
        .ok()
        .filter(|o| usize::from(*o) <= MAX_OFFSET)
        .ok_or(ApduError::OffsetTooLarge { offset })?;
    let [p1, p2] = offset16.to_be_bytes();
    Ok(vec![0x00, 0xB0, p1, p2, le])
}

/// What a READ BINARY status word means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReadStatus {
    /// 90 00: the data is there (fewer bytes than asked means the file ended).
    Data,
    /// 6B 00: the offset is past the end: a file whose size is a multiple of the chunk.
    EndOfFile,
    /// 6C xx: ask again for exactly xx bytes (the last chunk is shorter).
    WrongLength(u8),
    /// 6A 82.
    FileNotFound,
    Other(StatusWord),
}

pub fn read_status(sw: StatusWord) -> ReadStatus {
    match sw {
        StatusWord::OK => ReadStatus::Data,
        StatusWord::END_OF_FILE => ReadStatus::EndOfFile,
        StatusWord::FILE_NOT_FOUND => ReadStatus::FileNotFound,
        sw if sw.sw1() == 0x6C => ReadStatus::WrongLength(sw.sw2()),
        sw => ReadStatus::Other(sw),
    }
}

/// A command that carries a secret: its bytes are overwritten when it is dropped.
pub struct SecretApdu(Vec<u8>);

impl SecretApdu {
    pub fn bytes(&self) -> &[u8] {
        &self.0
    }
}

impl Drop for SecretApdu {
    fn drop(&mut self) {
        self.0.fill(0);
        std::hint::black_box(&mut self.0);
    }
}

impl fmt::Debug for SecretApdu {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("SecretApdu(..)")
    }
}

/// VERIFY of the holder's PIN (reference 01) with an ISO 9564 format 2 PIN block:
/// `2N`, then the digits two per byte, padded with F to 8 bytes.
pub fn verify_pin(pin: &Pin) -> SecretApdu {
    let mut apdu = vec![0x00, 0x20, 0x00, 0x01, 0x08];
    let mut block = [0xFF_u8; 8];
    // N is at most 12, so it fits the low nibble.
    block[0] = 0x20 | (pin.len() as u8 & 0x0F);
    for (i, pair) in pin.digits().chunks(2).enumerate() {
        let high = pair.first().copied().unwrap_or(0x0F);
        let low = pair.get(1).copied().unwrap_or(0x0F);
        if let Some(slot) = block.get_mut(i + 1) {
            *slot = (high << 4) | low;
        }
    }
    apdu.extend_from_slice(&block);
    block.fill(0);
    std::hint::black_box(&mut block);
    SecretApdu(apdu)
}

/// What a VERIFY status word means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PinStatus {
    Verified,
    /// 63 Cx: wrong, x tries left.
    Wrong {
        tries_left: u8,
    },
    /// 69 83, or 63 C0 (wrong and no tries left).
    Blocked,
    Other(StatusWord),
}

pub fn pin_status(sw: StatusWord) -> PinStatus {
    match sw {
        StatusWord::OK => PinStatus::Verified,
        StatusWord::PIN_BLOCKED => PinStatus::Blocked,
        sw if sw.sw1() == 0x63 && sw.sw2() & 0xF0 == 0xC0 => match sw.sw2() & 0x0F {
            0 => PinStatus::Blocked,
            tries_left => PinStatus::Wrong { tries_left },
        },
        sw => PinStatus::Other(sw),
    }
}

/// MANAGE SECURITY ENVIRONMENT, SET for a digital signature: algorithm and key.
pub fn mse_set_signature(algorithm: u8, key: u8) -> Vec<u8> {
    vec![
        0x00, 0x22, 0x41, 0xB6, 0x05, 0x04, 0x80, algorithm, 0x84, key,
    ]
}

/// PERFORM SECURITY OPERATION: COMPUTE DIGITAL SIGNATURE over `input` (for RSA PKCS#1 the
/// DigestInfo), Le 0: the whole signature.
pub fn compute_signature(input: &[u8]) -> Result<Vec<u8>, ApduError> {
    with_data([0x00, 0x2A, 0x9E, 0x9A], input, Some(0x00))
}

/// PERFORM SECURITY OPERATION: COMPUTE DIGITAL SIGNATURE without Le, as applet 1.8 takes it:
/// being T=0 only, it answers 61 xx and hands the signature over with GET RESPONSE.
pub fn compute_signature_t0(input: &[u8]) -> Result<Vec<u8>, ApduError> {
    with_data([0x00, 0x2A, 0x9E, 0x9A], input, None)
}

/// GET CARD DATA (proprietary class 80): the card's serial number and versions, no PIN needed.
pub fn get_card_data() -> Vec<u8> {
    vec![0x80, 0xE4, 0x00, 0x00, CARD_DATA_LEN]
}

/// GET RESPONSE for the `le` bytes announced by a 61 xx status (T=0 readers).
pub fn get_response(le: u8) -> Vec<u8> {
    vec![0x00, 0xC0, 0x00, 0x00, le]
}

fn with_data(header: [u8; 4], data: &[u8], le: Option<u8>) -> Result<Vec<u8>, ApduError> {
    let lc = u8::try_from(data.len())
        .ok()
        .filter(|lc| *lc > 0)
        .ok_or(ApduError::DataTooLong { len: data.len() })?;
    let mut apdu = Vec::with_capacity(6 + data.len());
    apdu.extend_from_slice(&header);
    apdu.push(lc);
    apdu.extend_from_slice(data);
    apdu.extend(le);
    Ok(apdu)
}
