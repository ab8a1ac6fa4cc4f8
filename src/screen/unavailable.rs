//! A service this kiosk does not offer yet: says so plainly and sends the resident to the desk.
//! It has no buttons of its own; Back and Start again are always there.

use iced::widget::{column, container, text};
use iced::{Element, Length};

use crate::context::Context;
use crate::focus::FocusId;
use crate::screen::Service;
use crate::screen::flow::{Flow, Spoken, Surroundings};
use crate::theme::{self, space};

#[derive(Debug, Clone)]
pub struct State {
    pub service: Service,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Message {}

impl State {
    pub fn new(service: Service) -> Self {
        Self { service }
    }

    pub fn focus_targets(&self) -> Vec<(FocusId, Message)> {
        Vec::new()
    }

    pub fn view<'a>(&'a self, ctx: &Context<'a>) -> Element<'a, Message> {
        column![
            text(ctx.tr(self.service.title_id()))
                .size(ctx.size.title)
                .font(theme::BOLD),
            container(
                column![
                    text(ctx.tr("unavailable-title"))
                        .size(ctx.size.action)
                        .font(theme::BOLD),
                    text(ctx.tr("unavailable-body")).size(ctx.size.body),
                    text(ctx.tr("unavailable-desk"))
                        .size(ctx.size.body)
                        .font(theme::BOLD),
                ]
                .spacing(28)
            )
            .padding(40)
            .width(Length::Fill)
            .style(theme::card),
        ]
        .spacing(space::PAGE)
        .height(Length::Fill)
        .into()
    }
}

impl Flow for State {
    type Message = Message;
    type Reply = std::convert::Infallible;
    type Action = std::convert::Infallible;
    type Step = ();

    fn step(&self) {}

    fn update(&mut self, message: Message, _now: &jiff::ZonedDateTime) -> Self::Action {
        match message {}
    }

    fn reply(&mut self, reply: Self::Reply, _now: &jiff::ZonedDateTime) -> Self::Action {
        match reply {}
    }

    fn focus_targets(&self, _ctx: &Context<'_>) -> Vec<(FocusId, Message)> {
        State::focus_targets(self)
    }

    fn focus_label(&self, _ctx: &Context<'_>, message: &Message) -> String {
        match *message {}
    }

    fn view<'a>(&'a self, ctx: &Context<'a>, _around: &Surroundings<'a>) -> Element<'a, Message> {
        State::view(self, ctx)
    }

    fn spoken(&self, ctx: &Context<'_>, _around: &Surroundings<'_>) -> Spoken {
        Spoken::new(
            [
                self.service.title_id(),
                "unavailable-title",
                "unavailable-body",
                "unavailable-desk",
            ]
            .map(|id| ctx.tr(id)),
        )
    }
}
