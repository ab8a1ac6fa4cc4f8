//! The staff screen: opened with five taps on the clock and the staff PIN. It shows what IT and
//! the desk need to know at a glance (printer, backend link, outbox) and offers a test ticket
//! and, where the config allows, closing the kiosk program. It ends with the session like any
//! screen, so a staff member who walks away leaves nothing open.

use iced::widget::{column, container, row, text};
use iced::{Element, Length};

use kiosk_core::i18n::FluentArgs;
use kiosk_core::print::PrinterStatus;
use kiosk_core::sync::{ConnectionState, Link};

use crate::context::Context;
use crate::focus::FocusId;
use crate::theme::{self, size, space};
use crate::widget::buttons;
use crate::widget::keypad::{self, KeypadMessage};

/// Wrong PINs before the screen locks for the rest of the session.
const ATTEMPTS: u8 = 3;
/// Staff PINs are 4 to 8 digits (the config check says so); more is never a PIN.
const LONGEST_PIN: usize = 8;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Pin,
    Panel,
    Locked,
}

#[derive(Clone, PartialEq)]
pub enum Message {
    Key(KeypadMessage),
    TestPrint,
    TestPrinted(Result<(), ()>),
    CloseKiosk,
}

impl std::fmt::Debug for Message {
    /// Never the PIN's digits.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Message::Key(KeypadMessage::Insert(_)) => f.write_str("Key(Insert(..))"),
            Message::Key(key) => f.debug_tuple("Key").field(key).finish(),
            Message::TestPrint => f.write_str("TestPrint"),
            Message::TestPrinted(result) => f.debug_tuple("TestPrinted").field(result).finish(),
            Message::CloseKiosk => f.write_str("CloseKiosk"),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    None,
    PrintTestTicket,
    CloseKiosk,
}

/// What the panel shows, gathered by the root.
pub struct Status<'a> {
    pub kiosk_name: &'a str,
    pub printer: &'a PrinterStatus,
    pub connection: Option<&'a ConnectionState>,
    /// The eID card reader: which message id says how it is (`staff-card-*`).
    pub card_reader: &'static str,
    pub allow_exit: bool,
}

#[derive(Clone)]
pub struct State {
    step: Step,
    pin: String,
    wrong: u8,
    test_print: Option<Result<(), ()>>,
    printing: bool,
}

impl std::fmt::Debug for State {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("staff::State")
            .field("step", &self.step)
            .field("wrong", &self.wrong)
            .finish()
    }
}

impl Default for State {
    fn default() -> Self {
        Self {
            step: Step::Pin,
            pin: String::new(),
            wrong: 0,
            test_print: None,
            printing: false,
        }
    }
}

impl State {
    pub fn step(&self) -> Step {
        self.step
    }

    /// `pin_matches` is the config's check, so the PIN itself never enters this state.
    pub fn update(
        &mut self,
        message: Message,
        pin_matches: impl Fn(&str) -> bool,
        allow_exit: bool,
    ) -> Action {
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
                let right = pin_matches(&self.pin);
                self.pin.clear();
                if right {
                    tracing::info!("staff screen opened");
                    self.step = Step::Panel;
                } else {
                    self.wrong += 1;
                    tracing::warn!(attempt = self.wrong, "wrong staff PIN");
                    if self.wrong >= ATTEMPTS {
                        self.step = Step::Locked;
                    }
                }
                Action::None
            }
            (Step::Panel, Message::TestPrint) if !self.printing => {
                self.printing = true;
                self.test_print = None;
                Action::PrintTestTicket
            }
            (Step::Panel, Message::TestPrinted(result)) => {
                self.printing = false;
                self.test_print = Some(result);
                Action::None
            }
            (Step::Panel, Message::CloseKiosk) if allow_exit => {
                tracing::info!("kiosk program closed from the staff screen");
                Action::CloseKiosk
            }
            _ => Action::None,
        }
    }

    pub fn focus_targets(&self, ctx: &Context<'_>) -> Vec<(FocusId, Message)> {
        match self.step {
            Step::Pin => keypad::phone_targets(ctx, 0)
                .into_iter()
                .map(|(id, m)| (id, Message::Key(m)))
                .collect(),
            Step::Panel => vec![
                (FocusId::Content(0), Message::TestPrint),
                (FocusId::Content(1), Message::CloseKiosk),
            ],
            Step::Locked => Vec::new(),
        }
    }

    pub fn view<'a>(&'a self, ctx: &Context<'a>, status: &Status<'_>) -> Element<'a, Message> {
        let title = text(ctx.tr("staff-title"))
            .size(size::TITLE)
            .font(theme::BOLD);
        let body: Element<'a, Message> = match self.step {
            Step::Pin => {
                let mut args = FluentArgs::new();
                args.set("left", u64::from(ATTEMPTS - self.wrong));
                let dots = "•".repeat(self.pin.len());
                let mut pin = column![
                    text(ctx.tr("staff-pin")).size(size::BODY),
                    container(text(dots).size(size::ACTION).font(theme::BOLD))
                        .padding(16)
                        .width(Length::Fill)
                        .style(theme::card),
                ]
                .spacing(space::BETWEEN_TARGETS);
                if self.wrong > 0 {
                    pin = pin.push(text(ctx.tr_args("staff-pin-wrong", &args)).size(size::BODY));
                }
                column![pin, keypad::phone(ctx, 0).map(Message::Key)]
                    .spacing(space::PAGE)
                    .into()
            }
            Step::Locked => text(ctx.tr("staff-locked")).size(size::BODY).into(),
            Step::Panel => self.panel(ctx, status),
        };
        column![title, body]
            .spacing(space::PAGE)
            .height(Length::Fill)
            .into()
    }

    fn panel<'a>(&'a self, ctx: &Context<'a>, status: &Status<'_>) -> Element<'a, Message> {
        let line = |label: String, value: String| -> Element<'a, Message> {
            row![
                text(label)
                    .size(size::BODY)
                    .font(theme::BOLD)
                    .width(Length::FillPortion(2)),
                text(value).size(size::BODY).width(Length::FillPortion(3)),
            ]
            .spacing(24)
            .into()
        };
        let printer = ctx.tr(status.printer.message_id());
        let (link, outbox) = match status.connection {
            None => (ctx.tr("staff-link-none"), String::from("-")),
            Some(connection) => {
                let link = match &connection.link {
                    Link::Starting => ctx.tr("staff-link-starting"),
                    Link::Online { .. } => ctx.tr("staff-link-online"),
                    Link::Offline { since } => since_text(ctx, "staff-link-offline", since),
                    Link::Unauthorized { since } => {
                        since_text(ctx, "staff-link-unauthorized", since)
                    }
                };
                let mut args = FluentArgs::new();
                args.set("waiting", connection.outbox_depth);
                args.set("refused", connection.rejected_events);
                (link, ctx.tr_args("staff-outbox-value", &args))
            }
        };
        let mut panel = column![
            line(
                ctx.tr("staff-kiosk"),
                format!("{} ({})", status.kiosk_name, env!("CARGO_PKG_VERSION"))
            ),
            line(ctx.tr("staff-printer"), printer),
            line(ctx.tr("staff-card-reader"), ctx.tr(status.card_reader)),
            line(ctx.tr("staff-link"), link),
            line(ctx.tr("staff-outbox"), outbox),
        ]
        .spacing(16);
        let focused = |i| ctx.is_focused(FocusId::Content(i));
        panel = panel.push(buttons::primary(
            ctx,
            ctx.tr("staff-test-print"),
            Message::TestPrint,
            focused(0),
        ));
        if let Some(result) = self.test_print {
            let id = if result.is_ok() {
                "staff-test-printed"
            } else {
                "staff-test-failed"
            };
            panel = panel.push(text(ctx.tr(id)).size(size::BODY));
        }
        if status.allow_exit {
            panel = panel.push(buttons::secondary(
                ctx,
                ctx.tr("staff-close"),
                Some(Message::CloseKiosk),
                focused(1),
            ));
        }
        container(panel.spacing(space::BETWEEN_TARGETS))
            .padding(32)
            .width(Length::Fill)
            .style(theme::card)
            .into()
    }
}

fn since_text(ctx: &Context<'_>, id: &str, since: &jiff::ZonedDateTime) -> String {
    let mut args = FluentArgs::new();
    args.set("time", format!("{:02}:{:02}", since.hour(), since.minute()));
    ctx.tr_args(id, &args)
}
