//! One layout for every screen. The kiosk is drawn for a 1080 x 1920 portrait screen or its
//! 1920 x 1080 landscape turn: the theme's sizes (body text 32 px, targets 80 px) are meant
//! there. Town halls also mount cheaper 1366 x 768 or 1280 x 720 panels, and 4K ones; on
//! those the whole kiosk is scaled (iced's scale factor) so that the same layout fills the
//! screen, instead of being cut off below 1080 px or lost in the middle of a 4K one.

use iced::Size;

/// The short and long side the layout is made for.
const DESIGN_SHORT: f32 = 1080.0;
const DESIGN_LONG: f32 = 1920.0;
/// Below half size the 32 px body text would be under 16 px, too small for a lobby.
const SMALLEST: f32 = 0.5;
/// An 8K panel; beyond, a size is more likely a bogus report than a screen.
const LARGEST: f32 = 4.0;

/// The scale at which the design fills `screen` (in the compositor's pixels) without being
/// cut off: the smaller of the width's and the height's ratio, in the screen's orientation.
pub fn scale_for(screen: Size) -> f32 {
    if !(screen.width.is_finite() && screen.height.is_finite())
        || screen.width < 1.0
        || screen.height < 1.0
    {
        return 1.0;
    }
    let (width, height) = if screen.width > screen.height {
        (DESIGN_LONG, DESIGN_SHORT)
    } else {
        (DESIGN_SHORT, DESIGN_LONG)
    };
    (screen.width / width)
        .min(screen.height / height)
        .clamp(SMALLEST, LARGEST)
}

/// The screen behind a window size that iced reports in the kiosk's own (scaled) units.
pub fn screen_of(reported: Size, scale: f32) -> Size {
    Size::new(reported.width * scale, reported.height * scale)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f32, b: f32) -> bool {
        (a - b).abs() < 0.001
    }

    #[test]
    fn the_design_sizes_are_drawn_as_they_are() {
        assert_eq!(scale_for(Size::new(1080.0, 1920.0)), 1.0);
        assert_eq!(scale_for(Size::new(1920.0, 1080.0)), 1.0);
    }

    #[test]
    fn smaller_and_larger_panels_are_filled_in_their_orientation() {
        // A 720p landscape panel: the height decides.
        assert!(close(scale_for(Size::new(1280.0, 720.0)), 720.0 / 1080.0));
        // 1366 x 768: the width and height ratios are both about 0.711.
        assert!(close(scale_for(Size::new(1366.0, 768.0)), 1366.0 / 1920.0));
        // A portrait 4K panel doubles everything.
        assert_eq!(scale_for(Size::new(2160.0, 3840.0)), 2.0);
        // A 5:4 landscape screen: the width decides, the height has room to spare.
        assert!(close(scale_for(Size::new(1280.0, 1024.0)), 1280.0 / 1920.0));
        // A portrait window squeezed to a laptop screen's height: the height decides.
        assert!(close(scale_for(Size::new(1000.0, 1600.0)), 1600.0 / 1920.0));
    }

    #[test]
    fn nonsense_sizes_keep_the_scale_sane() {
        assert_eq!(scale_for(Size::new(0.0, 0.0)), 1.0);
        assert_eq!(scale_for(Size::new(f32::NAN, 1920.0)), 1.0);
        assert_eq!(scale_for(Size::new(200.0, 300.0)), SMALLEST);
        assert_eq!(scale_for(Size::new(40_000.0, 40_000.0)), LARGEST);
    }

    #[test]
    fn the_screen_is_the_reported_size_times_the_scale_in_use() {
        let scale = scale_for(Size::new(1280.0, 720.0));
        let reported = Size::new(1280.0 / scale, 720.0 / scale);
        assert_eq!(scale_for(screen_of(reported, scale)), scale);
    }
}
