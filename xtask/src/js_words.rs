//! Whole words in wasm-bindgen's JavaScript glue: identifiers, not parts of longer ones.

/// How many times `js` names `ident` as a whole word.
pub fn words(js: &str, ident: &str) -> usize {
    whole_words(js, ident).count()
}

/// `js` with `ident`, where it is a whole word, replaced by `by`.
pub fn replace_words(js: &str, ident: &str, by: &str) -> String {
    let mut out = String::with_capacity(js.len());
    let mut last = 0;
    for i in whole_words(js, ident).collect::<Vec<_>>() {
        out.push_str(&js[last..i]);
        out.push_str(by);
        last = i + ident.len();
    }
    out.push_str(&js[last..]);
    out
}

pub fn whole_words<'a>(js: &'a str, ident: &'a str) -> impl Iterator<Item = usize> + 'a {
    let word = |c: char| c.is_ascii_alphanumeric() || c == '_' || c == '$';
    js.match_indices(ident).map(|(i, _)| i).filter(move |&i| {
        let before = js[..i].chars().next_back();
        let after = js[i + ident.len()..].chars().next();
        !before.is_some_and(word) && !after.is_some_and(word)
    })
}
