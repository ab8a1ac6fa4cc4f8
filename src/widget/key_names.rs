//! What the keys of the on-screen keyboard and keypads are called aloud (speech mode): "capital
//! A", "at sign", "delete". The keys of a PIN are never named by their digit.

use crate::context::Context;
use crate::widget::keyboard::{KeyboardMessage, Page};
use crate::widget::keypad::KeypadMessage;

/// A character as a listener recognises it: letters and digits as themselves (a capital said
/// so), punctuation by its name, which a voice would otherwise skip.
pub fn character(ctx: &Context<'_>, c: char) -> String {
    let named = match c {
        ' ' => Some("input-key-space"),
        '@' => Some("speech-char-at"),
        '.' => Some("speech-char-dot"),
        '-' => Some("speech-char-dash"),
        '_' => Some("speech-char-underscore"),
        '\'' => Some("speech-char-apostrophe"),
        '/' => Some("speech-char-slash"),
        ':' => Some("speech-char-colon"),
        ',' => Some("speech-char-comma"),
        '+' => Some("speech-char-plus"),
        _ => None,
    };
    if let Some(id) = named {
        return ctx.tr(id);
    }
    if c.is_uppercase() {
        let mut args = kiosk_core::i18n::FluentArgs::new();
        args.set("letter", c.to_string());
        return ctx.tr_args("speech-char-capital", &args);
    }
    c.to_string()
}

pub fn keyboard(ctx: &Context<'_>, message: &KeyboardMessage) -> String {
    match message {
        KeyboardMessage::Insert(c) => character(ctx, *c),
        KeyboardMessage::Backspace => ctx.tr("input-key-backspace"),
        KeyboardMessage::Shift => ctx.tr("speech-key-shift"),
        KeyboardMessage::Page(Page::Letters) => ctx.tr("speech-key-letters"),
        KeyboardMessage::Page(Page::Accents) => ctx.tr("speech-key-accents"),
        KeyboardMessage::Page(Page::Symbols) => ctx.tr("speech-key-symbols"),
        KeyboardMessage::Done => ctx.tr("input-key-done"),
    }
}

/// A key of a keypad that types a code or a phone number (said as typed; a code has capitals
/// only, so "capital" would add nothing but length).
pub fn keypad(ctx: &Context<'_>, message: &KeypadMessage) -> String {
    match message {
        KeypadMessage::Insert(c) if c.is_alphabetic() => c.to_string(),
        KeypadMessage::Insert(c) => character(ctx, *c),
        KeypadMessage::Backspace => ctx.tr("input-key-backspace"),
        KeypadMessage::Done => ctx.tr("input-key-done"),
    }
}

/// A key of a keypad that types a PIN: a digit key is "a digit", never which one.
pub fn pin_keypad(ctx: &Context<'_>, message: &KeypadMessage) -> String {
    match message {
        KeypadMessage::Insert(_) => ctx.tr("speech-pin-digit-key"),
        other => keypad(ctx, other),
    }
}

/// "Digit 2 entered": what a PIN field says as it fills, never the digit itself.
pub fn pin_progress(ctx: &Context<'_>, entered: usize) -> Option<String> {
    (entered > 0).then(|| {
        let mut args = kiosk_core::i18n::FluentArgs::new();
        args.set("entered", entered);
        ctx.tr_args("speech-pin-entered", &args)
    })
}

/// What a field holds so far, said back as it fills ("Entered: jan"), or that it is empty.
pub fn typed(ctx: &Context<'_>, text: &str) -> String {
    if text.is_empty() {
        return ctx.tr("speech-nothing-typed");
    }
    let mut args = kiosk_core::i18n::FluentArgs::new();
    args.set("text", text.to_owned());
    ctx.tr_args("speech-typed", &args)
}
