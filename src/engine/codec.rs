//! A compact, versioned text form of a profile for share links (in the URL fragment) and for
//! the copy kept in localStorage: `1.r-souss_massa.s-informal.y-2023.n-financing+coaching`.
//! Only URL-fragment-safe characters, no name or free text, and a decoder that refuses
//! anything it does not fully understand instead of guessing.

use std::fmt::Write;

use crate::catalog::{
    Area, Gender, LegalForm, Need, Province, Region, Residence, Sector, StageKind,
};

use super::profile::{Band, Profile};

pub const VERSION: u32 = 1;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DecodeError {
    Empty,
    /// Written by a newer Bousla.
    FutureVersion(u32),
    BadVersion,
    /// A field this version does not know, or a value out of range.
    BadField(String),
    TooLong,
}

const MAX_LEN: usize = 600;

pub fn encode(p: &Profile) -> String {
    let mut s = VERSION.to_string();
    let mut put = |k: &str, v: &str| {
        let _ = write!(s, ".{k}-{v}");
    };
    if let Some(v) = p.region {
        put("r", v.id());
    }
    if let Some(v) = p.province {
        put("p", v.id());
    }
    if let Some(v) = p.stage {
        put("s", v.id());
    }
    if let Some(v) = p.started {
        put("y", &v.to_string());
    }
    if let Some(v) = p.legal_form {
        put("f", v.id());
    }
    if let Some(v) = p.sector {
        put("c", v.id());
    }
    if let Some(v) = p.age {
        put("a", &v.to_string());
    }
    if let Some(v) = p.gender {
        put("g", v.id());
    }
    if let Some(v) = p.area {
        put("z", v.id());
    }
    if let Some(v) = p.residence {
        put("h", v.id());
    }
    if let Some(v) = &p.needs {
        let ids: Vec<&str> = v.iter().map(|n| n.id()).collect();
        put("n", if ids.is_empty() { "none" } else { "" });
        if !ids.is_empty() {
            s.push_str(&ids.join("+"));
        }
    }
    let mut put = |k: &str, v: String| {
        let _ = write!(s, ".{k}-{v}");
    };
    if let Some(v) = p.amount {
        put("m", band(v));
    }
    if let Some(v) = p.innovative {
        put("i", u8::from(v).to_string());
    }
    if let Some(v) = p.revenue {
        put("v", band(v));
    }
    if let Some(v) = p.jobs {
        put("j", v.to_string());
    }
    s
}

/// `500000` for an exact amount, `300000~1200000` for a band.
fn band(b: Band) -> String {
    if b.is_exact() {
        b.min.to_string()
    } else {
        format!("{}~{}", b.min, b.max)
    }
}

fn parse_band(v: &str) -> Option<Band> {
    match v.split_once('~') {
        None => v.parse().ok().map(Band::exact),
        Some((lo, hi)) => Some(Band {
            min: lo.parse().ok()?,
            max: hi.parse().ok()?,
        }),
    }
}

pub fn decode(s: &str) -> Result<Profile, DecodeError> {
    let s = s.trim();
    if s.is_empty() {
        return Err(DecodeError::Empty);
    }
    if s.len() > MAX_LEN {
        return Err(DecodeError::TooLong);
    }
    let mut parts = s.split('.');
    let version: u32 = parts
        .next()
        .and_then(|v| v.parse().ok())
        .ok_or(DecodeError::BadVersion)?;
    if version > VERSION {
        return Err(DecodeError::FutureVersion(version));
    }
    if version == 0 {
        return Err(DecodeError::BadVersion);
    }
    let mut p = Profile::default();
    let mut seen = String::new();
    for part in parts {
        let bad = || DecodeError::BadField(part.chars().take(40).collect());
        let (k, v) = part.split_once('-').ok_or_else(bad)?;
        if k.len() != 1 || seen.contains(k) {
            return Err(bad());
        }
        seen.push_str(k);
        fn id<T>(v: &str, f: impl Fn(&str) -> Option<T>) -> Option<T> {
            f(v)
        }
        let ok = match k {
            "r" => id(v, Region::from_id).map(|x| p.region = Some(x)),
            "p" => id(v, Province::from_id).map(|x| p.province = Some(x)),
            "s" => id(v, StageKind::from_id).map(|x| p.stage = Some(x)),
            "y" => v
                .parse()
                .ok()
                .filter(|y| (1900..=2100).contains(y))
                .map(|x| p.started = Some(x)),
            "f" => id(v, LegalForm::from_id).map(|x| p.legal_form = Some(x)),
            "c" => id(v, Sector::from_id).map(|x| p.sector = Some(x)),
            "a" => v
                .parse()
                .ok()
                .filter(|a| super::profile::limits::AGE.contains(a))
                .map(|x| p.age = Some(x)),
            "g" => id(v, Gender::from_id).map(|x| p.gender = Some(x)),
            "z" => id(v, Area::from_id).map(|x| p.area = Some(x)),
            "h" => id(v, Residence::from_id).map(|x| p.residence = Some(x)),
            "n" if v == "none" => {
                p.needs = Some(Vec::new());
                Some(())
            }
            "n" => v
                .split('+')
                .map(Need::from_id)
                .collect::<Option<Vec<_>>>()
                .filter(|n| {
                    let mut d = n.clone();
                    d.sort();
                    d.dedup();
                    d.len() == n.len()
                })
                .map(|x| p.needs = Some(x)),
            "m" => parse_band(v).map(|x| p.amount = Some(x)),
            "i" => match v {
                "0" => {
                    let _: () = p.innovative = Some(false);
                    Some(())
                }
                "1" => {
                    let _: () = p.innovative = Some(true);
                    Some(())
                }
                _ => None,
            },
            "v" => parse_band(v).map(|x| p.revenue = Some(x)),
            "j" => v.parse().ok().map(|x| p.jobs = Some(x)),
            _ => None,
        };
        ok.ok_or_else(bad)?;
    }
    p.check()
        .map_err(|e| DecodeError::BadField(e.field.to_string()))?;
    Ok(p)
}
