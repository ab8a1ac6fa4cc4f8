//! What the kiosk fetches ahead so it can keep checking people in offline: the catalogue (ETag),
//! today's arrivals (ETag), and a block of ticket numbers per queue service for today.

use std::collections::{BTreeSet, HashMap};

use jiff::civil::Date;
use kiosk_api::TicketBlockRequest;

use super::service::Shared;
use super::{Fetched, IdempotencyKey, SyncError};

pub(crate) async fn all(
    shared: &Shared,
    block_keys: &mut HashMap<(String, Date), IdempotencyKey>,
) -> Result<(), SyncError> {
    let services = catalogue(shared).await?;
    let today = shared.clock.now().date();
    arrivals(shared, today).await?;
    blocks(shared, today, services, block_keys).await
}

/// Fetches the catalogue if it changed; returns the ids of its queue services.
async fn catalogue(shared: &Shared) -> Result<BTreeSet<String>, SyncError> {
    let store = &shared.store;
    let cached = store.catalogue().await?;
    let etag = cached.as_ref().map(|c| c.etag.as_str());
    let fetched = shared.client.catalogue(etag).await?;
    shared.contact();
    let catalogue = match fetched {
        Fetched::NotModified => match cached {
            Some(c) => c.catalogue,
            None => return Ok(BTreeSet::new()),
        },
        Fetched::Modified { value, etag } => {
            // A backend without ETags still gets cached; an empty tag never matches.
            let etag = etag.unwrap_or_default();
            store
                .save_catalogue(value.clone(), etag.clone(), shared.clock.now())
                .await?;
            tracing::info!(products = value.products.len(), "catalogue updated");
            shared.state.send_modify(|s| s.catalogue_etag = Some(etag));
            value
        }
    };
    Ok(catalogue.queue_services.into_iter().map(|q| q.id).collect())
}

async fn arrivals(shared: &Shared, day: Date) -> Result<(), SyncError> {
    let etag = shared.store.arrivals_etag(day).await?;
    match shared.client.arrivals(day, etag.as_deref()).await? {
        Fetched::NotModified => {}
        Fetched::Modified { value, etag } => {
            let count = value.arrivals.len();
            shared
                .store
                .save_arrivals(value, etag, shared.clock.now())
                .await?;
            tracing::debug!(count, %day, "arrivals cached");
        }
    }
    Ok(())
}

/// Makes sure every queue service of the catalogue or of today's arrivals has enough numbers.
async fn blocks(
    shared: &Shared,
    day: Date,
    mut services: BTreeSet<String>,
    keys: &mut HashMap<(String, Date), IdempotencyKey>,
) -> Result<(), SyncError> {
    services.extend(shared.store.arrival_queue_services(day).await?);
    keys.retain(|(_, d), _| *d >= day);
    for service in services {
        let left = shared
            .store
            .ticket_numbers_left(service.clone(), day)
            .await?;
        if left >= shared.options.block_low_water {
            continue;
        }
        let key = *keys.entry((service.clone(), day)).or_default(); // a fresh key
        let request = TicketBlockRequest {
            queue_service_id: service.clone(),
            day,
            size: shared.options.block_size,
        };
        let block = match shared.client.ticket_block(&request, key).await {
            Ok(block) => block,
            // One service the backend will not number must not starve the others.
            Err(e) if e.problem().is_some() && !e.is_transient() => {
                shared.failure("ticket block", &e);
                keys.remove(&(service, day));
                continue;
            }
            Err(e) => return Err(e),
        };
        tracing::info!(queue = %service, first = block.first, last = block.last, "ticket block reserved");
        shared.store.save_ticket_block(block).await?;
        keys.remove(&(service, day));
    }
    Ok(())
}
