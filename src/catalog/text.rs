//! User-visible catalog text, always in the three languages Bousla speaks.

use serde::{Deserialize, Serialize};

/// A language of the interface and the catalog.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Lang {
    #[default]
    Ar,
    Fr,
    En,
}

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::Ar, Lang::Fr, Lang::En];

    pub fn code(self) -> &'static str {
        match self {
            Lang::Ar => "ar",
            Lang::Fr => "fr",
            Lang::En => "en",
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| l.code() == code)
    }

    pub fn is_rtl(self) -> bool {
        self == Lang::Ar
    }

    pub fn dir(self) -> &'static str {
        if self.is_rtl() { "rtl" } else { "ltr" }
    }

    /// Picks the variant for this language out of three.
    pub fn pick<T>(self, ar: T, fr: T, en: T) -> T {
        match self {
            Lang::Ar => ar,
            Lang::Fr => fr,
            Lang::En => en,
        }
    }
}

/// A text in Arabic, French and English. Rendered as text, never as HTML.
#[derive(Clone, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Text {
    #[serde(default)]
    pub ar: String,
    #[serde(default)]
    pub fr: String,
    #[serde(default)]
    pub en: String,
}

impl Text {
    pub fn get(&self, lang: Lang) -> &str {
        lang.pick(&self.ar, &self.fr, &self.en)
    }

    /// The languages whose text is empty (validation reports them as missing translations).
    pub fn missing(&self) -> impl Iterator<Item = Lang> + '_ {
        Lang::ALL
            .into_iter()
            .filter(|l| self.get(*l).trim().is_empty())
    }
}
