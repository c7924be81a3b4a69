//! A ranking as the officers' CLI prints it (`catalog match`), in the chosen language, with
//! everything the app shows: the groups in the app's order, each program's verdict, rules met,
//! reasons, what to check, partial funding, status and dates, fixes, cautions and the doors.
//! The JSON form is documented in `docs/profile.md` ("catalog match --json").

use serde_json::{Value, json};

use crate::catalog::{Catalog, Date, Freshness, Lang};
use crate::engine::{
    CriterionKind, DoorReason, Outcome, Profile, Ranked, Ranking, Timing, doors, explain, rank,
    real_priorities,
};
use crate::i18n::Label;
use crate::i18n::reasons::{
    door_reason, fix, holder_answer, met_of, partial_cover, priority_note, rule, timing,
};

/// The groups of a ranking, in the order the app shows them, with their id and heading.
fn groups<'r, 'a>(r: &'r Ranking<'a>) -> [(&'static str, &'r [Ranked<'a>]); 5] {
    [
        ("fits", &r.fits),
        ("also_open", &r.also_open),
        ("closed", &r.closed),
        ("near_misses", &r.near_misses),
        ("not_eligible", &r.others),
    ]
}

fn heading(lang: Lang, group: &str) -> &'static str {
    match group {
        "fits" => lang.pick(
            "برامج تناسب ما تحتاجه",
            "Programmes pour ce dont vous avez besoin",
            "Programs for what you need",
        ),
        "also_open" => lang.pick(
            "برامج أخرى مفتوحة لك",
            "Aussi ouverts à vous",
            "Also open to you",
        ),
        "closed" => lang.pick(
            "لا تقبل طلبات حاليا",
            "Fermés aux demandes pour l'instant",
            "Not taking applications now",
        ),
        "near_misses" => lang.pick(
            "في المتناول بخطوة",
            "À votre portée avec une démarche",
            "Within reach with one step",
        ),
        _ => lang.pick(
            "لا تناسبك حاليا",
            "Pas pour vous pour l'instant",
            "Not for you for now",
        ),
    }
}

fn verdict_id(r: &Ranked<'_>) -> &'static str {
    match r.verdict {
        crate::engine::Verdict::Eligible => "eligible",
        crate::engine::Verdict::Possible => "possible",
        crate::engine::Verdict::NotEligible => "not_eligible",
    }
}

fn timing_id(t: Timing) -> Value {
    match t {
        Timing::Open => json!({"status": "open"}),
        Timing::Seasonal => json!({"status": "seasonal"}),
        Timing::ClosingSoon { closes, days } => {
            json!({"status": "closing_soon", "closes": closes.to_string(), "days_left": days})
        }
        Timing::Announced { opens } => {
            json!({"status": "announced", "opens": opens.map(|d| d.to_string())})
        }
        Timing::Paused => json!({"status": "paused"}),
        Timing::BudgetExhausted => json!({"status": "budget_exhausted"}),
        Timing::Closed { closed } => {
            json!({"status": "closed", "closed": closed.map(|d| d.to_string())})
        }
    }
}

/// The question that settles a rule, as named in `docs/profile.md`.
pub fn question_of(k: CriterionKind) -> &'static str {
    match k {
        CriterionKind::Region => "region",
        CriterionKind::Province => "province",
        CriterionKind::Stage => "stage",
        CriterionKind::LegalForm => "legal_form",
        CriterionKind::BusinessAge => "started",
        CriterionKind::Age => "age",
        CriterionKind::Gender => "gender",
        CriterionKind::Area => "area",
        CriterionKind::Residence => "residence",
        CriterionKind::Sector | CriterionKind::ExcludedSector => "sector",
        CriterionKind::Innovative => "innovative",
        CriterionKind::Revenue => "revenue",
        CriterionKind::Jobs => "jobs",
        CriterionKind::Amount | CriterionKind::ProjectAmount => "amount",
        CriterionKind::Audience => "age, gender, area, stage, legal_form or residence",
    }
}

fn freshness(lang: Lang, f: Freshness) -> String {
    match f {
        Freshness::Checked(d) => lang
            .pick("آخر تحقق: {d}", "Vérifié le {d}", "Last checked: {d}")
            .replace("{d}", &d.to_string()),
        Freshness::SourceDated(d) => lang
            .pick(
                "لم يُراجَع بعد؛ أحدث مصدر بتاريخ {d}",
                "Pas revérifié ; source la plus récente : {d}",
                "Not re-checked; newest source dated {d}",
            )
            .replace("{d}", &d.to_string()),
        Freshness::Unknown => lang.pick("بدون تاريخ", "Sans date", "Undated").to_string(),
    }
}

fn door_json(lang: Lang, d: &crate::engine::Door<'_>) -> Value {
    json!({
        "desk": d.desk.id,
        "name": d.desk.name.get(lang),
        "why": match d.why {
            DoorReason::ServesProvince(p) => json!({"serves_province": p.id()}),
            DoorReason::ServesRegion(r) => json!({"serves_region": r.id()}),
            DoorReason::InRegion(r) => json!({"in_region": r.id()}),
            DoorReason::National => json!("national"),
        },
        "why_text": door_reason(lang, d.why),
        "address": d.desk.address,
        "phone": d.desk.phone,
        "email": d.desk.email,
        "website": d.desk.website,
        "hours": d.desk.hours.as_ref().map(|h| h.get(lang)),
    })
}

fn program_json(c: &Catalog, profile: &Profile, lang: Lang, today: Date, r: &Ranked<'_>) -> Value {
    let p = r.program;
    let reasons: Vec<Value> = explain(p, profile, today.year)
        .iter()
        .map(|ch| {
            json!({
                "outcome": match ch.outcome { Outcome::Met => "met", Outcome::Unknown => "to_check", Outcome::Unmet => "unmet" },
                "criterion": format!("{:?}", ch.reason.criterion()),
                "rule": rule(lang, &ch.reason),
                "answer": holder_answer(lang, &ch.reason),
            })
        })
        .collect();
    json!({
        "program": p.id,
        "name": p.name.get(lang),
        "verdict": verdict_id(r),
        "rules_met": r.met,
        "rules": r.rules,
        "to_check": r.to_check.iter().map(|k| json!({"criterion": format!("{k:?}"), "question": question_of(k)})).collect::<Vec<_>>(),
        "serves_needs": r.serves_needs,
        "needs_served": r.needs_served,
        "locality": format!("{:?}", r.locality).to_lowercase(),
        "priority_to": p.priority_to.iter().map(|t| t.id()).collect::<Vec<_>>(),
        "holder_in_priority": r.priority.map(|t| t.id()),
        "timing": timing_id(r.timing),
        "partial": r.partial.map(|(covers, asked)| json!({"covers_up_to": covers, "asked_min": asked.min, "asked_max": asked.max})),
        "reasons": reasons,
        "fixes": r.fixes.iter().map(|f| fix(lang, f)).collect::<Vec<_>>(),
        "confidence": p.confidence.id(),
        "caution": p.caution.as_ref().map(|t| t.get(lang)),
        "freshness": freshness(lang, p.freshness()),
        "doors": doors(c, p, profile).iter().map(|d| door_json(lang, d)).collect::<Vec<_>>(),
    })
}

/// The ranking as JSON: `groups` in the app's order, each a list of programs; `fits` (the
/// programs the app shows first, in its order) is the first group.
pub fn json(c: &Catalog, profile: &Profile, lang: Lang, today: Date) -> Value {
    let ranking = rank(c, profile, today);
    let mut out = serde_json::Map::new();
    out.insert("lang".into(), json!(lang.code()));
    out.insert("date".into(), json!(today.to_string()));
    for (id, list) in groups(&ranking) {
        out.insert(
            id.into(),
            Value::Array(
                list.iter()
                    .map(|r| program_json(c, profile, lang, today, r))
                    .collect(),
            ),
        );
    }
    out.insert(
        "pathways".into(),
        json!(ranking.pathways.iter().map(|p| json!({"pathway": p.pathway.id, "title": p.pathway.title.get(lang), "steps": p.steps.iter().map(|(s, _)| s.id.clone()).collect::<Vec<_>>()})).collect::<Vec<_>>()),
    );
    Value::Object(out)
}

/// The ranking as text for a program officer: groups with headings in `lang`, each program
/// with its verdict, rules met, reasons, notes and doors. Not-eligible programs are listed by
/// name only.
pub fn text(c: &Catalog, profile: &Profile, lang: Lang, today: Date) -> String {
    use std::fmt::Write;
    let ranking = rank(c, profile, today);
    let mut out = String::new();
    for (id, list) in groups(&ranking) {
        let _ = writeln!(out, "\n{} ({})", heading(lang, id), list.len());
        if id == "not_eligible" {
            for r in list {
                let _ = writeln!(out, "  - {} ({})", r.program.name.get(lang), r.program.id);
            }
            continue;
        }
        for (i, r) in list.iter().enumerate() {
            let p = r.program;
            let _ = writeln!(
                out,
                "{:>3}. {} — {} ({})",
                i + 1,
                p.name.get(lang),
                r.verdict.label(lang),
                p.id
            );
            let _ = writeln!(out, "     {}", met_of(lang, r.met, r.rules));
            for ch in explain(p, profile, today.year) {
                let mark = match ch.outcome {
                    Outcome::Met => "✓",
                    Outcome::Unknown => "?",
                    Outcome::Unmet => "✗",
                };
                let answer = holder_answer(lang, &ch.reason)
                    .map(|a| format!(" — {a}"))
                    .unwrap_or_default();
                let _ = writeln!(out, "       {mark} {}{answer}", rule(lang, &ch.reason));
            }
            if let Some((covers, asked)) = r.partial {
                let _ = writeln!(out, "     {}", partial_cover(lang, covers, asked));
            }
            let audiences: Vec<_> = real_priorities(p).collect();
            if !audiences.is_empty() {
                let _ = writeln!(out, "     {}", priority_note(lang, &audiences));
            }
            if let Some(t) = timing(lang, r.timing) {
                let _ = writeln!(out, "     {t}");
            }
            for f in &r.fixes {
                let _ = writeln!(out, "     → {}", fix(lang, f));
            }
            if let Some(caution) = &p.caution {
                let _ = writeln!(out, "     ! {}", caution.get(lang));
            }
            let _ = writeln!(out, "     {}", freshness(lang, p.freshness()));
            for d in doors(c, p, profile).iter().take(3) {
                let contact: Vec<&str> = [&d.desk.phone, &d.desk.address, &d.desk.website]
                    .into_iter()
                    .filter_map(|v| v.as_deref())
                    .collect();
                let _ = writeln!(
                    out,
                    "     ⌂ {} — {} — {}",
                    d.desk.name.get(lang),
                    door_reason(lang, d.why),
                    contact.join(" · ")
                );
            }
        }
    }
    for p in &ranking.pathways {
        let steps: Vec<_> = p.steps.iter().map(|(s, _)| s.name.get(lang)).collect();
        let _ = writeln!(
            out,
            "\n{}: {} — {}",
            lang.pick("مسار", "Parcours", "Pathway"),
            p.pathway.title.get(lang),
            steps.join(" → ")
        );
    }
    out
}
