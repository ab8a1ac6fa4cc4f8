//! Step 1: what the appointment is for. The products of this location, their names in the
//! resident's language and how long they take; four a page.

use iced::Element;

use crate::context::Context;

use super::layout::{self, landscape};
use super::{Message, State, words};

/// Choices a page: fewer with larger text, so that a page still fits a landscape screen.
pub fn per_page(large_text: bool) -> usize {
    if large_text { 2 } else { 4 }
}
const HEIGHT: f32 = 120.0;

pub fn targets(state: &State, large_text: bool) -> Vec<Message> {
    let a_page = per_page(large_text);
    let products = state.products();
    let pages = layout::pages(products.len(), a_page);
    let page = state.page.min(pages - 1);
    let mut targets: Vec<Message> = layout::page_of(&products, page, a_page)
        .iter()
        .map(|p| Message::ChooseProduct(p.id.clone()))
        .collect();
    targets.extend(layout::pager_targets(page, pages));
    targets
}

pub fn view<'a>(state: &'a State, ctx: &Context<'a>) -> Element<'a, Message> {
    let a_page = per_page(ctx.size.is_large());
    let ctx_copy = *ctx;
    let pages = layout::pages(state.products().len(), a_page);
    let page = state.page.min(pages - 1);
    let cells = move || {
        let products = state.products();
        layout::page_of(&products, page, a_page)
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
                    ctx_copy.size.body,
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
        ctx.size.title,
        body,
    )
}
