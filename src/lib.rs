//! The kiosk's user interface (iced). Only this crate knows iced; everything else is in
//! `kiosk-core`. A library as well as a binary so that the UI tests can drive the screens.

pub mod app;
pub mod backend_link;
pub mod card_reader;
pub mod context;
pub mod effects;
pub mod embedded;
pub mod focus;
pub mod fonts;
pub mod printer_watch;
pub mod scanner_watch;
pub mod screen;
pub mod services;
pub mod theme;
pub mod watch_stream;
pub mod widget;
