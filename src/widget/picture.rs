//! Pictures shown beside words: the action icons and the municipality's logo.

use iced::widget::{image, svg};
use iced::{Element, Length};

pub const CERTIFICATE: &[u8] = include_bytes!("../../assets/icons/certificate.svg");
pub const CALENDAR: &[u8] = include_bytes!("../../assets/icons/calendar.svg");
pub const CHECK_IN: &[u8] = include_bytes!("../../assets/icons/checkin.svg");
pub const WALK_IN: &[u8] = include_bytes!("../../assets/icons/walk-in.svg");
pub const BACK: &[u8] = include_bytes!("../../assets/icons/back.svg");
pub const HOME: &[u8] = include_bytes!("../../assets/icons/home.svg");
pub const WARNING: &[u8] = include_bytes!("../../assets/icons/warning.svg");

/// An embedded SVG icon, square.
pub fn icon<'a, M: 'a>(bytes: &'static [u8], side: f32) -> Element<'a, M> {
    svg(svg::Handle::from_memory(bytes))
        .width(side)
        .height(side)
        .into()
}

/// The municipality's logo, read once at start (see `Logo::load`).
#[derive(Debug, Clone)]
pub enum Logo {
    Svg(svg::Handle),
    Raster(image::Handle),
}

impl Logo {
    /// Reads the logo file before the UI starts; an unreadable logo is logged and left out,
    /// never a reason to keep residents from the kiosk.
    pub fn load(path: &std::path::Path) -> Option<Logo> {
        let bytes = match std::fs::read(path) {
            Ok(bytes) => bytes,
            Err(error) => {
                tracing::warn!(path = %path.display(), %error, "logo not readable; shown without");
                return None;
            }
        };
        let is_svg = path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("svg"));
        Some(if is_svg {
            Logo::Svg(svg::Handle::from_memory(bytes))
        } else {
            Logo::Raster(image::Handle::from_bytes(bytes))
        })
    }

    pub fn view<'a, M: 'a>(&self, height: f32) -> Element<'a, M> {
        match self {
            Logo::Svg(handle) => svg(handle.clone())
                .height(height)
                .width(Length::Shrink)
                .into(),
            Logo::Raster(handle) => image(handle.clone()).height(height).into(),
        }
    }
}
