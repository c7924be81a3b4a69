//! Profile JSON is read exactly like a share link: one validator, clear messages, no guesses.

use bousla::engine::{Band, Profile, codec};

fn refused(json: &str) -> String {
    Profile::from_json(json).expect_err(json)
}

#[test]
fn ages_outside_15_to_99_are_refused_with_the_field_named() {
    assert!(refused(r#"{"age": 0}"#).contains("`age`"));
    assert!(refused(r#"{"age": 255}"#).contains("`age`"));
    assert_eq!(
        Profile::from_json(r#"{"age": 15}"#).map(|p| p.age),
        Ok(Some(15))
    );
}

#[test]
fn a_need_given_twice_is_refused_rather_than_counted_twice() {
    assert!(refused(r#"{"needs": ["financing", "financing"]}"#).contains("`needs`"));
}

#[test]
fn a_province_outside_the_region_given_is_refused() {
    let e = refused(r#"{"region": "oriental", "province": "azilal"}"#);
    assert!(e.contains("`province`") && e.contains("azilal"), "{e}");
}

#[test]
fn a_json_array_or_a_bare_value_is_refused_with_a_plain_explanation() {
    assert!(refused(r#"[{"age": 30}]"#).contains("one JSON object"));
    assert!(refused("42").contains("one JSON object"));
}

#[test]
fn a_byte_order_mark_as_notepad_writes_it_is_accepted() {
    let p = Profile::from_json("\u{feff}{\"age\": 30}").expect("BOM accepted");
    assert_eq!(p.age, Some(30));
}

#[test]
fn an_amount_is_a_number_or_a_band_and_an_inverted_band_is_refused() {
    let exact = Profile::from_json(r#"{"amount": 500000}"#).expect("exact");
    assert_eq!(exact.amount, Some(Band::exact(500_000)));
    let band = Profile::from_json(r#"{"amount": {"min": 300000, "max": 1200000}}"#).expect("band");
    assert_eq!(
        band.amount,
        Some(Band {
            min: 300_000,
            max: 1_200_000
        })
    );
    assert!(refused(r#"{"amount": {"min": 9, "max": 1}}"#).contains("`amount`"));
    assert!(refused(r#"{"amount": "lots"}"#).contains("band"));
}

#[test]
fn share_links_carry_the_same_band_and_refuse_the_same_profiles() {
    let p = Profile::from_json(
        r#"{"needs": ["financing"], "amount": {"min": 300000, "max": 1200000}}"#,
    )
    .expect("band");
    let code = codec::encode(&p);
    assert!(
        code.starts_with("2.n-financing.m-300000~1200000.e-"),
        "{code}"
    );
    assert_eq!(codec::decode(&code, 2026), Ok(p));
    let sign = |body: &str| format!("{body}.e-{:08x}", codec::crc32(body.as_bytes()));
    for body in ["2.n-financing.m-9~1", "2.r-oriental.p-azilal", "2.a-0"] {
        assert!(codec::decode(&sign(body), 2026).is_err(), "{body}");
        assert!(codec::decode_stored(&body.replacen('2', "1", 1), 2026).is_err());
    }
}
