//! The big buttons of the start screen: a picture, a label and one line that says what it is for.

use iced::widget::{button, column, container, row, text};
use iced::{Alignment, Element, Length};

use crate::context::Context;
use crate::focus::FocusId;
use crate::theme;
use crate::widget::picture;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// Picture left, words right: one button per row (portrait).
    Wide,
    /// Picture above words: buttons side by side (landscape).
    Tall,
    /// A smaller picture left of the label alone, two buttons a row: landscape with larger
    /// text, whose words would not fit under a picture. The hint is still said aloud.
    Short,
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
    let label = text(action.label).size(ctx.size.action).font(theme::BOLD);
    let hint = text(action.hint).size(ctx.size.hint);
    let content: Element<'a, M> = match shape {
        Shape::Wide => row![
            picture::icon(action.icon, 120.0),
            column![label, hint].spacing(8).width(Length::Fill)
        ]
        .spacing(36)
        .align_y(Alignment::Center)
        .into(),
        Shape::Short => row![
            picture::icon(action.icon, 72.0),
            // Body size, two lines at most: "Bescheinigung ausdrucken" beside its picture.
            label.size(ctx.size.body).width(Length::Fill)
        ]
        .spacing(32)
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
    // Larger words take some of the margin inside the button.
    .padding(if ctx.size.is_large() {
        [16, 32]
    } else {
        [28, 40]
    })
    .width(Length::Fill)
    .height(Length::Fill)
    .style(ctx.palette.primary(ctx.is_focused(action.focus)))
    .into()
}
