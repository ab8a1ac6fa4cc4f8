//! Colours from the config, and the WCAG contrast rule they must meet.

use std::str::FromStr;

/// An sRGB colour written as `#RRGGBB`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rgb {
    pub r: u8,
    pub g: u8,
    pub b: u8,
}

impl Rgb {
    pub const WHITE: Rgb = Rgb {
        r: 255,
        g: 255,
        b: 255,
    };

    /// WCAG 2.2 relative luminance.
    pub fn luminance(self) -> f64 {
        fn channel(c: u8) -> f64 {
            let c = f64::from(c) / 255.0;
            if c <= 0.04045 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        }
        0.2126 * channel(self.r) + 0.7152 * channel(self.g) + 0.0722 * channel(self.b)
    }

    /// WCAG contrast ratio between two colours, from 1 to 21.
    pub fn contrast(self, other: Rgb) -> f64 {
        let (a, b) = (self.luminance(), other.luminance());
        let (light, dark) = if a > b { (a, b) } else { (b, a) };
        (light + 0.05) / (dark + 0.05)
    }
}

impl FromStr for Rgb {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let hex = text
            .strip_prefix('#')
            .filter(|hex| hex.len() == 6 && hex.chars().all(|c| c.is_ascii_hexdigit()))
            .ok_or_else(|| format!("{text:?} is not a colour: write it as \"#RRGGBB\""))?;
        let byte = |at: usize| u8::from_str_radix(&hex[at..at + 2], 16).map_err(|e| e.to_string());
        Ok(Rgb {
            r: byte(0)?,
            g: byte(2)?,
            b: byte(4)?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contrast_matches_known_wcag_values() {
        let black = Rgb { r: 0, g: 0, b: 0 };
        assert!((Rgb::WHITE.contrast(black) - 21.0).abs() < 1e-9);
        // #767676 is the classic lightest grey that passes 4.5:1 on white.
        let grey: Rgb = "#767676".parse().unwrap_or(black);
        assert!((Rgb::WHITE.contrast(grey) - 4.54).abs() < 0.01);
    }

    #[test]
    fn malformed_colours_are_refused() {
        for text in ["0B4F8A", "#0B4F8", "#GGGGGG", "blue", ""] {
            assert!(text.parse::<Rgb>().is_err(), "{text} should be refused");
        }
    }
}
