//! A card connected through pcscd: APDUs to it, the reader's PIN pad, and the reset that ends
//! the resident's session on the card.

use std::ffi::CStr;
use std::fmt;

use ::pcsc::{Card, Context, Disposition, Protocols, ShareMode};

use super::card_error;
use super::pin_pad::{self, Features, PadOutcome};
use crate::devices::eid::apdu;
use crate::devices::eid::card::{CardError, CardTransport};

/// SCardControl's GET_FEATURE_REQUEST (PC/SC part 10): which features the reader has.
const GET_FEATURE_REQUEST: ::pcsc::ffi::DWORD = ::pcsc::ctl_code(3400);

/// A card in a reader, shared with other programs (the kiosk runs none, but a technician's
/// eID viewer must not lock it out). Use it through [`BeidCard`](crate::devices::eid::BeidCard).
pub struct PcscCard {
    /// `None` only once dropped or ended.
    card: Option<Card>,
    reader: String,
    /// The control code of the reader's VERIFY_PIN_DIRECT, when it has a pad.
    verify_pin_direct: Option<::pcsc::ffi::DWORD>,
    response: Vec<u8>,
}

impl PcscCard {
    /// Connects to the card in `reader` and asks the reader whether it has a PIN pad.
    pub(super) fn connect(context: &Context, reader: &CStr) -> Result<Self, CardError> {
        let name = reader.to_string_lossy().into_owned();
        let card = context
            .connect(reader, ShareMode::Shared, Protocols::ANY)
            .map_err(|error| {
                tracing::info!(reader = %name, %error, "cannot connect to the card");
                card_error(error)
            })?;
        let verify_pin_direct = features(&card, &name)
            .verify_pin_direct()
            .map(::pcsc::ffi::DWORD::from);
        tracing::debug!(reader = %name, pin_pad = verify_pin_direct.is_some(), "card connected");
        Ok(Self {
            card: Some(card),
            reader: name,
            verify_pin_direct,
            response: vec![0; ::pcsc::MAX_BUFFER_SIZE],
        })
    }

    /// The reader's name, e.g. to match a later [`super::ReaderEvent::CardRemoved`].
    pub fn reader(&self) -> &str {
        &self.reader
    }

    /// Whether the reader has its own PIN pad (PC/SC part 10 VERIFY_PIN_DIRECT): then the
    /// resident types the PIN there and [`Self::verify_pin_on_pad`] checks it.
    pub fn pin_pad(&self) -> bool {
        self.verify_pin_direct.is_some()
    }

    /// Has the reader ask for the PIN on its pad and send the BEID VERIFY itself; blocks until
    /// the resident confirms, cancels or the pad times out (30 s). The BEID applet must be
    /// selected, as [`BeidCard::open`](crate::devices::eid::BeidCard::open) does. Without a pad
    /// it is a [`CardError::Transport`] (`UnsupportedFeature`).
    pub fn verify_pin_on_pad(&mut self) -> Result<PadOutcome, CardError> {
        let code = self
            .verify_pin_direct
            .ok_or_else(|| card_error(::pcsc::Error::UnsupportedFeature))?;
        let card = self.card.as_ref().ok_or(CardError::NoCard)?;
        let answer = card
            .control(code, &pin_pad::beid_verify_structure(), &mut self.response)
            .map_err(card_error)?;
        let (_, sw) = apdu::split_response(answer).map_err(|_| CardError::Malformed {
            command: "VERIFY on the PIN pad",
        })?;
        tracing::info!(reader = %self.reader, %sw, "PIN pad answered");
        pin_pad::pad_outcome(sw).ok_or(CardError::Unreadable {
            command: "VERIFY on the PIN pad",
            sw,
        })
    }

    /// Disconnects and resets the card, reporting a failure that dropping would ignore.
    pub fn end(mut self) -> Result<(), CardError> {
        self.disconnect()
    }

    /// Resetting the card on the way out logs the PIN out: a verified PIN must never outlive
    /// the resident's session, and the next program (or the next resident, if the card were
    /// left in) would otherwise find the authentication key unlocked.
    fn disconnect(&mut self) -> Result<(), CardError> {
        let Some(card) = self.card.take() else {
            return Ok(());
        };
        card.disconnect(Disposition::ResetCard)
            .map_err(|(_card, error)| {
                // Dropping the returned card tries the reset once more.
                tracing::debug!(reader = %self.reader, %error, "disconnecting the card failed");
                card_error(error)
            })
    }
}

impl CardTransport for PcscCard {
    fn transmit(&mut self, apdu: &[u8]) -> Result<Vec<u8>, CardError> {
        let card = self.card.as_ref().ok_or(CardError::NoCard)?;
        card.transmit(apdu, &mut self.response)
            .map(<[u8]>::to_vec)
            .map_err(card_error)
    }
}

impl Drop for PcscCard {
    fn drop(&mut self) {
        // Errors mean the card or pcscd is gone already, which logs the PIN out as well.
        let _ = self.disconnect();
    }
}

impl fmt::Debug for PcscCard {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PcscCard")
            .field("reader", &self.reader)
            .field("pin_pad", &self.pin_pad())
            .finish_non_exhaustive()
    }
}

/// Asks a reader without a card whether it has a PIN pad, over a direct connection (which
/// needs no card). Any failure counts as no pad: it is only a hint for the UI.
pub(super) fn reader_has_pin_pad(context: &Context, reader: &CStr) -> bool {
    let name = reader.to_string_lossy();
    let Ok(direct) = context.connect(reader, ShareMode::Direct, Protocols::UNDEFINED) else {
        return false;
    };
    let pad = features(&direct, &name).verify_pin_direct().is_some();
    // LeaveCard: a card may be in the reader, perhaps in the middle of a session.
    if let Err((_direct, error)) = direct.disconnect(Disposition::LeaveCard) {
        tracing::debug!(reader = %name, %error, "closing the direct connection failed");
    }
    pad
}

/// The reader's PC/SC part 10 features; none when it does not answer (plain readers, the
/// virtual one of the tests).
fn features(card: &Card, reader: &str) -> Features {
    let mut answer = [0u8; 256];
    match card.control(GET_FEATURE_REQUEST, &[], &mut answer) {
        Ok(list) => Features::parse(list),
        Err(error) => {
            tracing::debug!(%reader, %error, "reader announces no features");
            Features::default()
        }
    }
}

// The UI keeps a session across blocking tasks, so the card must move between threads.
const _: () = {
    const fn send<T: Send>() {}
    send::<PcscCard>();
};
