//! Finding the reader with the card: a context with pcscd, the readers it knows, and a
//! connection to the first one with a card in it.

use std::ffi::CString;
use std::time::Duration;

use ::pcsc::{Context, ReaderState, Scope, State};

use super::connection::PcscCard;
use super::{card_error, listed_readers};
use crate::devices::eid::card::CardError;

/// A context with pcscd and the readers the kiosk uses (all, or those whose name contains the
/// configured text). Cheap to make: a blocking task may make one per session.
pub struct PcscReader {
    context: Context,
    filter: Option<String>,
}

impl std::fmt::Debug for PcscReader {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PcscReader")
            .field("filter", &self.filter)
            .finish_non_exhaustive()
    }
}

/// Connects to the card in the first reader that has one (among those whose name contains
/// `reader_filter`, ignoring case). [`CardError::NoCard`] when no reader has a card (or there
/// is no reader).
pub fn connect(reader_filter: Option<&str>) -> Result<PcscCard, CardError> {
    PcscReader::establish(reader_filter)?.connect()
}

impl PcscReader {
    /// Reaches pcscd. When it is not running the error is a [`CardError::Transport`] that
    /// [`super::is_service_missing`] recognises.
    pub fn establish(reader_filter: Option<&str>) -> Result<Self, CardError> {
        let context = Context::establish(Scope::User).map_err(|error| {
            tracing::warn!(%error, "cannot reach the PC/SC service (pcscd)");
            card_error(error)
        })?;
        Ok(Self {
            context,
            filter: reader_filter.map(str::to_owned),
        })
    }

    /// Connects to the card in the first reader that has one.
    pub fn connect(&self) -> Result<PcscCard, CardError> {
        let mut states: Vec<ReaderState> = self
            .listed()?
            .into_iter()
            .map(|name| ReaderState::new(name, State::UNAWARE))
            .collect();
        if states.is_empty() {
            return Err(CardError::NoCard);
        }
        // Told nothing (UNAWARE), pcscd answers at once with every reader's state.
        match self.context.get_status_change(Duration::ZERO, &mut states) {
            Ok(()) | Err(::pcsc::Error::Timeout) => {}
            Err(error) => return Err(card_error(error)),
        }
        let with_card = states
            .iter()
            .find(|state| state.event_state().contains(State::PRESENT))
            .ok_or(CardError::NoCard)?;
        PcscCard::connect(&self.context, with_card.name())
    }

    fn listed(&self) -> Result<Vec<CString>, CardError> {
        listed_readers(&self.context, self.filter.as_deref()).map_err(card_error)
    }
}
