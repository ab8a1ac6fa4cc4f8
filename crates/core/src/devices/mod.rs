//! The kiosk's devices: the barcode scanner, the eID card reader, the headphone jack, and the
//! hub that keeps what is known of them all.

pub mod eid;
pub mod headset;
pub mod hub;
pub mod scanner;
