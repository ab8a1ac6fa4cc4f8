//! Keyboard and keypad operation: every touch target can also be reached with Tab or the arrow
//! keys and activated with Enter or Space, so that a tactile keypad with speech can be added for
//! blind residents. iced 0.14 buttons take no focus, so the root keeps the focus itself.

use iced::keyboard::{Key, Location, Modifiers, key::Named};

use kiosk_core::i18n::Language;

/// Something that can be focused on the current screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FocusId {
    /// The n-th target of the screen's content, in reading order.
    Content(u8),
    Language(Language),
    Back,
    StartAgain,
    MoreTime,
    /// "Read aloud": speech mode on or off.
    Speech,
    /// "Larger text" on the start screen: on or off.
    LargeText,
}

/// What a key press means for focus.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyIntent {
    Next,
    Previous,
    Activate,
    Back,
}

pub fn intent(key: &Key, modifiers: Modifiers) -> Option<KeyIntent> {
    match key {
        Key::Named(Named::Tab) if modifiers.shift() => Some(KeyIntent::Previous),
        Key::Named(Named::Tab | Named::ArrowDown | Named::ArrowRight) => Some(KeyIntent::Next),
        Key::Named(Named::ArrowUp | Named::ArrowLeft) => Some(KeyIntent::Previous),
        Key::Named(Named::Enter | Named::Space) => Some(KeyIntent::Activate),
        Key::Named(Named::Escape | Named::Backspace) => Some(KeyIntent::Back),
        _ => None,
    }
}

/// A digit typed on the keypad's number block (NumLock on). The main block's digits are not
/// taken: a barcode scanner that types as a keyboard sends those, into its own buffer.
pub fn keypad_digit(key: &Key, location: Location) -> Option<char> {
    match (key, location) {
        (Key::Character(typed), Location::Numpad) => {
            let mut chars = typed.chars();
            match (chars.next(), chars.next()) {
                (Some(digit), None) if digit.is_ascii_digit() => Some(digit),
                _ => None,
            }
        }
        _ => None,
    }
}

/// The focus index after `intent`, among `count` targets.
pub fn step(current: Option<usize>, intent: KeyIntent, count: usize) -> Option<usize> {
    if count == 0 {
        return None;
    }
    match (intent, current) {
        (KeyIntent::Next, None) => Some(0),
        (KeyIntent::Next, Some(i)) => Some((i + 1) % count),
        (KeyIntent::Previous, None) => Some(count - 1),
        (KeyIntent::Previous, Some(i)) => Some((i + count - 1) % count),
        (_, current) => current.filter(|i| *i < count),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_number_blocks_digits_are_typed() {
        let key = |s: &str| Key::Character(s.into());
        assert_eq!(keypad_digit(&key("7"), Location::Numpad), Some('7'));
        assert_eq!(keypad_digit(&key("0"), Location::Numpad), Some('0'));
        // The main block: a keyboard-wedge scanner's digits.
        assert_eq!(keypad_digit(&key("7"), Location::Standard), None);
        // The block's other keys work the speech; NumLock off sends arrows.
        assert_eq!(keypad_digit(&key("*"), Location::Numpad), None);
        assert_eq!(keypad_digit(&key("77"), Location::Numpad), None);
        assert_eq!(
            keypad_digit(&Key::Named(Named::ArrowUp), Location::Numpad),
            None
        );
    }

    #[test]
    fn focus_wraps_around_both_ways() {
        assert_eq!(step(None, KeyIntent::Next, 3), Some(0));
        assert_eq!(step(Some(2), KeyIntent::Next, 3), Some(0));
        assert_eq!(step(Some(0), KeyIntent::Previous, 3), Some(2));
        assert_eq!(step(None, KeyIntent::Previous, 3), Some(2));
        assert_eq!(step(Some(1), KeyIntent::Activate, 3), Some(1));
        assert_eq!(step(Some(5), KeyIntent::Activate, 3), None);
        assert_eq!(step(None, KeyIntent::Next, 0), None);
    }
}
