//! The certificate pages' own pictures; the rest of their face is the shared page vocabulary.

pub use crate::widget::page::{
    body, card, frame, landscape, primary, secondary, side_by_side as buttons, step_line as step,
    strong, warning, with_picture, working,
};

/// Where the card goes in, chip first, dark on light.
pub const INSERT_CARD: &[u8] = include_bytes!("../../../assets/icons/insert-card.svg");
/// The card coming out of the reader and a hand taking it.
pub const TAKE_CARD: &[u8] = include_bytes!("../../../assets/icons/take-card.svg");

/// In portrait a picture takes this share of the page's height.
pub const PICTURE_SHARE: f32 = 0.35;
