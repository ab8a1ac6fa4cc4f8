//! The alert webhook: a JSON POST per raised or resolved alert, sent in its own task (never on a
//! request's path), with a short timeout and a few retries with a doubling wait. Only the kiosk's
//! ids, location and the alert are sent or logged: a kiosk carries no personal data here.

use std::time::Duration;

use jiff::Timestamp;
use serde::Serialize;
use uuid::Uuid;

/// Tries per alert (the first and three retries).
const ATTEMPTS: u32 = 4;
/// A receiver that does not answer within this time counts as a failed try.
const TIMEOUT: Duration = Duration::from_secs(5);

/// The body of the POST.
#[derive(Debug, Clone, Serialize)]
pub struct AlertMessage {
    pub kiosk_id: Uuid,
    pub location_id: String,
    pub hardware_id: String,
    /// `silent`, `paper_out` or `sync_failing`.
    pub kind: &'static str,
    /// When the condition began (RFC 3339, UTC).
    pub since: String,
    /// `raised` or `resolved`.
    pub state: &'static str,
    /// When the backend raised or resolved it.
    pub at: String,
}

impl AlertMessage {
    pub fn at(t: Timestamp) -> String {
        t.to_string()
    }
}

#[derive(Debug, Clone)]
pub struct Webhook {
    client: reqwest::Client,
    url: String,
    backoff: Duration,
}

impl Webhook {
    pub fn new(url: String, backoff: Duration) -> Result<Webhook, reqwest::Error> {
        let client = reqwest::Client::builder().timeout(TIMEOUT).build()?;
        Ok(Webhook {
            client,
            url,
            backoff,
        })
    }

    /// Sends in the background; failures are logged, never returned.
    pub fn send(&self, message: AlertMessage) {
        let hook = self.clone();
        tokio::spawn(async move { hook.deliver(&message).await });
    }

    async fn deliver(&self, message: &AlertMessage) {
        let mut wait = self.backoff;
        for attempt in 1..=ATTEMPTS {
            let outcome = self.client.post(&self.url).json(message).send().await;
            let failure = match outcome {
                Ok(response) if response.status().is_success() => return,
                Ok(response) => response.status().to_string(),
                // Without the URL: it may hold a secret token.
                Err(error) => error.without_url().to_string(),
            };
            tracing::warn!(
                kiosk_id = %message.kiosk_id,
                kind = message.kind,
                state = message.state,
                attempt,
                %failure,
                "fleet alert webhook failed"
            );
            if attempt < ATTEMPTS {
                tokio::time::sleep(wait).await;
                wait = wait.saturating_mul(2);
            }
        }
        tracing::error!(
            kiosk_id = %message.kiosk_id,
            kind = message.kind,
            state = message.state,
            "fleet alert webhook given up"
        );
    }
}
