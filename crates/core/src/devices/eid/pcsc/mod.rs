//! The eID card reader through PC/SC (pcscd on Linux): a connected card as a
//! [`CardTransport`](super::CardTransport), the reader's own PIN pad, and reader and card
//! events.
//!
//! Everything here blocks (pcscd answers over a socket, a PIN pad waits for the resident):
//! call it from `tokio::task::spawn_blocking` or a thread of its own. A session:
//!
//! ```no_run
//! # use kiosk_core::devices::eid::{BeidCard, CardError, PinOutcome, pcsc};
//! # fn session() -> Result<(), CardError> {
//! let mut card = BeidCard::open(pcsc::connect(None)?)?; // ForeignCard for a bank card
//! let identity = card.read_identity()?;
//! if card.transport().pin_pad() {
//!     let _outcome = card.transport_mut().verify_pin_on_pad()?;
//! }
//! # Ok(()) }
//! ```
//!
//! Dropping the card (or [`PcscCard::end`]) resets it, which forgets a verified PIN.
//!
//! Events: [`watch`] runs a [`ReaderWatcher`] on a thread and hands its [`ReaderEvent`]s to
//! async code through [`ReaderWatch::next`]; dropping the `ReaderWatch` stops the thread.
//! Reader names and status words are logged; nothing read from a card is.

mod connection;
mod events;
mod pin_pad;
mod reader;
mod watch;
mod watcher;

use std::sync::Arc;

pub use connection::PcscCard;
pub use events::ReaderEvent;
pub use pin_pad::PadOutcome;
pub use reader::{PcscReader, connect};
pub use watch::{ReaderWatch, watch, watch_with};
pub use watcher::{ReaderWatcher, WatchHandle, WatchTuning};

use super::card::CardError;

/// A PC/SC failure as the card layer sees it: no card, the card pulled out or reset under us
/// (the session on it is over either way), or anything else as a reader failure.
pub(crate) fn card_error(error: ::pcsc::Error) -> CardError {
    match error {
        ::pcsc::Error::NoSmartcard => CardError::NoCard,
        ::pcsc::Error::RemovedCard | ::pcsc::Error::ResetCard => CardError::Removed,
        other => CardError::Transport(Arc::new(other)),
    }
}

/// Whether `error` says that pcscd is not running (or stopped): the kiosk then waits for it
/// rather than calling the card unreadable.
pub fn is_service_missing(error: &CardError) -> bool {
    match error {
        CardError::Transport(source) => matches!(
            source.downcast_ref::<::pcsc::Error>(),
            Some(::pcsc::Error::NoService | ::pcsc::Error::ServiceStopped)
        ),
        _ => false,
    }
}

/// The readers the kiosk uses (see [`reader_matches`]), in pcscd's order; none when pcsc-lite
/// says there are none (it fails with `NoReadersAvailable` instead of listing none).
fn listed_readers(
    context: &::pcsc::Context,
    filter: Option<&str>,
) -> Result<Vec<std::ffi::CString>, ::pcsc::Error> {
    let names = match context.list_readers_owned() {
        Ok(names) => names,
        Err(::pcsc::Error::NoReadersAvailable) => Vec::new(),
        Err(error) => return Err(error),
    };
    Ok(names
        .into_iter()
        .filter(|name| reader_matches(filter, &name.to_string_lossy()))
        .collect())
}

/// Whether the reader `name` is one the kiosk uses: any, or those whose name contains the
/// configured text (ignoring case, since names mix it: "ACS ACR38U", "Gemalto PC Twin").
fn reader_matches(filter: Option<&str>, name: &str) -> bool {
    filter.is_none_or(|filter| name.to_lowercase().contains(&filter.to_lowercase()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pcsc_errors_become_card_errors() {
        assert!(matches!(
            card_error(::pcsc::Error::NoSmartcard),
            CardError::NoCard
        ));
        assert!(matches!(
            card_error(::pcsc::Error::RemovedCard),
            CardError::Removed
        ));
        assert!(matches!(
            card_error(::pcsc::Error::ResetCard),
            CardError::Removed
        ));
        let missing = card_error(::pcsc::Error::NoService);
        assert!(matches!(missing, CardError::Transport(_)));
        assert!(is_service_missing(&missing));
        assert!(!is_service_missing(&card_error(::pcsc::Error::CommError)));
        assert!(!is_service_missing(&CardError::NoCard));
    }

    #[test]
    fn the_filter_is_a_substring_in_any_case() {
        assert!(reader_matches(None, "Virtual PCD 00 00"));
        assert!(reader_matches(Some("virtual pcd"), "Virtual PCD 00 00"));
        assert!(!reader_matches(Some("ACR38"), "Virtual PCD 00 00"));
    }
}
