//! Each rule of a program, checked against a holder's answers: met, unmet, or unknown when the
//! holder skipped the question.

mod support;

use bousla::catalog::*;
use bousla::engine::*;
use support::*;

fn outcome(criteria: Criteria, profile: &Profile) -> Outcome {
    let p = program("p", &[SupportKind::Loan], criteria);
    let checks = explain(&p, profile, YEAR);
    assert_eq!(checks.len(), 1, "one rule gives one check");
    checks[0].outcome
}

fn with(f: impl FnOnce(&mut Profile)) -> Profile {
    let mut p = Profile::default();
    f(&mut p);
    p
}

#[test]
fn region_rule_needs_the_holders_region() {
    let c = Criteria {
        regions: vec![Region::SoussMassa],
        ..Criteria::default()
    };
    assert_eq!(
        outcome(c.clone(), &with(|p| p.region = Some(Region::SoussMassa))),
        Outcome::Met
    );
    assert_eq!(
        outcome(c.clone(), &with(|p| p.region = Some(Region::Oriental))),
        Outcome::Unmet
    );
    assert_eq!(outcome(c, &Profile::default()), Outcome::Unknown);
}

#[test]
fn region_is_deduced_from_the_province() {
    let c = Criteria {
        regions: vec![Region::BeniMellalKhenifra],
        ..Criteria::default()
    };
    assert_eq!(
        outcome(c, &with(|p| p.province = Province::from_id("azilal"))),
        Outcome::Met
    );
}

#[test]
fn province_rule_is_unmet_as_soon_as_the_region_has_none_of_the_provinces() {
    let azilal = Province::from_id("azilal").expect("azilal is a province");
    let c = Criteria {
        provinces: vec![azilal],
        ..Criteria::default()
    };
    assert_eq!(
        outcome(c.clone(), &with(|p| p.region = Some(Region::SoussMassa))),
        Outcome::Unmet
    );
    assert_eq!(
        outcome(
            c.clone(),
            &with(|p| p.region = Some(Region::BeniMellalKhenifra))
        ),
        Outcome::Unknown
    );
    assert_eq!(
        outcome(c, &with(|p| p.province = Some(azilal))),
        Outcome::Met
    );
}

#[test]
fn stage_rule() {
    let c = Criteria {
        stages: vec![StageKind::Idea, StageKind::Creating],
        ..Criteria::default()
    };
    assert_eq!(
        outcome(c.clone(), &with(|p| p.stage = Some(StageKind::Idea))),
        Outcome::Met
    );
    assert_eq!(
        outcome(c.clone(), &with(|p| p.stage = Some(StageKind::Running))),
        Outcome::Unmet
    );
    assert_eq!(outcome(c, &Profile::default()), Outcome::Unknown);
}

#[test]
fn an_idea_or_an_informal_activity_has_no_legal_status_yet() {
    let c = Criteria {
        legal_forms: vec![LegalForm::AutoEntrepreneur],
        ..Criteria::default()
    };
    assert_eq!(
        outcome(c.clone(), &with(|p| p.stage = Some(StageKind::Informal))),
        Outcome::Unmet
    );
    assert_eq!(
        outcome(c.clone(), &with(|p| p.stage = Some(StageKind::Idea))),
        Outcome::Unmet
    );
    assert_eq!(
        outcome(c.clone(), &with(|p| p.stage = Some(StageKind::Running))),
        Outcome::Unknown
    );
    assert_eq!(
        outcome(
            c,
            &with(|p| p.legal_form = Some(LegalForm::AutoEntrepreneur))
        ),
        Outcome::Met
    );
}

#[test]
fn business_age_counts_calendar_years_and_new_projects_are_zero() {
    let c = Criteria {
        max_business_age: Some(5),
        ..Criteria::default()
    };
    let running = |year| {
        with(|p| {
            p.stage = Some(StageKind::Running);
            p.started = Some(year);
        })
    };
    assert_eq!(outcome(c.clone(), &running(2021)), Outcome::Met);
    assert_eq!(outcome(c.clone(), &running(2020)), Outcome::Unmet);
    assert_eq!(
        outcome(c.clone(), &with(|p| p.stage = Some(StageKind::Idea))),
        Outcome::Met
    );
    assert_eq!(
        outcome(c.clone(), &with(|p| p.stage = Some(StageKind::Running))),
        Outcome::Unknown
    );
    let min = Criteria {
        min_business_age: Some(2),
        ..Criteria::default()
    };
    assert_eq!(outcome(min.clone(), &running(2025)), Outcome::Unmet);
    assert_eq!(outcome(min, &running(2024)), Outcome::Met);
}

#[test]
fn age_bounds_are_inclusive() {
    let c = Criteria {
        min_age: Some(18),
        max_age: Some(35),
        ..Criteria::default()
    };
    for (age, expected) in [
        (17, Outcome::Unmet),
        (18, Outcome::Met),
        (35, Outcome::Met),
        (36, Outcome::Unmet),
    ] {
        assert_eq!(
            outcome(c.clone(), &with(|p| p.age = Some(age))),
            expected,
            "age {age}"
        );
    }
    assert_eq!(outcome(c, &Profile::default()), Outcome::Unknown);
}

#[test]
fn women_only_rule() {
    let c = Criteria {
        gender: Some(Gender::Female),
        ..Criteria::default()
    };
    assert_eq!(
        outcome(c.clone(), &with(|p| p.gender = Some(Gender::Female))),
        Outcome::Met
    );
    assert_eq!(
        outcome(c.clone(), &with(|p| p.gender = Some(Gender::Male))),
        Outcome::Unmet
    );
    assert_eq!(outcome(c, &Profile::default()), Outcome::Unknown);
}

#[test]
fn rural_only_rule() {
    let c = Criteria {
        area: Some(Area::Rural),
        ..Criteria::default()
    };
    assert_eq!(
        outcome(c.clone(), &with(|p| p.area = Some(Area::Urban))),
        Outcome::Unmet
    );
    assert_eq!(
        outcome(c, &with(|p| p.area = Some(Area::Rural))),
        Outcome::Met
    );
}

#[test]
fn residence_rule_lets_moroccans_abroad_in_when_listed() {
    let c = Criteria {
        residence: vec![Residence::Morocco],
        ..Criteria::default()
    };
    assert_eq!(
        outcome(c.clone(), &with(|p| p.residence = Some(Residence::Abroad))),
        Outcome::Unmet
    );
    let both = Criteria {
        residence: vec![Residence::Morocco, Residence::Abroad],
        ..Criteria::default()
    };
    assert_eq!(
        outcome(both, &with(|p| p.residence = Some(Residence::Abroad))),
        Outcome::Met
    );
}

#[test]
fn sector_lists_and_exclusions() {
    let only = Criteria {
        sectors: vec![Sector::Agriculture],
        ..Criteria::default()
    };
    assert_eq!(
        outcome(
            only.clone(),
            &with(|p| p.sector = Some(Sector::Agriculture))
        ),
        Outcome::Met
    );
    assert_eq!(
        outcome(only, &with(|p| p.sector = Some(Sector::Digital))),
        Outcome::Unmet
    );
    let except = Criteria {
        excluded_sectors: vec![Sector::RealEstate],
        ..Criteria::default()
    };
    assert_eq!(
        outcome(
            except.clone(),
            &with(|p| p.sector = Some(Sector::RealEstate))
        ),
        Outcome::Unmet
    );
    assert_eq!(
        outcome(except.clone(), &with(|p| p.sector = Some(Sector::Commerce))),
        Outcome::Met
    );
    assert_eq!(outcome(except, &Profile::default()), Outcome::Unknown);
}

#[test]
fn innovative_only_rule() {
    let c = Criteria {
        innovative: Some(true),
        ..Criteria::default()
    };
    assert_eq!(
        outcome(c.clone(), &with(|p| p.innovative = Some(true))),
        Outcome::Met
    );
    assert_eq!(
        outcome(c, &with(|p| p.innovative = Some(false))),
        Outcome::Unmet
    );
}

#[test]
fn revenue_ceiling_and_a_project_not_started_has_no_revenue() {
    let c = Criteria {
        max_revenue: Some(10_000_000),
        ..Criteria::default()
    };
    assert_eq!(
        outcome(
            c.clone(),
            &with(|p| p.revenue = Some(Band::exact(12_000_000)))
        ),
        Outcome::Unmet
    );
    assert_eq!(
        outcome(
            c.clone(),
            &with(|p| p.revenue = Some(Band::exact(10_000_000)))
        ),
        Outcome::Met
    );
    assert_eq!(
        outcome(c.clone(), &with(|p| p.stage = Some(StageKind::Idea))),
        Outcome::Met
    );
    assert_eq!(
        outcome(c, &with(|p| p.stage = Some(StageKind::Running))),
        Outcome::Unknown
    );
}

#[test]
fn jobs_bounds() {
    let c = Criteria {
        max_jobs: Some(10),
        ..Criteria::default()
    };
    assert_eq!(
        outcome(c.clone(), &with(|p| p.jobs = Some(11))),
        Outcome::Unmet
    );
    assert_eq!(outcome(c, &with(|p| p.jobs = Some(3))), Outcome::Met);
}

#[test]
fn the_most_a_program_finances_is_not_a_wall() {
    let c = Criteria {
        max_amount: Some(150_000),
        ..Criteria::default()
    };
    assert_eq!(
        outcome(c.clone(), &with(|p| p.amount = Some(Band::exact(200_000)))),
        Outcome::Met
    );
    assert_eq!(
        outcome(c.clone(), &with(|p| p.amount = Some(Band::exact(150_000)))),
        Outcome::Met
    );
    assert_eq!(outcome(c, &Profile::default()), Outcome::Unknown);
}

#[test]
fn a_minimum_investment_and_a_project_cap_are_rules() {
    let min = Criteria {
        min_amount: Some(1_000_000),
        ..Criteria::default()
    };
    assert_eq!(
        outcome(
            min.clone(),
            &with(|p| p.amount = Some(Band::exact(800_000)))
        ),
        Outcome::Unmet
    );
    assert_eq!(
        outcome(
            min,
            &with(|p| p.amount = Some(Band {
                min: 300_000,
                max: 1_200_000
            }))
        ),
        Outcome::Unknown
    );
    let cap = Criteria {
        max_project_amount: Some(300_000),
        ..Criteria::default()
    };
    assert_eq!(
        outcome(
            cap.clone(),
            &with(|p| p.amount = Some(Band::exact(400_000)))
        ),
        Outcome::Unmet
    );
    assert_eq!(
        outcome(
            cap,
            &with(|p| p.amount = Some(Band {
                min: 0,
                max: 300_000
            }))
        ),
        Outcome::Met
    );
}

#[test]
fn a_revenue_band_straddling_a_ceiling_is_to_check() {
    let c = Criteria {
        max_revenue: Some(500_000),
        ..Criteria::default()
    };
    let band = |min, max| with(|p| p.revenue = Some(Band { min, max }));
    assert_eq!(
        outcome(c.clone(), &band(300_000, 1_200_000)),
        Outcome::Unknown
    );
    assert_eq!(outcome(c.clone(), &band(0, 300_000)), Outcome::Met);
    assert_eq!(outcome(c, &band(600_000, 1_200_000)), Outcome::Unmet);
}

#[test]
fn verdicts_follow_the_worst_check() {
    let c = Criteria {
        min_age: Some(18),
        gender: Some(Gender::Female),
        ..Criteria::default()
    };
    let p = program("p", &[SupportKind::Loan], c);
    let adult_woman = with(|p| {
        p.age = Some(30);
        p.gender = Some(Gender::Female);
    });
    assert_eq!(verdict(&p, &adult_woman, YEAR), Verdict::Eligible);
    assert_eq!(
        verdict(&p, &with(|p| p.age = Some(30)), YEAR),
        Verdict::Possible
    );
    assert_eq!(
        verdict(&p, &with(|p| p.age = Some(16)), YEAR),
        Verdict::NotEligible
    );
    assert_eq!(
        verdict(
            &program("none", &[SupportKind::Coaching], Criteria::default()),
            &Profile::default(),
            YEAR
        ),
        Verdict::Eligible
    );
}
