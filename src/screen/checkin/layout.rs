//! The face every check-in screen shares: a large title, white cards, big buttons that draw
//! their keyboard focus, and the "one moment" card. Sizes from `theme`: body text 32 px and
//! more, targets 96 px high, 24 px apart.

use iced::widget::{column, text};
use iced::{Element, Length, Size};

use crate::context::Context;
use crate::theme::{self, size};
use crate::widget::buttons;

use super::{Message, State};

pub use crate::widget::page::{body, card, side_by_side as buttons, strong, warning};

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
