//! The background task inside `serve` that runs the alert rules every so often against the
//! server's clock, stores what it raised or resolved, and then posts it to the webhook. Storing
//! first means a restart never re-sends an alert (at worst one post is lost with a crash).

use std::sync::Arc;

use jiff::Timestamp;

use super::webhook::{AlertMessage, Webhook};
use super::{FleetAlert, FleetConfig, rules};
use crate::clock::Clock;
use crate::store::{Store, StoreError, StoreResult};

pub async fn watch(store: Arc<dyn Store>, clock: Clock, config: FleetConfig) {
    let webhook = config.webhook.clone().and_then(|url| {
        Webhook::new(url, config.retry_backoff)
            .map_err(|error| tracing::error!(%error, "fleet alert webhook unusable"))
            .ok()
    });
    let mut tick = tokio::time::interval(config.every);
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        tick.tick().await;
        if let Err(error) = once(&store, &clock, &config, webhook.as_ref()).await {
            tracing::error!(%error, "fleet alert rules failed");
        }
    }
}

async fn blocking<T: Send + 'static>(
    store: &Arc<dyn Store>,
    f: impl FnOnce(&dyn Store) -> StoreResult<T> + Send + 'static,
) -> StoreResult<T> {
    let store = Arc::clone(store);
    tokio::task::spawn_blocking(move || f(store.as_ref()))
        .await
        .map_err(|e| StoreError::Corrupt(format!("fleet task: {e}")))?
}

/// One pass of the rules at the clock's "now".
pub async fn once(
    store: &Arc<dyn Store>,
    clock: &Clock,
    config: &FleetConfig,
    webhook: Option<&Webhook>,
) -> StoreResult<()> {
    let now = clock.now();
    let fleet = blocking(store, |s| s.fleet()).await?;
    let decisions = rules::decide(&fleet, config, now);
    let message = |alert: &FleetAlert, state: &'static str, at: Timestamp| {
        let kiosk = fleet.kiosks.iter().find(|k| k.kiosk_id == alert.kiosk_id);
        AlertMessage {
            kiosk_id: alert.kiosk_id,
            location_id: kiosk.map(|k| k.location_id.clone()).unwrap_or_default(),
            hardware_id: kiosk.map(|k| k.hardware_id.clone()).unwrap_or_default(),
            kind: alert.kind.as_str(),
            since: AlertMessage::at(alert.since),
            state,
            at: AlertMessage::at(at),
        }
    };
    for alert in &decisions.resolve {
        let id = alert.id;
        if let Some(done) = blocking(store, move |s| s.resolve_fleet_alert(id, now)).await? {
            tracing::info!(kiosk_id = %done.kiosk_id, kind = done.kind.as_str(), "fleet alert resolved");
            if let Some(hook) = webhook {
                hook.send(message(&done, "resolved", now));
            }
        }
    }
    for (kiosk_id, kind, since) in decisions.raise {
        let raised = blocking(store, move |s| {
            s.raise_fleet_alert(kiosk_id, kind, since, now)
        })
        .await?;
        if let Some(alert) = raised {
            tracing::warn!(kiosk_id = %alert.kiosk_id, kind = alert.kind.as_str(), "fleet alert raised");
            if let Some(hook) = webhook {
                hook.send(message(&alert, "raised", now));
            }
        }
    }
    Ok(())
}
