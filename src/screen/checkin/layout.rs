//! The check-in pages' own pictures; the rest of their face is the shared page vocabulary.

pub use crate::widget::page::{
    body, card, landscape, primary, secondary, side_by_side as buttons, strong, title, warning,
    working,
};

/// The scanner and a QR code under it, dark on light (the shared icons are white, for buttons).
pub const SCAN: &[u8] = include_bytes!("scan.svg");
/// A ticket coming out of the printer.
pub const PRINTER: &[u8] = include_bytes!("printer.svg");
