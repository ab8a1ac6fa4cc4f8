//! The two buttons every flow uses, drawn once: the main "do it" button (white on the accent
//! colour) and a second choice (dark on white with a border), each as wide as its place; and
//! the half-wide button of a panel of pairs, in either look, whose words may take two lines.

use iced::widget::{Button, Container, Text, button, container, text};
use iced::{Element, Length};

use crate::context::Context;
use crate::theme::{self, space};

pub fn primary<'a, M: Clone + 'a>(
    ctx: &Context<'_>,
    label: String,
    message: M,
    focused: bool,
) -> Element<'a, M> {
    labelled(label, ctx.size.action)
        .on_press(message)
        .padding([16, 32])
        .height(theme::target_height(
            space::MIN_TARGET + 24.0,
            ctx.size.action,
            16.0,
        ))
        .style(ctx.palette.primary(focused))
        .into()
}

/// `message: None` draws the button without an action (nothing to page to, say).
pub fn secondary<'a, M: Clone + 'a>(
    ctx: &Context<'_>,
    label: String,
    message: Option<M>,
    focused: bool,
) -> Element<'a, M> {
    labelled(label, ctx.size.body)
        .on_press_maybe(message)
        .padding([16, 32])
        .height(theme::target_height(space::MIN_TARGET, ctx.size.body, 16.0))
        .style(ctx.palette.secondary(focused))
        .into()
}

/// A button of a panel that stands its buttons two by two (the staff screen): as wide as half
/// the panel, so its words may take two lines; tall enough for them and never below the touch
/// target. `primary` gives it the look of [`primary`], else of [`secondary`], at body size.
pub fn paired<'a, M: Clone + 'a>(
    ctx: &Context<'_>,
    label: String,
    message: M,
    primary: bool,
    focused: bool,
) -> Element<'a, M> {
    let palette = ctx.palette;
    labelled(label, ctx.size.body)
        .on_press(message)
        .padding([8, 24])
        .height(space::MIN_TARGET + 16.0)
        .style(move |theme, status| {
            if primary {
                palette.primary(focused)(theme, status)
            } else {
                palette.secondary(focused)(theme, status)
            }
        })
        .into()
}

/// The label every button here has: bold, centred, and the button as wide as its place.
fn labelled<'a, M: Clone + 'a>(label: String, text_size: f32) -> Button<'a, M> {
    button(centred(text(label).size(text_size).font(theme::BOLD))).width(Length::Fill)
}

/// Words centred in a box of fixed height. The words keep their own height (centred in the
/// box) rather than taking the box's: words that need more lines than the box holds are then
/// seen to be squeezed (the tests' fit checks), instead of silently taking the box's height.
pub fn centred<'a, M: 'a>(words: Text<'a>) -> Container<'a, M> {
    container(words.center().width(Length::Fill)).center_y(Length::Fill)
}
