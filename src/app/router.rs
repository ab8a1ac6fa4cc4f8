//! One router for every screen. Each screen keeps the [`Flow`] contract; [`Routed`] adds what
//! the root needs to know of it (where it sits in [`Screen`], how its messages are wrapped, how
//! its actions are carried out), and the root moves taps, replies, Back and leaving through
//! the same few generic functions.

use std::marker::PhantomData;

use iced::Task;
use jiff::ZonedDateTime;

use super::{Kiosk, Message, Reply, Tap};
use crate::context::Context;
use crate::effects::Effect;
use crate::focus::FocusId;
use crate::screen::flow::Flow;
use crate::screen::{Screen, booking, certificate, checkin, home, staff, unavailable};

/// A screen as the root routes it.
pub(super) trait Routed: Flow + Sized {
    /// This screen, if it is the one showing.
    fn showing(screen: &mut Screen) -> Option<&mut Self>;
    fn wrap_tap(message: Self::Message) -> Tap;
    fn wrap_reply(reply: Self::Reply) -> Reply;
    /// Carries out an action: most become work for the effects runner; opening a screen or
    /// ending the session changes the root.
    fn carry_out(kiosk: &mut Kiosk, action: Self::Action) -> Task<Message>;
}

/// Evaluates `$body` with `$flow` bound to the screen showing (`&State` of its own type),
/// whatever that type is: one arm a screen, so that every generic routine is written once.
macro_rules! on_screen {
    ($screen:expr, $flow:ident => $body:expr) => {{
        use std::borrow::Borrow as _;
        use $crate::screen::{Screen, booking, certificate, checkin, home, staff, unavailable};
        match $screen {
            Screen::Home(f) => {
                let $flow: &home::State = f.borrow();
                $body
            }
            Screen::Booking(f) => {
                let $flow: &booking::State = f.borrow();
                $body
            }
            Screen::CheckIn(f) => {
                let $flow: &checkin::State = f.borrow();
                $body
            }
            Screen::Certificate(f) => {
                let $flow: &certificate::State = f.borrow();
                $body
            }
            Screen::Staff(f) => {
                let $flow: &staff::State = f.borrow();
                $body
            }
            Screen::Unavailable(f) => {
                let $flow: &unavailable::State = f.borrow();
                $body
            }
        }
    }};
}
pub(super) use on_screen;

impl Kiosk {
    /// Gives the screen showing a tap or a reply, and carries out what it asks. A change of
    /// step is a change of screen for the ghost-tap guard and the focus.
    pub(super) fn route<F: Routed>(
        &mut self,
        input: impl FnOnce(&mut F, &ZonedDateTime) -> F::Action,
    ) -> Task<Message> {
        let now = self.clock.now();
        let Some(flow) = F::showing(&mut self.session.screen) else {
            // Meant for a screen that is gone (the resident left): dropped with it.
            return Task::none();
        };
        let before = flow.step();
        let action = input(flow, &now);
        if flow.step() != before {
            self.screen_changed();
        }
        F::carry_out(self, action)
    }

    /// Back within the screen showing (of type `F`); `None` when the screen itself is to be
    /// left.
    pub(super) fn back_within<F: Routed>(
        &mut self,
        _showing: PhantomData<F>,
    ) -> Option<Task<Message>> {
        let flow = F::showing(&mut self.session.screen)?;
        let before = flow.step();
        let action = flow.back()?;
        if flow.step() != before {
            self.screen_changed();
        }
        Some(F::carry_out(self, action))
    }

    /// What the screen showing (of type `F`) must do when the resident leaves it for good.
    pub(super) fn abandon<F: Routed>(&mut self, _showing: PhantomData<F>) -> Task<Message> {
        match F::showing(&mut self.session.screen).and_then(|flow| flow.abandon()) {
            Some(action) => F::carry_out(self, action),
            None => Task::none(),
        }
    }
}

/// A screen's focus targets as root messages.
pub(super) fn targets<F: Routed>(flow: &F, ctx: &Context<'_>) -> Vec<(FocusId, Message)> {
    flow.focus_targets(ctx)
        .into_iter()
        .map(|(id, message)| (id, Message::Tap(F::wrap_tap(message))))
        .collect()
}

/// Wraps the effect's work in root messages, or ends the session or the program.
fn effect<R: Send + 'static>(
    kiosk: &mut Kiosk,
    effect: Effect<R>,
    reply: fn(R) -> Reply,
) -> Task<Message> {
    match effect {
        Effect::Task(task) => task.map(move |r| Message::Reply(reply(r))),
        Effect::EndSession => kiosk.end_session(),
        Effect::Exit => iced::exit(),
    }
}

impl Routed for home::State {
    fn showing(screen: &mut Screen) -> Option<&mut Self> {
        match screen {
            Screen::Home(home) => Some(home),
            _ => None,
        }
    }
    fn wrap_tap(message: home::Message) -> Tap {
        Tap::Home(message)
    }
    fn wrap_reply(reply: Self::Reply) -> Reply {
        match reply {}
    }
    fn carry_out(kiosk: &mut Kiosk, action: home::Action) -> Task<Message> {
        match action {
            home::Action::Open(service) => kiosk.open(service),
        }
    }
}

impl Routed for booking::State {
    fn showing(screen: &mut Screen) -> Option<&mut Self> {
        match screen {
            Screen::Booking(flow) => Some(flow),
            _ => None,
        }
    }
    fn wrap_tap(message: booking::Message) -> Tap {
        Tap::Booking(message)
    }
    fn wrap_reply(reply: booking::Reply) -> Reply {
        Reply::Booking(reply)
    }
    fn carry_out(kiosk: &mut Kiosk, action: booking::Action) -> Task<Message> {
        let work = kiosk.runner.booking(action, kiosk.session.language);
        effect(kiosk, work, Self::wrap_reply)
    }
}

impl Routed for checkin::State {
    fn showing(screen: &mut Screen) -> Option<&mut Self> {
        match screen {
            Screen::CheckIn(flow) => Some(flow),
            _ => None,
        }
    }
    fn wrap_tap(message: checkin::Message) -> Tap {
        Tap::CheckIn(message)
    }
    fn wrap_reply(reply: checkin::Reply) -> Reply {
        Reply::CheckIn(reply)
    }
    fn carry_out(kiosk: &mut Kiosk, action: checkin::Action) -> Task<Message> {
        let work = kiosk
            .runner
            .check_in(action, kiosk.session.language, kiosk.catalogue.clone());
        effect(kiosk, work, Self::wrap_reply)
    }
}

impl Routed for certificate::State {
    fn showing(screen: &mut Screen) -> Option<&mut Self> {
        match screen {
            Screen::Certificate(flow) => Some(flow),
            _ => None,
        }
    }
    fn wrap_tap(message: certificate::Message) -> Tap {
        Tap::Certificate(message)
    }
    fn wrap_reply(reply: certificate::Reply) -> Reply {
        Reply::Certificate(reply)
    }
    fn carry_out(kiosk: &mut Kiosk, action: certificate::Action) -> Task<Message> {
        let work = kiosk.runner.certificate(action);
        effect(kiosk, work, Self::wrap_reply)
    }
}

impl Routed for staff::State {
    fn showing(screen: &mut Screen) -> Option<&mut Self> {
        match screen {
            Screen::Staff(panel) => Some(panel),
            _ => None,
        }
    }
    fn wrap_tap(message: staff::Message) -> Tap {
        Tap::Staff(message)
    }
    fn wrap_reply(reply: staff::Reply) -> Reply {
        Reply::Staff(reply)
    }
    fn carry_out(kiosk: &mut Kiosk, action: staff::Action) -> Task<Message> {
        let work = kiosk.runner.staff(action, kiosk.session.language);
        effect(kiosk, work, Self::wrap_reply)
    }
}

impl Routed for unavailable::State {
    fn showing(screen: &mut Screen) -> Option<&mut Self> {
        match screen {
            Screen::Unavailable(state) => Some(state),
            _ => None,
        }
    }
    fn wrap_tap(message: unavailable::Message) -> Tap {
        Tap::Unavailable(message)
    }
    fn wrap_reply(reply: Self::Reply) -> Reply {
        match reply {}
    }
    fn carry_out(_kiosk: &mut Kiosk, action: Self::Action) -> Task<Message> {
        match action {}
    }
}

/// The type of the screen showing, without holding on to it: lets the root call a generic
/// routine for whatever screen [`on_screen!`] found, after the borrow of it has ended.
pub(super) fn kind_of<F>(_flow: &F) -> PhantomData<F> {
    PhantomData
}
