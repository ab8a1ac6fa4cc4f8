//! What a state change records beside its effect, so that the effect and its Idempotency-Key commit
//! in one transaction: after a crash a key is either unknown (nothing happened) or answered.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use jiff::Timestamp;

use super::StoreResult;

/// An Idempotency-Key as the layer received it: whose (scope), which key, over which request (the
/// digest of method, path, content type and body), and when.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyRecord {
    pub scope: String,
    pub key: String,
    pub digest: String,
    pub at: Timestamp,
}

/// The answer a replay gets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredAnswer {
    pub status: u16,
    pub content_type: String,
    pub body: Vec<u8>,
}

/// A key found in the store, with the answer it was given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredKey {
    pub digest: String,
    pub answer: StoredAnswer,
}

type Render<T> = Box<dyn Fn(&T) -> StoreResult<StoredAnswer> + Send + Sync>;

/// A key to record in the transaction of the effect it names, and how to answer the effect's
/// result. Every store method that changes state for a client takes one, so an endpoint cannot
/// commit an effect without its answer.
pub struct Keyed<T> {
    record: KeyRecord,
    render: Render<T>,
    committed: Arc<AtomicBool>,
}

impl<T> Keyed<T> {
    /// `committed` is set once the key is committed with its answer; the layer reads it to know the
    /// answer is stored already.
    pub fn new(
        record: KeyRecord,
        committed: Arc<AtomicBool>,
        render: impl Fn(&T) -> StoreResult<StoredAnswer> + Send + Sync + 'static,
    ) -> Keyed<T> {
        Keyed {
            record,
            render: Box::new(render),
            committed,
        }
    }

    pub fn record(&self) -> &KeyRecord {
        &self.record
    }

    /// The answer to keep for `value`, the effect's result.
    pub fn answer(&self, value: &T) -> StoreResult<StoredAnswer> {
        (self.render)(value)
    }

    /// Called by the store after the commit that wrote the key.
    pub fn mark_committed(&self) {
        self.committed.store(true, Ordering::Release);
    }
}
