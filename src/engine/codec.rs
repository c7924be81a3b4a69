//! A compact text form of a profile for share links (in the URL fragment) and for the copy kept
//! in localStorage. Version 2:
//!
//! `2.r-souss_massa.s-informal.y-2023.n-financing+coaching.m-0~50000.e-1c9b53a0`
//!
//! the version, then one `key-value` field per answer in the order of [`KEYS`], then the end
//! marker `e-` with the CRC-32 of everything before it, as 8 lowercase hex digits. Only
//! URL-fragment-safe characters, no name or free text.
//!
//! The decoder refuses anything it does not fully understand instead of guessing:
//! - a code cut anywhere has no end marker (the marker is the last field, and `.e-` occurs
//!   nowhere else);
//! - a changed, added or lost character breaks the checksum (CRC-32 catches every change of
//!   one byte, and every burst of up to 32 bits, by construction; other damage with odds of
//!   one in four billion);
//! - there is one way to write a profile: fields in the table's order, numbers without leading
//!   zeros, `+` or spaces, needs in their fixed order. A code is accepted only if encoding what
//!   it decodes to gives back the very same text;
//! - after decoding, the shared validator [`Profile::check`] (the one profile JSON goes through),
//!   no start year after this year, and the questionnaire's own pruning
//!   ([`Question::prune`]): a code carrying answers the questionnaire never gives together
//!   (an idea with a revenue, a province without its region, an amount without a need for
//!   financing) is refused, not pruned — Bousla never writes one, so it was altered.
//!
//! Version 1 (`1.r-…`, the same fields with no end marker and no checksum) is still read where a
//! cut cannot change its meaning: a link is read only if no longer version-1 link the
//! questionnaire could have produced starts with it, i.e. no later field could follow its last
//! one (no later question applies to those answers) and its last value cannot be the beginning
//! of a longer valid value (`m-1` of `m-1200000`, `n-financing` of `n-financing+coaching`).
//! In practice: links ending with the innovation answer of an idea or a project in creation,
//! or with a job count a tenfold cannot reach. Every other version-1 link is refused with the
//! notice. Stored answers (localStorage, which no one cuts in transit) are read in version 1
//! whole: see [`decode_stored`].
//!
//! The codec reads what the questionnaire produces, so it uses the questionnaire's pruning
//! and its table of questions (src/questionnaire.rs) rather than a copy of either.

use std::fmt::Write;

use crate::catalog::{
    Area, Gender, LegalForm, Need, Province, Region, Residence, Sector, StageKind,
};
use crate::questionnaire::Question;

use super::profile::{Band, Profile, limits};

pub const VERSION: u32 = 2;

/// The key of the end marker, the last field of a version-2 code: `.e-<crc32 hex>`.
const END: char = 'e';
const CHECKSUM_DIGITS: usize = 8;
/// Longer than any code the encoder writes (about 300 characters with every answer).
const MAX_LEN: usize = 600;

/// The one table of keys, read by the encoder and the decoder: each answer's key, in the order
/// the fields are written (the order version 1 wrote them in too).
pub const KEYS: [(char, Question); 15] = [
    ('r', Question::Region),
    ('p', Question::Province),
    ('s', Question::Stage),
    ('y', Question::Started),
    ('f', Question::LegalForm),
    ('c', Question::Sector),
    ('a', Question::Age),
    ('g', Question::Gender),
    ('z', Question::Area),
    ('h', Question::Residence),
    ('n', Question::Needs),
    ('m', Question::Amount),
    ('i', Question::Innovative),
    ('v', Question::Revenue),
    ('j', Question::Jobs),
];

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DecodeError {
    Empty,
    TooLong,
    BadVersion,
    /// Written by a newer Bousla.
    FutureVersion(u32),
    /// No end marker: the code was cut, or is not a share code.
    Unterminated,
    /// The checksum does not match: a character was changed, added or lost.
    Checksum,
    /// A field this version does not know, out of order, twice, or a value out of range.
    BadField(String),
    /// Readable, but not written the one way Bousla writes it (leading zeros, `+`, spaces…).
    NotCanonical,
    /// Answers the questionnaire never gives together (an idea with a revenue, a start year
    /// in the future…).
    Incoherent,
    /// A version-1 link that a cut could have shortened without a trace.
    MaybeCut,
}

/// What the encoder keeps of a profile: the questionnaire's pruning (answers to questions that
/// do not apply are dropped) and needs in their fixed order, once each.
pub fn canonical(p: &Profile) -> Profile {
    let mut p = p.clone();
    Question::prune(&mut p);
    if let Some(n) = &mut p.needs {
        super::small_sort_by(n, |a, b| a < b);
        n.dedup();
    }
    p
}

/// The version-2 code of a profile (of its [`canonical`] form).
pub fn encode(p: &Profile) -> String {
    let mut s = VERSION.to_string();
    push_fields(&mut s, &canonical(p));
    let sum = crc32(s.as_bytes());
    let _ = write!(s, ".{END}-{sum:08x}");
    s
}

/// The fields of a profile as written, each preceded by a dot.
fn push_fields(s: &mut String, p: &Profile) {
    for (key, q) in KEYS {
        if let Some(v) = value(q, p) {
            let _ = write!(s, ".{key}-{v}");
        }
    }
}

/// An answer as written in a code.
fn value(q: Question, p: &Profile) -> Option<String> {
    let id = |v: &'static str| Some(v.to_string());
    match q {
        Question::Region => p.region.and_then(|v| id(v.id())),
        Question::Province => p.province.and_then(|v| id(v.id())),
        Question::Stage => p.stage.and_then(|v| id(v.id())),
        Question::Started => p.started.map(|v| v.to_string()),
        Question::LegalForm => p.legal_form.and_then(|v| id(v.id())),
        Question::Sector => p.sector.and_then(|v| id(v.id())),
        Question::Age => p.age.map(|v| v.to_string()),
        Question::Gender => p.gender.and_then(|v| id(v.id())),
        Question::Area => p.area.and_then(|v| id(v.id())),
        Question::Residence => p.residence.and_then(|v| id(v.id())),
        Question::Needs => p.needs.as_ref().map(|n| {
            if n.is_empty() {
                "none".to_string()
            } else {
                n.iter().map(|x| x.id()).collect::<Vec<_>>().join("+")
            }
        }),
        Question::Amount => p.amount.map(band),
        Question::Innovative => p.innovative.map(|v| u8::from(v).to_string()),
        Question::Revenue => p.revenue.map(band),
        Question::Jobs => p.jobs.map(|v| v.to_string()),
    }
}

/// `500000` for an exact amount, `300000~1200000` for a band.
fn band(b: Band) -> String {
    if b.is_exact() {
        b.min.to_string()
    } else {
        format!("{}~{}", b.min, b.max)
    }
}

/// A whole number as the encoder writes it: ASCII digits, no sign, no leading zero.
fn number<T: std::str::FromStr>(v: &str) -> Option<T> {
    let canonical = !v.is_empty()
        && v.len() <= 12
        && v.bytes().all(|b| b.is_ascii_digit())
        && (v == "0" || !v.starts_with('0'));
    if canonical { v.parse().ok() } else { None }
}

fn parse_band(v: &str) -> Option<Band> {
    match v.split_once('~') {
        None => number(v).map(Band::exact),
        Some((lo, hi)) => {
            let b = Band {
                min: number(lo)?,
                max: number(hi)?,
            };
            // A band is written only when it is one: `5~5` is `5`.
            (b.min < b.max).then_some(b)
        }
    }
}

/// Reads one answer into `p`; `None` when the value is not one this field takes.
fn set(q: Question, p: &mut Profile, v: &str) -> Option<()> {
    match q {
        Question::Region => p.region = Some(Region::from_id(v)?),
        Question::Province => p.province = Some(Province::from_id(v)?),
        Question::Stage => p.stage = Some(StageKind::from_id(v)?),
        Question::Started => p.started = Some(number(v)?),
        Question::LegalForm => p.legal_form = Some(LegalForm::from_id(v)?),
        Question::Sector => p.sector = Some(Sector::from_id(v)?),
        Question::Age => p.age = Some(number(v)?),
        Question::Gender => p.gender = Some(Gender::from_id(v)?),
        Question::Area => p.area = Some(Area::from_id(v)?),
        Question::Residence => p.residence = Some(Residence::from_id(v)?),
        Question::Needs => {
            p.needs = Some(if v == "none" {
                Vec::new()
            } else {
                v.split('+')
                    .map(Need::from_id)
                    .collect::<Option<Vec<_>>>()?
            })
        }
        Question::Amount => p.amount = Some(parse_band(v)?),
        Question::Innovative => {
            p.innovative = Some(match v {
                "0" => false,
                "1" => true,
                _ => return None,
            })
        }
        Question::Revenue => p.revenue = Some(parse_band(v)?),
        Question::Jobs => p.jobs = Some(number(v)?),
    }
    Some(())
}

/// CRC-32 (IEEE 802.3, as zip and PNG use it), bit by bit: codes are short, and a table would
/// weigh on the wasm.
pub fn crc32(bytes: &[u8]) -> u32 {
    let mut c = !0u32;
    for &b in bytes {
        c ^= u32::from(b);
        for _ in 0..8 {
            c = (c >> 1) ^ (0xEDB8_8320 & (c & 1).wrapping_neg());
        }
    }
    !c
}

/// Where a code comes from: a link may have been cut on its way, stored answers not.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Origin {
    Link,
    Storage,
}

/// Reads a share link's code (what follows `#a=`). `this_year` refuses a start year in the
/// future.
pub fn decode(s: &str, this_year: u16) -> Result<Profile, DecodeError> {
    decode_from(s, this_year, Origin::Link)
}

/// Reads the copy of the answers kept in localStorage: version 2 exactly as a link; version 1
/// whole (no one cuts localStorage in transit), with the same validation otherwise.
pub fn decode_stored(s: &str, this_year: u16) -> Result<Profile, DecodeError> {
    decode_from(s, this_year, Origin::Storage)
}

fn decode_from(s: &str, this_year: u16, from: Origin) -> Result<Profile, DecodeError> {
    if s.is_empty() {
        return Err(DecodeError::Empty);
    }
    if s.len() > MAX_LEN {
        return Err(DecodeError::TooLong);
    }
    let version_text = s.split('.').next().unwrap_or(s);
    let version: u32 = number(version_text).ok_or(DecodeError::BadVersion)?;
    match version {
        2 => {
            let (body, end) = s.rsplit_once('.').ok_or(DecodeError::Unterminated)?;
            let sum = end
                .strip_prefix(END)
                .and_then(|e| e.strip_prefix('-'))
                .filter(|h| {
                    h.len() == CHECKSUM_DIGITS
                        && h.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
                })
                .and_then(|h| u32::from_str_radix(h, 16).ok())
                .ok_or(DecodeError::Unterminated)?;
            if crc32(body.as_bytes()) != sum {
                return Err(DecodeError::Checksum);
            }
            let (p, _) = fields(body, this_year)?;
            Ok(p)
        }
        1 => {
            let (p, last) = fields(s, this_year)?;
            if from == Origin::Link && could_continue(&p, last, this_year) {
                return Err(DecodeError::MaybeCut);
            }
            Ok(p)
        }
        0 => Err(DecodeError::BadVersion),
        v => Err(DecodeError::FutureVersion(v)),
    }
}

/// The last field of a code and its value as written.
type LastField<'a> = Option<(Question, &'a str)>;

/// The profile written in `body` (the version and its fields, no end marker), checked; and the
/// last field with its value as written.
fn fields(body: &str, this_year: u16) -> Result<(Profile, LastField<'_>), DecodeError> {
    let mut p = Profile::default();
    let mut next_key = 0;
    let mut last = None;
    for part in body.split('.').skip(1) {
        let bad = || DecodeError::BadField(part.chars().take(40).collect());
        let (k, v) = part.split_once('-').ok_or_else(bad)?;
        let mut chars = k.chars();
        let (Some(k), None) = (chars.next(), chars.next()) else {
            return Err(bad());
        };
        // Keys in the table's order, once each.
        let i = KEYS[next_key..]
            .iter()
            .position(|(key, _)| *key == k)
            .map(|i| i + next_key)
            .ok_or_else(bad)?;
        let q = KEYS[i].1;
        set(q, &mut p, v).ok_or_else(bad)?;
        next_key = i + 1;
        last = Some((q, v));
    }
    p.check()
        .map_err(|e| DecodeError::BadField(e.field.to_string()))?;
    if p.started.is_some_and(|y| y > this_year) {
        return Err(DecodeError::Incoherent);
    }
    if canonical(&p) != p {
        return Err(DecodeError::Incoherent);
    }
    let mut again = body.split('.').next().unwrap_or_default().to_string();
    push_fields(&mut again, &p);
    if again != body {
        return Err(DecodeError::NotCanonical);
    }
    Ok((p, last))
}

/// Whether a longer version-1 link the questionnaire could have produced starts with this one
/// (whose answers are `p` and last field `last`): then a cut cannot be told apart.
fn could_continue(p: &Profile, last: LastField<'_>, this_year: u16) -> bool {
    let after = last.map_or(0, |(q, _)| {
        KEYS.iter().position(|(_, k)| *k == q).map_or(0, |i| i + 1)
    });
    // A later field: its question applies to these answers (it depends on earlier ones only).
    if KEYS[after..].iter().any(|(_, q)| q.applies(p)) {
        return true;
    }
    let Some((q, v)) = last else {
        return false;
    };
    fn longer_id(v: &str, ids: impl Iterator<Item = &'static str>) -> bool {
        ids.into_iter()
            .any(|id| id.len() > v.len() && id.starts_with(v))
    }
    // More digits: a canonical number never starts with 0, and grows at least tenfold.
    let more_digits = |v: &str, max: u64| {
        v != "0" && number::<u64>(v).is_some_and(|n| n.saturating_mul(10) <= max)
    };
    match q {
        Question::Region => longer_id(v, Region::ALL.iter().map(|x| x.id())),
        Question::Province => longer_id(v, (0..).map_while(Province::from_index).map(Province::id)),
        Question::Stage => longer_id(v, StageKind::ALL.iter().map(|x| x.id())),
        Question::LegalForm => longer_id(v, LegalForm::ALL.iter().map(|x| x.id())),
        Question::Sector => longer_id(v, Sector::ALL.iter().map(|x| x.id())),
        Question::Gender => longer_id(v, Gender::ALL.iter().map(|x| x.id())),
        Question::Area => longer_id(v, Area::ALL.iter().map(|x| x.id())),
        Question::Residence => longer_id(v, Residence::ALL.iter().map(|x| x.id())),
        Question::Started => more_digits(v, u64::from(this_year)),
        Question::Age => more_digits(v, u64::from(*limits::AGE.end())),
        Question::Jobs => more_digits(v, u64::from(*limits::JOBS.end())),
        Question::Needs => {
            let last_need = v.rsplit('+').next().unwrap_or(v);
            v != "none"
                && (longer_id(last_need, Need::ALL.iter().map(|x| x.id()))
                    || Need::from_id(last_need).is_some_and(|n| Need::ALL.iter().any(|m| *m > n)))
        }
        // An exact amount may be the start of a band (`5000` of `5000~150000`); a band's top
        // may have lost digits.
        Question::Amount | Question::Revenue => match v.split_once('~') {
            None => true,
            Some((_, hi)) => more_digits(hi, limits::AMOUNT_MAX),
        },
        Question::Innovative => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const YEAR: u16 = 2026;

    fn idea() -> Profile {
        Profile {
            region: Some(Region::Oriental),
            stage: Some(StageKind::Idea),
            age: Some(28),
            needs: Some(vec![Need::Financing, Need::Coaching]),
            amount: Some(Band {
                min: 300_000,
                max: 1_200_000,
            }),
            innovative: Some(false),
            ..Profile::default()
        }
    }

    #[test]
    fn crc32_is_the_standard_one() {
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
        assert_eq!(crc32(b""), 0);
    }

    #[test]
    fn a_code_ends_with_its_checksum_and_reads_back() {
        let code = encode(&idea());
        assert!(
            code.starts_with(
                "2.r-oriental.s-idea.a-28.n-financing+coaching.m-300000~1200000.i-0.e-"
            ),
            "{code}"
        );
        assert_eq!(code.len(), code.rfind(".e-").unwrap() + 3 + 8);
        assert_eq!(decode(&code, YEAR), Ok(idea()));
        assert_eq!(decode_stored(&code, YEAR), Ok(idea()));
        let empty = encode(&Profile::default());
        assert_eq!(decode(&empty, YEAR), Ok(Profile::default()));
    }

    #[test]
    fn every_cut_is_refused() {
        let code = encode(&idea());
        for cut in 0..code.len() {
            assert!(decode(&code[..cut], YEAR).is_err(), "{}", &code[..cut]);
        }
    }

    #[test]
    fn non_canonical_forms_are_refused_even_with_a_right_checksum() {
        let sign = |body: &str| format!("{body}.e-{:08x}", crc32(body.as_bytes()));
        assert!(decode(&sign("2.r-oriental"), YEAR).is_ok());
        for body in [
            "2.a-028",
            "2.a-+28",
            "2.a- 28",
            "2.a-28 ",
            "2.m-00150000",
            "2.m-5~5",
            "2.s-idea.r-oriental",
            "2.r-oriental.r-oriental",
            "2.n-coaching+financing",
            "2.n-financing+financing",
            "02.r-oriental",
            " 2.r-oriental",
            "2.R-oriental",
        ] {
            assert!(decode(&sign(body), YEAR).is_err(), "{body}");
        }
        // Uppercase hex is not how the encoder writes the checksum.
        let code = sign("2.r-oriental");
        assert!(decode(&code.to_uppercase(), YEAR).is_err());
    }

    #[test]
    fn answers_the_questionnaire_never_gives_together_are_refused() {
        let sign = |body: &str| format!("{body}.e-{:08x}", crc32(body.as_bytes()));
        for body in [
            "2.s-idea.v-100000",
            "2.s-idea.y-2020",
            "2.s-running.y-2027",
            "2.p-azilal",
            "2.n-coaching.m-50000",
            "2.s-informal.f-company",
        ] {
            assert_eq!(
                decode(&sign(body), YEAR),
                Err(DecodeError::Incoherent),
                "{body}"
            );
        }
        // Out of the shared validator's bounds.
        assert!(decode(&sign("2.a-14"), YEAR).is_err());
        assert!(decode(&sign("2.r-oriental.p-azilal"), YEAR).is_err());
        // Encoding prunes the same answers.
        let p = Profile {
            stage: Some(StageKind::Idea),
            revenue: Some(Band::exact(5)),
            ..Profile::default()
        };
        assert_eq!(decode(&encode(&p), YEAR).map(|d| d.revenue), Ok(None));
    }

    #[test]
    fn versions() {
        assert_eq!(decode("", YEAR), Err(DecodeError::Empty));
        assert_eq!(decode("x", YEAR), Err(DecodeError::BadVersion));
        assert_eq!(decode("0.r-oriental", YEAR), Err(DecodeError::BadVersion));
        assert_eq!(
            decode("3.r-oriental.e-00000000", YEAR),
            Err(DecodeError::FutureVersion(3))
        );
        assert_eq!(decode("2.r-oriental", YEAR), Err(DecodeError::Unterminated));
        assert_eq!(
            decode("2.r-oriental.e-00000000", YEAR),
            Err(DecodeError::Checksum)
        );
        assert_eq!(decode(&"2".repeat(700), YEAR), Err(DecodeError::TooLong));
    }

    #[test]
    fn version_1_is_read_only_where_a_cut_cannot_change_it() {
        // An idea that answered the last question that applies to it: nothing could follow.
        let whole = "1.r-oriental.s-idea.a-28.n-financing+coaching.m-300000~1200000.i-0";
        assert_eq!(decode(whole, YEAR), Ok(idea()));
        for cut in 0..whole.len() {
            assert!(decode(&whole[..cut], YEAR).is_err(), "{}", &whole[..cut]);
        }
        // A running activity may still have its revenue and jobs after `i`: refused…
        let running = "1.r-oriental.s-running.y-2020.n-none.i-1";
        assert_eq!(decode(running, YEAR), Err(DecodeError::MaybeCut));
        // …but read whole from storage.
        assert!(decode_stored(running, YEAR).is_ok());
        // The cuts the issue found: `m-1200000` → `m-1`, a need dropped.
        for cut in [
            "1.s-idea.n-financing+coaching.m-1",
            "1.s-idea.n-financing",
            "1.s-idea.a-2",
        ] {
            assert!(decode(cut, YEAR).is_err(), "{cut}");
        }
        // Jobs that a tenfold cannot reach, or 0, end a link for good.
        assert!(decode("1.s-running.j-20000", YEAR).is_ok());
        assert!(decode("1.s-running.j-0", YEAR).is_ok());
        assert_eq!(decode("1.s-running.j-12", YEAR), Err(DecodeError::MaybeCut));
        // Version 1 had no checksum: its non-canonical forms are refused too.
        assert!(decode_stored("1.a-028", YEAR).is_err());
        assert!(decode_stored("1.r-oriental.e-00000000", YEAR).is_err());
    }
}
