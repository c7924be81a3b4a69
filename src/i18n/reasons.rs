//! The engine's reasons, rendered as sentences in the holder's language.

use crate::catalog::{Audience, Lang, Province, Region, Target};
use crate::engine::{Band, DoorReason, Fix, Reason, Timing};

use super::format::{date, mad, number};
use super::labels::Label;
use super::phrases::{Phrases, p};
use super::plural::counted;
use super::strings::fill;

fn join<T: Copy>(lang: Lang, items: &[T], name: impl Fn(T) -> String) -> String {
    join_names(lang, items.iter().map(|i| name(*i)).collect())
}

/// One copy of the joining for every kind of item (`join` is built once per item type).
fn join_names(lang: Lang, names: Vec<String>) -> String {
    let sep = lang.pick("، ", ", ", ", ");
    match names.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => fill(
            p(lang).or_list,
            &[("list", &rest.join(sep)), ("last", last)],
        ),
    }
}

fn bounds(lang: Lang, min: Option<u64>, max: Option<u64>, fmt: &dyn Fn(u64) -> String) -> String {
    let p = p(lang);
    match (min, max) {
        (Some(a), Some(b)) => fill(p.from_to, &[("from", &fmt(a)), ("to", &fmt(b))]),
        (Some(a), None) => fill(p.at_least, &[("n", &fmt(a))]),
        (None, Some(b)) => fill(p.at_most, &[("n", &fmt(b))]),
        (None, None) => String::new(),
    }
}

/// French "de" before a name, elided before a vowel: "de Safi", "d'Azilal", "d'El Jadida".
fn de(name: &str) -> String {
    let elide = name
        .chars()
        .next()
        .is_some_and(|c| "AEIOUYÉÈÊÎÔaeiouyéèêîô".contains(c));
    if elide {
        format!("d'{name}")
    } else {
        format!("de {name}")
    }
}

/// A place name after "province" or "région": French takes "de" ("de Safi", "d'Azilal").
fn place(lang: Lang, name: &str) -> String {
    if lang == Lang::Fr {
        de(name)
    } else {
        name.to_string()
    }
}

/// One placeholder filled.
fn fill1(template: &str, key: &str, value: &str) -> String {
    fill(template, &[(key, value)])
}

/// "{n} years", in the holder's language, agreeing with `n`.
fn years(lang: Lang, n: u64) -> String {
    super::plural::counted(lang, p(lang).years, n, &[])
}

/// The rule, in words: "For holders aged 18 to 35".
pub fn rule(lang: Lang, reason: &Reason<'_>) -> String {
    let p = p(lang);
    let region_name = |r: Region| r.name(lang).to_string();
    let province_name = |pr: Province| pr.name(lang).to_string();
    let years = |n: u64| years(lang, n);
    match *reason {
        Reason::Region { allowed, .. } => {
            fill1(p.rule_region, "list", &join(lang, allowed, region_name))
        }
        Reason::Province { allowed, .. } => {
            let list = join(lang, allowed, province_name);
            fill1(p.rule_province, "list", &place(lang, &list))
        }
        Reason::Stage { allowed, .. } => {
            let list = join(lang, allowed, |s| s.label(lang).to_string());
            fill1(p.rule_stage, "list", &list)
        }
        Reason::LegalForm { allowed, .. } => {
            let list = join(lang, allowed, |s| s.label(lang).to_string());
            fill1(p.rule_legal_form, "list", &list)
        }
        Reason::BusinessAge { min, max, .. } => {
            let b = bounds(lang, min.map(u64::from), max.map(u64::from), &years);
            fill1(p.rule_business_age, "bounds", &b)
        }
        Reason::Age { min, max, .. } => {
            let b = bounds(lang, min.map(u64::from), max.map(u64::from), &years);
            fill1(p.rule_age, "bounds", &b)
        }
        Reason::Gender { required, .. } => match required {
            crate::catalog::Gender::Female => p.rule_women.to_string(),
            crate::catalog::Gender::Male => p.rule_men.to_string(),
        },
        Reason::Area { required, .. } => match required {
            crate::catalog::Area::Rural => p.rule_rural.to_string(),
            crate::catalog::Area::Urban => p.rule_urban.to_string(),
        },
        Reason::Residence { allowed, .. } => {
            let list = join(lang, allowed, |s| s.label(lang).to_string());
            fill1(p.rule_residence, "list", &list)
        }
        Reason::Sector { allowed, .. } => {
            let list = join(lang, allowed, |s| s.label(lang).to_string());
            fill1(p.rule_sector, "list", &list)
        }
        Reason::ExcludedSector { excluded, .. } => {
            let list = join(lang, excluded, |s| s.label(lang).to_string());
            fill1(p.rule_excluded_sector, "list", &list)
        }
        Reason::Innovative { .. } => p.rule_innovative.to_string(),
        Reason::Revenue { min, max, .. } => {
            let b = bounds(lang, min, max, &|n| mad(lang, n));
            fill1(p.rule_revenue, "bounds", &b)
        }
        Reason::Jobs { min, max, .. } => {
            let b = bounds(lang, min.map(u64::from), max.map(u64::from), &|n| {
                number(lang, n)
            });
            fill1(p.rule_jobs, "bounds", &b)
        }
        Reason::Amount { min, max, .. } => match (min, max) {
            (Some(m), _) => fill1(p.rule_amount_min, "amount", &mad(lang, m)),
            (None, Some(x)) => fill1(p.rule_amount_max, "amount", &mad(lang, x)),
            (None, None) => String::new(),
        },
        Reason::ProjectAmount { max, .. } => {
            fill1(p.rule_project_amount, "amount", &mad(lang, max))
        }
        Reason::Audience { audience, .. } => reserved_for(lang, audience),
    }
}

/// "Reserved for women or young people (up to 35)".
pub fn reserved_for(lang: Lang, a: &Audience) -> String {
    let list = join(lang, &a.any_of, |t| audience_name(lang, t, Some(a)));
    fill1(p(lang).reserved_for, "list", &list)
}

/// An audience in words; youth with its ages when a reservation gives them.
pub fn audience_name(lang: Lang, t: Target, a: Option<&Audience>) -> String {
    let p = p(lang);
    let base = match t {
        Target::Women => p.women,
        Target::Youth => p.youth,
        Target::Rural => p.rural_people,
        Target::Informal => p.informal,
        Target::Diaspora => p.diaspora,
        Target::Cooperatives => p.cooperatives,
        Target::Innovative => p.innovative_projects,
    };
    match (t, a) {
        (Target::Youth, Some(a)) => {
            let max = number(lang, u64::from(a.youth_max()));
            let ages = match a.youth_min_age {
                Some(min) => {
                    let min = number(lang, u64::from(min));
                    fill(p.youth_from_to, &[("min", &min), ("max", &max)])
                }
                None => fill1(p.youth_up_to, "max", &max),
            };
            format!("{base} ({ages})")
        }
        _ => base.to_string(),
    }
}

/// "Priority to women; others may apply."
pub fn priority_note(lang: Lang, audiences: &[Target]) -> String {
    let list = join(lang, audiences, |t| audience_name(lang, t, None));
    fill1(p(lang).priority_note, "list", &list)
}

/// "Covers up to 49 000 DH of your 200 000 DH."
pub fn partial_cover(lang: Lang, covers: u64, asked: Band) -> String {
    fill(
        p(lang).partial_cover,
        &[
            ("covers", &mad(lang, covers)),
            ("asked", &band(lang, asked)),
        ],
    )
}

/// An amount the holder gave: exact, or the band they picked.
pub fn band(lang: Lang, b: Band) -> String {
    let p = p(lang);
    if b.is_exact() {
        mad(lang, b.min)
    } else if b.max >= crate::engine::profile::limits::AMOUNT_MAX {
        // The top band of the questionnaire is open-ended: "more than 5 000 000 DH".
        fill1(p.band_more_than, "amount", &mad(lang, b.min))
    } else if b.min == 0 {
        fill1(p.band_up_to, "amount", &mad(lang, b.max))
    } else {
        let (lo, hi) = (mad(lang, b.min), mad(lang, b.max));
        fill(p.band_from_to, &[("from", &lo), ("to", &hi)])
    }
}

/// Why a desk is the door: "Serves El Jadida".
pub fn door_reason(lang: Lang, why: DoorReason) -> String {
    let p = p(lang);
    match why {
        DoorReason::ServesProvince(pr) => {
            fill1(p.door_province, "name", &place(lang, pr.name(lang)))
        }
        DoorReason::ServesRegion(r) => fill1(p.door_region, "name", r.name(lang)),
        DoorReason::InRegion(r) => fill1(p.door_in_region, "name", r.name(lang)),
        DoorReason::National => p.door_national.to_string(),
    }
}

/// When the program takes applications, or `None` when it simply is open.
pub fn timing(lang: Lang, t: Timing) -> Option<String> {
    let p = p(lang);
    Some(match t {
        Timing::Open => return None,
        Timing::ClosingSoon { closes, .. } => fill1(p.closing_soon, "date", &date(lang, closes)),
        Timing::Seasonal => p.seasonal.to_string(),
        Timing::Announced { opens: Some(o) } => fill1(p.opens_on, "date", &date(lang, o)),
        Timing::Announced { opens: None } => p.announced.to_string(),
        Timing::Paused => p.paused.to_string(),
        Timing::BudgetExhausted => p.budget_used_up.to_string(),
        Timing::Closed { closed: Some(d) } => fill1(p.closed_since, "date", &date(lang, d)),
        Timing::Closed { closed: None } => p.closed.to_string(),
    })
}

/// How many of a program's rules the holder meets, as a sentence agreeing with the number of
/// rules: "You meet 4 of its 6 conditions.", "You meet both of its conditions."
pub fn met_of(lang: Lang, met: u8, rules: u8) -> String {
    met_sentence(lang, p(lang), met, rules)
}

/// [`met_of`] from a given table (Darija's is loaded at run time; tests pass it).
pub(super) fn met_sentence(lang: Lang, p: &Phrases, met: u8, rules: u8) -> String {
    let rules = u64::from(rules);
    if u64::from(met) >= rules {
        return counted(lang, p.met_all, rules, &[]);
    }
    if met == 0 && rules >= 2 {
        return counted(lang, p.met_none, rules, &[]);
    }
    counted(
        lang,
        p.met_of,
        rules,
        &[("met", &number(lang, u64::from(met)))],
    )
}

/// The holder's answer the rule was checked against, or `None` when unanswered.
pub fn holder_answer(lang: Lang, reason: &Reason<'_>) -> Option<String> {
    let years = |n: u64| years(lang, n);
    Some(match *reason {
        Reason::Region { holder, .. } => holder?.name(lang).to_string(),
        Reason::Province { holder, .. } => holder?.name(lang).to_string(),
        Reason::Stage { holder, .. } => holder?.label(lang).to_string(),
        Reason::LegalForm { holder, .. } => holder?.label(lang).to_string(),
        Reason::BusinessAge { holder, .. } => years(u64::from(holder?)),
        Reason::Age { holder, .. } => years(u64::from(holder?)),
        Reason::Gender { holder, .. } => holder?.label(lang).to_string(),
        Reason::Area { holder, .. } => holder?.label(lang).to_string(),
        Reason::Residence { holder, .. } => holder?.label(lang).to_string(),
        Reason::Sector { holder, .. } | Reason::ExcludedSector { holder, .. } => {
            holder?.label(lang).to_string()
        }
        Reason::Innovative { holder } => if holder? {
            p(lang).innovative_yes
        } else {
            p(lang).innovative_no
        }
        .to_string(),
        Reason::Revenue { holder, .. }
        | Reason::Amount { holder, .. }
        | Reason::ProjectAmount { holder, .. } => band(lang, holder?),
        Reason::Audience { matched, .. } => audience_name(lang, matched?, None),
        Reason::Jobs { holder, .. } => number(lang, u64::from(holder?)),
    })
}

/// The step that would make a program reachable.
pub fn fix(lang: Lang, fix: &Fix) -> String {
    let p = p(lang);
    match *fix {
        Fix::RegisterAutoEntrepreneur => p.fix_auto_entrepreneur.to_string(),
        Fix::Formalise => p.fix_formalise.to_string(),
        Fix::CreateCooperative => p.fix_cooperative.to_string(),
        Fix::CreateCompany => p.fix_company.to_string(),
        Fix::LowerAmount { to } => fill1(p.fix_lower_amount, "amount", &mad(lang, to)),
    }
}
