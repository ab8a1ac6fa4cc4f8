//! The keys for the details until the shared on-screen keyboard lands: letters for the name,
//! letters and digits for an e-mail address, a phone pad for a phone number. Keys of 80 px and
//! more, 16 px apart.

use iced::widget::{button, column, row, text};
use iced::{Element, Length};

use crate::context::Context;
use crate::theme::{self, size};

use super::{Message, State};

pub const KEY_HEIGHT: f32 = 80.0;
pub const KEY_GAP: f32 = 16.0;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    Name,
    Email,
    Phone,
}

/// The keys row by row, each the message it sends.
fn rows(layout: Layout) -> Vec<Vec<Message>> {
    let chars = |s: &str| -> Vec<Message> { s.chars().map(Message::Type).collect() };
    let with_erase = |s: &str| {
        let mut keys = chars(s);
        keys.push(Message::Erase);
        keys
    };
    match layout {
        Layout::Name => vec![
            chars("azertyuiop"),
            chars("qsdfghjklm"),
            with_erase("wxcvbn'-"),
            vec![Message::Type(' ')],
        ],
        Layout::Email => vec![
            chars("1234567890"),
            chars("azertyuiop"),
            chars("qsdfghjklm"),
            with_erase("wxcvbn@.-_"),
        ],
        Layout::Phone => vec![chars("123"), chars("456"), chars("789"), with_erase("+0")],
    }
}

/// Every key in reading order, as `view` draws them.
pub fn targets(layout: Layout) -> Vec<Message> {
    rows(layout).into_iter().flatten().collect()
}

pub fn view<'a>(state: &State, ctx: &Context<'_>, layout: Layout) -> Element<'a, Message> {
    let mut keys = column![].spacing(KEY_GAP).width(Length::Fill);
    for keys_row in rows(layout) {
        let mut line = row![].spacing(KEY_GAP).width(Length::Fill);
        for message in keys_row {
            let focused = state.focused(ctx, &message);
            // Delete is a word and twice as wide beside letters; a letter shows itself.
            let (label, label_size, portion) = match message {
                Message::Erase => (
                    ctx.tr("input-key-backspace"),
                    size::HINT,
                    if layout == Layout::Phone { 1 } else { 2 },
                ),
                Message::Type(' ') => (ctx.tr("input-key-space"), size::HINT, 1),
                Message::Type(c) => (c.to_string(), size::ACTION, 1),
                _ => (String::new(), size::HINT, 1),
            };
            line = line.push(
                button(
                    text(label)
                        .size(label_size)
                        .font(theme::BOLD)
                        .center()
                        .width(Length::Fill)
                        .height(Length::Fill),
                )
                .on_press(message)
                .padding(4)
                .width(Length::FillPortion(portion))
                .height(KEY_HEIGHT)
                .style(ctx.palette.secondary(focused)),
            );
        }
        keys = keys.push(line);
    }
    keys.into()
}
