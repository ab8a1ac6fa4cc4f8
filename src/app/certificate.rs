//! The root's part of the certificate flow: opening it, routing its messages and the card
//! reader's events, keeping the issued document for printing, and dropping everything about the
//! resident when the card comes out.

use std::sync::Arc;

use iced::Task;
use kiosk_api::CertificateDocument;

use super::{Kiosk, Message};
use crate::card_reader::ReaderState;
use crate::effects::{self, certificate::Issued};
use crate::screen::{Screen, Service, certificate, unavailable};

/// The document the backend issued in this session, kept until it is printed or the session
/// ends. `Debug` shows only its number: the rest is about the resident.
#[derive(Clone)]
pub struct HeldDocument(pub Arc<CertificateDocument>);

impl std::fmt::Debug for HeldDocument {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_tuple("HeldDocument")
            .field(&self.0.document_number)
            .finish()
    }
}

/// A card taken in or out with the demo card's buttons.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DemoCardMove {
    Insert,
    Remove,
}

/// Answers from the card, the backend and the printer: never taps.
pub fn is_result(message: &certificate::Message) -> bool {
    matches!(
        message,
        certificate::Message::CardInserted
            | certificate::Message::CardRemoved
            | certificate::Message::CardRead(_)
            | certificate::Message::PinResult(_)
            | certificate::Message::Answer(_)
            | certificate::Message::Printed(_)
    )
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
            certificate::State::new(types, self.card_state.pin_pad, self.session.language);
        let now = self.clock.now();
        // A card left in the reader counts as inserted: the flow skips "insert your card".
        if self.card_state.card {
            let _ = flow.update(certificate::Message::CardInserted, &now);
        }
        Screen::Certificate(Box::new(flow))
    }

    pub(super) fn certificate(&mut self, message: certificate::Message) -> Task<Message> {
        let now = self.clock.now();
        let Screen::Certificate(flow) = &mut self.session.screen else {
            return Task::none();
        };
        let before = flow.step();
        let action = flow.update(message, &now);
        if flow.step() != before {
            self.screen_changed();
        }
        self.run_certificate(action)
    }

    /// The backend's answer: the document stays with the root (for printing), the flow gets
    /// the preview.
    pub(super) fn certificate_issued(
        &mut self,
        result: Result<Issued, certificate::Failure>,
    ) -> Task<Message> {
        if !matches!(self.session.screen, Screen::Certificate(_)) {
            // The resident left (card out, idle): the answer is dropped with everything else.
            return Task::none();
        }
        let answer = result.map(|issued| {
            self.session.document = issued.document.map(HeldDocument);
            issued.preview
        });
        self.certificate(certificate::Message::Answer(answer))
    }

    pub(super) fn run_certificate(&mut self, action: certificate::Action) -> Task<Message> {
        match action {
            certificate::Action::Done => self.end_session(),
            action => {
                let context = effects::certificate::CertificateContext {
                    card: self.services.card.clone(),
                    today: self.clock.now().date(),
                    destination: self.config.document_printer.destination(),
                    document: self.session.document.as_ref().map(|d| Arc::clone(&d.0)),
                    i18n: Arc::clone(&self.i18n),
                };
                effects::certificate::run(action, &self.effects(), context)
            }
        }
    }

    /// The reader reported: a card in or out reaches the flow; a card out ends the card session
    /// and drops the issued document at once, whatever screen is showing.
    pub(super) fn card_reader_changed(&mut self, state: ReaderState) -> Task<Message> {
        let before = std::mem::replace(&mut self.card_state, state);
        if before.reader != state.reader || before.pin_pad != state.pin_pad {
            tracing::info!(
                reader = state.reader,
                pin_pad = state.pin_pad,
                "card reader"
            );
        }
        match (before.card, state.card) {
            (false, true) => self.certificate(certificate::Message::CardInserted),
            (true, false) => {
                self.session.document = None;
                let ended = self.end_card_session();
                Task::batch([ended, self.certificate(certificate::Message::CardRemoved)])
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
        // In the flow, and wherever the demo card was left in: it can always be taken out.
        if !matches!(self.session.screen, Screen::Certificate(_)) && !self.card_state.card {
            return None;
        }
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
            Some(Message::DemoCard(change)),
            false,
        ))
        .width(Length::FillPortion(2));
        Some(
            container(
                row![
                    text(label)
                        .size(crate::theme::size::HINT)
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
