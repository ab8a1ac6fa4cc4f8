//! The verification QR as vector rectangles: sharp at any zoom and a few hundred bytes.

use printpdf::{Op, PaintMode, Pt, Rect};
use qrcode::{Color, EcLevel, QrCode};

use crate::error::{PrintError, Result};

/// Ops that draw a QR code of `size` with its lower-left corner at (`x`, `y`). A quiet zone of
/// four modules is part of `size`.
pub(crate) fn qr_ops(payload: &str, x: Pt, y: Pt, size: Pt) -> Result<Vec<Op>> {
    let code = QrCode::with_error_correction_level(payload.as_bytes(), EcLevel::M)
        .map_err(|e| PrintError::Pdf(format!("QR code: {e}")))?;
    let n = code.width();
    let colors = code.to_colors();
    #[allow(clippy::cast_precision_loss)]
    let module = size.0 / (n + 8) as f32;
    let mut ops = vec![Op::SaveGraphicsState];
    for row in 0..n {
        // One rectangle per run of dark modules in a row keeps the content stream small.
        let mut col = 0;
        while col < n {
            if colors[row * n + col] == Color::Dark {
                let start = col;
                while col < n && colors[row * n + col] == Color::Dark {
                    col += 1;
                }
                #[allow(clippy::cast_precision_loss)]
                let (left, top, run) = ((start + 4) as f32, (row + 4) as f32, (col - start) as f32);
                ops.push(Op::DrawRectangle {
                    rectangle: Rect {
                        mode: Some(PaintMode::Fill),
                        ..Rect::from_xywh(
                            Pt(x.0 + left * module),
                            Pt(y.0 + size.0 - (top + 1.0) * module),
                            Pt(run * module),
                            Pt(module),
                        )
                    },
                });
            } else {
                col += 1;
            }
        }
    }
    ops.push(Op::RestoreGraphicsState);
    Ok(ops)
}
