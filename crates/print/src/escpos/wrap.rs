//! Word wrapping for a fixed number of columns: a thermal printer breaks lines mid-word itself.

/// Lines of at most `width` characters, broken at spaces; a word longer than a line is split.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        let mut line = String::new();
        let mut len = 0;
        for word in paragraph.split_whitespace() {
            let mut word: Vec<char> = word.chars().collect();
            while word.len() > width {
                if len > 0 {
                    lines.push(std::mem::take(&mut line));
                    len = 0;
                }
                let rest = word.split_off(width);
                lines.push(word.into_iter().collect());
                word = rest;
            }
            if word.is_empty() {
                continue;
            }
            if len > 0 && len + 1 + word.len() > width {
                lines.push(std::mem::take(&mut line));
                len = 0;
            }
            if len > 0 {
                line.push(' ');
                len += 1;
            }
            len += word.len();
            line.extend(word);
        }
        if len > 0 || lines.is_empty() {
            lines.push(line);
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::wrap;

    #[test]
    fn breaks_at_word_boundaries() {
        assert_eq!(
            wrap("Volg het scherm in de wachtzaal alstublieft", 16),
            ["Volg het scherm", "in de wachtzaal", "alstublieft"]
        );
    }

    #[test]
    fn splits_words_longer_than_a_line() {
        assert_eq!(wrap("ab abcdefghij", 4), ["ab", "abcd", "efgh", "ij"]);
    }

    #[test]
    fn counts_characters_not_bytes() {
        assert_eq!(wrap("één één", 7), ["één één"]);
    }
}
