//! The on-screen keyboard and the keypads as a resident uses them: every character typed by
//! clicking its key in the simulator, as it is drawn.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use iced::{Element, Size};
use iced_test::Simulator;

use kiosk::context::Context;
use kiosk::theme::Palette;
use kiosk::widget::keyboard::{Keyboard, KeyboardMessage, Outcome, Page};
use kiosk::widget::keypad::{self, KeypadMessage};
use kiosk_core::config::Rgb;
use kiosk_core::domain::BookingCode;
use kiosk_core::domain::booking_code::{ALPHABET, AMBIGUOUS, CODE_LEN};
use kiosk_core::i18n::{I18n, Language};
use support::{PORTRAIT, settings};

struct Words {
    i18n: I18n,
    language: Language,
}

impl Words {
    fn dutch() -> Self {
        Self::new(Language::Dutch)
    }

    fn new(language: Language) -> Self {
        Self {
            i18n: I18n::embedded().unwrap(),
            language,
        }
    }

    fn ctx(&self) -> Context<'_> {
        Context {
            i18n: &self.i18n,
            language: self.language,
            palette: Palette::new(Rgb {
                r: 0x0B,
                g: 0x4F,
                b: 0x8A,
            }),
            focused: None,
            size: kiosk::theme::TextSizes::STANDARD,
            landscape: false,
        }
    }
}

/// Clicks the key labelled `label` in `view` and returns what it emitted.
fn press<M: Clone + std::fmt::Debug>(view: Element<'_, M>, label: &str) -> Vec<M> {
    press_in(view, label, PORTRAIT)
}

/// [`press`] in a space of `size`.
fn press_in<M: Clone + std::fmt::Debug>(view: Element<'_, M>, label: &str, size: Size) -> Vec<M> {
    let mut ui = Simulator::with_size(settings(), size, view);
    ui.click(label)
        .unwrap_or_else(|e| panic!("no key {label:?}: {e}"));
    ui.into_messages().collect()
}

/// A name or address being typed on the keyboard.
struct Typing {
    words: Words,
    keyboard: Keyboard,
    text: String,
    done: bool,
    /// The space the keyboard is drawn in.
    size: Size,
}

impl Typing {
    fn new() -> Self {
        Self {
            words: Words::dutch(),
            keyboard: Keyboard::new(),
            text: String::new(),
            done: false,
            size: PORTRAIT,
        }
    }

    fn keys(&mut self, labels: &[&str]) -> &mut Self {
        for label in labels {
            let messages = press_in(self.keyboard.view(&self.words.ctx(), 0), label, self.size);
            assert_eq!(messages.len(), 1, "{label:?} gave {messages:?}");
            for message in messages {
                if self.keyboard.update(&mut self.text, message) == Outcome::Done {
                    self.done = true;
                }
            }
        }
        self
    }

    fn shows(&self, label: &str) -> bool {
        let mut ui = Simulator::with_size(
            settings(),
            self.size,
            self.keyboard.view(&self.words.ctx(), 0),
        );
        ui.find(label).is_ok()
    }
}

const SHIFT: &str = "Aa";
const ACCENTS: &str = "àéè…";
const SPACE: &str = "spatie";
const DELETE: &str = "Wissen";
const DONE: &str = "Klaar";

#[test]
fn typing_loic_dupre_by_clicking_keys() {
    let mut typing = Typing::new();
    typing.keys(&[
        SHIFT, "L", "o", ACCENTS, "ï", "c", SPACE, SHIFT, "D", "u", "p", "r", ACCENTS, "é",
    ]);
    assert_eq!(typing.text, "Loïc Dupré");
    assert!(!typing.done);
}

#[test]
fn typing_lukasz_sahin_with_capital_accented_letters() {
    let mut typing = Typing::new();
    typing.keys(&[
        ACCENTS, SHIFT, "Ł", "u", "k", "a", "s", "z", SPACE, ACCENTS, SHIFT, "Ş", "a", "h", "i",
        "n",
    ]);
    assert_eq!(typing.text, "Łukasz Şahin");
}

#[test]
fn typing_an_email_address_with_digits_and_symbols() {
    let mut typing = Typing::new();
    typing.keys(&[
        "a", "n", ".", "p", "e", "e", "t", "e", "r", "s", "-", "8", "5", "@", "v", "o", "o", "r",
        "b", "e", "e", "l", "d", ".", "b", "e",
    ]);
    assert_eq!(typing.text, "an.peeters-85@voorbeeld.be");
    kiosk_core::domain::EmailAddress::parse(&typing.text).unwrap();
}

#[test]
fn backspace_removes_the_last_character_even_an_accented_one() {
    let mut typing = Typing::new();
    typing.keys(&["d", ACCENTS, "é", DELETE]);
    assert_eq!(typing.text, "d");
    typing.keys(&[DELETE, DELETE]);
    assert_eq!(typing.text, "", "Delete on an empty field does nothing");
}

#[test]
fn shift_and_accent_page_last_for_one_letter() {
    let mut typing = Typing::new();
    typing.keys(&[SHIFT]);
    assert!(typing.keyboard.shift() && typing.shows("A") && !typing.shows("a"));
    typing.keys(&["A"]);
    assert!(!typing.keyboard.shift() && typing.shows("a"));
    typing.keys(&[ACCENTS]);
    assert_eq!(typing.keyboard.page(), Page::Accents);
    for letter in [
        "é", "è", "ê", "ë", "à", "â", "ç", "ô", "ö", "û", "ü", "ï", "î", "ñ", "ł", "ş", "ğ", "ő",
    ] {
        assert!(typing.shows(letter), "accent page lacks {letter}");
    }
    typing.keys(&["abc"]);
    assert_eq!(typing.keyboard.page(), Page::Letters);
    assert!(typing.shows("z") && typing.shows("@") && typing.shows("'"));
}

/// A port path needs `/` and digits: the symbols page has the signs, and it lasts for one
/// character like the accent page. Typed in the space landscape leaves the keyboard (four wide
/// rows, digits as a block on the right), and in portrait's six rows.
#[test]
fn typing_a_port_path_on_the_symbols_page_in_both_layouts() {
    const SYMBOLS: &str = "/:_#";
    for size in [PORTRAIT, Size::new(1840.0, 420.0)] {
        let mut typing = Typing::new();
        typing.size = size;
        typing.keys(&[SYMBOLS]);
        assert_eq!(typing.keyboard.page(), Page::Symbols);
        for sign in ["/", ":", ".", ",", "-", "_"] {
            assert!(typing.shows(sign), "the symbols page lacks {sign}");
        }
        typing.keys(&["/", "d", "e", "v", SYMBOLS, "/", "t", "t", "y"]);
        typing.keys(&[SHIFT, "U", SHIFT, "S", SHIFT, "B", "0", DONE]);
        assert_eq!(typing.text, "/dev/ttyUSB0", "{size:?}");
        assert!(typing.done);
        typing.keys(&[SYMBOLS, ":", "9", "1", "0", "0"]);
        assert_eq!(typing.text, "/dev/ttyUSB0:9100");
    }
}

#[test]
fn done_emits_done() {
    let words = Words::dutch();
    let keyboard = Keyboard::new();
    assert_eq!(
        press(keyboard.view(&words.ctx(), 0), DONE),
        [KeyboardMessage::Done]
    );
    let mut typing = Typing::new();
    typing.keys(&["x", DONE]);
    assert!(typing.done);
    assert_eq!(typing.text, "x");
    assert_eq!(
        press(keypad::phone(&words.ctx(), 0), DONE),
        [KeypadMessage::Done]
    );
    assert_eq!(
        press(keypad::code(&words.ctx(), 0), DONE),
        [KeypadMessage::Done]
    );
}

#[test]
fn keys_are_labelled_in_every_language() {
    for (language, done, delete) in [
        (Language::French, "Terminé", "Effacer"),
        (Language::German, "Fertig", "Löschen"),
        (Language::English, "Done", "Delete"),
    ] {
        let words = Words::new(language);
        let keyboard = Keyboard::new();
        assert_eq!(
            press(keyboard.view(&words.ctx(), 0), done),
            [KeyboardMessage::Done]
        );
        assert_eq!(
            press(keypad::phone(&words.ctx(), 0), delete),
            [KeypadMessage::Backspace]
        );
    }
}

#[test]
fn phone_pad_types_a_belgian_number_in_international_form() {
    let words = Words::dutch();
    let mut number = String::new();
    for label in [
        "+", "3", "2", SPACE, "4", "7", "0", "1", "2", "3", "4", "5", "6", "6", DELETE,
    ] {
        for message in press(keypad::phone(&words.ctx(), 0), label) {
            keypad::apply(&mut number, message);
        }
    }
    assert_eq!(number, "+32 470123456");
    let phone = kiosk_core::domain::PhoneNumber::parse(&number).unwrap();
    assert_eq!(phone.e164(), "+32470123456");
}

#[test]
fn code_keypad_has_exactly_the_code_alphabet() {
    let words = Words::dutch();
    let mut ui = Simulator::with_size(settings(), PORTRAIT, keypad::code(&words.ctx(), 0));
    for c in ALPHABET.chars() {
        assert!(ui.find(c.to_string().as_str()).is_ok(), "no key {c}");
    }
    for c in AMBIGUOUS.chars().chain(['o', 'i', 'l']) {
        assert!(
            ui.find(c.to_string().as_str()).is_err(),
            "the code keypad offers the ambiguous {c}"
        );
    }
    let targets = keypad::code_targets(&words.ctx(), 0);
    let typed: String = targets
        .iter()
        .filter_map(|(_, message)| match message {
            KeypadMessage::Insert(c) => Some(*c),
            _ => None,
        })
        .collect();
    assert_eq!(typed, ALPHABET, "the keys insert exactly the alphabet");
}

#[test]
fn code_keypad_cannot_produce_an_ambiguous_or_eleventh_character() {
    let words = Words::dutch();
    let mut code = String::new();
    for label in ["A", "B", "C", "D", "E", "2", "3", "4", "5", "6", "7"] {
        for message in press(keypad::code(&words.ctx(), 0), label) {
            keypad::apply_code(&mut code, message);
        }
    }
    assert_eq!(code.len(), CODE_LEN);
    assert_eq!(code, "ABCDE23456");
    BookingCode::parse(&code).unwrap();
    // Even a message that did not come from a key cannot put an O into the code.
    code.pop();
    for c in AMBIGUOUS.chars() {
        keypad::apply_code(&mut code, KeypadMessage::Insert(c));
    }
    assert_eq!(code, "ABCDE2345");
    for message in press(keypad::code(&words.ctx(), 0), DELETE) {
        keypad::apply_code(&mut code, message);
    }
    assert_eq!(code, "ABCDE234");
}

/// The number pad (staff settings: seconds, ports) takes digits only, at most the field's
/// length, whatever message reaches it.
#[test]
fn number_pad_takes_digits_only_up_to_its_length() {
    let mut number = String::new();
    for c in "9x0+ 12345".chars() {
        keypad::apply_number(&mut number, KeypadMessage::Insert(c), 6);
    }
    assert_eq!(number, "901234");
    assert_eq!(
        keypad::apply_number(&mut number, KeypadMessage::Backspace, 6),
        kiosk::widget::keyboard::Outcome::Editing
    );
    assert_eq!(number, "90123");
    assert_eq!(
        keypad::apply_number(&mut number, KeypadMessage::Done, 6),
        kiosk::widget::keyboard::Outcome::Done
    );
}

#[test]
fn focus_targets_follow_the_keys_in_reading_order() {
    let words = Words::dutch();
    let keyboard = Keyboard::new();
    let targets = keyboard.focus_targets(&words.ctx(), 3);
    assert_eq!(
        targets.first(),
        Some(&(
            kiosk::focus::FocusId::Content(3),
            KeyboardMessage::Insert('1')
        ))
    );
    assert_eq!(targets.last().map(|(_, m)| *m), Some(KeyboardMessage::Done));
    assert_eq!(
        targets[10],
        (
            kiosk::focus::FocusId::Content(13),
            KeyboardMessage::Insert('a')
        )
    );
}
