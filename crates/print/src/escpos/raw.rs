//! The few ESC/POS commands the escpos crate does not provide (or wraps in a way we cannot use).

/// CODE128 with its human-readable text below: GS H 2, GS h, GS w, then GS k 73 ("function B",
/// length-prefixed). escpos 0.20.1 has no CODE128; code set B (`{B`) takes any printable ASCII.
pub fn code128(data: &str) -> Vec<u8> {
    let ascii: Vec<u8> = data
        .bytes()
        .filter(|b| (0x20..0x7F).contains(b) && *b != b'{')
        .collect();
    let mut cmd = vec![0x1D, b'H', 2, 0x1D, b'h', 80, 0x1D, b'w', 2];
    let payload_len = ascii.len().min(253) + 2;
    cmd.extend([
        0x1D,
        b'k',
        73,
        u8::try_from(payload_len).unwrap_or(255),
        b'{',
        b'B',
    ]);
    cmd.extend(ascii.iter().take(253));
    cmd.push(b'\n');
    cmd
}

/// GS ! n: character size, `w` and `h` in 1..=8.
pub fn char_size(w: u8, h: u8) -> Vec<u8> {
    let w = w.clamp(1, 8) - 1;
    let h = h.clamp(1, 8) - 1;
    vec![0x1D, b'!', (w << 4) | h]
}

/// DLE EOT n: real-time status request (1 printer, 2 offline cause, 4 roll paper sensor).
pub fn dle_eot(n: u8) -> [u8; 3] {
    [0x10, 0x04, n]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code128_is_gs_k_73_with_code_set_b() {
        assert_eq!(
            code128("K7P9"),
            [
                0x1D, b'H', 2, 0x1D, b'h', 80, 0x1D, b'w', 2, 0x1D, b'k', 73, 6, b'{', b'B', b'K',
                b'7', b'P', b'9', b'\n'
            ]
        );
    }
}
