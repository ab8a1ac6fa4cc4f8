//! The demo card in a kiosk built without the `demo` feature: the type exists so that the reader
//! and the DEMO bar read the same in both builds, but it can never be made; making it says why.

use kiosk_core::devices::eid::{CardError, CardTransport};
use tokio::sync::watch;

use super::{Connected, ReaderState};
use crate::demo_build::NO_DEMO_CARD;

/// Never a value: [`DemoCard::new`] always refuses.
#[derive(Clone)]
pub enum DemoCard {}

impl DemoCard {
    pub fn new(_pin: &str, _today: jiff::civil::Date) -> anyhow::Result<DemoCard> {
        anyhow::bail!(NO_DEMO_CARD)
    }

    pub fn pin(&self) -> &str {
        match *self {}
    }

    pub fn is_inserted(&self) -> bool {
        match *self {}
    }

    pub fn insert(&self) {
        match *self {}
    }

    pub fn remove(&self) {
        match *self {}
    }

    pub(super) fn state(&self) -> watch::Receiver<ReaderState> {
        match *self {}
    }

    pub(super) fn connect(&self) -> Result<Connected, CardError> {
        match *self {}
    }
}

pub(super) enum DemoTransport {}

impl CardTransport for DemoTransport {
    fn transmit(&mut self, _apdu: &[u8]) -> Result<Vec<u8>, CardError> {
        match *self {}
    }
}
