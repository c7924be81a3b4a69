//! The engine's reasons, rendered as sentences in the holder's language.

use crate::catalog::{Lang, Province, Region};
use crate::engine::{Fix, Reason};

use super::format::{mad, number};
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
                format!("Pour les porteurs de projet de la province de {list}"),
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
        Reason::Amount { min, max, .. } => {
            let b = bounds(lang, min, max, |n| mad(lang, n));
            lang.pick(
                format!("مبلغ التمويل: {b}"),
                format!("Montant du financement : {b}"),
                format!("Financing amount: {b}"),
            )
        }
    }
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
        Reason::Revenue { holder, .. } | Reason::Amount { holder, .. } => mad(lang, holder?),
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
