//! The day: today and the next four weeks, a week a page. Days the location is closed (a
//! closure, or a weekday without opening hours) and days without a free time are shown, with
//! the word why, and cannot be chosen.

use iced::Element;
use jiff::civil::Date;

use kiosk_api::Weekday;

use crate::context::Context;

use super::layout::{self, landscape};
use super::{DAYS_AHEAD, Message, State, words};

/// Choices a page: fewer with larger text, so that a page still fits a landscape screen.
pub fn per_page(large_text: bool) -> usize {
    if large_text { 4 } else { 7 }
}
const HEIGHT: f32 = 110.0;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Open,
    Closed,
    /// Open, but no free time left for this product and number of persons.
    Full,
    /// Not loaded yet.
    Unknown,
}

pub fn days(state: &State) -> Vec<Date> {
    let mut days = Vec::new();
    let mut day = state.today;
    for _ in 0..DAYS_AHEAD {
        days.push(day);
        match day.tomorrow() {
            Ok(next) => day = next,
            Err(_) => break,
        }
    }
    days
}

pub fn status(state: &State, day: Date) -> Status {
    let Some(location) = state.location() else {
        return Status::Closed;
    };
    let weekday = Weekday::from(day.weekday());
    let opens = location
        .opening_hours
        .iter()
        .any(|period| period.weekday == weekday);
    let closure = location.closures.iter().any(|c| c.date == day);
    if !opens || closure || day < state.today {
        return Status::Closed;
    }
    match state.slots.get(&day) {
        Some(slots) if slots.is_empty() => Status::Full,
        Some(_) => Status::Open,
        None => Status::Unknown,
    }
}

/// The page showing `day`, so that Back returns to the week the resident chose from.
pub fn page_of(state: &State, day: Date) -> usize {
    days(state)
        .iter()
        .position(|d| *d == day)
        .map_or(0, |i| i / per_page(state.large_text))
}

pub fn targets(state: &State, large_text: bool) -> Vec<Message> {
    let a_page = per_page(large_text);
    if state.loading.is_some() {
        return Vec::new();
    }
    let days = days(state);
    let pages = layout::pages(days.len(), a_page);
    let page = state.page.min(pages - 1);
    let mut targets: Vec<Message> = layout::page_of(&days, page, a_page)
        .iter()
        .filter(|d| status(state, **d) == Status::Open)
        .map(|d| Message::ChooseDay(*d))
        .collect();
    targets.extend(layout::pager_targets(page, pages));
    targets
}

pub fn view<'a>(state: &'a State, ctx: &Context<'a>) -> Element<'a, Message> {
    let a_page = per_page(ctx.size.is_large());
    let title = ctx.tr("booking-day-title");
    if state.loading.is_some() {
        return layout::frame(
            state,
            ctx,
            title,
            ctx.size.title,
            layout::working(ctx, "booking-working"),
        );
    }
    let ctx_copy = *ctx;
    let pages = layout::pages(days(state).len(), a_page);
    let page = state.page.min(pages - 1);
    let cells = move || {
        let days = days(state);
        layout::page_of(&days, page, a_page)
            .iter()
            .map(|&day| {
                let status = status(state, day);
                let mut lines = vec![words::long_date(&ctx_copy, day)];
                match status {
                    Status::Closed => lines.push(ctx_copy.tr("booking-day-closed")),
                    Status::Full => lines.push(ctx_copy.tr("booking-day-full")),
                    Status::Open | Status::Unknown => {}
                }
                layout::choice(
                    state,
                    &ctx_copy,
                    lines,
                    Message::ChooseDay(day),
                    status == Status::Open,
                    HEIGHT,
                    ctx_copy.size.hint,
                )
            })
            .collect()
    };
    let body = layout::paged(
        state,
        ctx,
        cells,
        |size| if landscape(size) { 4 } else { 1 },
        pages,
    );
    layout::frame(state, ctx, title, ctx.size.title, body)
}
