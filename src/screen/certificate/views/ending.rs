//! The end: "take your card" (and the certificate from the printer) with a picture, and the
//! screen after the card is out, which says that everything was forgotten and returns home.

use iced::widget::{column, responsive};
use iced::{Element, Length};

use crate::context::Context;
use crate::theme::space;

use super::super::layout;
use super::super::{Message, Printing, State};

pub fn take_card<'a>(state: &'a State, ctx: &Context<'a>) -> Element<'a, Message> {
    let ctx = *ctx;
    responsive(move |available| {
        let mut words = column![
            layout::strong(&ctx, ctx.tr("certificate-take-card-title")),
            layout::body(&ctx, ctx.tr("certificate-take-card-hint")),
        ]
        .spacing(space::PAGE)
        .width(Length::Fill);
        if state.printing == Printing::Printed {
            words = words.push(layout::strong(&ctx, ctx.tr("certificate-take-document")));
        }
        layout::with_picture(
            &ctx,
            layout::TAKE_CARD,
            words.into(),
            available,
            layout::PICTURE_SHARE,
        )
    })
    .into()
}

pub fn ended<'a>(state: &'a State, ctx: &Context<'a>) -> Element<'a, Message> {
    let mut lines = vec![
        layout::strong(ctx, ctx.tr("certificate-ended-title")),
        layout::body(ctx, ctx.tr("certificate-ended-body")),
    ];
    if state.completed {
        lines.push(layout::body(ctx, ctx.tr("certificate-thanks")));
    }
    column![
        layout::card(lines),
        layout::primary(
            state,
            ctx,
            ctx.tr("certificate-start-again"),
            Message::Finish
        ),
    ]
    .spacing(space::PAGE)
    .width(Length::Fill)
    .into()
}
