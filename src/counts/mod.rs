//! Office counts: anonymous counters a chamber's kiosk keeps for its own reports, on the device,
//! when the office turns them on (`mode=kiosk&counts=1&staff=…`, see `config.rs`).
//!
//! What is kept, per day and nothing finer: how many questionnaires were started, reached the
//! results, were printed, showed the share QR code; how many holders gave each answer value
//! (one question at a time, never two answers together); how many times each program was among
//! the first [`TOP`] results and how many holders opened its page. Every counter counts holder
//! sessions: one holder adds at most 1 to a counter (a holder opening a program's page twice
//! counts once), so "10 or more" always means ten people or more.
//!
//! Pure Rust, tested natively: [`rule`] (what a cell shows), [`store`] (the stored text, its
//! parser and bounds), [`report`] (period sums, table rows, CSV, QR text), [`tree`] (the staff
//! screen's tables as elements and texts, never HTML) and [`code`] (the staff code's salted
//! hash). The browser side is `ui/counting.rs` and `ui/staff.rs`.

pub mod code;
pub mod report;
pub mod rule;
pub mod store;
pub mod tree;

use crate::catalog::{Area, Gender, LegalForm, Need, Region, Residence, Sector, StageKind};
use crate::engine::Profile;

/// Programs counted as "among the first results": the first five the results page lists.
pub const TOP: usize = 5;

/// The value of a question a holder did not answer (or was not asked).
pub const UNKNOWN: &str = "unknown";

/// Age bands (years). 15–24 is the United Nations' youth band; the others are ten years wide,
/// with 45 and over together (few holders).
pub const AGE_BANDS: [&str; 4] = ["15-24", "25-34", "35-44", "45+"];

/// What a counter counts: the day's activity, one question's answers, or programs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Dim {
    Activity,
    Region,
    Province,
    Stage,
    LegalForm,
    Sector,
    Needs,
    Gender,
    Age,
    Area,
    Residence,
    /// A program among the first [`TOP`] results of a holder.
    Top,
    /// A program whose page a holder opened.
    Opened,
}

impl Dim {
    /// In the order of the staff's table.
    pub const ALL: [Dim; 13] = [
        Dim::Activity,
        Dim::Region,
        Dim::Province,
        Dim::Stage,
        Dim::LegalForm,
        Dim::Sector,
        Dim::Needs,
        Dim::Gender,
        Dim::Age,
        Dim::Area,
        Dim::Residence,
        Dim::Top,
        Dim::Opened,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Dim::Activity => "activity",
            Dim::Region => "region",
            Dim::Province => "province",
            Dim::Stage => "stage",
            Dim::LegalForm => "legal_form",
            Dim::Sector => "sector",
            Dim::Needs => "needs",
            Dim::Gender => "gender",
            Dim::Age => "age",
            Dim::Area => "area",
            Dim::Residence => "residence",
            Dim::Top => "top5",
            Dim::Opened => "opened",
        }
    }

    pub fn from_id(id: &str) -> Option<Dim> {
        Dim::ALL.into_iter().find(|d| d.id() == id)
    }

    /// Whether the dimension's values are a closed list (all but provinces and programs, which
    /// are listed only when counted).
    pub fn is_closed(self) -> bool {
        !matches!(self, Dim::Province | Dim::Top | Dim::Opened)
    }

    /// The `i`-th value of a closed list, in the questionnaire's order, `unknown` last.
    pub fn value(self, i: usize) -> Option<&'static str> {
        fn nth<T: Copy>(all: &[T], i: usize, id: fn(T) -> &'static str) -> Option<&'static str> {
            match all.get(i) {
                Some(v) => Some(id(*v)),
                None => (i == all.len()).then_some(UNKNOWN),
            }
        }
        match self {
            Dim::Activity => Activity::ALL.get(i).map(|a| a.id()),
            Dim::Region => nth(&Region::ALL, i, Region::id),
            Dim::Stage => nth(StageKind::ALL, i, StageKind::id),
            Dim::LegalForm => nth(LegalForm::ALL, i, LegalForm::id),
            Dim::Sector => nth(Sector::ALL, i, Sector::id),
            Dim::Needs => nth(Need::ALL, i, Need::id),
            Dim::Gender => nth(Gender::ALL, i, Gender::id),
            Dim::Age => nth(&AGE_BANDS, i, |s| s),
            Dim::Area => nth(Area::ALL, i, Area::id),
            Dim::Residence => nth(Residence::ALL, i, Residence::id),
            Dim::Province | Dim::Top | Dim::Opened => None,
        }
    }

    /// Whether `v` is a value of this closed list.
    pub fn has_value(self, v: &str) -> bool {
        (0..).map_while(|i| self.value(i)).any(|x| x == v)
    }
}

/// The steps of a holder's visit that are counted, once per holder session each.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Activity {
    /// The first question was shown.
    Started,
    /// The results page was shown.
    Results,
    /// The results were printed.
    Printed,
    /// The share QR code came on screen.
    Qr,
}

impl Activity {
    pub const ALL: [Activity; 4] = [
        Activity::Started,
        Activity::Results,
        Activity::Printed,
        Activity::Qr,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Activity::Started => "started",
            Activity::Results => "results",
            Activity::Printed => "printed",
            Activity::Qr => "qr",
        }
    }

    pub fn key(self) -> String {
        key(Dim::Activity, self.id())
    }
}

/// A counter's name as stored: `region.oriental`, `top5.intelaka`.
pub fn key(dim: Dim, value: &str) -> String {
    format!("{}.{value}", dim.id())
}

/// The age band of an age.
pub fn age_band(age: u8) -> &'static str {
    match age {
        0..=24 => AGE_BANDS[0],
        25..=34 => AGE_BANDS[1],
        35..=44 => AGE_BANDS[2],
        _ => AGE_BANDS[3],
    }
}

/// The answer counters one holder adds at the results: one value per question (`unknown` when
/// not answered or not asked), and one per need stated. Never two answers in one counter.
pub fn answer_keys(p: &Profile) -> Vec<String> {
    let one = |dim, v: Option<&'static str>| key(dim, v.unwrap_or(UNKNOWN));
    let mut keys = vec![
        one(Dim::Region, p.region.map(Region::id)),
        one(Dim::Province, p.province.map(|v| v.id())),
        one(Dim::Stage, p.stage.map(StageKind::id)),
        one(Dim::LegalForm, p.legal_form.map(LegalForm::id)),
        one(Dim::Sector, p.sector.map(Sector::id)),
        one(Dim::Gender, p.gender.map(Gender::id)),
        one(Dim::Age, p.age.map(age_band)),
        one(Dim::Area, p.area.map(Area::id)),
        one(Dim::Residence, p.residence.map(Residence::id)),
    ];
    // Each need once, in the questionnaire's order.
    let stated = p.needs.as_deref().unwrap_or_default();
    let needs = Need::ALL.iter().filter(|n| stated.contains(n));
    if needs.clone().next().is_none() {
        keys.push(key(Dim::Needs, UNKNOWN));
    }
    keys.extend(needs.map(|n| key(Dim::Needs, n.id())));
    keys
}

/// The program counters of one holder's first results: the first [`TOP`] program ids, each once.
pub fn top_keys<'a>(ids: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    let mut keys: Vec<String> = Vec::new();
    for id in ids {
        let k = key(Dim::Top, id);
        if !keys.contains(&k) {
            keys.push(k);
        }
        if keys.len() == TOP {
            break;
        }
    }
    keys
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::Province;

    #[test]
    fn a_holder_adds_one_counter_per_question_and_one_per_need() {
        let p = Profile {
            region: Some(Region::Oriental),
            province: Province::from_id("oujda_angad"),
            stage: Some(StageKind::Idea),
            needs: Some(vec![Need::Coaching, Need::Financing]),
            age: Some(24),
            gender: Some(Gender::Female),
            ..Profile::default()
        };
        let keys = answer_keys(&p);
        assert_eq!(
            keys,
            [
                "region.oriental",
                "province.oujda_angad",
                "stage.idea",
                "legal_form.unknown",
                "sector.unknown",
                "gender.female",
                "age.15-24",
                "area.unknown",
                "residence.unknown",
                "needs.financing",
                "needs.coaching",
            ]
        );
        // Never two answers in one counter: one dimension, one value.
        for k in &keys {
            let (dim, value) = k.split_once('.').unwrap();
            assert!(Dim::from_id(dim).is_some());
            assert!(!value.contains('.'));
        }
    }

    #[test]
    fn unanswered_questions_count_as_unknown() {
        let keys = answer_keys(&Profile::default());
        assert_eq!(keys.len(), 10);
        assert!(keys.iter().all(|k| k.ends_with(".unknown")), "{keys:?}");
    }

    #[test]
    fn ages_fall_in_bands() {
        assert_eq!(age_band(15), "15-24");
        assert_eq!(age_band(25), "25-34");
        assert_eq!(age_band(44), "35-44");
        assert_eq!(age_band(45), "45+");
        assert_eq!(age_band(99), "45+");
    }

    #[test]
    fn the_first_five_programs_each_once() {
        let keys = top_keys(["a", "b", "a", "c", "d", "e", "f"]);
        assert_eq!(keys, ["top5.a", "top5.b", "top5.c", "top5.d", "top5.e"]);
        assert_eq!(top_keys(["a"]), ["top5.a"]);
    }

    #[test]
    fn closed_lists_end_with_unknown() {
        for d in Dim::ALL {
            assert_eq!(Dim::from_id(d.id()), Some(d));
            let values: Vec<&str> = (0..).map_while(|i| d.value(i)).collect();
            assert_eq!(d.is_closed(), !values.is_empty(), "{d:?}");
            if d.is_closed() && d != Dim::Activity {
                assert_eq!(values.last(), Some(&UNKNOWN), "{d:?}");
                assert!(d.has_value(UNKNOWN) && !d.has_value("nothing"));
            }
        }
    }
}
