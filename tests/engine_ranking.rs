//! Ranking, near-misses and pathways: what the holder sees first, in the order an adviser would
//! give it (docs/ranking.md), and the step that would open a program out of reach today.

mod support;

use bousla::catalog::*;
use bousla::engine::*;
use support::*;

fn ids<'a>(list: &'a [Ranked<'_>]) -> Vec<&'a str> {
    list.iter().map(|r| r.program.id.as_str()).collect()
}

fn open_to_all(id: &str, kinds: &[SupportKind]) -> Program {
    program(
        id,
        kinds,
        Criteria {
            min_age: Some(18),
            ..Criteria::default()
        },
    )
}

fn in_region(id: &str, kinds: &[SupportKind], region: Region) -> Program {
    program(
        id,
        kinds,
        Criteria {
            regions: vec![region],
            ..Criteria::default()
        },
    )
}

#[test]
fn a_possible_program_serving_the_need_comes_before_an_eligible_one_that_serves_none() {
    let profile = Profile {
        age: Some(40),
        needs: Some(vec![Need::Financing]),
        ..Profile::default()
    };
    let cat = catalog(vec![
        open_to_all("coaching", &[SupportKind::Coaching]),
        program(
            "women-loan",
            &[SupportKind::Loan],
            Criteria {
                gender: Some(Gender::Female),
                ..Criteria::default()
            },
        ),
    ]);
    let r = rank(&cat, &profile, TODAY);
    assert_eq!(ids(&r.fits), ["women-loan"]);
    assert_eq!(r.fits[0].verdict, Verdict::Possible);
    assert_eq!(ids(&r.also_open), ["coaching"]);
    assert!(!r.also_open[0].serves_needs);
}

#[test]
fn with_the_place_known_province_programs_come_before_regional_then_national_ones() {
    let profile = Profile {
        province: Province::from_id("azilal"),
        ..Profile::default()
    };
    let cat = catalog(vec![
        open_to_all("a-national", &[SupportKind::HonourLoan]),
        in_region(
            "b-regional",
            &[SupportKind::HonourLoan],
            Region::BeniMellalKhenifra,
        ),
        program(
            "c-province",
            &[SupportKind::HonourLoan],
            Criteria {
                provinces: Province::from_id("azilal").into_iter().collect(),
                ..Criteria::default()
            },
        ),
    ]);
    let r = rank(&cat, &profile, TODAY);
    assert_eq!(ids(&r.fits), ["c-province", "b-regional", "a-national"]);
    assert_eq!(r.fits[0].locality, Locality::Province);
}

#[test]
fn with_no_place_known_national_programs_come_first() {
    let cat = catalog(vec![
        in_region("a-regional", &[SupportKind::HonourLoan], Region::Oriental),
        open_to_all("b-national", &[SupportKind::HonourLoan]),
    ]);
    let r = rank(&cat, &Profile::default(), TODAY);
    assert_eq!(ids(&r.fits), ["b-national", "a-regional"]);
}

#[test]
fn a_program_serving_more_of_the_stated_needs_ranks_higher() {
    let profile = Profile {
        needs: Some(vec![Need::Financing, Need::Coaching]),
        ..Profile::default()
    };
    let cat = catalog(vec![
        open_to_all("a-loan", &[SupportKind::Loan]),
        open_to_all(
            "b-loan-and-coaching",
            &[SupportKind::Loan, SupportKind::Coaching],
        ),
    ]);
    let r = rank(&cat, &profile, TODAY);
    assert_eq!(ids(&r.fits), ["b-loan-and-coaching", "a-loan"]);
    assert_eq!(r.fits[0].needs_served, 2);
}

#[test]
fn a_priority_audience_raises_the_rank_of_its_members_and_excludes_no_one() {
    let mut women_first = open_to_all("b-women-first", &[SupportKind::Grant]);
    women_first.priority_to = vec![Target::Women];
    let cat = catalog(vec![
        open_to_all("a-plain", &[SupportKind::Grant]),
        women_first,
    ]);
    let woman = Profile {
        age: Some(30),
        gender: Some(Gender::Female),
        ..Profile::default()
    };
    let r = rank(&cat, &woman, TODAY);
    assert_eq!(ids(&r.fits), ["b-women-first", "a-plain"]);
    assert_eq!(r.fits[0].priority, Some(Target::Women));
    let man = Profile {
        age: Some(30),
        gender: Some(Gender::Male),
        ..Profile::default()
    };
    let r = rank(&cat, &man, TODAY);
    assert_eq!(ids(&r.fits), ["a-plain", "b-women-first"]);
    assert!(r.fits.iter().all(|x| x.verdict == Verdict::Eligible));
}

#[test]
fn a_program_reserved_for_women_or_young_people_is_not_for_a_man_of_58() {
    let mut niswa = program(
        "tahfiz-niswa",
        &[SupportKind::Training],
        Criteria::default(),
    );
    niswa.reserved_for = Some(Audience {
        any_of: vec![Target::Women, Target::Youth],
        ..Audience::default()
    });
    let cat = catalog(vec![niswa]);
    let verdict_for = |age, gender| {
        let p = Profile {
            age: Some(age),
            gender: Some(gender),
            ..Profile::default()
        };
        rank(&cat, &p, TODAY).all().next().map(|r| r.verdict)
    };
    assert_eq!(verdict_for(58, Gender::Male), Some(Verdict::NotEligible));
    assert_eq!(verdict_for(58, Gender::Female), Some(Verdict::Eligible));
    assert_eq!(verdict_for(30, Gender::Male), Some(Verdict::Eligible));
    // The catalog's convention: 36 to 45 is "to check", from 46 not met.
    assert_eq!(verdict_for(40, Gender::Male), Some(Verdict::Possible));
    assert_eq!(verdict_for(46, Gender::Male), Some(Verdict::NotEligible));
}

#[test]
fn a_labelled_youth_exception_makes_older_holders_to_check_up_to_its_bound() {
    let mut indh = program("indh", &[SupportKind::Grant], Criteria::default());
    indh.reserved_for = Some(Audience {
        any_of: vec![Target::Youth],
        youth_min_age: Some(18),
        youth_max_age: Some(35),
        youth_check_up_to: Some(45),
    });
    let cat = catalog(vec![indh]);
    let at = |age| {
        let p = Profile {
            age: Some(age),
            ..Profile::default()
        };
        evaluate(&cat.programs[0], &p, TODAY).verdict
    };
    assert_eq!(at(17), Verdict::NotEligible);
    assert_eq!(at(35), Verdict::Eligible);
    assert_eq!(at(45), Verdict::Possible);
    assert_eq!(at(46), Verdict::NotEligible);
}

#[test]
fn eligible_comes_before_possible_when_need_place_and_audience_are_equal() {
    let profile = Profile {
        age: Some(25),
        needs: Some(vec![Need::Coaching]),
        ..Profile::default()
    };
    let cat = catalog(vec![
        program(
            "a-maybe",
            &[SupportKind::Coaching],
            Criteria {
                gender: Some(Gender::Female),
                ..Criteria::default()
            },
        ),
        open_to_all("c-coaching", &[SupportKind::Coaching]),
        open_to_all("b-coaching", &[SupportKind::Coaching]),
    ]);
    let r = rank(&cat, &profile, TODAY);
    assert_eq!(ids(&r.fits), ["b-coaching", "c-coaching", "a-maybe"]);
}

#[test]
fn a_program_past_its_closing_date_moves_to_the_closed_group_with_its_date() {
    let mut tahfiz = open_to_all("tahfiz", &[SupportKind::Grant]);
    tahfiz.closes = Some(Date::ymd(2026, 12, 31));
    let cat = catalog(vec![tahfiz]);
    let before = rank(&cat, &Profile::default(), TODAY);
    assert_eq!(
        before.fits[0].timing,
        Timing::ClosingSoon {
            closes: Date::ymd(2026, 12, 31),
            days: 31
        }
    );
    let after = rank(&cat, &Profile::default(), Date::ymd(2027, 1, 2));
    assert!(after.fits.is_empty());
    assert_eq!(ids(&after.closed), ["tahfiz"]);
    assert_eq!(
        after.closed[0].timing,
        Timing::Closed {
            closed: Some(Date::ymd(2026, 12, 31))
        }
    );
    assert_eq!(
        count_fits(&cat, &Profile::default(), Date::ymd(2027, 1, 2)),
        0
    );
}

#[test]
fn closing_soon_comes_before_open_and_open_before_announced() {
    let mut soon = open_to_all("c-soon", &[SupportKind::Grant]);
    soon.closes = Some(Date::ymd(2027, 1, 15));
    let mut later = open_to_all("a-announced", &[SupportKind::Grant]);
    later.status = Status::Announced;
    later.opens = Some(Date::ymd(2027, 3, 1));
    let cat = catalog(vec![
        later,
        open_to_all("b-open", &[SupportKind::Grant]),
        soon,
    ]);
    let r = rank(&cat, &Profile::default(), TODAY);
    assert_eq!(ids(&r.fits), ["c-soon", "b-open", "a-announced"]);
    assert_eq!(
        r.fits[2].timing,
        Timing::Announced {
            opens: Some(Date::ymd(2027, 3, 1))
        }
    );
}

#[test]
fn paused_closed_and_exhausted_programs_take_no_applications() {
    let mut a = open_to_all("a", &[SupportKind::Grant]);
    a.status = Status::Paused;
    let mut b = open_to_all("b", &[SupportKind::Grant]);
    b.status = Status::Closed;
    let mut c = open_to_all("c", &[SupportKind::Grant]);
    c.status = Status::BudgetExhausted;
    let cat = catalog(vec![a, b, c]);
    let r = rank(&cat, &Profile::default(), TODAY);
    assert!(r.fits.is_empty());
    assert_eq!(ids(&r.closed), ["a", "b", "c"]);
}

#[test]
fn a_grant_smaller_than_the_request_is_a_partial_fit_not_a_wall() {
    let mut moazara = program(
        "moazara",
        &[SupportKind::Grant],
        Criteria {
            max_amount: Some(49_000),
            ..Criteria::default()
        },
    );
    moazara.amount = Some(Amount {
        min: None,
        max: Some(49_000),
    });
    let profile = Profile {
        amount: Some(Band::exact(200_000)),
        ..Profile::default()
    };
    let cat = catalog(vec![moazara]);
    let r = rank(&cat, &profile, TODAY);
    assert_eq!(r.fits[0].verdict, Verdict::Eligible);
    assert_eq!(r.fits[0].partial, Some((49_000, Band::exact(200_000))));
}

#[test]
fn a_project_over_a_sourced_project_cap_is_fixed_by_a_smaller_project() {
    let p = program(
        "small-projects",
        &[SupportKind::Grant],
        Criteria {
            max_project_amount: Some(300_000),
            ..Criteria::default()
        },
    );
    let profile = Profile {
        amount: Some(Band::exact(800_000)),
        ..Profile::default()
    };
    let cat = catalog(vec![p]);
    let r = rank(&cat, &profile, TODAY);
    assert_eq!(
        r.near_misses[0].fixes,
        vec![Fix::LowerAmount { to: 300_000 }]
    );
}

#[test]
fn a_band_meets_a_rule_only_when_the_whole_band_does() {
    let guarantee = program(
        "guarantee",
        &[SupportKind::Guarantee],
        Criteria {
            min_amount: Some(1_000_000),
            ..Criteria::default()
        },
    );
    let cat = catalog(vec![guarantee]);
    let with = |min, max| {
        let p = Profile {
            amount: Some(Band { min, max }),
            ..Profile::default()
        };
        evaluate(&cat.programs[0], &p, TODAY).verdict
    };
    assert_eq!(with(300_000, 1_200_000), Verdict::Possible);
    assert_eq!(with(1_200_000, 5_000_000), Verdict::Eligible);
    assert_eq!(with(100_000, 300_000), Verdict::NotEligible);
    assert_eq!(with(800_000, 800_000), Verdict::NotEligible);
}

#[test]
fn each_result_says_how_many_rules_are_met_and_which_question_settles_the_rest() {
    let p = program(
        "p",
        &[SupportKind::Grant],
        Criteria {
            regions: vec![Region::Oriental],
            min_age: Some(18),
            gender: Some(Gender::Female),
            ..Criteria::default()
        },
    );
    let profile = Profile {
        region: Some(Region::Oriental),
        age: Some(30),
        ..Profile::default()
    };
    let cat = catalog(vec![p]);
    let r = evaluate(&cat.programs[0], &profile, TODAY);
    assert_eq!((r.met, r.rules), (2, 3));
    assert_eq!(
        r.to_check.iter().collect::<Vec<_>>(),
        [CriterionKind::Gender]
    );
}

#[test]
fn an_auto_entrepreneurs_revenue_is_capped_by_law_so_a_higher_ceiling_is_met() {
    let p = program(
        "sme",
        &[SupportKind::Guarantee],
        Criteria {
            max_revenue: Some(10_000_000),
            ..Criteria::default()
        },
    );
    let cat = catalog(vec![p]);
    let ae = Profile {
        stage: Some(StageKind::Running),
        legal_form: Some(LegalForm::AutoEntrepreneur),
        ..Profile::default()
    };
    assert_eq!(
        evaluate(&cat.programs[0], &ae, TODAY).verdict,
        Verdict::Eligible
    );
    let company = Profile {
        legal_form: Some(LegalForm::Company),
        ..ae
    };
    assert_eq!(
        evaluate(&cat.programs[0], &company, TODAY).verdict,
        Verdict::Possible
    );
}

#[test]
fn an_informal_holder_is_told_to_register_as_auto_entrepreneur_for_the_larger_microcredit() {
    let microcredit = program(
        "microcredit-150k",
        &[SupportKind::Microcredit],
        Criteria {
            legal_forms: vec![LegalForm::AutoEntrepreneur, LegalForm::Cooperative],
            ..Criteria::default()
        },
    );
    let cat = catalog(vec![microcredit]);
    let r = rank(&cat, &full_profile(), TODAY);
    assert!(r.fits.is_empty());
    assert_eq!(r.near_misses.len(), 1);
    assert_eq!(r.near_misses[0].fixes, vec![Fix::RegisterAutoEntrepreneur]);
}

#[test]
fn an_informal_activity_is_told_to_formalise_when_only_registered_activities_qualify() {
    let p = program(
        "intelaka",
        &[SupportKind::Loan],
        Criteria {
            stages: vec![StageKind::Idea, StageKind::Creating, StageKind::Running],
            legal_forms: vec![LegalForm::AutoEntrepreneur, LegalForm::Company],
            ..Criteria::default()
        },
    );
    let cat = catalog(vec![p]);
    let r = rank(&cat, &full_profile(), TODAY);
    assert_eq!(r.near_misses[0].fixes, vec![Fix::Formalise]);
}

#[test]
fn a_company_is_never_told_to_set_up_a_cooperative() {
    let prize = program(
        "coop-prize",
        &[SupportKind::Grant],
        Criteria {
            legal_forms: vec![LegalForm::Cooperative],
            ..Criteria::default()
        },
    );
    let cat = catalog(vec![prize]);
    let company = Profile {
        stage: Some(StageKind::Running),
        legal_form: Some(LegalForm::Company),
        ..Profile::default()
    };
    let r = rank(&cat, &company, TODAY);
    assert!(r.near_misses.is_empty());
    assert_eq!(ids(&r.others), ["coop-prize"]);
}

#[test]
fn an_auto_entrepreneur_can_grow_into_a_company() {
    let p = program(
        "companies",
        &[SupportKind::Loan],
        Criteria {
            legal_forms: vec![LegalForm::Company],
            ..Criteria::default()
        },
    );
    let cat = catalog(vec![p]);
    let ae = Profile {
        stage: Some(StageKind::Running),
        legal_form: Some(LegalForm::AutoEntrepreneur),
        ..Profile::default()
    };
    assert_eq!(
        rank(&cat, &ae, TODAY).near_misses[0].fixes,
        vec![Fix::CreateCompany]
    );
}

#[test]
fn near_misses_come_lightest_step_first() {
    let coop = program(
        "a-coop",
        &[SupportKind::Grant],
        Criteria {
            legal_forms: vec![LegalForm::Cooperative],
            ..Criteria::default()
        },
    );
    let ae = program(
        "b-ae",
        &[SupportKind::Grant],
        Criteria {
            legal_forms: vec![LegalForm::AutoEntrepreneur],
            ..Criteria::default()
        },
    );
    let cat = catalog(vec![coop, ae]);
    let idea = Profile {
        stage: Some(StageKind::Idea),
        ..Profile::default()
    };
    let r = rank(&cat, &idea, TODAY);
    assert_eq!(ids(&r.near_misses), ["b-ae", "a-coop"]);
}

#[test]
fn a_rule_the_holder_cannot_change_is_not_a_near_miss() {
    let p = program(
        "youth",
        &[SupportKind::Grant],
        Criteria {
            max_age: Some(35),
            legal_forms: vec![LegalForm::AutoEntrepreneur],
            ..Criteria::default()
        },
    );
    let profile = Profile {
        age: Some(50),
        ..full_profile()
    };
    let cat = catalog(vec![p]);
    let r = rank(&cat, &profile, TODAY);
    assert!(r.near_misses.is_empty());
    assert_eq!(r.others.len(), 1);
}

fn pathway(id: &str, steps: &[&str]) -> Pathway {
    Pathway {
        id: id.into(),
        steps: steps.iter().map(|s| s.to_string()).collect(),
        title: text(id),
        explanation: text(id),
        sources: vec![],
    }
}

#[test]
fn a_pathway_is_offered_when_an_earlier_status_step_opens_the_later_program() {
    let status = program(
        "auto-entrepreneur",
        &[SupportKind::Formalisation],
        Criteria {
            max_revenue: Some(500_000),
            ..Criteria::default()
        },
    );
    let microcredit = program(
        "microcredit-150k",
        &[SupportKind::Microcredit],
        Criteria {
            legal_forms: vec![LegalForm::AutoEntrepreneur],
            ..Criteria::default()
        },
    );
    let mut cat = catalog(vec![status, microcredit]);
    cat.pathways.push(pathway(
        "status-then-credit",
        &["auto-entrepreneur", "microcredit-150k"],
    ));
    let r = rank(&cat, &full_profile(), TODAY);
    assert_eq!(r.pathways.len(), 1);
    assert_eq!(r.pathways[0].steps.len(), 2);
}

#[test]
fn a_pathway_with_a_step_out_of_reach_is_not_offered() {
    let honour = in_region("honour", &[SupportKind::HonourLoan], Region::SoussMassa);
    let loan = program("loan", &[SupportKind::Loan], Criteria::default());
    let mut cat = catalog(vec![honour, loan]);
    cat.pathways
        .push(pathway("honour-then-loan", &["honour", "loan"]));
    let r = rank(&cat, &full_profile(), TODAY);
    assert!(r.pathways.is_empty());
}

#[test]
fn the_live_count_is_the_number_of_programs_still_possible() {
    let cat = catalog(vec![
        open_to_all("any", &[SupportKind::Coaching]),
        program(
            "women",
            &[SupportKind::Coaching],
            Criteria {
                gender: Some(Gender::Female),
                ..Criteria::default()
            },
        ),
        program(
            "old",
            &[SupportKind::Coaching],
            Criteria {
                min_age: Some(60),
                ..Criteria::default()
            },
        ),
    ]);
    assert_eq!(count_fits(&cat, &Profile::default(), TODAY), 3);
    assert_eq!(count_fits(&cat, &full_profile(), TODAY), 2);
}

#[test]
fn a_loan_covering_under_a_tenth_of_the_request_is_also_open_not_an_answer() {
    let mut micro = open_to_all("micro", &[SupportKind::Microcredit]);
    micro.criteria.max_amount = Some(150_000);
    let mut guarantee = open_to_all("guarantee", &[SupportKind::Guarantee]);
    guarantee.criteria.max_amount = Some(10_000_000);
    let firm = Profile {
        age: Some(40),
        needs: Some(vec![Need::Financing]),
        amount: Some(Band::exact(5_000_000)),
        ..Profile::default()
    };
    let cat = catalog(vec![micro, guarantee]);
    let r = rank(&cat, &firm, TODAY);
    assert_eq!(ids(&r.fits), ["guarantee"]);
    assert_eq!(ids(&r.also_open), ["micro"]);
    assert_eq!(
        r.also_open[0].partial,
        Some((150_000, Band::exact(5_000_000)))
    );
}

#[test]
fn a_program_covering_half_the_request_ranks_with_those_that_cover_it_all() {
    let mut half = open_to_all("a-half", &[SupportKind::HonourLoan]);
    half.criteria.max_amount = Some(100_000);
    let mut quarter = open_to_all("b-quarter", &[SupportKind::HonourLoan]);
    quarter.criteria.max_amount = Some(50_000);
    let mut unknown = open_to_all("c-unknown", &[SupportKind::HonourLoan]);
    unknown.criteria.max_amount = None;
    let holder = Profile {
        age: Some(30),
        needs: Some(vec![Need::Financing]),
        amount: Some(Band::exact(150_000)),
        ..Profile::default()
    };
    let cat = catalog(vec![quarter, unknown, half]);
    assert_eq!(
        ids(&rank(&cat, &holder, TODAY).fits),
        ["a-half", "c-unknown", "b-quarter"]
    );
}

#[test]
fn a_rule_open_to_almost_every_legal_form_does_not_count_as_aimed_at_the_holder() {
    let broad = program(
        "broad",
        &[SupportKind::Coaching],
        Criteria {
            legal_forms: vec![
                LegalForm::None,
                LegalForm::AutoEntrepreneur,
                LegalForm::Cooperative,
                LegalForm::Company,
            ],
            ..Criteria::default()
        },
    );
    let narrow = program(
        "narrow",
        &[SupportKind::Coaching],
        Criteria {
            legal_forms: vec![LegalForm::Cooperative],
            ..Criteria::default()
        },
    );
    let coop = Profile {
        stage: Some(StageKind::Running),
        legal_form: Some(LegalForm::Cooperative),
        ..Profile::default()
    };
    let cat = catalog(vec![broad, narrow]);
    let r = rank(&cat, &coop, TODAY);
    assert_eq!(ids(&r.fits), ["narrow", "broad"]);
    assert_eq!((r.fits[0].aimed, r.fits[1].aimed), (1, 0));
}

/// docs/ranking.md §3, key 3: a stated need few programs answer (here market access, answered
/// by one program in eleven) is what the holder came for; the program answering it comes before
/// a regional one that answers only a common need. With the rare need not stated, place wins.
#[test]
fn a_rare_stated_need_answered_comes_before_place() {
    let mut programs: Vec<Program> = (0..9)
        .map(|i| open_to_all(&format!("coaching-{i}"), &[SupportKind::Coaching]))
        .collect();
    programs.push(in_region(
        "regional-coaching",
        &[SupportKind::Coaching],
        Region::BeniMellalKhenifra,
    ));
    programs.push(open_to_all("market-access", &[SupportKind::MarketAccess]));
    let c = catalog(programs);
    let mut profile = Profile {
        region: Some(Region::BeniMellalKhenifra),
        age: Some(45),
        needs: Some(vec![Need::MarketAccess, Need::Coaching]),
        ..Profile::default()
    };
    let r = rank(&c, &profile, TODAY);
    assert_eq!(ids(&r.fits)[..2], ["market-access", "regional-coaching"]);
    profile.needs = Some(vec![Need::Coaching]);
    let r = rank(&c, &profile, TODAY);
    assert_eq!(ids(&r.fits)[0], "regional-coaching");
}

#[test]
fn a_place_equals_the_same_place_of_the_same_catalog_and_never_one_of_another_copy() {
    // The interface redraws a ranking only when it changed; a copy of the catalog with another
    // language's texts must count as a change even where every rule is the same.
    let cat = catalog(vec![open_to_all("a", &[SupportKind::Coaching])]);
    let copy = cat.clone();
    let profile = Profile {
        age: Some(30),
        ..Profile::default()
    };
    let once = rank(&cat, &profile, TODAY);
    let again = rank(&cat, &profile, TODAY);
    let other = rank(&copy, &profile, TODAY);
    assert_eq!(once.fits, again.fits);
    assert_eq!(ids(&once.fits), ids(&other.fits));
    assert_ne!(once.fits, other.fits);
}
