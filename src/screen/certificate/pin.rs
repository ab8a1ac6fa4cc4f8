//! The PIN as the resident types it: digits only, kept on the heap in one place (a move copies
//! the pointer, not the digits), overwritten with zeros when dropped or cleared, and never
//! shown by `Debug`, not even its length.

use std::fmt;

/// A Belgian eID PIN has 4 to 12 digits.
pub const MIN_DIGITS: usize = 4;
pub const MAX_DIGITS: usize = 12;

#[derive(Clone, PartialEq, Eq)]
pub struct Pin {
    digits: Box<[u8; MAX_DIGITS]>,
    len: usize,
}

impl Pin {
    pub fn new() -> Self {
        Self {
            digits: Box::new([0; MAX_DIGITS]),
            len: 0,
        }
    }

    /// Adds a digit (0-9); anything else, or a thirteenth digit, is refused.
    pub fn push(&mut self, digit: u8) -> bool {
        if digit > 9 || self.len >= MAX_DIGITS {
            return false;
        }
        if let Some(place) = self.digits.get_mut(self.len) {
            *place = b'0' + digit;
            self.len += 1;
            return true;
        }
        false
    }

    /// Removes the last digit.
    pub fn pop(&mut self) {
        if self.len > 0 {
            self.len -= 1;
            if let Some(place) = self.digits.get_mut(self.len) {
                *place = 0;
            }
        }
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Long enough to be sent to the card.
    pub fn is_complete(&self) -> bool {
        self.len >= MIN_DIGITS
    }

    /// The digits as ASCII, for the card reader only.
    pub fn ascii_digits(&self) -> &[u8] {
        self.digits.get(..self.len).unwrap_or(&[])
    }

    /// Overwrites every digit with zero.
    pub fn clear(&mut self) {
        self.digits.fill(0);
        self.len = 0;
        // Keeps the compiler from treating the writes as dead stores.
        std::hint::black_box(&self.digits);
    }
}

impl Default for Pin {
    fn default() -> Self {
        Self::new()
    }
}

impl Drop for Pin {
    fn drop(&mut self) {
        self.clear();
    }
}

impl fmt::Debug for Pin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Pin(..)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_digits_and_hides_them() {
        let mut pin = Pin::new();
        for d in [1, 2, 3, 4] {
            assert!(pin.push(d));
        }
        assert!(!pin.push(10));
        assert_eq!(pin.ascii_digits(), b"1234");
        assert_eq!(format!("{pin:?}"), "Pin(..)");
        pin.pop();
        assert_eq!(pin.ascii_digits(), b"123");
        assert!(!pin.is_complete());
        pin.clear();
        assert!(pin.is_empty());
        assert!(pin.digits.iter().all(|d| *d == 0));
    }

    #[test]
    fn at_most_twelve_digits() {
        let mut pin = Pin::new();
        for _ in 0..MAX_DIGITS {
            assert!(pin.push(7));
        }
        assert!(!pin.push(7));
        assert_eq!(pin.len(), MAX_DIGITS);
    }
}
