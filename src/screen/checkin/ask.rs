//! The first screen (hold the QR code under the scanner, or type the code) and the code keypad.

use iced::widget::{column, container, responsive, row, text};
use iced::{Alignment, Element, Length};

use kiosk_core::domain::booking_code::{ALPHABET, CODE_LEN};

use crate::context::Context;
use crate::theme::{self, space};
use crate::widget::keyboard::{Key, KeyStyle, grid};
use crate::widget::keypad::{self, KeypadMessage};
use crate::widget::picture;

use super::layout::{self, landscape};
use super::{Message, State};

/// Keys a row of the landscape keypad: three rows of the alphabet and Delete / Done fit the
/// 540 px a landscape screen leaves, where the shared keypad's eight a row would not.
const WIDE_KEYS_PER_ROW: usize = 11;

pub fn view<'a>(state: &'a State, ctx: &Context<'a>) -> Element<'a, Message> {
    let ctx = *ctx;
    responsive(move |available| {
        let wide = landscape(available);
        let side = if wide {
            (available.height - 40.0).clamp(160.0, 440.0)
        } else {
            (available.height * 0.4).clamp(160.0, 560.0)
        };
        let picture = container(picture::icon(layout::SCAN, side)).center_x(Length::Fill);
        let words = column![
            layout::title(&ctx, ctx.tr("checkin-ask-title")),
            layout::body(&ctx, ctx.tr("checkin-ask-hint")),
            layout::primary(state, &ctx, ctx.tr("checkin-type-code"), Message::TypeCode),
        ]
        .spacing(space::PAGE)
        .width(Length::Fill);
        if wide && ctx.size.is_large() {
            // Larger words need the picture's room.
            words.into()
        } else if wide {
            row![
                container(picture).width(Length::FillPortion(2)),
                container(words).width(Length::FillPortion(3)),
            ]
            .spacing(space::PAGE)
            .align_y(Alignment::Center)
            .into()
        } else {
            column![picture, words].spacing(space::PAGE).into()
        }
    })
    .into()
}

/// The code as typed so far, with a dot for each character still to come.
fn field(typed: &str) -> String {
    let missing = CODE_LEN.saturating_sub(typed.chars().count());
    let mut shown: String = typed.to_owned();
    shown.extend(std::iter::repeat_n('·', missing));
    shown
}

pub fn typing<'a>(state: &'a State, ctx: &Context<'a>) -> Element<'a, Message> {
    let ctx = *ctx;
    responsive(move |available| {
        let wide = landscape(available);
        // With larger text in landscape, a wrong code's warning takes the question's place:
        // both do not fit beside the keys.
        let crowded = wide && ctx.size.is_large() && state.typed_error.is_some();
        let question = (!crowded).then(|| {
            text(ctx.tr("checkin-type-title"))
                .size(if wide {
                    ctx.size.action
                } else {
                    ctx.size.title
                })
                .font(theme::BOLD)
                .width(Length::Fill)
        });
        let mut head = column![]
            .push(question)
            .push(layout::card(vec![
                text(field(&state.typed))
                    .size(ctx.size.title)
                    .font(theme::BOLD)
                    .width(Length::Fill)
                    .center()
                    .into(),
            ]))
            .spacing(space::BETWEEN_TARGETS)
            .width(Length::Fill);
        if let Some(error) = state.typed_error {
            let warning = layout::warning(ctx.tr(error.message_id()), ctx.size.hint);
            head = if crowded {
                column![warning, head].spacing(space::BETWEEN_TARGETS)
            } else {
                head.push(warning)
            };
        }
        if wide {
            let keys = grid(&ctx, wide_rows(&ctx), 0).map(Message::Key);
            row![
                container(head).width(Length::FillPortion(2)),
                container(keys).width(Length::FillPortion(3)),
            ]
            .spacing(space::PAGE)
            .into()
        } else {
            let keys = keypad::code(&ctx, 0).map(Message::Key);
            column![head, keys].spacing(space::PAGE).into()
        }
    })
    .into()
}

/// The code alphabet eleven a row, then Delete and Done, in the shared keypad's order (so
/// that focus numbering is the same in both orientations).
fn wide_rows(ctx: &Context<'_>) -> Vec<Vec<Key<KeypadMessage>>> {
    let chars: Vec<char> = ALPHABET.chars().collect();
    let mut rows: Vec<Vec<Key<KeypadMessage>>> = chars
        .chunks(WIDE_KEYS_PER_ROW)
        .map(|keys| {
            keys.iter()
                .map(|&c| Key::char(c, KeypadMessage::Insert(c)))
                .collect()
        })
        .collect();
    if let Some(last) = rows.last_mut() {
        let missing = WIDE_KEYS_PER_ROW.saturating_sub(last.len());
        if missing > 0 {
            last.push(Key::gap(u16::try_from(missing).unwrap_or(1)));
        }
    }
    rows.push(vec![
        Key::function(ctx.tr("input-key-backspace"), KeypadMessage::Backspace, 1),
        Key {
            style: KeyStyle::Done,
            ..Key::function(ctx.tr("input-key-done"), KeypadMessage::Done, 2)
        },
    ]);
    rows
}
