//! Makes text printable on a WPC1252 code page. A character the code page lacks would otherwise be
//! sent as raw UTF-8 (two or three garbage glyphs on paper), so it is replaced by its closest Latin
//! spelling: `Łukasz Şahin` becomes `Lukasz Sahin`, while `Anaïs Dupré` stays as is.

/// Characters 0x80..=0x9F of Windows-1252 that are not Latin-1 control codes.
const CP1252_HIGH: [(char, u8); 27] = [
    ('€', 0x80),
    ('‚', 0x82),
    ('ƒ', 0x83),
    ('„', 0x84),
    ('…', 0x85),
    ('†', 0x86),
    ('‡', 0x87),
    ('ˆ', 0x88),
    ('‰', 0x89),
    ('Š', 0x8A),
    ('‹', 0x8B),
    ('Œ', 0x8C),
    ('Ž', 0x8E),
    ('‘', 0x91),
    ('’', 0x92),
    ('“', 0x93),
    ('”', 0x94),
    ('•', 0x95),
    ('–', 0x96),
    ('—', 0x97),
    ('˜', 0x98),
    ('™', 0x99),
    ('š', 0x9A),
    ('›', 0x9B),
    ('œ', 0x9C),
    ('ž', 0x9E),
    ('Ÿ', 0x9F),
];

/// The WPC1252 byte for `c`, if the code page has it (printable characters only).
pub fn cp1252_byte(c: char) -> Option<u8> {
    let code = u32::from(c);
    match code {
        0x20..=0x7E | 0xA0..=0xFF => u8::try_from(code).ok(),
        _ => CP1252_HIGH.iter().find(|(ch, _)| *ch == c).map(|(_, b)| *b),
    }
}

/// Text with every character the code page lacks replaced; control and format characters (such as
/// Fluent's isolation marks) are dropped, and unusual spaces become plain spaces.
pub fn to_cp1252_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c == '\n' {
            out.push('\n');
        } else if c.is_control() || is_format(c) {
            // invisible: nothing to print
        } else if cp1252_byte(c).is_some() {
            out.push(c);
        } else if c.is_whitespace() {
            out.push(' ');
        } else {
            match deunicode::deunicode_char(c) {
                Some(latin) if !latin.is_empty() => {
                    out.extend(latin.chars().filter(|ch| cp1252_byte(*ch).is_some()));
                }
                _ => out.push('?'),
            }
        }
    }
    out
}

/// Text encoded as WPC1252 bytes (after transliteration).
pub fn encode_cp1252(text: &str) -> Vec<u8> {
    to_cp1252_text(text)
        .chars()
        .filter_map(cp1252_byte)
        .collect()
}

fn is_format(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2069}' | '\u{FEFF}' | '\u{AD}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_what_the_code_page_has() {
        assert_eq!(
            to_cp1252_text("Anaïs Dupré, Größe 5 €"),
            "Anaïs Dupré, Größe 5 €"
        );
    }

    #[test]
    fn transliterates_what_it_lacks() {
        assert_eq!(to_cp1252_text("Łukasz Şahin"), "Lukasz Sahin");
        assert_eq!(to_cp1252_text("Dvořák Čech İlkay ğ"), "Dvorák Cech Ilkay g");
    }

    #[test]
    fn drops_isolation_marks_and_odd_spaces() {
        assert_eq!(to_cp1252_text("\u{2068}B007\u{2069}\u{202F}x"), "B007 x");
    }

    #[test]
    fn encodes_bytes() {
        assert_eq!(encode_cp1252("é€Ł"), vec![0xE9, 0x80, b'L']);
    }
}
