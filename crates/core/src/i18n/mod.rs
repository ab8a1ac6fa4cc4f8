//! Every word a resident sees: Fluent messages from `locales/`, embedded at build time.

mod labels;
mod language;

pub use fluent_bundle::{FluentArgs, FluentValue};
pub use labels::PrintLabels;
pub use language::{Language, UnknownLanguage};

use fluent_bundle::FluentResource;
use fluent_bundle::concurrent::FluentBundle;

include!(concat!(env!("OUT_DIR"), "/locales.rs"));

/// A catalogue name (product, location, certificate type) in `language`.
pub fn localized(text: &kiosk_api::LocalizedText, language: Language) -> &str {
    match language {
        Language::Dutch => &text.nl,
        Language::French => &text.fr,
        Language::German => &text.de,
        Language::English => &text.en,
    }
}

/// A locale file that does not parse, or a message defined twice.
#[derive(Debug, Clone, thiserror::Error)]
#[error("locales/{language}/{file}: {detail}")]
pub struct LocaleError {
    pub language: String,
    pub file: String,
    pub detail: String,
}

/// The embedded locale files, one file list per language folder.
pub fn embedded_files()
-> impl Iterator<Item = (&'static str, &'static [(&'static str, &'static str)])> {
    EMBEDDED.iter().copied()
}

/// The four Fluent bundles, built once at start.
pub struct I18n {
    bundles: Vec<(Language, FluentBundle<FluentResource>)>,
}

impl std::fmt::Debug for I18n {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("I18n")
            .field("languages", &self.bundles.len())
            .finish()
    }
}

impl I18n {
    /// Builds the bundles from the embedded files. Fails if any file does not parse, so that a
    /// broken translation is found by the tests and at start, never in front of a resident.
    pub fn embedded() -> Result<Self, LocaleError> {
        let mut bundles = Vec::with_capacity(Language::ALL.len());
        for language in Language::ALL {
            let mut bundle = FluentBundle::new_concurrent(vec![language_id(language)]);
            // Unicode isolation marks around placeables show up as garbage on printers and in
            // some fonts; our messages never mix writing directions.
            bundle.set_use_isolating(false);
            let files = EMBEDDED
                .iter()
                .find(|(folder, _)| *folder == language.tag())
                .map(|(_, files)| *files)
                .unwrap_or_default();
            for (file, source) in files {
                let error = |detail: String| LocaleError {
                    language: language.tag().into(),
                    file: (*file).into(),
                    detail,
                };
                let resource = FluentResource::try_new((*source).to_owned())
                    .map_err(|(_, errors)| error(format!("{errors:?}")))?;
                bundle
                    .add_resource(resource)
                    .map_err(|errors| error(format!("{errors:?}")))?;
            }
            bundles.push((language, bundle));
        }
        Ok(Self { bundles })
    }

    /// The message `id` in `language`, without arguments.
    pub fn text(&self, language: Language, id: &str) -> String {
        self.format(language, id, None)
    }

    /// The message `id` in `language` with its arguments. A message missing in a language falls
    /// back to Dutch, then to its id: a gap in a translation must never stop a resident.
    pub fn format(&self, language: Language, id: &str, args: Option<&FluentArgs>) -> String {
        for candidate in [language, Language::Dutch] {
            if let Some(text) = self.try_format(candidate, id, args) {
                return text;
            }
        }
        tracing::warn!(id, %language, "missing translation");
        id.to_owned()
    }

    fn try_format(
        &self,
        language: Language,
        id: &str,
        args: Option<&FluentArgs>,
    ) -> Option<String> {
        let (_, bundle) = self.bundles.iter().find(|(l, _)| *l == language)?;
        let pattern = bundle.get_message(id)?.value()?;
        let mut errors = Vec::new();
        let text = bundle
            .format_pattern(pattern, args, &mut errors)
            .into_owned();
        if !errors.is_empty() {
            tracing::warn!(id, %language, ?errors, "translation formatted with errors");
        }
        Some(text)
    }

    /// Whether `language` defines `id` itself (no fallback).
    pub fn has_message(&self, language: Language, id: &str) -> bool {
        self.bundles
            .iter()
            .any(|(l, bundle)| *l == language && bundle.has_message(id))
    }
}

fn language_id(language: Language) -> unic_langid::LanguageIdentifier {
    match language {
        Language::Dutch => unic_langid::langid!("nl-BE"),
        Language::French => unic_langid::langid!("fr-BE"),
        Language::German => unic_langid::langid!("de-BE"),
        Language::English => unic_langid::langid!("en"),
    }
}
