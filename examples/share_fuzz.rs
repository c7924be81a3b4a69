//! Share-link fuzzing: `cargo xtask fuzz [N]` (default one million), or
//! `cargo run --example share_fuzz -- N [SEED]`. Makes random profiles as the questionnaire
//! gives them, encodes each as a version-2 link, damages it the ways links get damaged (cut,
//! a character changed, added, lost or swapped, a field dropped or doubled, a digit changed,
//! several at once) and decodes it. Counts panics and silent misreads (a damaged link read as
//! a profile other than the one it carried): both must be 0, else the exit code is 1. Damage
//! that turns a version-2 link into a complete version-1 link (the version digit rewritten, the
//! end marker removed, and an answer changed: three damages at once) is counted apart: version
//! 1 is read where no cut can change it, and it has no checksum to tell other damage.
//! Version-1 links are cut at every place too (their misreads must also be 0); their
//! single-character changes are counted and reported, not failed: version 1 has no checksum,
//! which is why version 2 exists.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Instant;

use bousla::catalog::{
    Area, Gender, LegalForm, Need, Province, Region, Residence, Sector, StageKind,
};
use bousla::engine::{Band, Profile, codec};
use bousla::questionnaire::{AMOUNT_BANDS, REVENUE_BANDS};

const YEAR: u16 = 2026;

static IN_DECODER: AtomicBool = AtomicBool::new(false);

/// xorshift64*: deterministic for a seed, no dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
    fn pick<T: Copy>(&mut self, from: &[T]) -> T {
        from[self.below(from.len())]
    }
    fn maybe<T>(&mut self, f: impl FnOnce(&mut Rng) -> T) -> Option<T> {
        if self.chance(75) { Some(f(self)) } else { None }
    }
}

fn amount(r: &mut Rng, bands: &[Band]) -> Band {
    match r.below(3) {
        0 => r.pick(bands),
        1 => Band::exact(1 + r.next() % 5_000_000),
        _ => Band::exact(1 + r.next() % 100_000_000_000),
    }
}

fn profile(r: &mut Rng) -> Profile {
    let province = r.maybe(|r| r.below(75)).and_then(Province::from_index);
    let region = province
        .map(Province::region)
        .or_else(|| r.maybe(|r| r.pick(&Region::ALL)));
    let needs = r.maybe(|r| {
        Need::ALL
            .iter()
            .copied()
            .filter(|_| r.chance(40))
            .collect::<Vec<_>>()
    });
    codec::canonical(&Profile {
        region,
        province,
        stage: r.maybe(|r| r.pick(StageKind::ALL)),
        started: r.maybe(|r| YEAR - r.below(40) as u16),
        legal_form: r.maybe(|r| r.pick(LegalForm::ALL)),
        sector: r.maybe(|r| r.pick(Sector::ALL)),
        age: r.maybe(|r| 15 + r.below(85) as u8),
        gender: r.maybe(|r| r.pick(Gender::ALL)),
        area: r.maybe(|r| r.pick(Area::ALL)),
        residence: r.maybe(|r| r.pick(Residence::ALL)),
        needs,
        amount: r.maybe(|r| amount(r, &AMOUNT_BANDS)),
        innovative: r.maybe(|r| r.chance(50)),
        revenue: r.maybe(|r| amount(r, &REVENUE_BANDS)),
        jobs: r.maybe(|r| {
            if r.chance(50) {
                1 + r.below(20) as u32
            } else {
                1 + r.below(100_000) as u32
            }
        }),
    })
}

/// The characters of codes, then a few that a phone, a chat app or a hand might add.
const CODE_CHARS: &[u8] = b"abcdefghijklmnopqrstuvwxyz0123456789.-_~+";
const OTHER_CHARS: &[&str] = &[
    " ", "%", "#", "=", "&", "?", "/", "A", "Z", "E", "\u{0}", "\n", "٢", "\u{a0}", "é",
    "\u{200b}", "\u{202e}",
];

fn random_char(r: &mut Rng) -> String {
    if r.chance(80) {
        (r.pick(CODE_CHARS) as char).to_string()
    } else if r.chance(70) {
        ((r.below(128)) as u8 as char).to_string()
    } else {
        r.pick(OTHER_CHARS).to_string()
    }
}

const KINDS: [&str; 10] = [
    "cut",
    "character changed",
    "character added",
    "character lost",
    "neighbours swapped",
    "field dropped",
    "field doubled",
    "digit changed",
    "checksum changed",
    "2 to 4 of these",
];

/// The link with one kind of damage; characters are whole chars, so the text stays a string.
fn damage(r: &mut Rng, code: &str, kind: usize) -> String {
    let chars: Vec<char> = code.chars().collect();
    let n = chars.len();
    if n < 2 {
        return String::new();
    }
    let s = |v: &[char]| v.iter().collect::<String>();
    match kind {
        0 => s(&chars[..r.below(n)]),
        1 => {
            let i = r.below(n);
            format!("{}{}{}", s(&chars[..i]), random_char(r), s(&chars[i + 1..]))
        }
        2 => {
            let i = r.below(n + 1);
            format!("{}{}{}", s(&chars[..i]), random_char(r), s(&chars[i..]))
        }
        3 => {
            let i = r.below(n);
            format!("{}{}", s(&chars[..i]), s(&chars[i + 1..]))
        }
        4 => {
            let mut v = chars.clone();
            let i = r.below(n.saturating_sub(1));
            v.swap(i, i + 1);
            s(&v)
        }
        5 | 6 => {
            let fields: Vec<&str> = code.split('.').collect();
            let i = r.below(fields.len());
            let mut out: Vec<&str> = Vec::new();
            for (j, f) in fields.iter().enumerate() {
                if j != i || kind == 6 {
                    out.push(f);
                }
                if j == i && kind == 6 {
                    out.push(f);
                }
            }
            out.join(".")
        }
        7 => {
            let digits: Vec<usize> = (0..n).filter(|i| chars[*i].is_ascii_digit()).collect();
            let mut v = chars.clone();
            if !digits.is_empty() {
                let i = r.pick(&digits);
                v[i] = char::from(b'0' + r.below(10) as u8);
            }
            s(&v)
        }
        8 => {
            let mut v = chars.clone();
            let i = n - 1 - r.below(8.min(n));
            v[i] = char::from(r.pick(b"0123456789abcdef"));
            s(&v)
        }
        _ => {
            let mut out = code.to_string();
            for _ in 0..2 + r.below(3) {
                let k = r.below(KINDS.len() - 1);
                if !out.is_empty() {
                    out = damage(r, &out, k);
                }
            }
            out
        }
    }
}

#[derive(Default, Clone, Copy)]
struct Tally {
    tried: u64,
    refused: u64,
    identical: u64,
    misread: u64,
    became_v1: u64,
    panics: u64,
}

fn decode_counted(
    t: &mut Tally,
    damaged: &str,
    original: &Profile,
    original_is_v1: bool,
    show: &mut Vec<String>,
) {
    t.tried += 1;
    IN_DECODER.store(true, Ordering::Relaxed);
    let outcome = catch_unwind(AssertUnwindSafe(|| codec::decode(damaged, YEAR)));
    IN_DECODER.store(false, Ordering::Relaxed);
    match outcome {
        Err(_) => {
            t.panics += 1;
            show.push(format!("PANIC on {damaged:?}"));
        }
        Ok(Err(_)) => t.refused += 1,
        Ok(Ok(p)) if p == *original => t.identical += 1,
        // Damage that rewrote the version to 1 and removed the end marker left a complete
        // version-1 link (version 1 has no checksum); the answers changed too.
        Ok(Ok(_)) if damaged.starts_with("1.") && !original_is_v1 => {
            t.became_v1 += 1;
            show.push(format!("became a version-1 link: {damaged:?}"));
        }
        Ok(Ok(_)) => {
            t.misread += 1;
            show.push(format!("MISREAD {damaged:?}"));
        }
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let total: u64 = args
        .first()
        .and_then(|a| a.replace(['_', ','], "").parse().ok())
        .unwrap_or(1_000_000);
    let seed: u64 = args.get(1).and_then(|a| a.parse().ok()).unwrap_or(1);
    // Panics inside the decoder are counted, not printed; any other one is a harness bug.
    let default_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if !IN_DECODER.load(Ordering::Relaxed) {
            default_hook(info);
        }
    }));
    let mut r = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
    let start = Instant::now();
    let mut by_kind = [Tally::default(); KINDS.len()];
    let mut shown = Vec::new();
    let mut profiles = 0u64;
    let mut sum_len = 0usize;
    let mut done = 0u64;
    while done < total {
        let p = profile(&mut r);
        let code = codec::encode(&p);
        profiles += 1;
        sum_len += code.len();
        // The link itself reads back.
        if codec::decode(&code, YEAR).as_ref() != Ok(&p) {
            shown.push(format!("VALID LINK NOT READ {code:?}"));
            by_kind[0].misread += 1;
        }
        for _ in 0..20 {
            if done >= total {
                break;
            }
            let kind = r.below(KINDS.len());
            let damaged = damage(&mut r, &code, kind);
            decode_counted(&mut by_kind[kind], &damaged, &p, false, &mut shown);
            done += 1;
        }
    }
    let secs = start.elapsed().as_secs_f64();

    // Version 1: every cut of links made from fresh profiles; and single-character changes.
    let mut v1_cuts = Tally::default();
    let mut v1_changes = Tally::default();
    let mut v1_links = 0u64;
    let mut v1_read_whole = 0u64;
    let mut v1_shown = Vec::new();
    while v1_cuts.tried < (total / 10).max(1000) {
        let p = profile(&mut r);
        let v2 = codec::encode(&p);
        let v1 = format!("1{}", &v2[1..v2.rfind(".e-").unwrap_or(v2.len())]);
        v1_links += 1;
        if codec::decode(&v1, YEAR).is_ok() {
            v1_read_whole += 1;
        }
        for cut in 0..v1.len() {
            decode_counted(&mut v1_cuts, &v1[..cut], &p, true, &mut shown);
        }
        for _ in 0..10 {
            let damaged = damage(&mut r, &v1, 1);
            decode_counted(&mut v1_changes, &damaged, &p, true, &mut v1_shown);
        }
    }

    let sum = by_kind.iter().fold(Tally::default(), |a, t| Tally {
        tried: a.tried + t.tried,
        refused: a.refused + t.refused,
        identical: a.identical + t.identical,
        misread: a.misread + t.misread,
        became_v1: a.became_v1 + t.became_v1,
        panics: a.panics + t.panics,
    });
    println!(
        "share-link fuzz (seed {seed}): {} damaged version-2 links from {profiles} profiles (mean link {} characters) in {secs:.1} s",
        sum.tried,
        sum_len / profiles.max(1) as usize
    );
    println!(
        "  {} panics, {} silent misreads; {} refused, {} read back identical (damage that changed nothing)",
        sum.panics, sum.misread, sum.refused, sum.identical
    );
    println!(
        "  {} turned into a complete version-1 link with other answers (3 or more damages at once, \
         one rewriting the version digit, one removing the end marker: read as version 1 has \
         no checksum)",
        sum.became_v1
    );
    for (name, t) in KINDS.iter().zip(by_kind) {
        println!(
            "  {name:<20} {:>9} tried {:>9} refused {:>7} identical {} misread {} became version 1 {} panics",
            t.tried, t.refused, t.identical, t.misread, t.became_v1, t.panics
        );
    }
    println!(
        "version 1: {v1_links} links ({v1_read_whole} read whole as links, the rest refused as possibly cut); \
         {} cuts: {} refused, {} misread, {} panics; {} single-character changes: {} read as another profile (no checksum in version 1, reported only)",
        v1_cuts.tried,
        v1_cuts.refused,
        v1_cuts.misread,
        v1_cuts.panics,
        v1_changes.tried,
        v1_changes.misread
    );
    for line in shown.iter().take(20) {
        println!("  {line}");
    }
    let bad = sum.panics + sum.misread + v1_cuts.misread + v1_cuts.panics + v1_changes.panics;
    if bad > 0 {
        println!("FAILED: {bad} panics or misreads");
        std::process::exit(1);
    }
}
