//! What the fit tests look for on the on-screen keyboard, page by page: the keys every page
//! shows, so that a keyboard cut off in one orientation or language is caught wherever it is
//! used (booking details, the certificate's purpose, staff settings).

use kiosk::widget::keyboard::Page;

/// Each page of the keyboard, ending on the letters it opens with.
pub const PAGES: [Page; 3] = [Page::Accents, Page::Symbols, Page::Letters];

/// The message ids of the function keys every page shows.
const FUNCTION_KEYS: [&str; 4] = [
    "input-key-done",
    "input-key-backspace",
    "input-key-shift",
    "input-key-space",
];

/// Signs every page keeps, and the digits at both ends of their row or block.
const CHARACTER_KEYS: [&str; 4] = ["0", "9", "@", "."];

/// The words of the keys every page of the keyboard shows, in the language of `words`.
pub fn keys_every_page_shows(words: &dyn Fn(&str) -> String) -> Vec<String> {
    FUNCTION_KEYS
        .iter()
        .map(|id| words(id))
        .chain(CHARACTER_KEYS.iter().map(|key| (*key).to_owned()))
        .collect()
}
