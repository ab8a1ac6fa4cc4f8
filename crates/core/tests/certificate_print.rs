//! A certificate as the backend issues it, printed as an A4 PDF and read back the way a resident
//! and a receiving party would: its text with poppler, its QR code with zbar.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

// The PDF helpers of kiosk-print's own tests, shared rather than copied.
#[path = "../../print/tests/common/pdf_tools.rs"]
mod pdf_tools;

use kiosk_api::{CertificateDocument, CertifiedPerson, DocumentMunicipality, DocumentVerification};
use kiosk_core::certificate_print::{
    CertificatePdfError, certificate_from_api, certificate_language, certificate_pdf,
};
use kiosk_core::i18n::{I18n, Language, PrintLabels};
use kiosk_core::print::models::{Block, statement_id};
use pdf_tools::{first_page_qr, flat_text, write};

const VERIFY_URL: &str = "https://www.demodorp.be/verify?code=K4T7W2QX";

/// A synthetic document, as `POST /v1/certificate-requests` answers it.
fn document(
    certificate_type: &str,
    language: &str,
    title: &str,
    household: &[&str],
    purpose: Option<&str>,
) -> CertificateDocument {
    CertificateDocument {
        certificate_type: certificate_type.to_owned(),
        language: language.to_owned(),
        title: title.to_owned(),
        municipality: DocumentMunicipality {
            name: "Demodorp".to_owned(),
            address: vec!["Marktplein 1".to_owned(), "9999 Demodorp".to_owned()],
            website: "https://www.demodorp.be".to_owned(),
        },
        person: CertifiedPerson {
            surname: "Verhaegen-Dubois".to_owned(),
            first_names: "Noor Élise".to_owned(),
            birth_place: "Gent".to_owned(),
            birth_date: jiff::civil::date(1990, 4, 17),
            national_number: "90.04.17-123.45".to_owned(),
            nationality: "Belg".to_owned(),
            address: "Kerkstraat 12 bus 3, 9999 Demodorp".to_owned(),
            address_since: Some(jiff::civil::date(2018, 9, 1)),
        },
        household: household.iter().map(|m| (*m).to_owned()).collect(),
        purpose: purpose.map(str::to_owned),
        document_number: "DD-2026-000042".to_owned(),
        issued_at: "2026-03-03T09:12:00+01:00[Europe/Brussels]"
            .parse()
            .unwrap(),
        verification: DocumentVerification {
            url: VERIFY_URL.to_owned(),
            code: "K4T7W2QX".to_owned(),
        },
    }
}

/// Renders `doc`, reads it back and checks what everyone reads on it and that its QR leads to
/// the verification page. Returns the text for the type's own checks.
fn print_and_read_back(doc: &CertificateDocument, name: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    let pdf = certificate_pdf(doc).unwrap();
    let file = write(dir.path(), name, &pdf);
    let text = flat_text(&file);
    for needle in [
        doc.title.as_str(),
        "Verhaegen-Dubois",
        "Noor Élise",
        "Kerkstraat 12 bus 3, 9999 Demodorp",
        "DD-2026-000042",
        "K4T7W2QX",
    ] {
        assert!(text.contains(needle), "{name}: {needle:?} not in\n{text}");
    }
    assert_eq!(first_page_qr(&file), VERIFY_URL, "{name}");
    text
}

#[test]
fn household_certificate_in_dutch_and_french_reads_back_with_its_members_and_qr() {
    let members = [
        "Lucas Verhaegen (14.02.2012)",
        "Zoë Verhaegen-Dubois (03.09.2015)",
    ];
    for (language, title, statement) in [
        (
            "nl",
            "Samenstelling van het gezin",
            "Het gemeentebestuur van Demodorp verklaart dat het gezin",
        ),
        (
            "fr",
            "Composition de ménage",
            "L'administration communale de Demodorp certifie que, selon le registre de la \
             population, le ménage",
        ),
    ] {
        let doc = document("household", language, title, &members, None);
        let text = print_and_read_back(&doc, &format!("household-{language}.pdf"));
        assert!(text.contains(statement), "{language}: statement in\n{text}");
        for member in members {
            assert!(text.contains(member), "{language}: {member:?} in\n{text}");
        }
    }
}

#[test]
fn criminal_record_extract_596_1_in_dutch_and_french_reads_back_with_its_purpose_and_qr() {
    for (language, title, statement, label, purpose) in [
        (
            "nl",
            "Uittreksel strafregister (model 596.1)",
            "Dit uittreksel uit het Centraal Strafregister, afgegeven door het gemeentebestuur \
             van Demodorp, betreft de hieronder vermelde persoon.",
            "Doel",
            "Aanwerving als leerkracht in het basisonderwijs",
        ),
        (
            "fr",
            "Extrait de casier judiciaire (modèle 596.1)",
            "Le présent extrait du Casier judiciaire central, délivré par l'administration \
             communale de Demodorp, concerne la personne mentionnée ci-dessous.",
            "Finalité",
            "Recrutement comme enseignant dans l'enseignement fondamental",
        ),
    ] {
        let doc = document("criminal-record-596-1", language, title, &[], Some(purpose));
        let text = print_and_read_back(&doc, &format!("extract-596-1-{language}.pdf"));
        for needle in [statement, label, purpose] {
            assert!(
                text.contains(needle),
                "{language}: {needle:?} not in\n{text}"
            );
        }
    }
}

#[test]
fn every_catalogue_type_prints_its_own_statement_in_every_language() {
    let tz = jiff::tz::TimeZone::get("Europe/Brussels").unwrap();
    let demo = kiosk_backend::seed::generate(7, jiff::civil::date(2026, 3, 2), &tz);
    assert_eq!(demo.certificate_types.len(), 12, "the catalogue changed");
    let i18n = I18n::embedded().unwrap();
    for kind in &demo.certificate_types {
        let id = statement_id(&kind.code);
        assert_ne!(id, "print-cert-statement-generic", "{}", kind.code);
        for language in Language::ALL {
            assert!(i18n.has_message(language, id), "{language}: {id}");
            let title = kiosk_core::i18n::localized(&kind.name, language);
            let doc = document(&kind.code, language.short_code(), title, &[], None);
            let certificate = certificate_from_api(&doc);
            assert_eq!(certificate.title, title);
            let labels = PrintLabels {
                i18n: &i18n,
                language,
            };
            let Some(Block::Text(first)) = certificate.blocks(&labels).into_iter().next() else {
                panic!("{language} {}: no statement", kind.code)
            };
            assert!(
                first.contains("Demodorp"),
                "{language} {}: {first}",
                kind.code
            );
        }
    }
}

#[test]
fn the_conversion_keeps_what_the_backend_wrote() {
    let doc = document(
        "criminal-record-595",
        "de",
        "Strafregisterauszug (Muster 595)",
        &[],
        Some("Vereinsarbeit"),
    );
    let c = certificate_from_api(&doc);
    assert_eq!(c.type_code, "criminal-record-595");
    assert_eq!(c.purpose.as_deref(), Some("Vereinsarbeit"));
    assert_eq!(c.person.first_names, "Noor Élise");
    assert_eq!(c.person.address_since, doc.person.address_since);
    assert_eq!(c.municipality.address, doc.municipality.address);
    assert_eq!(c.issued_at, doc.issued_at);
    assert_eq!(c.verification.url, VERIFY_URL);
    assert_eq!(certificate_language(&doc).unwrap(), Language::German);
    let tagged = CertificateDocument {
        language: "fr-BE".to_owned(),
        ..doc
    };
    assert_eq!(certificate_language(&tagged).unwrap(), Language::French);
}

#[test]
fn a_language_the_kiosk_cannot_print_is_refused() {
    let doc = document("residence", "es", "Certificado de residencia", &[], None);
    assert!(matches!(
        certificate_pdf(&doc),
        Err(CertificatePdfError::Language(language)) if language == "es"
    ));
}
