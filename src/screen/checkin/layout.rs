//! The face every check-in screen shares: a large title, white cards, big buttons that draw
//! their keyboard focus, and the "one moment" card. Sizes from `theme`: body text 32 px and
//! more, targets 96 px high, 24 px apart.

use iced::widget::{Column, column, container, row, text};
use iced::{Alignment, Element, Length, Size};

use crate::context::Context;
use crate::theme::{self, size, space};
use crate::widget::{buttons, picture};

use super::{Message, State};

/// The scanner and a QR code under it, dark on light (the shared icons are white, for buttons).
pub const SCAN: &[u8] = include_bytes!("scan.svg");
/// A ticket coming out of the printer.
pub const PRINTER: &[u8] = include_bytes!("printer.svg");

/// The title of a screen.
pub fn title<'a>(label: String) -> Element<'a, Message> {
    text(label)
        .size(size::TITLE)
        .font(theme::BOLD)
        .width(Length::Fill)
        .into()
}

/// A sentence in body size.
pub fn body<'a>(label: String) -> Element<'a, Message> {
    text(label).size(size::BODY).width(Length::Fill).into()
}

/// A sentence that matters most on its screen: larger and bold.
pub fn strong<'a>(label: String) -> Element<'a, Message> {
    text(label)
        .size(size::ACTION)
        .font(theme::BOLD)
        .width(Length::Fill)
        .into()
}

/// The main "do it" button: white on the accent colour, as wide as it may be.
pub fn primary<'a>(
    state: &State,
    ctx: &Context<'_>,
    label: String,
    message: Message,
) -> Element<'a, Message> {
    let focused = state.focused(ctx, &message);
    buttons::primary(ctx, label, message, focused)
}

/// A second choice: dark text on white with a border.
pub fn secondary<'a>(
    state: &State,
    ctx: &Context<'_>,
    label: String,
    message: Message,
) -> Element<'a, Message> {
    let focused = state.focused(ctx, &message);
    buttons::secondary(ctx, label, Some(message), focused)
}

/// Buttons side by side, equally wide.
pub fn buttons<'a>(buttons: Vec<Element<'a, Message>>) -> Element<'a, Message> {
    iced::widget::Row::with_children(buttons)
        .spacing(space::BETWEEN_TARGETS)
        .width(Length::Fill)
        .into()
}

/// A white card holding `children`.
pub fn card<'a>(children: Vec<Element<'a, Message>>) -> Element<'a, Message> {
    container(
        Column::with_children(children)
            .spacing(space::BETWEEN_TARGETS)
            .width(Length::Fill),
    )
    .padding(32)
    .width(Length::Fill)
    .style(theme::card)
    .into()
}

/// A notice that something does not work: pale amber with a border and a warning sign, so
/// that colour is never the only signal.
pub fn warning<'a>(label: String, text_size: f32) -> Element<'a, Message> {
    container(
        row![
            picture::icon(picture::WARNING, 72.0),
            text(label)
                .size(text_size)
                .font(theme::BOLD)
                .width(Length::Fill)
        ]
        .spacing(space::BETWEEN_TARGETS)
        .align_y(Alignment::Center),
    )
    .padding(24)
    .width(Length::Fill)
    .style(theme::warning)
    .into()
}

/// "One moment, please": shown while the backend answers, so the screen never looks frozen.
pub fn working<'a>(ctx: &Context<'_>, id: &str) -> Element<'a, Message> {
    column![card(vec![
        text(ctx.tr(id))
            .size(size::ACTION)
            .font(theme::BOLD)
            .width(Length::Fill)
            .into()
    ])]
    .width(Length::Fill)
    .into()
}

/// Whether the space is wider than tall: a landscape screen.
pub fn landscape(size: Size) -> bool {
    size.width > size.height
}
