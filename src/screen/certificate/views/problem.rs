//! What went wrong with the card, the PIN or the request, in plain words with what to do now,
//! and the next step as a button: Try again, or Go to the desk.

use iced::Element;

use crate::context::Context;
use crate::widget::page;

use super::super::flow::can_try_again;
use super::super::{CardFailure, Failure, Message, Problem, State};

pub fn targets(state: &State) -> Vec<Message> {
    if can_try_again(state.problem) {
        vec![Message::TryAgain, Message::Finish]
    } else {
        vec![Message::Finish]
    }
}

/// What went wrong and what to do now, shown and spoken.
pub fn sentence_id(problem: Problem) -> &'static str {
    match problem {
        Problem::Card(CardFailure::NoCard) => "certificate-no-card",
        Problem::Card(CardFailure::Unreadable) => "certificate-unreadable",
        Problem::Card(CardFailure::Expired) => "certificate-expired",
        Problem::Card(CardFailure::Foreign) => "certificate-foreign",
        Problem::PinBlocked => "certificate-pin-blocked",
        Problem::Backend(Failure::Offline) => "certificate-offline",
        Problem::Backend(Failure::NotRegistered) => "certificate-not-registered",
        Problem::Backend(Failure::CardRejected) => "certificate-card-rejected",
        Problem::Backend(Failure::TooManyRequests) => "certificate-too-many",
        Problem::Backend(Failure::KioskBusy) => "certificate-kiosk-busy",
        Problem::Backend(Failure::CardRevoked) => "certificate-revoked",
        Problem::Backend(Failure::CardStatusUnknown) => "certificate-status-unknown",
        Problem::Backend(Failure::Other) => "certificate-other",
    }
}

pub fn view<'a>(state: &'a State, ctx: &Context<'a>) -> Element<'a, Message> {
    let buttons = targets(state)
        .into_iter()
        .map(|message| {
            let label = match message {
                Message::TryAgain => ctx.tr("certificate-try-again"),
                _ => ctx.tr("certificate-go-to-desk"),
            };
            page::primary(state, ctx, label, message)
        })
        .collect();
    page::problem(ctx, ctx.tr(sentence_id(state.problem)), buttons)
}
