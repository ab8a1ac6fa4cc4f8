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
    /// The backend could not confirm the card is genuine (a signature or certificate that does
    /// not check out): trying again will not help, the desk will.
    CardRejected,
    /// Too many requests with this card in a short time.
    TooManyRequests,
    Other,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PrintFailure {
    /// Out of paper, cover open, offline: nothing was printed.
    NotReady,
    Failed,
}

impl Failure {
    /// What the resident is told about the backend's answer.
    pub fn from_sync(error: &kiosk_core::sync::SyncError) -> Self {
        use kiosk_api::problem_type as pt;
        if error.is_offline() {
            return Failure::Offline;
        }
        match error.problem_type() {
            Some(pt::PERSON_NOT_FOUND) => Failure::NotRegistered,
            Some(
                pt::SIGNATURE_INVALID
                | pt::CERTIFICATE_UNTRUSTED
                | pt::CARD_MISMATCH
                | pt::CARD_DATA_INVALID
                | pt::NATIONAL_NUMBER_INVALID,
            ) => Failure::CardRejected,
            Some(pt::TOO_MANY_ATTEMPTS) => Failure::TooManyRequests,
            // An expired or used challenge, a refused token: trying again asks for a new one.
            _ => Failure::Other,
        }
    }
}
