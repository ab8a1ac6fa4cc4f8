//! The keys of requests running in this process right now. A duplicate that arrives while the first
//! is still running is turned away (409, or 422 for another body) instead of running beside it.
//!
//! Memory is the right place for this: "running" only means something while the process lives.
//! After a restart nothing is running, and the store alone says whether a key was answered.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

type Id = (String, String);

/// (scope, key) -> body digest of the request running with it.
#[derive(Debug, Default)]
pub struct InFlight(Mutex<HashMap<Id, String>>);

/// What a request with a key is told on arrival.
#[derive(Debug)]
pub enum Admission {
    /// No other request with this key runs: go ahead while the [`Entry`] lives.
    Admitted(Entry),
    /// The same request runs already.
    Running,
    /// Another request with this key runs.
    OtherBody,
}

/// A running request's hold on its key; dropping it lets the next request with the key in.
#[derive(Debug)]
pub struct Entry {
    registry: Arc<InFlight>,
    id: Id,
}

impl InFlight {
    pub fn admit(self: &Arc<Self>, scope: &str, key: &str, digest: &str) -> Admission {
        let id = (scope.to_owned(), key.to_owned());
        let mut running = self.0.lock().unwrap_or_else(|e| e.into_inner());
        match running.get(&id) {
            Some(d) if d == digest => Admission::Running,
            Some(_) => Admission::OtherBody,
            None => {
                running.insert(id.clone(), digest.to_owned());
                Admission::Admitted(Entry {
                    registry: Arc::clone(self),
                    id,
                })
            }
        }
    }
}

impl Drop for Entry {
    fn drop(&mut self) {
        self.registry
            .0
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .remove(&self.id);
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::panic)]
    use super::*;

    #[test]
    fn a_key_is_held_until_its_entry_is_dropped() {
        let registry = Arc::new(InFlight::default());
        let Admission::Admitted(entry) = registry.admit("kiosk", "k1", "d1") else {
            panic!("first request not admitted");
        };
        assert!(matches!(
            registry.admit("kiosk", "k1", "d1"),
            Admission::Running
        ));
        assert!(matches!(
            registry.admit("kiosk", "k1", "d2"),
            Admission::OtherBody
        ));
        assert!(matches!(
            registry.admit("other-kiosk", "k1", "d1"),
            Admission::Admitted(_)
        ));
        drop(entry);
        assert!(matches!(
            registry.admit("kiosk", "k1", "d1"),
            Admission::Admitted(_)
        ));
    }
}
