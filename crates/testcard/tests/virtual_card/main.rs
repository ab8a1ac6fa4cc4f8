//! The virtual BEID card: the applet's answers byte for byte, and the vpcd client against a test
//! that plays vpcd. A test through the real pcscd lives in kiosk-core.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod applet;
mod applets;
mod common;
mod vpcd;
