//! The card: where to insert it (a picture), then what will be read from it and why, before
//! anything is read.

use iced::widget::{Column, column, responsive};
use iced::{Element, Length};

use crate::context::Context;
use crate::theme::space;

use super::super::layout::{self, landscape};
use super::super::{Message, State};

pub fn insert<'a>(state: &'a State, ctx: &Context<'a>) -> Element<'a, Message> {
    let ctx = *ctx;
    responsive(move |available| {
        let mut words = column![].spacing(space::PAGE).width(Length::Fill);
        if let Some(step) = layout::step(state, &ctx) {
            words = words.push(step);
        }
        let words = words
            .push(layout::strong(&ctx, ctx.tr("certificate-insert-title")))
            .push(layout::body(&ctx, ctx.tr("certificate-insert-hint")));
        layout::with_picture(
            &ctx,
            layout::INSERT_CARD,
            words.into(),
            available,
            layout::PICTURE_SHARE,
        )
    })
    .into()
}

/// Read only what is needed, and say so first (the data-protection authority's rule).
pub fn privacy<'a>(state: &'a State, ctx: &Context<'a>) -> Element<'a, Message> {
    let ctx = *ctx;
    let title_size = ctx.size.action;
    let body = responsive(move |available| {
        let lines = [
            "certificate-privacy-name",
            "certificate-privacy-number",
            "certificate-privacy-pin",
            "certificate-privacy-not",
        ]
        .into_iter()
        .map(|id| layout::body(&ctx, format!("• {}", ctx.tr(id))))
        .collect();
        let agree = layout::primary(
            state,
            &ctx,
            ctx.tr("certificate-privacy-agree"),
            Message::Continue,
        );
        let notice: Element<'a, Message> = if landscape(available) && ctx.size.is_large() {
            // Closer lines, so that the larger words keep to a landscape screen's height.
            iced::widget::container(Column::with_children(lines).spacing(8).width(Length::Fill))
                .padding(16)
                .width(Length::Fill)
                .style(crate::theme::card)
                .into()
        } else {
            layout::card(lines)
        };
        if landscape(available) {
            // Larger words need more of the width to keep to the height.
            let notice_share = if ctx.size.is_large() { 3 } else { 2 };
            iced::widget::row![
                iced::widget::container(notice).width(Length::FillPortion(notice_share)),
                iced::widget::container(agree).width(Length::FillPortion(1)),
            ]
            .spacing(space::BETWEEN_TARGETS)
            .into()
        } else {
            Column::new()
                .push(notice)
                .push(agree)
                .spacing(space::PAGE)
                .into()
        }
    });
    layout::frame(
        state,
        &ctx,
        ctx.tr("certificate-privacy-title"),
        title_size,
        body.into(),
    )
}
