//! The words the engine's results are told in: names of the vocabulary (`labels`) and the
//! sentence templates of reasons, doors, timings and fixes (`reasons`). A typed table like
//! [`super::strings`]: every key has a text in Arabic, French and English here, and one in
//! Darija in `ary.rs` (a missing one is a compile error). `{name}` placeholders are filled by
//! [`super::strings::fill`].

use crate::catalog::Lang;

use super::table::text_table;

/// The phrases of an interface language (in the browser, French, English and Darija's once
/// their table is here, see `words`; Arabic until then).
pub fn p(lang: Lang) -> &'static Phrases {
    match lang {
        Lang::Ar => &AR,
        #[cfg(not(target_arch = "wasm32"))]
        Lang::Fr => &FR,
        #[cfg(not(target_arch = "wasm32"))]
        Lang::En => &EN,
        _ => super::words::of(lang).map_or(&AR, |w| &w.phrases),
    }
}

text_table! {
    Phrases, "Every phrase of one language.";
    // Lists: "a, b or c".
    or_list: "{list} أو {last}", "{list} ou {last}", "{list} or {last}";
    // Bounds of a rule.
    from_to: "من {from} إلى {to}", "de {from} à {to}", "from {from} to {to}";
    at_least: "{n} على الأقل", "au moins {n}", "at least {n}";
    at_most: "{n} على الأكثر", "au plus {n}", "at most {n}";
    years: "{n} سنة|one=سنة واحدة|two=سنتان|few={n} سنوات", "{n} ans|one={n} an", "{n} years|one={n} year";
    // Rules, in words.
    rule_region: "للمشاريع في جهة {list}", "Pour les projets de la région {list}", "For projects in {list}";
    rule_province: "للمشاريع في إقليم {list}", "Pour les projets de la province {list}", "For projects in the province of {list}";
    rule_stage: "مرحلة المشروع: {list}", "Stade du projet : {list}", "Project stage: {list}";
    rule_legal_form: "الصفة القانونية: {list}", "Statut : {list}", "Legal status: {list}";
    rule_business_age: "عمر النشاط: {bounds}", "Âge de l'activité : {bounds}", "Age of the activity: {bounds}";
    rule_age: "السن: {bounds}", "Âge : {bounds}", "Age: {bounds}";
    rule_women: "مخصص للنساء", "Réservé aux femmes", "For women only";
    rule_men: "مخصص للرجال", "Réservé aux hommes", "For men only";
    rule_rural: "للمشاريع في العالم القروي", "Pour les projets en milieu rural", "For projects in rural areas";
    rule_urban: "للمشاريع في المدن", "Pour les projets en ville", "For projects in towns";
    rule_residence: "مكان الإقامة: {list}", "Résidence : {list}", "Residence: {list}";
    rule_sector: "القطاع: {list}", "Secteur : {list}", "Sector: {list}";
    rule_excluded_sector: "جميع القطاعات باستثناء: {list}", "Tous secteurs sauf : {list}", "All sectors except: {list}";
    rule_innovative: "للمشاريع المبتكرة أو التكنولوجية", "Pour les projets innovants ou technologiques", "For innovative or technology projects";
    rule_revenue: "رقم المعاملات السنوي: {bounds}", "Chiffre d'affaires annuel : {bounds}", "Annual revenue: {bounds}";
    rule_jobs: "عدد مناصب الشغل: {bounds}", "Nombre d'emplois : {bounds}", "Number of jobs: {bounds}";
    rule_amount_min: "استثمار لا يقل عن {amount}", "Investissement d'au moins {amount}", "An investment of at least {amount}";
    rule_amount_max: "يموّل حتى {amount}", "Finance jusqu'à {amount}", "Finances up to {amount}";
    rule_project_amount: "مشاريع لا تتجاوز كلفتها {amount}", "Projets d'au plus {amount}", "Projects of at most {amount}";
    reserved_for: "مخصص لـ: {list}", "Réservé aux : {list}", "Reserved for: {list}";
    // Audiences.
    women: "النساء", "femmes", "women";
    youth: "الشباب", "jeunes", "young people";
    rural_people: "سكان العالم القروي", "ruraux", "rural people";
    informal: "أصحاب الأنشطة غير المصرّح بها", "activités non déclarées", "unregistered activities";
    diaspora: "مغاربة العالم", "Marocains du monde", "Moroccans abroad";
    cooperatives: "التعاونيات", "coopératives", "cooperatives";
    innovative_projects: "المشاريع المبتكرة", "projets innovants", "innovative projects";
    youth_from_to: "من {min} إلى {max} سنة", "{min} à {max} ans", "aged {min} to {max}";
    youth_up_to: "حتى {max} سنة", "jusqu'à {max} ans", "up to {max}";
    priority_note: "الأولوية لـ: {list}؛ يمكن للآخرين التقدم أيضا.", "Priorité aux {list} ; les autres peuvent aussi postuler.", "Priority to {list}; others may apply too.";
    partial_cover: "يموّل حتى {covers} من أصل {asked} التي تطلبها. ابحث عن تمويل آخر يكمّله.", "Couvre jusqu'à {covers} de vos {asked}. Cherchez un autre financement pour compléter.", "Covers up to {covers} of your {asked}. Look for other funding to add to it.";
    // The holder's amount: a band.
    band_more_than: "أكثر من {amount}", "plus de {amount}", "more than {amount}";
    band_up_to: "حتى {amount}", "jusqu'à {amount}", "up to {amount}";
    band_from_to: "من {from} إلى {to}", "de {from} à {to}", "{from} to {to}";
    // Why a desk is the door.
    door_province: "يخدم إقليم {name}", "Dessert la province {name}", "Serves the province of {name}";
    door_region: "يخدم جهة {name}", "Dessert la région {name}", "Serves the {name} region";
    door_in_region: "في جهتك ({name})", "Dans votre région ({name})", "In your region ({name})";
    door_national: "شباك وطني أو عبر الإنترنت", "Guichet national ou en ligne", "National or online desk";
    // When a program takes applications.
    closing_soon: "يُغلق قريبا: آخر أجل {date}", "Ferme bientôt : date limite le {date}", "Closing soon: deadline {date}";
    seasonal: "يفتح عبر دعوات دورية: تابع الإعلان القادم.", "Ouvre par appels périodiques : guettez le prochain appel.", "Opens through periodic calls: watch for the next one.";
    opens_on: "لم يُفتح بعد: يُفتح في {date}", "Pas encore ouvert : ouvre le {date}", "Not open yet: opens on {date}";
    announced: "أُعلن عنه ولم يُفتح بعد.", "Annoncé, pas encore ouvert.", "Announced, not open yet.";
    paused: "متوقف حاليا: لا يقبل طلبات الآن.", "En pause : n'accepte pas de demandes pour l'instant.", "Paused: not taking applications for now.";
    budget_used_up: "الميزانية مستنفدة: لا يقبل طلبات الآن.", "Budget épuisé : n'accepte plus de demandes pour l'instant.", "Budget used up: not taking applications for now.";
    closed_since: "مغلق منذ {date}", "Fermé depuis le {date}", "Closed since {date}";
    closed: "مغلق", "Fermé", "Closed";
    // The rules a holder meets, counted by the program's number of rules `{n}` (see `plural`):
    // `met_all` when every rule is met, `met_none` when none of two or more is, `met_of` when
    // `{met}` (fewer) are.
    met_all: "تستوفي شروطه كلها، وعددها {n}.|zero=لا يضع أي شرط.|one=تستوفي شرطه الوحيد.|two=تستوفي شرطيه كليهما.", "Vous remplissez ses {n} conditions.|one=Vous remplissez sa seule condition.|2=Vous remplissez ses deux conditions.|0=Il ne pose aucune condition.", "You meet all {n} of its conditions.|one=You meet its one condition.|2=You meet both of its conditions.|0=It sets no conditions.";
    met_none: "لم تستوفِ بعدُ أيًّا من شروطه، وعددها {n}.|two=لم تستوفِ بعدُ أيًّا من شرطيه.", "Vous ne remplissez encore aucune de ses {n} conditions.|2=Vous ne remplissez encore aucune de ses deux conditions.", "You meet none of its {n} conditions yet.|2=You meet neither of its two conditions yet.";
    met_of: "تستوفي {met} من {n} شرط.|one=لم تستوفِ شرطه الوحيد بعد.|two=تستوفي {met} من شرطين.|few=تستوفي {met} من {n} شروط.|many=تستوفي {met} من {n} شرطا.", "Vous remplissez {met} de ses {n} conditions.|one=Sa seule condition n'est pas encore remplie.", "You meet {met} of its {n} conditions.|one=Its one condition is not met yet.";
    // The holder's answer to the innovation question.
    innovative_yes: "مشروع مبتكر", "projet innovant", "innovative project";
    innovative_no: "مشروع غير مبتكر", "projet non innovant", "not an innovative project";
    // Steps that open a program.
    fix_auto_entrepreneur: "سجّل نفسك كمقاول ذاتي (إجراء بسيط ومجاني تقريبا). ثم قدّم طلبك.", "Inscrivez-vous comme auto-entrepreneur (démarche simple). Puis postulez.", "Register as an auto-entrepreneur (a simple step). Then apply.";
    fix_formalise: "صرّح بنشاطك (مثلا كمقاول ذاتي). بعدها يمكنك التقدم بطلبك.", "Déclarez votre activité, par exemple comme auto-entrepreneur. Ensuite, vous pourrez postuler.", "Register your activity, for example as an auto-entrepreneur. Then you can apply.";
    fix_cooperative: "أسّس تعاونية مع شركاء (يمكن لمكتب تنمية التعاون مساعدتك).", "Créez une coopérative avec des associés (l'ODCo peut vous aider).", "Set up a cooperative with partners (ODCo can help).";
    fix_company: "أسّس شركة (يمكن للمركز الجهوي للاستثمار مساعدتك).", "Créez une société (le CRI de votre région peut vous aider).", "Set up a company (your region's investment centre can help).";
    fix_lower_amount: "اطلب مبلغا لا يتجاوز {amount}.", "Demandez au plus {amount}.", "Ask for at most {amount}.";
    // Labels: where the project stands.
    stage_idea: "لدي فكرة مشروع", "J'ai une idée de projet", "I have a project idea";
    stage_creating: "أنا بصدد إنشاء مشروعي", "Je suis en train de créer mon projet", "I am setting up my project now";
    stage_running: "لدي نشاط قائم ومسجل", "J'ai une activité déclarée", "I run a registered activity";
    stage_informal: "أمارس نشاطا غير مصرح به", "J'ai une activité non déclarée (informelle)", "I run an unregistered (informal) activity";
    // Legal status.
    form_none: "بدون صفة قانونية", "Sans statut", "No legal status";
    form_auto_entrepreneur: "مقاول ذاتي", "Auto-entrepreneur", "Auto-entrepreneur";
    form_cooperative: "تعاونية", "Coopérative", "Cooperative";
    form_association: "جمعية", "Association", "Association";
    form_company: "شركة (SARL وغيرها)", "Société (SARL, SARL AU…)", "Company (SARL, SARL AU…)";
    // Sectors.
    sector_agriculture: "الفلاحة وتربية الماشية", "Agriculture et élevage", "Farming and livestock";
    sector_agri_food: "الصناعة الغذائية", "Agroalimentaire", "Food processing";
    sector_fishing: "الصيد التقليدي وتربية الأحياء المائية", "Pêche artisanale et aquaculture", "Small-scale fishing and aquaculture";
    sector_high_sea_fishing: "الصيد في أعالي البحار", "Pêche hauturière", "High-sea fishing";
    sector_handicraft: "الصناعة التقليدية", "Artisanat", "Handicrafts";
    sector_industry: "الصناعة", "Industrie", "Manufacturing";
    sector_construction: "البناء والأشغال", "Bâtiment et travaux", "Building and public works";
    sector_commerce: "التجارة", "Commerce", "Trade and shops";
    sector_services: "الخدمات", "Services", "Services";
    sector_digital: "الرقمي والتكنولوجيا", "Numérique et technologie", "Digital and technology";
    sector_tourism: "السياحة", "Tourisme", "Tourism";
    sector_transport: "النقل واللوجستيك", "Transport et logistique", "Transport and logistics";
    sector_culture: "الثقافة والصناعات الإبداعية", "Culture et industries créatives", "Culture and creative industries";
    sector_health: "الصحة والخدمات الاجتماعية", "Santé et services sociaux", "Health and social services";
    sector_real_estate: "الإنعاش العقاري", "Promotion immobilière", "Real-estate development";
    // Gender, area, residence.
    gender_female: "امرأة", "Femme", "Woman";
    gender_male: "رجل", "Homme", "Man";
    area_rural: "في العالم القروي", "En milieu rural", "In a rural area";
    area_urban: "في المدينة", "En ville", "In a town or city";
    residence_morocco: "أعيش في المغرب", "Je vis au Maroc", "I live in Morocco";
    residence_abroad: "أعيش خارج المغرب", "Je vis à l'étranger", "I live abroad";
    // Needs.
    need_financing: "التمويل", "Financement", "Financing";
    need_coaching: "المواكبة والتكوين", "Accompagnement et formation", "Coaching and training";
    need_incubation: "الاحتضان أو مكان للعمل", "Incubation ou espace de travail", "Incubation or workspace";
    need_market_access: "الولوج إلى الأسواق والصفقات العمومية", "Accès aux marchés et commande publique", "Market access and public procurement";
    need_formalisation: "التسجيل والمساعدة الإدارية", "Déclarer l'activité et faire les papiers", "Registering and paperwork";
    // Kinds of support.
    kind_loan: "قرض بنكي", "Prêt bancaire", "Bank loan";
    kind_honour_loan: "قرض شرف", "Prêt d'honneur", "Honour loan";
    kind_grant: "منحة", "Subvention", "Grant";
    kind_guarantee: "ضمان", "Garantie", "Guarantee";
    kind_microcredit: "قرض صغير", "Microcrédit", "Microcredit";
    kind_equity: "مساهمة في رأس المال", "Fonds propres", "Equity";
    kind_coaching: "مواكبة", "Accompagnement", "Coaching";
    kind_training: "تكوين", "Formation", "Training";
    kind_incubation: "احتضان", "Incubation", "Incubation";
    kind_acceleration: "تسريع", "Accélération", "Acceleration";
    kind_workspace: "فضاء عمل", "Espace de travail", "Workspace";
    kind_market_access: "ولوج الأسواق", "Accès aux marchés", "Market access";
    kind_formalisation: "صفة قانونية", "Déclaration de l'activité", "Legal status";
    // A program's status.
    status_open: "مفتوح", "Ouvert", "Open";
    status_seasonal: "حسب الدورات", "Par appels périodiques", "Periodic calls";
    status_announced: "لم يُفتح بعد", "Pas encore ouvert", "Not open yet";
    status_paused: "متوقف مؤقتا", "En pause", "Paused";
    status_closed: "مغلق", "Fermé", "Closed";
    status_budget_exhausted: "الميزانية مستنفدة", "Budget épuisé", "Budget used up";
    // How sure the catalog is.
    confidence_confirmed: "معلومات مؤكدة", "Informations confirmées", "Confirmed facts";
    confidence_partly: "معلومات مؤكدة جزئيا", "Informations en partie confirmées", "Partly confirmed facts";
    confidence_uncertain: "معلومات غير مؤكدة", "Informations non confirmées", "Unconfirmed facts";
    // Verdicts.
    verdict_eligible: "يناسبك", "Vous êtes éligible", "You qualify";
    verdict_possible: "قد يناسبك", "Possible", "You may qualify";
    verdict_not_eligible: "لا يناسبك حاليا", "Pas pour l'instant", "Not for now";
}
