//! What the backend answers to a certificate request, and why it or the printer did not work.

use std::fmt;
use std::sync::Arc;

use kiosk_api::CertificateDocument;

/// The certificate as shown before printing: large enough to check, never read aloud.
/// `Debug` shows only the document number: the lines are about the resident.
#[derive(Clone, PartialEq, Eq)]
pub struct CertificatePreview {
    /// E.g. "Proof of main residence", in the language the request asked for.
    pub title: String,
    /// (label, value) pairs shown one under another, e.g. ("Address", "Marktplein 1, 9999 Demodorp").
    pub lines: Vec<(String, String)>,
    /// The issued document, to print: the flow passes it on without looking inside.
    pub document: DocumentHandle,
    pub delivery: Delivery,
}

/// The document the backend issued, as the flow holds it: an opaque handle that travels from
/// the backend's answer to the print action. It lives in the flow's state, so it is dropped
/// with the session or when the card comes out. `Debug` and equality go by its number only.
#[derive(Clone)]
pub struct DocumentHandle {
    number: String,
    document: Option<Arc<CertificateDocument>>,
}

impl DocumentHandle {
    pub fn issued(document: CertificateDocument) -> Self {
        Self {
            number: document.document_number.clone(),
            document: Some(Arc::new(document)),
        }
    }

    /// A number without a document: a deferred request (nothing to print), or a test.
    pub fn numbered(number: impl Into<String>) -> Self {
        Self {
            number: number.into(),
            document: None,
        }
    }

    /// The document's unique number, printed on it and shown on the preview.
    pub fn number(&self) -> &str {
        &self.number
    }

    /// The document itself, for the print effect.
    pub fn document(&self) -> Option<&Arc<CertificateDocument>> {
        self.document.as_ref()
    }
}

impl PartialEq for DocumentHandle {
    fn eq(&self, other: &Self) -> bool {
        self.number == other.number
    }
}

impl Eq for DocumentHandle {}

impl fmt::Debug for DocumentHandle {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("DocumentHandle").field(&self.number).finish()
    }
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
            .field("document", &self.document)
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
    /// This kiosk asked for too many eID challenges in a short time (the backend's per-kiosk
    /// limit): not the resident's doing, so not worded as their card's.
    KioskBusy,
    /// The card's certificate is revoked (a card reported lost or stolen, or replaced).
    CardRevoked,
    /// The backend has no current revocation list for the card: it cannot say the card is
    /// still good, so it refuses it; the desk helps.
    CardStatusUnknown,
    Other,
}

impl Failure {
    /// What the resident is told about the backend's answer.
    pub fn from_sync(error: &kiosk_core::sync::SyncError) -> Self {
        use kiosk_api::problem_type as pt;
        if error.is_offline() {
            return Failure::Offline;
        }
        if error.is_kiosk_rate_limit() {
            return Failure::KioskBusy;
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
            Some(pt::CERTIFICATE_REVOKED) => Failure::CardRevoked,
            Some(pt::REVOCATION_UNKNOWN) => Failure::CardStatusUnknown,
            // An expired or used challenge, a refused token: trying again asks for a new one.
            _ => Failure::Other,
        }
    }
}
