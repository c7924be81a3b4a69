//! The catalog's display data, one table per language, so a holder downloads only the language
//! they read. The wasm embeds what the engine needs (ids, criteria, amounts, regions); every
//! text, name, address, link and source is in `catalog-<hash>.<lang>.txt`, in a fixed
//! traversal order, one record separator between entries (see [`for_browser`] for what the
//! browser leaves out). Language-neutral entries (URLs,
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
        out.extend([Slot::Text(&mut p.name), Slot::Text(&mut p.summary)]);
        out.extend(p.caution.as_mut().map(Slot::Text));
        out.extend(opt_plain(&mut p.phone));
    }
    for p in &mut c.providers {
        out.push(Slot::Text(&mut p.name));
    }
    for d in &mut c.desks {
        out.push(Slot::Text(&mut d.name));
        out.extend(d.hours.as_mut().map(Slot::Text));
        for v in [&mut d.address, &mut d.phone, &mut d.email, &mut d.website] {
            out.extend(opt_plain(v));
        }
    }
    for w in &mut c.pathways {
        out.extend([Slot::Text(&mut w.title), Slot::Text(&mut w.explanation)]);
    }
    out
}

/// Every program's benefits, steps to apply and website, in catalog order: a program's page
/// and the printed sheet show them, the results' cards do not. Each language's details are a table of
/// their own (`catalog-<hash>.<lang>-details.txt`), downloaded once the results' first cards
/// are drawn or when a program's page opens: they were 9.5 KB brotli of the 23 KB a holder
/// downloaded before the first card (Arabic).
fn detail_slots(c: &mut Catalog) -> Vec<Slot<'_>> {
    c.programs
        .iter_mut()
        .flat_map(|p| {
            [Slot::Text(&mut p.benefits), Slot::Text(&mut p.how_to_apply)]
                .into_iter()
                .chain(opt_plain(&mut p.website))
        })
        .collect()
}

/// Every program's sources (address and title), in catalog order: the program pages' own
/// table, the same in every language, which the browser downloads when a holder opens a
/// program's page. In the languages' tables they were a third of the bytes (about 13 KB brotli
/// of 39 in Arabic) that the results never show.
fn source_slots(c: &mut Catalog) -> Vec<Slot<'_>> {
    c.programs
        .iter_mut()
        .flat_map(|p| sources(&mut p.sources))
        .collect()
}

/// What the browser gets of the catalog: all of it but the sources of providers, desks and
/// pathways, which the app never shows (a program's sources are on its page), and providers'
/// websites, which it never shows either (desks have their own). The sources were a third
/// of each language's table (17 KB brotli of 49 KB in Arabic). The CLI, the evaluation and the
/// audit read them from `data/catalog`, and validation keeps requiring them.
pub fn for_browser(c: &Catalog) -> Catalog {
    let mut b = c.clone();
    for p in &mut b.providers {
        p.sources.clear();
        p.website = None;
    }
    for d in &mut b.desks {
        d.sources.clear();
    }
    for w in &mut b.pathways {
        w.sources.clear();
    }
    b
}

/// The browser's catalog without its display data (optional fields stay present, empty, to keep
/// the order).
pub fn strip(c: &Catalog) -> Catalog {
    let mut s = for_browser(c);
    slots(&mut s).into_iter().for_each(clear);
    detail_slots(&mut s).into_iter().for_each(clear);
    source_slots(&mut s).into_iter().for_each(clear);
    s
}

fn clear(slot: Slot<'_>) {
    match slot {
        Slot::Text(t) => *t = Text::default(),
        Slot::Plain(p) => p.clear(),
    }
}

/// The programs' sources table (see [`source_slots`]).
pub fn sources_table(c: &Catalog) -> String {
    // Addresses and titles are plain: the same table for every language.
    join(source_slots(&mut c.clone()), Lang::Ar)
}

/// Checks the programs' sources table against the digest this build recorded, then fills the
/// catalog's program sources from it; refuses it as a whole otherwise, like [`decode`] (the
/// browser: [`integrity`], then [`fill_sources`]).
pub fn decode_sources(c: &mut Catalog, table: &str, expected: &str) -> Result<(), String> {
    matches_build(table, expected, "sources")?;
    fill_sources(c, table)
}

/// Fills the catalog's program sources from a table already checked (the browser checks a
/// download against [`integrity`]); refuses one whose entry count is not the catalog's.
pub fn fill_sources(c: &mut Catalog, table: &str) -> Result<(), String> {
    fill_slots(source_slots(c), Lang::Ar, table, "sources")
}

/// One language's table of the programs' details (see [`detail_slots`]).
pub fn details_table(c: &Catalog, lang: Lang) -> String {
    join(detail_slots(&mut c.clone()), lang)
}

/// Checks a language's details table against the digest this build recorded, then fills the
/// programs' benefits and steps from it; refuses it as a whole otherwise, like [`decode`].
pub fn decode_details(
    c: &mut Catalog,
    lang: Lang,
    table: &str,
    expected: &str,
) -> Result<(), String> {
    matches_build(table, expected, "details")?;
    fill_details(c, lang, table)
}

/// Fills the programs' benefits and steps of `lang` from a table already checked.
pub fn fill_details(c: &mut Catalog, lang: Lang, table: &str) -> Result<(), String> {
    fill_slots(detail_slots(c), lang, table, "details")
}

pub fn table(c: &Catalog, lang: Lang) -> String {
    join(slots(&mut c.clone()), lang)
}

fn join(slots: Vec<Slot<'_>>, lang: Lang) -> String {
    let values: Vec<String> = slots
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
    fill_slots(slots(c), lang, table, lang.code())
}

fn fill_slots(slots: Vec<Slot<'_>>, lang: Lang, table: &str, what: &str) -> Result<(), String> {
    let values: Vec<&str> = table.split(SEPARATOR).collect();
    if values.len() != slots.len() {
        return Err(format!(
            "the {what} table has {} entries, the catalog {}",
            values.len(),
            slots.len()
        ));
    }
    for (slot, value) in slots.into_iter().zip(values) {
        let target = match slot {
            Slot::Text(t) => match lang {
                Lang::Ar | Lang::Ary => &mut t.ar,
                Lang::Fr => &mut t.fr,
                Lang::En => &mut t.en,
            },
            Slot::Plain(p) => p,
        };
        *target = value.to_string();
    }
    Ok(())
}

/// Checks a table against the digest this build recorded for its language, then fills the
/// catalog from it (the browser makes the same check natively, with [`integrity`], before
/// [`fill`]): a table cut short, shuffled, from another build or altered on its
/// way is refused as a whole (the entry count alone would let swapped names through).
pub fn decode(c: &mut Catalog, lang: Lang, table: &str, expected: &str) -> Result<(), String> {
    matches_build(table, expected, lang.code())?;
    fill(c, lang, table)
}

/// Refuses a table whose SHA-256 is not the one this build recorded for it.
fn matches_build(table: &str, expected: &str, what: &str) -> Result<(), String> {
    if digest(table) == expected {
        Ok(())
    } else {
        Err(format!(
            "the {what} table does not match this build (cut, reordered or altered)"
        ))
    }
}

/// The SHA-256 of a table, in lowercase hex: what `build.rs` records for each language and
/// [`decode`] checks.
pub fn digest(table: &str) -> String {
    sha256(table.as_bytes())
        .iter()
        .fold(String::with_capacity(64), |mut s, b| {
            s.push(char::from(HEX[usize::from(b >> 4)]));
            s.push(char::from(HEX[usize::from(b & 15)]));
            s
        })
}

const HEX: &[u8; 16] = b"0123456789abcdef";

/// The Subresource Integrity value (`sha256-` and the digest in base64) of a digest written by
/// [`digest`]: the browser checks a download against it natively, off the app's thread, and
/// refuses a file cut, reordered, altered or of another build before the app reads a byte.
/// `None` for anything but 64 hex digits: a value the browser could not parse would make it
/// skip the check, so there is no such fallback.
pub fn integrity(hex_digest: &str) -> Option<String> {
    const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let hex = hex_digest.as_bytes();
    if hex.len() != 64 {
        return None;
    }
    let nibble = |c: u8| HEX.iter().position(|h| *h == c).map(|n| n as u32);
    let mut bytes = [0u8; 32];
    for (b, pair) in bytes.iter_mut().zip(hex.chunks(2)) {
        *b = (nibble(pair[0])? << 4 | nibble(pair[1])?) as u8;
    }
    let mut out = String::from("sha256-");
    for group in bytes.chunks(3) {
        let n = group.iter().fold(0u32, |n, b| n << 8 | u32::from(*b)) << (8 * (3 - group.len()));
        for i in 0..4 {
            out.push(if i <= group.len() {
                char::from(B64[(n >> (18 - 6 * i) & 63) as usize])
            } else {
                '='
            });
        }
    }
    Some(out)
}

/// SHA-256 (FIPS 180-4), small rather than fast: it runs once per table download, and a crate
/// would add to the wasm and to the build script's dependencies.
pub fn sha256(data: &[u8]) -> [u8; 32] {
    const K: [u32; 64] = [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4,
        0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe,
        0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f,
        0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7,
        0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc,
        0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b,
        0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116,
        0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
        0xc67178f2,
    ];
    let mut h: [u32; 8] = [
        0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab,
        0x5be0cd19,
    ];
    let bits = (data.len() as u64).wrapping_mul(8);
    let mut tail = Vec::with_capacity(128);
    tail.extend_from_slice(&data[data.len() / 64 * 64..]);
    tail.push(0x80);
    while tail.len() % 64 != 56 {
        tail.push(0);
    }
    tail.extend_from_slice(&bits.to_be_bytes());
    let whole = &data[..data.len() / 64 * 64];
    for block in whole.chunks_exact(64).chain(tail.chunks_exact(64)) {
        let mut w = [0u32; 64];
        for (i, word) in block.chunks_exact(4).enumerate() {
            w[i] = u32::from_be_bytes([word[0], word[1], word[2], word[3]]);
        }
        for i in 16..64 {
            let s0 = w[i - 15].rotate_right(7) ^ w[i - 15].rotate_right(18) ^ (w[i - 15] >> 3);
            let s1 = w[i - 2].rotate_right(17) ^ w[i - 2].rotate_right(19) ^ (w[i - 2] >> 10);
            w[i] = w[i - 16]
                .wrapping_add(s0)
                .wrapping_add(w[i - 7])
                .wrapping_add(s1);
        }
        let [mut a, mut b, mut c, mut d, mut e, mut f, mut g, mut hh] = h;
        for i in 0..64 {
            let s1 = e.rotate_right(6) ^ e.rotate_right(11) ^ e.rotate_right(25);
            let ch = (e & f) ^ (!e & g);
            let t1 = hh
                .wrapping_add(s1)
                .wrapping_add(ch)
                .wrapping_add(K[i])
                .wrapping_add(w[i]);
            let s0 = a.rotate_right(2) ^ a.rotate_right(13) ^ a.rotate_right(22);
            let maj = (a & b) ^ (a & c) ^ (b & c);
            let t2 = s0.wrapping_add(maj);
            hh = g;
            g = f;
            f = e;
            e = d.wrapping_add(t1);
            d = c;
            c = b;
            b = a;
            a = t1.wrapping_add(t2);
        }
        for (x, y) in h.iter_mut().zip([a, b, c, d, e, f, g, hh]) {
            *x = x.wrapping_add(y);
        }
    }
    let mut out = [0u8; 32];
    for (i, x) in h.iter().enumerate() {
        out[i * 4..i * 4 + 4].copy_from_slice(&x.to_be_bytes());
    }
    out
}

/// Content hash of every table (each language's texts and details, and the sources), in
/// their file names: a new catalog gets new names, so they can be cached forever.
pub fn hash(c: &Catalog) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let tables = Lang::ALL.map(|lang| table(c, lang));
    let details = Lang::ALL.map(|lang| details_table(c, lang));
    for t in tables.iter().chain(&details).chain([&sources_table(c)]) {
        for b in t.bytes().chain([0]) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    format!("{:012x}", h & 0xffff_ffff_ffff)
}

pub fn file_name(hash: &str, lang: Lang) -> String {
    format!("catalog-{hash}.{}.txt", lang.code())
}

/// A language's table of the programs' details: `catalog-<hash>.<lang>-details.txt`.
pub fn details_file_name(hash: &str, lang: Lang) -> String {
    format!("catalog-{hash}.{}-details.txt", lang.code())
}

/// The programs' sources table of a build: `catalog-<hash>.sources.txt`.
pub fn sources_file_name(hash: &str) -> String {
    format!("catalog-{hash}.sources.txt")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn integrity_is_the_digest_in_base64_as_the_browser_reads_it() {
        // `printf abc | openssl dgst -sha256 -binary | base64`
        assert_eq!(
            integrity(&digest("abc")).as_deref(),
            Some("sha256-ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=")
        );
        // `printf '' | openssl dgst -sha256 -binary | base64`
        assert_eq!(
            integrity(&digest("")).as_deref(),
            Some("sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=")
        );
    }

    #[test]
    fn integrity_refuses_what_is_not_a_digest() {
        let good = digest("abc");
        for bad in [
            "",
            &good[..63],
            &format!("{good}0"),
            &good.to_uppercase(),
            &good.replacen('b', "g", 1),
            &good.replacen('b', "é", 1)[..64],
        ] {
            assert_eq!(integrity(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn sha256_matches_the_standard_vectors() {
        let hex = |d: &[u8]| digest(std::str::from_utf8(d).unwrap());
        assert_eq!(
            hex(b""),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
        assert_eq!(
            hex(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        assert_eq!(
            hex(b"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
        );
        let million = "a".repeat(1_000_000);
        assert_eq!(
            digest(&million),
            "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"
        );
        // Lengths around the padding boundary (Python's hashlib).
        for (n, want) in [
            (
                55,
                "d5e285683cd4efc02d021a5c62014694958901005d6f71e89e0989fac77e4072",
            ),
            (
                56,
                "04c26261370ee7541549d16dee320c723e3fd14671e66a099afe0a377c16888e",
            ),
            (
                63,
                "75220b47218278e656f2013bb8f0c455a25eaf01e86c64924e9d48d89776d6f2",
            ),
            (
                64,
                "7ce100971f64e7001e8fe5a51973ecdfe1ced42befe7ee8d5fd6219506b5393c",
            ),
            (
                119,
                "000b48d4edf0fa7bee3c6236ecd2785baa5db4eeb8bb54341b029e0d9fa5fb0c",
            ),
            (
                120,
                "13f05a0b594787f5ecd315edc96141bd3243203d1b7d4f0836f37308b276ba98",
            ),
        ] {
            assert_eq!(digest(&"x".repeat(n)), want, "{n}");
        }
    }
}
