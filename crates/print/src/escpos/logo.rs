//! An optional logo as a raster image (GS v 0). Loaded from a binary PBM (P4) file, which any
//! image tool writes, so the kiosk needs no image-decoding stack to print a 1-bit logo.

use crate::error::{PrintError, Result};

/// A 1-bit image, rows packed MSB first, 1 = black.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Logo {
    width: u16,
    height: u16,
    bits: Vec<u8>,
}

impl Logo {
    pub fn from_pbm(data: &[u8]) -> Result<Self> {
        let bad = |why: &str| PrintError::Encode(format!("logo is not a binary PBM: {why}"));
        let mut fields = Vec::new();
        let mut pos = 0;
        // Header: "P4", width, height, separated by whitespace, with # comments.
        while fields.len() < 3 {
            while pos < data.len() && (data[pos].is_ascii_whitespace() || data[pos] == b'#') {
                if data[pos] == b'#' {
                    while pos < data.len() && data[pos] != b'\n' {
                        pos += 1;
                    }
                } else {
                    pos += 1;
                }
            }
            let start = pos;
            while pos < data.len() && !data[pos].is_ascii_whitespace() {
                pos += 1;
            }
            if start == pos {
                return Err(bad("short header"));
            }
            fields.push(String::from_utf8_lossy(&data[start..pos]).into_owned());
        }
        pos += 1; // the single whitespace before the raster
        if fields[0] != "P4" {
            return Err(bad("magic is not P4"));
        }
        let width: u16 = fields[1].parse().map_err(|_| bad("width"))?;
        let height: u16 = fields[2].parse().map_err(|_| bad("height"))?;
        let row = usize::from(width).div_ceil(8);
        let bits = data
            .get(pos..pos + row * usize::from(height))
            .ok_or_else(|| bad("truncated"))?;
        Ok(Self {
            width,
            height,
            bits: bits.to_vec(),
        })
    }

    /// GS v 0, centred by the caller's justification.
    pub fn raster_command(&self) -> Vec<u8> {
        let x = self.width.div_ceil(8);
        let [xl, xh] = x.to_le_bytes();
        let [yl, yh] = self.height.to_le_bytes();
        let mut cmd = vec![0x1D, b'v', b'0', 0, xl, xh, yl, yh];
        cmd.extend(&self.bits);
        cmd.push(b'\n');
        cmd
    }
}

#[cfg(test)]
mod tests {
    use super::Logo;

    #[test]
    fn reads_a_pbm_and_rasters_it() {
        let pbm = b"P4\n# logo\n9 2\n\xff\x80\x00\x00";
        let logo = Logo::from_pbm(pbm).unwrap_or_else(|e| unreachable!("{e}"));
        assert_eq!(
            logo.raster_command(),
            [0x1D, b'v', b'0', 0, 2, 0, 2, 0, 0xff, 0x80, 0, 0, b'\n']
        );
    }
}
