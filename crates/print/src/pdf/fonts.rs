//! The embedded fonts. Bundled so that a document looks the same on every kiosk, whatever fonts
//! the system has; printpdf subsets them on save.

use printpdf::{FontId, ParsedFont, PdfDocument};

use crate::error::{PrintError, Result};

const REGULAR: &[u8] =
    include_bytes!("../../../../assets/fonts/AtkinsonHyperlegibleNext-Regular.ttf");
const BOLD: &[u8] = include_bytes!("../../../../assets/fonts/AtkinsonHyperlegibleNext-Bold.ttf");

pub(crate) struct Face {
    pub id: FontId,
    parsed: ParsedFont,
}

impl Face {
    /// Width of `text` at `size`, from the font's advances (no kerning: good enough for
    /// line breaking with a margin).
    pub fn width(&self, text: &str, size: f32) -> f32 {
        let upem = f32::from(self.parsed.font_metrics.units_per_em.max(1));
        let units: u32 = text
            .chars()
            .map(|c| {
                self.parsed
                    .lookup_glyph_index(u32::from(c))
                    .map_or(0, |g| u32::from(self.parsed.get_horizontal_advance(g)))
            })
            .sum();
        // f32 is exact for any realistic line width in font units.
        #[allow(clippy::cast_precision_loss)]
        let units = units as f32;
        units / upem * size
    }
}

pub(crate) struct Fonts {
    pub regular: Face,
    pub bold: Face,
}

impl Fonts {
    pub fn load(doc: &mut PdfDocument) -> Result<Self> {
        let load = |bytes: &[u8], doc: &mut PdfDocument| -> Result<Face> {
            let parsed = ParsedFont::from_bytes(bytes, 0, &mut Vec::new())
                .ok_or_else(|| PrintError::Pdf("embedded font does not parse".to_owned()))?;
            Ok(Face {
                id: doc.add_font(&parsed),
                parsed,
            })
        };
        Ok(Self {
            regular: load(REGULAR, doc)?,
            bold: load(BOLD, doc)?,
        })
    }
}
