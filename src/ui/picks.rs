//! The answers a holder picks with one touch, with their words and icons.

use crate::catalog::{
    Area, Gender, Lang, LegalForm, Need, Province, Region, Residence, Sector, StageKind,
};
use crate::engine::{Band, Profile};
use crate::i18n::Label;
use crate::i18n::format::{mad, number};
use crate::i18n::strings::{fill, t};
use crate::questionnaire::{AMOUNT_BANDS, Question, REVENUE_BANDS, is_open_ended};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pick {
    Region(Region),
    Province(Province),
    Stage(StageKind),
    Started(u16),
    Form(LegalForm),
    Sector(Sector),
    Gender(Gender),
    Area(Area),
    Residence(Residence),
    /// A band of the amount question: stored as the range it is.
    Amount(Band),
    Innovative(bool),
    Revenue(Band),
}

impl Pick {
    pub fn apply(self, p: &mut Profile) {
        match self {
            Pick::Region(v) => {
                if p.region != Some(v) {
                    p.province = None;
                }
                p.region = Some(v);
            }
            Pick::Province(v) => p.province = Some(v),
            Pick::Stage(v) => p.stage = Some(v),
            Pick::Started(v) => p.started = Some(v),
            Pick::Form(v) => p.legal_form = Some(v),
            Pick::Sector(v) => p.sector = Some(v),
            Pick::Gender(v) => p.gender = Some(v),
            Pick::Area(v) => p.area = Some(v),
            Pick::Residence(v) => p.residence = Some(v),
            Pick::Amount(v) => p.amount = Some(v),
            Pick::Innovative(v) => p.innovative = Some(v),
            Pick::Revenue(v) => p.revenue = Some(v),
        }
    }

    pub fn is_selected(self, p: &Profile) -> bool {
        match self {
            Pick::Region(v) => p.region == Some(v),
            Pick::Province(v) => p.province == Some(v),
            Pick::Stage(v) => p.stage == Some(v),
            Pick::Started(v) => p.started == Some(v),
            Pick::Form(v) => p.legal_form == Some(v),
            Pick::Sector(v) => p.sector == Some(v),
            Pick::Gender(v) => p.gender == Some(v),
            Pick::Area(v) => p.area == Some(v),
            Pick::Residence(v) => p.residence == Some(v),
            Pick::Amount(v) => p.amount == Some(v),
            Pick::Innovative(v) => p.innovative == Some(v),
            Pick::Revenue(v) => p.revenue == Some(v),
        }
    }
}

/// A choice on screen: icon (decorative), words, and what it sets.
pub struct Choice {
    pub icon: &'static str,
    pub label: String,
    pub pick: Pick,
}

/// A band as its button reads: "Up to 50 000 DH", "From 50 000 DH to 150 000 DH", "More than
/// 5 000 000 DH"; an exact amount as the amount.
pub fn band_label(lang: Lang, b: Band) -> String {
    let s = t(lang);
    if b.is_exact() {
        mad(lang, b.min)
    } else if is_open_ended(b) {
        fill(s.more_than, &[("amount", &mad(lang, b.min))])
    } else if b.min == 0 {
        fill(s.up_to, &[("amount", &mad(lang, b.max))])
    } else {
        fill(
            s.from_to,
            &[("from", &mad(lang, b.min)), ("to", &mad(lang, b.max))],
        )
    }
}

/// An exact amount as the field shows it again, grouped as the holder reads numbers.
pub fn typed_amount(lang: Lang, b: Option<Band>) -> String {
    b.filter(|b| b.is_exact())
        .map(|b| number(lang, b.min))
        .unwrap_or_default()
}

pub fn stage_icon(s: StageKind) -> &'static str {
    match s {
        StageKind::Idea => "💡",
        StageKind::Creating => "🛠️",
        StageKind::Running => "🏪",
        StageKind::Informal => "🧺",
    }
}

pub fn sector_icon(s: Sector) -> &'static str {
    match s {
        Sector::Agriculture => "🌾",
        Sector::AgriFood => "🫒",
        Sector::Fishing => "🐟",
        Sector::HighSeaFishing => "🚢",
        Sector::Handicraft => "🧵",
        Sector::Industry => "🏭",
        Sector::Construction => "🧱",
        Sector::Commerce => "🛒",
        Sector::Services => "🤝",
        Sector::Digital => "💻",
        Sector::Tourism => "🧳",
        Sector::Transport => "🚚",
        Sector::CultureCreative => "🎨",
        Sector::HealthSocial => "🩺",
        Sector::RealEstate => "🏢",
    }
}

pub fn need_icon(n: Need) -> &'static str {
    match n {
        Need::Financing => "💰",
        Need::Coaching => "🧑‍🏫",
        Need::Incubation => "🏠",
        Need::MarketAccess => "📦",
        Need::Formalisation => "📝",
    }
}

/// The one-touch choices of a question (empty for the questions typed or ticked).
pub fn choices(q: Question, p: &Profile, lang: Lang, year: u16) -> Vec<Choice> {
    let c = |icon, label: &str, pick| Choice {
        icon,
        label: label.to_string(),
        pick,
    };
    match q {
        Question::Region => Region::ALL
            .iter()
            .map(|&r| c("📍", r.name(lang), Pick::Region(r)))
            .collect(),
        Question::Province => match p.region {
            Some(r) => Province::of_region(r)
                .map(|pr| c("📍", pr.name(lang), Pick::Province(pr)))
                .collect(),
            None => Vec::new(),
        },
        Question::Stage => StageKind::ALL
            .iter()
            .map(|&s| c(stage_icon(s), s.label(lang), Pick::Stage(s)))
            .collect(),
        Question::Started => {
            let mut v: Vec<Choice> = (0..6)
                .map(|back| year - back)
                .map(|y| c("📅", &y.to_string(), Pick::Started(y)))
                .collect();
            let before = year - 5;
            v.push(c(
                "📅",
                &fill(t(lang).before_year, &[("year", &before.to_string())]),
                Pick::Started(before - 1),
            ));
            v
        }
        Question::LegalForm => LegalForm::ALL
            .iter()
            .map(|&f| c("📄", f.label(lang), Pick::Form(f)))
            .collect(),
        Question::Sector => Sector::ALL
            .iter()
            .filter(|s| **s != Sector::HighSeaFishing)
            .map(|&s| c(sector_icon(s), s.label(lang), Pick::Sector(s)))
            .collect(),
        Question::Gender => Gender::ALL
            .iter()
            .map(|&g| {
                c(
                    if g == Gender::Female { "👩" } else { "👨" },
                    g.label(lang),
                    Pick::Gender(g),
                )
            })
            .collect(),
        Question::Area => Area::ALL
            .iter()
            .map(|&a| {
                c(
                    if a == Area::Rural { "🌳" } else { "🏙️" },
                    a.label(lang),
                    Pick::Area(a),
                )
            })
            .collect(),
        Question::Residence => Residence::ALL
            .iter()
            .map(|&r| {
                c(
                    if r == Residence::Morocco {
                        "🇲🇦"
                    } else {
                        "✈️"
                    },
                    r.label(lang),
                    Pick::Residence(r),
                )
            })
            .collect(),
        Question::Amount => AMOUNT_BANDS
            .iter()
            .map(|&b| c("💰", &band_label(lang, b), Pick::Amount(b)))
            .collect(),
        Question::Revenue => REVENUE_BANDS
            .iter()
            .map(|&b| c("📈", &band_label(lang, b), Pick::Revenue(b)))
            .collect(),
        Question::Innovative => vec![
            c("🚀", t(lang).yes, Pick::Innovative(true)),
            c("🔧", t(lang).no, Pick::Innovative(false)),
        ],
        Question::Age | Question::Needs | Question::Jobs => Vec::new(),
    }
}

/// The holder's answer to a question, in words, for the answers summary.
pub fn answer_label(q: Question, p: &Profile, lang: Lang, year: u16) -> Option<String> {
    let picked = choices(q, p, lang, year)
        .into_iter()
        .find(|c| c.pick.is_selected(p))
        .map(|c| c.label);
    match q {
        Question::Age => p.age.map(|a| a.to_string()),
        Question::Jobs => p.jobs.map(|j| number(lang, u64::from(j))),
        // A band as its button reads, an exact amount as typed.
        Question::Amount => p.amount.map(|b| band_label(lang, b)),
        Question::Revenue => p.revenue.map(|b| band_label(lang, b)),
        Question::Started => p.started.map(|y| picked.unwrap_or_else(|| y.to_string())),
        Question::Needs => p.needs.as_ref().map(|n| {
            if n.is_empty() {
                t(lang).not_answered.to_string()
            } else {
                n.iter()
                    .map(|x| x.label(lang))
                    .collect::<Vec<_>>()
                    .join(lang.pick("، ", ", ", ", "))
            }
        }),
        _ => picked,
    }
}
