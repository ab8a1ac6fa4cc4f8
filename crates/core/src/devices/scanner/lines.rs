//! Bytes from the scanner into lines: a line ends with CR or LF (scanners send CR only, some CR
//! LF), is trimmed, and is refused when it is not a plausible code. Pure, so that every odd
//! byte sequence can be tested without a device.

use super::{Garbage, ScanEvent};

pub struct Lines {
    buffer: Vec<u8>,
    max_len: usize,
    overflowed: bool,
}

impl Lines {
    /// `max_len`: the longest line in bytes that can still be a code.
    pub fn new(max_len: usize) -> Self {
        Self {
            buffer: Vec::with_capacity(max_len.min(1024)),
            max_len,
            overflowed: false,
        }
    }

    /// Feeds bytes as they arrive; every completed line adds one event to `out`.
    pub fn push(&mut self, bytes: &[u8], out: &mut Vec<ScanEvent>) {
        for &byte in bytes {
            if byte == b'\r' || byte == b'\n' {
                out.extend(self.finish());
            } else if self.buffer.len() < self.max_len {
                self.buffer.push(byte);
            } else {
                // Keep the memory bounded; the whole line is refused at its end.
                self.overflowed = true;
            }
        }
    }

    pub fn is_pending(&self) -> bool {
        !self.buffer.is_empty() || self.overflowed
    }

    /// Drops a line that never ended (the scanner went quiet or away mid-line), so that its
    /// bytes do not spoil the next scan.
    pub fn abandon(&mut self) -> Option<ScanEvent> {
        let kind = if self.overflowed {
            Garbage::TooLong
        } else {
            Garbage::Unterminated
        };
        let event = self.is_pending().then_some(ScanEvent::Garbage(kind));
        self.clear();
        event
    }

    fn finish(&mut self) -> Option<ScanEvent> {
        // A terminator right after another (the LF of CR LF) ends nothing.
        if !self.is_pending() {
            return None;
        }
        let event = if self.overflowed {
            ScanEvent::Garbage(Garbage::TooLong)
        } else {
            match std::str::from_utf8(&self.buffer) {
                Err(_) => ScanEvent::Garbage(Garbage::NonPrintable),
                Ok(line) => {
                    let line = line.trim();
                    if line.is_empty() {
                        ScanEvent::Garbage(Garbage::Empty)
                    } else if line.chars().any(char::is_control) {
                        ScanEvent::Garbage(Garbage::NonPrintable)
                    } else {
                        ScanEvent::Code(line.to_owned())
                    }
                }
            }
        };
        self.clear();
        Some(event)
    }

    fn clear(&mut self) {
        self.buffer.clear();
        self.overflowed = false;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(input: &[u8]) -> Vec<ScanEvent> {
        let mut lines = Lines::new(16);
        let mut out = Vec::new();
        lines.push(input, &mut out);
        out
    }

    fn code(s: &str) -> ScanEvent {
        ScanEvent::Code(s.to_owned())
    }

    #[test]
    fn cr_lf_and_cr_lf_all_end_a_line_once() {
        assert_eq!(
            lines(b"AB\rCD\nEF\r\nGH\n\r"),
            [code("AB"), code("CD"), code("EF"), code("GH")]
        );
    }

    #[test]
    fn lines_are_trimmed_and_blank_ones_refused() {
        assert_eq!(
            lines(b"  AB \t\r   \r"),
            [code("AB"), ScanEvent::Garbage(Garbage::Empty)]
        );
    }

    #[test]
    fn control_bytes_and_invalid_utf8_are_garbage() {
        assert_eq!(
            lines(b"A\x01B\r\xff\xfe\rK\xc3\xa9\r"),
            [
                ScanEvent::Garbage(Garbage::NonPrintable),
                ScanEvent::Garbage(Garbage::NonPrintable),
                code("Ké"),
            ]
        );
    }

    #[test]
    fn an_over_long_line_is_one_event_and_the_next_line_is_fine() {
        let mut input = vec![b'A'; 100];
        input.extend_from_slice(b"\rNEXT\r");
        assert_eq!(
            lines(&input),
            [ScanEvent::Garbage(Garbage::TooLong), code("NEXT")]
        );
    }

    #[test]
    fn a_line_split_over_reads_is_joined() {
        let mut lines = Lines::new(16);
        let mut out = Vec::new();
        lines.push(b"KB1-", &mut out);
        assert!(out.is_empty() && lines.is_pending());
        lines.push(b"XY\r", &mut out);
        assert_eq!(out, [code("KB1-XY")]);
    }

    #[test]
    fn an_abandoned_line_is_reported_and_forgotten() {
        let mut lines = Lines::new(16);
        let mut out = Vec::new();
        lines.push(b"HALF", &mut out);
        assert_eq!(
            lines.abandon(),
            Some(ScanEvent::Garbage(Garbage::Unterminated))
        );
        assert_eq!(lines.abandon(), None);
        lines.push(b"WHOLE\r", &mut out);
        assert_eq!(out, [code("WHOLE")]);
    }
}
