//! The [`Claim`] a fresh request with an Idempotency-Key carries down to its handler, which passes
//! it to the store call that makes its effect: effect and answer then commit together.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use axum::extract::FromRequestParts;
use axum::http::StatusCode;
use axum::http::request::Parts;
use serde::Serialize;

use super::answer;
use super::in_flight::Entry;
use crate::problem::ApiError;
use crate::store::{KeyRecord, Keyed, StoreResult, StoredAnswer};

/// A fresh request's key, in the request's extensions (the layer puts it there). Take it as an
/// extractor and hand one of [`Claim::json`], [`Claim::answer`] or [`Claim::fixed`] to the store
/// call. The [`Keyed`] it makes keeps the key "running" in this process until the store call has
/// finished, even if the client hangs up and the handler is dropped meanwhile.
#[derive(Debug, Clone)]
pub struct Claim(Arc<Inner>);

#[derive(Debug)]
struct Inner {
    record: KeyRecord,
    committed: Arc<AtomicBool>,
    _running: Entry,
}

impl Claim {
    pub(super) fn new(record: KeyRecord, running: Entry) -> Claim {
        Claim(Arc::new(Inner {
            record,
            committed: Arc::default(),
            _running: running,
        }))
    }

    pub(super) fn record(&self) -> &KeyRecord {
        &self.0.record
    }

    /// Whether a store call committed this key with its answer.
    pub(super) fn committed(&self) -> bool {
        self.0.committed.load(Ordering::Acquire)
    }

    /// The key, answered with the effect's result as JSON with `status`.
    pub fn json<T: Serialize>(&self, status: StatusCode) -> Keyed<T> {
        self.answer(move |value: &T| answer::json(status, value))
    }

    /// The key, answered by `render` from the effect's result.
    pub fn answer<T>(
        &self,
        render: impl Fn(&T) -> StoreResult<StoredAnswer> + Send + Sync + 'static,
    ) -> Keyed<T> {
        let running = Arc::clone(&self.0);
        let render = move |value: &T| {
            // Holds the in-process entry as long as the store call holds this `Keyed`.
            let _running = &running;
            render(value)
        };
        Keyed::new(self.0.record.clone(), Arc::clone(&self.0.committed), render)
    }

    /// The key, answered with `stored` whatever the result (an answer known before the effect).
    pub fn fixed<T>(&self, stored: StoredAnswer) -> Keyed<T> {
        self.answer(move |_: &T| Ok(stored.clone()))
    }
}

impl<S: Send + Sync> FromRequestParts<S> for Claim {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        parts.extensions.get::<Claim>().cloned().ok_or_else(|| {
            // A route that changes state outside the idempotency layer: a bug, not a client error.
            tracing::error!("a handler that needs an Idempotency-Key claim runs without the layer");
            ApiError::internal()
        })
    }
}
