//! Every locale has exactly nl-BE's message ids, and every file parses.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::collections::BTreeSet;

use fluent_syntax::ast::Entry;

fn ids(lang: &str) -> BTreeSet<String> {
    let source =
        std::fs::read_to_string(common::locales_dir().join(lang).join("print.ftl")).unwrap();
    let resource = fluent_syntax::parser::parse(source.as_str())
        .unwrap_or_else(|(_, errors)| panic!("{lang}/print.ftl does not parse: {errors:?}"));
    resource
        .body
        .iter()
        .filter_map(|e| match e {
            Entry::Message(m) => Some(m.id.name.to_owned()),
            _ => None,
        })
        .collect()
}

#[test]
fn every_locale_has_the_reference_ids() {
    let reference = ids("nl-BE");
    assert!(reference.len() > 40);
    for lang in common::LANGS {
        let these = ids(lang);
        let missing: Vec<_> = reference.difference(&these).collect();
        let extra: Vec<_> = these.difference(&reference).collect();
        assert!(
            missing.is_empty() && extra.is_empty(),
            "{lang}: missing {missing:?}, extra {extra:?}"
        );
    }
}

#[test]
fn every_message_formats_without_isolation_marks() {
    use kiosk_print::Labels;
    for lang in common::LANGS {
        let labels = common::FluentLabels::new(lang);
        for id in ids("nl-BE") {
            let args = [
                ("count", "2".to_owned()),
                ("minutes", "5".to_owned()),
                ("time", "03/03/2026 09:12".to_owned()),
                ("municipality", "X".to_owned()),
                ("name", "Y".to_owned()),
                ("number", "N".to_owned()),
                ("url", "U".to_owned()),
                ("code", "C".to_owned()),
                ("page", "1".to_owned()),
                ("pages", "2".to_owned()),
            ];
            let text = labels.text(&id, &args);
            assert!(
                !text.contains('\u{2068}') && !text.is_empty(),
                "{lang} {id}: {text:?}"
            );
        }
    }
}

/// What staff read for each printer status is a message of every locale.
#[test]
fn every_printer_status_has_its_message_in_every_locale() {
    use kiosk_print::PrinterStatus::*;
    let statuses = [
        Ready,
        PaperNearEnd,
        PaperOut,
        CoverOpen,
        Offline,
        Unreachable(String::new()),
        NotReported,
    ];
    for lang in common::LANGS {
        let these = ids(lang);
        for status in &statuses {
            assert!(
                these.contains(status.message_id()),
                "{lang}: no message {} for {status:?}",
                status.message_id()
            );
        }
    }
}
