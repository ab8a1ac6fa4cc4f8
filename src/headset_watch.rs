//! The headphone jack as a subscription: its insertions and removals arrive as messages,
//! whatever screen is showing (see [`kiosk_core::devices::headset`]).

use std::hash::Hash;
use std::path::PathBuf;

use iced::Subscription;
use iced::futures::SinkExt;
use kiosk_core::config::HeadsetJack;
use kiosk_core::devices::headset::{self, JackEvent};

/// The event devices of the configured jack; hashed by them, so iced keeps one reader each.
#[derive(Debug, Clone, Hash)]
pub struct HeadsetWatch {
    devices: Vec<PathBuf>,
}

impl HeadsetWatch {
    /// The watch for `setting`, or `None` when there is no jack to watch.
    pub fn new(setting: &HeadsetJack) -> Option<Self> {
        let devices = match setting {
            HeadsetJack::Off => return None,
            HeadsetJack::Device(path) => vec![path.clone()],
            HeadsetJack::Auto => {
                let listed =
                    std::fs::read_to_string(headset::PROC_INPUT_DEVICES).unwrap_or_default();
                headset::find_jacks(&listed)
            }
        };
        if devices.is_empty() {
            tracing::info!("no headphone jack reports itself: speech starts from its key only");
            return None;
        }
        Some(Self { devices })
    }

    pub fn subscription(&self) -> Subscription<JackEvent> {
        Subscription::run_with(self.clone(), |watch| {
            let devices = watch.devices.clone();
            iced::stream::channel(8, async move |mut output| {
                let mut events = match headset::start(devices) {
                    Ok(events) => events,
                    Err(error) => {
                        tracing::error!(%error, "headphone jack not watched");
                        return;
                    }
                };
                while let Some(event) = events.next().await {
                    if output.send(event).await.is_err() {
                        break;
                    }
                }
            })
        })
    }
}
