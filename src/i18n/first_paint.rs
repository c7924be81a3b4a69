//! The words the page shows before the app's wasm has arrived: the welcome in the holder's
//! language, "Loading…", and what to do if the app cannot be loaded at all. `build.rs` writes
//! them as JSON next to the text tables and `cargo xtask dist` puts them in the boot script
//! (`xtask/src/first_paint.js`), so a holder on a slow network reads the welcome while the wasm
//! downloads, instead of a blank page. Compiled natively only: the wasm never needs them.
//!
//! Darija is not here: until Darija's own table has arrived, the app itself shows Arabic.

use crate::catalog::Lang;

use super::strings::t;

/// The message when the app's code cannot be downloaded or started (a dropped connection, a
/// browser without WebAssembly): shown by the boot script, never by the wasm.
fn load_failed(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => "Impossible de charger Bousla : vérifiez la connexion puis réessayez.",
        Lang::En => "Bousla could not be loaded: check the connection, then try again.",
        Lang::Ar | Lang::Ary => "تعذر تحميل بوصلة. تحقق من الاتصال ثم أعد المحاولة.",
    }
}

/// The languages the boot script can show; any other choice shows Arabic, as the app does.
pub const LANGS: [Lang; 3] = [Lang::Ar, Lang::Fr, Lang::En];

/// The catalog's text table of a language as the boot script downloads it: its file name and
/// its Subresource Integrity (`sha256-…`), the very request the app makes (`browser::fetch_text`).
pub struct Table {
    pub file: String,
    pub integrity: String,
}

/// `{"ar":{"dir":"rtl","app_name":"…",…,"texts":"catalog-….ar.txt","texts_integrity":"sha256-…","words":"","words_integrity":""},"fr":{…,"words":"catalog-….fr-ui.txt",…},"en":{…}}`:
/// one object per language. `table`: a language's text table, which the boot script starts
/// downloading with the wasm when the page opens on the results (`xtask/src/first_paint.js`).
/// `ui`: the table of a language's interface words, which the boot script always starts
/// downloading with the wasm (none for Arabic, whose words are in the wasm: empty strings).
pub fn json(table: impl Fn(Lang) -> Table, ui: impl Fn(Lang) -> Option<Table>) -> String {
    let mut out = String::from("{");
    for (i, lang) in LANGS.into_iter().enumerate() {
        let s = t(lang);
        let texts = table(lang);
        let words = ui(lang);
        let (words, words_integrity) = words
            .as_ref()
            .map_or(("", ""), |w| (w.file.as_str(), w.integrity.as_str()));
        if i > 0 {
            out.push(',');
        }
        out.push_str(&string(lang.code()));
        out.push(':');
        let fields = [
            ("dir", lang.dir()),
            ("app_name", s.app_name),
            ("tagline", s.tagline),
            ("welcome_what", s.welcome_what),
            ("privacy", s.privacy),
            ("language", s.language),
            ("loading", s.loading),
            ("footer_note", s.footer_note),
            ("load_failed", load_failed(lang)),
            ("retry", s.retry),
            ("texts", &texts.file),
            ("texts_integrity", &texts.integrity),
            ("words", words),
            ("words_integrity", words_integrity),
        ];
        out.push('{');
        for (j, (key, value)) in fields.into_iter().enumerate() {
            if j > 0 {
                out.push(',');
            }
            out.push_str(&string(key));
            out.push(':');
            out.push_str(&string(value));
        }
        out.push('}');
    }
    out.push('}');
    out
}

/// A JSON string: quotes, backslashes and control characters escaped, `<` too, so the text
/// can never close a `<script>` should it ever be inlined.
fn string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '<' => out.push_str("\\u003c"),
            c if (c as u32) < 0x20 || c == '\u{2028}' || c == '\u{2029}' => {
                out.push_str(&format!("\\u{:04x}", c as u32));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(lang: Lang) -> Table {
        Table {
            file: format!("catalog-h.{}.txt", lang.code()),
            integrity: format!("sha256-{}", lang.code()),
        }
    }

    fn ui(lang: Lang) -> Option<Table> {
        (lang != Lang::Ar).then(|| Table {
            file: format!("catalog-d.{}-ui.txt", lang.code()),
            integrity: format!("sha256-ui-{}", lang.code()),
        })
    }

    #[test]
    fn every_language_has_every_word_as_the_app_shows_it() {
        let v: serde_json::Value = serde_json::from_str(&json(table, ui)).expect("valid JSON");
        for lang in LANGS {
            let w = &v[lang.code()];
            let s = t(lang);
            assert_eq!(w["dir"], lang.dir());
            assert_eq!(w["app_name"], s.app_name);
            assert_eq!(w["welcome_what"], s.welcome_what);
            assert_eq!(w["footer_note"], s.footer_note);
            assert_eq!(w["retry"], s.retry);
            assert!(!w["load_failed"].as_str().unwrap_or("").is_empty());
            assert_eq!(w["texts"], table(lang).file);
            assert_eq!(w["texts_integrity"], table(lang).integrity);
            // The interface's own table: none for Arabic, which the wasm carries.
            let words = ui(lang);
            assert_eq!(w["words"], words.as_ref().map_or("", |t| t.file.as_str()));
            assert_eq!(
                w["words_integrity"],
                words.as_ref().map_or("", |t| t.integrity.as_str())
            );
        }
        assert_eq!(v["ar"]["words"], "");
        assert_eq!(v["fr"]["words"], "catalog-d.fr-ui.txt");
        assert!(
            v.get("ary").is_none(),
            "Darija shows Arabic until its table arrives"
        );
    }

    #[test]
    fn strings_are_escaped_and_read_back_identical() {
        for s in [
            "a\"b",
            "c\\d",
            "</script>",
            "line\nbreak\u{2028}",
            "tab\t\u{1}",
            "بوصلة",
        ] {
            let back: String = serde_json::from_str(&string(s)).expect("valid JSON string");
            assert_eq!(back, s);
            assert!(!string(s).contains('<'));
        }
    }
}
