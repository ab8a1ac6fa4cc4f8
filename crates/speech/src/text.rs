//! An utterance's text made safe for one SSIP data line.

/// The text as one SSIP data line: line breaks and other control characters become spaces
/// (a line holding only "." would end the message early), runs of spaces are folded, and a
/// leading dot is doubled as SSIP asks. Empty when there is nothing to say.
pub(crate) fn ssip_line(text: &str) -> String {
    let mut line = String::with_capacity(text.len() + 1);
    for word in text
        .split(|c: char| c.is_whitespace() || c.is_control())
        .filter(|word| !word.is_empty())
    {
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if line.starts_with('.') {
        line.insert(0, '.');
    }
    line
}

#[cfg(test)]
mod tests {
    use super::ssip_line;

    #[test]
    fn line_breaks_and_control_characters_become_single_spaces() {
        assert_eq!(
            ssip_line("Nummer\r\n.\r\nA 12\t\u{7}ok "),
            "Nummer . A 12 ok"
        );
    }

    #[test]
    fn a_leading_dot_is_doubled() {
        assert_eq!(ssip_line(".be"), "..be");
        assert_eq!(ssip_line("  \n "), "");
    }
}
