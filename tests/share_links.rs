//! Share links, version 2: every truncation, single-byte change, insertion, deletion and swap of
//! a valid link is refused or reads the identical profile; version-1 links are read only where no
//! cut can change them. `cargo xtask fuzz` runs the same checks on a million random mutations.

use bousla::catalog::{
    Area, Gender, LegalForm, Need, Province, Region, Residence, Sector, StageKind,
};
use bousla::engine::{Band, Profile, codec};
use bousla::questionnaire::{AMOUNT_BANDS, REVENUE_BANDS};
use proptest::prelude::*;
use proptest::sample::select;

const YEAR: u16 = 2026;

fn opt<T: std::fmt::Debug + Clone + 'static>(
    s: impl Strategy<Value = T> + 'static,
) -> BoxedStrategy<Option<T>> {
    prop_oneof![1 => Just(None), 3 => s.prop_map(Some)].boxed()
}

/// An amount as the questionnaire gives it: one of its bands, or an exact amount typed.
fn amount(bands: &'static [Band]) -> BoxedStrategy<Band> {
    prop_oneof![
        select(bands),
        (1u64..=5_000_000).prop_map(Band::exact),
        (1u64..=100_000_000_000).prop_map(Band::exact),
    ]
    .boxed()
}

prop_compose! {
    /// Answers as the questionnaire gives them (what does not apply is pruned by the encoder).
    fn profile()(
        province in opt(0usize..75),
        region in opt(select(&Region::ALL[..])),
        stage in opt(select(StageKind::ALL)),
        started in opt(1990u16..=YEAR),
        legal_form in opt(select(LegalForm::ALL)),
        sector in opt(select(Sector::ALL)),
        age in opt(15u8..=99),
        gender in opt(select(Gender::ALL)),
        area in opt(select(Area::ALL)),
        residence in opt(select(Residence::ALL)),
        needs in opt(proptest::sample::subsequence(Need::ALL, 0..=Need::ALL.len())),
        amount in opt(amount(&AMOUNT_BANDS)),
        innovative in opt(any::<bool>()),
        revenue in opt(amount(&REVENUE_BANDS)),
        jobs in opt(prop_oneof![1u32..=20, 1u32..=100_000]),
    ) -> Profile {
        let province = province.and_then(Province::from_index);
        let region = province.map(Province::region).or(region);
        codec::canonical(&Profile {
            region, province, stage, started, legal_form, sector, age, gender, area, residence,
            needs, amount, innovative, revenue, jobs,
        })
    }
}

/// What a damaged link may do: be refused, or read exactly the profile it carried.
fn refused_or_identical(damaged: &str, p: &Profile) -> Result<(), TestCaseError> {
    match codec::decode(damaged, YEAR) {
        Err(_) => Ok(()),
        Ok(q) => {
            prop_assert_eq!(&q, p, "{} misread", damaged);
            Ok(())
        }
    }
}

/// Characters tried at each place: every ASCII byte, and a few a phone or a chat app might put
/// there (an Arabic-Indic digit, a no-break space, an accented letter, a zero-width space).
fn replacements() -> Vec<String> {
    (0u8..=127)
        .map(|b| (b as char).to_string())
        .chain(["٢", "\u{a0}", "é", "\u{200b}"].map(String::from))
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn a_link_reads_back_the_profile_it_carries(p in profile()) {
        let code = codec::encode(&p);
        prop_assert!(code.bytes().all(|b| b.is_ascii_alphanumeric() || b"._-+~".contains(&b)), "{}", code);
        prop_assert_eq!(codec::decode(&code, YEAR), Ok(p.clone()));
        prop_assert_eq!(codec::decode_stored(&code, YEAR), Ok(p.clone()));
        // One form: encoding what was read gives the same text.
        prop_assert_eq!(codec::encode(&p), code);
    }

    #[test]
    fn every_truncation_is_refused(p in profile()) {
        let code = codec::encode(&p);
        for cut in 0..code.len() {
            prop_assert!(codec::decode(&code[..cut], YEAR).is_err(), "{} read", &code[..cut]);
        }
    }

    /// Version 1: a link is read only if no cut of a longer link can give it, so every cut of
    /// any version-1 link the questionnaire made is refused. The whole link still reads from
    /// storage, and as a link when nothing could follow it.
    #[test]
    fn every_truncation_of_a_version_1_link_is_refused(p in profile()) {
        let v2 = codec::encode(&p);
        let v1 = format!("1{}", &v2[1..v2.rfind(".e-").unwrap()]);
        prop_assert_eq!(codec::decode_stored(&v1, YEAR), Ok(p.clone()));
        if let Ok(q) = codec::decode(&v1, YEAR) {
            prop_assert_eq!(q, p.clone());
        }
        for cut in 0..v1.len() {
            prop_assert!(codec::decode(&v1[..cut], YEAR).is_err(), "{} read (cut of {})", &v1[..cut], v1);
        }
    }
}

proptest! {
    // Each case tries every character at every place: about 16,000 damaged links per case.
    #![proptest_config(ProptestConfig { cases: 40, ..ProptestConfig::default() })]

    #[test]
    fn every_single_character_change_is_refused_or_identical(p in profile()) {
        let code = codec::encode(&p);
        let all = replacements();
        for i in 0..code.len() {
            for r in &all {
                let damaged = format!("{}{r}{}", &code[..i], &code[i + 1..]);
                refused_or_identical(&damaged, &p)?;
            }
        }
    }

    #[test]
    fn every_insertion_is_refused(p in profile()) {
        let code = codec::encode(&p);
        let all = replacements();
        for i in 0..=code.len() {
            for r in &all {
                let damaged = format!("{}{r}{}", &code[..i], &code[i..]);
                prop_assert!(codec::decode(&damaged, YEAR).is_err(), "{} read", damaged);
            }
        }
    }

    #[test]
    fn every_deletion_and_swap_is_refused_or_identical(p in profile()) {
        let code = codec::encode(&p);
        for i in 0..code.len() {
            let deleted = format!("{}{}", &code[..i], &code[i + 1..]);
            prop_assert!(codec::decode(&deleted, YEAR).is_err(), "{} read", deleted);
            if i + 1 < code.len() {
                let mut b = code.clone().into_bytes();
                b.swap(i, i + 1);
                refused_or_identical(&String::from_utf8(b).unwrap(), &p)?;
            }
        }
    }
}

/// Every byte value, not only characters: a link is a string, so a byte that breaks UTF-8
/// cannot reach the decoder; those that keep it valid are tried here on a long link.
#[test]
fn every_byte_value_at_every_place_of_a_long_link() {
    let p = codec::canonical(&Profile {
        region: Some(Region::SoussMassa),
        province: Province::from_id("taroudant"),
        stage: Some(StageKind::Running),
        started: Some(2019),
        legal_form: Some(LegalForm::Cooperative),
        sector: Some(Sector::Agriculture),
        age: Some(41),
        gender: Some(Gender::Female),
        area: Some(Area::Rural),
        residence: Some(Residence::Morocco),
        needs: Some(Need::ALL.to_vec()),
        amount: Some(AMOUNT_BANDS[3]),
        innovative: Some(true),
        revenue: Some(REVENUE_BANDS[4]),
        jobs: Some(12),
    });
    let code = codec::encode(&p);
    assert_eq!(codec::decode(&code, YEAR), Ok(p.clone()));
    let (mut tried, mut refused) = (0, 0);
    for i in 0..code.len() {
        for b in 0u8..=255 {
            for insert in [false, true] {
                let mut bytes = code.clone().into_bytes();
                if insert {
                    bytes.insert(i, b);
                } else {
                    bytes[i] = b;
                }
                let Ok(damaged) = String::from_utf8(bytes) else {
                    continue;
                };
                tried += 1;
                match codec::decode(&damaged, YEAR) {
                    Err(_) => refused += 1,
                    Ok(q) => assert!(!insert && q == p, "{damaged} misread"),
                }
            }
        }
    }
    // Only putting back the byte that was there reads; everything else is refused.
    assert_eq!(tried - refused, code.len());
}

/// The cuts the attack on the release build found in version 1 (`m-1200000` → `m-1`, a need
/// dropped after `n-financing`, an age flipped into a job count) are refused in both versions.
#[test]
fn the_damage_the_attack_found_is_refused() {
    let p = codec::canonical(&Profile {
        region: Some(Region::Oriental),
        stage: Some(StageKind::Idea),
        age: Some(28),
        needs: Some(vec![Need::Financing, Need::Coaching]),
        amount: Some(Band::exact(1_200_000)),
        innovative: Some(false),
        ..Profile::default()
    });
    let code = codec::encode(&p);
    let at = code.find("m-1200000").unwrap() + 3;
    assert!(codec::decode(&code[..at], YEAR).is_err());
    assert!(codec::decode(&code.replace(".a-28", ".j-28"), YEAR).is_err());
    assert!(codec::decode(&code.replace("m-1200000", "m-00150000"), YEAR).is_err());
    for v1 in [
        "1.r-oriental.s-idea.a-28.n-financing+coaching.m-1",
        "1.r-oriental.s-idea.a-28.n-financing",
        "1.r-oriental.s-idea.j-28",
        "1.r-oriental.s-idea.a-+28.n-none.i-0",
        "1.r-oriental.s-idea.a-28.n-none.i-0 ",
    ] {
        assert!(codec::decode(v1, YEAR).is_err(), "{v1}");
    }
    assert!(codec::decode("1.r-oriental.s-idea.a-28.n-none.i-0", YEAR).is_ok());
}
