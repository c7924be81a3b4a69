//! Reads the embedded catalog, written by `build.rs` with postcard, without serde: serde's
//! derived decoders for these records weighed ~18 KB of the browser's wasm (one visitor per
//! record and per element type); this reader is a few small functions over the same bytes.
//!
//! The format (postcard 1): integers wider than a byte as LEB128 varints, `u8` and `bool` as
//! one byte, `Option` as a 0/1 byte then the value, strings and sequences as a varint length
//! then the items, structs as their fields in declaration order, unit enums as their variant's
//! index; dates and provinces as their text. `tests` checks it against postcard on the real
//! catalog, whole and as the browser's structure.

use super::date::Date;
use super::geo::{Province, Region};
use super::schema::{
    Amount, Audience, Catalog, Criteria, Desk, Pathway, Program, Provider, Source,
};
use super::text::Text;
use super::vocab::{
    Area, Confidence, Gender, LegalForm, Residence, Sector, StageKind, Status, SupportKind, Target,
};

/// The catalog in `bytes`; `None` if they are not one (cut, or of another schema).
pub fn catalog(bytes: &[u8]) -> Option<Catalog> {
    let mut r = Reader {
        rest: bytes,
        ok: true,
    };
    let c = Catalog {
        programs: r.list(Reader::program),
        providers: r.list(Reader::provider),
        desks: r.list(Reader::desk),
        pathways: r.list(Reader::pathway),
    };
    (r.ok && r.rest.is_empty()).then_some(c)
}

/// Reads on after a fault, with empty values, and remembers it (`ok`): no early return, so no
/// code to drop the fields read so far at each one (that made most of a first version's size).
struct Reader<'a> {
    rest: &'a [u8],
    ok: bool,
}

impl Reader<'_> {
    fn fault<T>(&mut self, empty: T) -> T {
        self.ok = false;
        self.rest = &[];
        empty
    }

    fn byte(&mut self) -> u8 {
        match self.rest.split_first() {
            Some((b, rest)) => {
                self.rest = rest;
                *b
            }
            None => self.fault(0),
        }
    }

    fn varint(&mut self) -> u64 {
        let mut n = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.byte();
            n |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return n;
            }
        }
        self.fault(0)
    }

    /// A length: never more than the bytes left (each item or byte takes one at least).
    fn len(&mut self) -> usize {
        match usize::try_from(self.varint()) {
            Ok(n) if n <= self.rest.len() => n,
            _ => self.fault(0),
        }
    }

    fn u32(&mut self) -> u32 {
        let n = self.varint();
        u32::try_from(n).unwrap_or_else(|_| self.fault(0))
    }

    fn bool(&mut self) -> bool {
        match self.byte() {
            0 => false,
            1 => true,
            _ => self.fault(false),
        }
    }

    fn str(&mut self) -> &str {
        let n = self.len();
        let (s, rest) = self.rest.split_at(n);
        self.rest = rest;
        match std::str::from_utf8(s) {
            Ok(s) => s,
            Err(_) => self.fault(""),
        }
    }

    fn string(&mut self) -> String {
        self.str().to_string()
    }

    fn opt<T>(&mut self, item: impl FnOnce(&mut Self) -> T) -> Option<T> {
        match self.byte() {
            0 => None,
            1 => Some(item(self)),
            _ => self.fault(None),
        }
    }

    fn list<T>(&mut self, mut item: impl FnMut(&mut Self) -> T) -> Vec<T> {
        let n = self.len();
        let mut v = Vec::with_capacity(n);
        for _ in 0..n {
            if !self.ok {
                break;
            }
            v.push(item(self));
        }
        v
    }

    /// A unit enum's variant, by its index in `all` (its declaration order).
    fn variant<T: Copy>(&mut self, all: &[T]) -> T {
        let i = self.varint();
        match usize::try_from(i).ok().and_then(|i| all.get(i)) {
            Some(v) => *v,
            None => self.fault(all[0]),
        }
    }

    fn date(&mut self) -> Date {
        let s = self.str();
        Date::parse(s).unwrap_or_else(|_| self.fault(Date::ymd(0, 0, 0)))
    }

    fn province(&mut self) -> Province {
        let s = self.str();
        match Province::from_id(s) {
            Some(p) => p,
            None => {
                let first = Province::from_index(0).expect("there are provinces");
                self.fault(first)
            }
        }
    }

    fn region(&mut self) -> Region {
        self.variant(&Region::ALL)
    }

    fn text(&mut self) -> Text {
        Text {
            ar: self.string(),
            fr: self.string(),
            en: self.string(),
        }
    }

    fn sources(&mut self) -> Vec<Source> {
        self.list(|r| Source {
            url: r.string(),
            date: r.opt(Reader::date),
            title: r.opt(Reader::string),
        })
    }

    fn u8(&mut self) -> Option<u8> {
        self.opt(Reader::byte)
    }

    fn u64(&mut self) -> Option<u64> {
        self.opt(Reader::varint)
    }

    fn criteria(&mut self) -> Criteria {
        Criteria {
            regions: self.list(Reader::region),
            provinces: self.list(Reader::province),
            stages: self.list(|r| r.variant(StageKind::ALL)),
            legal_forms: self.list(|r| r.variant(LegalForm::ALL)),
            max_business_age: self.u8(),
            min_business_age: self.u8(),
            min_age: self.u8(),
            max_age: self.u8(),
            gender: self.opt(|r| r.variant(Gender::ALL)),
            area: self.opt(|r| r.variant(Area::ALL)),
            residence: self.list(|r| r.variant(Residence::ALL)),
            sectors: self.list(|r| r.variant(Sector::ALL)),
            excluded_sectors: self.list(|r| r.variant(Sector::ALL)),
            innovative: self.opt(Reader::bool),
            max_revenue: self.u64(),
            min_revenue: self.u64(),
            max_jobs: self.opt(Reader::u32),
            min_jobs: self.opt(Reader::u32),
            max_amount: self.u64(),
            max_project_amount: self.u64(),
            min_amount: self.u64(),
        }
    }

    fn program(&mut self) -> Program {
        Program {
            id: self.string(),
            provider: self.string(),
            kinds: self.list(|r| r.variant(SupportKind::ALL)),
            status: self.variant(Status::ALL),
            confidence: self.variant(Confidence::ALL),
            last_verified: self.opt(Reader::date),
            opens: self.opt(Reader::date),
            closes: self.opt(Reader::date),
            amount: self.opt(|r| Amount {
                min: r.u64(),
                max: r.u64(),
            }),
            reserved_for: self.opt(|r| Audience {
                any_of: r.list(|r| r.variant(Target::ALL)),
                youth_min_age: r.u8(),
                youth_max_age: r.u8(),
                youth_check_up_to: r.u8(),
            }),
            priority_to: self.list(|r| r.variant(Target::ALL)),
            delivered_by: self.list(Reader::string),
            website: self.opt(Reader::string),
            phone: self.opt(Reader::string),
            name: self.text(),
            summary: self.text(),
            benefits: self.text(),
            how_to_apply: self.text(),
            caution: self.opt(Reader::text),
            criteria: self.criteria(),
            sources: self.sources(),
        }
    }

    fn provider(&mut self) -> Provider {
        Provider {
            id: self.string(),
            for_legal_forms: self.list(|r| r.variant(LegalForm::ALL)),
            name: self.text(),
            website: self.opt(Reader::string),
            sources: self.sources(),
        }
    }

    fn desk(&mut self) -> Desk {
        Desk {
            id: self.string(),
            provider: self.string(),
            region: self.opt(Reader::region),
            province: self.opt(Reader::province),
            serves: self.list(Reader::province),
            serves_region: self.bool(),
            serves_across_regions: self.bool(),
            handles: self.list(Reader::string),
            name: self.text(),
            address: self.opt(Reader::string),
            phone: self.opt(Reader::string),
            email: self.opt(Reader::string),
            website: self.opt(Reader::string),
            hours: self.opt(Reader::text),
            last_verified: self.opt(Reader::date),
            sources: self.sources(),
        }
    }

    fn pathway(&mut self) -> Pathway {
        Pathway {
            id: self.string(),
            steps: self.list(Reader::string),
            title: self.text(),
            explanation: self.text(),
            sources: self.sources(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::text_table;

    /// What `build.rs` wrote for this build (natively: the whole catalog, texts included).
    const BYTES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/catalog.postcard"));

    fn real() -> Catalog {
        catalog(BYTES).expect("the embedded catalog reads")
    }

    #[test]
    fn reads_back_exactly_what_postcard_wrote() {
        let c = real();
        assert!(c.programs.len() > 10 && !c.desks.is_empty() && !c.pathways.is_empty());
        assert!(
            c.programs
                .iter()
                .any(|p| !p.name.fr.is_empty() && !p.sources.is_empty())
        );
        // Written again, the same bytes: nothing was read into the wrong field or lost.
        assert_eq!(postcard::to_allocvec(&c).unwrap(), BYTES);
        assert_eq!(postcard::from_bytes::<Catalog>(BYTES).unwrap(), c);
    }

    #[test]
    fn reads_the_browsers_structure() {
        let s = text_table::strip(&real());
        let bytes = postcard::to_allocvec(&s).unwrap();
        assert_eq!(catalog(&bytes), Some(s));
    }

    #[test]
    fn refuses_cut_or_longer_bytes() {
        for cut in [0, 1, BYTES.len() / 2, BYTES.len() - 1] {
            assert_eq!(catalog(&BYTES[..cut]), None, "cut at {cut}");
        }
        let mut longer = BYTES.to_vec();
        longer.push(0);
        assert_eq!(catalog(&longer), None);
    }
}
