//! The face every booking screen shares: the question with "Step n of N" beside it, big
//! choices in a grid that pages with large buttons instead of scrolling, and the "one moment"
//! and notice cards.

use iced::widget::{Space, button, column, container, responsive, row, text};
use iced::{Alignment, Element, Length, Size};

use crate::context::Context;
use crate::theme::{self, size, space};
use crate::widget::buttons;

use super::{Message, State, words};

/// The question, "Step n of N" on its right, and the screen's body below.
pub fn frame<'a>(
    state: &State,
    ctx: &Context<'_>,
    title: String,
    body: Element<'a, Message>,
) -> Element<'a, Message> {
    let mut head = row![
        text(title)
            .size(size::TITLE)
            .font(theme::BOLD)
            .width(Length::Fill)
    ]
    .spacing(space::BETWEEN_TARGETS)
    .align_y(Alignment::Center);
    if let Some((n, total)) = state.step_number() {
        head = head.push(text(words::step(ctx, n, total)).size(size::HINT));
    }
    column![head, body]
        .spacing(space::BETWEEN_TARGETS)
        .height(Length::Fill)
        .width(Length::Fill)
        .into()
}

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
    let focused = enabled && state.focused(ctx, &message);
    let mut content = column![].spacing(4).align_x(Alignment::Center);
    for (i, line) in lines.into_iter().enumerate() {
        let line = text(line).align_x(Alignment::Center);
        content = content.push(if i == 0 {
            line.size(first_size).font(theme::BOLD)
        } else {
            line.size(size::HINT)
        });
    }
    let base = button(container(content).center(Length::Fill))
        .padding([8, 16])
        .width(Length::Fill)
        .height(height.max(space::MIN_TARGET));
    if enabled {
        base.on_press(message)
            .style(ctx.palette.primary(focused))
            .into()
    } else {
        base.style(ctx.palette.secondary(false)).into()
    }
}

/// A secondary button (paging, "choose another day"): dark text on white.
pub fn secondary<'a>(
    state: &State,
    ctx: &Context<'_>,
    label: String,
    message: Message,
    enabled: bool,
) -> Element<'a, Message> {
    let focused = enabled && state.focused(ctx, &message);
    let base = buttons::secondary(ctx, label, Some(message), focused);
    if enabled {
        base
    } else {
        // Nothing to page to: an empty place, so that the other button does not move.
        Space::new()
            .width(Length::Fill)
            .height(space::MIN_TARGET)
            .into()
    }
}

/// A primary "do it" button as wide as the body.
pub fn primary<'a>(
    state: &State,
    ctx: &Context<'_>,
    label: String,
    message: Message,
) -> Element<'a, Message> {
    let focused = state.focused(ctx, &message);
    buttons::primary(ctx, label, message, focused)
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
                container(secondary(
                    state,
                    &ctx,
                    ctx.tr("booking-page-previous"),
                    Message::PreviousPage,
                    page > 0,
                ))
                .width(Length::FillPortion(2)),
                text(format!("{} / {}", page + 1, pages))
                    .size(size::BODY)
                    .center()
                    .width(Length::FillPortion(1)),
                container(secondary(
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

/// "One moment, please": shown while the backend answers, so the screen never looks frozen.
pub fn working<'a>(ctx: &Context<'_>, id: &str) -> Element<'a, Message> {
    card(vec![
        text(ctx.tr(id)).size(size::ACTION).font(theme::BOLD).into(),
    ])
}

/// A white card with what happened and, below, what to do now.
pub fn card<'a>(children: Vec<Element<'a, Message>>) -> Element<'a, Message> {
    container(
        iced::widget::Column::with_children(children)
            .spacing(space::BETWEEN_TARGETS)
            .width(Length::Fill),
    )
    .padding(32)
    .width(Length::Fill)
    .style(theme::card)
    .into()
}

/// Whether the space is wider than tall: a landscape screen.
pub fn landscape(size: Size) -> bool {
    size.width > size.height
}
