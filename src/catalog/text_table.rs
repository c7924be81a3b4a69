//! The catalog's display data, one table per language, so a holder downloads only the language
//! they read. The wasm embeds what the engine needs (ids, criteria, amounts, regions); every
//! text, name, address, link and source is in `catalog-<hash>.<lang>.txt`, in a fixed
//! traversal order, one record separator between entries. Language-neutral entries (URLs,
//! phone numbers) are repeated in each table so one download is enough.

use super::schema::{Catalog, Source};
use super::text::{Lang, Text};

/// ASCII record separator: never typed in catalog text.
pub const SEPARATOR: char = '\u{1E}';

/// A place in the catalog that holds display data.
enum Slot<'a> {
    Text(&'a mut Text),
    Plain(&'a mut String),
}

fn opt_plain(v: &mut Option<String>) -> Option<Slot<'_>> {
    v.as_mut().map(Slot::Plain)
}

fn sources(v: &mut [Source]) -> impl Iterator<Item = Slot<'_>> {
    v.iter_mut().flat_map(|s| {
        std::iter::once(Slot::Plain(&mut s.url)).chain(s.title.as_mut().map(Slot::Plain))
    })
}

/// Every display slot, in the order the tables list them.
fn slots(c: &mut Catalog) -> Vec<Slot<'_>> {
    let mut out = Vec::new();
    for p in &mut c.programs {
        out.extend([
            Slot::Text(&mut p.name),
            Slot::Text(&mut p.summary),
            Slot::Text(&mut p.benefits),
            Slot::Text(&mut p.how_to_apply),
        ]);
        out.extend(p.caution.as_mut().map(Slot::Text));
        out.extend(opt_plain(&mut p.website));
        out.extend(opt_plain(&mut p.phone));
        out.extend(sources(&mut p.sources));
    }
    for p in &mut c.providers {
        out.push(Slot::Text(&mut p.name));
        out.extend(opt_plain(&mut p.website));
        out.extend(sources(&mut p.sources));
    }
    for d in &mut c.desks {
        out.push(Slot::Text(&mut d.name));
        out.extend(d.hours.as_mut().map(Slot::Text));
        for v in [&mut d.address, &mut d.phone, &mut d.email, &mut d.website] {
            out.extend(opt_plain(v));
        }
        out.extend(sources(&mut d.sources));
    }
    for w in &mut c.pathways {
        out.extend([Slot::Text(&mut w.title), Slot::Text(&mut w.explanation)]);
        out.extend(sources(&mut w.sources));
    }
    out
}

/// The catalog without its display data (optional fields stay present, empty, to keep the order).
pub fn strip(c: &Catalog) -> Catalog {
    let mut s = c.clone();
    for slot in slots(&mut s) {
        match slot {
            Slot::Text(t) => *t = Text::default(),
            Slot::Plain(p) => p.clear(),
        }
    }
    s
}

pub fn table(c: &Catalog, lang: Lang) -> String {
    let mut copy = c.clone();
    let values: Vec<String> = slots(&mut copy)
        .into_iter()
        .map(|slot| match slot {
            Slot::Text(t) => t.get(lang).to_string(),
            Slot::Plain(p) => p.clone(),
        })
        .collect();
    values.join(&SEPARATOR.to_string())
}

/// Fills one language's display data from its table; refuses a table of another build.
pub fn fill(c: &mut Catalog, lang: Lang, table: &str) -> Result<(), String> {
    let slots = slots(c);
    let values: Vec<&str> = table.split(SEPARATOR).collect();
    if values.len() != slots.len() {
        return Err(format!(
            "the {} table has {} entries, the catalog {}",
            lang.code(),
            values.len(),
            slots.len()
        ));
    }
    for (slot, value) in slots.into_iter().zip(values) {
        let target = match slot {
            Slot::Text(t) => match lang {
                Lang::Ar => &mut t.ar,
                Lang::Fr => &mut t.fr,
                Lang::En => &mut t.en,
            },
            Slot::Plain(p) => p,
        };
        *target = value.to_string();
    }
    Ok(())
}

/// Content hash of the three tables, in the tables' file names: a new catalog gets new names,
/// so they can be cached forever.
pub fn hash(c: &Catalog) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for lang in Lang::ALL {
        for b in table(c, lang).bytes().chain([0]) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    format!("{:012x}", h & 0xffff_ffff_ffff)
}

pub fn file_name(hash: &str, lang: Lang) -> String {
    format!("catalog-{hash}.{}.txt", lang.code())
}
