//! The staff screen: opened with five taps on the clock and the staff PIN. It shows what IT and
//! the desk need to know at a glance (printer, backend link, outbox) and offers a test ticket,
//! a reprint of the last resident's ticket, a restart of the kiosk and, where the config allows,
//! closing the kiosk program. It ends with the session like any screen, so a staff member who
//! walks away leaves nothing open.

mod reprint;
pub mod restart;
mod view;

use iced::Element;
use jiff::ZonedDateTime;
use std::sync::Arc;

use crate::context::Context;
use crate::focus::FocusId;
use crate::screen::flow::{Flow, Spoken, Surroundings};
use crate::widget::keypad::{self, KeypadMessage};

pub use reprint::{LastTicket, RESIDENT_KINDS, ReprintOutcome, TicketKind};

/// Wrong PINs before the screen locks for the rest of the session.
const ATTEMPTS: u8 = 3;
/// Staff PINs are 4 to 8 digits (the config check says so); more is never a PIN.
const LONGEST_PIN: usize = 8;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Step {
    #[default]
    Pin,
    Panel,
    Locked,
}

#[derive(Clone, PartialEq)]
pub enum Message {
    Key(KeypadMessage),
    TestPrint,
    Reprint,
    Restart,
    CloseKiosk,
}

/// The answers of the printer and the print journal: never taps, so never held back as a
/// ghost tap.
#[derive(Debug, Clone, PartialEq)]
pub enum Reply {
    TestPrinted(Result<(), ()>),
    /// What the journal holds as the last resident ticket, looked up when the panel opens.
    LastTicket(Option<LastTicket>),
    Reprinted(ReprintOutcome),
}

impl std::fmt::Debug for Message {
    /// Never the PIN's digits.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Message::Key(KeypadMessage::Insert(_)) => f.write_str("Key(Insert(..))"),
            Message::Key(key) => f.debug_tuple("Key").field(key).finish(),
            Message::TestPrint => f.write_str("TestPrint"),
            Message::Reprint => f.write_str("Reprint"),
            Message::Restart => f.write_str("Restart"),
            Message::CloseKiosk => f.write_str("CloseKiosk"),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    None,
    /// Look up the last resident ticket in the print journal, for [`Reply::LastTicket`].
    FindLastTicket,
    PrintTestTicket,
    /// Print the last resident ticket again, for [`Reply::Reprinted`].
    ReprintLastTicket,
    /// End the program with [`restart::RESTART_EXIT_CODE`] so the service manager starts it
    /// again.
    Restart,
    CloseKiosk,
}

/// How the latest print from the panel went: one line tells it, the test ticket's or the
/// reprint's, whichever answered last.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Printed {
    Test(Result<(), ()>),
    Reprint(ReprintOutcome),
}

impl Printed {
    fn message_id(self) -> &'static str {
        match self {
            Self::Test(Ok(())) => "staff-test-printed",
            Self::Test(Err(())) => "staff-test-failed",
            Self::Reprint(outcome) => outcome.message_id(),
        }
    }
}

/// How staff get in and out, from the config. The PIN check is the config's own, so the PIN
/// itself never enters the screen's state.
#[derive(Clone)]
pub struct Door {
    pub pin_matches: Arc<dyn Fn(&str) -> bool + Send + Sync>,
    /// Whether the panel offers closing the program.
    pub allow_exit: bool,
}

#[derive(Clone)]
pub struct State {
    door: Door,
    step: Step,
    pin: String,
    wrong: u8,
    printed: Option<Printed>,
    printing: bool,
    /// `None` until the journal answered; then the last resident ticket, if any.
    last_ticket: Option<Option<LastTicket>>,
    reprinting: bool,
}

impl std::fmt::Debug for State {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("staff::State")
            .field("step", &self.step)
            .field("wrong", &self.wrong)
            .finish()
    }
}

impl State {
    pub fn new(door: Door) -> Self {
        Self {
            door,
            step: Step::default(),
            pin: String::new(),
            wrong: 0,
            printed: None,
            printing: false,
            last_ticket: None,
            reprinting: false,
        }
    }

    pub fn allow_exit(&self) -> bool {
        self.door.allow_exit
    }
}

impl Flow for State {
    type Message = Message;
    type Reply = Reply;
    type Action = Action;
    type Step = Step;

    fn step(&self) -> Step {
        self.step
    }

    fn update(&mut self, message: Message, _now: &ZonedDateTime) -> Action {
        let allow_exit = self.door.allow_exit;
        match (self.step, message) {
            (Step::Pin, Message::Key(KeypadMessage::Insert(c))) => {
                if c.is_ascii_digit() && self.pin.len() < LONGEST_PIN {
                    self.pin.push(c);
                }
                Action::None
            }
            (Step::Pin, Message::Key(KeypadMessage::Backspace)) => {
                self.pin.pop();
                Action::None
            }
            (Step::Pin, Message::Key(KeypadMessage::Done)) => {
                let right = (self.door.pin_matches)(&self.pin);
                self.pin.clear();
                if right {
                    tracing::info!("staff screen opened");
                    self.step = Step::Panel;
                    return Action::FindLastTicket;
                }
                self.wrong += 1;
                tracing::warn!(attempt = self.wrong, "wrong staff PIN");
                if self.wrong >= ATTEMPTS {
                    self.step = Step::Locked;
                }
                Action::None
            }
            (Step::Panel, Message::TestPrint) if !self.printing => {
                self.printing = true;
                self.printed
                    .take_if(|printed| matches!(printed, Printed::Test(_)));
                Action::PrintTestTicket
            }
            (Step::Panel, Message::Reprint) if !self.reprinting => {
                self.reprinting = true;
                self.printed
                    .take_if(|printed| matches!(printed, Printed::Reprint(_)));
                Action::ReprintLastTicket
            }
            (Step::Panel, Message::Restart) => {
                tracing::info!("kiosk restarted from the staff screen");
                Action::Restart
            }
            (Step::Panel, Message::CloseKiosk) if allow_exit => {
                tracing::info!("kiosk program closed from the staff screen");
                Action::CloseKiosk
            }
            _ => Action::None,
        }
    }

    fn reply(&mut self, reply: Reply, _now: &ZonedDateTime) -> Action {
        if self.step != Step::Panel {
            return Action::None;
        }
        match reply {
            Reply::TestPrinted(result) => {
                self.printing = false;
                self.printed = Some(Printed::Test(result));
            }
            Reply::LastTicket(last) => self.last_ticket = Some(last),
            Reply::Reprinted(outcome) => {
                self.reprinting = false;
                self.printed = Some(Printed::Reprint(outcome));
                if outcome == ReprintOutcome::Nothing {
                    self.last_ticket = Some(None);
                }
            }
        }
        Action::None
    }

    /// In the order the panel shows its buttons; "Close" only where the panel shows it.
    fn focus_targets(&self, ctx: &Context<'_>) -> Vec<(FocusId, Message)> {
        match self.step {
            Step::Pin => keypad::phone_targets(ctx, 0)
                .into_iter()
                .map(|(id, m)| (id, Message::Key(m)))
                .collect(),
            Step::Panel => {
                let mut targets = vec![
                    (FocusId::Content(view::TEST), Message::TestPrint),
                    (FocusId::Content(view::REPRINT), Message::Reprint),
                    (FocusId::Content(view::RESTART), Message::Restart),
                ];
                if self.door.allow_exit {
                    targets.push((FocusId::Content(view::CLOSE), Message::CloseKiosk));
                }
                targets
            }
            Step::Locked => Vec::new(),
        }
    }

    fn view<'a>(&'a self, ctx: &Context<'a>, around: &Surroundings<'a>) -> Element<'a, Message> {
        self.draw(ctx, around)
    }

    fn spoken(&self, ctx: &Context<'_>, _around: &Surroundings<'_>) -> Spoken {
        Spoken::new([ctx.tr("staff-title")])
    }
}
