//! The backend over real HTTP on loopback, with a real SQLite file in a temp dir.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod bookings;
mod certificate_abuse;
mod certificates;
mod common;
mod concurrency;
mod demo_card;
mod desk;
mod desk_client;
mod desk_phone;
mod dst;
mod errors;
mod figures;
mod fleet;
mod idempotency;
mod kiosks;
mod lifecycle;
mod offline;
mod openapi;
mod rate_limits;
mod retention;
mod robustness;
mod tickets;
mod walk_ins;
