//! The start screen: three large actions with pictures, and a fourth, "Take a number", while a
//! service gives numbers without an appointment.

use iced::widget::{column, responsive, row, text};
use iced::{Element, Length};

use crate::context::Context;
use crate::focus::FocusId;
use crate::screen::Service;
use crate::screen::flow::{Flow, Spoken, Surroundings};
use crate::theme::{self, space};
use crate::widget::action_button::{Action as ActionSpec, Shape, action_button};
use crate::widget::picture;

#[derive(Debug, Clone, Default)]
pub struct State {
    /// Whether a walk-in service is open now: the root keeps it current.
    pub walk_in_open: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Message {
    Open(Service),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Open(Service),
}

const ACTIONS: [(Service, &[u8], &str); 4] = [
    (
        Service::Certificate,
        picture::CERTIFICATE,
        "home-certificate-hint",
    ),
    (Service::Booking, picture::CALENDAR, "home-book-hint"),
    (Service::CheckIn, picture::CHECK_IN, "home-checkin-hint"),
    (Service::WalkIn, picture::WALK_IN, "home-walk-in-hint"),
];

impl State {
    /// The actions on offer now, in their order on screen.
    fn actions(&self) -> impl Iterator<Item = &'static (Service, &'static [u8], &'static str)> {
        let walk_in_open = self.walk_in_open;
        ACTIONS
            .iter()
            .filter(move |(service, _, _)| walk_in_open || *service != Service::WalkIn)
    }
}

impl Flow for State {
    type Message = Message;
    type Reply = std::convert::Infallible;
    type Action = Action;
    type Step = ();

    fn step(&self) {}

    fn update(&mut self, message: Message, _now: &jiff::ZonedDateTime) -> Action {
        match message {
            Message::Open(service) => Action::Open(service),
        }
    }

    fn reply(&mut self, reply: Self::Reply, _now: &jiff::ZonedDateTime) -> Action {
        match reply {}
    }

    fn focus_targets(&self, _ctx: &Context<'_>) -> Vec<(FocusId, Message)> {
        self.actions()
            .zip(0u8..)
            .map(|((service, _, _), i)| (FocusId::Content(i), Message::Open(*service)))
            .collect()
    }

    fn focus_label(&self, ctx: &Context<'_>, message: &Message) -> String {
        let Message::Open(service) = message;
        let hint = ACTIONS
            .iter()
            .find(|(s, _, _)| s == service)
            .map(|(_, _, hint)| ctx.tr(hint))
            .unwrap_or_default();
        format!("{}. {hint}", ctx.tr(service.title_id()))
    }

    fn view<'a>(&'a self, ctx: &Context<'a>, _around: &Surroundings<'a>) -> Element<'a, Message> {
        let ctx = *ctx;
        let title = text(ctx.tr("home-question"))
            .size(ctx.size.title)
            .font(theme::BOLD);
        let actions = responsive(move |available| {
            let shape = match (available.width > available.height, ctx.size.is_large()) {
                (true, false) => Shape::Tall,
                (true, true) => Shape::Short,
                (false, _) => Shape::Wide,
            };
            let buttons = self.actions().zip(0u8..).map(|((service, icon, hint), i)| {
                action_button(
                    &ctx,
                    ActionSpec {
                        icon,
                        label: ctx.tr(service.title_id()),
                        hint: ctx.tr(hint),
                        on_press: Message::Open(*service),
                        focus: FocusId::Content(i),
                    },
                    shape,
                )
            });
            match shape {
                Shape::Wide => column(buttons)
                    .spacing(space::BETWEEN_TARGETS * 1.5)
                    .height(Length::Fill)
                    .into(),
                Shape::Tall => row(buttons)
                    .spacing(space::BETWEEN_TARGETS * 1.5)
                    .height(Length::Fill)
                    .into(),
                Shape::Short => {
                    let mut rows = column![]
                        .spacing(space::BETWEEN_TARGETS * 1.5)
                        .height(Length::Fill);
                    let mut buttons = buttons;
                    while let Some(left) = buttons.next() {
                        // An odd last button keeps half the row, as wide as the others.
                        let right = buttons
                            .next()
                            .unwrap_or_else(|| iced::widget::space::horizontal().into());
                        rows = rows.push(
                            row![left, right]
                                .spacing(space::BETWEEN_TARGETS * 1.5)
                                .height(Length::Fill),
                        );
                    }
                    rows.into()
                }
            }
        });
        column![title, actions]
            .spacing(space::PAGE)
            .height(Length::Fill)
            .into()
    }

    fn spoken(&self, ctx: &Context<'_>, _around: &Surroundings<'_>) -> Spoken {
        let question = ctx.tr("home-question");
        Spoken::new(
            std::iter::once(question).chain(
                self.actions()
                    .flat_map(|(service, _, hint)| [ctx.tr(service.title_id()), ctx.tr(hint)]),
            ),
        )
    }
}
