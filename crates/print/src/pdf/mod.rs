//! A4 PDF documents with printpdf 0.12 (op-based API): the municipality's header, the embedded
//! Atkinson Hyperlegible Next font (subset), a verification QR, the document number, page
//! numbers when longer than a page, and metadata (title, language, creation date).

mod fonts;
mod output;
mod qr;

use printpdf::{
    Color, Line, LinePoint, Op, PdfDocument, PdfFontHandle, PdfPage, PdfSaveOptions, Point, Pt,
    Rgb, TextItem,
};

pub use output::{Delivered, PdfDestination, deliver_pdf};

use crate::error::{PrintError, Result};
use crate::labels::Labels;
use crate::models::{Block, Document};
use fonts::{Face, Fonts};

const PAGE_W: f32 = 595.28;
const PAGE_H: f32 = 841.89;
const MARGIN: f32 = 56.7; // 20 mm
/// Room kept at the bottom of each page for the footer.
const FOOTER: f32 = 60.0;
const BODY: f32 = 11.0;
const QR_SIZE: f32 = 96.0; // about 34 mm with its quiet zone: easy for a phone

/// Renders a document in the resident's language; `lang` is its BCP 47 tag (`nl-BE`), written to
/// the PDF's /Lang so that screen readers pick the right voice.
pub fn render_document(document: &Document, labels: &dyn Labels, lang: &str) -> Result<Vec<u8>> {
    let title = document.title(labels);
    let mut pdf = PdfDocument::new(&title);
    let fonts = Fonts::load(&mut pdf)?;

    let running_head = format!("{}  ·  {title}", document.municipality().name);
    let mut page = Composer::new(&fonts, running_head);
    page.header(document);
    page.text(&fonts.bold, 18.0, &title, 0.0);
    page.text(
        &fonts.regular,
        10.0,
        &labels.text(
            "print-doc-number",
            &[("number", document.document_number().to_owned())],
        ),
        0.0,
    );
    page.gap(14.0);
    for block in document.blocks(labels) {
        page.block(&block);
    }
    page.verification(document, labels)?;
    let pages = page.finish(document, labels);

    let info = &mut pdf.metadata.info;
    info.document_title = title;
    info.creator = "kiosk".to_owned();
    info.producer = "kiosk-print".to_owned();
    info.author = document.municipality().name.clone();
    info.subject = document.document_number().to_owned();
    info.identifier = document.document_number().to_owned();
    info.creation_date = pdf_date(document.issued_at());
    info.modification_date = info.creation_date;
    info.metadata_date = info.creation_date;
    pdf.with_pages(pages);

    let mut warnings = Vec::new();
    let options = PdfSaveOptions::default();
    let mut lo = pdf.to_lopdf_document(&options, &mut warnings);
    lo.catalog_mut()
        .map_err(|e| PrintError::Pdf(format!("no catalog: {e}")))?
        .set("Lang", lopdf::Object::string_literal(lang));
    lo.compress();
    let mut bytes = Vec::new();
    lo.save_to(&mut bytes)
        .map_err(|e| PrintError::Pdf(e.to_string()))?;
    Ok(bytes)
}

/// printpdf writes the date without its offset, so it gets UTC (the instant stays right).
fn pdf_date(at: &jiff::ZonedDateTime) -> printpdf::DateTime {
    let at = at.with_time_zone(jiff::tz::TimeZone::UTC);
    printpdf::DateTime {
        date: printpdf::Date {
            year: i32::from(at.year()),
            month: at.month().unsigned_abs(),
            day: at.day().unsigned_abs(),
        },
        time: printpdf::Time {
            hour: at.hour().unsigned_abs(),
            minute: at.minute().unsigned_abs(),
            second: at.second().unsigned_abs(),
            millisecond: 0,
        },
        offset: printpdf::Offset {
            hours: 0,
            minutes: 0,
            seconds: 0,
            milliseconds: 0,
        },
    }
}

/// Lays blocks out top to bottom, starting a new page when one is full.
struct Composer<'a> {
    fonts: &'a Fonts,
    done: Vec<Vec<Op>>,
    ops: Vec<Op>,
    /// Baseline of the next line, in pt from the bottom.
    y: f32,
    /// Printed atop every page after the first, so a loose page still says what it belongs to.
    running_head: String,
}

impl<'a> Composer<'a> {
    fn new(fonts: &'a Fonts, running_head: String) -> Self {
        Self {
            fonts,
            done: Vec::new(),
            ops: Vec::new(),
            y: PAGE_H - MARGIN,
            running_head,
        }
    }

    fn width(&self) -> f32 {
        PAGE_W - 2.0 * MARGIN
    }

    fn header(&mut self, document: &Document) {
        let m = document.municipality();
        self.text(&self.fonts.bold, 16.0, &m.name, 0.0);
        for line in &m.address {
            self.text(&self.fonts.regular, 9.5, line, 0.0);
        }
        self.text(&self.fonts.regular, 9.5, &m.website, 0.0);
        self.y -= 6.0;
        self.rule();
        self.y -= 18.0;
    }

    fn rule(&mut self) {
        self.ops.push(Op::SetOutlineColor {
            col: Color::Rgb(Rgb::new(0.4, 0.4, 0.4, None)),
        });
        self.ops.push(Op::SetOutlineThickness { pt: Pt(0.8) });
        self.ops.push(Op::DrawLine {
            line: Line {
                points: vec![
                    LinePoint {
                        p: Point {
                            x: Pt(MARGIN),
                            y: Pt(self.y),
                        },
                        bezier: false,
                    },
                    LinePoint {
                        p: Point {
                            x: Pt(PAGE_W - MARGIN),
                            y: Pt(self.y),
                        },
                        bezier: false,
                    },
                ],
                is_closed: false,
            },
        });
    }

    fn gap(&mut self, pt: f32) {
        self.y -= pt;
    }

    fn ensure(&mut self, height: f32) {
        if self.y - height < MARGIN + FOOTER {
            self.done.push(std::mem::take(&mut self.ops));
            self.y = PAGE_H - MARGIN - 9.0;
            let head = self.running_head.clone();
            self.show(&self.fonts.regular, 9.0, MARGIN, self.y, &head);
            self.y -= 8.0;
            self.rule();
            self.y -= 12.0;
        }
    }

    /// A wrapped paragraph; `indent` shifts every line right.
    fn text(&mut self, face: &Face, size: f32, text: &str, indent: f32) {
        for line in break_lines(face, size, text, self.width() - indent) {
            self.ensure(size * 1.35);
            self.y -= size * 1.35;
            self.show(face, size, MARGIN + indent, self.y, &line);
        }
    }

    fn show(&mut self, face: &Face, size: f32, x: f32, y: f32, text: &str) {
        self.ops.extend([
            Op::StartTextSection,
            Op::SetFont {
                font: PdfFontHandle::External(face.id.clone()),
                size: Pt(size),
            },
            Op::SetTextCursor {
                pos: Point { x: Pt(x), y: Pt(y) },
            },
            Op::ShowText {
                items: vec![TextItem::Text(text.to_owned())],
            },
            Op::EndTextSection,
        ]);
    }

    fn block(&mut self, block: &Block) {
        let (regular, bold) = (&self.fonts.regular, &self.fonts.bold);
        match block {
            Block::Heading(t) | Block::Emphasis(t) | Block::Huge(t) => {
                self.text(bold, 13.0, t, 0.0)
            }
            Block::Text(t) => self.text(regular, BODY, t, 0.0),
            Block::Small(t) => self.text(regular, 9.0, t, 0.0),
            Block::Field { label, value } => {
                // Label column, value beside it; a long value wraps within its column.
                let column = 185.0;
                self.ensure(BODY * 1.35);
                let top = self.y;
                self.text(bold, BODY, label, 0.0);
                let after_label = self.y;
                self.y = top;
                self.text(regular, BODY, value, column);
                self.y = self.y.min(after_label);
            }
            Block::Bullet(t) => {
                self.ensure(BODY * 1.35);
                let y = self.y - BODY * 1.35;
                self.show(regular, BODY, MARGIN + 6.0, y, "•");
                self.text(regular, BODY, t, 18.0);
            }
            Block::Rule => {
                self.y -= 6.0;
                self.rule();
                self.y -= 6.0;
            }
            Block::Space => self.gap(BODY * 0.8),
            // On paper the verification QR stands for these; a logo is a ticket-printer asset.
            Block::Qr(_) | Block::Barcode(_) | Block::Logo => {}
        }
    }

    fn verification(&mut self, document: &Document, labels: &dyn Labels) -> Result<()> {
        let v = document.verification();
        self.gap(24.0);
        self.ensure(QR_SIZE);
        let bottom = self.y - QR_SIZE;
        self.ops.extend(qr::qr_ops(
            &v.url,
            Pt(MARGIN - 8.0),
            Pt(bottom),
            Pt(QR_SIZE),
        )?);
        let text = labels.text(
            "print-doc-verify",
            &[("url", v.url.clone()), ("code", v.code.clone())],
        );
        self.y -= 12.0;
        self.text(&self.fonts.regular, 10.0, &text, QR_SIZE + 4.0);
        self.y = self.y.min(bottom);
        Ok(())
    }

    /// Closes the last page and adds the footers, which need the page count.
    fn finish(mut self, document: &Document, labels: &dyn Labels) -> Vec<PdfPage> {
        self.done.push(std::mem::take(&mut self.ops));
        let total = self.done.len();
        let fonts = self.fonts;
        let mut pages = Vec::with_capacity(total);
        for (i, mut ops) in std::mem::take(&mut self.done).into_iter().enumerate() {
            let mut footer = document.document_number().to_owned();
            if total > 1 {
                let page = labels.text(
                    "print-page",
                    &[("page", (i + 1).to_string()), ("pages", total.to_string())],
                );
                footer = format!("{footer}  ·  {page}");
            }
            let x = PAGE_W - MARGIN - fonts.regular.width(&footer, 9.0);
            self.ops = Vec::new();
            self.show(&fonts.regular, 9.0, x, MARGIN - 20.0, &footer);
            ops.append(&mut self.ops);
            pages.push(PdfPage::new(printpdf::Mm(210.0), printpdf::Mm(297.0), ops));
        }
        pages
    }
}

/// Greedy line breaking at spaces by measured width.
fn break_lines(face: &Face, size: f32, text: &str, width: f32) -> Vec<String> {
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        let mut line = String::new();
        for word in paragraph.split_whitespace() {
            let candidate = if line.is_empty() {
                word.to_owned()
            } else {
                format!("{line} {word}")
            };
            if !line.is_empty() && face.width(&candidate, size) > width {
                lines.push(std::mem::replace(&mut line, word.to_owned()));
            } else {
                line = candidate;
            }
        }
        lines.push(line);
    }
    lines
}
