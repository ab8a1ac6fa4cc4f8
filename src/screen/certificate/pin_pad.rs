//! The PIN keypad: 1 2 3 / 4 5 6 / 7 8 9 / Erase 0 OK, like a bank terminal, drawn with the
//! keyboard's key grid. What was typed is shown as dots only (see [`dots`]), and `Debug`
//! of a key leaves out which digit it was.

use std::fmt;

use iced::Element;

use crate::context::Context;
use crate::focus::FocusId;
use crate::widget::keyboard::{Key, KeyStyle, grid, targets};

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum PinKey {
    Digit(u8),
    Erase,
    Ok,
}

impl fmt::Debug for PinKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PinKey::Digit(_) => f.write_str("Digit(..)"),
            PinKey::Erase => f.write_str("Erase"),
            PinKey::Ok => f.write_str("Ok"),
        }
    }
}

const DIGIT_ROWS: [[u8; 3]; 3] = [[1, 2, 3], [4, 5, 6], [7, 8, 9]];

/// One dot for every digit typed, so the resident sees each tap counted but nobody behind
/// them sees the PIN.
pub fn dots(count: usize) -> String {
    let mut shown = String::new();
    for i in 0..count {
        if i > 0 {
            shown.push(' ');
        }
        shown.push('●');
    }
    shown
}

pub fn view<'a>(ctx: &Context<'_>, first_focus: u8) -> Element<'a, PinKey> {
    grid(ctx, rows(ctx), first_focus)
}

pub fn focus_targets(ctx: &Context<'_>, first_focus: u8) -> Vec<(FocusId, PinKey)> {
    targets(&rows(ctx), first_focus)
}

fn rows(ctx: &Context<'_>) -> Vec<Vec<Key<PinKey>>> {
    let mut rows: Vec<Vec<Key<PinKey>>> = DIGIT_ROWS
        .iter()
        .map(|row| row.iter().map(|&d| digit(d)).collect())
        .collect();
    rows.push(vec![
        Key::function(ctx.tr("certificate-pin-erase"), PinKey::Erase, 1),
        digit(0),
        Key {
            style: KeyStyle::Done,
            ..Key::function(ctx.tr("certificate-pin-ok"), PinKey::Ok, 1)
        },
    ]);
    rows
}

fn digit(d: u8) -> Key<PinKey> {
    Key::char(char::from(b'0' + d), PinKey::Digit(d))
}
