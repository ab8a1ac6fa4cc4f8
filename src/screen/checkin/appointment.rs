//! The appointment found for the code: take a queue number, or cancel it (asked once more),
//! and the word that it is cancelled.

use iced::widget::{column, container, responsive, row};
use iced::{Element, Length};

use crate::context::Context;
use crate::theme::space;

use super::layout::{self, landscape};
use super::{Message, State, words};

/// "Identiteitskaart aanvragen" and "dinsdag 3 december, 10:30": shown, and said.
pub fn detail_lines(state: &State, ctx: &Context<'_>) -> Vec<String> {
    let mut lines = Vec::new();
    if let Some(name) = state.product_name() {
        lines.push(words::localized(name, ctx.language).to_owned());
    }
    if let Some(booking) = &state.booking {
        lines.push(words::when(ctx, &booking.start, &state.zone()));
    }
    lines
}

fn details<'a>(state: &State, ctx: &Context<'_>) -> Vec<Element<'a, Message>> {
    detail_lines(state, ctx)
        .into_iter()
        .map(|line| layout::strong(ctx, line))
        .collect()
}

pub fn view<'a>(state: &'a State, ctx: &Context<'a>) -> Element<'a, Message> {
    let ctx = *ctx;
    responsive(move |available| {
        let card = layout::card(details(state, &ctx));
        let choices = column![
            layout::primary(
                state,
                &ctx,
                ctx.tr("checkin-take-number"),
                Message::TakeNumber
            ),
            layout::secondary(state, &ctx, ctx.tr("checkin-cancel"), Message::AskCancel),
        ]
        .spacing(space::PAGE);
        let title = layout::title(&ctx, ctx.tr("checkin-appointment-title"));
        if landscape(available) {
            row![
                column![title, card]
                    .spacing(space::BETWEEN_TARGETS)
                    .width(Length::FillPortion(1)),
                container(choices)
                    .center_y(Length::Fill)
                    .width(Length::FillPortion(1)),
            ]
            .spacing(space::PAGE)
            .into()
        } else {
            column![title, card, choices].spacing(space::PAGE).into()
        }
    })
    .into()
}

/// "Do you want to cancel your appointment of …?", shown and spoken.
pub fn cancel_question(state: &State, ctx: &Context<'_>) -> String {
    let when = state
        .booking
        .as_ref()
        .map(|b| words::when(ctx, &b.start, &state.zone()))
        .unwrap_or_default();
    words::with(ctx, "checkin-cancel-question", "when", when)
}

pub fn confirm_cancel<'a>(state: &'a State, ctx: &Context<'a>) -> Element<'a, Message> {
    column![
        layout::title(ctx, cancel_question(state, ctx)),
        layout::buttons(vec![
            layout::primary(
                state,
                ctx,
                ctx.tr("checkin-cancel-yes"),
                Message::ConfirmCancel
            ),
            layout::primary(
                state,
                ctx,
                ctx.tr("checkin-cancel-no"),
                Message::KeepAppointment
            ),
        ]),
    ]
    .spacing(space::PAGE)
    .width(Length::Fill)
    .into()
}

pub fn cancelled<'a>(state: &'a State, ctx: &Context<'a>) -> Element<'a, Message> {
    column![
        layout::title(ctx, ctx.tr("checkin-cancelled-title")),
        layout::body(ctx, ctx.tr("checkin-cancelled-body")),
        layout::primary(state, ctx, ctx.tr("checkin-finish"), Message::Finish),
    ]
    .spacing(space::PAGE)
    .width(Length::Fill)
    .into()
}
