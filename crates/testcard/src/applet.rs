//! The BEID applet, emulated at the APDU level over a [`TestCard`]: the commands the kiosk's
//! `BeidCard` sends (`kiosk_core::devices::eid::apdu`), answered with the status words of a real
//! card, so that the kiosk's reader code runs unchanged against it.
//!
//! The card behaves as its [`Applet`]: a 1.7 (RSA) card takes algorithm 01 (PKCS#1, the host
//! sends the DigestInfo) and pads what it is sent; a 1.8 (ECDSA) card takes 01/02/04 (ECDSA
//! with SHA-256/384/512 computed by the host) or 40 (hash not named), signs the bare hash it is
//! sent (a DigestInfo is refused), answers T=0 only (61 xx, then GET RESPONSE) with raw
//! `r || s`, and after a non-repudiation signature (key 83) wants a fresh VERIFY before it signs
//! again. GET CARD DATA reports the applet version in byte 21. The PIN never leaves this value:
//! `Debug` leaves it (and the card's files) out.

use std::fmt;

use super::command::{Body, Header, status, status2, sw, with_status};
use super::{Applet, TestCard};

/// The answer to reset of a Belgian eID card (applet 1.1, T=0, 8 historical bytes).
pub const BEID_ATR: &[u8] = &[
    0x3B, 0x98, 0x13, 0x40, 0x0A, 0xA5, 0x03, 0x01, 0x01, 0x01, 0xAD, 0x13, 0x11,
];

/// The application identifier of the BELPIC applet, as `SELECT` by name carries it.
pub const BELPIC_AID: [u8; 12] = [
    0xA0, 0x00, 0x00, 0x01, 0x77, 0x50, 0x4B, 0x43, 0x53, 0x2D, 0x31, 0x35,
];

/// Wrong PINs in a row before the PIN is blocked; a right PIN gives them all back.
pub const PIN_TRIES: u8 = 3;

/// MSE SET's algorithm reference for RSA PKCS#1 with the DigestInfo sent by the host (1.7).
const ALGORITHM_PKCS1: u8 = 0x01;
/// MSE SET's algorithm references of a 1.8 card: ECDSA with SHA-256, -384, -512 (computed by the
/// host), and ECDSA with the hash not named.
const ALGORITHMS_ECDSA: [u8; 4] = [0x01, 0x02, 0x04, 0x40];
/// The authentication key.
const AUTH_KEY: u8 = 0x82;
/// The non-repudiation key; this synthetic card signs with the authentication key's secret for
/// it too, since only the PIN rules around it are tested.
const NON_REPUDIATION_KEY: u8 = 0x83;
/// GET CARD DATA's answer length, and where its applet version and life cycle are.
const CARD_DATA_LEN: usize = 28;
const CARD_DATA_APPLET_VERSION: usize = 21;
const CARD_DATA_LIFE_CYCLE: usize = 27;

/// What `SELECT FILE` can find: the folders, and the files of [`TestCard`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Node {
    Folder,
    File(FileId),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum FileId {
    Identity,
    IdentitySignature,
    Address,
    AddressSignature,
    Photo,
    AuthCertificate,
    CaCertificate,
    RootCertificate,
    RegisterCertificate,
}

/// The card's tree, by path from the master file (3F00 included, as the BEID applet wants it).
fn find(path: &[u8]) -> Option<Node> {
    let file = |id| Some(Node::File(id));
    match path {
        [0x3F, 0x00] | [0x3F, 0x00, 0xDF, 0x00] | [0x3F, 0x00, 0xDF, 0x01] => Some(Node::Folder),
        [0x3F, 0x00, 0xDF, 0x01, 0x40, 0x31] => file(FileId::Identity),
        [0x3F, 0x00, 0xDF, 0x01, 0x40, 0x32] => file(FileId::IdentitySignature),
        [0x3F, 0x00, 0xDF, 0x01, 0x40, 0x33] => file(FileId::Address),
        [0x3F, 0x00, 0xDF, 0x01, 0x40, 0x34] => file(FileId::AddressSignature),
        [0x3F, 0x00, 0xDF, 0x01, 0x40, 0x35] => file(FileId::Photo),
        [0x3F, 0x00, 0xDF, 0x00, 0x50, 0x38] => file(FileId::AuthCertificate),
        [0x3F, 0x00, 0xDF, 0x00, 0x50, 0x3A] => file(FileId::CaCertificate),
        [0x3F, 0x00, 0xDF, 0x00, 0x50, 0x3B] => file(FileId::RootCertificate),
        [0x3F, 0x00, 0xDF, 0x00, 0x50, 0x3C] => file(FileId::RegisterCertificate),
        _ => None,
    }
}

/// A virtual BEID card: a [`TestCard`]'s files and key behind the applet's commands, with a PIN
/// and its tries counter.
#[derive(Clone)]
pub struct BeidApplet {
    card: TestCard,
    pin: Vec<u8>,
    tries_left: u8,
    t0: bool,
    /// Forgotten on reset: what a power cycle clears on a real card.
    session: Session,
}

#[derive(Clone, Default)]
struct Session {
    current: Option<Node>,
    pin_verified: bool,
    /// The key MSE SET chose for the next signature.
    key: Option<u8>,
    /// A 1.8 card made a non-repudiation signature: the next signature needs a VERIFY first.
    fresh_verify_needed: bool,
    /// The rest of a response announced with 61 xx, for GET RESPONSE.
    pending: Option<Vec<u8>>,
}

impl fmt::Debug for BeidApplet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("BeidApplet")
            .field("tries_left", &self.tries_left)
            .field("t0", &self.t0)
            .field("pin_verified", &self.session.pin_verified)
            .finish_non_exhaustive()
    }
}

impl BeidApplet {
    /// A card with `pin` (4 to 12 digits) and all its tries left.
    pub fn new(card: TestCard, pin: &str) -> Result<BeidApplet, super::TestCardError> {
        if !(4..=12).contains(&pin.len()) || !pin.bytes().all(|b| b.is_ascii_digit()) {
            return Err(super::TestCardError::Pin);
        }
        Ok(BeidApplet {
            card,
            pin: pin.bytes().map(|b| b - b'0').collect(),
            tries_left: PIN_TRIES,
            t0: false,
            session: Session::default(),
        })
    }

    /// As a T=0 card: the signature is announced with 61 xx and fetched with GET RESPONSE,
    /// instead of coming back with the command (T=1, and vpcd's readers).
    pub fn with_t0(mut self, t0: bool) -> BeidApplet {
        self.t0 = t0;
        self
    }

    /// The answer to reset.
    pub fn atr(&self) -> &'static [u8] {
        BEID_ATR
    }

    /// PIN tries left before the card blocks (0: blocked).
    pub fn tries_left(&self) -> u8 {
        self.tries_left
    }

    /// The card the applet answers for.
    pub fn card(&self) -> &TestCard {
        &self.card
    }

    /// A power cycle: the selected file, the verified PIN and the security environment are
    /// forgotten; the tries counter is kept, as a card keeps it in its memory.
    pub fn reset(&mut self) {
        self.session = Session::default();
    }

    /// One command APDU in, the response out: data (if any) and the status word. Never panics,
    /// whatever the bytes.
    pub fn process(&mut self, command: &[u8]) -> Vec<u8> {
        // A response waiting for GET RESPONSE is lost by any other command, as on a card.
        let pending = self.session.pending.take();
        let Some(header) = Header::parse(command) else {
            return status(sw::WRONG_LENGTH);
        };
        // The proprietary class 80 carries GET CARD DATA only.
        match (header.cla, header.ins) {
            (0x80, 0xE4) => return self.card_data(header, command),
            (0x00, _) => {}
            _ => return status(sw::CLA_NOT_SUPPORTED),
        }
        if !matches!(header.ins, 0xA4 | 0xB0 | 0x20 | 0x22 | 0x2A | 0xC0) {
            return status(sw::INS_NOT_SUPPORTED);
        }
        let Some(body) = Body::parse(command) else {
            return status(sw::WRONG_LENGTH);
        };
        match header.ins {
            0xA4 => self.select(header, body),
            0xB0 => self.read_binary(header, body),
            0x20 => self.verify(header, body),
            0x22 => self.manage_security_environment(header, body),
            0x2A => self.compute_signature(header, body),
            _ => self.get_response(header, body, pending),
        }
    }

    /// GET CARD DATA: a synthetic serial number and chip versions, the applet version in byte
    /// 21 and the life cycle "issued" (0F) in byte 27.
    fn card_data(&self, header: Header, command: &[u8]) -> Vec<u8> {
        if (header.p1, header.p2) != (0x00, 0x00) {
            return status(sw::WRONG_P1P2);
        }
        match Body::parse(command) {
            Some(Body {
                data: [],
                le: Some(le),
            }) if le >= CARD_DATA_LEN => {}
            Some(Body {
                data: [],
                le: Some(_),
            }) => {
                return status2(sw::EXACT_LENGTH, CARD_DATA_LEN as u8);
            }
            _ => return status(sw::WRONG_LENGTH),
        }
        let mut data = [0u8; CARD_DATA_LEN];
        for (slot, byte) in data.iter_mut().zip(self.card.identity.iter().take(16)) {
            *slot = *byte;
        }
        data[CARD_DATA_APPLET_VERSION] = self.card.applet.version_byte();
        data[CARD_DATA_LIFE_CYCLE] = 0x0F;
        with_status(&data, sw::OK)
    }

    /// A 1.8 card is T=0 only; a 1.7 one as the reader connects it.
    fn answers_t0(&self) -> bool {
        self.t0 || self.card.applet == Applet::V18
    }

    fn contents(&self, id: FileId) -> &[u8] {
        let card = &self.card;
        match id {
            FileId::Identity => &card.identity,
            FileId::IdentitySignature => &card.identity_sig,
            FileId::Address => &card.address,
            FileId::AddressSignature => &card.address_sig,
            FileId::Photo => &card.photo,
            FileId::AuthCertificate => &card.auth_cert,
            FileId::CaCertificate => &card.ca_cert,
            FileId::RootCertificate => &card.root_cert,
            FileId::RegisterCertificate => &card.rrn_cert,
        }
    }

    fn select(&mut self, header: Header, body: Body) -> Vec<u8> {
        // P2 0C: no FCI back, the only form the kiosk (and this applet) uses.
        if header.p2 != 0x0C || !matches!(header.p1, 0x04 | 0x08) {
            return status(sw::WRONG_P1P2);
        }
        if body.data.is_empty() || body.le.is_some() {
            return status(sw::WRONG_LENGTH);
        }
        if header.p1 == 0x04 {
            if body.data != BELPIC_AID {
                return status(sw::FILE_NOT_FOUND);
            }
            self.session.current = None;
            return status(sw::OK);
        }
        if !body.data.len().is_multiple_of(2) {
            return status(sw::WRONG_LENGTH);
        }
        // A failed SELECT keeps the file selected before, as ISO 7816-4 wants.
        match find(body.data) {
            Some(node) => {
                self.session.current = Some(node);
                status(sw::OK)
            }
            None => status(sw::FILE_NOT_FOUND),
        }
    }

    fn read_binary(&self, header: Header, body: Body) -> Vec<u8> {
        // P1's top bit would name a file by short identifier, which the BEID applet does not do.
        if header.p1 & 0x80 != 0 {
            return status(sw::WRONG_P1P2);
        }
        let Some(le) = body.le.filter(|_| body.data.is_empty()) else {
            return status(sw::WRONG_LENGTH);
        };
        let Some(Node::File(id)) = self.session.current else {
            return status(sw::NO_CURRENT_EF);
        };
        let file = self.contents(id);
        let offset = usize::from(u16::from_be_bytes([header.p1, header.p2]));
        let Some(left) = file.len().checked_sub(offset).filter(|left| *left > 0) else {
            return status(sw::END_OF_FILE);
        };
        if left < le {
            // Fewer bytes left than asked: a real BEID says how many and sends none.
            return status2(sw::EXACT_LENGTH, u8::try_from(left).unwrap_or(0));
        }
        with_status(file.get(offset..offset + le).unwrap_or_default(), sw::OK)
    }

    fn verify(&mut self, header: Header, body: Body) -> Vec<u8> {
        if header.p1 != 0x00 {
            return status(sw::WRONG_P1P2);
        }
        if header.p2 != 0x01 {
            return status(sw::REFERENCE_NOT_FOUND);
        }
        if body.le.is_some() {
            return status(sw::WRONG_LENGTH);
        }
        if self.tries_left == 0 {
            return status(sw::PIN_BLOCKED);
        }
        // Without a PIN block, VERIFY asks how things stand and costs no try.
        if body.data.is_empty() {
            return if self.session.pin_verified {
                status(sw::OK)
            } else {
                status(sw::WRONG_PIN | u16::from(self.tries_left))
            };
        }
        if body.data.len() != 8 {
            return status(sw::WRONG_LENGTH);
        }
        let Some(offered) = pin_from_block(body.data) else {
            // Not a format 2 block: refused before it is compared, so it costs no try.
            return status(sw::WRONG_DATA);
        };
        if same_pin(&offered, &self.pin) {
            self.tries_left = PIN_TRIES;
            self.session.pin_verified = true;
            self.session.fresh_verify_needed = false;
            status(sw::OK)
        } else {
            self.tries_left = self.tries_left.saturating_sub(1);
            self.session.pin_verified = false;
            status(sw::WRONG_PIN | u16::from(self.tries_left))
        }
    }

    fn manage_security_environment(&mut self, header: Header, body: Body) -> Vec<u8> {
        if (header.p1, header.p2) != (0x41, 0xB6) {
            return status(sw::WRONG_P1P2);
        }
        if body.data.is_empty() || body.le.is_some() {
            return status(sw::WRONG_LENGTH);
        }
        // The BEID layout: a length, then tag 80 and tag 84 each followed by their one-byte value.
        let [0x04, 0x80, algorithm, 0x84, key] = body.data else {
            return status(sw::WRONG_DATA);
        };
        let algorithm_known = if self.card.has_rsa_key() {
            *algorithm == ALGORITHM_PKCS1
        } else {
            ALGORITHMS_ECDSA.contains(algorithm)
        };
        if !algorithm_known {
            return status(sw::WRONG_DATA);
        }
        if *key != AUTH_KEY && *key != NON_REPUDIATION_KEY {
            return status(sw::REFERENCE_NOT_FOUND);
        }
        self.session.key = Some(*key);
        status(sw::OK)
    }

    fn compute_signature(&mut self, header: Header, body: Body) -> Vec<u8> {
        if (header.p1, header.p2) != (0x9E, 0x9A) {
            return status(sw::WRONG_P1P2);
        }
        if body.data.is_empty() {
            return status(sw::WRONG_LENGTH);
        }
        let Some(key) = self.session.key else {
            return status(sw::SECURITY_NOT_SATISFIED);
        };
        if !self.session.pin_verified || self.session.fresh_verify_needed {
            return status(sw::SECURITY_NOT_SATISFIED);
        }
        let Some(signature) = self.card.sign_card_input(body.data) else {
            return status(sw::WRONG_DATA);
        };
        if key == NON_REPUDIATION_KEY && self.card.applet == Applet::V18 {
            self.session.fresh_verify_needed = true;
        }
        if self.answers_t0() {
            return self.announce(signature);
        }
        match body.le {
            Some(le) if le < signature.len() => {
                status2(sw::EXACT_LENGTH, u8::try_from(signature.len()).unwrap_or(0))
            }
            _ => with_status(&signature, sw::OK),
        }
    }

    /// 61 xx: the response waits for GET RESPONSE (a T=0 card cannot send data with a command
    /// that also carries data).
    fn announce(&mut self, response: Vec<u8>) -> Vec<u8> {
        let len = u8::try_from(response.len()).unwrap_or(0);
        self.session.pending = Some(response);
        status2(sw::MORE_DATA, len)
    }

    fn get_response(&mut self, header: Header, body: Body, pending: Option<Vec<u8>>) -> Vec<u8> {
        if (header.p1, header.p2) != (0x00, 0x00) {
            return status(sw::WRONG_P1P2);
        }
        let Some(le) = body.le.filter(|_| body.data.is_empty()) else {
            return status(sw::WRONG_LENGTH);
        };
        let Some(mut pending) = pending else {
            return status(sw::CONDITIONS_NOT_SATISFIED);
        };
        if le > pending.len() && le != 256 {
            let exact = u8::try_from(pending.len()).unwrap_or(0);
            self.session.pending = Some(pending);
            return status2(sw::EXACT_LENGTH, exact);
        }
        if le < pending.len() {
            // What was asked for, and 61 xx for the rest.
            let rest = pending.split_off(le);
            let more = self.announce(rest);
            pending.extend_from_slice(&more);
            return pending;
        }
        with_status(&pending, sw::OK)
    }
}

/// The PIN digits of an ISO 9564 format 2 block: `2N`, N digits (4 to 12), the rest F.
fn pin_from_block(block: &[u8]) -> Option<Vec<u8>> {
    let (first, rest) = block.split_first()?;
    if first >> 4 != 0x2 {
        return None;
    }
    let len = usize::from(first & 0x0F);
    if !(4..=12).contains(&len) {
        return None;
    }
    let nibbles: Vec<u8> = rest.iter().flat_map(|b| [b >> 4, b & 0x0F]).collect();
    let (digits, padding) = nibbles.split_at_checked(len)?;
    if digits.iter().any(|d| *d > 9) || padding.iter().any(|p| *p != 0x0F) {
        return None;
    }
    Some(digits.to_vec())
}

/// Compares without stopping at the first difference: a habit for secrets, even synthetic ones.
fn same_pin(offered: &[u8], pin: &[u8]) -> bool {
    offered.len() == pin.len()
        && offered
            .iter()
            .zip(pin)
            .fold(0u8, |diff, (a, b)| diff | (a ^ b))
            == 0
}
