//! What the backend answers to a certificate request, and why it or the printer did not work.

use std::fmt;

/// The certificate as shown before printing: large enough to check, never read aloud.
/// `Debug` shows only the document number: the lines are about the resident.
#[derive(Clone, PartialEq, Eq)]
pub struct CertificatePreview {
    /// E.g. "Proof of main residence", in the language the request asked for.
    pub title: String,
    /// (label, value) pairs shown one under another, e.g. ("Address", "Marktplein 1, 9999 Demodorp").
    pub lines: Vec<(String, String)>,
    /// The issued document's unique number (also what the root prints by).
    pub document_number: String,
    pub delivery: Delivery,
}

/// Whether the document can be printed now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Delivery {
    Ready,
    /// Delivered later (model 596.2 needs a police check first); `when_text` says when and
    /// how, in the language the request asked for, e.g. "By post within 10 working days".
    Pending {
        when_text: String,
    },
}

impl fmt::Debug for CertificatePreview {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CertificatePreview")
            .field("document_number", &self.document_number)
            .field("delivery", &self.delivery)
            .finish_non_exhaustive()
    }
}

/// Why the backend gave no certificate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Failure {
    /// The backend cannot be reached: try again, or the desk.
    Offline,
    /// The resident is not in this municipality's register: the desk helps.
    NotRegistered,
    Other,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PrintFailure {
    /// Out of paper, cover open, offline: nothing was printed.
    NotReady,
    Failed,
}
