//! A certificate prints the backend's title and the statement its type code chooses.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::{FluentLabels, LANGS, certificate};
use kiosk_print::Labels;
use kiosk_print::models::{Block, Certificate, Document, statement_id};

/// The catalogue's codes (crates/backend/src/seed/municipality.rs); kiosk-core's tests check this
/// list against the catalogue itself.
const CATALOGUE: [&str; 12] = [
    "residence",
    "residence-history",
    "household",
    "nationality",
    "life",
    "legal-cohabitation",
    "residence-marriage",
    "elector",
    "register-extract",
    "criminal-record-595",
    "criminal-record-596-1",
    "criminal-record-596-2",
];

fn of_type(type_code: &str, purpose: Option<&str>) -> Certificate {
    let Document::Certificate(mut c) = certificate(0) else {
        unreachable!()
    };
    c.type_code = type_code.to_owned();
    c.title = format!("Title of {type_code}");
    c.purpose = purpose.map(str::to_owned);
    c
}

fn statement(labels: &FluentLabels, id: &str) -> String {
    labels.text(
        id,
        &[("municipality", "Gemeente Heusden-Zolder".to_owned())],
    )
}

#[test]
fn every_catalogue_type_has_its_own_statement_in_every_language() {
    for lang in LANGS {
        // FluentLabels panics on a missing message: this also proves every locale has them.
        let labels = FluentLabels::new(lang);
        let generic = statement(&labels, "print-cert-statement-generic");
        for code in CATALOGUE {
            let id = statement_id(code);
            assert_ne!(id, "print-cert-statement-generic", "{code}");
            let blocks = of_type(code, None).blocks(&labels);
            let Some(Block::Text(first)) = blocks.first() else {
                panic!("{lang} {code}: no statement first: {blocks:?}")
            };
            assert_eq!(first, &statement(&labels, id), "{lang} {code}");
            assert_ne!(first, &generic, "{lang} {code}");
            assert!(first.contains("Gemeente Heusden-Zolder"), "{lang} {code}");
        }
    }
}

#[test]
fn an_unknown_type_gets_the_generic_statement_and_keeps_its_title() {
    let labels = FluentLabels::new("nl-BE");
    let document = Document::Certificate(of_type("adoption-record", None));
    assert_eq!(document.title(&labels), "Title of adoption-record");
    let Some(Block::Text(first)) = document.blocks(&labels).into_iter().next() else {
        panic!("no statement")
    };
    assert_eq!(
        first,
        "Dit document wordt afgegeven door het gemeentebestuur van Gemeente Heusden-Zolder en \
         betreft de hieronder vermelde persoon."
    );
}

#[test]
fn the_purpose_is_printed_only_when_there_is_one() {
    let purpose = |c: &Certificate, lang: &str| -> Vec<Block> {
        c.blocks(&FluentLabels::new(lang))
            .into_iter()
            .filter(|b| matches!(b, Block::Field { label, .. } if label == "Purpose" || label == "Doel"))
            .collect()
    };
    let extract = of_type("criminal-record-596-1", Some("Job application"));
    assert_eq!(
        purpose(&extract, "en"),
        [Block::Field {
            label: "Purpose".to_owned(),
            value: "Job application".to_owned()
        }]
    );
    assert!(purpose(&of_type("residence", None), "en").is_empty());
    assert!(purpose(&of_type("criminal-record-595", Some("  ")), "nl-BE").is_empty());
}
