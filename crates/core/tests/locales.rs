//! Every locale has every message of nl-BE with the same variables, and every file parses.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::{BTreeMap, BTreeSet};

use fluent_syntax::ast::{self, Entry, Expression, InlineExpression, PatternElement};
use kiosk_core::i18n::{self, I18n, Language};

/// message id -> the variables it uses, for one language folder.
fn messages(folder: &str) -> BTreeMap<String, BTreeSet<String>> {
    let (_, files) = i18n::embedded_files()
        .find(|(name, _)| *name == folder)
        .unwrap_or_else(|| panic!("locales/{folder}/ is missing"));
    assert!(!files.is_empty(), "locales/{folder}/ has no .ftl file");
    let mut ids = BTreeMap::new();
    for (file, source) in files {
        let resource = fluent_syntax::parser::parse(*source).unwrap_or_else(|(_, errors)| {
            panic!("locales/{folder}/{file} does not parse: {errors:?}")
        });
        for entry in resource.body {
            if let Entry::Message(message) = entry {
                let mut variables = BTreeSet::new();
                if let Some(pattern) = &message.value {
                    collect_variables(pattern, &mut variables);
                }
                let id = message.id.name.to_owned();
                assert!(
                    ids.insert(id.clone(), variables).is_none(),
                    "{folder}: {id} defined twice"
                );
            }
        }
    }
    ids
}

fn collect_variables(pattern: &ast::Pattern<&str>, into: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let PatternElement::Placeable { expression } = element {
            collect_from_expression(expression, into);
        }
    }
}

fn collect_from_expression(expression: &Expression<&str>, into: &mut BTreeSet<String>) {
    match expression {
        Expression::Inline(inline) => collect_from_inline(inline, into),
        Expression::Select { selector, variants } => {
            collect_from_inline(selector, into);
            for variant in variants {
                collect_variables(&variant.value, into);
            }
        }
    }
}

fn collect_from_inline(inline: &InlineExpression<&str>, into: &mut BTreeSet<String>) {
    match inline {
        InlineExpression::VariableReference { id } => {
            into.insert(id.name.to_owned());
        }
        InlineExpression::Placeable { expression } => collect_from_expression(expression, into),
        _ => {}
    }
}

#[test]
fn every_locale_has_every_dutch_message_with_the_same_variables() {
    let reference = messages("nl-BE");
    assert!(reference.len() > 20, "nl-BE looks empty");
    for language in Language::ALL.into_iter().filter(|l| *l != Language::Dutch) {
        let other = messages(language.tag());
        let missing: Vec<_> = reference
            .keys()
            .filter(|id| !other.contains_key(*id))
            .collect();
        let extra: Vec<_> = other
            .keys()
            .filter(|id| !reference.contains_key(*id))
            .collect();
        assert!(missing.is_empty(), "{language} lacks {missing:?}");
        assert!(
            extra.is_empty(),
            "{language} has messages nl-BE lacks: {extra:?}"
        );
        for (id, variables) in &reference {
            assert_eq!(
                &other[id], variables,
                "{language}: {id} uses other variables than nl-BE"
            );
        }
    }
}

#[test]
fn there_is_no_locale_folder_beyond_the_four_languages() {
    let folders: BTreeSet<_> = i18n::embedded_files().map(|(folder, _)| folder).collect();
    let expected: BTreeSet<_> = Language::ALL.iter().map(|l| l.tag()).collect();
    assert_eq!(folders, expected);
}

#[test]
fn bundles_build_and_format_without_isolation_marks() {
    let i18n = I18n::embedded().unwrap();
    let mut args = i18n::FluentArgs::new();
    args.set("seconds", 1);
    let one = i18n.format(Language::Dutch, "idle-body", Some(&args));
    assert!(one.contains("1 seconde."), "{one}");
    args.set("seconds", 20);
    let text = i18n.format(Language::French, "idle-body", Some(&args));
    assert!(text.contains("20 secondes"), "{text}");
    assert!(!text.contains('\u{2068}') && !text.contains('\u{2069}'));
    assert_eq!(i18n.text(Language::German, "nav-back"), "Zurück");
    assert_eq!(
        i18n.text(Language::English, "no-such-message"),
        "no-such-message"
    );
}
