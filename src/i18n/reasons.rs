//! The engine's reasons, rendered as sentences in the holder's language.

use crate::catalog::{Audience, Lang, Province, Region, Target};
use crate::engine::{Band, DoorReason, Fix, Reason, Timing};

use super::format::{date, mad, number};
use super::labels::Label;

fn join<T: Copy>(lang: Lang, items: &[T], name: impl Fn(T) -> String) -> String {
    let sep = lang.pick("، ", ", ", ", ");
    let last_sep = lang.pick(" أو ", " ou ", " or ");
    let names: Vec<String> = items.iter().map(|i| name(*i)).collect();
    match names.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{}{last_sep}{last}", rest.join(sep)),
    }
}

fn bounds(lang: Lang, min: Option<u64>, max: Option<u64>, fmt: impl Fn(u64) -> String) -> String {
    match (min, max) {
        (Some(a), Some(b)) => lang.pick(
            format!("من {} إلى {}", fmt(a), fmt(b)),
            format!("de {} à {}", fmt(a), fmt(b)),
            format!("from {} to {}", fmt(a), fmt(b)),
        ),
        (Some(a), None) => lang.pick(
            format!("{} على الأقل", fmt(a)),
            format!("au moins {}", fmt(a)),
            format!("at least {}", fmt(a)),
        ),
        (None, Some(b)) => lang.pick(
            format!("{} على الأكثر", fmt(b)),
            format!("au plus {}", fmt(b)),
            format!("at most {}", fmt(b)),
        ),
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

/// The rule, in words: "For holders aged 18 to 35".
pub fn rule(lang: Lang, reason: &Reason<'_>) -> String {
    let region_name = |r: Region| r.name(lang).to_string();
    let province_name = |p: Province| p.name(lang).to_string();
    let years = |n: u64| lang.pick(format!("{n} سنة"), format!("{n} ans"), format!("{n} years"));
    match *reason {
        Reason::Region { allowed, .. } => {
            let list = join(lang, allowed, region_name);
            lang.pick(
                format!("لحاملي المشاريع بجهة {list}"),
                format!("Pour les porteurs de projet de la région {list}"),
                format!("For project holders in {list}"),
            )
        }
        Reason::Province { allowed, .. } => {
            let list = join(lang, allowed, province_name);
            lang.pick(
                format!("لحاملي المشاريع بإقليم {list}"),
                format!("Pour les porteurs de projet de la province {}", de(&list)),
                format!("For project holders in the province of {list}"),
            )
        }
        Reason::Stage { allowed, .. } => {
            let list = join(lang, allowed, |s| s.label(lang).to_string());
            lang.pick(
                format!("مرحلة المشروع: {list}"),
                format!("Stade du projet : {list}"),
                format!("Project stage: {list}"),
            )
        }
        Reason::LegalForm { allowed, .. } => {
            let list = join(lang, allowed, |s| s.label(lang).to_string());
            lang.pick(
                format!("الصفة القانونية: {list}"),
                format!("Statut : {list}"),
                format!("Legal status: {list}"),
            )
        }
        Reason::BusinessAge { min, max, .. } => {
            let b = bounds(lang, min.map(u64::from), max.map(u64::from), years);
            lang.pick(
                format!("عمر النشاط: {b}"),
                format!("Âge de l'activité : {b}"),
                format!("Age of the activity: {b}"),
            )
        }
        Reason::Age { min, max, .. } => {
            let b = bounds(lang, min.map(u64::from), max.map(u64::from), years);
            lang.pick(
                format!("السن: {b}"),
                format!("Âge : {b}"),
                format!("Age: {b}"),
            )
        }
        Reason::Gender { required, .. } => match required {
            crate::catalog::Gender::Female => lang
                .pick("مخصص للنساء", "Réservé aux femmes", "For women only")
                .to_string(),
            crate::catalog::Gender::Male => lang
                .pick("مخصص للرجال", "Réservé aux hommes", "For men only")
                .to_string(),
        },
        Reason::Area { required, .. } => match required {
            crate::catalog::Area::Rural => lang
                .pick(
                    "للمشاريع في العالم القروي",
                    "Pour les projets en milieu rural",
                    "For projects in rural areas",
                )
                .to_string(),
            crate::catalog::Area::Urban => lang
                .pick(
                    "للمشاريع في المدن",
                    "Pour les projets en ville",
                    "For projects in towns",
                )
                .to_string(),
        },
        Reason::Residence { allowed, .. } => {
            let list = join(lang, allowed, |s| s.label(lang).to_string());
            lang.pick(
                format!("مكان الإقامة: {list}"),
                format!("Résidence : {list}"),
                format!("Residence: {list}"),
            )
        }
        Reason::Sector { allowed, .. } => {
            let list = join(lang, allowed, |s| s.label(lang).to_string());
            lang.pick(
                format!("القطاع: {list}"),
                format!("Secteur : {list}"),
                format!("Sector: {list}"),
            )
        }
        Reason::ExcludedSector { excluded, .. } => {
            let list = join(lang, excluded, |s| s.label(lang).to_string());
            lang.pick(
                format!("جميع القطاعات باستثناء: {list}"),
                format!("Tous secteurs sauf : {list}"),
                format!("All sectors except: {list}"),
            )
        }
        Reason::Innovative { .. } => lang
            .pick(
                "للمشاريع المبتكرة أو التكنولوجية",
                "Pour les projets innovants ou technologiques",
                "For innovative or technology projects",
            )
            .to_string(),
        Reason::Revenue { min, max, .. } => {
            let b = bounds(lang, min, max, |n| mad(lang, n));
            lang.pick(
                format!("رقم المعاملات السنوي: {b}"),
                format!("Chiffre d'affaires annuel : {b}"),
                format!("Annual revenue: {b}"),
            )
        }
        Reason::Jobs { min, max, .. } => {
            let b = bounds(lang, min.map(u64::from), max.map(u64::from), |n| {
                number(lang, n)
            });
            lang.pick(
                format!("عدد مناصب الشغل: {b}"),
                format!("Nombre d'emplois : {b}"),
                format!("Number of jobs: {b}"),
            )
        }
        Reason::Amount { min, max, .. } => match (min, max) {
            (Some(m), _) => {
                let m = mad(lang, m);
                lang.pick(
                    format!("استثمار لا يقل عن {m}"),
                    format!("Investissement d'au moins {m}"),
                    format!("An investment of at least {m}"),
                )
            }
            (None, Some(x)) => {
                let x = mad(lang, x);
                lang.pick(
                    format!("يموّل حتى {x}"),
                    format!("Finance jusqu'à {x}"),
                    format!("Finances up to {x}"),
                )
            }
            (None, None) => String::new(),
        },
        Reason::ProjectAmount { max, .. } => {
            let x = mad(lang, max);
            lang.pick(
                format!("مشاريع لا تتجاوز كلفتها {x}"),
                format!("Projets d'au plus {x}"),
                format!("Projects of at most {x}"),
            )
        }
        Reason::Audience { audience, .. } => reserved_for(lang, audience),
    }
}

/// "Reserved for women or young people (up to 35)".
pub fn reserved_for(lang: Lang, a: &Audience) -> String {
    let list = join(lang, &a.any_of, |t| audience_name(lang, t, Some(a)));
    lang.pick(
        format!("مخصص لـ: {list}"),
        format!("Réservé aux : {list}"),
        format!("Reserved for: {list}"),
    )
}

/// An audience in words; youth with its ages when a reservation gives them.
pub fn audience_name(lang: Lang, t: Target, a: Option<&Audience>) -> String {
    let base = match t {
        Target::Women => lang.pick("النساء", "femmes", "women"),
        Target::Youth => lang.pick("الشباب", "jeunes", "young people"),
        Target::Rural => lang.pick("سكان العالم القروي", "ruraux", "rural people"),
        Target::Informal => lang.pick(
            "أصحاب الأنشطة غير المهيكلة",
            "activités informelles",
            "informal activities",
        ),
        Target::Diaspora => lang.pick("مغاربة العالم", "Marocains du monde", "Moroccans abroad"),
        Target::Cooperatives => lang.pick("التعاونيات", "coopératives", "cooperatives"),
        Target::Innovative => lang.pick(
            "المشاريع المبتكرة",
            "projets innovants",
            "innovative projects",
        ),
    };
    match (t, a) {
        (Target::Youth, Some(a)) => {
            let max = number(lang, u64::from(a.youth_max()));
            let ages = match a.youth_min_age {
                Some(min) => {
                    let min = number(lang, u64::from(min));
                    lang.pick(
                        format!("من {min} إلى {max} سنة"),
                        format!("{min} à {max} ans"),
                        format!("aged {min} to {max}"),
                    )
                }
                None => lang.pick(
                    format!("حتى {max} سنة"),
                    format!("jusqu'à {max} ans"),
                    format!("up to {max}"),
                ),
            };
            format!("{base} ({ages})")
        }
        _ => base.to_string(),
    }
}

/// "Priority to women; others may apply."
pub fn priority_note(lang: Lang, audiences: &[Target]) -> String {
    let list = join(lang, audiences, |t| audience_name(lang, t, None));
    lang.pick(
        format!("الأولوية لـ: {list}؛ يمكن للآخرين التقدم أيضا."),
        format!("Priorité aux {list} ; les autres peuvent aussi postuler."),
        format!("Priority to {list}; others may apply too."),
    )
}

/// "Covers up to 49 000 DH of your 200 000 DH."
pub fn partial_cover(lang: Lang, covers: u64, asked: Band) -> String {
    let c = mad(lang, covers);
    let a = band(lang, asked);
    lang.pick(
        format!("يموّل حتى {c} من أصل {a} التي تطلبها: ابحث عن تمويل مكمّل."),
        format!("Couvre jusqu'à {c} de vos {a} : cherchez un financement complémentaire."),
        format!("Covers up to {c} of your {a}: look for complementary financing."),
    )
}

/// An amount the holder gave: exact, or the band they picked.
pub fn band(lang: Lang, b: Band) -> String {
    if b.is_exact() {
        mad(lang, b.min)
    } else if b.max >= crate::engine::profile::limits::AMOUNT_MAX {
        // The top band of the questionnaire is open-ended: "more than 5 000 000 DH".
        let x = mad(lang, b.min);
        lang.pick(
            format!("أكثر من {x}"),
            format!("plus de {x}"),
            format!("more than {x}"),
        )
    } else if b.min == 0 {
        let x = mad(lang, b.max);
        lang.pick(
            format!("حتى {x}"),
            format!("jusqu'à {x}"),
            format!("up to {x}"),
        )
    } else {
        let (lo, hi) = (mad(lang, b.min), mad(lang, b.max));
        lang.pick(
            format!("من {lo} إلى {hi}"),
            format!("de {lo} à {hi}"),
            format!("{lo} to {hi}"),
        )
    }
}

/// Why a desk is the door: "Serves El Jadida".
pub fn door_reason(lang: Lang, why: DoorReason) -> String {
    match why {
        DoorReason::ServesProvince(p) => {
            let n = p.name(lang);
            lang.pick(
                format!("يخدم إقليم {n}"),
                format!("Dessert la province {}", de(n)),
                format!("Serves the province of {n}"),
            )
        }
        DoorReason::ServesRegion(r) => {
            let n = r.name(lang);
            lang.pick(
                format!("يخدم جهة {n}"),
                format!("Dessert la région {n}"),
                format!("Serves the {n} region"),
            )
        }
        DoorReason::InRegion(r) => {
            let n = r.name(lang);
            lang.pick(
                format!("في جهتك ({n})"),
                format!("Dans votre région ({n})"),
                format!("In your region ({n})"),
            )
        }
        DoorReason::National => lang
            .pick(
                "شباك وطني أو عبر الإنترنت",
                "Guichet national ou en ligne",
                "National or online desk",
            )
            .to_string(),
    }
}

/// When the program takes applications, or `None` when it simply is open.
pub fn timing(lang: Lang, t: Timing) -> Option<String> {
    Some(match t {
        Timing::Open => return None,
        Timing::ClosingSoon { closes, .. } => {
            let d = date(lang, closes);
            lang.pick(
                format!("يُغلق قريبا: آخر أجل {d}"),
                format!("Ferme bientôt : date limite le {d}"),
                format!("Closing soon: deadline {d}"),
            )
        }
        Timing::Seasonal => lang
            .pick(
                "يفتح عبر دعوات دورية: تابع الإعلان القادم.",
                "Ouvre par appels périodiques : guettez le prochain appel.",
                "Opens through periodic calls: watch for the next one.",
            )
            .to_string(),
        Timing::Announced { opens: Some(o) } => {
            let d = date(lang, o);
            lang.pick(
                format!("لم يُفتح بعد: يُفتح في {d}"),
                format!("Pas encore ouvert : ouvre le {d}"),
                format!("Not open yet: opens on {d}"),
            )
        }
        Timing::Announced { opens: None } => lang
            .pick(
                "أُعلن عنه ولم يُفتح بعد.",
                "Annoncé, pas encore ouvert.",
                "Announced, not open yet.",
            )
            .to_string(),
        Timing::Paused => lang
            .pick(
                "متوقف حاليا: لا يقبل طلبات الآن.",
                "En pause : n'accepte pas de demandes pour l'instant.",
                "Paused: not taking applications for now.",
            )
            .to_string(),
        Timing::BudgetExhausted => lang
            .pick(
                "الميزانية مستنفدة: لا يقبل طلبات الآن.",
                "Budget épuisé : n'accepte plus de demandes pour l'instant.",
                "Budget used up: not taking applications for now.",
            )
            .to_string(),
        Timing::Closed { closed: Some(d) } => {
            let d = date(lang, d);
            lang.pick(
                format!("مغلق منذ {d}"),
                format!("Fermé depuis le {d}"),
                format!("Closed since {d}"),
            )
        }
        Timing::Closed { closed: None } => lang.pick("مغلق", "Fermé", "Closed").to_string(),
    })
}

/// "Meets 4 of 6 rules".
pub fn met_of(lang: Lang, met: u8, rules: u8) -> String {
    let (m, r) = (number(lang, u64::from(met)), number(lang, u64::from(rules)));
    lang.pick(
        format!("الشروط المستوفاة: {m} من {r}"),
        format!("Conditions remplies : {m} sur {r}"),
        format!("Rules met: {m} of {r}"),
    )
}

/// The holder's answer the rule was checked against, or `None` when unanswered.
pub fn holder_answer(lang: Lang, reason: &Reason<'_>) -> Option<String> {
    let years = |n: u64| lang.pick(format!("{n} سنة"), format!("{n} ans"), format!("{n} years"));
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
            lang.pick("مشروع مبتكر", "projet innovant", "innovative project")
        } else {
            lang.pick(
                "مشروع غير مبتكر",
                "projet non innovant",
                "not an innovative project",
            )
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
    match *fix {
        Fix::RegisterAutoEntrepreneur => lang.pick(
            "سجّل نفسك كمقاول ذاتي (إجراء بسيط ومجاني تقريبا)، ثم قدّم طلبك.",
            "Inscrivez-vous comme auto-entrepreneur (démarche simple), puis postulez.",
            "Register as an auto-entrepreneur (a simple step), then apply.",
        )
        .to_string(),
        Fix::Formalise => lang.pick(
            "صرّح بنشاطك (مثلا بصفة مقاول ذاتي) لتصبح مؤهلا.",
            "Déclarez votre activité (par exemple comme auto-entrepreneur) pour devenir éligible.",
            "Register your activity (for example as an auto-entrepreneur) to become eligible.",
        )
        .to_string(),
        Fix::CreateCooperative => lang.pick(
            "أسّس تعاونية مع شركاء (يمكن لمكتب تنمية التعاون مساعدتك).",
            "Créez une coopérative avec des associés (l'ODCo peut vous aider).",
            "Set up a cooperative with partners (ODCo can help).",
        )
        .to_string(),
        Fix::CreateCompany => lang.pick(
            "أسّس شركة (يمكن للمركز الجهوي للاستثمار مساعدتك).",
            "Créez une société (le CRI de votre région peut vous aider).",
            "Set up a company (your region's investment centre can help).",
        )
        .to_string(),
        Fix::LowerAmount { to } => {
            let a = mad(lang, to);
            lang.pick(format!("اطلب مبلغا لا يتجاوز {a}."), format!("Demandez au plus {a}."), format!("Ask for at most {a}."))
        }
    }
}
