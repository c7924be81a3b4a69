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
        write!(f, "{level}: {}", self.file)?;
        if let Some(record) = &self.record {
            write!(f, ": {record}")?;
        }
        if !self.field.is_empty() {
            write!(f, ", field `{}`", self.field)?;
        }
        write!(f, ": {}", self.message)
    }
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
                Lang::Ar => "Arabic",
                Lang::Fr => "French",
                Lang::En => "English",
            };
            self.error(
                &format!("{field}.{}", lang.code()),
                format!("missing {name} translation"),
            );
        }
    }

    fn url(&mut self, field: &str, url: &str) {
        if let Err(why) = check_url(url) {
            self.error(field, format!("bad URL `{url}`: {why}"));
        }
    }

    fn sources(&mut self, sources: &[Source], need_date: bool) {
        if sources.is_empty() {
            self.error("sources", "at least one source (url, date) is required");
        }
        for (i, s) in sources.iter().enumerate() {
            self.url(&format!("sources[{i}].url"), &s.url);
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
                    "{last_verified} is over {STALE_AFTER_DAYS} days old: check the program again"
                ),
            );
        }
    }
}

fn check_audience(c: &mut Checker<'_>, a: &Audience) {
    if a.any_of.is_empty() {
        c.error("reserved_for.any_of", "name at least one audience the program is reserved for");
    }
    let youth = a.any_of.contains(&Target::Youth);
    let ages = [a.youth_min_age, a.youth_max_age, a.youth_check_up_to];
    if !youth && ages.iter().any(Option::is_some) {
        c.error("reserved_for", "youth ages are given but `youth` is not in `any_of`");
    }
    if let (Some(lo), Some(hi)) = (a.youth_min_age, a.youth_max_age)
        && lo > hi
    {
        c.error("reserved_for.youth_min_age", format!("{lo} is above youth_max_age {hi}"));
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

/// Checks a URL the way a holder's browser will follow it: absolute http(s), a host, no spaces.
pub fn check_url(url: &str) -> Result<(), &'static str> {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .ok_or("must start with https:// or http://")?;
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    if host.is_empty() || !host.contains('.') || host.starts_with('.') || host.ends_with('.') {
        return Err("has no host name");
    }
    if url
        .chars()
        .any(|c| c.is_whitespace() || c.is_control() || c == '"' || c == '<' || c == '>')
    {
        return Err("contains spaces or characters that are not allowed in a URL");
    }
    Ok(())
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
        if p.status == Status::Announced && p.opens.is_none() {
            c.warn("opens", "an announced program should say when it opens, if a source does");
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
        if let Some(email) = &d.email {
            let ok = email
                .split_once('@')
                .is_some_and(|(u, h)| !u.is_empty() && h.contains('.') && !email.contains(' '));
            if !ok {
                c.error("email", format!("`{email}` is not an e-mail address"));
            }
        }
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
