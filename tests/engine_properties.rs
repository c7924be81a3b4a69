//! Invariants of the engine over arbitrary programs and profiles.

mod support;

use bousla::catalog::*;
use bousla::engine::codec;
use bousla::engine::*;
use bousla::questionnaire::Question;
use proptest::prelude::*;
use proptest::sample::select;
use support::*;

fn opt<T: std::fmt::Debug + Clone + 'static>(
    s: impl Strategy<Value = T> + 'static,
) -> BoxedStrategy<Option<T>> {
    prop_oneof![1 => Just(None), 2 => s.prop_map(Some)].boxed()
}

fn some_of<T: std::fmt::Debug + Clone + 'static>(all: &'static [T]) -> BoxedStrategy<Vec<T>> {
    prop_oneof![2 => Just(vec![]), 1 => proptest::sample::subsequence(all, 1..=all.len().min(4))]
        .boxed()
}

fn province() -> impl Strategy<Value = Province> {
    (0..geo::PROVINCES.len()).prop_filter_map("province", Province::from_index)
}

prop_compose! {
    fn criteria()(
        regions in some_of(&Region::ALL),
        provinces in prop_oneof![3 => Just(vec![]), 1 => proptest::collection::vec(province(), 1..3)],
        stages in some_of(StageKind::ALL),
        legal_forms in some_of(LegalForm::ALL),
        ages in (opt(15u8..40), opt(25u8..70)),
        business in (opt(0u8..2), opt(1u8..8)),
        gender in opt(Just(Gender::Female)),
        area in opt(select(Area::ALL)),
        residence in some_of(Residence::ALL),
        sectors in some_of(Sector::ALL),
        excluded in some_of(Sector::ALL),
        innovative in opt(any::<bool>()),
        revenue in (opt(0u64..1_000_000), opt(100_000u64..20_000_000)),
        jobs in (opt(0u32..5), opt(5u32..300)),
        amount in (opt(0u64..1_000_000), opt(10_000u64..5_000_000)),
    ) -> Criteria {
        Criteria {
            regions, provinces, stages, legal_forms,
            min_age: ages.0, max_age: ages.1,
            min_business_age: business.0, max_business_age: business.1,
            gender, area, residence, sectors, excluded_sectors: excluded, innovative,
            min_revenue: revenue.0, max_revenue: revenue.1,
            min_jobs: jobs.0, max_jobs: jobs.1,
            min_amount: amount.0, max_amount: amount.1,
            max_project_amount: None,
        }
    }
}

prop_compose! {
    fn profile()(
        region in opt(select(&Region::ALL[..])),
        province in opt(province()),
        stage in opt(select(StageKind::ALL)),
        started in opt(2000u16..=2026),
        legal_form in opt(select(LegalForm::ALL)),
        sector in opt(select(Sector::ALL)),
        age in opt(15u8..=99),
        gender in opt(select(Gender::ALL)),
        area in opt(select(Area::ALL)),
        residence in opt(select(Residence::ALL)),
        needs in opt(proptest::sample::subsequence(Need::ALL, 0..=Need::ALL.len())),
        amount in opt(band(10_000_000)),
        innovative in opt(any::<bool>()),
        revenue in opt(band(30_000_000)),
        jobs in opt(0u32..500),
    ) -> Profile {
        // A province always lies in the region given (the shared validator refuses otherwise).
        let region = match (region, province) {
            (Some(_), Some(p)) => Some(p.region()),
            (r, _) => r,
        };
        Profile { region, province, stage, started, legal_form, sector, age, gender, area, residence, needs, amount, innovative, revenue, jobs }
    }
}

/// An exact amount or a band, as the questionnaire gives them.
fn band(top: u64) -> BoxedStrategy<Band> {
    prop_oneof![
        (1..top).prop_map(Band::exact),
        (0..top, 0..top).prop_map(|(a, b)| Band {
            min: a.min(b),
            max: a.max(b).max(1)
        }),
    ]
    .boxed()
}

fn audience() -> impl Strategy<Value = Option<Audience>> {
    opt((
        proptest::sample::subsequence(Target::ALL, 1..=3),
        opt(15u8..20),
        opt(25u8..40),
        opt(40u8..50),
    )
        .prop_map(|(any_of, min, max, check)| Audience {
            any_of,
            youth_min_age: min,
            youth_max_age: max,
            youth_check_up_to: check,
        }))
}

fn catalog_of(criteria: Vec<Criteria>) -> Catalog {
    let kinds = [
        SupportKind::Loan,
        SupportKind::Coaching,
        SupportKind::Incubation,
        SupportKind::MarketAccess,
        SupportKind::Formalisation,
    ];
    catalog(
        criteria
            .into_iter()
            .enumerate()
            .map(|(i, c)| program(&format!("p{i:03}"), &[kinds[i % kinds.len()]], c))
            .collect(),
    )
}

/// The display position of every program, all groups in order.
fn positions(c: &Catalog, pr: &Profile) -> Vec<String> {
    rank(c, pr, TODAY)
        .all()
        .map(|x| x.program.id.clone())
        .collect()
}

fn position(order: &[String], id: &str) -> usize {
    order
        .iter()
        .position(|x| x == id)
        .expect("every program is ranked")
}

/// Every way of forgetting one answer.
fn forget_one(p: &Profile) -> Vec<Profile> {
    let mut out = Vec::new();
    macro_rules! forget { ($($f:ident),*) => { $( if p.$f.is_some() { let mut q = p.clone(); q.$f = None; out.push(q); } )* } }
    forget!(
        region, province, stage, started, legal_form, sector, age, gender, area, residence, needs,
        amount, innovative, revenue, jobs
    );
    out
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    /// An unknown answer alone never makes a program not eligible.
    #[test]
    fn unknown_answers_never_exclude(c in criteria()) {
        let p = program("p", &[SupportKind::Loan], c);
        prop_assert_ne!(verdict(&p, &Profile::default(), YEAR), Verdict::NotEligible);
    }

    /// Forgetting an answer never turns "not eligible" into... it can only keep or raise the
    /// verdict: answering a question never lowers a verdict unless the answer fails a rule.
    #[test]
    fn answering_in_a_way_that_meets_rules_never_lowers_the_verdict(c in criteria(), mut full in profile()) {
        // Answers as the app holds them: none to a question that does not apply (a share link's
        // too). Unpruned, an idea's stated revenue band (a question never asked of an idea)
        // would be less precise than the "no revenue yet" implied once it is forgotten.
        Question::prune(&mut full);
        let p = program("p", &[SupportKind::Loan], c);
        let v_full = verdict(&p, &full, YEAR);
        let unmet_full = explain(&p, &full, YEAR).iter().any(|ch| ch.outcome == Outcome::Unmet);
        for mut partial in forget_one(&full) {
            Question::prune(&mut partial);
            let v_partial = verdict(&p, &partial, YEAR);
            if !unmet_full {
                // The full answers meet every rule they touch: knowing more cannot make it worse.
                prop_assert!(v_full <= v_partial, "{v_full:?} worse than {v_partial:?}");
            }
        }
    }

    /// Ranking is a deterministic total order: same input, same order; shuffling the catalog
    /// does not change it; no program appears twice or goes missing.
    #[test]
    fn ranking_is_deterministic_and_complete(cs in proptest::collection::vec(criteria(), 1..25), pr in profile(), seed in any::<u64>()) {
        let cat = catalog_of(cs);
        let ids = |c: &Catalog| {
            positions(c, &pr)
        };
        let first = ids(&cat);
        prop_assert_eq!(&first, &ids(&cat));
        let mut shuffled = cat.clone();
        let n = shuffled.programs.len();
        shuffled.programs.rotate_left((seed as usize) % n);
        prop_assert_eq!(&first, &ids(&shuffled));
        let mut sorted = first.clone();
        sorted.sort();
        sorted.dedup();
        prop_assert_eq!(sorted.len(), n);
    }

    /// Every reason returned belongs to a rule the program encodes.
    #[test]
    fn every_reason_belongs_to_a_criterion_of_the_program(c in criteria(), pr in profile()) {
        let p = program("p", &[SupportKind::Loan], c);
        let kinds = criterion_kinds(&p);
        let checks = explain(&p, &pr, YEAR);
        prop_assert_eq!(checks.len(), kinds.len());
        for ch in &checks {
            prop_assert!(kinds.contains(&ch.reason.criterion()));
        }
    }

    /// A program bound to regions is never eligible, nor possible, for a holder of another region.
    #[test]
    fn a_region_bound_program_is_never_eligible_elsewhere(
        c in criteria(),
        bound in proptest::sample::subsequence(&Region::ALL[..], 1..6),
        pr in profile(),
    ) {
        let c = Criteria { regions: bound, ..c };
        let Some(region) = pr.effective_region() else { return Ok(()) };
        if c.regions.contains(&region) {
            return Ok(());
        }
        let p = program("p", &[SupportKind::Loan], c);
        prop_assert_eq!(verdict(&p, &pr, YEAR), Verdict::NotEligible);
    }

    /// Near-miss fixes only come with not-eligible programs and each answers an unmet rule.
    #[test]
    fn fixes_answer_unmet_rules(cs in proptest::collection::vec(criteria(), 1..10), pr in profile()) {
        let cat = catalog_of(cs);
        let r = rank(&cat, &pr, TODAY);
        for x in r.fits.iter().chain(&r.also_open).chain(&r.closed).chain(&r.others) {
            prop_assert!(x.fixes.is_empty());
        }
        for x in &r.near_misses {
            prop_assert!(!x.fixes.is_empty());
            prop_assert_eq!(x.verdict, Verdict::NotEligible);
        }
    }

    /// A program reserved for some audiences is never eligible, nor possible, for a holder known
    /// to be outside every one of them.
    #[test]
    fn a_reserved_audience_never_admits_someone_known_to_be_outside_it(c in criteria(), a in audience(), pr in profile()) {
        let Some(a) = a else { return Ok(()) };
        let youth = (a.youth_min_age.unwrap_or(0), a.youth_max(), a.youth_check_up_to());
        let outside = a.any_of.iter().all(|t| pr.in_audience(*t, youth) == Some(false));
        let mut p = program("p", &[SupportKind::Loan], c);
        p.reserved_for = Some(a);
        if outside {
            prop_assert_eq!(verdict(&p, &pr, YEAR), Verdict::NotEligible);
        }
    }

    /// A priority audience never excludes anyone: the verdict is the same with or without it.
    #[test]
    fn a_priority_audience_never_excludes(c in criteria(), targets in proptest::sample::subsequence(Target::ALL, 0..=3), pr in profile()) {
        let plain = program("p", &[SupportKind::Loan], c);
        let mut favoured = plain.clone();
        favoured.priority_to = targets;
        prop_assert_eq!(verdict(&plain, &pr, YEAR), verdict(&favoured, &pr, YEAR));
    }

    /// Adding a stated need never moves a program that answers it down the list.
    #[test]
    fn adding_a_stated_need_never_moves_a_program_that_answers_it_down(
        cs in proptest::collection::vec(criteria(), 1..20),
        pr in profile(),
        need in select(Need::ALL),
    ) {
        let cat = catalog_of(cs);
        let mut more = pr.clone();
        match &mut more.needs {
            Some(n) if n.contains(&need) => return Ok(()),
            Some(n) => n.push(need),
            None => more.needs = Some(vec![need]),
        }
        let (before, after) = (positions(&cat, &pr), positions(&cat, &more));
        // A financing program covering under a tenth of the request does not answer it
        // (docs/ranking.md §3): it may give way to those that do.
        let token = |p: &Program| {
            evaluate(p, &more, TODAY)
                .partial
                .is_some_and(|(covers, asked)| covers.saturating_mul(10) < asked.min)
        };
        let answers = |p: &&Program| {
            p.kinds.iter().any(|k| k.need() == need) && !(need == Need::Financing && token(p))
        };
        for p in cat.programs.iter().filter(answers) {
            prop_assert!(
                position(&after, &p.id) <= position(&before, &p.id),
                "{} moved from {} to {}", p.id, position(&before, &p.id), position(&after, &p.id)
            );
        }
    }

    /// With no place known, a program never ranks higher for being bound to a region or
    /// province: the same program open to the whole country ranks at least as high.
    #[test]
    fn with_no_place_known_being_regional_never_helps(
        cs in proptest::collection::vec(criteria(), 1..20),
        pr in profile(),
        which in any::<proptest::sample::Index>(),
    ) {
        let pr = Profile { region: None, province: None, ..pr };
        let regional = catalog_of(cs);
        let i = which.index(regional.programs.len());
        let mut national = regional.clone();
        national.programs[i].criteria.regions.clear();
        national.programs[i].criteria.provinces.clear();
        let id = &regional.programs[i].id;
        prop_assert!(
            position(&positions(&national, &pr), id) <= position(&positions(&regional, &pr), id)
        );
    }

    /// Profile JSON round-trips: what share links and the CLI read is what was written.
    #[test]
    fn profile_json_round_trips(pr in profile()) {
        let json = serde_json::to_string(&pr).expect("a profile serializes");
        prop_assert_eq!(Profile::from_json(&json), Ok(pr));
    }

    /// Arbitrary text never panics the profile decoder.
    #[test]
    fn profile_json_decoder_never_panics(s in ".{0,200}") {
        let _ = Profile::from_json(&s);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1000, ..ProptestConfig::default() })]

    /// The share-link and storage codec round-trips every profile the questionnaire can make.
    #[test]
    fn profile_codec_round_trips(pr in profile()) {
        let text = codec::encode(&pr);
        prop_assert!(text.chars().all(|c| c.is_ascii_alphanumeric() || "._-+~".contains(c)), "{}", text);
        prop_assert_eq!(codec::decode(&text, 2026), Ok(codec::canonical(&pr)));
    }

    /// Any text, corrupt or truncated, decodes to an error or a profile, never a panic.
    #[test]
    fn profile_codec_never_panics(s in "\\PC{0,300}") {
        let _ = codec::decode(&s, 2026);
        let _ = codec::decode_stored(&s, 2026);
    }

    /// A truncated link either decodes to fewer answers or is refused, never misread.
    #[test]
    fn truncated_codes_lose_answers_but_never_invent_them(pr in profile(), cut in 0usize..200) {
        let text = codec::encode(&pr);
        let cut = cut.min(text.len());
        if let Ok(partial) = codec::decode(&text[..cut], 2026) {
            for (a, b) in [(partial.region.is_some(), pr.region.is_some()), (partial.stage.is_some(), pr.stage.is_some())] {
                prop_assert!(!a || b);
            }
        }
    }
}

#[test]
fn profile_codec_refuses_future_versions_and_tampering() {
    assert_eq!(
        codec::decode("3.r-oriental.e-00000000", 2026),
        Err(codec::DecodeError::FutureVersion(3))
    );
    assert!(matches!(
        codec::decode_stored("1.r-atlantis", 2026),
        Err(codec::DecodeError::BadField(_))
    ));
    assert!(matches!(
        codec::decode_stored("1.r-oriental.r-oriental", 2026),
        Err(codec::DecodeError::BadField(_))
    ));
    assert_eq!(codec::decode("", 2026), Err(codec::DecodeError::Empty));
    assert_eq!(
        codec::decode("x", 2026),
        Err(codec::DecodeError::BadVersion)
    );
    // A bare version 1 could be any link cut short; stored, it is an empty profile.
    assert_eq!(codec::decode("1", 2026), Err(codec::DecodeError::MaybeCut));
    assert_eq!(codec::decode_stored("1", 2026), Ok(Profile::default()));
}

proptest! {
    /// Any query string gives a usable config: never a panic, an idle timeout within bounds.
    #[test]
    fn url_options_decoder_never_panics(q in "\\PC{0,200}") {
        let (c, _) = bousla::config::parse(&q, |_| false);
        prop_assert!((5..=3600).contains(&c.idle_seconds));
    }
}

// The catalog index (`engine::index`) against the reference ranking: the same groups, order,
// verdicts, counts, fixes and pathways, for every catalog and profile.

fn date() -> impl Strategy<Value = Date> {
    (2025u16..2028, 0u8..=12, 1u8..=28)
        .prop_map(|(y, m, d)| Date::ymd(y, m, if m == 0 { 0 } else { d }))
}

const PROVIDERS: [&str; 4] = ["a", "b", "c", "d"];

prop_compose! {
    /// A program with every field the ranking reads drawn at random.
    fn any_program()(
        c in criteria(),
        project in opt(50_000u64..5_000_000),
        reserved in audience(),
        priority in prop_oneof![
            9 => proptest::collection::vec(select(Target::ALL), 0..4),
            1 => proptest::collection::vec(select(Target::ALL), 14..20),
        ],
        kinds in proptest::sample::subsequence(SupportKind::ALL, 1..=3),
        status in select(Status::ALL),
        dates in (opt(date()), opt(date())),
        amount in opt((opt(0u64..100_000), opt(10_000u64..2_000_000))),
        confidence in select(Confidence::ALL),
        provider in select(&PROVIDERS[..]),
        delivered in proptest::sample::subsequence(&PROVIDERS[..], 0..=2),
    ) -> Program {
        let mut p = program("p", &kinds, Criteria { max_project_amount: project, ..c });
        p.reserved_for = reserved;
        p.priority_to = priority;
        p.status = status;
        (p.opens, p.closes) = dates;
        p.amount = amount.map(|(min, max)| Amount { min, max });
        p.confidence = confidence;
        p.provider = provider.into();
        p.delivered_by = delivered.into_iter().map(String::from).collect();
        p
    }
}

prop_compose! {
    fn any_desk()(
        provider in select(&PROVIDERS[..]),
        province in opt(province()),
        serves in some_of(&["azilal", "beni_mellal", "oujda_angad", "casablanca"][..]),
        serves_region in any::<bool>(),
        handles in proptest::collection::vec(0usize..30, 0..3),
    ) -> Desk {
        let mut d = desk("d", provider, None);
        d.province = province;
        d.region = province.map(Province::region);
        d.serves = serves.iter().filter_map(|p| Province::from_id(p)).collect();
        d.serves_region = serves_region;
        d.handles = handles.iter().map(|i| format!("p{i:03}")).collect();
        d
    }
}

prop_compose! {
    /// A catalog of random programs, desks and pathways; its ids sorted, rotated, or with a
    /// duplicate.
    fn any_catalog()(
        programs in proptest::collection::vec(any_program(), 1..30),
        desks in proptest::collection::vec(any_desk(), 0..5),
        steps in proptest::collection::vec(proptest::collection::vec(0usize..35, 1..4), 0..3),
        order in 0u8..3,
        for_forms in some_of(LegalForm::ALL),
    ) -> Catalog {
        let n = programs.len();
        let mut c = catalog(
            programs
                .into_iter()
                .enumerate()
                .map(|(i, p)| Program { id: format!("p{i:03}"), ..p })
                .collect(),
        );
        match order {
            1 => c.programs.rotate_left(n / 2),
            2 if n > 1 => c.programs[n - 1].id = c.programs[0].id.clone(),
            _ => {}
        }
        c.desks = desks;
        c.providers = PROVIDERS.iter().map(|p| provider(p)).collect();
        c.providers[0].for_legal_forms = for_forms;
        c.pathways = steps
            .into_iter()
            .enumerate()
            .map(|(i, s)| Pathway {
                id: format!("w{i}"),
                steps: s.iter().map(|j| format!("p{j:03}")).collect(),
                title: text("t"),
                explanation: text("e"),
                sources: vec![],
            })
            .collect();
        c
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 600, ..ProptestConfig::default() })]

    /// The index ranks any catalog exactly as the reference does.
    #[test]
    fn the_index_ranks_any_catalog_as_the_reference(c in any_catalog(), pr in profile(), today in date()) {
        let today = Date { month: today.month.max(1), ..today };
        prop_assert_eq!(Index::new(&c).rank(&pr, today), rank(&c, &pr, today));
    }

    /// The index ranks the real catalog exactly as the reference does.
    #[test]
    fn the_index_ranks_the_real_catalog_as_the_reference(pr in profile(), today in date(), rotate in 0usize..300) {
        let today = Date { month: today.month.max(1), ..today };
        let real = embedded();
        prop_assert_eq!(Index::new(real).rank(&pr, today), rank(real, &pr, today));
        let mut shuffled = real.clone();
        let n = shuffled.programs.len();
        shuffled.programs.rotate_left(rotate % n);
        prop_assert_eq!(Index::new(&shuffled).rank(&pr, today), rank(&shuffled, &pr, today));
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    /// The index ranks synthetic catalogs (large ones sort by radix) as the reference does.
    #[test]
    fn the_index_ranks_synthetic_catalogs_as_the_reference(n in 1usize..3000, pr in profile()) {
        let c = bousla::engine::synthetic::catalog(n);
        prop_assert_eq!(Index::new(&c).rank(&pr, TODAY), rank(&c, &pr, TODAY));
        let full = full_profile();
        prop_assert_eq!(Index::new(&c).rank(&full, TODAY), rank(&c, &full, TODAY));
    }
}

/// `rank_static` keeps one index per catalog and gives the reference's ranking.
#[test]
fn rank_static_gives_the_reference_ranking() {
    let real = embedded();
    let small: &'static Catalog = Box::leak(Box::new(bousla::engine::synthetic::catalog(50)));
    for c in [real, small, real] {
        for pr in [Profile::default(), full_profile()] {
            assert_eq!(rank_static(c, &pr, TODAY), rank(c, &pr, TODAY));
        }
    }
}
