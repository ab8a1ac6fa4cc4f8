//! The holder's PIN while it is on its way to the card.

use std::fmt;

/// 4 to 12 digits. Not `Clone`, so that no copy outlives it; the digits are overwritten when it
/// is dropped and `Debug` never shows them.
pub struct Pin {
    digits: [u8; 12],
    len: u8,
}

/// What is wrong with a typed PIN. Says nothing about the digits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum PinError {
    #[error("a PIN has 4 to 12 digits")]
    WrongLength,
    #[error("a PIN has only digits")]
    NotDigits,
}

impl Pin {
    pub const MIN_LEN: usize = 4;
    pub const MAX_LEN: usize = 12;

    pub fn new(typed: &str) -> Result<Self, PinError> {
        let bytes = typed.as_bytes();
        if !bytes.iter().all(u8::is_ascii_digit) {
            return Err(PinError::NotDigits);
        }
        if !(Self::MIN_LEN..=Self::MAX_LEN).contains(&bytes.len()) {
            return Err(PinError::WrongLength);
        }
        let mut pin = Self {
            digits: [0; 12],
            len: 0,
        };
        for (slot, byte) in pin.digits.iter_mut().zip(bytes) {
            *slot = byte - b'0';
        }
        pin.len = u8::try_from(bytes.len()).map_err(|_| PinError::WrongLength)?;
        Ok(pin)
    }

    pub fn len(&self) -> usize {
        usize::from(self.len)
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The digits as values 0 to 9, for the PIN block.
    pub(super) fn digits(&self) -> &[u8] {
        self.digits.get(..self.len()).unwrap_or_default()
    }
}

impl Drop for Pin {
    fn drop(&mut self) {
        self.digits.fill(0);
        self.len = 0;
        // Keeps the compiler from dropping the stores as dead: the memory is freed next.
        std::hint::black_box(&mut self.digits);
    }
}

impl fmt::Debug for Pin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Pin(..)")
    }
}
