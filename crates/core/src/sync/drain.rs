//! Draining the outbox: the oldest events in batches, each batch with a key derived from its
//! event ids, until the outbox is empty; then wait for the next event. While the backend does not
//! answer, wait with exponential backoff and jitter. Events are deduplicated by id on the
//! backend, so whatever happens to a batch in flight, sending it again is safe.

use std::sync::Arc;

use kiosk_api::problem_type;
use tokio::sync::watch;

use super::service::{Shared, pause, stopped};
use super::{Backoff, IdempotencyKey, SyncError};

pub(crate) async fn run(shared: Arc<Shared>, mut stop: watch::Receiver<bool>) {
    let options = &shared.options;
    let full = options.batch_size.clamp(1, kiosk_api::MAX_EVENTS_PER_BATCH);
    let mut size = full;
    let mut backoff = Backoff::new(options.backoff_base, options.backoff_max);
    loop {
        if *stop.borrow() {
            return;
        }
        if shared.state.borrow().is_unauthorized() {
            stopped(&mut stop).await;
            return;
        }
        let batch = match shared.store.pending_events(size).await {
            Ok(batch) => batch,
            Err(e) => {
                tracing::error!(error = %e, "cannot read the outbox");
                if pause(&mut stop, backoff.next_delay()).await {
                    return;
                }
                continue;
            }
        };
        if batch.is_empty() {
            shared.publish_outbox().await;
            // Woken by a new event; the period is a safety net should a wake-up be missed.
            tokio::select! {
                () = shared.store.outbox_notified() => {}
                () = tokio::time::sleep(options.refresh_every) => {}
                () = stopped(&mut stop) => return,
            }
            continue;
        }
        let key = IdempotencyKey::for_events(batch.iter().map(|e| e.id));
        let sent = tokio::select! {
            sent = shared.client.post_events(&batch, key) => sent,
            () = stopped(&mut stop) => return,
        };
        match sent {
            Ok(answer) => {
                shared.contact();
                backoff.reset();
                size = full;
                match shared.store.settle_events(answer.results).await {
                    Ok(settled) => tracing::debug!(
                        accepted = settled.accepted,
                        duplicates = settled.duplicates,
                        rejected = settled.rejected,
                        "outbox batch delivered"
                    ),
                    Err(e) => tracing::error!(error = %e, "cannot record a delivered batch"),
                }
                shared.publish_outbox().await;
            }
            Err(e) => {
                shared.failure("outbox", &e);
                match next_step(&e, batch.len()) {
                    Step::Wait { smaller } => {
                        if smaller {
                            size = (batch.len() / 2).max(1);
                        }
                        if pause(&mut stop, backoff.next_delay()).await {
                            return;
                        }
                    }
                    Step::Split => size = (batch.len() / 2).max(1),
                    Step::Reject => {
                        let kind = e.problem_type().unwrap_or("rejected").to_owned();
                        if let Some(event) = batch.first()
                            && let Err(e) = shared.store.reject_event(event.id, kind).await
                        {
                            tracing::error!(error = %e, "cannot set a refused event aside");
                        }
                        size = full;
                    }
                    Step::Stop => {
                        stopped(&mut stop).await;
                        return;
                    }
                }
            }
        }
    }
}

enum Step {
    /// Try the same events again later; `smaller` when the batch itself may be the trouble.
    Wait { smaller: bool },
    /// The backend refused the batch as a whole: find the event it objects to by halving.
    Split,
    /// A single event the backend refuses: set it aside so it does not block the rest.
    Reject,
    /// The token is refused: nothing more can be delivered.
    Stop,
}

fn next_step(error: &SyncError, batch_len: usize) -> Step {
    match error {
        SyncError::Unauthorized => Step::Stop,
        // Still running under this key (a lost answer): another composition gets another key.
        SyncError::Problem(p) if p.kind == problem_type::IDEMPOTENCY_KEY_IN_PROGRESS => {
            Step::Wait { smaller: true }
        }
        e if e.is_transient() => Step::Wait { smaller: false },
        SyncError::Problem(_) if batch_len > 1 => Step::Split,
        SyncError::Problem(_) => Step::Reject,
        _ => Step::Wait { smaller: false },
    }
}
