//! The kiosk's fonts, embedded so that it never depends on what the system has installed
//! (with no system font iced shows no text at all). Atkinson Hyperlegible Next, SIL OFL 1.1:
//! see assets/fonts/OFL.txt. It covers the names of Belgian residents (é ë ç ł ş ğ ı ő).

pub const REGULAR: &[u8] = include_bytes!("../assets/fonts/AtkinsonHyperlegibleNext-Regular.ttf");
pub const BOLD: &[u8] = include_bytes!("../assets/fonts/AtkinsonHyperlegibleNext-Bold.ttf");

pub const ALL: [&[u8]; 2] = [REGULAR, BOLD];
