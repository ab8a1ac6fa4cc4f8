//! Step 2, only for products that several persons can come for: how many. One big button per
//! number, eight a page.

use iced::Element;

use kiosk_core::i18n::FluentArgs;

use crate::context::Context;
use crate::theme::size;

use super::layout::{self, landscape};
use super::{Message, State, words};

pub const PER_PAGE: usize = 8;
const HEIGHT: f32 = 140.0;

fn numbers(state: &State) -> Vec<u32> {
    (1..=state.max_persons()).collect()
}

pub fn targets(state: &State) -> Vec<Message> {
    let numbers = numbers(state);
    let pages = layout::pages(numbers.len(), PER_PAGE);
    let page = state.page.min(pages - 1);
    let mut targets: Vec<Message> = layout::page_of(&numbers, page, PER_PAGE)
        .iter()
        .map(|n| Message::ChoosePersons(*n))
        .collect();
    targets.extend(layout::pager_targets(page, pages));
    targets
}

pub fn view<'a>(state: &'a State, ctx: &Context<'a>) -> Element<'a, Message> {
    let ctx_copy = *ctx;
    let all = numbers(state);
    let pages = layout::pages(all.len(), PER_PAGE);
    let page = state.page.min(pages - 1);
    let cells = move || {
        let numbers = numbers(state);
        layout::page_of(&numbers, page, PER_PAGE)
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
                    size::BODY,
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
        size::TITLE,
        body,
    )
}
