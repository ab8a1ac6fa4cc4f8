//! Step 1: which certificate. Each type's name and what it is for, in the resident's language,
//! four a page with large Previous / More buttons instead of a scroll bar.

use iced::widget::{Space, button, column, container, responsive, row, text};
use iced::{Alignment, Element, Length};

use kiosk_api::CertificateType;

use crate::context::Context;
use crate::screen::flow::Flow as _;
use crate::theme::{self, space};

use super::super::flow::{pages, per_page};
use super::super::layout::{self, landscape};
use super::super::{Message, State, words};

/// Room for a name on two lines and what it is for on one.
const HEIGHT: f32 = 150.0;

fn page_types(state: &State, large_text: bool) -> &[CertificateType] {
    let page = state.page.min(pages(state, large_text) - 1);
    let start = (page * per_page(large_text)).min(state.types.len());
    let end = (start + per_page(large_text)).min(state.types.len());
    state.types.get(start..end).unwrap_or(&[])
}

pub fn targets(state: &State, large_text: bool) -> Vec<Message> {
    let mut targets: Vec<Message> = page_types(state, large_text)
        .iter()
        .map(|t| Message::ChooseType(t.code.clone()))
        .collect();
    let pages = pages(state, large_text);
    let page = state.page.min(pages - 1);
    if page > 0 {
        targets.push(Message::PreviousPage);
    }
    if page + 1 < pages {
        targets.push(Message::NextPage);
    }
    targets
}

fn choice<'a>(state: &State, ctx: &Context<'_>, kind: &CertificateType) -> Element<'a, Message> {
    let message = Message::ChooseType(kind.code.clone());
    let focused = state.is_focused(ctx, &message);
    let mut content = column![
        text(words::localized(&kind.name, ctx.language).to_owned())
            .size(ctx.size.body)
            .font(theme::BOLD)
            .align_x(Alignment::Center)
    ]
    .spacing(4)
    .align_x(Alignment::Center);
    if let Some(about) = words::about(ctx, &kind.code) {
        content = content.push(text(about).size(ctx.size.hint).align_x(Alignment::Center));
    }
    // At least HEIGHT, taller when the words need more lines (larger text): the invisible
    // strut keeps the least height.
    let strut = Space::new().width(0).height(HEIGHT - 16.0);
    button(row![strut, container(content).center_x(Length::Fill)].align_y(Alignment::Center))
        .on_press(message)
        .padding([8, 16])
        .width(Length::Fill)
        .style(ctx.palette.primary(focused))
        .into()
}

pub fn view<'a>(state: &'a State, ctx: &Context<'a>) -> Element<'a, Message> {
    let ctx = *ctx;
    let body = responsive(move |available| {
        let columns = if landscape(available) { 2 } else { 1 };
        let mut grid = column![]
            .spacing(space::BETWEEN_TARGETS)
            .width(Length::Fill);
        for chunk in page_types(state, ctx.size.is_large()).chunks(columns) {
            let mut line = row![].spacing(space::BETWEEN_TARGETS).width(Length::Fill);
            for kind in chunk {
                line = line.push(container(choice(state, &ctx, kind)).width(Length::Fill));
            }
            for _ in chunk.len()..columns {
                line = line.push(Space::new().width(Length::Fill));
            }
            grid = grid.push(line);
        }
        grid.into()
    });
    let mut content = column![body]
        .spacing(space::BETWEEN_TARGETS)
        .height(Length::Fill);
    let pages = pages(state, ctx.size.is_large());
    if pages > 1 {
        let page = state.page.min(pages - 1);
        let pager = |label: &str, message: Message, enabled: bool| {
            crate::widget::page::pager_button(state, &ctx, ctx.tr(label), message, enabled)
        };
        content = content.push(
            row![
                container(pager(
                    "certificate-page-previous",
                    Message::PreviousPage,
                    page > 0
                ))
                .width(Length::FillPortion(2)),
                text(format!("{} / {}", page + 1, pages))
                    .size(ctx.size.body)
                    .center()
                    .width(Length::FillPortion(1)),
                container(pager(
                    "certificate-page-next",
                    Message::NextPage,
                    page + 1 < pages
                ))
                .width(Length::FillPortion(2)),
            ]
            .spacing(space::BETWEEN_TARGETS)
            .align_y(Alignment::Center),
        );
    }
    layout::frame(
        state,
        &ctx,
        ctx.tr("certificate-choose-title"),
        ctx.size.action,
        content.into(),
    )
}
