//! User-visible catalog text, always in the three languages of the catalog (Arabic, French,
//! English). The interface also speaks Moroccan Darija ([`Lang::Ary`]), whose program texts
//! are the Arabic ones.

use serde::{Deserialize, Serialize};

/// A language of the interface and the catalog.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Lang {
    #[default]
    Ar,
    Fr,
    En,
    /// Moroccan Darija (الدارجة), an interface language only: its program texts are the
    /// Arabic ones, and its interface texts are downloaded when it is chosen (`i18n::words`).
    Ary,
}

impl Lang {
    /// The catalog's languages: each has its own texts in every catalog entry.
    pub const ALL: [Lang; 3] = [Lang::Ar, Lang::Fr, Lang::En];
    /// The interface's languages, in the order of the language switch.
    pub const INTERFACE: [Lang; 4] = [Lang::Ar, Lang::Ary, Lang::Fr, Lang::En];

    pub fn code(self) -> &'static str {
        match self {
            Lang::Ar => "ar",
            Lang::Fr => "fr",
            Lang::En => "en",
            Lang::Ary => "ary",
        }
    }

    /// Any interface language by its code (`ar`, `ary`, `fr`, `en`).
    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::INTERFACE.into_iter().find(|l| l.code() == code)
    }

    /// The language of the program texts shown with this interface: Darija shows the Arabic ones.
    pub fn text_lang(self) -> Lang {
        match self {
            Lang::Ary => Lang::Ar,
            l => l,
        }
    }

    pub fn is_rtl(self) -> bool {
        matches!(self, Lang::Ar | Lang::Ary)
    }

    pub fn dir(self) -> &'static str {
        if self.is_rtl() { "rtl" } else { "ltr" }
    }

    /// Picks the variant for this language out of three: catalog texts, digits and separators,
    /// where Darija takes the Arabic one. Interface words go through `i18n` (`t`, `p`), which
    /// have a Darija text for each.
    pub fn pick<T>(self, ar: T, fr: T, en: T) -> T {
        match self {
            Lang::Ar | Lang::Ary => ar,
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
