//! The TLV format of the eID's identity and address files, shared with the backend through
//! kiosk-api (see there for the length encoding and why).

pub use kiosk_api::beid_tlv::{Field, TlvError, encode, parse};
