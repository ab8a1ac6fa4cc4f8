//! What the certificate is for (criminal-record extracts need it): typed on the shared
//! on-screen keyboard, whose Done goes on. What was typed stays when the resident goes back.

use iced::widget::{column, container, responsive, row, text};
use iced::{Alignment, Element, Length};

use crate::context::Context;
use crate::theme::{self, space};
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
            .size(ctx.size.body)
            .font(theme::BOLD)
            .width(Length::Fill)
            .into(),
        ]);
        let keys = state.keyboard.view(&ctx, 0).map(Message::Keyboard);
        let title = text(ctx.tr("certificate-purpose-title")).font(theme::BOLD);
        if landscape(available) {
            // The keyboard as wide as the page under one compact line; the keyboard's own Done
            // goes on. The missing-purpose notice is one line of text here: the framed notice
            // is too high to leave the keys their room.
            let question = title.size(ctx.size.body).width(Length::FillPortion(2));
            let mut line: Vec<Element<'a, Message>> =
                vec![container(typed).width(Length::FillPortion(3)).into()];
            if let Some(step) = layout::step(state, &ctx) {
                line.push(step);
            }
            let missing = state.purpose_missing.then(|| {
                text(ctx.tr("certificate-purpose-missing"))
                    .size(ctx.size.hint)
                    .font(theme::BOLD)
                    .width(Length::Fill)
                    .into()
            });
            page::typing_landscape(&ctx, question.into(), line, missing, keys)
        } else {
            let mut head = row![title.size(ctx.size.title).width(Length::Fill)]
                .spacing(space::BETWEEN_TARGETS)
                .align_y(Alignment::Center);
            if let Some(step) = layout::step(state, &ctx) {
                head = head.push(step);
            }
            let missing = state
                .purpose_missing
                .then(|| layout::warning(ctx.tr("certificate-purpose-missing"), ctx.size.hint));
            column![head]
                .push(
                    page::roomy_portrait(available)
                        .then(|| layout::body(&ctx, ctx.tr("certificate-purpose-hint"))),
                )
                .push(typed)
                .push(missing)
                .push(keys)
                .spacing(space::BETWEEN_TARGETS)
                .into()
        }
    })
    .into()
}
