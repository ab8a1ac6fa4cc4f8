//! The serial barcode scanner as a subscription: the port is opened when the subscription starts
//! (on iced's runtime, its reads on a thread of their own) and every scan, garbage line,
//! disconnection and reconnection arrives as a message, whatever screen is showing.

use std::hash::{Hash, Hasher};

use iced::Subscription;
use iced::futures::SinkExt;
use kiosk_core::config::ScannerSettings;
use kiosk_core::devices::scanner::{self, ScanEvent};

/// The configured scanner; hashed by its port, so iced keeps one reader per port.
#[derive(Debug, Clone)]
pub struct ScannerWatch {
    settings: ScannerSettings,
}

impl ScannerWatch {
    pub fn new(settings: ScannerSettings) -> Self {
        Self { settings }
    }

    pub fn subscription(&self) -> Subscription<ScanEvent> {
        Subscription::run_with(self.clone(), |watch| {
            let settings = watch.settings.clone();
            iced::stream::channel(8, async move |mut output| {
                let mut events = match scanner::start(&settings) {
                    Ok(events) => events,
                    Err(error) => {
                        tracing::error!(%error, "barcode scanner not started");
                        let _ = output.send(ScanEvent::Disconnected).await;
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

impl Hash for ScannerWatch {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.settings.path.hash(state);
        self.settings.baud.hash(state);
    }
}
