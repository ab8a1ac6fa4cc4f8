//! Idempotency keys: one per logical operation, kept by the caller and sent again with every retry
//! of that operation, so the backend answers a retry with the response of the first attempt.

use sha2::{Digest, Sha256};
use uuid::{Builder, Uuid};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct IdempotencyKey(Uuid);

impl IdempotencyKey {
    /// A fresh key for a new operation.
    pub fn new() -> IdempotencyKey {
        IdempotencyKey(Uuid::new_v4())
    }

    pub fn from_uuid(uuid: Uuid) -> IdempotencyKey {
        IdempotencyKey(uuid)
    }

    /// The key of a batch of outbox events, derived from their ids: the same batch sent again
    /// (after a timeout, a restart of the kiosk) carries the same key without storing it, and a
    /// batch of other events never reuses a key.
    pub fn for_events(ids: impl IntoIterator<Item = Uuid>) -> IdempotencyKey {
        let mut hash = Sha256::new();
        for id in ids {
            hash.update(id.as_bytes());
        }
        let digest = hash.finalize();
        let mut bytes = [0u8; 16];
        bytes.copy_from_slice(&digest[..16]);
        IdempotencyKey(Builder::from_random_bytes(bytes).into_uuid())
    }

    pub fn uuid(&self) -> Uuid {
        self.0
    }
}

impl Default for IdempotencyKey {
    fn default() -> Self {
        IdempotencyKey::new()
    }
}

impl std::fmt::Display for IdempotencyKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_batch_key_depends_on_exactly_its_events() {
        let (a, b) = (Uuid::now_v7(), Uuid::now_v7());
        assert_eq!(
            IdempotencyKey::for_events([a, b]),
            IdempotencyKey::for_events([a, b])
        );
        assert_ne!(
            IdempotencyKey::for_events([a, b]),
            IdempotencyKey::for_events([a])
        );
        assert_ne!(IdempotencyKey::new(), IdempotencyKey::new());
    }
}
