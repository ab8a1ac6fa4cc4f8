//! The root's part of the certificate flow: opening it, the card reader's events (a card out
//! ends the card session and, through the flow, drops everything about the resident), and the
//! DEMO band.

use iced::Task;

use super::{Kiosk, Message, Reply, Tap};
use crate::card_reader::ReaderState;
use crate::screen::flow::Flow as _;
use crate::screen::{Screen, Service, certificate, unavailable};

/// A card taken in or out with the demo card's buttons.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DemoCardMove {
    Insert,
    Remove,
}

impl Kiosk {
    /// The certificate flow, or a screen that says certificates are not possible here now (no
    /// card reader configured or attached, or no certificate types in the catalogue yet).
    pub(super) fn certificate_screen(&self) -> Screen {
        let types = self
            .catalogue
            .as_ref()
            .map(|c| c.certificate_types.clone())
            .unwrap_or_default();
        if self.services.card.is_none() || !self.card_state.reader || types.is_empty() {
            return Screen::Unavailable(unavailable::State::new(Service::Certificate));
        }
        let mut flow =
            certificate::State::new(types, self.card_state.pin_pad, self.session.language)
                .with_large_text(self.session.large_text);
        // A card left in the reader counts as inserted: the flow skips "insert your card".
        if self.card_state.card {
            let _ = flow.reply(certificate::Reply::CardInserted, &self.now);
        }
        Screen::Certificate(Box::new(flow))
    }

    fn certificate_reply(&mut self, reply: certificate::Reply) -> Task<Message> {
        self.reply(Reply::Certificate(reply))
    }

    /// The reader reported: a card in or out reaches the flow; a card out ends the card session
    /// and drops the issued document at once, whatever screen is showing.
    pub(super) fn card_reader_changed(&mut self, state: ReaderState) -> Task<Message> {
        let before = std::mem::replace(&mut self.card_state, state);
        if let Some(devices) = &self.services.devices {
            devices.card_reader_changed(state.reader);
        }
        if before.reader != state.reader || before.pin_pad != state.pin_pad {
            tracing::info!(
                reader = state.reader,
                pin_pad = state.pin_pad,
                "card reader"
            );
        }
        match (before.card, state.card) {
            (false, true) => self.certificate_reply(certificate::Reply::CardInserted),
            (true, false) => {
                // The flow drops the resident's names, PIN and issued document with it.
                let ended = self.end_card_session();
                Task::batch([
                    ended,
                    self.certificate_reply(certificate::Reply::CardRemoved),
                ])
            }
            _ => Task::none(),
        }
    }

    /// Ends the card session (a verified PIN with it) on a task: dropping a PC/SC connection
    /// talks to pcscd, which `update` must not wait for.
    pub(super) fn end_card_session(&self) -> Task<Message> {
        match self.services.card.clone() {
            Some(card) => {
                Task::perform(async move { card.end_session().await }, |()| Message::None)
            }
            None => Task::none(),
        }
    }

    /// How the card reader is, for the staff screen.
    pub(super) fn card_reader_status_id(&self) -> &'static str {
        match &self.services.card {
            None => "staff-card-none",
            Some(card) if card.demo().is_some() => "staff-card-demo",
            Some(_) if !self.card_state.reader => "staff-card-missing",
            Some(_) if self.card_state.pin_pad => "staff-card-ready-pin-pad",
            Some(_) => "staff-card-ready",
        }
    }

    /// The demo card goes in or out. Its new state is taken at once rather than waiting for
    /// the subscription (which then finds nothing changed), so the kiosk reacts in the same
    /// update, as the UI tests expect.
    pub(super) fn demo_card(&mut self, change: DemoCardMove) -> Task<Message> {
        let Some(card) = self.services.card.clone() else {
            return Task::none();
        };
        let Some(demo) = card.demo() else {
            return Task::none();
        };
        match change {
            DemoCardMove::Insert => demo.insert(),
            DemoCardMove::Remove => demo.remove(),
        }
        let state = *card.state().borrow();
        self.card_reader_changed(state)
    }
}

impl Kiosk {
    /// With the demo card, while a resident is in the certificate flow or the card is in: a DEMO
    /// band with the card's PIN and a button that puts the card in or takes it out, as a hand
    /// would.
    pub(super) fn demo_card_bar<'a>(
        &'a self,
        ctx: &crate::context::Context<'a>,
    ) -> Option<iced::Element<'a, Message>> {
        use iced::widget::{container, row, text};
        use iced::{Alignment, Length};

        let demo = self.services.card.as_ref()?.demo()?;
        // Where the card goes in, its PIN is typed or it is taken out, and wherever it was
        // left in. Not on the screens between (the notice, the preview, waiting): with larger
        // text in landscape they need the band's height.
        let wanted = match &self.session.screen {
            Screen::Certificate(flow) => {
                use crate::screen::certificate::Step;
                use crate::screen::flow::Flow as _;
                matches!(
                    flow.step(),
                    Step::InsertCard | Step::Pin | Step::TakeCard | Step::Problem | Step::Ended
                )
            }
            _ => self.card_state.card,
        };
        if !wanted {
            return None;
        }
        // A help for trying the kiosk out, drawn as the chrome is: at the standard sizes.
        let ctx = &crate::context::Context {
            size: crate::theme::TextSizes::STANDARD,
            ..*ctx
        };
        let mut args = kiosk_core::i18n::FluentArgs::new();
        args.set("pin", demo.pin().to_owned());
        let label = ctx
            .i18n
            .format(ctx.language, "certificate-demo-label", Some(&args));
        let (button_label, change) = if self.card_state.card {
            ("certificate-demo-remove", DemoCardMove::Remove)
        } else {
            ("certificate-demo-insert", DemoCardMove::Insert)
        };
        let button = container(crate::widget::buttons::secondary(
            ctx,
            ctx.tr(button_label),
            Some(Message::Tap(Tap::DemoCard(change))),
            false,
        ))
        .width(Length::FillPortion(2));
        Some(
            container(
                row![
                    text(label)
                        .size(ctx.size.hint)
                        .font(crate::theme::BOLD)
                        .width(Length::FillPortion(3)),
                    button
                ]
                .spacing(16)
                .align_y(Alignment::Center),
            )
            .padding([8, 24])
            .width(Length::Fill)
            .style(crate::theme::warning)
            .into(),
        )
    }
}
