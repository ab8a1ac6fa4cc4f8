//! The simulated card of `[card_reader] mode = "demo"`: a synthetic resident of the embedded
//! backend's demo register on a BEID applet emulated in memory, signed by the demo CA the
//! embedded backend trusts. It goes in and out with buttons on screen (labelled DEMO), and the
//! kiosk talks to it through the same `BeidCard` code as to a real card.

use std::sync::{Arc, Mutex};

use anyhow::Context as _;
use kiosk_core::devices::eid::{CardError, CardTransport};
use kiosk_testcard::applet::BeidApplet;
use tokio::sync::watch;

use super::{Connected, ReaderState};
use crate::embedded::DEMO_SEED;

#[derive(Clone)]
pub struct DemoCard {
    applet: Arc<Mutex<BeidApplet>>,
    pin: String,
    state: Arc<watch::Sender<ReaderState>>,
}

impl DemoCard {
    /// The demo register's card (as the register stands on `today`), with `pin` as its PIN.
    pub fn new(pin: &str, today: jiff::civil::Date) -> anyhow::Result<DemoCard> {
        // An applet 1.8 card (ECDSA P-384), as most residents have.
        let (_, card) = kiosk_testcard::demo_card_18(DEMO_SEED, today)
            .context("cannot make the demo eID card")?;
        let applet = BeidApplet::new(card, pin).context("cannot make the demo eID card")?;
        let (state, _) = watch::channel(ReaderState {
            reader: true,
            pin_pad: false,
            card: false,
        });
        Ok(DemoCard {
            applet: Arc::new(Mutex::new(applet)),
            pin: pin.to_owned(),
            state: Arc::new(state),
        })
    }

    /// Shown on screen next to the DEMO label: the demo card's PIN is not a secret.
    pub fn pin(&self) -> &str {
        &self.pin
    }

    pub fn is_inserted(&self) -> bool {
        self.state.borrow().card
    }

    pub fn insert(&self) {
        self.set_inserted(true);
    }

    /// Taken out: like a real card, it forgets its verified PIN.
    pub fn remove(&self) {
        self.set_inserted(false);
        if let Ok(mut applet) = self.applet.lock() {
            applet.reset();
        }
    }

    pub(super) fn state(&self) -> watch::Receiver<ReaderState> {
        self.state.subscribe()
    }

    pub(super) fn connect(&self) -> Result<Connected, CardError> {
        if !self.is_inserted() {
            return Err(CardError::NoCard);
        }
        Ok(Connected::Demo(DemoTransport { card: self.clone() }))
    }

    fn set_inserted(&self, inserted: bool) {
        self.state.send_modify(|state| state.card = inserted);
    }
}

/// A connection to the demo card; it fails like a real one once the card is out.
pub(super) struct DemoTransport {
    card: DemoCard,
}

impl CardTransport for DemoTransport {
    fn transmit(&mut self, apdu: &[u8]) -> Result<Vec<u8>, CardError> {
        if !self.card.is_inserted() {
            return Err(CardError::Removed);
        }
        let mut applet = self.card.applet.lock().map_err(|_| CardError::Removed)?;
        Ok(applet.process(apdu))
    }
}
