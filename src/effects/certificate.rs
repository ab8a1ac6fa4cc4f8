//! The certificate flow's actions: read the card, check the PIN, have the backend issue the
//! certificate (a challenge, the card's signature, the signed card files), and print the
//! document as an A4 PDF. The issued document travels in the preview as an opaque handle that
//! the flow keeps (and drops with the session or the card) until it asks to print it.

use std::sync::Arc;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use iced::Task;
use kiosk_api::{CertificateDocument, CertificateRequestStatus, CreateCertificateRequest};
use kiosk_core::i18n::{I18n, Language};
use kiosk_core::print::pdf::{PdfDestination, deliver_pdf};
use kiosk_core::sync::{Client, IdempotencyKey};

use super::{Effect, Runner};
use crate::card_reader::CardReader;
use crate::screen::certificate::masking::masked_national_number;
use crate::screen::certificate::{
    Action, CardFailure, CertificatePreview, Delivery, DocumentHandle, Failure, PinFailure,
    PrintFailure, Reply,
};

impl Runner {
    /// Turns one certificate action into its effect. The issued document comes back inside the
    /// preview as an opaque [`DocumentHandle`], which the flow hands back to print.
    pub fn certificate(&self, action: Action) -> Effect<Reply> {
        if action == Action::Done {
            return Effect::EndSession;
        }
        let Some(card) = self.card.clone() else {
            // No reader configured: the start screen does not offer certificates, so this is a
            // flow opened by a test or a configuration change; it answers like an empty reader.
            return Effect::Task(no_reader(&action));
        };
        let today = self.clock.now().date();
        match action {
            Action::ReadCard => Effect::perform(
                async move { card.read_holder(today).await },
                Reply::CardRead,
            ),
            Action::VerifyPin { pin } => {
                Effect::perform(async move { card.verify_pin(pin).await }, Reply::PinResult)
            }
            Action::VerifyPinOnReader => Effect::perform(
                async move { card.verify_pin_on_reader().await },
                Reply::PinResult,
            ),
            Action::Request {
                type_code,
                purpose,
                language,
            } => {
                let words = Words::new(&self.i18n, language);
                let client = self.client();
                Effect::perform(
                    async move { request(client, card, type_code, purpose, language, words).await },
                    Reply::Answer,
                )
            }
            Action::PrintDocument { document } => Effect::perform(
                print(
                    document,
                    self.config.document_printer.destination(),
                    Arc::clone(&self.i18n),
                ),
                Reply::Printed,
            ),
            Action::None | Action::Done => Effect::none(),
        }
    }
}

fn no_reader(action: &Action) -> Task<Reply> {
    match action {
        Action::ReadCard => Task::done(Reply::CardRead(Err(CardFailure::NoCard))),
        Action::VerifyPin { .. } | Action::VerifyPinOnReader => {
            Task::done(Reply::PinResult(Err(PinFailure::Card(CardFailure::NoCard))))
        }
        Action::Request { .. } => Task::done(Reply::Answer(Err(Failure::Other))),
        Action::PrintDocument { .. } => Task::done(Reply::Printed(Err(PrintFailure::Failed))),
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
) -> Result<CertificatePreview, Failure> {
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
        (CertificateRequestStatus::Ready, Some(document)) => Ok(words.preview(document)),
        (CertificateRequestStatus::Pending, _) => Ok(CertificatePreview {
            title: words.pending_title.clone(),
            lines: Vec::new(),
            document: DocumentHandle::numbered(result.id.to_string()),
            delivery: Delivery::Pending {
                when_text: words.pending_when.clone(),
            },
        }),
        (status, _) => {
            tracing::warn!(?status, "the backend issued no certificate");
            Err(Failure::Other)
        }
    }
}

/// Renders the document as an A4 PDF and sends it to the document printer (or folder).
async fn print(
    document: DocumentHandle,
    destination: PdfDestination,
    i18n: Arc<I18n>,
) -> Result<(), PrintFailure> {
    let Some(document) = document.document().cloned() else {
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

    /// What the printed certificate says, as (label, value) lines in large text, with the
    /// document itself as the handle the flow prints by.
    fn preview(&self, document: CertificateDocument) -> CertificatePreview {
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
            // The lobby can read the screen: the last digits only. The document keeps it whole.
            (
                self.national_number.clone(),
                masked_national_number(&person.national_number),
            ),
            (self.nationality.clone(), person.nationality.clone()),
            (self.address.clone(), person.address.clone()),
        ];
        // A member a line, the label on the first: a large household is then shown over
        // parts of the screen like any other lines (landscape with larger text).
        for (i, member) in document.household.iter().enumerate() {
            let label = if i == 0 {
                self.household.clone()
            } else {
                String::new()
            };
            lines.push((label, member.clone()));
        }
        if let Some(purpose) = &document.purpose {
            lines.push((self.purpose.clone(), purpose.clone()));
        }
        CertificatePreview {
            title: document.title.clone(),
            lines,
            document: DocumentHandle::issued(document),
            delivery: Delivery::Ready,
        }
    }
}
