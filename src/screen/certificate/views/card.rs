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

/// What the notice says: what is read and why, then what is not kept.
const NOTICE: [&str; 4] = [
    "certificate-privacy-name",
    "certificate-privacy-number",
    "certificate-privacy-pin",
    "certificate-privacy-not",
];

/// In landscape with larger text the notice takes two parts, What we read (name, number)
/// and What we do not keep (PIN, photo): four sentences of larger words are taller than a
/// landscape screen. More leads from the first to the second; Back returns.
fn notice_in_parts(ctx: &Context<'_>) -> bool {
    ctx.landscape && ctx.size.is_large()
}

/// The notice's sentences on screen now, as message ids.
pub fn notice(state: &State, ctx: &Context<'_>) -> &'static [&'static str] {
    match (notice_in_parts(ctx), state.notice_part) {
        (false, _) => &NOTICE,
        (true, 0) => &NOTICE[..2],
        (true, _) => &NOTICE[2..],
    }
}

/// Read on where the notice has more, I agree where it ends.
fn go_on(state: &State, ctx: &Context<'_>) -> (Message, &'static str) {
    if notice_in_parts(ctx) && state.notice_part == 0 {
        (Message::NextPage, "certificate-privacy-more")
    } else {
        (Message::Continue, "certificate-privacy-agree")
    }
}

pub fn privacy_targets(state: &State, ctx: &Context<'_>) -> Vec<Message> {
    vec![go_on(state, ctx).0]
}

/// Read only what is needed, and say so first (the data-protection authority's rule).
pub fn privacy<'a>(state: &'a State, ctx: &Context<'a>) -> Element<'a, Message> {
    let ctx = *ctx;
    let title_size = ctx.size.action;
    let body = responsive(move |available| {
        let lines = notice(state, &ctx)
            .iter()
            .map(|id| layout::body(&ctx, format!("• {}", ctx.tr(id))))
            .collect();
        let (message, label) = go_on(state, &ctx);
        let go_on = layout::primary(state, &ctx, ctx.tr(label), message);
        let notice = layout::card(lines);
        if landscape(available) {
            let mut side = Column::new().push(go_on).spacing(space::BETWEEN_TARGETS);
            if notice_in_parts(&ctx) {
                // Where the resident is in the notice: "1 / 2".
                side = side.push(
                    iced::widget::text(format!("{} / 2", state.notice_part.min(1) + 1))
                        .size(ctx.size.body)
                        .width(Length::Fill)
                        .center(),
                );
            }
            iced::widget::row![
                iced::widget::container(notice).width(Length::FillPortion(2)),
                iced::widget::container(side).width(Length::FillPortion(1)),
            ]
            .spacing(space::BETWEEN_TARGETS)
            .into()
        } else {
            Column::new()
                .push(notice)
                .push(go_on)
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
