//! What the certificate is for (criminal-record extracts need it): typed on the shared
//! on-screen keyboard, whose Done goes on. What was typed stays when the resident goes back.

use iced::widget::{column, container, responsive, row, text};
use iced::{Alignment, Element, Length};

use crate::context::Context;
use crate::theme::{self, size, space};
use crate::widget::keyboard::KeyboardMessage;
use crate::widget::page;

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
            // Side by side, with Continue beside the keys (see `page::done_beside_keys`).
            let done = Message::Keyboard(KeyboardMessage::Done);
            let mut left = column![].spacing(space::BETWEEN_TARGETS);
            if let Some(step) = layout::step(state, &ctx) {
                left = left.push(step);
            }
            left = left
                .push(title.size(size::ACTION))
                .push(typed)
                .push(missing)
                .push(page::done_beside_keys(
                    state,
                    &ctx,
                    ctx.tr("certificate-continue"),
                    done,
                ));
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
