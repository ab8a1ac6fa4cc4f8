//! How the flow moves: what each message does on each screen, and Back. Every answer is taken
//! only while it is awaited, so a late or doubled message changes nothing.

use crate::widget::keyboard::{KeyboardMessage, Outcome};

use super::pin_pad::PinKey;
use super::views::preview::document_parts;
use super::{
    Action, CardFailure, CardHolder, CertificatePreview, Delivery, Failure, Message, PinFailure,
    Printing, Problem, Reply, Request, State, Step,
};

/// The longest purpose: a sentence, not a letter.
pub const PURPOSE_MAX: usize = 80;
/// Certificate types a page.
/// Certificate types a page: fewer with larger text, so that a page still fits landscape.
pub fn per_page(large_text: bool) -> usize {
    if large_text { 2 } else { 4 }
}

pub fn update(state: &mut State, message: Message) -> Action {
    let step = state.step;
    match message {
        Message::ChooseType(code) if step == Step::ChooseType => choose(state, code),
        Message::PreviousPage if step == Step::ChooseType => {
            state.page = state.page.saturating_sub(1);
            Action::None
        }
        Message::NextPage if step == Step::ChooseType => {
            state.page = (state.page + 1).min(pages(state, state.large_text).saturating_sub(1));
            Action::None
        }
        Message::Keyboard(key) if step == Step::Purpose => type_purpose(state, key),
        Message::Continue if step == Step::Purpose => purpose_done(state),
        Message::Continue if step == Step::Privacy => read_card(state),
        Message::NextPage if step == Step::Privacy => {
            state.notice_part = 1;
            Action::None
        }
        Message::NextPage if step == Step::Preview => {
            let parts = state
                .preview
                .as_ref()
                .map_or(1, |p| document_parts(p).len());
            state.preview_part = (state.preview_part + 1).min(parts.saturating_sub(1));
            Action::None
        }
        Message::PreviousPage if step == Step::Preview => {
            state.preview_part = state.preview_part.saturating_sub(1);
            Action::None
        }
        Message::Pin(key) if step == Step::Pin && !state.reader_pin_pad => pin_key(state, key),
        Message::TryAgain if step == Step::Pin && state.reader_pin_pad => verify_on_reader(state),
        Message::Print if step == Step::Preview && state.printing == Printing::NotYet => {
            print(state)
        }
        Message::TryAgain if step == Step::Preview && failed_print(state) => print(state),
        Message::Finish if step == Step::Preview && can_leave_preview(state) => {
            state.step = Step::TakeCard;
            Action::None
        }
        Message::TryAgain if step == Step::Problem => try_again(state),
        Message::Finish if step == Step::Problem => {
            if state.card_present {
                state.step = Step::TakeCard;
                Action::None
            } else {
                Action::Done
            }
        }
        Message::Finish if step == Step::Ended => Action::Done,
        // A second tap, or a tap meant for the screen before.
        _ => Action::None,
    }
}

pub fn reply(state: &mut State, reply: Reply) -> Action {
    match reply {
        Reply::CardRemoved => state.card_removed(),
        Reply::CardInserted => card_inserted(state),
        Reply::CardRead(result) if answers(state, Request::ReadCard) => card_read(state, result),
        Reply::PinResult(result) if answers(state, Request::Pin) => pin_result(state, result),
        Reply::Answer(result) if answers(state, Request::Certificate) => answer(state, result),
        Reply::Printed(result) if answers(state, Request::Print) => {
            state.pending = None;
            match result {
                Ok(()) => {
                    state.printing = Printing::Printed;
                    state.step = Step::TakeCard;
                }
                Err(failure) => {
                    state.printing = Printing::Failed(failure);
                    state.step = Step::Preview;
                }
            }
            Action::None
        }
        // An answer no longer awaited.
        _ => Action::None,
    }
}

pub fn back(state: &mut State) -> Option<Action> {
    let previous = match state.step {
        // The document's later parts: back to the part before.
        Step::Preview if state.preview_part > 0 => {
            state.preview_part -= 1;
            return Some(Action::None);
        }
        Step::ChooseType | Step::Preview | Step::TakeCard | Step::Problem | Step::Ended => {
            return None;
        }
        // An answer is on its way: it decides.
        Step::ReadingCard | Step::CheckingPin | Step::Requesting | Step::Printing => {
            return Some(Action::None);
        }
        Step::Pin if state.pending.is_some() => return Some(Action::None),
        // The notice's second part: back to its first.
        Step::Privacy if state.notice_part > 0 => {
            state.notice_part = 0;
            return Some(Action::None);
        }
        Step::Purpose => Step::ChooseType,
        Step::InsertCard | Step::Privacy => before_card(state),
        Step::Pin => {
            // The PIN is never kept; the card stays in, so Continue reads it again.
            state.pin.clear();
            Step::Privacy
        }
    };
    state.step = previous;
    Some(Action::None)
}

pub fn pages(state: &State, large_text: bool) -> usize {
    state.types.len().div_ceil(per_page(large_text)).max(1)
}

fn answers(state: &State, request: Request) -> bool {
    state.pending == Some(request)
}

fn before_card(state: &State) -> Step {
    if state.needs_purpose() {
        Step::Purpose
    } else {
        Step::ChooseType
    }
}

fn card_inserted(state: &mut State) -> Action {
    state.card_present = true;
    if state.step == Step::InsertCard {
        state.step = Step::Privacy;
        state.notice_part = 0;
    }
    Action::None
}

fn choose(state: &mut State, code: String) -> Action {
    if !state.types.iter().any(|t| t.code == code) {
        return Action::None;
    }
    state.chosen = Some(code);
    state.purpose_missing = false;
    if state.needs_purpose() {
        state.step = Step::Purpose;
    } else {
        // A purpose typed for another type is not sent with this one.
        state.purpose.clear();
        to_card(state);
    }
    Action::None
}

/// To the card: straight to the notice when the card is already in.
fn to_card(state: &mut State) {
    state.step = if state.card_present {
        Step::Privacy
    } else {
        Step::InsertCard
    };
    state.notice_part = 0;
}

fn type_purpose(state: &mut State, key: KeyboardMessage) -> Action {
    if matches!(key, KeyboardMessage::Insert(_)) && state.purpose.chars().count() >= PURPOSE_MAX {
        return Action::None;
    }
    let mut keyboard = state.keyboard;
    let outcome = keyboard.update(&mut state.purpose, key);
    state.keyboard = keyboard;
    match outcome {
        Outcome::Done => purpose_done(state),
        Outcome::Editing => {
            state.purpose_missing = false;
            Action::None
        }
    }
}

fn purpose_done(state: &mut State) -> Action {
    if state.purpose.trim().is_empty() {
        state.purpose_missing = true;
    } else {
        to_card(state);
    }
    Action::None
}

fn read_card(state: &mut State) -> Action {
    if state.pending.is_some() {
        return Action::None;
    }
    state.step = Step::ReadingCard;
    state.pending = Some(Request::ReadCard);
    Action::ReadCard
}

fn card_read(state: &mut State, result: Result<CardHolder, CardFailure>) -> Action {
    state.pending = None;
    match result {
        Ok(holder) => {
            state.holder = Some(holder);
            state.wrong_pin = None;
            state.step = Step::Pin;
            if state.reader_pin_pad {
                verify_on_reader(state)
            } else {
                Action::None
            }
        }
        Err(failure) => {
            if failure == CardFailure::NoCard {
                state.card_present = false;
            }
            problem(state, Problem::Card(failure))
        }
    }
}

fn pin_key(state: &mut State, key: PinKey) -> Action {
    match key {
        PinKey::Digit(d) => {
            state.pin.push(d);
            Action::None
        }
        PinKey::Erase => {
            state.pin.pop();
            Action::None
        }
        PinKey::Ok if state.pin.is_complete() && state.pending.is_none() => {
            // The digits leave the state at once: the action owns the only copy.
            let pin = std::mem::take(&mut state.pin);
            state.step = Step::CheckingPin;
            state.pending = Some(Request::Pin);
            Action::VerifyPin { pin }
        }
        PinKey::Ok => Action::None,
    }
}

fn verify_on_reader(state: &mut State) -> Action {
    if state.pending.is_some() {
        return Action::None;
    }
    state.pending = Some(Request::Pin);
    Action::VerifyPinOnReader
}

fn pin_result(state: &mut State, result: Result<(), PinFailure>) -> Action {
    state.pending = None;
    state.pin.clear();
    match result {
        Ok(()) => {
            state.wrong_pin = None;
            request(state)
        }
        Err(PinFailure::Wrong { tries_left }) if tries_left > 0 => {
            state.wrong_pin = Some(tries_left);
            state.step = Step::Pin;
            Action::None
        }
        Err(PinFailure::NotTyped) => {
            // The PIN pad screen offers "Try again", which asks the reader once more.
            state.step = Step::Pin;
            Action::None
        }
        Err(PinFailure::Card(failure)) => {
            if failure == CardFailure::NoCard {
                state.card_present = false;
            }
            problem(state, Problem::Card(failure))
        }
        Err(PinFailure::Wrong { .. } | PinFailure::Blocked) => problem(state, Problem::PinBlocked),
    }
}

fn request(state: &mut State) -> Action {
    let Some(type_code) = state.chosen.clone() else {
        return Action::None;
    };
    if state.pending.is_some() {
        return Action::None;
    }
    let purpose = state
        .needs_purpose()
        .then(|| state.purpose.trim().to_owned());
    state.step = Step::Requesting;
    state.pending = Some(Request::Certificate);
    Action::Request {
        type_code,
        purpose,
        language: state.language,
    }
}

fn answer(state: &mut State, result: Result<CertificatePreview, Failure>) -> Action {
    state.pending = None;
    match result {
        Ok(preview) => {
            state.preview = Some(preview);
            state.preview_part = 0;
            state.printing = Printing::NotYet;
            state.step = Step::Preview;
            Action::None
        }
        Err(failure) => problem(state, Problem::Backend(failure)),
    }
}

fn print(state: &mut State) -> Action {
    let Some(preview) = &state.preview else {
        return Action::None;
    };
    if state.pending.is_some() || preview.delivery != Delivery::Ready {
        return Action::None;
    }
    let document = preview.document.clone();
    state.step = Step::Printing;
    state.pending = Some(Request::Print);
    Action::PrintDocument { document }
}

fn failed_print(state: &State) -> bool {
    matches!(state.printing, Printing::Failed(_))
}

/// A deferred request has nothing to print; a failed print goes to the desk.
fn can_leave_preview(state: &State) -> bool {
    failed_print(state)
        || state
            .preview
            .as_ref()
            .is_some_and(|p| p.delivery != Delivery::Ready)
}

fn problem(state: &mut State, problem: Problem) -> Action {
    state.pending = None;
    state.problem = problem;
    state.step = Step::Problem;
    Action::None
}

/// Whether the problem screen offers "Try again".
pub fn can_try_again(problem: Problem) -> bool {
    matches!(
        problem,
        Problem::Card(CardFailure::NoCard | CardFailure::Unreadable)
            | Problem::Backend(Failure::Offline | Failure::Other)
    )
}

fn try_again(state: &mut State) -> Action {
    match state.problem {
        Problem::Card(CardFailure::NoCard) => {
            to_card(state);
            Action::None
        }
        Problem::Card(CardFailure::Unreadable) => read_card(state),
        Problem::Backend(Failure::Offline | Failure::Other) => request(state),
        _ => Action::None,
    }
}
