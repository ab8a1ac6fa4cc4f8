//! The eID card reader as the kiosk uses it: whether a reader and a card are there (a watch
//! channel the UI subscribes to), and the one card session of the resident at the kiosk, held
//! here rather than in a screen so that the PIN verification done on one screen still counts
//! when the next one asks the card to sign.
//!
//! Every card operation blocks (PC/SC calls and card answers take tens of milliseconds), so
//! each runs on tokio's blocking pool and comes back as a typed outcome the flow understands.
//! Nothing read from the card is logged.

#[cfg(feature = "demo")]
mod demo;
#[cfg(not(feature = "demo"))]
#[path = "demo_absent.rs"]
mod demo;
mod operations;
mod pcsc_source;

use std::sync::{Arc, Mutex};

use jiff::civil::Date;
use kiosk_core::config::CardReaderMode;
use kiosk_core::devices::eid::pcsc::PcscCard;
use kiosk_core::devices::eid::{BeidCard, CardError, CardTransport};
use tokio::sync::watch;

pub use demo::DemoCard;

/// What the reader side looks like now.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ReaderState {
    /// A reader is attached (always, for the demo card).
    pub reader: bool,
    /// The reader has its own PIN pad: the PIN is typed there, never on the screen.
    pub pin_pad: bool,
    /// A card is in the reader.
    pub card: bool,
}

/// A card session: the BEID applet selected on the card in the reader.
type Session = BeidCard<Connected>;

/// The connection to the card: a real reader's (which may have a PIN pad) or the demo card's.
enum Connected {
    Pcsc(PcscCard),
    // Never made without the `demo` feature (the stand-in card cannot exist).
    #[cfg_attr(not(feature = "demo"), allow(dead_code))]
    Demo(demo::DemoTransport),
}

impl CardTransport for Connected {
    fn transmit(&mut self, apdu: &[u8]) -> Result<Vec<u8>, CardError> {
        match self {
            Connected::Pcsc(card) => card.transmit(apdu),
            Connected::Demo(card) => card.transmit(apdu),
        }
    }
}

enum Source {
    Pcsc { reader: Option<String> },
    Demo(DemoCard),
}

/// The configured card reader. Cheap to clone: every clone shares the session.
#[derive(Clone)]
pub struct CardReader {
    source: Arc<Source>,
    session: Arc<Mutex<Option<Session>>>,
    state: watch::Receiver<ReaderState>,
}

impl std::fmt::Debug for CardReader {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CardReader")
            .field("demo", &self.demo().is_some())
            .field("state", &*self.state.borrow())
            .finish_non_exhaustive()
    }
}

impl CardReader {
    /// The reader `mode` names, its watch started; `None` for `mode = "none"`.
    pub fn start(mode: &CardReaderMode, today: Date) -> anyhow::Result<Option<CardReader>> {
        match mode {
            CardReaderMode::None => Ok(None),
            CardReaderMode::Demo { pin } => {
                Ok(Some(CardReader::with_demo_card(DemoCard::new(pin, today)?)))
            }
            CardReaderMode::Pcsc { reader } => {
                let state = pcsc_source::watch(reader.clone());
                Ok(Some(CardReader {
                    source: Arc::new(Source::Pcsc {
                        reader: reader.clone(),
                    }),
                    session: Arc::new(Mutex::new(None)),
                    state,
                }))
            }
        }
    }

    /// A reader with the simulated demo card (not inserted yet).
    pub fn with_demo_card(card: DemoCard) -> CardReader {
        let state = card.state();
        CardReader {
            source: Arc::new(Source::Demo(card)),
            session: Arc::new(Mutex::new(None)),
            state,
        }
    }

    /// The reader's state now and every change of it.
    pub fn state(&self) -> watch::Receiver<ReaderState> {
        self.state.clone()
    }

    /// The demo card, when this reader is the simulated one (for the DEMO bar and its buttons).
    pub fn demo(&self) -> Option<&DemoCard> {
        match &*self.source {
            Source::Demo(card) => Some(card),
            Source::Pcsc { .. } => None,
        }
    }

    /// Connects to the card in the reader, for a new session.
    fn connect(&self) -> Result<Connected, CardError> {
        match &*self.source {
            Source::Pcsc { reader } => pcsc_source::connect(reader.as_deref()),
            Source::Demo(card) => card.connect(),
        }
    }
}
