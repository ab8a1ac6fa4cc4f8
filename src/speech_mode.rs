//! Speech mode (EN 301 549 5.1.3, closed functionality without sight): what the kiosk says, and
//! when. A screen says its title, its question and its choices when it appears; after that only
//! what changes on it is said (an error, the number of PIN digits entered), and a move of the
//! keyboard focus says the focused button. Any key interrupts what is being said. Pure: the
//! root hands the result to the speech service.

use iced::keyboard::{Key, Location, key::Named};

use kiosk_core::i18n::Language;

use crate::screen::flow::Spoken;

/// The keys of a tactile keypad that work the speech itself rather than the screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SpeechKey {
    /// Speech on or off.
    Toggle,
    /// Say the screen again, from its title.
    Repeat,
    Faster,
    Slower,
    /// Say which keys do what.
    Help,
}

/// The speech keys, on the numeric block only: a barcode scanner "typing" as a keyboard uses the
/// main block, so a `*` or `+` in a scanned code is never taken for one of these. F1 is help and
/// F2 speech on/off on a full keyboard too.
pub fn speech_key(key: &Key, location: Location) -> Option<SpeechKey> {
    match (key, location) {
        (Key::Named(Named::F1), _) => Some(SpeechKey::Help),
        (Key::Named(Named::F2), _) => Some(SpeechKey::Toggle),
        (Key::Character(c), Location::Numpad) => match c.as_str() {
            "*" => Some(SpeechKey::Toggle),
            "/" => Some(SpeechKey::Repeat),
            "+" => Some(SpeechKey::Faster),
            "-" => Some(SpeechKey::Slower),
            "." | "," => Some(SpeechKey::Help),
            _ => None,
        },
        _ => None,
    }
}

/// The slowest and fastest rates offered, in speech-dispatcher's scale (-100..=100), and the
/// step of one key press.
pub const RATE_STEP: i8 = 20;
pub const RATE_MIN: i8 = -60;
pub const RATE_MAX: i8 = 80;

/// Speech for one resident's session: off until they ask for it, and off again for the next.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SpeechMode {
    on: bool,
    rate: i8,
    /// The screen as last said, to say only what changed on it.
    said_screen: Vec<String>,
    /// The focused button as last said.
    said_focus: Option<String>,
}

impl SpeechMode {
    /// Off, starting at `rate` when turned on.
    pub fn new(rate: i8) -> Self {
        Self {
            rate: rate.clamp(RATE_MIN, RATE_MAX),
            ..Self::default()
        }
    }

    pub fn is_on(&self) -> bool {
        self.on
    }

    pub fn rate(&self) -> i8 {
        self.rate
    }

    /// Switches speech on or off. On, the next [`SpeechMode::next`] says the whole screen.
    pub fn toggle(&mut self) -> bool {
        self.on = !self.on;
        self.forget();
        self.on
    }

    /// Forgets what was said, so that the whole screen is said again.
    pub fn forget(&mut self) {
        self.said_screen.clear();
        self.said_focus = None;
    }

    /// One step faster (`faster`) or slower; the new rate.
    pub fn change_rate(&mut self, faster: bool) -> i8 {
        let rate = if faster {
            self.rate.saturating_add(RATE_STEP)
        } else {
            self.rate.saturating_sub(RATE_STEP)
        };
        self.rate = rate.clamp(RATE_MIN, RATE_MAX);
        self.rate
    }

    /// What to say now that the screen reads `screen` and `focus` holds the focus, if anything:
    /// a new screen whole; on the same screen (same title and question) only its new lines; else
    /// the newly focused button.
    pub fn next(&mut self, screen: &Spoken, focus: Option<String>) -> Option<String> {
        if !self.on {
            return None;
        }
        let lines = &screen.lines;
        let said = if *lines == self.said_screen {
            None
        } else if lines.len() >= 2 && self.said_screen.get(..2) == lines.get(..2) {
            let new: Vec<&str> = lines
                .iter()
                .filter(|line| !self.said_screen.contains(line))
                .map(String::as_str)
                .collect();
            (!new.is_empty()).then(|| sentences(new))
        } else {
            Some(sentences(lines.iter().map(String::as_str)))
        };
        if said.is_some() || *lines != self.said_screen {
            self.said_screen = lines.clone();
            // A new screen says its own content; the focus (reset with it) is said when moved.
            self.said_focus = focus;
            return said;
        }
        if focus.is_some() && focus != self.said_focus {
            self.said_focus = focus.clone();
            return focus;
        }
        self.said_focus = focus;
        None
    }
}

/// Lines read as sentences: a pause after each, without doubling a full stop or question mark.
fn sentences<'a>(lines: impl IntoIterator<Item = &'a str>) -> String {
    let mut text = String::new();
    for line in lines {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        if !text.is_empty() {
            text.push(' ');
        }
        text.push_str(line);
        if !line.ends_with(['.', '?', '!', ':']) {
            text.push('.');
        }
    }
    text
}

/// A queue number said so that it is heard right: "B007" as "B, 0, 0, 7".
pub fn spell(number: &str) -> String {
    number
        .chars()
        .map(String::from)
        .collect::<Vec<_>>()
        .join(", ")
}

/// The speech service's name for a language of the kiosk.
pub fn voice_language(language: Language) -> kiosk_speech::Language {
    match language {
        Language::Dutch => kiosk_speech::Language::NlBe,
        Language::French => kiosk_speech::Language::FrBe,
        Language::German => kiosk_speech::Language::DeBe,
        Language::English => kiosk_speech::Language::En,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn screen(lines: &[&str]) -> Spoken {
        Spoken::new(lines.iter().map(|l| (*l).to_owned()))
    }

    #[test]
    fn off_says_nothing_and_on_says_the_whole_screen_once() {
        let mut mode = SpeechMode::default();
        let home = screen(&["Welcome", "What would you like to do?", "Book"]);
        assert_eq!(mode.next(&home, None), None);
        mode.toggle();
        assert_eq!(
            mode.next(&home, None).as_deref(),
            Some("Welcome. What would you like to do? Book.")
        );
        assert_eq!(mode.next(&home, None), None);
    }

    #[test]
    fn on_the_same_screen_only_new_lines_and_focus_moves_are_said() {
        let mut mode = SpeechMode::default();
        mode.toggle();
        let pin = screen(&["Certificate", "Type your PIN"]);
        mode.next(&pin, None);
        let one = screen(&["Certificate", "Type your PIN", "Digit 1 entered"]);
        assert_eq!(mode.next(&one, None).as_deref(), Some("Digit 1 entered."));
        assert_eq!(
            mode.next(&one, Some("OK".into())).as_deref(),
            Some("OK"),
            "a focus move is said"
        );
        assert_eq!(mode.next(&one, Some("OK".into())), None);
        let other = screen(&["Book", "Which day?"]);
        assert_eq!(
            mode.next(&other, Some("Monday".into())).as_deref(),
            Some("Book. Which day?"),
            "a new screen is said whole, not its focus"
        );
        assert_eq!(
            mode.next(&other, Some("Tuesday".into())).as_deref(),
            Some("Tuesday")
        );
    }

    #[test]
    fn off_again_then_on_says_the_screen_again() {
        let mut mode = SpeechMode::default();
        let home = screen(&["Welcome", "Choose"]);
        mode.toggle();
        mode.next(&home, None);
        mode.toggle();
        assert_eq!(mode.next(&home, None), None);
        mode.toggle();
        assert!(mode.next(&home, None).is_some());
    }

    #[test]
    fn the_rate_stays_within_its_bounds() {
        let mut mode = SpeechMode::default();
        for _ in 0..10 {
            mode.change_rate(true);
        }
        assert_eq!(mode.rate(), RATE_MAX);
        for _ in 0..10 {
            mode.change_rate(false);
        }
        assert_eq!(mode.rate(), RATE_MIN);
    }

    #[test]
    fn speech_keys_come_from_the_numeric_block_only() {
        let star = Key::Character("*".into());
        assert_eq!(speech_key(&star, Location::Numpad), Some(SpeechKey::Toggle));
        assert_eq!(speech_key(&star, Location::Standard), None);
        assert_eq!(
            speech_key(&Key::Named(Named::F1), Location::Standard),
            Some(SpeechKey::Help)
        );
        assert_eq!(
            speech_key(&Key::Character("5".into()), Location::Numpad),
            None
        );
    }

    #[test]
    fn numbers_are_spelled_and_sentences_end_once() {
        assert_eq!(spell("B007"), "B, 0, 0, 7");
        assert_eq!(
            sentences(["Hello.", "Which day?", "", "Monday"]),
            "Hello. Which day? Monday."
        );
    }
}
