//! The free times of the chosen day, as "10:30" in the location's zone, twelve a page. Asked
//! afresh each time the screen opens; a day without free times says so and offers another day.

use iced::Element;
use iced::widget::text;

use kiosk_core::i18n::FluentArgs;

use crate::context::Context;
use crate::theme;

use super::layout::{self, landscape};
use super::{Message, Notice, State, words};

/// Choices a page: fewer with larger text, so that a page still fits a landscape screen.
pub fn per_page(large_text: bool) -> usize {
    if large_text { 6 } else { 12 }
}
const HEIGHT: f32 = 96.0;

pub fn targets(state: &State, large_text: bool) -> Vec<Message> {
    let a_page = per_page(large_text);
    if state.loading.is_some() {
        return Vec::new();
    }
    let slots = state.day_slots();
    if slots.is_empty() {
        return vec![Message::ChooseAnotherDay];
    }
    let pages = layout::pages(slots.len(), a_page);
    let page = state.page.min(pages - 1);
    let mut targets: Vec<Message> = layout::page_of(slots, page, a_page)
        .iter()
        .map(|s| Message::ChooseTime(s.clone()))
        .collect();
    targets.extend(layout::pager_targets(page, pages));
    targets
}

/// "What time on Tuesday 1 December?", shown and spoken.
pub fn title(state: &State, ctx: &Context<'_>) -> String {
    let mut args = FluentArgs::new();
    args.set(
        "date",
        state
            .day
            .map(|day| words::long_date(ctx, day))
            .unwrap_or_default(),
    );
    ctx.tr_args("booking-time-title", &args)
}

pub fn view<'a>(state: &'a State, ctx: &Context<'a>) -> Element<'a, Message> {
    let a_page = per_page(ctx.size.is_large());
    let title = title(state, ctx);
    let notice = state.notice.map(|Notice::Taken| {
        layout::card(vec![
            text(ctx.tr("booking-time-taken"))
                .size(ctx.size.body)
                .font(theme::BOLD)
                .into(),
        ])
    });
    let body: Element<'a, Message> = if state.loading.is_some() {
        layout::working(ctx, "booking-working")
    } else if state.day_slots().is_empty() {
        layout::card(vec![
            text(ctx.tr("booking-time-none"))
                .size(ctx.size.action)
                .font(theme::BOLD)
                .into(),
            layout::primary(
                state,
                ctx,
                ctx.tr("booking-another-day"),
                Message::ChooseAnotherDay,
            ),
        ])
    } else {
        let ctx_copy = *ctx;
        let pages = layout::pages(state.day_slots().len(), a_page);
        let page = state.page.min(pages - 1);
        let cells = move || {
            layout::page_of(state.day_slots(), page, a_page)
                .iter()
                .map(|slot| {
                    layout::choice(
                        state,
                        &ctx_copy,
                        vec![words::clock(&slot.start, &state.tz)],
                        Message::ChooseTime(slot.clone()),
                        true,
                        HEIGHT,
                        ctx_copy.size.action,
                    )
                })
                .collect()
        };
        layout::paged(
            state,
            ctx,
            cells,
            |size| if landscape(size) { 6 } else { 3 },
            pages,
        )
    };
    let body = match notice {
        Some(notice) => iced::widget::column![notice, body]
            .spacing(crate::theme::space::BETWEEN_TARGETS)
            .into(),
        None => body,
    };
    layout::frame(state, ctx, title, ctx.size.title, body)
}
