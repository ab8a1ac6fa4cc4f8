//! Talking to the municipality's backend: the typed HTTP [`Client`], enrolment ([`connect`]),
//! and the background sync ([`start`]) that keeps the heartbeat, the offline supplies and the
//! outbox going. Everything is async; the UI wraps calls in `Task`s and the
//! [`ConnectionState`] watch in a `Subscription`.

mod backoff;
pub mod bounds;
mod checkin;
mod client;
mod drain;
mod enrol;
mod error;
mod heartbeat;
mod idempotency;
mod refresh;
mod service;
mod state;
pub mod token_file;
mod walk_in;

pub use backoff::Backoff;
pub use checkin::{CheckInError, CheckInOutcome, check_in};
pub use client::{CheckedIn, Client, Fetched, MAX_BODY_BYTES};
pub use enrol::{connect, default_hardware_id};
pub use error::{ErrorKind, SyncError};
pub use idempotency::IdempotencyKey;
pub use service::{SyncHandle, SyncOptions, start};
pub use state::{ConnectionState, DeviceStatus, Link};
pub use walk_in::{TakeNumberError, WalkInOutcome, take_walk_in_number};
