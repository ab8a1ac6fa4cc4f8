//! What the certificate is for (criminal-record extracts need it): typed on the shared
//! on-screen keyboard, whose Done goes on. What was typed stays when the resident goes back.

use iced::widget::{button, column, container, responsive, row, text};
use iced::{Alignment, Element, Length};

use crate::context::Context;
use crate::screen::flow::Flow as _;
use crate::theme::{self, size, space};
use crate::widget::keyboard::KeyboardMessage;

use super::super::layout::{self, landscape};
use super::super::{Message, State};

pub fn targets(state: &State, ctx: &Context<'_>) -> Vec<Message> {
    state
        .keyboard
        .focus_targets(ctx, 0)
        .into_iter()
        .map(|(_, key)| Message::Keyboard(key))
        .collect()
}

pub fn view<'a>(state: &'a State, ctx: &Context<'a>) -> Element<'a, Message> {
    let ctx = *ctx;
    responsive(move |available| {
        let typed = layout::card(vec![
            text(if state.purpose.is_empty() {
                " ".to_owned()
            } else {
                state.purpose.clone()
            })
            .size(size::BODY)
            .font(theme::BOLD)
            .width(Length::Fill)
            .into(),
        ]);
        let missing = state
            .purpose_missing
            .then(|| layout::warning(ctx.tr("certificate-purpose-missing"), size::HINT));
        let keys = state.keyboard.view(&ctx, 0).map(Message::Keyboard);
        let title = text(ctx.tr("certificate-purpose-title")).font(theme::BOLD);
        if landscape(available) {
            // Side by side: the keyboard's six rows are taller than a landscape screen leaves,
            // so its Done row falls off the bottom; Continue is repeated here, always seen.
            let done = Message::Keyboard(KeyboardMessage::Done);
            let focused = state.is_focused(&ctx, &done);
            let mut left = column![].spacing(space::BETWEEN_TARGETS);
            if let Some(step) = layout::step(state, &ctx) {
                left = left.push(step);
            }
            left = left
                .push(title.size(size::ACTION))
                .push(typed)
                .push(missing)
                .push(
                    button(
                        text(ctx.tr("certificate-continue"))
                            .size(size::ACTION)
                            .font(theme::BOLD)
                            .center()
                            .width(Length::Fill),
                    )
                    .on_press(done)
                    .padding([16, 32])
                    .width(Length::Fill)
                    .height(space::MIN_TARGET)
                    .style(ctx.palette.primary(focused)),
                );
            row![
                left.width(Length::FillPortion(9)),
                container(keys).width(Length::FillPortion(11))
            ]
            .spacing(space::PAGE)
            .align_y(Alignment::Start)
            .into()
        } else {
            let mut head = row![title.size(size::TITLE).width(Length::Fill)]
                .spacing(space::BETWEEN_TARGETS)
                .align_y(Alignment::Center);
            if let Some(step) = layout::step(state, &ctx) {
                head = head.push(step);
            }
            column![head]
                .push(layout::body(ctx.tr("certificate-purpose-hint")))
                .push(typed)
                .push(missing)
                .push(keys)
                .spacing(space::BETWEEN_TARGETS)
                .into()
        }
    })
    .into()
}
