//! The kiosk's devices: the barcode scanner (and later the eID card reader).

pub mod eid;
pub mod scanner;
