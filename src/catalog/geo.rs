//! The 12 regions of Morocco and their 75 prefectures and provinces (decree 2-15-40, 2015).
//!
//! Source: shared/research/programs.md, "Regions of Morocco" (bladi.net 2015-02-07, gifex.com,
//! Arabic Wikipedia). Arabic spellings follow those sources; the Bulletin Officiel text was not
//! retrieved, so small spelling differences with official documents are possible.

use serde::{Deserialize, Serialize};

use super::text::Lang;

/// One of the 12 regions. Serialized as its snake_case id (`souss_massa`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Region {
    TangerTetouanAlHoceima,
    Oriental,
    FesMeknes,
    RabatSaleKenitra,
    BeniMellalKhenifra,
    CasablancaSettat,
    MarrakechSafi,
    DraaTafilalet,
    SoussMassa,
    GuelmimOuedNoun,
    LaayouneSakiaElHamra,
    DakhlaOuedEdDahab,
}

impl Region {
    pub const ALL: [Region; 12] = [
        Region::TangerTetouanAlHoceima,
        Region::Oriental,
        Region::FesMeknes,
        Region::RabatSaleKenitra,
        Region::BeniMellalKhenifra,
        Region::CasablancaSettat,
        Region::MarrakechSafi,
        Region::DraaTafilalet,
        Region::SoussMassa,
        Region::GuelmimOuedNoun,
        Region::LaayouneSakiaElHamra,
        Region::DakhlaOuedEdDahab,
    ];

    /// Stable id, as written in catalog files, URLs and share links.
    pub fn id(self) -> &'static str {
        match self {
            Region::TangerTetouanAlHoceima => "tanger_tetouan_al_hoceima",
            Region::Oriental => "oriental",
            Region::FesMeknes => "fes_meknes",
            Region::RabatSaleKenitra => "rabat_sale_kenitra",
            Region::BeniMellalKhenifra => "beni_mellal_khenifra",
            Region::CasablancaSettat => "casablanca_settat",
            Region::MarrakechSafi => "marrakech_safi",
            Region::DraaTafilalet => "draa_tafilalet",
            Region::SoussMassa => "souss_massa",
            Region::GuelmimOuedNoun => "guelmim_oued_noun",
            Region::LaayouneSakiaElHamra => "laayoune_sakia_el_hamra",
            Region::DakhlaOuedEdDahab => "dakhla_oued_ed_dahab",
        }
    }

    pub fn from_id(id: &str) -> Option<Region> {
        Region::ALL.into_iter().find(|r| r.id() == id)
    }

    pub fn index(self) -> usize {
        self as usize
    }

    pub fn name(self, lang: Lang) -> &'static str {
        let (ar, fr, en) = match self {
            Region::TangerTetouanAlHoceima => (
                "طنجة تطوان الحسيمة",
                "Tanger-Tétouan-Al Hoceïma",
                "Tangier-Tetouan-Al Hoceima",
            ),
            Region::Oriental => ("الشرق", "L'Oriental", "Oriental"),
            Region::FesMeknes => ("فاس مكناس", "Fès-Meknès", "Fez-Meknes"),
            Region::RabatSaleKenitra => (
                "الرباط سلا القنيطرة",
                "Rabat-Salé-Kénitra",
                "Rabat-Sale-Kenitra",
            ),
            Region::BeniMellalKhenifra => (
                "بني ملال خنيفرة",
                "Béni Mellal-Khénifra",
                "Beni Mellal-Khenifra",
            ),
            Region::CasablancaSettat => (
                "الدار البيضاء سطات",
                "Casablanca-Settat",
                "Casablanca-Settat",
            ),
            Region::MarrakechSafi => ("مراكش آسفي", "Marrakech-Safi", "Marrakesh-Safi"),
            Region::DraaTafilalet => ("درعة تافيلالت", "Drâa-Tafilalet", "Draa-Tafilalet"),
            Region::SoussMassa => ("سوس ماسة", "Souss-Massa", "Souss-Massa"),
            Region::GuelmimOuedNoun => ("كلميم وادنون", "Guelmim-Oued Noun", "Guelmim-Oued Noun"),
            Region::LaayouneSakiaElHamra => (
                "العيون الساقية الحمراء",
                "Laâyoune-Sakia El Hamra",
                "Laayoune-Sakia El Hamra",
            ),
            Region::DakhlaOuedEdDahab => (
                "الداخلة وادي الذهب",
                "Dakhla-Oued Ed-Dahab",
                "Dakhla-Oued Ed-Dahab",
            ),
        };
        lang.pick(ar, fr, en)
    }
}

/// A prefecture or province, as an index into [`PROVINCES`]. Serialized as its id (`azilal`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Province(u8);

pub struct ProvinceInfo {
    pub id: &'static str,
    pub region: Region,
    pub ar: &'static str,
    pub fr: &'static str,
    pub en: &'static str,
}

macro_rules! provinces {
    ($($id:literal, $region:ident, $ar:literal, $fr:literal, $en:literal;)*) => {
        pub const PROVINCES: &[ProvinceInfo] = &[
            $(ProvinceInfo { id: $id, region: Region::$region, ar: $ar, fr: $fr, en: $en },)*
        ];
    };
}

provinces! {
    "tanger_assilah", TangerTetouanAlHoceima, "طنجة أصيلة", "Tanger-Assilah", "Tangier-Assilah";
    "mdiq_fnideq", TangerTetouanAlHoceima, "المضيق الفنيدق", "M'diq-Fnideq", "M'diq-Fnideq";
    "tetouan", TangerTetouanAlHoceima, "تطوان", "Tétouan", "Tetouan";
    "fahs_anjra", TangerTetouanAlHoceima, "الفحص أنجرة", "Fahs-Anjra", "Fahs-Anjra";
    "larache", TangerTetouanAlHoceima, "العرائش", "Larache", "Larache";
    "al_hoceima", TangerTetouanAlHoceima, "الحسيمة", "Al Hoceïma", "Al Hoceima";
    "chefchaouen", TangerTetouanAlHoceima, "شفشاون", "Chefchaouen", "Chefchaouen";
    "ouazzane", TangerTetouanAlHoceima, "وزان", "Ouazzane", "Ouazzane";
    "oujda_angad", Oriental, "وجدة أنجاد", "Oujda-Angad", "Oujda-Angad";
    "nador", Oriental, "الناظور", "Nador", "Nador";
    "driouch", Oriental, "الدريوش", "Driouch", "Driouch";
    "jerada", Oriental, "جرادة", "Jerada", "Jerada";
    "berkane", Oriental, "بركان", "Berkane", "Berkane";
    "taourirt", Oriental, "تاوريرت", "Taourirt", "Taourirt";
    "guercif", Oriental, "جرسيف", "Guercif", "Guercif";
    "figuig", Oriental, "فجيج", "Figuig", "Figuig";
    "fes", FesMeknes, "فاس", "Fès", "Fez";
    "meknes", FesMeknes, "مكناس", "Meknès", "Meknes";
    "el_hajeb", FesMeknes, "الحاجب", "El Hajeb", "El Hajeb";
    "ifrane", FesMeknes, "إفران", "Ifrane", "Ifrane";
    "moulay_yacoub", FesMeknes, "مولاي يعقوب", "Moulay Yacoub", "Moulay Yacoub";
    "sefrou", FesMeknes, "صفرو", "Sefrou", "Sefrou";
    "boulemane", FesMeknes, "بولمان", "Boulemane", "Boulemane";
    "taounate", FesMeknes, "تاونات", "Taounate", "Taounate";
    "taza", FesMeknes, "تازة", "Taza", "Taza";
    "rabat", RabatSaleKenitra, "الرباط", "Rabat", "Rabat";
    "sale", RabatSaleKenitra, "سلا", "Salé", "Sale";
    "skhirate_temara", RabatSaleKenitra, "الصخيرات تمارة", "Skhirate-Témara", "Skhirate-Temara";
    "kenitra", RabatSaleKenitra, "القنيطرة", "Kénitra", "Kenitra";
    "khemisset", RabatSaleKenitra, "الخميسات", "Khémisset", "Khemisset";
    "sidi_kacem", RabatSaleKenitra, "سيدي قاسم", "Sidi Kacem", "Sidi Kacem";
    "sidi_slimane", RabatSaleKenitra, "سيدي سليمان", "Sidi Slimane", "Sidi Slimane";
    "beni_mellal", BeniMellalKhenifra, "بني ملال", "Béni Mellal", "Beni Mellal";
    "azilal", BeniMellalKhenifra, "أزيلال", "Azilal", "Azilal";
    "fquih_ben_salah", BeniMellalKhenifra, "الفقيه بن صالح", "Fquih Ben Salah", "Fquih Ben Salah";
    "khenifra", BeniMellalKhenifra, "خنيفرة", "Khénifra", "Khenifra";
    "khouribga", BeniMellalKhenifra, "خريبكة", "Khouribga", "Khouribga";
    "casablanca", CasablancaSettat, "الدار البيضاء", "Casablanca", "Casablanca";
    "mohammedia", CasablancaSettat, "المحمدية", "Mohammedia", "Mohammedia";
    "el_jadida", CasablancaSettat, "الجديدة", "El Jadida", "El Jadida";
    "nouaceur", CasablancaSettat, "النواصر", "Nouaceur", "Nouaceur";
    "mediouna", CasablancaSettat, "مديونة", "Médiouna", "Mediouna";
    "benslimane", CasablancaSettat, "بنسليمان", "Benslimane", "Benslimane";
    "berrechid", CasablancaSettat, "برشيد", "Berrechid", "Berrechid";
    "settat", CasablancaSettat, "سطات", "Settat", "Settat";
    "sidi_bennour", CasablancaSettat, "سيدي بنور", "Sidi Bennour", "Sidi Bennour";
    "marrakech", MarrakechSafi, "مراكش", "Marrakech", "Marrakesh";
    "chichaoua", MarrakechSafi, "شيشاوة", "Chichaoua", "Chichaoua";
    "al_haouz", MarrakechSafi, "الحوز", "Al Haouz", "Al Haouz";
    "el_kelaa_des_sraghna", MarrakechSafi, "قلعة السراغنة", "El Kelâa des Sraghna", "El Kelaa des Sraghna";
    "essaouira", MarrakechSafi, "الصويرة", "Essaouira", "Essaouira";
    "rehamna", MarrakechSafi, "الرحامنة", "Rehamna", "Rehamna";
    "safi", MarrakechSafi, "آسفي", "Safi", "Safi";
    "youssoufia", MarrakechSafi, "اليوسفية", "Youssoufia", "Youssoufia";
    "errachidia", DraaTafilalet, "الرشيدية", "Errachidia", "Errachidia";
    "ouarzazate", DraaTafilalet, "ورزازات", "Ouarzazate", "Ouarzazate";
    "midelt", DraaTafilalet, "ميدلت", "Midelt", "Midelt";
    "tinghir", DraaTafilalet, "تنغير", "Tinghir", "Tinghir";
    "zagora", DraaTafilalet, "زاكورة", "Zagora", "Zagora";
    "agadir_ida_outanane", SoussMassa, "أكادير إداوتنان", "Agadir Ida-Outanane", "Agadir Ida-Outanane";
    "inezgane_ait_melloul", SoussMassa, "إنزكان آيت ملول", "Inezgane-Aït Melloul", "Inezgane-Ait Melloul";
    "chtouka_ait_baha", SoussMassa, "اشتوكة آيت باها", "Chtouka-Aït Baha", "Chtouka-Ait Baha";
    "taroudant", SoussMassa, "تارودانت", "Taroudant", "Taroudant";
    "tiznit", SoussMassa, "تيزنيت", "Tiznit", "Tiznit";
    "tata", SoussMassa, "طاطا", "Tata", "Tata";
    "guelmim", GuelmimOuedNoun, "كلميم", "Guelmim", "Guelmim";
    "assa_zag", GuelmimOuedNoun, "آسا الزاك", "Assa-Zag", "Assa-Zag";
    "tan_tan", GuelmimOuedNoun, "طانطان", "Tan-Tan", "Tan-Tan";
    "sidi_ifni", GuelmimOuedNoun, "سيدي إفني", "Sidi Ifni", "Sidi Ifni";
    "laayoune", LaayouneSakiaElHamra, "العيون", "Laâyoune", "Laayoune";
    "boujdour", LaayouneSakiaElHamra, "بوجدور", "Boujdour", "Boujdour";
    "tarfaya", LaayouneSakiaElHamra, "طرفاية", "Tarfaya", "Tarfaya";
    "es_semara", LaayouneSakiaElHamra, "السمارة", "Es-Semara", "Es-Semara";
    "oued_ed_dahab", DakhlaOuedEdDahab, "وادي الذهب", "Oued Ed-Dahab", "Oued Ed-Dahab";
    "aousserd", DakhlaOuedEdDahab, "أوسرد", "Aousserd", "Aousserd";
}

impl Province {
    pub fn from_id(id: &str) -> Option<Province> {
        PROVINCES
            .iter()
            .position(|p| p.id == id)
            .and_then(|i| u8::try_from(i).ok())
            .map(Province)
    }

    pub fn from_index(index: usize) -> Option<Province> {
        (index < PROVINCES.len()).then_some(Province(index as u8))
    }

    pub fn index(self) -> usize {
        usize::from(self.0)
    }

    fn info(self) -> &'static ProvinceInfo {
        // Only constructors above make a Province, each from a valid index.
        &PROVINCES[self.index()]
    }

    pub fn id(self) -> &'static str {
        self.info().id
    }

    pub fn region(self) -> Region {
        self.info().region
    }

    pub fn name(self, lang: Lang) -> &'static str {
        let p = self.info();
        lang.pick(p.ar, p.fr, p.en)
    }

    pub fn of_region(region: Region) -> impl Iterator<Item = Province> {
        (0..PROVINCES.len())
            .filter_map(Province::from_index)
            .filter(move |p| p.region() == region)
    }
}

impl Serialize for Province {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.id())
    }
}

impl<'de> Deserialize<'de> for Province {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let id = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        Province::from_id(&id).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "unknown province `{id}` (see src/catalog/geo.rs for the 75 ids)"
            ))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn there_are_75_provinces_and_every_region_has_some() {
        assert_eq!(PROVINCES.len(), 75);
        for r in Region::ALL {
            assert!(Province::of_region(r).count() >= 2, "{r:?}");
        }
    }

    #[test]
    fn ids_round_trip() {
        for r in Region::ALL {
            assert_eq!(Region::from_id(r.id()), Some(r));
        }
        for (i, p) in PROVINCES.iter().enumerate() {
            assert_eq!(Province::from_id(p.id).map(Province::index), Some(i));
        }
    }
}
