//! One view per screen of the flow, and the targets each offers the keyboard, in the order
//! the views number their focus outlines.

mod card;
pub use card::notice;
pub mod choose;
mod ending;
mod pin;
pub(super) mod preview;
pub(super) mod problem;
mod purpose;

use iced::Element;

use crate::context::Context;

use super::layout;
use super::{Message, State, Step};

pub fn view<'a>(state: &'a State, ctx: &Context<'a>) -> Element<'a, Message> {
    match state.step {
        Step::ChooseType => choose::view(state, ctx),
        Step::Purpose => purpose::view(state, ctx),
        Step::InsertCard => card::insert(state, ctx),
        Step::Privacy => card::privacy(state, ctx),
        Step::ReadingCard => layout::working(state, ctx, "certificate-reading"),
        Step::Pin => pin::view(state, ctx),
        Step::CheckingPin => layout::working(state, ctx, "certificate-checking-pin"),
        Step::Requesting => layout::working(state, ctx, "certificate-requesting"),
        Step::Preview | Step::Printing => preview::view(state, ctx),
        Step::TakeCard => ending::take_card(state, ctx),
        Step::Problem => problem::view(state, ctx),
        Step::Ended => ending::ended(state, ctx),
    }
}

pub fn targets(state: &State, ctx: &Context<'_>) -> Vec<Message> {
    match state.step {
        Step::ChooseType => choose::targets(state, ctx.size.is_large()),
        Step::Purpose => purpose::targets(state, ctx),
        Step::Privacy => card::privacy_targets(state, ctx),
        Step::Pin => pin::targets(state, ctx),
        Step::Preview => preview::targets(state, ctx),
        Step::Problem => problem::targets(state),
        Step::Ended => vec![Message::Finish],
        Step::InsertCard
        | Step::ReadingCard
        | Step::CheckingPin
        | Step::Requesting
        | Step::Printing
        | Step::TakeCard => Vec::new(),
    }
}
