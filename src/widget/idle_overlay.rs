//! "Are you still there?": shown over the screen after a while without touches, with the
//! seconds left and one large button to carry on.

use std::time::Duration;

use iced::widget::{button, center, column, container, opaque, text};
use iced::{Alignment, Element, Length};

use kiosk_core::i18n::FluentArgs;

use crate::context::Context;
use crate::focus::FocusId;
use crate::theme;

pub fn idle_overlay<'a, M: Clone + 'a>(
    ctx: &Context<'_>,
    remaining: Duration,
    more_time: M,
) -> Element<'a, M> {
    // Rounded up: "1 second" is shown until the very end, never "0 seconds".
    let seconds = remaining.as_millis().div_ceil(1000);
    let mut args = FluentArgs::new();
    args.set("seconds", u64::try_from(seconds).unwrap_or(u64::MAX));
    let card = column![
        text(ctx.tr("idle-title"))
            .size(ctx.size.title)
            .font(theme::BOLD),
        text(seconds.to_string())
            .size(ctx.size.countdown)
            .font(theme::BOLD),
        text(ctx.tr_args("idle-body", &args))
            .size(ctx.size.body)
            .align_x(Alignment::Center),
        button(
            text(ctx.tr("idle-more-time"))
                .size(ctx.size.action)
                .font(theme::BOLD)
                .center()
                .width(Length::Fill)
        )
        .on_press(more_time)
        .padding([32, 48])
        .width(Length::Fill)
        .style(ctx.palette.primary(ctx.is_focused(FocusId::MoreTime))),
    ]
    .spacing(36)
    .align_x(Alignment::Center);
    opaque(
        center(
            container(card)
                .padding(56)
                .max_width(900)
                .style(theme::card),
        )
        .padding(40)
        .style(theme::scrim),
    )
}
