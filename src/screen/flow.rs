//! The contract every screen keeps, so that the root routes them all the same way.
//!
//! A screen is a pure state machine. What reaches it comes in two kinds, told apart by type:
//! a [`Flow::Message`] is a tap or a key (and so may be the second tap of a double tap, which
//! the root's ghost-tap guard drops), a [`Flow::Reply`] comes without a finger (an answer to one
//! of the screen's actions, the scanner, the card reader) and is never dropped. Both return the
//! screen's [`Flow::Action`], which the effects runner turns into work. A change of
//! [`Flow::step`] counts as a new screen for the guard and the focus.

use iced::Element;
use jiff::ZonedDateTime;

use kiosk_core::print::PrinterStatus;
use kiosk_core::sync::ConnectionState;

use crate::context::Context;
use crate::focus::FocusId;

/// What a screen may read about the kiosk around it when it draws itself.
pub struct Surroundings<'a> {
    pub now: &'a ZonedDateTime,
    pub kiosk_name: &'a str,
    pub printer: &'a PrinterStatus,
    pub connection: Option<&'a ConnectionState>,
    /// The card reader's state, as a message id.
    pub card_reader: &'static str,
    /// Whether a service manager restarts the kiosk when it exits.
    pub supervised: bool,
    /// The speech service, for the staff screen (`None`: speech not offered).
    pub speech: Option<kiosk_speech::SpeechStatus>,
}

/// What a screen says aloud when it appears (speech mode): its title, what it asks, and the
/// choices it offers, in reading order, in the resident's language.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Spoken {
    pub lines: Vec<String>,
}

impl Spoken {
    pub fn new(lines: impl IntoIterator<Item = String>) -> Self {
        Self {
            lines: lines.into_iter().collect(),
        }
    }
}

pub trait Flow {
    /// Taps and keys. Compared, so that a button knows whether it holds the keyboard focus.
    type Message: Clone + std::fmt::Debug + PartialEq;
    /// Everything that comes without a finger.
    type Reply: std::fmt::Debug;
    /// What the screen asks the effects runner to do.
    type Action;
    /// The question on screen; a change is a new screen.
    type Step: Copy + PartialEq;

    fn step(&self) -> Self::Step;

    fn update(&mut self, message: Self::Message, now: &ZonedDateTime) -> Self::Action;

    fn reply(&mut self, reply: Self::Reply, now: &ZonedDateTime) -> Self::Action;

    /// Back within the screen, keeping what was entered. `None`: leave the screen (the root
    /// goes back to where the resident came from).
    fn back(&mut self) -> Option<Self::Action> {
        None
    }

    /// What must happen when the resident leaves for good (Start again, idle): a hold released.
    fn abandon(&self) -> Option<Self::Action> {
        None
    }

    /// The enabled targets of the screen in reading order, for the keyboard and keypad.
    fn focus_targets(&self, ctx: &Context<'_>) -> Vec<(FocusId, Self::Message)>;

    /// What the button that sends `message` says, read aloud when it takes the focus (speech
    /// mode): the words on it, never a PIN digit.
    fn focus_label(&self, ctx: &Context<'_>, message: &Self::Message) -> String;

    /// Whether the button that sends `message` holds the keyboard focus: the views ask this of
    /// the same list the keyboard walks, so keyboard and touch can never disagree.
    fn is_focused(&self, ctx: &Context<'_>, message: &Self::Message) -> bool {
        let Some(focused) = ctx.focused else {
            return false;
        };
        self.focus_targets(ctx)
            .into_iter()
            .any(|(id, target)| id == focused && &target == message)
    }

    /// What a digit typed on the keypad's number block may stand for on this screen (a key of
    /// its code pad, PIN pad or phone pad). The root sends the one the screen offers as a
    /// target, so a resident who cannot see types a number at once instead of walking to each
    /// key; the screen treats it as the key's tap.
    fn typed(&self, _digit: char) -> Vec<Self::Message> {
        Vec::new()
    }

    /// "Step n of N" when the screen is one step of several: (n, N).
    fn progress(&self) -> Option<(usize, usize)> {
        None
    }

    fn view<'a>(
        &'a self,
        ctx: &Context<'a>,
        around: &Surroundings<'a>,
    ) -> Element<'a, Self::Message>;

    /// What the screen says aloud when it appears: the same sentences it shows.
    fn spoken(&self, ctx: &Context<'_>, around: &Surroundings<'_>) -> Spoken;
}
