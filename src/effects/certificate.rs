//! The certificate flow's actions: read the card, check the PIN, have the backend issue the
//! certificate (a challenge, the card's signature, the signed card files), and print the
//! document as an A4 PDF. The issued document goes to the root, which keeps it for printing
//! until the session ends; the flow only sees the preview.

use std::sync::Arc;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use iced::Task;
use jiff::civil::Date;
use kiosk_api::{CertificateDocument, CertificateRequestStatus, CreateCertificateRequest};
use kiosk_core::i18n::{I18n, Language};
use kiosk_core::print::pdf::{PdfDestination, deliver_pdf};
use kiosk_core::sync::{Client, IdempotencyKey};

use super::Effects;
use crate::app::Message as RootMessage;
use crate::card_reader::CardReader;
use crate::screen::certificate::{
    Action, CardFailure, CertificatePreview, Delivery, Failure, Message, PinFailure, PrintFailure,
};

/// What the certificate flow needs besides the common effects.
pub struct CertificateContext {
    pub card: Option<CardReader>,
    pub today: Date,
    pub destination: PdfDestination,
    /// The document the backend issued in this session, to print.
    pub document: Option<Arc<CertificateDocument>>,
    /// The kiosk's words, shared with the print task (the PDF's labels come from them).
    pub i18n: Arc<I18n>,
}

/// A certificate the backend issued (or will deliver later), for the root to keep.
#[derive(Clone)]
pub struct Issued {
    pub preview: CertificatePreview,
    /// `None` for a deferred type: nothing to print now.
    pub document: Option<Arc<CertificateDocument>>,
}

impl std::fmt::Debug for Issued {
    /// The document is about the resident: only its number shows.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Issued")
            .field("preview", &self.preview)
            .finish_non_exhaustive()
    }
}

pub fn run(
    action: Action,
    effects: &Effects<'_>,
    context: CertificateContext,
) -> Task<RootMessage> {
    let to_flow = |task: Task<Message>| task.map(RootMessage::Certificate);
    let Some(card) = context.card else {
        // No reader configured: the start screen does not offer certificates, so this is a
        // flow opened by a test or a configuration change; it answers like an empty reader.
        return to_flow(no_reader(&action));
    };
    match action {
        Action::ReadCard => to_flow(Task::perform(
            async move { card.read_holder(context.today).await },
            Message::CardRead,
        )),
        Action::VerifyPin { pin } => to_flow(Task::perform(
            async move { card.verify_pin(pin).await },
            Message::PinResult,
        )),
        Action::VerifyPinOnReader => to_flow(Task::perform(
            async move { card.verify_pin_on_reader().await },
            Message::PinResult,
        )),
        Action::Request {
            type_code,
            purpose,
            language,
        } => {
            let words = Words::new(effects.i18n, language);
            let client = effects.client.clone();
            Task::perform(
                async move { request(client, card, type_code, purpose, language, words).await },
                RootMessage::CertificateIssued,
            )
        }
        Action::PrintDocument { document_number } => {
            let document = context
                .document
                .filter(|d| d.document_number == document_number);
            to_flow(Task::perform(
                print(document, context.destination, context.i18n),
                Message::Printed,
            ))
        }
        Action::None | Action::Done => Task::none(),
    }
}

fn no_reader(action: &Action) -> Task<Message> {
    match action {
        Action::ReadCard => Task::done(Message::CardRead(Err(CardFailure::NoCard))),
        Action::VerifyPin { .. } | Action::VerifyPinOnReader => Task::done(Message::PinResult(
            Err(PinFailure::Card(CardFailure::NoCard)),
        )),
        Action::Request { .. } => Task::done(Message::Answer(Err(Failure::Other))),
        Action::PrintDocument { .. } => Task::done(Message::Printed(Err(PrintFailure::Failed))),
        Action::None | Action::Done => Task::none(),
    }
}

/// A challenge from the backend, signed by the card, with the card's signed files: the backend
/// checks them all and answers with the document.
async fn request(
    client: Option<Client>,
    card: CardReader,
    type_code: String,
    purpose: Option<String>,
    language: Language,
    words: Words,
) -> Result<Issued, Failure> {
    let client = client.ok_or(Failure::Offline)?;
    let challenge = client
        .eid_challenge(IdempotencyKey::new())
        .await
        .map_err(|e| Failure::from_sync(&e))?;
    let challenge = STANDARD
        .decode(challenge.challenge.as_bytes())
        .map_err(|_| Failure::Other)?;
    // A card that stops answering here: "try again" reads it again with a new challenge.
    let evidence = card.evidence(challenge).await.map_err(|_| Failure::Other)?;
    let body = CreateCertificateRequest {
        certificate_type: type_code,
        language: language.short_code().to_owned(),
        purpose,
        eid: evidence,
    };
    let result = client
        .request_certificate(&body, IdempotencyKey::new())
        .await
        .map_err(|e| Failure::from_sync(&e))?;
    match (result.status, result.document) {
        (CertificateRequestStatus::Ready, Some(document)) => Ok(Issued {
            preview: words.preview(&document),
            document: Some(Arc::new(document)),
        }),
        (CertificateRequestStatus::Pending, _) => Ok(Issued {
            preview: CertificatePreview {
                title: words.pending_title.clone(),
                lines: Vec::new(),
                document_number: result.id.to_string(),
                delivery: Delivery::Pending {
                    when_text: words.pending_when.clone(),
                },
            },
            document: None,
        }),
        (status, _) => {
            tracing::warn!(?status, "the backend issued no certificate");
            Err(Failure::Other)
        }
    }
}

/// Renders the document as an A4 PDF and sends it to the document printer (or folder).
async fn print(
    document: Option<Arc<CertificateDocument>>,
    destination: PdfDestination,
    i18n: Arc<I18n>,
) -> Result<(), PrintFailure> {
    let Some(document) = document else {
        tracing::error!("asked to print a certificate this session does not hold");
        return Err(PrintFailure::Failed);
    };
    let number = document.document_number.clone();
    let rendered = tokio::task::spawn_blocking(move || {
        kiosk_core::certificate_print::certificate_pdf_with(&document, &i18n)
    })
    .await;
    let pdf = match rendered {
        Ok(Ok(pdf)) => pdf,
        Ok(Err(error)) => {
            tracing::error!(%error, document = %number, "certificate not rendered");
            return Err(PrintFailure::Failed);
        }
        Err(error) => {
            tracing::error!(%error, document = %number, "certificate rendering stopped");
            return Err(PrintFailure::Failed);
        }
    };
    match deliver_pdf(&destination, &number, pdf).await {
        Ok(delivered) => {
            tracing::info!(document = %number, ?delivered, "certificate printed");
            Ok(())
        }
        Err(error) => {
            tracing::error!(%error, document = %number, target = %destination.target(), "certificate not printed");
            Err(PrintFailure::Failed)
        }
    }
}

/// The words of the preview, taken from the catalogue of messages before the request leaves
/// (the request's future cannot borrow the root's translations).
struct Words {
    name: String,
    born: String,
    national_number: String,
    nationality: String,
    address: String,
    household: String,
    purpose: String,
    pending_title: String,
    pending_when: String,
}

impl Words {
    fn new(i18n: &I18n, language: Language) -> Self {
        let t = |id: &str| i18n.text(language, id);
        Self {
            name: t("certificate-preview-name"),
            born: t("certificate-preview-born"),
            national_number: t("certificate-preview-national-number"),
            nationality: t("certificate-preview-nationality"),
            address: t("certificate-preview-address"),
            household: t("certificate-preview-household"),
            purpose: t("certificate-preview-purpose"),
            pending_title: t("certificate-pending-title"),
            pending_when: t("certificate-pending-when"),
        }
    }

    /// What the printed certificate says, as (label, value) lines in large text.
    fn preview(&self, document: &CertificateDocument) -> CertificatePreview {
        let person = &document.person;
        let birth = person.birth_date;
        let mut lines = vec![
            (
                self.name.clone(),
                format!("{} {}", person.first_names, person.surname),
            ),
            (
                self.born.clone(),
                format!(
                    "{}, {:02}/{:02}/{}",
                    person.birth_place,
                    birth.day(),
                    birth.month(),
                    birth.year()
                ),
            ),
            (self.national_number.clone(), person.national_number.clone()),
            (self.nationality.clone(), person.nationality.clone()),
            (self.address.clone(), person.address.clone()),
        ];
        if !document.household.is_empty() {
            lines.push((self.household.clone(), document.household.join("\n")));
        }
        if let Some(purpose) = &document.purpose {
            lines.push((self.purpose.clone(), purpose.clone()));
        }
        CertificatePreview {
            title: document.title.clone(),
            lines,
            document_number: document.document_number.clone(),
            delivery: Delivery::Ready,
        }
    }
}
