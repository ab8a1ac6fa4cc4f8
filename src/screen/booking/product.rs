//! Step 1: what the appointment is for. The products of this location, their names in the
//! resident's language and how long they take; four a page.

use iced::Element;

use crate::context::Context;
use crate::theme::size;

use super::layout::{self, landscape};
use super::{Message, State, words};

pub const PER_PAGE: usize = 4;
const HEIGHT: f32 = 120.0;

pub fn targets(state: &State) -> Vec<Message> {
    let products = state.products();
    let pages = layout::pages(products.len(), PER_PAGE);
    let page = state.page.min(pages - 1);
    let mut targets: Vec<Message> = layout::page_of(&products, page, PER_PAGE)
        .iter()
        .map(|p| Message::ChooseProduct(p.id.clone()))
        .collect();
    targets.extend(layout::pager_targets(page, pages));
    targets
}

pub fn view<'a>(state: &'a State, ctx: &Context<'a>) -> Element<'a, Message> {
    let ctx_copy = *ctx;
    let pages = layout::pages(state.products().len(), PER_PAGE);
    let page = state.page.min(pages - 1);
    let cells = move || {
        let products = state.products();
        layout::page_of(&products, page, PER_PAGE)
            .iter()
            .map(|p| {
                layout::choice(
                    state,
                    &ctx_copy,
                    vec![
                        words::localized(&p.name, ctx_copy.language).to_owned(),
                        words::minutes(&ctx_copy, p.duration_for(1)),
                    ],
                    Message::ChooseProduct(p.id.clone()),
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
        |size| if landscape(size) { 2 } else { 1 },
        pages,
    );
    layout::frame(
        state,
        ctx,
        ctx.tr("booking-product-title"),
        size::TITLE,
        body,
    )
}
