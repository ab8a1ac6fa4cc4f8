//! The two buttons every flow uses, drawn once: the main "do it" button (white on the accent
//! colour) and a second choice (dark on white with a border), each as wide as its place.

use iced::widget::{button, text};
use iced::{Element, Length};

use crate::context::Context;
use crate::theme::{self, size, space};

pub fn primary<'a, M: Clone + 'a>(
    ctx: &Context<'_>,
    label: String,
    message: M,
    focused: bool,
) -> Element<'a, M> {
    button(
        text(label)
            .size(size::ACTION)
            .font(theme::BOLD)
            .center()
            .width(Length::Fill),
    )
    .on_press(message)
    .padding([16, 32])
    .width(Length::Fill)
    .height(space::MIN_TARGET + 24.0)
    .style(ctx.palette.primary(focused))
    .into()
}

/// `message: None` draws the button without an action (nothing to page to, say).
pub fn secondary<'a, M: Clone + 'a>(
    ctx: &Context<'_>,
    label: String,
    message: Option<M>,
    focused: bool,
) -> Element<'a, M> {
    button(
        text(label)
            .size(size::BODY)
            .font(theme::BOLD)
            .center()
            .width(Length::Fill),
    )
    .on_press_maybe(message)
    .padding([16, 32])
    .width(Length::Fill)
    .height(space::MIN_TARGET)
    .style(ctx.palette.secondary(focused))
    .into()
}
