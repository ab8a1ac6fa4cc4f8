//! The staff screen: opened with five taps on the clock and the staff PIN. It shows what IT and
//! the desk need to know at a glance (printer, backend link, outbox) and offers a test ticket,
//! a reprint of the last resident's ticket, a restart of the kiosk and, where the config allows,
//! closing the kiosk program. It ends with the session like any screen, so a staff member who
//! walks away leaves nothing open.

mod reprint;
pub mod restart;
pub mod settings;
mod settings_editor;
mod settings_view;
mod settings_words;
mod view;

use iced::Element;
use jiff::ZonedDateTime;
use std::sync::Arc;

use crate::context::Context;
use crate::focus::FocusId;
use crate::screen::flow::{Flow, Spoken, Surroundings};
use crate::widget::keypad::{self, KeypadMessage};
use kiosk_core::staff_pin::PinGuard;

pub use reprint::{LastTicket, RESIDENT_KINDS, ReprintOutcome, TicketKind};
pub use settings::{Input as SettingsInput, OpenedSettings, Refusal};

/// Wrong PINs before the screen locks for the rest of the session.
/// Staff PINs are 4 to 8 digits (the config check says so); more is never a PIN.
const LONGEST_PIN: usize = 8;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Step {
    #[default]
    Pin,
    Panel,
    Locked,
    /// The list of settings staff may change.
    Settings,
    /// One setting in its editor.
    Edit,
}

#[derive(Clone, PartialEq)]
pub enum Message {
    Key(KeypadMessage),
    TestPrint,
    Reprint,
    Restart,
    CloseKiosk,
    OpenSettings,
    Settings(SettingsInput),
    /// "Save and restart".
    SaveSettings,
}

/// The answers of the printer and the print journal: never taps, so never held back as a
/// ghost tap.
#[derive(Debug, Clone, PartialEq)]
pub enum Reply {
    /// The wrong-code count is in its file.
    PinCountKept,
    TestPrinted(Result<(), ()>),
    /// What the journal holds as the last resident ticket, looked up when the panel opens.
    LastTicket(Option<LastTicket>),
    Reprinted(ReprintOutcome),
    /// kiosk.toml read for changes, or why it could not be.
    SettingsOpened(Result<OpenedSettings, Refusal>),
    /// The settings saved (the kiosk restarts), or why they were not: the file is unchanged.
    SettingsSaved(Result<(), Refusal>),
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
            Message::OpenSettings => f.write_str("OpenSettings"),
            Message::Settings(input) => f.debug_tuple("Settings").field(input).finish(),
            Message::SaveSettings => f.write_str("SaveSettings"),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    None,
    /// The right code: keep the cleared count, and look up the last resident ticket in the
    /// print journal, for [`Reply::LastTicket`].
    Opened {
        guard: PinGuard,
    },
    /// A wrong code: keep the count (and the wait it may start), across restarts.
    PinWrong {
        guard: PinGuard,
    },
    PrintTestTicket,
    /// Print the last resident ticket again, for [`Reply::Reprinted`].
    ReprintLastTicket,
    /// End the program with [`restart::RESTART_EXIT_CODE`] so the service manager starts it
    /// again.
    Restart,
    CloseKiosk,
    /// Read kiosk.toml (the file the config came from) for [`Reply::SettingsOpened`].
    OpenSettings,
    /// Check the changed file as `--check-config` and this build would, and only then write
    /// it (with a backup), for [`Reply::SettingsSaved`].
    SaveSettings(OpenedSettings),
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
    /// The wrong codes counted before this opening (and before a restart).
    pub guard: PinGuard,
}

#[derive(Clone)]
pub struct State {
    door: Door,
    step: Step,
    pin: String,
    /// Wrong codes so far, carried over from earlier openings; `door.guard` as it was.
    guard: PinGuard,
    /// This opening has seen a wrong code (the "wrong code" line shows).
    tried_wrong: bool,
    printed: Option<Printed>,
    printing: bool,
    /// `None` until the journal answered; then the last resident ticket, if any.
    last_ticket: Option<Option<LastTicket>>,
    reprinting: bool,
    /// Boxed: the settings pages carry the file and an editor, the rest of the screen little.
    settings: Box<settings::Settings>,
}

impl std::fmt::Debug for State {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("staff::State")
            .field("step", &self.step)
            .field("guard", &self.guard)
            .finish()
    }
}

impl State {
    /// Opened at `now`: still waiting after too many wrong codes, the screen says until when.
    pub fn new(door: Door, now: &ZonedDateTime) -> Self {
        let guard = door.guard;
        let step = if guard.locked_until(now.timestamp()).is_some() {
            Step::Locked
        } else {
            Step::Pin
        };
        Self {
            door,
            step,
            pin: String::new(),
            guard,
            tried_wrong: false,
            printed: None,
            printing: false,
            last_ticket: None,
            reprinting: false,
            settings: Box::default(),
        }
    }

    pub fn allow_exit(&self) -> bool {
        self.door.allow_exit
    }

    /// The wrong codes counted so far.
    pub fn guard(&self) -> PinGuard {
        self.guard
    }
}

impl Flow for State {
    fn typed(&self, digit: char) -> Vec<Message> {
        // The staff code's pad, or a number setting's.
        vec![
            Message::Key(KeypadMessage::Insert(digit)),
            Message::Settings(settings::Input::Digit(KeypadMessage::Insert(digit))),
        ]
    }

    type Message = Message;
    type Reply = Reply;
    type Action = Action;
    type Step = Step;

    /// Editing one setting is its own step (a new screen for focus and the ghost-tap guard),
    /// read from the settings rather than kept beside them.
    fn step(&self) -> Step {
        match self.step {
            Step::Settings if self.settings.editor.is_some() => Step::Edit,
            step => step,
        }
    }

    fn update(&mut self, message: Message, now: &ZonedDateTime) -> Action {
        let allow_exit = self.door.allow_exit;
        // The stored step is never Edit (see `step`).
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
                let at = now.timestamp();
                if self.guard.locked_until(at).is_some() {
                    self.pin.clear();
                    self.step = Step::Locked;
                    return Action::None;
                }
                let right = (self.door.pin_matches)(&self.pin);
                self.pin.clear();
                if right {
                    tracing::info!("staff screen opened");
                    self.guard = self.guard.succeeded();
                    self.step = Step::Panel;
                    return Action::Opened { guard: self.guard };
                }
                self.guard = self.guard.failed(at);
                self.tried_wrong = true;
                tracing::warn!(failures = self.guard.failures, "wrong staff PIN");
                if self.guard.locked_until(at).is_some() {
                    self.step = Step::Locked;
                }
                Action::PinWrong { guard: self.guard }
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
            (Step::Panel, Message::OpenSettings) => {
                *self.settings = settings::Settings::default();
                self.step = Step::Settings;
                Action::OpenSettings
            }
            (Step::Settings, Message::Settings(input)) if !self.settings.saving => {
                self.settings.input(input);
                Action::None
            }
            (Step::Settings, Message::SaveSettings) if !self.settings.saving => {
                match self.settings.opened.clone() {
                    Some(opened) if self.settings.refusal.is_none() => {
                        self.settings.saving = true;
                        Action::SaveSettings(opened)
                    }
                    _ => Action::None,
                }
            }
            _ => Action::None,
        }
    }

    fn back(&mut self) -> Option<Action> {
        match self.step {
            Step::Settings if self.settings.saving => Some(Action::None),
            Step::Settings => {
                if !self.settings.back() {
                    self.step = Step::Panel;
                }
                Some(Action::None)
            }
            _ => None,
        }
    }

    fn reply(&mut self, reply: Reply, _now: &ZonedDateTime) -> Action {
        match reply {
            Reply::SettingsOpened(opened) if self.step == Step::Settings => {
                match opened {
                    Ok(opened) => self.settings.opened = Some(opened),
                    Err(refusal) => self.settings.refusal = Some(refusal),
                }
                return Action::None;
            }
            Reply::SettingsSaved(saved) if self.settings.saving => {
                self.settings.saving = false;
                return match saved {
                    Ok(()) => {
                        tracing::info!("settings saved from the staff screen; restarting");
                        Action::Restart
                    }
                    Err(refusal) => {
                        tracing::warn!(reason = refusal.sentence, "settings refused");
                        self.settings.refusal = Some(refusal);
                        Action::None
                    }
                };
            }
            _ => {}
        }
        if self.step != Step::Panel {
            return Action::None;
        }
        match reply {
            Reply::PinCountKept => {}
            Reply::TestPrinted(result) => {
                self.printing = false;
                self.printed = Some(Printed::Test(result));
            }
            Reply::LastTicket(last) => self.last_ticket = Some(last),
            Reply::SettingsOpened(_) | Reply::SettingsSaved(_) => {}
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
            Step::Settings | Step::Edit => self.settings_targets(ctx),
            Step::Panel => {
                let mut targets = vec![
                    (FocusId::Content(view::SETTINGS), Message::OpenSettings),
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

    fn focus_label(&self, ctx: &Context<'_>, message: &Message) -> String {
        match message {
            Message::Key(key) => crate::widget::key_names::pin_keypad(ctx, key),
            Message::TestPrint => ctx.tr("staff-test-print"),
            Message::Reprint => ctx.tr("staff-reprint"),
            Message::Restart => ctx.tr("staff-restart"),
            Message::CloseKiosk => ctx.tr("staff-close"),
            Message::OpenSettings => ctx.tr("staff-settings"),
            Message::SaveSettings => ctx.tr("staff-settings-save"),
            Message::Settings(input) => settings::input_label(ctx, &self.settings, input),
        }
    }

    fn view<'a>(&'a self, ctx: &Context<'a>, around: &Surroundings<'a>) -> Element<'a, Message> {
        self.draw(ctx, around)
    }

    fn spoken(&self, ctx: &Context<'_>, _around: &Surroundings<'_>) -> Spoken {
        let mut lines = vec![ctx.tr("staff-title")];
        match self.step {
            Step::Pin => {
                lines.push(ctx.tr("staff-pin"));
                // How many digits, never which.
                lines.extend(crate::widget::key_names::pin_progress(ctx, self.pin.len()));
            }
            Step::Locked => lines.push(ctx.tr("staff-locked")),
            Step::Settings | Step::Edit => lines.push(ctx.tr("staff-settings-title")),
            Step::Panel => {}
        }
        Spoken::new(lines)
    }
}
