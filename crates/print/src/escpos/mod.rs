//! ESC/POS rendering of tickets.
//!
//! The escpos crate builds the commands; text goes through our own WPC1252 encoder
//! ([`crate::transliterate`]) because escpos sends any character missing from its table as raw
//! UTF-8, which prints as garbage. CODE128 and the logo raster are written raw ([`raw`]).

mod logo;
mod raw;
mod wrap;

use std::cell::RefCell;
use std::rc::Rc;

use escpos::driver::Driver;
use escpos::printer::Printer;
use escpos::printer_options::PrinterOptions;
use escpos::utils::{
    JustifyMode, PageCode, Protocol, QRCodeCorrectionLevel, QRCodeModel, QRCodeOption,
};
use serde::{Deserialize, Serialize};

pub use logo::Logo;
pub use raw::dle_eot;
pub use wrap::wrap;

use crate::error::{PrintError, Result};
use crate::labels::Labels;
use crate::models::{Block, Ticket};
use crate::transliterate::encode_cp1252;

/// Characters per line in font A: 32 on 58 mm paper, 42 or 48 on 80 mm paper.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "u8", into = "u8")]
pub struct Columns(u8);

impl Columns {
    pub const MM58: Self = Self(32);
    pub const MM80_42: Self = Self(42);
    pub const MM80_48: Self = Self(48);

    pub fn get(self) -> usize {
        usize::from(self.0)
    }
}

impl Default for Columns {
    fn default() -> Self {
        Self::MM80_42
    }
}

impl TryFrom<u8> for Columns {
    type Error = String;

    fn try_from(value: u8) -> std::result::Result<Self, String> {
        match value {
            32 | 42 | 48 => Ok(Self(value)),
            other => Err(format!(
                "columns must be 32 (58 mm), 42 or 48 (80 mm), not {other}"
            )),
        }
    }
}

impl From<Columns> for u8 {
    fn from(value: Columns) -> Self {
        value.0
    }
}

/// How a ticket is laid out on this printer.
#[derive(Debug, Clone, Default)]
pub struct Layout {
    pub columns: Columns,
    pub logo: Option<Logo>,
}

/// The bytes of one ticket, ready for a transport: initialise, WPC1252, content, cut.
pub fn render_ticket(ticket: &Ticket, labels: &dyn Labels, layout: &Layout) -> Result<Vec<u8>> {
    render_blocks(&ticket.blocks(labels), layout)
}

/// Renders blocks; exposed so the kiosk can print its own staff pages with the same look.
pub fn render_blocks(blocks: &[Block], layout: &Layout) -> Result<Vec<u8>> {
    let sink = Sink::default();
    let options = PrinterOptions::new(Some(PageCode::WPC1252), None, layout.columns.0);
    let mut printer = Printer::new(sink.clone(), Protocol::default(), Some(options));
    // init() sends ESC @ then ESC t 16 (WPC1252): the printer forgets any earlier code page.
    printer.init().map_err(encode_err)?;
    let mut w = Writer {
        printer,
        columns: layout.columns.get(),
    };
    for block in blocks {
        w.block(block, layout.logo.as_ref())?;
    }
    w.printer
        .feeds(4)
        .map_err(encode_err)?
        .partial_cut()
        .map_err(encode_err)?;
    w.printer.print().map_err(encode_err)?;
    Ok(sink.take())
}

fn encode_err(e: escpos::errors::PrinterError) -> PrintError {
    PrintError::Encode(e.to_string())
}

struct Writer {
    printer: Printer<Sink>,
    columns: usize,
}

impl Writer {
    fn block(&mut self, block: &Block, logo: Option<&Logo>) -> Result<()> {
        let cols = self.columns;
        match block {
            Block::Logo => {
                if let Some(logo) = logo {
                    self.justify(JustifyMode::CENTER)?;
                    self.raw(&logo.raster_command())?;
                }
            }
            Block::Heading(text) => {
                self.justify(JustifyMode::CENTER)?;
                self.printer.bold(true).map_err(encode_err)?;
                self.raw(&raw::char_size(1, 2))?;
                self.lines(text, cols)?;
                self.raw(&raw::char_size(1, 1))?;
                self.printer.bold(false).map_err(encode_err)?;
            }
            Block::Huge(text) => {
                // As large as fits on one line, at most 6x: "B007" is 24 columns wide.
                let len = text.chars().count().max(1);
                let factor = u8::try_from((cols / len).clamp(1, 6)).unwrap_or(1);
                self.justify(JustifyMode::CENTER)?;
                self.printer.bold(true).map_err(encode_err)?;
                self.raw(&raw::char_size(factor, factor))?;
                self.lines(text, cols / usize::from(factor))?;
                self.raw(&raw::char_size(1, 1))?;
                self.printer.bold(false).map_err(encode_err)?;
            }
            Block::Emphasis(text) => {
                self.justify(JustifyMode::CENTER)?;
                self.printer.bold(true).map_err(encode_err)?;
                self.raw(&raw::char_size(2, 2))?;
                self.lines(text, cols / 2)?;
                self.raw(&raw::char_size(1, 1))?;
                self.printer.bold(false).map_err(encode_err)?;
            }
            Block::Text(text) => {
                self.justify(JustifyMode::LEFT)?;
                self.lines(text, cols)?;
            }
            Block::Field { label, value } => {
                self.justify(JustifyMode::LEFT)?;
                let one_line = format!("{label}: {value}");
                if one_line.chars().count() <= cols {
                    self.lines(&one_line, cols)?;
                } else {
                    self.lines(&format!("{label}:"), cols)?;
                    for line in wrap(value, cols - 2) {
                        self.line(&format!("  {line}"))?;
                    }
                }
            }
            Block::Bullet(text) => {
                self.justify(JustifyMode::LEFT)?;
                for (i, line) in wrap(text, cols - 2).iter().enumerate() {
                    let mark = if i == 0 { "- " } else { "  " };
                    self.line(&format!("{mark}{line}"))?;
                }
            }
            Block::Qr(payload) => {
                self.justify(JustifyMode::CENTER)?;
                // Module size 6 (about 3 cm for a short payload); the printer draws it (GS ( k).
                let option = QRCodeOption::new(QRCodeModel::Model2, 6, QRCodeCorrectionLevel::M);
                self.printer
                    .qrcode_option(payload, option)
                    .map_err(encode_err)?;
            }
            Block::Barcode(data) => {
                self.justify(JustifyMode::CENTER)?;
                self.raw(&raw::code128(data))?;
            }
            Block::Rule => {
                self.justify(JustifyMode::LEFT)?;
                self.line(&"-".repeat(cols))?;
            }
            Block::Small(text) => {
                self.justify(JustifyMode::CENTER)?;
                self.lines(text, cols)?;
            }
            Block::Space => self.raw(b"\n")?,
        }
        Ok(())
    }

    fn justify(&mut self, mode: JustifyMode) -> Result<()> {
        self.printer.justify(mode).map_err(encode_err)?;
        Ok(())
    }

    fn raw(&mut self, bytes: &[u8]) -> Result<()> {
        self.printer.custom(bytes).map_err(encode_err)?;
        Ok(())
    }

    fn lines(&mut self, text: &str, width: usize) -> Result<()> {
        for line in wrap(&crate::transliterate::to_cp1252_text(text), width) {
            self.line(&line)?;
        }
        Ok(())
    }

    /// One line of text: encoded by us, terminated with LF.
    fn line(&mut self, text: &str) -> Result<()> {
        let mut bytes = encode_cp1252(text);
        bytes.push(b'\n');
        self.raw(&bytes)
    }
}

/// An escpos driver that keeps the bytes instead of sending them: rendering is pure, the
/// transports send later (and the journal keeps the exact bytes for a reprint).
#[derive(Clone, Default)]
struct Sink(Rc<RefCell<Vec<u8>>>);

impl Sink {
    fn take(&self) -> Vec<u8> {
        std::mem::take(&mut *self.0.borrow_mut())
    }
}

impl Driver for Sink {
    fn name(&self) -> String {
        "memory".to_owned()
    }

    fn write(&self, data: &[u8]) -> escpos::errors::Result<()> {
        self.0.borrow_mut().extend_from_slice(data);
        Ok(())
    }

    fn read(&self, _buf: &mut [u8]) -> escpos::errors::Result<usize> {
        Ok(0)
    }

    fn flush(&self) -> escpos::errors::Result<()> {
        Ok(())
    }
}
