//! Names of the vocabulary in the three languages. Plain words for a general audience.

use crate::catalog::{
    Area, Confidence, Gender, Lang, LegalForm, Need, Residence, Sector, StageKind, Status,
    SupportKind,
};
use crate::engine::Verdict;

/// A value the interface names in the holder's language.
pub trait Label: Copy {
    fn label(self, lang: Lang) -> &'static str;
}

macro_rules! labels {
    ($ty:ty { $($variant:ident => $ar:literal, $fr:literal, $en:literal;)* }) => {
        impl Label for $ty {
            fn label(self, lang: Lang) -> &'static str {
                match self { $(<$ty>::$variant => lang.pick($ar, $fr, $en),)* }
            }
        }
    };
}

labels!(StageKind {
    Idea => "لدي فكرة مشروع", "J'ai une idée de projet", "I have a project idea";
    Creating => "أنا بصدد إنشاء مشروعي", "Je suis en train de créer mon projet", "I am setting up my project now";
    Running => "لدي نشاط قائم ومسجل", "J'ai une activité déclarée", "I run a registered activity";
    Informal => "أمارس نشاطا غير مصرح به", "J'ai une activité non déclarée (informelle)", "I run an unregistered (informal) activity";
});

labels!(LegalForm {
    None => "بدون صفة قانونية", "Sans statut", "No legal status";
    AutoEntrepreneur => "مقاول ذاتي", "Auto-entrepreneur", "Auto-entrepreneur";
    Cooperative => "تعاونية", "Coopérative", "Cooperative";
    Association => "جمعية", "Association", "Association";
    Company => "شركة (SARL وغيرها)", "Société (SARL, SARL AU…)", "Company (SARL, SARL AU…)";
});

labels!(Sector {
    Agriculture => "الفلاحة وتربية الماشية", "Agriculture et élevage", "Farming and livestock";
    AgriFood => "الصناعة الغذائية", "Agroalimentaire", "Food processing";
    Fishing => "الصيد التقليدي وتربية الأحياء المائية", "Pêche artisanale et aquaculture", "Small-scale fishing and aquaculture";
    HighSeaFishing => "الصيد في أعالي البحار", "Pêche hauturière", "High-sea fishing";
    Handicraft => "الصناعة التقليدية", "Artisanat", "Handicrafts";
    Industry => "الصناعة", "Industrie", "Manufacturing";
    Construction => "البناء والأشغال", "Bâtiment et travaux", "Building and public works";
    Commerce => "التجارة", "Commerce", "Trade and shops";
    Services => "الخدمات", "Services", "Services";
    Digital => "الرقمي والتكنولوجيا", "Numérique et technologie", "Digital and technology";
    Tourism => "السياحة", "Tourisme", "Tourism";
    Transport => "النقل واللوجستيك", "Transport et logistique", "Transport and logistics";
    CultureCreative => "الثقافة والصناعات الإبداعية", "Culture et industries créatives", "Culture and creative industries";
    HealthSocial => "الصحة والخدمات الاجتماعية", "Santé et services sociaux", "Health and social services";
    RealEstate => "الإنعاش العقاري", "Promotion immobilière", "Real-estate development";
});

labels!(Gender {
    Female => "امرأة", "Femme", "Woman";
    Male => "رجل", "Homme", "Man";
});

labels!(Area {
    Rural => "في العالم القروي", "En milieu rural", "In a rural area";
    Urban => "في المدينة", "En ville", "In a town or city";
});

labels!(Residence {
    Morocco => "أعيش في المغرب", "Je vis au Maroc", "I live in Morocco";
    Abroad => "أعيش خارج المغرب", "Je vis à l'étranger", "I live abroad";
});

labels!(Need {
    Financing => "التمويل", "Financement", "Financing";
    Coaching => "المواكبة والتكوين", "Accompagnement et formation", "Coaching and training";
    Incubation => "الاحتضان أو مكان للعمل", "Incubation ou espace de travail", "Incubation or workspace";
    MarketAccess => "الولوج إلى الأسواق والصفقات العمومية", "Accès aux marchés et commande publique", "Market access and public procurement";
    Formalisation => "التسجيل والمساعدة الإدارية", "Formalisation et aide administrative", "Registering and paperwork";
});

labels!(SupportKind {
    Loan => "قرض بنكي", "Prêt bancaire", "Bank loan";
    HonourLoan => "قرض شرف", "Prêt d'honneur", "Honour loan";
    Grant => "منحة", "Subvention", "Grant";
    Guarantee => "ضمان", "Garantie", "Guarantee";
    Microcredit => "قرض صغير", "Microcrédit", "Microcredit";
    Equity => "مساهمة في رأس المال", "Fonds propres", "Equity";
    Coaching => "مواكبة", "Accompagnement", "Coaching";
    Training => "تكوين", "Formation", "Training";
    Incubation => "احتضان", "Incubation", "Incubation";
    Acceleration => "تسريع", "Accélération", "Acceleration";
    Workspace => "فضاء عمل", "Espace de travail", "Workspace";
    MarketAccess => "ولوج الأسواق", "Accès aux marchés", "Market access";
    Formalisation => "صفة قانونية", "Formalisation", "Legal status";
});

labels!(Status {
    Open => "مفتوح", "Ouvert", "Open";
    Seasonal => "حسب الدورات", "Par appels périodiques", "Periodic calls";
    Announced => "لم يُفتح بعد", "Pas encore ouvert", "Not open yet";
    Paused => "متوقف مؤقتا", "En pause", "Paused";
    Closed => "مغلق", "Fermé", "Closed";
    BudgetExhausted => "الميزانية مستنفدة", "Budget épuisé", "Budget used up";
});

labels!(Confidence {
    Confirmed => "معلومات مؤكدة", "Informations confirmées", "Confirmed facts";
    Partly => "معلومات مؤكدة جزئيا", "Informations en partie confirmées", "Partly confirmed facts";
    Uncertain => "معلومات غير مؤكدة", "Informations non confirmées", "Unconfirmed facts";
});

labels!(Verdict {
    Eligible => "يناسبك", "Vous êtes éligible", "You qualify";
    Possible => "قد يناسبك", "Possible", "You may qualify";
    NotEligible => "لا يناسبك حاليا", "Pas pour l'instant", "Not for now";
});
