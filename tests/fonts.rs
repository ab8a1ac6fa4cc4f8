//! The embedded fonts draw every letter of the names of Belgian residents, so that no name shows
//! as empty boxes on the screen.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use kiosk::fonts;

/// Dutch, French and German accents, and the letters of Polish, Turkish, Hungarian, Czech,
/// Romanian and Scandinavian names, plus the euro sign and typographic quotes.
const NEEDED: &str = "àâäçéèêëïîôöùûüÿæœñ ÀÂÄÇÉÈÊËÏÎÔÖÙÛÜŸÆŒÑ ß ąćęłńóśźż ĄĆĘŁŃÓŚŹŻ şğıİŞĞ őűŐŰ \
                      čďěňřšťůž ČĎĚŇŘŠŤŮŽ ăâîșț ĂÂÎȘȚ åøÅØ € ‘’“” … – —";

#[test]
fn the_embedded_fonts_cover_the_names_of_belgian_residents() {
    for (name, bytes) in [("regular", fonts::REGULAR), ("bold", fonts::BOLD)] {
        let face = ttf_parser::Face::parse(bytes, 0).unwrap();
        let missing: String = NEEDED
            .chars()
            .filter(|c| !c.is_whitespace() && face.glyph_index(*c).is_none())
            .collect();
        assert!(missing.is_empty(), "the {name} font lacks {missing}");
    }
}
