//! The building blocks of a flow's page, drawn once for every flow: sentences, a white card, a
//! row of equal buttons and a warning notice.

use iced::widget::{Column, Row, container, row, text};
use iced::{Alignment, Element, Length};

use crate::theme::{self, size, space};
use crate::widget::picture;

/// A sentence in body size.
pub fn body<'a, M: 'a>(label: String) -> Element<'a, M> {
    text(label).size(size::BODY).width(Length::Fill).into()
}

/// A sentence that matters most on its screen: larger and bold.
pub fn strong<'a, M: 'a>(label: String) -> Element<'a, M> {
    text(label)
        .size(size::ACTION)
        .font(theme::BOLD)
        .width(Length::Fill)
        .into()
}

/// Buttons side by side, equally wide.
pub fn side_by_side<'a, M: 'a>(buttons: Vec<Element<'a, M>>) -> Element<'a, M> {
    Row::with_children(buttons)
        .spacing(space::BETWEEN_TARGETS)
        .width(Length::Fill)
        .into()
}

/// A white card holding `children`.
pub fn card<'a, M: 'a>(children: Vec<Element<'a, M>>) -> Element<'a, M> {
    container(
        Column::with_children(children)
            .spacing(space::BETWEEN_TARGETS)
            .width(Length::Fill),
    )
    .padding(32)
    .width(Length::Fill)
    .style(theme::card)
    .into()
}

/// A notice that something does not work: pale amber with a border and a warning sign, so that
/// colour is never the only signal.
pub fn warning<'a, M: 'a>(label: String, text_size: f32) -> Element<'a, M> {
    container(
        row![
            picture::icon(picture::WARNING, 72.0),
            text(label)
                .size(text_size)
                .font(theme::BOLD)
                .width(Length::Fill)
        ]
        .spacing(space::BETWEEN_TARGETS)
        .align_y(Alignment::Center),
    )
    .padding(24)
    .width(Length::Fill)
    .style(theme::warning)
    .into()
}
