//! The catalogue as last read, so that a booking does not read a dozen tables to learn the hours
//! and products it already knew a moment ago.
//!
//! Changes made through this process's store drop it at once ([`CatalogueCache::clear`]). Another
//! process writing the same file (a `seed` run) is seen within [`FRESH_FOR`]: SQLite offers no
//! cheap sign of "the catalogue tables changed" (`PRAGMA data_version` moves with every booking).

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use jiff::civil::Date;
use kiosk_api::Catalogue;

/// How long a read catalogue is used before it is read again.
pub const FRESH_FOR: Duration = Duration::from_secs(1);

#[derive(Default)]
pub struct CatalogueCache(Mutex<Option<Entry>>);

struct Entry {
    /// The closures it lists start on this day.
    today: Date,
    read_at: Instant,
    catalogue: Arc<Catalogue>,
}

impl CatalogueCache {
    /// The catalogue for `today` if it was read less than [`FRESH_FOR`] ago.
    pub fn get(&self, today: Date) -> Option<Arc<Catalogue>> {
        let entry = self.0.lock().unwrap_or_else(|e| e.into_inner());
        entry
            .as_ref()
            .filter(|e| e.today == today && e.read_at.elapsed() < FRESH_FOR)
            .map(|e| Arc::clone(&e.catalogue))
    }

    pub fn put(&self, today: Date, catalogue: Catalogue, read_at: Instant) -> Arc<Catalogue> {
        let catalogue = Arc::new(catalogue);
        *self.0.lock().unwrap_or_else(|e| e.into_inner()) = Some(Entry {
            today,
            read_at,
            catalogue: Arc::clone(&catalogue),
        });
        catalogue
    }

    pub fn clear(&self) {
        *self.0.lock().unwrap_or_else(|e| e.into_inner()) = None;
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn empty() -> Catalogue {
        Catalogue {
            locations: Vec::new(),
            products: Vec::new(),
            certificate_types: Vec::new(),
            queue_services: Vec::new(),
        }
    }

    #[test]
    fn a_catalogue_serves_its_day_until_cleared_or_stale() {
        let cache = CatalogueCache::default();
        let today: Date = "2026-12-07".parse().unwrap();
        assert!(cache.get(today).is_none());
        cache.put(today, empty(), Instant::now());
        assert!(cache.get(today).is_some());
        assert!(cache.get(today.tomorrow().unwrap()).is_none());
        cache.clear();
        assert!(cache.get(today).is_none());
        let long_ago = Instant::now().checked_sub(FRESH_FOR * 2).unwrap();
        cache.put(today, empty(), long_ago);
        assert!(cache.get(today).is_none());
    }
}
