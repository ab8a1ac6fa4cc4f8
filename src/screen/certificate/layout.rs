//! The face every certificate screen shares: the question with "Step n of N" beside it, white
//! cards, big buttons that draw their keyboard focus, the "one moment" card and the pictures.
//! Sizes from `theme`.

use iced::widget::{column, container, row, text};
use iced::{Alignment, Element, Length, Size};

use crate::context::Context;
use crate::theme::{self, size, space};
use crate::widget::{buttons, picture};

use super::{Message, State, words};

pub use crate::widget::page::{body, card, side_by_side as buttons, strong, warning};

/// Where the card goes in, chip first, dark on light.
pub const INSERT_CARD: &[u8] = include_bytes!("../../../assets/icons/insert-card.svg");
/// The card coming out of the reader and a hand taking it.
pub const TAKE_CARD: &[u8] = include_bytes!("../../../assets/icons/take-card.svg");

/// The question, "Step n of N" on its right, and the screen's body below.
pub fn frame<'a>(
    state: &State,
    ctx: &Context<'_>,
    title: String,
    title_size: f32,
    body: Element<'a, Message>,
) -> Element<'a, Message> {
    let mut head = row![
        text(title)
            .size(title_size)
            .font(theme::BOLD)
            .width(Length::Fill)
    ]
    .spacing(space::BETWEEN_TARGETS)
    .align_y(Alignment::Center);
    if let Some(step) = step(state, ctx) {
        head = head.push(step);
    }
    column![head, body]
        .spacing(space::BETWEEN_TARGETS)
        .height(Length::Fill)
        .width(Length::Fill)
        .into()
}

/// "Step n of N", when the screen is a step.
pub fn step<'a>(state: &State, ctx: &Context<'_>) -> Option<Element<'a, Message>> {
    state
        .step_number()
        .map(|(n, total)| text(words::step(ctx, n, total)).size(size::HINT).into())
}

/// The main "do it" button.
pub fn primary<'a>(
    state: &State,
    ctx: &Context<'_>,
    label: String,
    message: Message,
) -> Element<'a, Message> {
    let focused = state.focused(ctx, &message);
    buttons::primary(ctx, label, message, focused)
}

/// A second choice.
pub fn secondary<'a>(
    state: &State,
    ctx: &Context<'_>,
    label: String,
    message: Message,
) -> Element<'a, Message> {
    let focused = state.focused(ctx, &message);
    buttons::secondary(ctx, label, Some(message), focused)
}

/// "One moment, please": shown while the card, the backend or the printer works, so the
/// screen never looks frozen.
pub fn working<'a>(state: &State, ctx: &Context<'_>, id: &str) -> Element<'a, Message> {
    let mut content = column![]
        .spacing(space::BETWEEN_TARGETS)
        .width(Length::Fill);
    if let Some(step) = step(state, ctx) {
        content = content.push(step);
    }
    content.push(card(vec![strong(ctx.tr(id))])).into()
}

/// A picture beside (landscape) or above (portrait) the words.
pub fn with_picture<'a>(
    picture_bytes: &'static [u8],
    words: Element<'a, Message>,
    available: Size,
) -> Element<'a, Message> {
    if landscape(available) {
        let side = (available.height - 40.0).clamp(160.0, 440.0);
        row![
            container(picture::icon(picture_bytes, side))
                .center_x(Length::Fill)
                .width(Length::FillPortion(2)),
            container(words).width(Length::FillPortion(3)),
        ]
        .spacing(space::PAGE)
        .align_y(Alignment::Center)
        .into()
    } else {
        let side = (available.height * 0.35).clamp(160.0, 480.0);
        column![
            container(picture::icon(picture_bytes, side)).center_x(Length::Fill),
            words
        ]
        .spacing(space::PAGE)
        .into()
    }
}

/// Whether the space is wider than tall: a landscape screen.
pub fn landscape(size: Size) -> bool {
    size.width > size.height
}
