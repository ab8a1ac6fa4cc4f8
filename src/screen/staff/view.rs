//! How the staff screen looks: the PIN keypad, then the panel of facts and buttons.

use iced::widget::{Space, column, container, responsive, row, text};
use iced::{Element, Length};

use kiosk_core::i18n::FluentArgs;
use kiosk_core::sync::Link;
use kiosk_speech::SpeechStatus;

use super::{Message, State, Step};
use crate::context::Context;
use crate::focus::FocusId;
use crate::screen::flow::Surroundings;
use crate::theme::{self, size, space};
use crate::widget::{buttons, keypad};

/// The panel's buttons in the order they are shown, as numbered for the keyboard focus.
pub(super) const TEST: u8 = 0;
pub(super) const REPRINT: u8 = 1;
pub(super) const RESTART: u8 = 2;
pub(super) const CLOSE: u8 = 3;
/// "Settings", beside the title: first in reading order.
pub(super) const SETTINGS: u8 = 4;

/// The panel's words, gathered once so that the layout can be chosen for the space it gets.
struct Words {
    facts: Vec<(String, String)>,
    last_ticket: Option<String>,
    /// How the last test ticket or reprint went: only the latest is kept.
    result: Option<String>,
    restart_note: Option<String>,
    allow_exit: bool,
}

impl State {
    /// The PIN pad, the panel, or the locked notice.
    pub(super) fn draw<'a>(
        &'a self,
        ctx: &Context<'a>,
        status: &Surroundings<'_>,
    ) -> Element<'a, Message> {
        let title = || {
            text(ctx.tr("staff-title"))
                .size(size::TITLE)
                .font(theme::BOLD)
        };
        match self.step {
            Step::Pin => {
                let mut args = FluentArgs::new();
                args.set("left", u64::from(self.guard.tries_left()));
                let dots = "•".repeat(self.pin.len());
                let mut pin = column![
                    text(ctx.tr("staff-pin")).size(size::BODY),
                    container(text(dots).size(size::ACTION).font(theme::BOLD))
                        .padding(16)
                        .width(Length::Fill)
                        .style(theme::card),
                ]
                .spacing(space::BETWEEN_TARGETS);
                if self.tried_wrong {
                    pin = pin.push(text(ctx.tr_args("staff-pin-wrong", &args)).size(size::BODY));
                }
                column![title(), pin, keypad::phone(ctx, 0).map(Message::Key)]
                    .spacing(space::PAGE)
                    .height(Length::Fill)
                    .into()
            }
            Step::Locked => column![
                title(),
                text(self.locked_words(ctx, status)).size(size::BODY)
            ]
            .spacing(space::PAGE)
            .height(Length::Fill)
            .into(),
            Step::Panel => panel(*ctx, ctx.tr("staff-title"), self.words(ctx, status)),
            Step::Settings | Step::Edit => self.draw_settings(ctx),
        }
    }

    /// "Too many wrong codes. Try again after 10:42:30." in the kiosk's zone.
    pub(super) fn locked_words(&self, ctx: &Context<'_>, status: &Surroundings<'_>) -> String {
        let zone = status.now.time_zone().clone();
        match self.guard.locked_until {
            Some(until) => {
                let mut args = FluentArgs::new();
                args.set(
                    "time",
                    until
                        .to_zoned_datetime(zone)
                        .strftime("%H:%M:%S")
                        .to_string(),
                );
                ctx.tr_args("staff-locked", &args)
            }
            None => ctx.tr("staff-title"),
        }
    }

    fn words(&self, ctx: &Context<'_>, status: &Surroundings<'_>) -> Words {
        let last_ticket = self.last_ticket.as_ref().map(|last| match last {
            Some(ticket) => {
                let mut args = FluentArgs::new();
                args.set("time", ticket.time_text(status.now));
                ctx.tr_args(ticket.kind.message_id(), &args)
            }
            None => ctx.tr("staff-reprint-none"),
        });
        Words {
            facts: facts(ctx, status),
            last_ticket,
            result: self.printed.map(|printed| ctx.tr(printed.message_id())),
            restart_note: (!status.supervised).then(|| ctx.tr("staff-restart-by-hand")),
            allow_exit: self.allow_exit(),
        }
    }
}

/// What the panel states, label and value, in the order shown.
fn facts(ctx: &Context<'_>, status: &Surroundings<'_>) -> Vec<(String, String)> {
    let (link, outbox) = match status.connection {
        None => (ctx.tr("staff-link-none"), String::from("-")),
        Some(connection) => {
            let link = match &connection.link {
                Link::Starting => ctx.tr("staff-link-starting"),
                Link::Online { .. } => ctx.tr("staff-link-online"),
                Link::Offline { since } => since_text(ctx, "staff-link-offline", since),
                Link::Unauthorized { since } => since_text(ctx, "staff-link-unauthorized", since),
            };
            let mut args = FluentArgs::new();
            args.set("waiting", connection.outbox_depth);
            args.set("refused", connection.rejected_events);
            (link, ctx.tr_args("staff-outbox-value", &args))
        }
    };
    vec![
        (
            ctx.tr("staff-kiosk"),
            format!("{} ({})", status.kiosk_name, env!("CARGO_PKG_VERSION")),
        ),
        (ctx.tr("staff-printer"), ctx.tr(status.printer.message_id())),
        (ctx.tr("staff-card-reader"), ctx.tr(status.card_reader)),
        (ctx.tr("staff-link"), link),
        (ctx.tr("staff-outbox"), outbox),
        (
            ctx.tr("staff-speech"),
            speech_text(ctx, status.speech.as_ref()),
        ),
    ]
}

/// The speech service in words: ready, off, or unavailable (the kiosk works on).
fn speech_text(ctx: &Context<'_>, speech: Option<&SpeechStatus>) -> String {
    match speech {
        None | Some(SpeechStatus::Off) => ctx.tr("staff-speech-off"),
        Some(SpeechStatus::Ready) => ctx.tr("staff-speech-ready"),
        Some(SpeechStatus::Starting) => ctx.tr("staff-speech-starting"),
        // The reason (a socket path, an error) is logged by the speech service: on the panel it
        // would take lines the facts do not have in landscape.
        Some(SpeechStatus::Unavailable { .. }) => ctx.tr("staff-speech-unavailable"),
    }
}

/// Portrait: title, facts, then the buttons. Landscape has 1080 px of height for what portrait
/// spreads over 1920: the facts under the title on the left, the buttons on the right. Either
/// way the buttons stand two by two, and the lines about them follow below the pairs.
fn panel<'a>(ctx: Context<'a>, title: String, words: Words) -> Element<'a, Message> {
    responsive(move |available| {
        let settings = buttons::secondary(
            &ctx,
            ctx.tr("staff-settings"),
            Some(Message::OpenSettings),
            ctx.is_focused(FocusId::Content(SETTINGS)),
        );
        // The title with "Settings" on its right: staff's way to the clerk's settings.
        let title = row![
            text(title.clone())
                .size(size::TITLE)
                .font(theme::BOLD)
                .width(Length::FillPortion(3)),
            container(settings).width(Length::FillPortion(2)),
        ]
        .spacing(space::BETWEEN_TARGETS)
        .align_y(iced::Alignment::Center);
        let facts = column(words.facts.iter().map(|(label, value)| {
            row![
                text(label.clone())
                    .size(size::HINT)
                    .font(theme::BOLD)
                    .width(Length::FillPortion(2)),
                text(value.clone())
                    .size(size::HINT)
                    .width(Length::FillPortion(3)),
            ]
            .spacing(space::BETWEEN_TARGETS)
            .into()
        }))
        // Hint-sized and tight, so that six facts keep their lines under the title and its
        // button in the 540 px landscape leaves, German labels and a two-line printer state
        // included (tests/staff.rs looks for the last one).
        .spacing(4);
        let facts = container(facts)
            .padding([16, 24])
            .width(Length::Fill)
            .style(theme::card);
        let actions = actions(&ctx, &words);
        if available.width > available.height {
            row![
                column![title, facts]
                    .spacing(space::BETWEEN_TARGETS)
                    .width(Length::Fill),
                actions,
            ]
            .spacing(space::PAGE)
            .height(Length::Fill)
            .into()
        } else {
            column![title, facts, actions]
                .spacing(space::PAGE)
                .height(Length::Fill)
                .into()
        }
    })
    .into()
}

/// The four buttons, two by two in focus order, and under them what the reprint would print,
/// how the last print went and, without a service manager, what a restart means.
fn actions<'a>(ctx: &Context<'_>, words: &Words) -> Element<'a, Message> {
    let button = |id: &str, message: Message, index: u8, primary: bool| {
        let focused = ctx.is_focused(FocusId::Content(index));
        buttons::paired(ctx, ctx.tr(id), message, primary, focused)
    };
    let close: Element<'a, Message> = if words.allow_exit {
        button("staff-close", Message::CloseKiosk, CLOSE, false)
    } else {
        Space::new().width(Length::Fill).into()
    };
    let pairs = column![
        row![
            button("staff-test-print", Message::TestPrint, TEST, true),
            button("staff-reprint", Message::Reprint, REPRINT, true),
        ]
        .spacing(space::BETWEEN_TARGETS),
        row![
            button("staff-restart", Message::Restart, RESTART, false),
            close,
        ]
        .spacing(space::BETWEEN_TARGETS),
    ]
    .spacing(space::BETWEEN_TARGETS);
    let notes = [&words.last_ticket, &words.result, &words.restart_note]
        .into_iter()
        .flatten()
        .map(|line| text(line.clone()).size(size::BODY).into());
    column![pairs, column(notes).spacing(8)]
        .spacing(space::BETWEEN_TARGETS)
        .width(Length::Fill)
        .into()
}

fn since_text(ctx: &Context<'_>, id: &str, since: &jiff::ZonedDateTime) -> String {
    let mut args = FluentArgs::new();
    args.set("time", format!("{:02}:{:02}", since.hour(), since.minute()));
    ctx.tr_args(id, &args)
}
