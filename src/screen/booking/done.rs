//! After the questions: booked (the ticket printing, or the code shown large to write down
//! when it could not print), or "booking is not available now" with the way to the desk.

use iced::widget::{column, container, row, text};
use iced::{Element, Length};

use crate::context::Context;
use crate::theme::{self, space};
use crate::widget::picture;

use super::layout::{self, landscape};
use super::{Hold, Message, Printing, State, words};

pub fn view<'a>(state: &'a State, ctx: &Context<'a>) -> Element<'a, Message> {
    let ctx = *ctx;
    iced::widget::responsive(move |available| {
        let mut head = column![
            text(ctx.tr("booking-done-title"))
                .size(ctx.size.title)
                .font(theme::BOLD)
        ]
        .spacing(space::BETWEEN_TARGETS)
        .width(Length::Fill);
        if let Hold::Confirmed(booking) = &state.hold {
            head = head.push(
                text(words::date_at(&ctx, &booking.start, &state.tz))
                    .size(ctx.size.action)
                    .font(theme::BOLD),
            );
        }
        let ticket = ticket(state, &ctx);
        let finish = layout::primary(state, &ctx, ctx.tr("booking-finish"), Message::Finish);
        if landscape(available) {
            row![
                column![head, finish]
                    .spacing(space::PAGE)
                    .width(Length::FillPortion(1)),
                container(ticket).width(Length::FillPortion(1)),
            ]
            .spacing(space::PAGE)
            .into()
        } else {
            column![head, ticket, finish].spacing(space::PAGE).into()
        }
    })
    .into()
}

/// Where the ticket is: printing, or the code to note down when the printer failed.
fn ticket<'a>(state: &'a State, ctx: &Context<'_>) -> Element<'a, Message> {
    match (&state.printing, &state.hold) {
        (Printing::Failed(_), Hold::Confirmed(booking)) => layout::card(vec![
            text(ctx.tr("booking-print-failed"))
                .size(ctx.size.body)
                .font(theme::BOLD)
                .into(),
            // As large as the screen allows: it will be photographed or copied by hand.
            text(booking.code.clone())
                .size(ctx.size.countdown)
                .font(theme::BOLD)
                .into(),
            text(ctx.tr("booking-print-failed-hint"))
                .size(ctx.size.body)
                .into(),
        ]),
        _ => layout::card(vec![
            row![
                picture::icon(picture::CHECK_IN, 96.0),
                text(ctx.tr("booking-printing"))
                    .size(ctx.size.action)
                    .font(theme::BOLD)
            ]
            .spacing(space::BETWEEN_TARGETS)
            .into(),
        ]),
    }
}

/// The backend cannot book now: what happened, what to do, and the way back to the start.
pub fn unavailable<'a>(state: &'a State, ctx: &Context<'a>) -> Element<'a, Message> {
    column![
        row![
            picture::icon(picture::WARNING, 96.0),
            text(ctx.tr("booking-unavailable-title"))
                .size(ctx.size.title)
                .font(theme::BOLD)
        ]
        .spacing(space::BETWEEN_TARGETS),
        layout::card(vec![
            text(ctx.tr(if state.rate_limited {
                "booking-rate-limited-body"
            } else {
                "booking-unavailable-body"
            }))
            .size(ctx.size.action)
            .into()
        ]),
        layout::primary(
            state,
            ctx,
            ctx.tr("booking-unavailable-home"),
            Message::Finish
        ),
    ]
    .spacing(space::PAGE)
    .width(Length::Fill)
    .into()
}
