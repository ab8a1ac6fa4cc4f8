//! The PIN: "Hello <first name>", the keypad and a dot for every digit typed; or, when the
//! reader has its own PIN pad, "type your PIN on the card reader". A wrong PIN says how many
//! tries are left.

use iced::widget::{Column, column, container, responsive, row, text};
use iced::{Alignment, Element, Length};

use crate::context::Context;
use crate::theme::{self, space};

use super::super::layout::{self, landscape};
use super::super::pin_pad;
use super::super::{Message, State, words};

/// A PIN pad as wide as a bank terminal's, not as the screen.
const PAD_WIDTH: f32 = 640.0;

pub fn targets(state: &State, ctx: &Context<'_>) -> Vec<Message> {
    if state.reader_pin_pad {
        if state.pending.is_none() {
            vec![Message::TryAgain]
        } else {
            Vec::new()
        }
    } else {
        pin_pad::focus_targets(ctx, 0)
            .into_iter()
            .map(|(_, key)| Message::Pin(key))
            .collect()
    }
}

fn greeting(state: &State, ctx: &Context<'_>) -> Option<String> {
    let holder = state.holder.as_ref()?;
    Some(words::with(
        ctx,
        "certificate-hello",
        "name",
        &holder.first_name,
    ))
}

fn wrong<'a>(state: &State, ctx: &Context<'_>) -> Option<Element<'a, Message>> {
    let tries = state.wrong_pin?;
    Some(layout::warning(
        words::count(ctx, "certificate-pin-wrong", "tries", tries),
        ctx.size.body,
    ))
}

pub fn view<'a>(state: &'a State, ctx: &Context<'a>) -> Element<'a, Message> {
    if state.reader_pin_pad {
        on_reader(state, ctx)
    } else {
        on_screen(state, ctx)
    }
}

fn on_reader<'a>(state: &'a State, ctx: &Context<'a>) -> Element<'a, Message> {
    let mut lines: Vec<Element<'a, Message>> = Vec::new();
    // With larger text a wrong PIN's warning and Try again take the greeting's room (a
    // landscape screen has no more; speech mode still says it).
    let crowded = ctx.size.is_large() && state.wrong_pin.is_some();
    if let Some(hello) = greeting(state, ctx).filter(|_| !crowded) {
        lines.push(layout::body(ctx, hello));
    }
    lines.push(layout::strong(ctx, ctx.tr("certificate-pin-reader")));
    if let Some(wrong) = wrong(state, ctx) {
        lines.push(wrong);
    }
    if state.pending.is_none() {
        lines.push(layout::primary(
            state,
            ctx,
            ctx.tr("certificate-try-again"),
            Message::TryAgain,
        ));
    }
    let body = Column::with_children(lines)
        .spacing(space::BETWEEN_TARGETS)
        .width(Length::Fill);
    layout::frame(
        state,
        ctx,
        ctx.tr("certificate-pin-title"),
        ctx.size.action,
        body.into(),
    )
}

fn on_screen<'a>(state: &'a State, ctx: &Context<'a>) -> Element<'a, Message> {
    let ctx = *ctx;
    responsive(move |available| {
        let wide = landscape(available);
        let dots = layout::card(vec![
            text(pin_pad::dots(state.pin.len()))
                .size(ctx.size.title)
                .font(theme::BOLD)
                .width(Length::Fill)
                .center()
                .into(),
        ]);
        let pad =
            container(container(pin_pad::view(&ctx, 0).map(Message::Pin)).max_width(PAD_WIDTH))
                .center_x(Length::Fill);
        let mut head = column![]
            .spacing(space::BETWEEN_TARGETS)
            .width(Length::Fill);
        // With larger text in landscape, the step and the greeting leave their room to the
        // question, the dots and a wrong PIN's warning (speech mode still says them).
        let roomy = !(wide && ctx.size.is_large());
        if let Some(step) = layout::step(state, &ctx).filter(|_| roomy) {
            head = head.push(step);
        }
        if let Some(hello) = greeting(state, &ctx).filter(|_| roomy) {
            head = head.push(layout::body(&ctx, hello));
        }
        head = head.push(
            text(ctx.tr("certificate-pin-title"))
                .size(if wide {
                    ctx.size.action
                } else {
                    ctx.size.title
                })
                .font(theme::BOLD)
                .width(Length::Fill),
        );
        if !wide {
            head = head.push(layout::body(&ctx, ctx.tr("certificate-pin-hint")));
        }
        head = head.push(dots).push(wrong(state, &ctx));
        if wide {
            row![
                container(head).width(Length::FillPortion(1)),
                container(pad).width(Length::FillPortion(1)),
            ]
            .spacing(space::PAGE)
            .align_y(Alignment::Start)
            .into()
        } else {
            column![head, pad].spacing(space::PAGE).into()
        }
    })
    .into()
}
