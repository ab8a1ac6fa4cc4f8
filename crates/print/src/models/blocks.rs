//! The vocabulary shared by the renderers: a ticket or document is a list of blocks.

/// One piece of a ticket or document, with its words already in the resident's language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// The municipality's logo, when the printer has one configured.
    Logo,
    /// A centred bold title.
    Heading(String),
    /// The queue number: as large as the printer can print.
    Huge(String),
    /// Centred, emphasised text (the service under the queue number).
    Emphasis(String),
    /// A paragraph, wrapped at word boundaries.
    Text(String),
    /// "Label: value", wrapped with the value indented under the label when it does not fit.
    Field { label: String, value: String },
    /// A bulleted list item.
    Bullet(String),
    /// A QR code with this payload.
    Qr(String),
    /// A CODE128 barcode with its human-readable text.
    Barcode(String),
    /// A horizontal rule.
    Rule,
    /// Small centred print (printed-at time, footers).
    Small(String),
    /// Empty space.
    Space,
}
