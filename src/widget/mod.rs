//! Touch widgets shared by every screen, so that no two screens draw the same button twice.

pub mod action_button;
pub mod buttons;
pub mod chrome;
pub mod hidden_cursor;
pub mod idle_overlay;
pub mod key_names;
pub mod keyboard;
pub mod keypad;
pub mod page;
pub mod picture;
