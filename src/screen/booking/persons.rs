//! Step 2, only for products that several persons can come for: how many. One big button per
//! number, eight a page.

use iced::Element;

use kiosk_core::i18n::FluentArgs;

use crate::context::Context;

use super::layout::{self, landscape};
use super::{Message, State, words};

/// Choices a page: fewer with larger text, so that a page still fits a landscape screen.
pub fn per_page(large_text: bool) -> usize {
    if large_text { 4 } else { 8 }
}
const HEIGHT: f32 = 140.0;

fn numbers(state: &State) -> Vec<u32> {
    (1..=state.max_persons()).collect()
}

pub fn targets(state: &State, large_text: bool) -> Vec<Message> {
    let a_page = per_page(large_text);
    let numbers = numbers(state);
    let pages = layout::pages(numbers.len(), a_page);
    let page = state.page.min(pages - 1);
    let mut targets: Vec<Message> = layout::page_of(&numbers, page, a_page)
        .iter()
        .map(|n| Message::ChoosePersons(*n))
        .collect();
    targets.extend(layout::pager_targets(page, pages));
    targets
}

pub fn view<'a>(state: &'a State, ctx: &Context<'a>) -> Element<'a, Message> {
    let a_page = per_page(ctx.size.is_large());
    let ctx_copy = *ctx;
    let all = numbers(state);
    let pages = layout::pages(all.len(), a_page);
    let page = state.page.min(pages - 1);
    let cells = move || {
        let numbers = numbers(state);
        layout::page_of(&numbers, page, a_page)
            .iter()
            .map(|&n| {
                let mut args = FluentArgs::new();
                args.set("persons", n);
                // The number, and how long the appointment then takes.
                let minutes = state.product().map_or(0, |p| p.duration_for(n));
                layout::choice(
                    state,
                    &ctx_copy,
                    vec![
                        ctx_copy.tr_args("booking-persons-count", &args),
                        words::minutes(&ctx_copy, minutes),
                    ],
                    Message::ChoosePersons(n),
                    true,
                    HEIGHT,
                    ctx_copy.size.body,
                )
            })
            .collect()
    };
    let body = layout::paged(
        state,
        ctx,
        cells,
        |size| if landscape(size) { 4 } else { 2 },
        pages,
    );
    layout::frame(
        state,
        ctx,
        ctx.tr("booking-persons-title"),
        ctx.size.title,
        body,
    )
}
