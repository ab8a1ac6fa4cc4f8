//! PDF documents checked with poppler (pdftotext, pdffonts, pdfinfo), qpdf and zbarimg.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::pdf_tools::{first_page_qr, flat_text, path, run, write};
use common::{FluentLabels, LANGS, certificate, certificate_titled, confirmation};
use kiosk_print::pdf::{Delivered, PdfDestination, deliver_pdf, render_document};

/// The proof of residence's title as the backend's catalogue gives it, and the start of its
/// statement from the print labels, per language.
fn expected_title_and_statement(lang: &str) -> (&'static str, &'static str) {
    match lang {
        "nl-BE" => (
            "Bewijs van woonst",
            "Het gemeentebestuur van Gemeente Heusden-Zolder verklaart dat",
        ),
        "fr-BE" => (
            "Certificat de résidence",
            "L'administration communale de Gemeente Heusden-Zolder certifie que",
        ),
        "de-BE" => (
            "Wohnsitzbescheinigung",
            "Die Gemeindeverwaltung Gemeente Heusden-Zolder bescheinigt, dass",
        ),
        _ => (
            "Proof of residence",
            "The municipal administration of Gemeente Heusden-Zolder certifies that",
        ),
    }
}

#[test]
fn certificate_in_each_language_passes_poppler_qpdf_and_zbar() {
    let dir = tempfile::tempdir().unwrap();
    for lang in LANGS {
        let started = std::time::Instant::now();
        let (title, statement) = expected_title_and_statement(lang);
        let document = certificate_titled(0, title);
        let bytes = render_document(&document, &FluentLabels::new(lang), lang).unwrap();
        let elapsed = started.elapsed();
        eprintln!("{lang}: {} bytes in {elapsed:?}", bytes.len());
        assert!(bytes.len() < 100 * 1024, "{lang}: {} bytes", bytes.len());
        let file = write(dir.path(), &format!("cert-{lang}.pdf"), &bytes);

        let text = run("pdftotext", &["-layout", path(&file), "-"]);
        for needle in [
            title,
            "Gemeente Heusden-Zolder",
            "Dupré",
            "Anaïs Łucja",
            "Liège, 30/07/1985",
            "85.07.30-033.28",
            "HZ-2026-000123",
            "Q7KX9MPA",
        ] {
            assert!(text.contains(needle), "{lang}: {needle:?} not in\n{text}");
        }
        assert!(
            !text.contains(" van 1") && !text.contains("Page 1 of"),
            "no page numbers on one page"
        );
        let flat = flat_text(&file);
        assert!(flat.contains(statement), "{lang}: statement not in\n{flat}");

        let fonts = run("pdffonts", &[path(&file)]);
        let embedded: Vec<_> = fonts.lines().skip(2).collect();
        assert_eq!(embedded.len(), 2, "regular and bold:\n{fonts}");
        for line in embedded {
            // "ABCDEF+AtkinsonHyperlegibleNext-Regular ... emb yes sub yes"
            let cols: Vec<_> = line.split_whitespace().collect();
            assert!(
                cols[0].contains('+') && cols[0].contains("Atkinson"),
                "subset name: {line}"
            );
            assert!(line.contains("yes yes"), "embedded and subset: {line}");
        }

        run("qpdf", &["--check", path(&file)]);
        let json = run("qpdf", &["--json", path(&file)]);
        assert_eq!(
            catalog_lang(&json).as_deref(),
            Some(format!("u:{lang}").as_str()),
            "{lang}: the catalog's /Lang"
        );

        let info = run("pdfinfo", &[path(&file)]);
        let info_title = info
            .lines()
            .find(|l| l.starts_with("Title:"))
            .unwrap_or_default();
        assert!(info_title.ends_with(title), "{info}");
        assert!(
            info.contains("CreationDate:") && info.contains("2026"),
            "{info}"
        );

        let qr = first_page_qr(&file);
        assert_eq!(
            qr, "https://verify.heusden-zolder.example/d/HZ-2026-000123?c=Q7KX9MPA",
            "{lang}"
        );
    }
}

#[test]
fn long_household_certificate_has_page_numbers() {
    let dir = tempfile::tempdir().unwrap();
    let bytes = render_document(&certificate(60), &FluentLabels::new("nl-BE"), "nl-BE").unwrap();
    assert!(bytes.len() < 100 * 1024);
    let file = write(dir.path(), "household.pdf", &bytes);
    run("qpdf", &["--check", path(&file)]);
    let info = run("pdfinfo", &[path(&file)]);
    let pages: usize = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .unwrap();
    assert!(pages >= 2, "{info}");
    let text = run("pdftotext", &[path(&file), "-"]);
    for page in 1..=pages {
        assert!(
            text.contains(&format!("Pagina {page} van {pages}")),
            "{text}"
        );
    }
    assert!(text.contains("Élodie 60"), "last member present");
}

#[test]
fn booking_confirmation_in_each_language() {
    let dir = tempfile::tempdir().unwrap();
    for (lang, title) in [
        ("nl-BE", "Bevestiging van uw afspraak"),
        ("fr-BE", "Confirmation de votre rendez-vous"),
        ("de-BE", "Bestätigung Ihres Termins"),
        ("en", "Confirmation of your appointment"),
    ] {
        let bytes = render_document(&confirmation(), &FluentLabels::new(lang), lang).unwrap();
        let file = write(dir.path(), &format!("conf-{lang}.pdf"), &bytes);
        let text = run("pdftotext", &[path(&file), "-"]);
        assert!(
            text.contains(title) && text.contains("K7P9X2QA") && text.contains("Anaïs Dupré"),
            "{lang}:\n{text}"
        );
    }
}

#[tokio::test]
async fn pdf_goes_to_a_folder() {
    let dir = tempfile::tempdir().unwrap();
    let bytes = render_document(&confirmation(), &FluentLabels::new("en"), "en").unwrap();
    let destination = PdfDestination::Folder {
        path: dir.path().to_owned(),
    };
    let delivered = deliver_pdf(&destination, "HZ-B-2026-004711", bytes.clone())
        .await
        .unwrap();
    let Delivered::Saved(file) = delivered else {
        panic!("saved")
    };
    assert_eq!(file.file_name().unwrap(), "HZ-B-2026-004711.pdf");
    assert_eq!(std::fs::read(file).unwrap(), bytes);
}

/// The document catalog's `/Lang` as `qpdf --json` (version 2) writes it (`u:` + the text), read
/// from the object the trailer's `/Root` names, not from anywhere in the file.
fn catalog_lang(json: &str) -> Option<String> {
    let doc: serde_json::Value = serde_json::from_str(json).ok()?;
    let objects = doc["qpdf"].get(1)?;
    let root = objects["trailer"]["value"]["/Root"].as_str()?;
    objects[format!("obj:{root}")]["value"]["/Lang"]
        .as_str()
        .map(str::to_owned)
}
