//! A real reader through PC/SC: the reader watch (on a thread of its own) folded into one
//! [`ReaderState`], connecting to the card, and the reader's own PIN pad.

use std::collections::BTreeMap;

use kiosk_core::devices::eid::pcsc::{self, PadOutcome, ReaderEvent, ReaderWatcher};
use kiosk_core::devices::eid::{CardError, PinOutcome};
use tokio::sync::watch;

use super::{Connected, ReaderState, Session};

/// What is known of one reader: its PIN pad, and whether a card is in it.
#[derive(Debug, Clone, Copy, Default)]
struct Known {
    pin_pad: bool,
    card: bool,
}

/// Starts watching the readers whose name contains `filter` (any reader without one). The
/// watch runs as long as the kiosk: pcscd going away and coming back is handled inside it.
pub fn watch(filter: Option<String>) -> watch::Receiver<ReaderState> {
    let (sender, receiver) = watch::channel(ReaderState::default());
    let watcher = ReaderWatcher::new(filter);
    let started = std::thread::Builder::new()
        .name("card-readers".into())
        .spawn(move || {
            let mut readers: BTreeMap<String, Known> = BTreeMap::new();
            watcher.run(|event| {
                apply(&mut readers, event);
                sender.send_replace(fold(&readers));
                !sender.is_closed()
            });
        });
    if let Err(error) = started {
        tracing::error!(%error, "card reader watch not started");
    }
    receiver
}

fn apply(readers: &mut BTreeMap<String, Known>, event: ReaderEvent) {
    match event {
        ReaderEvent::ReaderAttached { name, pin_pad } => {
            readers.entry(name).or_default().pin_pad = pin_pad;
        }
        ReaderEvent::ReaderGone { name } => {
            readers.remove(&name);
        }
        ReaderEvent::CardInserted { reader } => readers.entry(reader).or_default().card = true,
        ReaderEvent::CardRemoved { reader } => readers.entry(reader).or_default().card = false,
    }
}

/// The kiosk has one card slot as far as a resident knows: a card in any watched reader is
/// "the card", and the PIN pad is that reader's (or the first reader's, with no card in).
fn fold(readers: &BTreeMap<String, Known>) -> ReaderState {
    let with_card = readers.values().find(|known| known.card);
    let shown = with_card.or_else(|| readers.values().next());
    ReaderState {
        reader: !readers.is_empty(),
        pin_pad: shown.is_some_and(|known| known.pin_pad),
        card: with_card.is_some(),
    }
}

pub fn connect(filter: Option<&str>) -> Result<Connected, CardError> {
    pcsc::connect(filter).map(Connected::Pcsc)
}

/// The resident types the PIN on the reader. A pad that was cancelled or timed out is "not
/// typed"; the flow offers to try again.
pub fn verify_pin_on_pad(card: &mut Session) -> Result<Option<PinOutcome>, CardError> {
    match card.transport_mut() {
        Connected::Pcsc(reader) => match reader.verify_pin_on_pad()? {
            PadOutcome::Checked(outcome) => Ok(Some(outcome)),
            PadOutcome::Cancelled | PadOutcome::TimedOut => Ok(None),
        },
        // The demo card has no reader, let alone a PIN pad: the flow never asks.
        Connected::Demo(_) => Ok(None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn attached(name: &str, pin_pad: bool) -> ReaderEvent {
        ReaderEvent::ReaderAttached {
            name: name.into(),
            pin_pad,
        }
    }

    #[test]
    fn a_card_in_any_reader_is_the_card_with_that_readers_pin_pad() {
        let mut readers = BTreeMap::new();
        assert_eq!(fold(&readers), ReaderState::default());
        apply(&mut readers, attached("A plain", false));
        apply(&mut readers, attached("B pad", true));
        assert_eq!(
            fold(&readers),
            ReaderState {
                reader: true,
                pin_pad: false,
                card: false
            }
        );
        apply(
            &mut readers,
            ReaderEvent::CardInserted {
                reader: "B pad".into(),
            },
        );
        assert_eq!(
            fold(&readers),
            ReaderState {
                reader: true,
                pin_pad: true,
                card: true
            }
        );
        apply(
            &mut readers,
            ReaderEvent::ReaderGone {
                name: "B pad".into(),
            },
        );
        assert!(!fold(&readers).card);
    }
}
