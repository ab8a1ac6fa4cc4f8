//! The big buttons of the start screen: a picture, a label and one line that says what it is for.

use iced::widget::{button, column, container, row, text};
use iced::{Alignment, Element, Length};

use crate::context::Context;
use crate::focus::FocusId;
use crate::theme::{self, size};
use crate::widget::picture;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// Picture left, words right: one button per row (portrait).
    Wide,
    /// Picture above words: buttons side by side (landscape).
    Tall,
}

pub struct Action<M> {
    pub icon: &'static [u8],
    pub label: String,
    pub hint: String,
    pub on_press: M,
    pub focus: FocusId,
}

pub fn action_button<'a, M: Clone + 'a>(
    ctx: &Context<'_>,
    action: Action<M>,
    shape: Shape,
) -> Element<'a, M> {
    let label = text(action.label).size(size::ACTION).font(theme::BOLD);
    let hint = text(action.hint).size(size::HINT);
    let content: Element<'a, M> = match shape {
        Shape::Wide => row![
            picture::icon(action.icon, 120.0),
            column![label, hint].spacing(8).width(Length::Fill)
        ]
        .spacing(36)
        .align_y(Alignment::Center)
        .into(),
        Shape::Tall => column![
            picture::icon(action.icon, 140.0),
            label.align_x(Alignment::Center),
            hint.align_x(Alignment::Center)
        ]
        .spacing(20)
        .align_x(Alignment::Center)
        .width(Length::Fill)
        .into(),
    };
    button(
        container(content)
            .center_y(Length::Fill)
            .width(Length::Fill),
    )
    .on_press(action.on_press)
    .padding([28, 40])
    .width(Length::Fill)
    .height(Length::Fill)
    .style(ctx.palette.primary(ctx.is_focused(action.focus)))
    .into()
}
