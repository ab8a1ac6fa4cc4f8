#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! The kiosk's client, store and sync loop over real HTTP on loopback, against the reference
//! backend (`kiosk_backend::spawn`) with its own SQLite file, and a real SQLite file for the kiosk.

#[path = "sync/common.rs"]
mod common;

#[path = "sync/bookings.rs"]
mod bookings;
#[path = "sync/drain.rs"]
mod drain;
#[path = "sync/enrolment.rs"]
mod enrolment;
#[path = "sync/heartbeat.rs"]
mod heartbeat;
#[path = "sync/hostile.rs"]
mod hostile;
#[path = "sync/offline.rs"]
mod offline;
#[path = "sync/store.rs"]
mod store;
#[path = "sync/walk_in.rs"]
mod walk_in;
