//! The summary while the chosen time is held: what, when, for whom, how long the hold lasts
//! (counting down with the clock), and the button that books it.

use iced::widget::{column, row, text};
use iced::{Element, Length};
use jiff::ZonedDateTime;

use kiosk_api::Booking;
use kiosk_core::i18n::FluentArgs;

use crate::context::Context;
use crate::theme::{self, space};

use super::layout::{self, landscape};
use super::{Hold, Message, State, words};

/// Seconds until the hold runs out; a hold without an end never does.
pub fn seconds_left(booking: &Booking, now: &ZonedDateTime) -> i64 {
    booking
        .hold_expires_at
        .as_ref()
        .map_or(i64::MAX, |end| end.duration_since(now).as_secs())
}

pub fn targets(state: &State) -> Vec<Message> {
    match state.hold {
        Hold::Held(_) => vec![Message::Confirm],
        _ => Vec::new(),
    }
}

/// "label   value" lines: what the resident checks before booking, shown and spoken.
pub fn detail_lines(state: &State, ctx: &Context<'_>) -> Vec<(String, String)> {
    let mut lines: Vec<(String, String)> = Vec::new();
    if let Some(product) = state.product() {
        lines.push((
            ctx.tr("booking-summary-product"),
            words::localized(&product.name, ctx.language).to_owned(),
        ));
    }
    if state.needs_persons() {
        let mut args = FluentArgs::new();
        args.set("persons", state.persons);
        lines.push((
            ctx.tr("booking-summary-persons"),
            ctx.tr_args("booking-persons-count", &args),
        ));
    }
    if let Some(slot) = &state.slot {
        lines.push((
            ctx.tr("booking-summary-when"),
            words::date_at(ctx, &slot.start, &state.tz),
        ));
    }
    for (label, value) in state.customer.shown(&state.fields()) {
        lines.push((ctx.tr(label), value));
    }
    if let Some(product) = state.product().filter(|p| !p.bring.is_empty()) {
        let items: Vec<&str> = product
            .bring
            .iter()
            .map(|item| words::localized(item, ctx.language))
            .collect();
        lines.push((ctx.tr("booking-summary-bring"), items.join(", ")));
    }
    lines
}

fn details<'a>(state: &'a State, ctx: &Context<'_>) -> Element<'a, Message> {
    let lines = detail_lines(state, ctx);
    let mut list = column![].spacing(12).width(Length::Fill);
    for (label, value) in lines {
        list = list.push(
            row![
                text(label)
                    .size(ctx.size.hint)
                    .width(Length::FillPortion(1)),
                text(value)
                    .size(ctx.size.body)
                    .font(theme::BOLD)
                    .width(Length::FillPortion(3)),
            ]
            .spacing(space::BETWEEN_TARGETS),
        );
    }
    list.into()
}

pub fn view<'a>(state: &'a State, ctx: &Context<'a>, now: &ZonedDateTime) -> Element<'a, Message> {
    let title = ctx.tr("booking-summary-title");
    if !matches!(state.hold, Hold::Held(_) | Hold::Confirming(_)) {
        return layout::frame(
            state,
            ctx,
            title,
            ctx.size.title,
            layout::working(ctx, "booking-holding"),
        );
    }
    let ctx_copy = *ctx;
    let now = now.clone();
    let body = iced::widget::responsive(move |available| {
        let side = side(state, &ctx_copy, &now);
        let details = details(state, &ctx_copy);
        if landscape(available) {
            row![details, side].spacing(space::PAGE).into()
        } else {
            column![details, side].spacing(space::PAGE).into()
        }
    });
    layout::frame(state, ctx, title, ctx.size.title, body.into())
}

/// The time left on the hold and the button: book, or (once the hold ran out) another time.
fn side<'a>(state: &'a State, ctx: &Context<'_>, now: &ZonedDateTime) -> Element<'a, Message> {
    let mut side = column![]
        .spacing(space::BETWEEN_TARGETS)
        .width(Length::Fill);
    let booking = match &state.hold {
        Hold::Held(booking) | Hold::Confirming(booking) => booking,
        _ => return side.into(),
    };
    let left = seconds_left(booking, now);
    if left <= 0 {
        return side
            .push(
                text(ctx.tr("booking-hold-expired"))
                    .size(ctx.size.body)
                    .font(theme::BOLD),
            )
            .push(layout::primary(
                state,
                ctx,
                ctx.tr("booking-another-time"),
                Message::Confirm,
            ))
            .into();
    }
    if booking.hold_expires_at.is_some() {
        let mut args = FluentArgs::new();
        args.set("time", words::countdown(left));
        side = side.push(text(ctx.tr_args("booking-hold-left", &args)).size(ctx.size.body));
    }
    match state.hold {
        Hold::Confirming(_) => side.push(layout::working(ctx, "booking-confirming")),
        _ => side.push(layout::primary(
            state,
            ctx,
            ctx.tr("booking-confirm"),
            Message::Confirm,
        )),
    }
    .into()
}
