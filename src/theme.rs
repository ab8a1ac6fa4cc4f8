//! Colours and sizes for readers with poor sight: text at least 7:1 against its background,
//! body text at least 32 px on a 1080 px wide screen, touch targets at least 80 x 80 px with
//! 16 px between them.

use iced::widget::{button, container};
use iced::{Background, Border, Color, Font, Shadow, Theme, font};

use kiosk_core::config::Rgb;

pub const FONT_FAMILY: &str = "Atkinson Hyperlegible Next";
pub const REGULAR: Font = Font::with_name(FONT_FAMILY);
pub const BOLD: Font = Font {
    weight: font::Weight::Bold,
    ..REGULAR
};

/// Text sizes in logical pixels.
pub mod size {
    pub const TITLE: f32 = 60.0;
    pub const ACTION: f32 = 46.0;
    pub const BODY: f32 = 34.0;
    pub const HINT: f32 = 32.0;
    pub const CLOCK: f32 = 44.0;
    pub const COUNTDOWN: f32 = 120.0;
}

/// Spacing in logical pixels.
pub mod space {
    /// Between two touch targets: at least 16 px, more where room allows.
    pub const BETWEEN_TARGETS: f32 = 24.0;
    pub const PAGE: f32 = 40.0;
    /// The smallest side of anything that can be touched.
    pub const MIN_TARGET: f32 = 96.0;
}

/// The text sizes of a resident's session: [`TextSizes::STANDARD`], or [`TextSizes::LARGE`]
/// when the resident asked for larger text on the start screen. Staff screens keep [`size`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TextSizes {
    pub title: f32,
    pub action: f32,
    pub body: f32,
    pub hint: f32,
    pub clock: f32,
    pub countdown: f32,
}

impl TextSizes {
    pub const STANDARD: Self = Self {
        title: size::TITLE,
        action: size::ACTION,
        body: size::BODY,
        hint: size::HINT,
        clock: size::CLOCK,
        countdown: size::COUNTDOWN,
    };

    /// About 1.5 times larger where it matters: what is read (sentences and hints, 48 to
    /// 51 px) grows by half; titles and button words, already large, by a fifth (to 56 and
    /// 72 px), so that every text is 48 to 72 px and a screen still fits landscape; the
    /// countdown's digits, already 120 px, not at all.
    pub const LARGE: Self = Self {
        title: 72.0,
        action: 56.0,
        body: 51.0,
        hint: 48.0,
        clock: 56.0,
        countdown: size::COUNTDOWN,
    };

    pub fn is_large(&self) -> bool {
        self.body > size::BODY
    }
}

/// iced's line height, relative to the text's size.
pub const LINE_HEIGHT: f32 = 1.3;

/// The height of a target holding one line of `text` px words with `padding` above and below:
/// `least` (what it is drawn at with standard text), or taller when the words need it.
pub fn target_height(least: f32, text: f32, padding: f32) -> f32 {
    least.max(text * LINE_HEIGHT + 2.0 * padding)
}

// The reading and touch minimums, checked when the kiosk is compiled.
const _: () = assert!(size::HINT >= 32.0 && size::BODY >= 32.0);
const _: () = assert!(space::MIN_TARGET >= 80.0 && space::BETWEEN_TARGETS >= 16.0);

/// Near-black on near-white: 17:1.
pub const TEXT: Color = Color::from_rgb8(0x1A, 0x1A, 0x1A);
pub const BACKGROUND: Color = Color::from_rgb8(0xF7, 0xF7, 0xF4);
pub const SURFACE: Color = Color::WHITE;
pub const BORDER: Color = Color::from_rgb8(0x4A, 0x4A, 0x4A);
/// Drawn around whatever has keyboard focus: thick and in a second colour, so that focus is
/// seen by shape as well as by colour.
pub const FOCUS: Color = Color::from_rgb8(0xF4, 0xC4, 0x30);
pub const FOCUS_WIDTH: f32 = 8.0;

/// The kiosk's look: the municipality's accent colour on a calm light background.
#[derive(Debug, Clone, Copy)]
pub struct Palette {
    pub accent: Color,
}

impl Palette {
    pub fn new(accent: Rgb) -> Self {
        Self {
            accent: Color::from_rgb8(accent.r, accent.g, accent.b),
        }
    }

    pub fn iced_theme(&self) -> Theme {
        Theme::custom(
            "Kiosk",
            iced::theme::Palette {
                background: BACKGROUND,
                text: TEXT,
                primary: self.accent,
                success: Color::from_rgb8(0x1E, 0x6B, 0x3A),
                warning: Color::from_rgb8(0x8A, 0x5A, 0x00),
                danger: Color::from_rgb8(0xA3, 0x1F, 0x1F),
            },
        )
    }

    /// The three big actions and every "do it" button: white on the accent colour.
    pub fn primary(self, focused: bool) -> impl Fn(&Theme, button::Status) -> button::Style {
        let accent = self.accent;
        move |_, status| {
            let background = match status {
                // Pressed feedback within a frame: visibly darker, and the border thickens.
                button::Status::Pressed => darken(accent, 0.35),
                _ => accent,
            };
            button::Style {
                background: Some(Background::Color(background)),
                text_color: Color::WHITE,
                border: focus_border(focused, darken(accent, 0.4), 16.0),
                // No shadow: tiny-skia's damage tracking leaves blurred shadows behind on the
                // next screen (seen under Xvfb); the border separates just as well.
                shadow: Shadow::default(),
                snap: true,
            }
        }
    }

    /// Back, start again, languages: dark text on white with a clear border.
    pub fn secondary(self, focused: bool) -> impl Fn(&Theme, button::Status) -> button::Style {
        move |_, status| button::Style {
            background: Some(Background::Color(match status {
                button::Status::Pressed => Color::from_rgb8(0xD8, 0xD8, 0xD2),
                _ => SURFACE,
            })),
            text_color: TEXT,
            border: focus_border(focused, BORDER, 12.0),
            shadow: Shadow::default(),
            snap: true,
        }
    }

    /// A language button; the language in use is filled, so it is seen without relying on
    /// colour alone.
    pub fn language(
        self,
        selected: bool,
        focused: bool,
    ) -> impl Fn(&Theme, button::Status) -> button::Style {
        let unselected = self.secondary(focused);
        move |theme, status| {
            if selected {
                button::Style {
                    background: Some(Background::Color(TEXT)),
                    text_color: Color::WHITE,
                    border: focus_border(focused, TEXT, 12.0),
                    shadow: Shadow::default(),
                    snap: true,
                }
            } else {
                unselected(theme, status)
            }
        }
    }
}

fn focus_border(focused: bool, normal: Color, radius: f32) -> Border {
    if focused {
        Border {
            color: FOCUS,
            width: FOCUS_WIDTH,
            radius: radius.into(),
        }
    } else {
        Border {
            color: normal,
            width: 3.0,
            radius: radius.into(),
        }
    }
}

fn darken(color: Color, amount: f32) -> Color {
    Color {
        r: color.r * (1.0 - amount),
        g: color.g * (1.0 - amount),
        b: color.b * (1.0 - amount),
        a: color.a,
    }
}

/// The header band and cards: white with a thin border.
pub fn card(_: &Theme) -> container::Style {
    container::Style {
        text_color: Some(TEXT),
        background: Some(Background::Color(SURFACE)),
        border: Border {
            color: BORDER,
            width: 2.0,
            radius: 16.0.into(),
        },
        shadow: Shadow::default(),
        snap: true,
    }
}

/// A degraded-service notice: dark text on pale amber with a dark border (12:1 and more).
pub fn warning(_: &Theme) -> container::Style {
    container::Style {
        text_color: Some(TEXT),
        background: Some(Background::Color(Color::from_rgb8(0xFF, 0xF1, 0xC2))),
        border: Border {
            color: Color::from_rgb8(0x8A, 0x5A, 0x00),
            width: 3.0,
            radius: 12.0.into(),
        },
        shadow: Shadow::default(),
        snap: true,
    }
}

/// Behind a modal question: the screen dimmed so the question stands out.
pub fn scrim(_: &Theme) -> container::Style {
    container::Style {
        background: Some(Background::Color(Color {
            a: 0.7,
            ..Color::BLACK
        })),
        ..container::Style::default()
    }
}

pub fn page(_: &Theme) -> container::Style {
    // No background: the window is cleared to the theme's background (`Palette::iced_theme`)
    // before every frame. A full-window quad on top was drawn again for every damaged
    // rectangle of a frame (10 to 15 on a screen change, about 3 ms each with tiny-skia at
    // 1080x1920), the largest share of a tap's time to the first changed frame.
    container::Style {
        text_color: Some(TEXT),
        ..container::Style::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rgb(color: Color) -> Rgb {
        let [r, g, b, _] = color.into_rgba8();
        Rgb { r, g, b }
    }

    #[test]
    fn text_colours_meet_seven_to_one() {
        assert!(rgb(TEXT).contrast(rgb(BACKGROUND)) >= 7.0);
        assert!(rgb(TEXT).contrast(rgb(SURFACE)) >= 7.0);
        assert!(rgb(Color::WHITE).contrast(rgb(TEXT)) >= 7.0);
    }
}
