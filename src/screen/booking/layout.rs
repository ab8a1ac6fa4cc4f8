//! What the booking pages add to the shared page vocabulary: big choices in a grid that pages
//! with large buttons instead of scrolling.

use iced::widget::{Space, button, column, container, responsive, row, text};
use iced::{Alignment, Element, Length, Size};

use crate::context::Context;
use crate::screen::flow::Flow as _;
use crate::theme::{self, space};
use crate::widget::page;

use super::{Message, State};

pub use crate::widget::page::{card, frame, landscape, one_moment as working, primary};

/// A big choice: white on the accent colour when it can be chosen; a bordered white button
/// saying why (for instance "closed") when not, so colour is never the only signal.
pub fn choice<'a>(
    state: &State,
    ctx: &Context<'_>,
    lines: Vec<String>,
    message: Message,
    enabled: bool,
    height: f32,
    first_size: f32,
) -> Element<'a, Message> {
    let focused = enabled && state.is_focused(ctx, &message);
    let mut content = column![].spacing(4).align_x(Alignment::Center);
    for (i, line) in lines.into_iter().enumerate() {
        let line = text(line).align_x(Alignment::Center);
        content = content.push(if i == 0 {
            line.size(first_size).font(theme::BOLD)
        } else {
            line.size(ctx.size.hint)
        });
    }
    // At least `height` (and a touch target) high, taller when the words need more lines
    // (larger text, a long product name): the invisible strut keeps the least height.
    let strut = Space::new()
        .width(0)
        .height(height.max(space::MIN_TARGET) - 16.0);
    let base =
        button(row![strut, container(content).center_x(Length::Fill)].align_y(Alignment::Center))
            .padding([8, 16])
            .width(Length::Fill);
    if enabled {
        base.on_press(message)
            .style(ctx.palette.primary(focused))
            .into()
    } else {
        base.style(ctx.palette.secondary(false)).into()
    }
}

/// How many pages `count` items make at `per_page` a page (at least one).
pub fn pages(count: usize, per_page: usize) -> usize {
    count.div_ceil(per_page.max(1)).max(1)
}

/// The items of the current page.
pub fn page_of<T>(items: &[T], page: usize, per_page: usize) -> &[T] {
    let start = (page * per_page).min(items.len());
    let end = (start + per_page).min(items.len());
    items.get(start..end).unwrap_or(&[])
}

/// Whether the Previous / More buttons are shown and enabled, as the view draws them.
pub fn pager_targets(page: usize, pages: usize) -> Vec<Message> {
    let mut targets = Vec::new();
    if pages > 1 {
        if page > 0 {
            targets.push(Message::PreviousPage);
        }
        if page + 1 < pages {
            targets.push(Message::NextPage);
        }
    }
    targets
}

/// Cells in a grid with `columns` per row; a short last row keeps the cell widths.
pub fn grid<'a>(
    cells: Vec<Element<'a, Message>>,
    columns: usize,
    gap: f32,
) -> Element<'a, Message> {
    let columns = columns.max(1);
    let mut rows = column![].spacing(gap).width(Length::Fill);
    let mut cells = cells.into_iter().peekable();
    while cells.peek().is_some() {
        let mut line = row![].spacing(gap).width(Length::Fill);
        for _ in 0..columns {
            line = match cells.next() {
                Some(cell) => line.push(container(cell).width(Length::Fill)),
                None => line.push(Space::new().width(Length::Fill)),
            };
        }
        rows = rows.push(line);
    }
    rows.into()
}

/// A paged grid: `columns(size)` decides the columns for the space there is (portrait or
/// landscape); Previous and More sit below, large, and only when there is more than a page.
pub fn paged<'a>(
    state: &'a State,
    ctx: &Context<'a>,
    cells: impl Fn() -> Vec<Element<'a, Message>> + 'a,
    columns: impl Fn(Size) -> usize + 'a,
    pages: usize,
) -> Element<'a, Message> {
    let ctx = *ctx;
    let page = state.page.min(pages.saturating_sub(1));
    let body = responsive(move |size| grid(cells(), columns(size), space::BETWEEN_TARGETS));
    let mut content = column![body]
        .spacing(space::BETWEEN_TARGETS)
        .height(Length::Fill);
    if pages > 1 {
        content = content.push(
            row![
                container(page::pager_button(
                    state,
                    &ctx,
                    ctx.tr("booking-page-previous"),
                    Message::PreviousPage,
                    page > 0,
                ))
                .width(Length::FillPortion(2)),
                text(format!("{} / {}", page + 1, pages))
                    .size(ctx.size.body)
                    .center()
                    .width(Length::FillPortion(1)),
                container(page::pager_button(
                    state,
                    &ctx,
                    ctx.tr("booking-page-next"),
                    Message::NextPage,
                    page + 1 < pages,
                ))
                .width(Length::FillPortion(2)),
            ]
            .spacing(space::BETWEEN_TARGETS)
            .align_y(Alignment::Center),
        );
    }
    content.into()
}
