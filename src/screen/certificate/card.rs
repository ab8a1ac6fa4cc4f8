//! What the card reader tells the flow: who holds the card (for the greeting only) and why a
//! card or a PIN did not work.

use std::fmt;

/// The card holder as far as the screens need: the names for "Hello, ...". Nothing else is
/// read into the flow; the backend gets what the certificate needs from the card itself.
/// `Debug` leaves the names out, so that no log can hold them.
#[derive(Clone, PartialEq, Eq)]
pub struct CardHolder {
    pub first_name: String,
    pub surname: String,
}

impl fmt::Debug for CardHolder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("CardHolder { .. }")
    }
}

/// Why the card could not be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CardFailure {
    /// The reader finds no card (pulled out while being read, or not pushed in far enough).
    NoCard,
    /// A card is in, but it cannot be read (upside down, dirty chip, broken).
    Unreadable,
    /// A Belgian eID whose validity has ended.
    Expired,
    /// Not a Belgian eID or residence card: another country's card, a bank card.
    Foreign,
}

/// Why the card refused the PIN.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PinFailure {
    /// Wrong PIN; after `tries_left` more wrong ones the PIN is blocked.
    Wrong { tries_left: u8 },
    /// Too many wrong PINs: only the PUK (at the desk) unblocks it.
    Blocked,
    /// The PIN could not be checked: the card was taken out or stopped answering.
    Card(CardFailure),
    /// Nothing was typed on the reader's PIN pad: cancelled there, or it timed out.
    NotTyped,
}
