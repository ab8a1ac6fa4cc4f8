//! Keypads for what has no letters of its own: a phone pad (digits, `+`, space) and a code pad
//! with exactly the characters of booking codes, so that a resident cannot type an O for a 0:
//! neither key exists. Drawn with the keyboard's key grid.

use iced::Element;

use kiosk_core::domain::booking_code::{self, ALPHABET, CODE_LEN};

use crate::context::Context;
use crate::focus::FocusId;
use crate::widget::keyboard::{Key, KeyStyle, Outcome, grid, targets};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeypadMessage {
    Insert(char),
    Backspace,
    Done,
}

/// Applies a key to the text.
pub fn apply(text: &mut String, message: KeypadMessage) -> Outcome {
    match message {
        KeypadMessage::Insert(c) => text.push(c),
        KeypadMessage::Backspace => {
            text.pop();
        }
        KeypadMessage::Done => return Outcome::Done,
    }
    Outcome::Editing
}

/// Like [`apply`] for a booking code: only code characters, at most [`CODE_LEN`] of them, so
/// that the field can never hold what the backend would refuse.
pub fn apply_code(code: &mut String, message: KeypadMessage) -> Outcome {
    match message {
        KeypadMessage::Insert(c)
            if !booking_code::is_code_char(c) || code.chars().count() >= CODE_LEN =>
        {
            Outcome::Editing
        }
        other => apply(code, other),
    }
}

/// Like [`apply`] for a whole number of at most `longest` digits (the number pad's field).
pub fn apply_number(number: &mut String, message: KeypadMessage, longest: usize) -> Outcome {
    match message {
        KeypadMessage::Insert(c) if !c.is_ascii_digit() || number.len() >= longest => {
            Outcome::Editing
        }
        other => apply(number, other),
    }
}

/// 1 2 3 / 4 5 6 / 7 8 9 / + 0 space / Delete Done, like a phone.
pub fn phone<'a>(ctx: &Context<'_>, first_focus: u8) -> Element<'a, KeypadMessage> {
    grid(ctx, phone_rows(ctx), first_focus)
}

pub fn phone_targets(ctx: &Context<'_>, first_focus: u8) -> Vec<(FocusId, KeypadMessage)> {
    targets(&phone_rows(ctx), first_focus)
}

/// 1 2 3 / 4 5 6 / 7 8 9 / Delete 0 Done: a whole number.
pub fn number<'a>(ctx: &Context<'_>, first_focus: u8) -> Element<'a, KeypadMessage> {
    grid(ctx, number_rows(ctx), first_focus)
}

pub fn number_targets(ctx: &Context<'_>, first_focus: u8) -> Vec<(FocusId, KeypadMessage)> {
    targets(&number_rows(ctx), first_focus)
}

/// The booking-code alphabet, eight keys a row in alphabet order (easier to find for someone
/// copying from paper than AZERTY), then Delete and Done. A word as long as "Löschen" does not
/// fit a key of the alphabet rows, so Delete sits with Done.
pub fn code<'a>(ctx: &Context<'_>, first_focus: u8) -> Element<'a, KeypadMessage> {
    grid(ctx, code_rows(ctx), first_focus)
}

pub fn code_targets(ctx: &Context<'_>, first_focus: u8) -> Vec<(FocusId, KeypadMessage)> {
    targets(&code_rows(ctx), first_focus)
}

const PHONE: [&str; 4] = ["123", "456", "789", "+0"];
const NUMBER: [&str; 3] = ["123", "456", "789"];
const CODE_KEYS_PER_ROW: usize = 8;

fn phone_rows(ctx: &Context<'_>) -> Vec<Vec<Key<KeypadMessage>>> {
    let mut rows: Vec<Vec<Key<KeypadMessage>>> = PHONE
        .iter()
        .map(|row| row.chars().map(char_key).collect())
        .collect();
    if let Some(last) = rows.last_mut() {
        last.push(Key::function(
            ctx.tr("input-key-space"),
            KeypadMessage::Insert(' '),
            1,
        ));
    }
    rows.push(finish_row(ctx, 1, 2));
    rows
}

/// Digits only, for a whole number (seconds, a port): no "+" or space to type by mistake.
fn number_rows(ctx: &Context<'_>) -> Vec<Vec<Key<KeypadMessage>>> {
    let mut rows: Vec<Vec<Key<KeypadMessage>>> = NUMBER
        .iter()
        .map(|row| row.chars().map(char_key).collect())
        .collect();
    rows.push(vec![
        Key::function(ctx.tr("input-key-backspace"), KeypadMessage::Backspace, 1),
        char_key('0'),
        done(ctx, 1),
    ]);
    rows
}

fn code_rows(ctx: &Context<'_>) -> Vec<Vec<Key<KeypadMessage>>> {
    let chars: Vec<char> = ALPHABET.chars().collect();
    let mut rows: Vec<Vec<Key<KeypadMessage>>> = chars
        .chunks(CODE_KEYS_PER_ROW)
        .map(|row| row.iter().copied().map(char_key).collect())
        .collect();
    // The short last row keeps its keys in the columns above.
    if let Some(last) = rows.last_mut() {
        let missing = CODE_KEYS_PER_ROW.saturating_sub(last.len());
        if missing > 0 {
            last.push(Key::gap(u16::try_from(missing).unwrap_or(1)));
        }
    }
    rows.push(finish_row(ctx, 1, 3));
    rows
}

fn char_key(c: char) -> Key<KeypadMessage> {
    Key::char(c, KeypadMessage::Insert(c))
}

fn finish_row(ctx: &Context<'_>, backspace: u16, done_portion: u16) -> Vec<Key<KeypadMessage>> {
    vec![
        Key::function(
            ctx.tr("input-key-backspace"),
            KeypadMessage::Backspace,
            backspace,
        ),
        done(ctx, done_portion),
    ]
}

fn done(ctx: &Context<'_>, portion: u16) -> Key<KeypadMessage> {
    Key {
        style: KeyStyle::Done,
        ..Key::function(ctx.tr("input-key-done"), KeypadMessage::Done, portion)
    }
}
