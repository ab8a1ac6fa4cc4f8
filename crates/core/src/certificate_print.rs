//! A certificate the backend issued (`kiosk_api::CertificateDocument`) as the A4 PDF the kiosk
//! prints. This lives here, not in kiosk-print, because kiosk-print does not depend on kiosk-api
//! (it knows only its own models); kiosk-core knows both and the Fluent bundles.

use kiosk_api::CertificateDocument;
use kiosk_print::models::{Certificate, Document, Municipality, Person, Verification};

use crate::i18n::{I18n, Language, LocaleError, PrintLabels};

/// Why a certificate could not become a PDF. The messages carry no personal data.
#[derive(Debug, Clone, thiserror::Error)]
pub enum CertificatePdfError {
    /// The backend wrote the document for a language the kiosk has no print labels in: the
    /// statement would not match the title, so nothing is printed.
    #[error("the certificate is in language {0:?}, which the kiosk cannot print")]
    Language(String),
    #[error(transparent)]
    Locales(#[from] LocaleError),
    #[error(transparent)]
    Print(#[from] kiosk_print::PrintError),
}

/// The print model of an issued certificate: every field as the backend wrote it, in its language.
pub fn certificate_from_api(doc: &CertificateDocument) -> Certificate {
    let m = &doc.municipality;
    let p = &doc.person;
    Certificate {
        type_code: doc.certificate_type.clone(),
        title: doc.title.clone(),
        municipality: Municipality {
            name: m.name.clone(),
            address: m.address.clone(),
            website: m.website.clone(),
        },
        person: Person {
            surname: p.surname.clone(),
            first_names: p.first_names.clone(),
            birth_place: p.birth_place.clone(),
            birth_date: p.birth_date,
            national_number: p.national_number.clone(),
            nationality: p.nationality.clone(),
            address: p.address.clone(),
            address_since: p.address_since,
        },
        household: doc.household.clone(),
        purpose: doc.purpose.clone(),
        document_number: doc.document_number.clone(),
        issued_at: doc.issued_at.clone(),
        verification: Verification {
            url: doc.verification.url.clone(),
            code: doc.verification.code.clone(),
        },
    }
}

/// The document's language: the wire uses `nl`, `fr`, `de`, `en`; a full tag (`nl-BE`) is
/// accepted too, since both name the same four languages.
pub fn certificate_language(doc: &CertificateDocument) -> Result<Language, CertificatePdfError> {
    let wanted = doc.language.trim();
    Language::ALL
        .into_iter()
        .find(|l| {
            l.short_code().eq_ignore_ascii_case(wanted) || l.tag().eq_ignore_ascii_case(wanted)
        })
        .ok_or_else(|| CertificatePdfError::Language(doc.language.clone()))
}

/// The A4 PDF of an issued certificate, with the print labels of the document's language. Builds
/// the embedded bundles for this one document; a caller that has them uses
/// [`certificate_pdf_with`].
pub fn certificate_pdf(doc: &CertificateDocument) -> Result<Vec<u8>, CertificatePdfError> {
    certificate_pdf_with(doc, &I18n::embedded()?)
}

/// [`certificate_pdf`] with the kiosk's bundles.
pub fn certificate_pdf_with(
    doc: &CertificateDocument,
    i18n: &I18n,
) -> Result<Vec<u8>, CertificatePdfError> {
    let language = certificate_language(doc)?;
    let labels = PrintLabels { i18n, language };
    let document = Document::Certificate(certificate_from_api(doc));
    Ok(kiosk_print::pdf::render_document(
        &document,
        &labels,
        language.tag(),
    )?)
}
