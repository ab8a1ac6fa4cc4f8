//! The real `kiosk-backend serve` killed between the steps of a request, then restarted on the same
//! SQLite file: a retry with the same Idempotency-Key must get the answer of what was carried out,
//! and nothing may be carried out twice. The crash is a failpoint (`src/failpoint.rs`): the child
//! aborts at a named point, like a power cut, and the test starts it again.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod backend;
mod bookings;
mod certificates;
mod desk;
mod serve_flags;
mod tickets;
