//! The kiosk without its UI.
