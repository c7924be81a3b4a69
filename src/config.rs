//! Options a partner or a kiosk sets in the URL (or through the embed snippet's data
//! attributes, which embed.js passes on as URL parameters). Every bad value falls back to its
//! default with a warning; nothing here can break the page.
//!
//! | option | values | default |
//! |---|---|---|
//! | `lang` | `ar`, `ary` (Darija), `fr`, `en` | the holder's last choice, else `ar` |
//! | `region` | a region id: locks the region question | none |
//! | `featured` | a provider id: its programs first in each group | none |
//! | `theme` | `#rgb` or `#rrggbb`, dark enough for white text (contrast ≥ 4.5) | `#0b5cad` |
//! | `compact` | `1`/`0`: smaller header for embedding | `0` |
//! | `mode` | `kiosk`; `adviser`: every question on one page beside the results, nothing stored | none |
//! | `idle` | seconds before a kiosk wipes the session, 5–3600 | `90` |
//! | `embed` | `1`: report the content height to the parent page | `0` |
//! | `counts` | `1`: a kiosk keeps anonymous office counts (`src/counts/`); needs `mode=kiosk` and `staff` | `0` |
//! | `staff` | `SALT.HASH` of the staff code, as `catalog staff-code` prints it (never the code) | none |

use crate::catalog::{Lang, Region};
use crate::counts::code::StaffCode;

pub const DEFAULT_IDLE_SECONDS: u32 = 90;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Config {
    pub lang: Option<Lang>,
    pub region: Option<Region>,
    pub featured: Option<String>,
    pub theme: Option<String>,
    pub compact: bool,
    pub kiosk: bool,
    /// `mode=adviser`: an adviser at a desk with a holder: every question on one page beside
    /// the results, and nothing written to the device's storage.
    pub adviser: bool,
    pub idle_seconds: u32,
    pub embed: bool,
    /// Office counts are kept (a kiosk with `counts=1` and a staff code); see `src/counts/`.
    pub counts: bool,
    /// The staff code's salt and hash, which opens the counts.
    pub staff: Option<StaffCode>,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            lang: None,
            region: None,
            featured: None,
            theme: None,
            compact: false,
            kiosk: false,
            adviser: false,
            idle_seconds: DEFAULT_IDLE_SECONDS,
            embed: false,
            counts: false,
            staff: None,
        }
    }
}

/// Parses a query string (`?lang=fr&region=oriental`). Returns the config and one warning per
/// option that was ignored. `provider_exists` checks `featured` against the catalog.
pub fn parse(query: &str, provider_exists: impl Fn(&str) -> bool) -> (Config, Vec<String>) {
    let mut c = Config::default();
    let mut warnings = Vec::new();
    let query = query.strip_prefix('?').unwrap_or(query);
    for pair in query.split('&').filter(|p| !p.is_empty()) {
        let (key, raw) = pair.split_once('=').unwrap_or((pair, ""));
        let value = percent_decode(raw);
        let mut bad =
            |why: &str| warnings.push(format!("Bousla: ignored {key}={}: {why}", clip(&value)));
        match key {
            "lang" => match Lang::from_code(&value) {
                Some(l) => c.lang = Some(l),
                None => bad("use ar, fr or en"),
            },
            "region" => match Region::from_id(&value) {
                Some(r) => c.region = Some(r),
                None => bad("not a region id"),
            },
            "featured" => {
                if provider_exists(&value) {
                    c.featured = Some(value.clone());
                } else {
                    bad("no such provider in the catalog");
                }
            }
            "theme" => match theme_colour(&value) {
                Ok(hex) => c.theme = Some(hex),
                Err(why) => bad(why),
            },
            "compact" => match flag(&value) {
                Some(b) => c.compact = b,
                None => bad("use 1 or 0"),
            },
            "embed" => match flag(&value) {
                Some(b) => c.embed = b,
                None => bad("use 1 or 0"),
            },
            "mode" => match value.as_str() {
                "kiosk" => (c.kiosk, c.adviser) = (true, false),
                "adviser" => (c.kiosk, c.adviser) = (false, true),
                "" | "web" => (c.kiosk, c.adviser) = (false, false),
                _ => bad("use kiosk or adviser"),
            },
            "idle" => match value.parse::<u32>() {
                Ok(s) if (5..=3600).contains(&s) => c.idle_seconds = s,
                _ => bad("use a number of seconds from 5 to 3600"),
            },
            "counts" => match flag(&value) {
                Some(b) => c.counts = b,
                None => bad("use 1 or 0"),
            },
            "staff" => match StaffCode::parse(&value) {
                Ok(code) => c.staff = Some(code),
                // Never echoed: an office may have typed the code itself here.
                Err(why) => warnings.push(format!("Bousla: ignored staff: {why}")),
            },
            _ => warnings.push(format!("Bousla: unknown option `{}`", clip(key))),
        }
    }
    // Counts only on a kiosk (a holder's own phone keeps nothing of the kind), and only with a
    // staff code: without one, nobody could read or export them.
    if c.counts && !(c.kiosk && c.staff.is_some()) {
        warnings.push(
            "Bousla: ignored counts=1: office counts need mode=kiosk and a staff code (staff=…)"
                .to_string(),
        );
        c.counts = false;
    }
    (c, warnings)
}

impl Config {
    /// Whether the holder's answers and language are kept on the device between visits: not on
    /// a kiosk (the next person), not at an adviser's desk (the next holder).
    pub fn stores(&self) -> bool {
        !self.kiosk && !self.adviser
    }
}

fn clip(s: &str) -> String {
    s.chars().take(40).collect()
}

fn flag(v: &str) -> Option<bool> {
    match v {
        "1" | "true" | "" => Some(true),
        "0" | "false" => Some(false),
        _ => None,
    }
}

/// `%23` and `+` as a browser writes them; invalid escapes are kept as typed.
fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' if i + 2 < bytes.len() => {
                let hex = std::str::from_utf8(&bytes[i + 1..i + 3])
                    .ok()
                    .and_then(|h| u8::from_str_radix(h, 16).ok());
                match hex {
                    Some(b) => {
                        out.push(b);
                        i += 3;
                    }
                    None => {
                        out.push(b'%');
                        i += 1;
                    }
                }
            }
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            b => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// A partner's colour, accepted when white text on it stays readable (WCAG AA, 4.5:1).
pub fn theme_colour(v: &str) -> Result<String, &'static str> {
    let hex = v.strip_prefix('#').unwrap_or(v);
    // Hex digits only: `u8::from_str_radix` alone reads `+0` as 0, so `+0+0+0` would pass as
    // black and then be an invalid CSS colour (white text on white).
    if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err("use #rgb or #rrggbb (hex digits 0-9, a-f)");
    }
    let full: String = match hex.len() {
        3 => hex.chars().flat_map(|c| [c, c]).collect(),
        6 => hex.to_string(),
        _ => return Err("use #rgb or #rrggbb"),
    };
    let channel = |i: usize| {
        full.get(i..i + 2)
            .and_then(|h| u8::from_str_radix(h, 16).ok())
    };
    let (Some(r), Some(g), Some(b)) = (channel(0), channel(2), channel(4)) else {
        return Err("use #rgb or #rrggbb");
    };
    let lin = |c: u8| {
        let c = f64::from(c) / 255.0;
        if c <= 0.039_28 {
            c / 12.92
        } else {
            pow_2_4((c + 0.055) / 1.055)
        }
    };
    let luminance = 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
    let contrast_with_white = 1.05 / (luminance + 0.05);
    if contrast_with_white < 4.5 {
        return Err("too light: white text on it would be hard to read");
    }
    Ok(format!("#{}", full.to_ascii_lowercase()))
}

/// `x` to the power 2.4, for `x` in [0.09, 1] (sRGB's curve): x² times the square of x's fifth
/// root, found by Newton's method. `f64::powf` brought 1.4 KB of libm into the wasm for this
/// one use.
fn pow_2_4(x: f64) -> f64 {
    // From 1, the iteration falls monotonically onto the root (0.6 or more here) and is
    // within 1e-15 of it after these steps.
    let mut y = 1.0_f64;
    for _ in 0..12 {
        let y4 = y * y * y * y;
        y -= (y4 * y - x) / (5.0 * y4);
    }
    x * x * y * y
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_srgb_curve_matches_the_standard_power() {
        for i in 10..=255 {
            let x = (f64::from(i) / 255.0 + 0.055) / 1.055;
            let (ours, std) = (pow_2_4(x), x.powf(2.4));
            assert!((ours - std).abs() < 1e-12, "{i}: {ours} against {std}");
        }
    }

    fn cfg(q: &str) -> (Config, Vec<String>) {
        parse(q, |p| p == "ccis")
    }

    #[test]
    fn reads_every_option() {
        let (c, w) = cfg(
            "?lang=fr&region=oriental&featured=ccis&theme=%23004488&compact=1&mode=kiosk&idle=30&embed=1",
        );
        assert!(w.is_empty(), "{w:?}");
        assert_eq!(c.lang, Some(Lang::Fr));
        assert_eq!(c.region, Some(Region::Oriental));
        assert_eq!(c.featured.as_deref(), Some("ccis"));
        assert_eq!(c.theme.as_deref(), Some("#004488"));
        assert!(c.compact && c.kiosk && c.embed);
        assert_eq!(c.idle_seconds, 30);
    }

    #[test]
    fn bad_values_fall_back_to_defaults_with_a_warning() {
        let (c, w) = cfg(
            "lang=de&region=atlantis&featured=nobody&theme=%23ffff00&compact=maybe&mode=tv&idle=2&x=1",
        );
        assert_eq!(c, Config::default());
        assert_eq!(w.len(), 8, "{w:?}");
    }

    #[test]
    fn adviser_mode_stores_nothing_and_a_bad_mode_names_both() {
        let (c, w) = cfg("mode=adviser&embed=1");
        assert!(c.adviser && !c.kiosk && c.embed && w.is_empty(), "{w:?}");
        assert!(!c.stores());
        assert!(cfg("mode=kiosk").0.kiosk && !cfg("mode=kiosk").0.stores());
        assert!(cfg("").0.stores());
        // The last mode wins, never both.
        let (c, _) = cfg("mode=adviser&mode=kiosk");
        assert!(c.kiosk && !c.adviser);
        let (c, w) = cfg("mode=Adviser");
        assert!(!c.adviser && !c.kiosk);
        assert_eq!(w, ["Bousla: ignored mode=Adviser: use kiosk or adviser"]);
    }

    #[test]
    fn light_colours_are_refused_for_contrast() {
        assert!(theme_colour("#fff").is_err());
        assert!(theme_colour("#0b5cad").is_ok());
        assert!(theme_colour("red").is_err());
        assert_eq!(theme_colour("#036"), Ok("#003366".to_string()));
    }

    #[test]
    fn only_hex_digits_make_a_colour() {
        for bad in [
            "+0+0+0",
            "#+0+0+0",
            "#+00+00+00",
            "-0-0-0",
            "#0 0 0 ",
            "#00000g",
            "#٠٠٠",
            "#0x0",
            "##000",
            "#0000",
            "",
        ] {
            assert!(theme_colour(bad).is_err(), "{bad}");
        }
        // As embed.js passes `data-theme="+0+0+0"` (percent-encoded) and as a URL types it.
        let (c, w) = cfg("theme=%2B0%2B0%2B0");
        assert_eq!((c.theme, w.len()), (None, 1));
        assert!(w[0].contains("ignored theme=+0+0+0"), "{w:?}");
        let (c, w) = cfg("theme=+0+0+0");
        assert_eq!((c.theme, w.len()), (None, 1));
    }

    #[test]
    fn counts_need_a_kiosk_and_a_staff_code() {
        let staff = StaffCode::new("a1b2c3d4", "code-of-the-office").option();
        let (c, w) = cfg(&format!("mode=kiosk&counts=1&staff={staff}"));
        assert!(c.counts && w.is_empty(), "{w:?}");
        assert_eq!(c.staff.as_ref().map(StaffCode::option), Some(staff.clone()));
        // In any order.
        let (c, _) = cfg(&format!("staff={staff}&counts=1&mode=kiosk"));
        assert!(c.counts);
        for q in [
            format!("counts=1&staff={staff}"),
            "mode=kiosk&counts=1".to_string(),
            "mode=kiosk&counts=1&staff=code-of-the-office".to_string(),
        ] {
            let (c, w) = cfg(&q);
            assert!(!c.counts, "{q}");
            assert!(w.iter().any(|w| w.contains("counts=1")), "{q}: {w:?}");
        }
        let (c, w) = cfg("mode=kiosk&counts=0");
        assert!(!c.counts && w.is_empty());
    }

    #[test]
    fn empty_and_garbage_queries_are_harmless() {
        for q in ["", "?", "&&&", "=", "lang", "%", "%zz=%", "theme=%E2%82"] {
            let _ = cfg(q);
        }
    }
}
