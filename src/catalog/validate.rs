//! Validation of the catalog as program officers write it. Every problem becomes an [`Issue`]
//! naming the file, the record id and the field, in words an officer can act on.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use super::date::Date;
use super::schema::{
    Amount, Audience, Catalog, Criteria, Desk, Pathway, Program, Provider, Source,
};
use super::text::{Lang, Text};
use super::vocab::{Gender, StageKind, Status, Target};

/// How old `last_verified` may be before validation warns that a record is stale.
pub const STALE_AFTER_DAYS: i64 = 550;

/// The longest text (in characters) of any catalog field: the longest real one is under 1,000;
/// a card shows a few lines, and the browser downloads every text of its language.
pub const MAX_TEXT_CHARS: usize = 4_000;

/// The longest URL accepted (browsers and servers commonly stop near 2,000).
pub const MAX_URL_BYTES: usize = 2_000;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Issue {
    pub severity: Severity,
    pub file: String,
    /// `program \`forsa\``, `desk \`cri-souss-massa\`` …
    pub record: Option<String>,
    pub field: String,
    pub message: String,
}

impl Issue {
    pub fn error(file: String, record: Option<String>, field: &str, message: String) -> Issue {
        Issue {
            severity: Severity::Error,
            file,
            record,
            field: field.to_string(),
            message,
        }
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Issue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let level = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(f, "{level}: {}", clip(&self.file))?;
        if let Some(record) = &self.record {
            write!(f, ": {}", clip(record))?;
        }
        if !self.field.is_empty() {
            write!(f, ", field `{}`", clip(&self.field))?;
        }
        write!(f, ": {}", clip(&self.message))
    }
}

/// `s`, or its first 100 characters and an ellipsis: quoted values stay readable.
fn short(s: &str) -> std::borrow::Cow<'_, str> {
    if s.chars().count() <= 120 {
        std::borrow::Cow::Borrowed(s)
    } else {
        std::borrow::Cow::Owned(format!("{}…", s.chars().take(100).collect::<String>()))
    }
}

/// The longest line of an issue as printed: a hostile file cannot flood a build log with a
/// megabyte-long id, URL or TOML line.
pub const MAX_PRINTED_LINE: usize = 400;

/// `s` with every line cut to [`MAX_PRINTED_LINE`] characters.
fn clip(s: &str) -> std::borrow::Cow<'_, str> {
    if s.lines().all(|l| l.chars().count() <= MAX_PRINTED_LINE) {
        return std::borrow::Cow::Borrowed(s);
    }
    let lines: Vec<String> = s
        .split('\n')
        .map(|l| {
            if l.chars().count() > MAX_PRINTED_LINE {
                let head: String = l.chars().take(MAX_PRINTED_LINE).collect();
                format!("{head}… (cut)")
            } else {
                l.to_string()
            }
        })
        .collect();
    std::borrow::Cow::Owned(lines.join("\n"))
}

/// Records with the file each came from, before validation.
#[derive(Default)]
pub struct SourcedCatalog {
    pub programs: Vec<(String, Program)>,
    pub providers: Vec<(String, Provider)>,
    pub desks: Vec<(String, Desk)>,
    pub pathways: Vec<(String, Pathway)>,
}

struct Checker<'a> {
    issues: Vec<Issue>,
    file: &'a str,
    record: String,
}

impl Checker<'_> {
    fn error(&mut self, field: &str, message: impl Into<String>) {
        self.push(Severity::Error, field, message.into());
    }

    fn warn(&mut self, field: &str, message: impl Into<String>) {
        self.push(Severity::Warning, field, message.into());
    }

    fn push(&mut self, severity: Severity, field: &str, message: String) {
        self.issues.push(Issue {
            severity,
            file: self.file.to_string(),
            record: Some(self.record.clone()),
            field: field.to_string(),
            message,
        });
    }

    fn text(&mut self, field: &str, text: &Text) {
        for lang in text.missing() {
            let name = match lang {
                Lang::Ar | Lang::Ary => "Arabic",
                Lang::Fr => "French",
                Lang::En => "English",
            };
            self.error(
                &format!("{field}.{}", lang.code()),
                format!("missing {name} translation"),
            );
        }
        for lang in Lang::ALL {
            let field = format!("{field}.{}", lang.code());
            let s = text.get(lang);
            self.plain(&field, s);
            if let Some((written, interface)) = amount_form(lang, s) {
                let how = match written.chars().find(|c| !c.is_ascii_digit()) {
                    None => "is not grouped",
                    Some(' ') => "is grouped with ordinary spaces",
                    Some('\u{A0}') => "is grouped with no-break spaces (U+00A0)",
                    Some('\u{202F}') => "is grouped with narrow no-break spaces",
                    Some('.') => "is grouped with dots",
                    Some(',') => "is grouped with commas",
                    Some(_) => "is grouped with another separator",
                };
                self.warn(
                    &field,
                    format!(
                        "the amount `{written}` {how}: write it as the interface does, {interface}"
                    ),
                );
            }
        }
    }

    /// What every text and plain string must not hold (see [`check_text`]).
    fn plain(&mut self, field: &str, s: &str) {
        for why in check_text(s) {
            self.error(field, why);
        }
    }

    fn url(&mut self, field: &str, url: &str) {
        match check_url(url) {
            Err(why) => self.error(field, format!("bad URL `{}`: {why}", short(url))),
            Ok(()) if url.starts_with("http://") => self.warn(
                field,
                format!(
                    "`{url}` is not https: use the https:// address where the site has one (http pages can be altered on the way, and browsers warn)"
                ),
            ),
            Ok(()) => {}
        }
    }

    fn sources(&mut self, sources: &[Source], need_date: bool) {
        if sources.is_empty() {
            self.error("sources", "at least one source (url, date) is required");
        }
        for (i, s) in sources.iter().enumerate() {
            self.url(&format!("sources[{i}].url"), &s.url);
            if let Some(t) = &s.title {
                self.plain(&format!("sources[{i}].title"), t);
            }
        }
        if need_date && !sources.is_empty() && sources.iter().all(|s| s.date.is_none()) {
            self.error(
                "sources",
                "no source has a date: give the date of at least one source",
            );
        }
    }

    /// `last_verified` is optional: absent, the record is as fresh as its newest source.
    fn verified(&mut self, last_verified: Option<Date>, sources: &[Source], today: Date) {
        let Some(last_verified) = last_verified else {
            return;
        };
        if let Some(newest) = super::schema::newest_source(sources)
            && newest.is_full()
            && newest > last_verified
        {
            self.error(
                "last_verified",
                format!("{last_verified} is before the newest source ({newest}): a check reads the sources"),
            );
        }
        if !last_verified.is_full() {
            self.error(
                "last_verified",
                "write the full day of the check, YYYY-MM-DD",
            );
        } else if today.days_until(last_verified) > 1 {
            self.error("last_verified", format!("{last_verified} is in the future"));
        } else if last_verified.days_until(today) > STALE_AFTER_DAYS {
            self.warn(
                "last_verified",
                format!(
                    "{last_verified} is over {STALE_AFTER_DAYS} days old: check the record again"
                ),
            );
        }
    }
}

fn check_audience(c: &mut Checker<'_>, a: &Audience) {
    if a.any_of.is_empty() {
        c.error(
            "reserved_for.any_of",
            "name at least one audience the program is reserved for",
        );
    }
    let youth = a.any_of.contains(&Target::Youth);
    let ages = [a.youth_min_age, a.youth_max_age, a.youth_check_up_to];
    if !youth && ages.iter().any(Option::is_some) {
        c.error(
            "reserved_for",
            "youth ages are given but `youth` is not in `any_of`",
        );
    }
    if let (Some(lo), Some(hi)) = (a.youth_min_age, a.youth_max_age)
        && lo > hi
    {
        c.error(
            "reserved_for.youth_min_age",
            format!("{lo} is above youth_max_age {hi}"),
        );
    }
    if let Some(x) = a.youth_check_up_to
        && x < a.youth_max()
    {
        c.error(
            "reserved_for.youth_check_up_to",
            format!("{x} is below youth_max_age {}", a.youth_max()),
        );
    }
}

/// Checks a URL the way a holder's browser will follow it: absolute `https://` (or `http://`,
/// which [`Checker::url`] reports as a warning), a host name without a user name before it, no
/// spaces, quotes, angle brackets or backslashes. `javascript:`, `data:`, `vbscript:` and
/// `file:` URLs are refused with their own message.
pub fn check_url(url: &str) -> Result<(), &'static str> {
    let lower = url.trim_start().to_ascii_lowercase();
    if ["javascript:", "data:", "vbscript:", "file:"]
        .iter()
        .any(|scheme| lower.starts_with(scheme))
    {
        return Err(
            "javascript:, data:, vbscript: and file: links are never allowed: they run code or open files in the holder's browser",
        );
    }
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .ok_or("must start with https://")?;
    if url.len() > MAX_URL_BYTES {
        return Err("is longer than 2,000 characters");
    }
    if url
        .chars()
        .any(|c| c.is_whitespace() || c.is_control() || is_bidi_control(c) || "\"<>\\`".contains(c))
    {
        return Err("contains spaces or characters that are not allowed in a URL");
    }
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    if authority.contains('@') {
        return Err(
            "has a user name before the host (`name@host`): a browser would open the host after the @",
        );
    }
    let host = authority
        .rsplit_once(':')
        .filter(|(_, port)| !port.is_empty() && port.chars().all(|c| c.is_ascii_digit()))
        .map_or(authority, |(h, _)| h);
    if host.is_empty() || !host.contains('.') || host.starts_with('.') || host.ends_with('.') {
        return Err("has no host name");
    }
    Ok(())
}

/// Bidirectional embedding, override and isolate controls: invisible, they reorder what the
/// holder reads (U+202A–U+202E, U+2066–U+2069).
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

fn control_name(c: char) -> &'static str {
    match c {
        '\0' => " (NUL)",
        '\t' => " (tab)",
        '\n' | '\r' => " (line break: texts are one paragraph)",
        '\u{1E}' => " (the separator of the browser's text tables)",
        _ => "",
    }
}

/// What no catalog text may hold, each as a message for the officer: control characters
/// (U+0000–U+001F, U+007F–U+009F, line breaks and tabs included), bidirectional controls,
/// HTML markup (`<` followed by a letter, `/`, `!` or `?`) and HTML character references
/// (`&amp;`, `&#39;`: texts are shown as written, never as HTML), and more than
/// [`MAX_TEXT_CHARS`] characters.
pub fn check_text(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let chars = s.chars().count();
    if chars > MAX_TEXT_CHARS {
        out.push(format!(
            "is {chars} characters long, over the {MAX_TEXT_CHARS} allowed: shorten it"
        ));
    }
    if let Some((i, c)) = s.chars().enumerate().find(|(_, c)| c.is_control()) {
        out.push(format!(
            "contains the control character U+{:04X}{} at character {}: remove it",
            u32::from(c),
            control_name(c),
            i + 1
        ));
    }
    if let Some((i, c)) = s.chars().enumerate().find(|(_, c)| is_bidi_control(*c)) {
        out.push(format!(
            "contains the invisible bidirectional control U+{:04X} at character {}: remove it (it can reorder what the holder reads)",
            u32::from(c),
            i + 1
        ));
    }
    if let Some(tag) = markup(s) {
        out.push(format!(
            "contains markup `{tag}`: Bousla shows texts as plain text, write the words only"
        ));
    }
    if let Some(entity) = entity(s) {
        out.push(format!(
            "contains the HTML character reference `{entity}`: write the character itself"
        ));
    }
    out
}

/// The start of the first HTML-like tag: `<` followed by a letter, `/`, `!` or `?`.
fn markup(s: &str) -> Option<String> {
    let mut it = s.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if c == '<'
            && let Some(&(_, next)) = it.peek()
            && (next.is_ascii_alphabetic() || "/!?".contains(next))
        {
            return Some(s[i..].chars().take(12).collect());
        }
    }
    None
}

/// The first HTML character reference: `&name;`, `&#123;` or `&#x1F;`.
fn entity(s: &str) -> Option<&str> {
    for (i, _) in s.match_indices('&') {
        let rest = &s[i + 1..];
        let Some(end) = rest.find(';').filter(|&e| e <= 32) else {
            continue;
        };
        let body = &rest[..end];
        let ok = if let Some(num) = body.strip_prefix('#') {
            num.strip_prefix(['x', 'X']).map_or_else(
                || !num.is_empty() && num.chars().all(|c| c.is_ascii_digit()),
                |hex| !hex.is_empty() && hex.chars().all(|c| c.is_ascii_hexdigit()),
            )
        } else {
            // A name as HTML spells them (`amp`, `eacute`, `Eacute`, `nbsp`): not `R&D;`.
            (2..=10).contains(&body.len())
                && body.starts_with(|c: char| c.is_ascii_alphabetic())
                && body.chars().any(|c| c.is_ascii_lowercase())
                && body.chars().all(|c| c.is_ascii_alphanumeric())
        };
        if ok {
            return Some(&s[i..i + end + 2]);
        }
    }
    None
}

/// Separators a number's digit groups may be written with.
fn is_group_separator(c: char) -> bool {
    matches!(c, '.' | ',' | '\u{066C}') || is_group_space(c)
}

fn is_group_space(c: char) -> bool {
    matches!(c, ' ' | '\u{A0}' | '\u{202F}')
}

/// The first number of `s` not written as the interface writes numbers in `lang`
/// (`src/i18n/format.rs`: groups of three digits separated by U+202F NARROW NO-BREAK SPACE in
/// Arabic and French, by a comma in English), with the form to write instead. Looked at:
/// numbers grouped by three with another separator (`50.000`, `50,000` in Arabic or French,
/// `50 000` with an ordinary or no-break space, `50.000` or `50 000` in English) and runs of
/// five digits or more (`50000`; years have four). Not looked at: numbers glued to a letter or
/// to `-`, `/`, `_`, `+`, `#`, `.`, `,` before them (references, URLs, phone numbers), numbers
/// starting with 0 (phone numbers), postal codes (five digits in brackets or before a
/// capitalised town name: `(22050)`, `22050 Afourer`), decimals (`2,5`, `1.5`) and dotted
/// references (`1.58.376`).
pub fn amount_form(lang: Lang, s: &str) -> Option<(String, String)> {
    let chars: Vec<char> = s.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let glued = i > 0 && {
            let p = chars[i - 1];
            p.is_alphanumeric() || "-/_+#.,".contains(p)
        };
        // The token: digits, and single separators between two digits.
        let start = i;
        let mut j = i;
        while j < chars.len()
            && (chars[j].is_ascii_digit()
                || (is_group_separator(chars[j])
                    && chars[j - 1].is_ascii_digit()
                    && chars.get(j + 1).is_some_and(char::is_ascii_digit)))
        {
            j += 1;
        }
        i = j;
        // A Moroccan postal code: five digits in brackets, or before a town's name.
        let postal = j - start == 5
            && chars[start..j].iter().all(char::is_ascii_digit)
            && ((start > 0 && chars[start - 1] == '(' && chars.get(j) == Some(&')'))
                || (chars.get(j) == Some(&' ') && is_town_name(&chars[j + 1..])));
        if glued || postal || chars[start] == '0' {
            continue;
        }
        if let Some(found) = number_form(lang, &chars[start..j]) {
            return Some(found);
        }
    }
    None
}

/// Whether `rest` starts with a word that reads as a town's name (`Afourer`), not a currency
/// (`DH`, `MAD`, `Dirhams`).
fn is_town_name(rest: &[char]) -> bool {
    let word: String = rest.iter().take_while(|c| c.is_alphabetic()).collect();
    let mut letters = word.chars();
    let capitalised = letters.next().is_some_and(char::is_uppercase)
        && letters.next().is_some_and(char::is_lowercase);
    let lower = word.to_lowercase();
    capitalised && !matches!(lower.as_str(), "dh" | "dhs" | "dirham" | "dirhams" | "mad")
}

/// Judges one token of digits and separators (see [`amount_form`]).
fn number_form(lang: Lang, token: &[char]) -> Option<(String, String)> {
    let want = lang.pick('\u{202F}', '\u{202F}', ',');
    // Words between spaces; `joins[k]` is the space between words k and k + 1.
    let mut words: Vec<String> = vec![String::new()];
    let mut joins: Vec<char> = Vec::new();
    for &c in token {
        if is_group_space(c) {
            joins.push(c);
            words.push(String::new());
        } else if let Some(w) = words.last_mut() {
            w.push(c);
        }
    }
    let plain = |w: &str| w.chars().all(|c| c.is_ascii_digit());
    let found = |written: String, digits: String| Some((written, interface_form(lang, &digits)));
    let mut k = 0;
    while k < words.len() {
        let w = &words[k];
        if plain(w) {
            let mut end = k;
            while end < joins.len()
                && joins[end] == joins[k]
                && plain(&words[end + 1])
                && words[end + 1].len() == 3
            {
                end += 1;
            }
            if end > k && (1..=3).contains(&w.len()) && !w.starts_with('0') {
                if joins[k] != want {
                    return found(
                        words[k..=end].join(&joins[k].to_string()),
                        words[k..=end].concat(),
                    );
                }
                k = end + 1;
                continue;
            }
            if w.len() >= 5 && !w.starts_with('0') {
                return found(w.clone(), w.clone());
            }
        } else {
            // Grouped by punctuation: "50.000", "1,000,000".
            let seps: Vec<char> = w.chars().filter(|c| !c.is_ascii_digit()).collect();
            let parts: Vec<&str> = w.split(|c: char| !c.is_ascii_digit()).collect();
            let grouped = seps.iter().all(|&c| c == seps[0])
                && (1..=3).contains(&parts[0].len())
                && !parts[0].starts_with('0')
                && parts[1..].iter().all(|p| p.len() == 3);
            if grouped && seps[0] != want {
                return found(w.clone(), parts.concat());
            }
        }
        k += 1;
    }
    None
}

fn interface_form(lang: Lang, digits: &str) -> String {
    let sep = lang.pick('\u{202F}', '\u{202F}', ',');
    let mut out = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(ch);
    }
    match lang {
        Lang::En => format!("`{out}` with commas"),
        _ => format!("`{out}` with narrow no-break spaces (U+202F)"),
    }
}

/// A plain address the app can put in a `mailto:` link: no `?`, `&`, spaces or second `@` that
/// would add headers (`a@b.ma?cc=…`) or recipients.
pub fn is_email(email: &str) -> bool {
    let Some((user, host)) = email.split_once('@') else {
        return false;
    };
    let user_ok = !user.is_empty()
        && user
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "._%+-".contains(c));
    let host_ok = host.contains('.')
        && !host.starts_with(['.', '-'])
        && !host.ends_with(['.', '-'])
        && !host.contains("..")
        && host
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || ".-".contains(c));
    user_ok && host_ok
}

/// The provinces a desk serves must be in its region, unless a source says otherwise
/// (`serves_across_regions = true`); a national desk serves everyone already.
fn check_serves(c: &mut Checker<'_>, d: &Desk) {
    let Some(region) = d.region else {
        if !d.serves.is_empty() {
            c.error(
                "serves",
                "a national or online desk (no region) serves every province: remove `serves` or give the desk's region",
            );
        }
        if d.serves_region {
            c.error(
                "serves_region",
                "a desk without a region cannot serve its region: give `region`",
            );
        }
        return;
    };
    let mut outside = 0;
    for p in &d.serves {
        if p.region() == region {
            continue;
        }
        outside += 1;
        if !d.serves_across_regions {
            c.error(
                "serves",
                format!(
                    "province `{}` is in region `{}`, outside the desk's region `{}`: set `serves_across_regions = true` only where a source says this desk serves it",
                    p.id(),
                    p.region().id(),
                    region.id()
                ),
            );
        }
    }
    if d.serves_across_regions && outside == 0 {
        c.warn(
            "serves_across_regions",
            "no province in `serves` is outside the desk's region: remove `serves_across_regions`",
        );
    }
    if has_dupes(&d.serves) {
        c.warn("serves", "a province is listed twice");
    }
}

fn check_id(c: &mut Checker<'_>, id: &str) {
    let ok = !id.is_empty()
        && id.len() <= 60
        && id
            .chars()
            .all(|ch| ch.is_ascii_lowercase() || ch.is_ascii_digit() || ch == '-')
        && !id.starts_with('-')
        && !id.ends_with('-');
    if !ok {
        c.error(
            "id",
            format!("`{id}` is not a valid id: use lowercase letters, digits and dashes"),
        );
    }
}

fn check_phone(c: &mut Checker<'_>, field: &str, phone: &str) {
    let digits = phone.chars().filter(char::is_ascii_digit).count();
    if digits < 4
        || !phone
            .chars()
            .all(|ch| ch.is_ascii_digit() || " +-.()".contains(ch))
    {
        c.error(field, format!("`{phone}` is not a phone number"));
    }
}

fn check_amount(c: &mut Checker<'_>, field: &str, min: Option<u64>, max: Option<u64>) {
    if let (Some(min), Some(max)) = (min, max)
        && min > max
    {
        c.error(field, format!("minimum {min} is above maximum {max}"));
    }
}

/// Rules that no profile can meet make a program invisible; report them.
fn check_criteria(c: &mut Checker<'_>, k: &Criteria) {
    if let (Some(min), Some(max)) = (k.min_age, k.max_age)
        && min > max
    {
        c.error(
            "criteria.min_age",
            format!("min_age {min} is above max_age {max}: no one can meet it"),
        );
    }
    if k.min_age.is_some_and(|a| a > 100) || k.max_age.is_some_and(|a| a < 15) {
        c.error(
            "criteria",
            "age limits outside 15–100 years: no holder can meet them",
        );
    }
    check_amount(c, "criteria.min_revenue", k.min_revenue, k.max_revenue);
    check_amount(c, "criteria.min_amount", k.min_amount, k.max_amount);
    if let (Some(min), Some(max)) = (k.min_jobs, k.max_jobs)
        && min > max
    {
        c.error(
            "criteria.min_jobs",
            format!("min_jobs {min} is above max_jobs {max}"),
        );
    }
    if let (Some(min), Some(max)) = (k.min_business_age, k.max_business_age)
        && min > max
    {
        c.error(
            "criteria.min_business_age",
            format!("min_business_age {min} is above max_business_age {max}"),
        );
    }
    let only_new = !k.stages.is_empty()
        && k.stages
            .iter()
            .all(|s| matches!(s, StageKind::Idea | StageKind::Creating));
    if only_new && k.min_business_age.is_some_and(|a| a > 0) {
        c.error(
            "criteria.min_business_age",
            "only ideas and projects in creation are accepted, so no activity can be old enough",
        );
    }
    if !k.provinces.is_empty() && !k.regions.is_empty() {
        for p in &k.provinces {
            if !k.regions.contains(&p.region()) {
                c.error(
                    "criteria.provinces",
                    format!("province `{}` is not in any listed region", p.id()),
                );
            }
        }
    }
    if !k.sectors.is_empty() && k.sectors.iter().all(|s| k.excluded_sectors.contains(s)) {
        c.error("criteria.sectors", "every accepted sector is also excluded");
    }
    if k.gender == Some(Gender::Male) {
        c.warn(
            "criteria.gender",
            "a men-only rule is unusual: check the source",
        );
    }
    for (field, empty) in [
        ("criteria.regions", has_dupes(&k.regions)),
        ("criteria.stages", has_dupes(&k.stages)),
        ("criteria.legal_forms", has_dupes(&k.legal_forms)),
        ("criteria.sectors", has_dupes(&k.sectors)),
    ] {
        if empty {
            c.warn(field, "a value is listed twice");
        }
    }
}

fn has_dupes<T: Ord>(items: &[T]) -> bool {
    let set: BTreeSet<&T> = items.iter().collect();
    set.len() != items.len()
}

/// Validates every record and the references between them. Returns the catalog (records in a
/// stable order: by id) and the issues; the catalog is only fit for use when no issue is an error.
pub fn validate(src: SourcedCatalog, today: Date) -> (Catalog, Vec<Issue>) {
    let mut issues = Vec::new();
    let provider_ids: BTreeSet<String> = src.providers.iter().map(|(_, p)| p.id.clone()).collect();
    let program_ids: BTreeSet<String> = src.programs.iter().map(|(_, p)| p.id.clone()).collect();

    let mut seen: BTreeMap<(&str, String), String> = BTreeMap::new();
    let mut dup = |kind: &'static str, id: &str, file: &str, issues: &mut Vec<Issue>| {
        if let Some(first) = seen.insert((kind, id.to_string()), file.to_string()) {
            issues.push(Issue::error(
                file.to_string(),
                Some(format!("{kind} `{id}`")),
                "id",
                format!("duplicate id: also defined in {first}"),
            ));
        }
    };

    for (file, p) in &src.providers {
        dup("provider", &p.id, file, &mut issues);
        let mut c = Checker {
            issues: Vec::new(),
            file,
            record: format!("provider `{}`", p.id),
        };
        check_id(&mut c, &p.id);
        c.text("name", &p.name);
        if let Some(w) = &p.website {
            c.url("website", w);
        }
        c.sources(&p.sources, false);
        issues.append(&mut c.issues);
    }

    for (file, p) in &src.programs {
        dup("program", &p.id, file, &mut issues);
        let mut c = Checker {
            issues: Vec::new(),
            file,
            record: format!("program `{}`", p.id),
        };
        check_id(&mut c, &p.id);
        if !provider_ids.contains(&p.provider) {
            c.error("provider", format!("unknown provider `{}`", p.provider));
        }
        for d in &p.delivered_by {
            if !provider_ids.contains(d) {
                c.error("delivered_by", format!("unknown provider `{d}`"));
            }
        }
        if p.kinds.is_empty() {
            c.error("kinds", "say what the program gives (loan, coaching, …)");
        }
        for (field, text) in [
            ("name", &p.name),
            ("summary", &p.summary),
            ("benefits", &p.benefits),
            ("how_to_apply", &p.how_to_apply),
        ] {
            c.text(field, text);
        }
        if let Some(caution) = &p.caution {
            c.text("caution", caution);
        }
        if let Some(Amount { min, max }) = p.amount {
            check_amount(&mut c, "amount", min, max);
        }
        if let (Some(o), Some(cl)) = (p.opens, p.closes)
            && o > cl
        {
            c.error("closes", format!("closes {cl} before it opens {o}"));
        }
        if let Some(a) = &p.reserved_for {
            check_audience(&mut c, a);
        }
        for t in &p.priority_to {
            if p.reserved_for
                .as_ref()
                .is_some_and(|a| a.any_of.contains(t))
            {
                c.error(
                    "priority_to",
                    format!("`{}` is already in reserved_for: a priority never names an audience the program is reserved for (the card would say \"others may apply too\")", t.id()),
                );
            }
        }
        if p.status == Status::Announced && p.opens.is_none() {
            c.warn(
                "opens",
                "an announced program should say when it opens, if a source does",
            );
        }
        if let Some(w) = &p.website {
            c.url("website", w);
        }
        if let Some(phone) = &p.phone {
            check_phone(&mut c, "phone", phone);
        }
        c.verified(p.last_verified, &p.sources, today);
        c.sources(&p.sources, true);
        check_criteria(&mut c, &p.criteria);
        if p.criteria.is_empty() {
            c.warn(
                "criteria",
                "no eligibility rule is encoded: every holder will be told it fits",
            );
        }
        issues.append(&mut c.issues);
    }

    for (file, d) in &src.desks {
        dup("desk", &d.id, file, &mut issues);
        let mut c = Checker {
            issues: Vec::new(),
            file,
            record: format!("desk `{}`", d.id),
        };
        check_id(&mut c, &d.id);
        if !provider_ids.contains(&d.provider) {
            c.error("provider", format!("unknown provider `{}`", d.provider));
        }
        c.text("name", &d.name);
        if let Some(h) = &d.hours {
            c.text("hours", h);
        }
        if let Some(p) = d.province {
            match d.region {
                Some(r) if r != p.region() => c.error(
                    "province",
                    format!("province `{}` is not in region `{}`", p.id(), r.id()),
                ),
                None => c.error("region", "a desk with a province needs its region too"),
                _ => {}
            }
        }
        if d.address.is_none() && d.phone.is_none() && d.email.is_none() && d.website.is_none() {
            c.error("address", "give at least one way to reach the desk (address, phone, email or website) from a source");
        }
        if let Some(w) = &d.website {
            c.url("website", w);
        }
        if let Some(phone) = &d.phone {
            check_phone(&mut c, "phone", phone);
        }
        if let Some(email) = &d.email
            && !is_email(email)
        {
            c.error(
                "email",
                format!(
                    "`{email}` is not an e-mail address: letters, digits and . _ % + - before the @, a domain after it, nothing else"
                ),
            );
        }
        if let Some(a) = &d.address {
            c.plain("address", a);
        }
        check_serves(&mut c, d);
        for h in &d.handles {
            if !program_ids.contains(h) {
                c.error("handles", format!("unknown program `{h}`"));
            }
        }
        c.verified(d.last_verified, &d.sources, today);
        c.sources(&d.sources, false);
        issues.append(&mut c.issues);
    }

    for (file, w) in &src.pathways {
        dup("pathway", &w.id, file, &mut issues);
        let mut c = Checker {
            issues: Vec::new(),
            file,
            record: format!("pathway `{}`", w.id),
        };
        check_id(&mut c, &w.id);
        if w.steps.len() < 2 {
            c.error("steps", "a pathway chains at least two programs");
        }
        for s in &w.steps {
            if !program_ids.contains(s) {
                c.error("steps", format!("unknown program `{s}`"));
            }
        }
        c.text("title", &w.title);
        c.text("explanation", &w.explanation);
        c.sources(&w.sources, false);
        issues.append(&mut c.issues);
    }

    let mut catalog = Catalog {
        programs: src.programs.into_iter().map(|(_, r)| r).collect(),
        providers: src.providers.into_iter().map(|(_, r)| r).collect(),
        desks: src.desks.into_iter().map(|(_, r)| r).collect(),
        pathways: src.pathways.into_iter().map(|(_, r)| r).collect(),
    };
    catalog.programs.sort_by(|a, b| a.id.cmp(&b.id));
    catalog.providers.sort_by(|a, b| a.id.cmp(&b.id));
    catalog.desks.sort_by(|a, b| a.id.cmp(&b.id));
    catalog.pathways.sort_by(|a, b| a.id.cmp(&b.id));
    (catalog, issues)
}
