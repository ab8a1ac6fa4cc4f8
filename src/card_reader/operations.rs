//! What the certificate flow asks of the card, each on tokio's blocking pool: read who holds
//! it, check the PIN (on the screen's keypad or on the reader's own PIN pad), and sign the
//! backend's challenge together with the signed files the backend checks.

use std::sync::{MutexGuard, PoisonError};

use jiff::civil::Date;
use kiosk_api::{EidEvidence, RawEvidence};
use kiosk_core::devices::eid::{self, BeidCard, CardError, PinOutcome};

use super::{CardReader, Session};
use crate::screen::certificate::{CardFailure, CardHolder, Pin, PinFailure};

impl CardReader {
    /// Starts a new session with the card in the reader and reads the holder's names (for the
    /// greeting), refusing a card that is not valid on `today`.
    pub async fn read_holder(&self, today: Date) -> Result<CardHolder, CardFailure> {
        let reader = self.clone();
        self.blocking(move || {
            let transport = reader.connect().map_err(card_failure)?;
            let mut card = BeidCard::open(transport).map_err(card_failure)?;
            // For the log only (how the card signs is read from its certificate later); cards
            // before applet 1.7 may not answer it, which is no reason to refuse them here.
            match card.applet_version() {
                Ok(version) => tracing::info!(applet = %format!("{version:02X}"), "eID card read"),
                Err(error) => tracing::info!(%error, "eID card's applet version unknown"),
            }
            let identity = card.read_valid_identity(today).map_err(card_failure)?;
            reader.keep(card);
            // The greeting uses the first of the first names, as people are addressed.
            let first_name = identity
                .first_names
                .split_whitespace()
                .next()
                .unwrap_or_default()
                .to_owned();
            Ok(CardHolder {
                first_name,
                surname: identity.surname.clone(),
            })
        })
        .await
        .unwrap_or(Err(CardFailure::Unreadable))
    }

    /// Checks the PIN typed on the screen. The digits go to the card and nowhere else; `pin`
    /// zeroes itself when dropped here.
    pub async fn verify_pin(&self, pin: Pin) -> Result<(), PinFailure> {
        let reader = self.clone();
        self.blocking(move || {
            // The flow only sends 4 to 12 digits, so the card's own check cannot refuse them.
            let card_pin = std::str::from_utf8(pin.ascii_digits())
                .ok()
                .and_then(|typed| eid::Pin::new(typed).ok());
            drop(pin);
            let card_pin = card_pin.ok_or(PinFailure::Card(CardFailure::Unreadable))?;
            reader
                .with_session(|card| card.verify_pin(&card_pin))
                .map_err(PinFailure::Card)
        })
        .await
        .unwrap_or(Err(PinFailure::Card(CardFailure::Unreadable)))
        .and_then(pin_outcome)
    }

    /// Checks the PIN on the reader's own PIN pad: the resident types it there and the kiosk
    /// never sees it.
    pub async fn verify_pin_on_reader(&self) -> Result<(), PinFailure> {
        let reader = self.clone();
        self.blocking(move || {
            reader
                .with_session(super::pcsc_source::verify_pin_on_pad)
                .map_err(PinFailure::Card)
        })
        .await
        .unwrap_or(Err(PinFailure::Card(CardFailure::Unreadable)))
        .and_then(|outcome| outcome.ok_or(PinFailure::NotTyped))
        .and_then(pin_outcome)
    }

    /// Signs `challenge` with the authentication key (the PIN must have been verified in this
    /// session) and gathers the signed files the backend verifies. `EidEvidence` is personal
    /// data: its `Debug` shows nothing.
    pub async fn evidence(&self, challenge: Vec<u8>) -> Result<EidEvidence, CardFailure> {
        let reader = self.clone();
        self.blocking(move || {
            reader.with_session(|card| {
                let signature = card.sign_challenge(&challenge)?;
                let files = card.read_evidence_files()?;
                Ok(RawEvidence {
                    identity: &files.identity,
                    identity_sig: &files.identity_sig,
                    address: &files.address,
                    address_sig: &files.address_sig,
                    rrn_cert: &files.rrn_cert,
                    auth_cert: &files.auth_cert,
                    ca_certs: &[&files.ca_cert],
                    challenge: &challenge,
                    challenge_sig: &signature,
                }
                .encode())
            })
        })
        .await
        .unwrap_or(Err(CardFailure::Unreadable))
    }

    /// Forgets the card session: a verified PIN ends with it (PC/SC resets the card when the
    /// connection is dropped). On the blocking pool, because the reset talks to pcscd and the
    /// session may be busy with the card (a PIN pad waits for the resident): the UI never waits.
    pub async fn end_session(&self) {
        let reader = self.clone();
        self.blocking(move || *reader.session() = None).await;
    }

    /// Runs `operation` on the blocking pool; `None` if it could not run to its end.
    async fn blocking<T: Send + 'static>(
        &self,
        operation: impl FnOnce() -> T + Send + 'static,
    ) -> Option<T> {
        match tokio::task::spawn_blocking(operation).await {
            Ok(outcome) => Some(outcome),
            Err(error) => {
                tracing::error!(%error, "card operation did not finish");
                None
            }
        }
    }

    fn keep(&self, card: Session) {
        *self.session() = Some(card);
    }

    /// The session, also after a panic elsewhere poisoned the lock: a card session holds no
    /// invariant a panic could break, and the next card must still work.
    fn session(&self) -> MutexGuard<'_, Option<Session>> {
        self.session.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Runs `operation` on the current session; no session (the card was never read, or was
    /// taken out since) is "no card".
    fn with_session<T>(
        &self,
        operation: impl FnOnce(&mut Session) -> Result<T, CardError>,
    ) -> Result<T, CardFailure> {
        let mut guard = self.session();
        let Some(card) = guard.as_mut() else {
            return Err(CardFailure::NoCard);
        };
        let outcome = operation(card);
        if let Err(CardError::NoCard | CardError::Removed) = &outcome {
            *guard = None;
        }
        outcome.map_err(card_failure)
    }
}

fn pin_outcome(outcome: PinOutcome) -> Result<(), PinFailure> {
    match outcome {
        PinOutcome::Ok => Ok(()),
        PinOutcome::Wrong { tries_left } => Err(PinFailure::Wrong { tries_left }),
        PinOutcome::Blocked => Err(PinFailure::Blocked),
    }
}

/// What the resident is told about a card the kiosk cannot use; the reason stays in the log,
/// without anything read from the card.
fn card_failure(error: CardError) -> CardFailure {
    tracing::info!(%error, "eID card not usable");
    match error {
        CardError::NoCard | CardError::Removed => CardFailure::NoCard,
        CardError::Expired | CardError::NotYetValid => CardFailure::Expired,
        CardError::ForeignCard => CardFailure::Foreign,
        CardError::Transport(_)
        | CardError::Unreadable { .. }
        | CardError::Malformed { .. }
        | CardError::FileNotFound { .. }
        | CardError::InvalidData(_)
        | CardError::Command(_)
        | CardError::Signing(_)
        | CardError::Challenge(_) => CardFailure::Unreadable,
    }
}
