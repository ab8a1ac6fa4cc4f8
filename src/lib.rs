//! The kiosk's user interface (iced). Only this crate knows iced; everything else is in
//! `kiosk-core`. A library as well as a binary so that the UI tests can drive the screens.

pub mod app;
pub mod backend_link;
pub mod card_reader;
pub mod context;
pub mod demo_build;
pub mod effects;
// The embedded backend and the demo card only with the `demo` feature; without it, stand-ins
// that refuse with a reason (see `demo_build`).
#[cfg(feature = "demo")]
pub mod embedded;
#[cfg(not(feature = "demo"))]
#[path = "embedded_absent.rs"]
pub mod embedded;
pub mod focus;
pub mod fonts;
pub mod headset_watch;
pub mod printer_watch;
pub mod scanner_watch;
pub mod screen;
pub mod screen_fit;
pub mod services;
pub mod speech_mode;
pub mod theme;
pub mod watch_stream;
pub mod watchdog;
pub mod widget;
