//! The kiosk's four languages and the speech-dispatcher language each is spoken in.

/// A language the kiosk speaks in: one per locale of the kiosk (`locales/`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Language {
    NlBe,
    FrBe,
    DeBe,
    En,
}

impl Language {
    /// Every language, in the order of the kiosk's locales.
    pub const ALL: [Language; 4] = [Language::NlBe, Language::FrBe, Language::DeBe, Language::En];

    /// The language code sent to speech-dispatcher (`SET self LANGUAGE`); its espeak-ng module
    /// picks the voice of that name. espeak-ng has a Belgian French voice (`fr-be`) but no
    /// Belgian Dutch or German one: `nl` and `de` are the closest.
    pub fn voice(self) -> &'static str {
        match self {
            Language::NlBe => "nl",
            Language::FrBe => "fr-be",
            Language::DeBe => "de",
            Language::En => "en",
        }
    }

    /// The kiosk's locale name (`nl-BE`, ...), to go from the UI's language to this one.
    pub fn locale(self) -> &'static str {
        match self {
            Language::NlBe => "nl-BE",
            Language::FrBe => "fr-BE",
            Language::DeBe => "de-BE",
            Language::En => "en",
        }
    }

    /// The language of a locale name such as `nl-BE` or `fr` (case-insensitive, the region
    /// optional); `None` for a language the kiosk does not speak.
    pub fn from_locale(locale: &str) -> Option<Language> {
        let primary = locale.split(['-', '_']).next().unwrap_or_default();
        match primary.to_ascii_lowercase().as_str() {
            "nl" => Some(Language::NlBe),
            "fr" => Some(Language::FrBe),
            "de" => Some(Language::DeBe),
            "en" => Some(Language::En),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Language;

    #[test]
    fn every_locale_name_maps_back_to_its_language() {
        for language in Language::ALL {
            assert_eq!(Language::from_locale(language.locale()), Some(language));
        }
        assert_eq!(Language::from_locale("FR_be"), Some(Language::FrBe));
        assert_eq!(Language::from_locale("it-IT"), None);
        assert_eq!(Language::from_locale(""), None);
    }
}
