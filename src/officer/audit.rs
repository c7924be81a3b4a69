//! `catalog audit`: what a program officer should look at next, computed from the catalog alone
//! (no network). Pure: the day is a parameter, so the tests fix it.
//!
//! - **Oldest checks**: programs and desks by freshness — `last_verified` when a person checked
//!   the record, else the date of its newest dated source — oldest first; records with neither
//!   come first of all.
//! - **Old sources**: sources dated more than [`OLD_SOURCE_YEARS`] years before today. A partial
//!   date counts as its last possible day (`2024` is 2024-12-31), so only sources certainly that
//!   old are listed. Records whose *newest* dated source is that old are listed apart: they rest
//!   on old facts.
//! - **Closing**: programs whose `closes` is within [`CLOSING_SOON_DAYS`] days, or past (with
//!   their status: past its date but still `open` needs a new date or `closed`), and announced
//!   programs whose `opens` has passed.
//! - **Desks**: without a phone; without a precise address (see [`is_precise_address`]),
//!   leaving out national and online desks (no region), which have no counter to find.
//! - **No door**: for each region, the programs a holder there can reach (no `regions` /
//!   `provinces` rule excluding it) for which no desk of the program's provider, of a
//!   `delivered_by` provider, or one that `handles` it serves that region (seated there or
//!   listing one of its provinces in `serves`), and no such desk is national.
//! - **Confidence** and **status** counts of programs.

use serde::Serialize;

use crate::catalog::{
    Catalog, Confidence, Date, Desk, Freshness, Program, Region, Source, Status, newest_source,
};

/// Sources older than this many years are listed.
pub const OLD_SOURCE_YEARS: u16 = 2;
/// A program closing within this many days is "closing soon" (as the app says).
pub const CLOSING_SOON_DAYS: i64 = 60;

/// A program or a desk, with how fresh it is.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Fresh {
    /// `program` or `desk`.
    pub kind: &'static str,
    pub id: String,
    /// `checked` (last_verified), `source` (newest dated source) or `none`.
    pub basis: &'static str,
    /// The date of that basis; absent for `none`.
    pub date: Option<String>,
}

/// A dated source older than two years.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct OldSource {
    /// `program`, `provider`, `desk` or `pathway`.
    pub kind: &'static str,
    pub id: String,
    pub url: String,
    pub date: String,
}

/// A record whose newest dated source is older than two years.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RestsOnOld {
    pub kind: &'static str,
    pub id: String,
    pub newest_source: String,
    /// The record's `last_verified`, when someone checked it anyway.
    pub last_verified: Option<String>,
}

/// A program with a date the officer must act on.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Dated {
    pub id: String,
    pub status: &'static str,
    pub date: String,
    /// Days from today to the date: negative when it has passed.
    pub days: i64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct DeskGap {
    pub id: String,
    /// Region id; absent for national and online desks.
    pub region: Option<&'static str>,
    pub address: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct NoDoor {
    pub region: &'static str,
    /// Program ids a holder of the region can reach but no desk there or nationally delivers.
    pub programs: Vec<String>,
}

/// The same gaps by program: the regions (of those the program reaches) without a door.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct NoDoorProgram {
    pub program: String,
    pub regions: Vec<&'static str>,
    /// True when no region the program reaches has a door: no desk delivers it at all.
    pub nowhere: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Count {
    pub value: &'static str,
    pub programs: usize,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Totals {
    pub programs: usize,
    pub providers: usize,
    pub desks: usize,
    pub pathways: usize,
}

/// How many programs and desks are checked, dated by a source only, or neither.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct FreshnessCounts {
    pub checked: usize,
    pub source_dated: usize,
    pub unknown: usize,
}

/// The whole audit; `catalog audit --json` prints it as is (documented in docs/catalog.md).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Audit {
    pub today: String,
    pub totals: Totals,
    pub program_freshness: FreshnessCounts,
    pub desk_freshness: FreshnessCounts,
    /// Every program and desk, oldest first.
    pub oldest: Vec<Fresh>,
    pub old_sources: Vec<OldSource>,
    pub resting_on_old_sources: Vec<RestsOnOld>,
    /// `closes` within 60 days from today (days ≥ 0), soonest first.
    pub closing_soon: Vec<Dated>,
    /// `closes` before today, most recent first.
    pub past_closing: Vec<Dated>,
    /// `announced` programs whose `opens` has passed.
    pub opens_passed: Vec<Dated>,
    pub desks_without_phone: Vec<DeskGap>,
    pub desks_without_precise_address: Vec<DeskGap>,
    /// Regions with at least one program that has no door there, in the regions' order.
    pub no_door: Vec<NoDoor>,
    /// The same, by program: most regions first.
    pub no_door_programs: Vec<NoDoorProgram>,
    pub confidence: Vec<Count>,
    pub status: Vec<Count>,
}

/// The last day a (possibly partial) date can mean: `2024` is 2024-12-31, `2026-11` 2026-11-30.
pub fn last_day(d: Date) -> Date {
    let month = if d.month == 0 { 12 } else { d.month };
    let day = if d.day != 0 {
        d.day
    } else {
        match month {
            2 if d.year.is_multiple_of(4)
                && (!d.year.is_multiple_of(100) || d.year.is_multiple_of(400)) =>
            {
                29
            }
            2 => 28,
            4 | 6 | 9 | 11 => 30,
            _ => 31,
        }
    };
    Date {
        year: d.year,
        month,
        day,
    }
}

/// True when `date` is certainly more than [`OLD_SOURCE_YEARS`] years before `today`.
pub fn is_old(date: Date, today: Date) -> bool {
    let cutoff = Date {
        year: today.year.saturating_sub(OLD_SOURCE_YEARS),
        month: today.month,
        day: today.day,
    };
    last_day(date) < cutoff
}

/// Words that make an address findable: a street, a building, a district, a kilometre mark,
/// a post box (French, English, Arabic). Latin words are matched as whole words, ignoring case
/// and accents of the few listed; Arabic ones anywhere in the text (they take prefixes).
const STREET_WORDS: &[&str] = &[
    "rue",
    "avenue",
    "av",
    "bd",
    "boulevard",
    "place",
    "route",
    "angle",
    "immeuble",
    "imm",
    "residence",
    "résidence",
    "lotissement",
    "lot",
    "quartier",
    "hay",
    "derb",
    "cite",
    "cité",
    "zone",
    "km",
    "bp",
    "etage",
    "étage",
    "street",
    "road",
    "building",
    "floor",
    "square",
];
const STREET_WORDS_AR: &[&str] = &[
    "شارع",
    "زنقة",
    "ساحة",
    "طريق",
    "حي ",
    "تجزئة",
    "عمارة",
    "إقامة",
    "طابق",
    "ملتقى",
    "زاوية",
    "درب",
    "منطقة",
    "ص.ب",
];

/// An address is precise when it has a number (street number, post code, kilometre, post box:
/// ASCII or Arabic-Indic digits) or a street word ([`STREET_WORDS`]). A town name alone
/// ("Dakhla"), or a named place with a town ("Plateforme des jeunes, Benslimane"), is not: a
/// holder from the countryside cannot find the counter with it.
pub fn is_precise_address(address: &str) -> bool {
    if address
        .chars()
        .any(|c| c.is_ascii_digit() || ('\u{660}'..='\u{669}').contains(&c))
    {
        return true;
    }
    let lower = address.to_lowercase();
    if lower
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| STREET_WORDS.contains(&w))
    {
        return true;
    }
    let padded = format!("{address} ");
    STREET_WORDS_AR.iter().any(|w| padded.contains(w))
}

fn freshness_of(f: Freshness) -> (&'static str, Option<Date>) {
    match f {
        Freshness::Checked(d) => ("checked", Some(d)),
        Freshness::SourceDated(d) => ("source", Some(d)),
        Freshness::Unknown => ("none", None),
    }
}

fn count(f: Freshness, c: &mut FreshnessCounts) {
    match f {
        Freshness::Checked(_) => c.checked += 1,
        Freshness::SourceDated(_) => c.source_dated += 1,
        Freshness::Unknown => c.unknown += 1,
    }
}

/// Whether a holder of `region` can reach `program` (no region or province rule excludes them).
/// A program that is closed (or past its closing date) needs no door.
fn takes_applications(program: &Program, today: Date) -> bool {
    !matches!(
        crate::engine::Timing::of(program, today),
        crate::engine::Timing::Closed { .. }
    )
}

pub fn reaches(program: &Program, region: Region) -> bool {
    let k = &program.criteria;
    (k.regions.is_empty() || k.regions.contains(&region))
        && (k.provinces.is_empty() || k.provinces.iter().any(|p| p.region() == region))
}

/// Whether `desk` takes holders' files for `program`: its provider runs it or delivers it, or
/// the desk lists it in `handles`.
pub fn delivers(desk: &Desk, program: &Program) -> bool {
    desk.provider == program.provider
        || program.delivered_by.contains(&desk.provider)
        || desk.handles.contains(&program.id)
}

/// Whether a holder of `region` has a door for `program`: a delivering desk that is national
/// or serves some of the region.
pub fn has_door(catalog: &Catalog, program: &Program, region: Region) -> bool {
    catalog
        .desks
        .iter()
        .filter(|d| delivers(d, program))
        .any(|d| d.is_national() || d.serves_in_region(region))
}

fn sources_of(c: &Catalog) -> Vec<(&'static str, &str, &[Source])> {
    let mut out: Vec<(&'static str, &str, &[Source])> = Vec::new();
    out.extend(
        c.programs
            .iter()
            .map(|p| ("program", p.id.as_str(), p.sources.as_slice())),
    );
    out.extend(
        c.providers
            .iter()
            .map(|p| ("provider", p.id.as_str(), p.sources.as_slice())),
    );
    out.extend(
        c.desks
            .iter()
            .map(|d| ("desk", d.id.as_str(), d.sources.as_slice())),
    );
    out.extend(
        c.pathways
            .iter()
            .map(|w| ("pathway", w.id.as_str(), w.sources.as_slice())),
    );
    out
}

/// Audits `catalog` as of `today`.
pub fn audit(catalog: &Catalog, today: Date) -> Audit {
    let mut program_freshness = FreshnessCounts::default();
    let mut desk_freshness = FreshnessCounts::default();
    let mut oldest: Vec<(Option<Date>, Fresh)> = Vec::new();
    for p in &catalog.programs {
        let f = p.freshness();
        count(f, &mut program_freshness);
        let (basis, date) = freshness_of(f);
        oldest.push((
            date,
            Fresh {
                kind: "program",
                id: p.id.clone(),
                basis,
                date: date.map(|d| d.to_string()),
            },
        ));
    }
    for d in &catalog.desks {
        let f = d.freshness();
        count(f, &mut desk_freshness);
        let (basis, date) = freshness_of(f);
        oldest.push((
            date,
            Fresh {
                kind: "desk",
                id: d.id.clone(),
                basis,
                date: date.map(|d| d.to_string()),
            },
        ));
    }
    // None sorts first: a record with no date at all is the oldest check there is.
    oldest.sort_by(|a, b| (a.0, a.1.kind, &a.1.id).cmp(&(b.0, b.1.kind, &b.1.id)));

    let mut old_sources = Vec::new();
    let mut resting: Vec<(usize, Date, RestsOnOld)> = Vec::new();
    for (order, (kind, id, sources)) in sources_of(catalog).into_iter().enumerate() {
        for s in sources {
            if let Some(d) = s.date
                && is_old(d, today)
            {
                old_sources.push(OldSource {
                    kind,
                    id: id.to_string(),
                    url: s.url.clone(),
                    date: d.to_string(),
                });
            }
        }
        if let Some(newest) = newest_source(sources)
            && is_old(newest, today)
        {
            let last_verified = match kind {
                "program" => catalog.program(id).and_then(|p| p.last_verified),
                "desk" => catalog.desk(id).and_then(|d| d.last_verified),
                _ => None,
            };
            let kind_order = ["program", "provider", "desk", "pathway"]
                .iter()
                .position(|k| *k == kind)
                .unwrap_or(order);
            resting.push((
                kind_order,
                newest,
                RestsOnOld {
                    kind,
                    id: id.to_string(),
                    newest_source: newest.to_string(),
                    last_verified: last_verified.map(|d| d.to_string()),
                },
            ));
        }
    }
    // Programs first, then providers, desks, pathways; oldest first within each kind.
    resting.sort_by(|a, b| (a.0, a.1, &a.2.id).cmp(&(b.0, b.1, &b.2.id)));
    let resting_on_old_sources: Vec<RestsOnOld> = resting.into_iter().map(|(.., r)| r).collect();

    let dated = |p: &Program, d: Date| Dated {
        id: p.id.clone(),
        status: p.status.id(),
        date: d.to_string(),
        days: today.days_until(d),
    };
    let mut closing_soon = Vec::new();
    let mut past_closing = Vec::new();
    let mut opens_passed = Vec::new();
    for p in &catalog.programs {
        if let Some(cl) = p.closes {
            // A partial closing date ("2026-12") closes at the end of that month or year.
            let days = today.days_until(last_day(cl));
            if days < 0 {
                past_closing.push(Dated {
                    days,
                    ..dated(p, cl)
                });
            } else if days <= CLOSING_SOON_DAYS {
                closing_soon.push(Dated {
                    days,
                    ..dated(p, cl)
                });
            }
        }
        if p.status == Status::Announced
            && let Some(o) = p.opens
            && today.days_until(o) < 0
        {
            opens_passed.push(dated(p, o));
        }
    }
    closing_soon.sort_by(|a, b| (a.days, &a.id).cmp(&(b.days, &b.id)));
    past_closing.sort_by(|a, b| (-a.days, &a.id).cmp(&(-b.days, &b.id)));
    opens_passed.sort_by(|a, b| (a.days, &a.id).cmp(&(b.days, &b.id)));

    let gap = |d: &Desk| DeskGap {
        id: d.id.clone(),
        region: d.region.map(Region::id),
        address: d.address.clone(),
    };
    let desks_without_phone = catalog
        .desks
        .iter()
        .filter(|d| d.phone.as_deref().is_none_or(|p| p.trim().is_empty()))
        .map(gap)
        .collect();
    let desks_without_precise_address = catalog
        .desks
        .iter()
        .filter(|d| !d.is_national())
        .filter(|d| !d.address.as_deref().is_some_and(is_precise_address))
        .map(gap)
        .collect();

    let no_door = Region::ALL
        .iter()
        .filter_map(|&r| {
            let programs: Vec<String> = catalog
                .programs
                .iter()
                .filter(|p| {
                    takes_applications(p, today) && reaches(p, r) && !has_door(catalog, p, r)
                })
                .map(|p| p.id.clone())
                .collect();
            (!programs.is_empty()).then_some(NoDoor {
                region: r.id(),
                programs,
            })
        })
        .collect();

    let mut no_door_programs: Vec<NoDoorProgram> = catalog
        .programs
        .iter()
        .filter(|p| takes_applications(p, today))
        .filter_map(|p| {
            let reached: Vec<Region> = Region::ALL
                .iter()
                .copied()
                .filter(|&r| reaches(p, r))
                .collect();
            let regions: Vec<&'static str> = reached
                .iter()
                .filter(|&&r| !has_door(catalog, p, r))
                .map(|r| r.id())
                .collect();
            (!regions.is_empty()).then(|| NoDoorProgram {
                program: p.id.clone(),
                nowhere: regions.len() == reached.len(),
                regions,
            })
        })
        .collect();
    no_door_programs
        .sort_by(|a, b| (b.regions.len(), &a.program).cmp(&(a.regions.len(), &b.program)));

    let confidence = Confidence::ALL
        .iter()
        .map(|&c| Count {
            value: c.id(),
            programs: catalog
                .programs
                .iter()
                .filter(|p| p.confidence == c)
                .count(),
        })
        .collect();
    let status = Status::ALL
        .iter()
        .map(|&s| Count {
            value: s.id(),
            programs: catalog.programs.iter().filter(|p| p.status == s).count(),
        })
        .collect();

    Audit {
        today: today.to_string(),
        totals: Totals {
            programs: catalog.programs.len(),
            providers: catalog.providers.len(),
            desks: catalog.desks.len(),
            pathways: catalog.pathways.len(),
        },
        program_freshness,
        desk_freshness,
        oldest: oldest.into_iter().map(|(_, f)| f).collect(),
        old_sources,
        resting_on_old_sources,
        closing_soon,
        past_closing,
        opens_passed,
        desks_without_phone,
        desks_without_precise_address,
        no_door,
        no_door_programs,
        confidence,
        status,
    }
}

/// The report a program officer reads: counts first, then each list to act on. `oldest` is how
/// many of the oldest checks to show.
pub fn render(a: &Audit, oldest: usize) -> String {
    use std::fmt::Write;
    let mut o = String::new();
    let t = &a.totals;
    let _ = writeln!(
        o,
        "Catalog audit of {}: {} programs, {} providers, {} desks, {} pathways",
        a.today, t.programs, t.providers, t.desks, t.pathways
    );
    let counts = |c: &[Count]| {
        c.iter()
            .map(|c| format!("{} {}", c.programs, c.value))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let _ = writeln!(o, "Confidence: {}", counts(&a.confidence));
    let _ = writeln!(o, "Status: {}", counts(&a.status));
    let fresh = |f: &FreshnessCounts| {
        format!(
            "{} checked by a person, {} dated by their newest source only, {} with no date",
            f.checked, f.source_dated, f.unknown
        )
    };
    let _ = writeln!(o, "Programs: {}", fresh(&a.program_freshness));
    let _ = writeln!(o, "Desks: {}", fresh(&a.desk_freshness));

    let _ = writeln!(
        o,
        "\nOldest checks (the {} oldest of {}):",
        oldest.min(a.oldest.len()),
        a.oldest.len()
    );
    for f in a.oldest.iter().take(oldest) {
        let how = match f.basis {
            "checked" => "checked",
            "source" => "not re-read; newest source",
            _ => "no check and no dated source",
        };
        let _ = writeln!(
            o,
            "  {:<10} {:<7} {}  ({how})",
            f.date.as_deref().unwrap_or("—"),
            f.kind,
            f.id
        );
    }

    let _ = writeln!(
        o,
        "\nRecords whose newest source is over {OLD_SOURCE_YEARS} years old ({}):",
        a.resting_on_old_sources.len()
    );
    for r in a
        .resting_on_old_sources
        .iter()
        .filter(|r| r.kind == "program")
    {
        let checked = r
            .last_verified
            .as_ref()
            .map(|d| format!(" (checked {d}: look for a newer source)"))
            .unwrap_or_default();
        let _ = writeln!(o, "  {:<10} program {}{checked}", r.newest_source, r.id);
    }
    for kind in ["provider", "desk", "pathway"] {
        let rows: Vec<String> = a
            .resting_on_old_sources
            .iter()
            .filter(|r| r.kind == kind)
            .map(|r| format!("{} ({})", r.id, r.newest_source))
            .collect();
        if !rows.is_empty() {
            let _ = writeln!(o, "  {kind}s ({}): {}", rows.len(), rows.join(", "));
        }
    }
    let _ = writeln!(
        o,
        "Sources over {OLD_SOURCE_YEARS} years old: {} (in {} records; --json lists them)",
        a.old_sources.len(),
        {
            let mut ids: Vec<(&str, &str)> = a
                .old_sources
                .iter()
                .map(|s| (s.kind, s.id.as_str()))
                .collect();
            ids.sort();
            ids.dedup();
            ids.len()
        }
    );

    let _ = writeln!(
        o,
        "\nClosing within {CLOSING_SOON_DAYS} days ({}):",
        a.closing_soon.len()
    );
    for d in &a.closing_soon {
        let _ = writeln!(
            o,
            "  {} closes {} (in {} days, status {})",
            d.id, d.date, d.days, d.status
        );
    }
    let _ = writeln!(o, "\nPast their closing date ({}):", a.past_closing.len());
    for d in &a.past_closing {
        let act = if matches!(d.status, "closed" | "budget_exhausted") {
            String::new()
        } else {
            format!(
                " — status still `{}`: give the new date or mark it closed",
                d.status
            )
        };
        let _ = writeln!(
            o,
            "  {} closed {} ({} days ago){act}",
            d.id, d.date, -d.days
        );
    }
    if !a.opens_passed.is_empty() {
        let _ = writeln!(
            o,
            "\nAnnounced, but the opening date has passed ({}):",
            a.opens_passed.len()
        );
        for d in &a.opens_passed {
            let _ = writeln!(
                o,
                "  {} opened {} ({} days ago): is it open now?",
                d.id, d.date, -d.days
            );
        }
    }

    let _ = writeln!(
        o,
        "\nDesks without a phone ({}):",
        a.desks_without_phone.len()
    );
    let mut by_region: Vec<(&str, Vec<&str>)> = Vec::new();
    for d in &a.desks_without_phone {
        let r = d.region.unwrap_or("national");
        match by_region.iter_mut().find(|(k, _)| *k == r) {
            Some((_, ids)) => ids.push(&d.id),
            None => by_region.push((r, vec![&d.id])),
        }
    }
    for (r, ids) in by_region {
        let _ = writeln!(o, "  {r}: {}", ids.join(", "));
    }
    let _ = writeln!(
        o,
        "\nDesks without a precise address ({}): no number and no street word",
        a.desks_without_precise_address.len()
    );
    for d in &a.desks_without_precise_address {
        let _ = writeln!(
            o,
            "  {:<40} {}",
            d.id,
            d.address.as_deref().unwrap_or("(no address)")
        );
    }

    let total: usize = a.no_door_programs.iter().map(|n| n.regions.len()).sum();
    let _ = writeln!(
        o,
        "\nPrograms with no door in some region ({} programs, {total} program-region pairs):",
        a.no_door_programs.len()
    );
    let _ = writeln!(
        o,
        "  (no desk of its provider, of a delivered_by provider or handling it is in the region, and none is national)"
    );
    for n in &a.no_door_programs {
        let where_ = if n.nowhere {
            "no desk delivers it anywhere".to_string()
        } else {
            n.regions.join(", ")
        };
        let _ = writeln!(o, "  {} ({}): {where_}", n.program, n.regions.len());
    }
    o
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::{Criteria, Provider, Province};

    fn src(date: Option<Date>) -> Source {
        Source {
            url: "https://example.ma/".into(),
            date,
            title: None,
        }
    }

    fn program(id: &str, provider: &str) -> Program {
        let toml = format!(
            r#"
            id = "{id}"
            provider = "{provider}"
            kinds = ["coaching"]
            status = "open"
            confidence = "confirmed"
            name = {{ ar = "a", fr = "f", en = "e" }}
            summary = {{ ar = "a", fr = "f", en = "e" }}
            benefits = {{ ar = "a", fr = "f", en = "e" }}
            how_to_apply = {{ ar = "a", fr = "f", en = "e" }}
            sources = [{{ url = "https://example.ma/", date = "2026-01-10" }}]
            "#
        );
        toml::from_str(&toml).expect("a valid synthetic program")
    }

    fn desk(id: &str, provider: &str, region: Option<Region>) -> Desk {
        let mut toml = format!(
            r#"
            id = "{id}"
            provider = "{provider}"
            name = {{ ar = "a", fr = "f", en = "e" }}
            sources = [{{ url = "https://example.ma/", date = "2026-01-10" }}]
            "#
        );
        if let Some(r) = region {
            toml.push_str(&format!("region = \"{}\"\n", r.id()));
        }
        toml::from_str(&toml).expect("a valid synthetic desk")
    }

    fn catalog(programs: Vec<Program>, desks: Vec<Desk>) -> Catalog {
        Catalog {
            programs,
            providers: vec![
                toml::from_str::<Provider>(
                    r#"
                    id = "p"
                    name = { ar = "a", fr = "f", en = "e" }
                    sources = [{ url = "https://example.ma/", date = "2020-05" }]
                    "#,
                )
                .expect("a valid synthetic provider"),
            ],
            desks,
            pathways: vec![],
        }
    }

    const TODAY: Date = Date::ymd(2026, 11, 30);

    #[test]
    fn two_years_counts_partial_dates_at_their_last_day() {
        assert!(is_old(Date::ymd(2024, 11, 29), TODAY));
        assert!(!is_old(Date::ymd(2024, 11, 30), TODAY));
        assert!(
            !is_old(Date::ymd(2024, 0, 0), TODAY),
            "2024 may be December"
        );
        assert!(is_old(Date::ymd(2023, 0, 0), TODAY));
        assert!(is_old(Date::ymd(2024, 10, 0), TODAY));
        assert!(!is_old(Date::ymd(2024, 11, 0), TODAY));
    }

    #[test]
    fn precise_addresses_have_a_number_or_a_street() {
        for a in [
            "12, rue Ibn Battouta, Oujda",
            "Avenue Hassan II, Agadir",
            "Bd Mohammed V, Rabat",
            "شارع محمد الخامس، وجدة",
            "Centre de renforcement des capacités des jeunes, 22050 Afourer",
            "Quartier Californie, Casablanca",
            "ص.ب ٤٥ الداخلة",
        ] {
            assert!(is_precise_address(a), "{a}");
        }
        for a in [
            "Dakhla",
            "Casablanca",
            "Plateforme des jeunes, Benslimane",
            "Siège du CRI de l'Oriental, Oujda",
            "الداخلة",
            "Avenir, Oujda",
        ] {
            assert!(!is_precise_address(a), "{a}");
        }
    }

    #[test]
    fn oldest_checks_put_undated_records_first_then_by_date() {
        let mut a = program("a", "p");
        a.last_verified = Some(Date::ymd(2026, 11, 29));
        let mut b = program("b", "p");
        b.sources = vec![src(Some(Date::ymd(2019, 0, 0)))];
        let mut c = program("c", "p");
        c.sources = vec![src(None)];
        let audit = audit(&catalog(vec![a, b, c], vec![]), TODAY);
        let order: Vec<(&str, &str)> = audit
            .oldest
            .iter()
            .map(|f| (f.id.as_str(), f.basis))
            .collect();
        assert_eq!(order, [("c", "none"), ("b", "source"), ("a", "checked")]);
        assert_eq!(
            audit.program_freshness,
            FreshnessCounts {
                checked: 1,
                source_dated: 1,
                unknown: 1
            }
        );
    }

    #[test]
    fn old_sources_and_records_resting_on_them() {
        let mut b = program("b", "p");
        b.sources = vec![
            src(Some(Date::ymd(2019, 0, 0))),
            src(Some(Date::ymd(2022, 3, 0))),
        ];
        let mut fresh = program("fresh", "p");
        fresh.sources = vec![
            src(Some(Date::ymd(2019, 0, 0))),
            src(Some(Date::ymd(2026, 3, 0))),
        ];
        let audit = audit(&catalog(vec![b, fresh], vec![]), TODAY);
        // b's two sources, fresh's 2019 one, and the provider's 2020-05.
        assert_eq!(audit.old_sources.len(), 4);
        let resting: Vec<(&str, &str, &str)> = audit
            .resting_on_old_sources
            .iter()
            .map(|r| (r.kind, r.id.as_str(), r.newest_source.as_str()))
            .collect();
        assert_eq!(
            resting,
            [("program", "b", "2022-03"), ("provider", "p", "2020-05")]
        );
    }

    #[test]
    fn closing_soon_and_past_closing() {
        let mut soon = program("soon", "p");
        soon.closes = Some(Date::ymd(2026, 12, 31));
        let mut later = program("later", "p");
        later.closes = Some(Date::ymd(2027, 3, 1));
        let mut past = program("past", "p");
        past.closes = Some(Date::ymd(2026, 10, 31));
        let mut month = program("month", "p");
        month.closes = Some(Date::ymd(2026, 11, 0));
        let mut announced = program("announced", "p");
        announced.status = Status::Announced;
        announced.opens = Some(Date::ymd(2026, 11, 1));
        let audit = audit(
            &catalog(vec![soon, later, past, month, announced], vec![]),
            TODAY,
        );
        assert_eq!(audit.closing_soon.len(), 2, "{:?}", audit.closing_soon);
        assert_eq!(audit.closing_soon[0].id, "month", "November closes today");
        assert_eq!(audit.closing_soon[0].days, 0);
        assert_eq!(audit.closing_soon[1].id, "soon");
        assert_eq!(audit.closing_soon[1].days, 31);
        assert_eq!(audit.past_closing.len(), 1);
        assert_eq!(audit.past_closing[0].id, "past");
        assert_eq!(audit.past_closing[0].days, -30);
        assert_eq!(audit.past_closing[0].status, "open");
        assert_eq!(audit.opens_passed.len(), 1);
        let report = render(&audit, 5);
        assert!(report.contains("status still `open`"), "{report}");
    }

    #[test]
    fn desks_without_phone_or_precise_address() {
        let mut town = desk("town", "p", Some(Region::Oriental));
        town.address = Some("Oujda".into());
        let mut street = desk("street", "p", Some(Region::Oriental));
        street.address = Some("12, rue X, Oujda".into());
        street.phone = Some("+212 5 36 00 00 00".into());
        let online = desk("online", "p", None);
        let audit = audit(&catalog(vec![], vec![town, street, online]), TODAY);
        let no_phone: Vec<&str> = audit
            .desks_without_phone
            .iter()
            .map(|d| d.id.as_str())
            .collect();
        assert_eq!(no_phone, ["town", "online"]);
        let vague: Vec<&str> = audit
            .desks_without_precise_address
            .iter()
            .map(|d| d.id.as_str())
            .collect();
        assert_eq!(vague, ["town"], "online desks have no counter to find");
    }

    #[test]
    fn a_program_has_a_door_through_provider_delivery_handles_serves_or_a_national_desk() {
        let mut regional = program("regional", "p");
        regional.criteria = Criteria {
            regions: vec![Region::Oriental, Region::SoussMassa],
            ..Criteria::default()
        };
        let mut delivered = program("delivered", "other");
        delivered.delivered_by = vec!["cri".into()];
        let handled = program("handled", "nobody");
        let national = program("national", "online");
        let mut across = program("across", "odco");
        across.criteria.provinces = vec![Province::from_id("taza").expect("taza")];

        let oriental_p = desk("p-oriental", "p", Some(Region::Oriental));
        let cri_souss = desk("cri-souss", "cri", Some(Region::SoussMassa));
        let mut handles = desk("handles", "cci", Some(Region::Oriental));
        handles.handles = vec!["handled".into()];
        let online = desk("online", "online", None);
        let mut odco = desk(
            "odco-al-hoceima",
            "odco",
            Some(Region::TangerTetouanAlHoceima),
        );
        odco.province = Province::from_id("al_hoceima");
        odco.serves = vec![Province::from_id("taza").expect("taza")];
        odco.serves_across_regions = true;

        let c = catalog(
            vec![regional, delivered, handled, national, across],
            vec![oriental_p, cri_souss, handles, online, odco],
        );
        assert!(has_door(&c, &c.programs[0], Region::Oriental));
        assert!(!has_door(&c, &c.programs[0], Region::SoussMassa));
        let audit = audit(&c, TODAY);
        let gaps = |r: Region| {
            audit
                .no_door
                .iter()
                .find(|n| n.region == r.id())
                .map(|n| n.programs.clone())
                .unwrap_or_default()
        };
        assert_eq!(gaps(Region::Oriental), ["delivered"]);
        assert_eq!(gaps(Region::SoussMassa), ["regional", "handled"]);
        assert_eq!(
            gaps(Region::FesMeknes),
            ["delivered", "handled"],
            "Taza is served from Al Hoceïma"
        );
        assert!(gaps(Region::TangerTetouanAlHoceima).contains(&"handled".to_string()));
        assert!(!gaps(Region::TangerTetouanAlHoceima).contains(&"across".to_string()));
        // By program: `across` reaches only Fès-Meknès (Taza) and has its door there;
        // `handled` has one only in the Oriental.
        let by = |id: &str| audit.no_door_programs.iter().find(|n| n.program == id);
        assert!(by("across").is_none());
        assert!(by("national").is_none());
        let handled = by("handled").expect("handled has gaps");
        assert_eq!(handled.regions.len(), 11);
        assert!(!handled.nowhere);
        assert_eq!(
            audit.no_door_programs[0].program, "delivered",
            "most gaps first"
        );
    }

    #[test]
    fn a_program_no_desk_delivers_is_flagged_nowhere() {
        let mut local = program("local", "nobody");
        local.criteria.regions = vec![Region::DraaTafilalet];
        let c = catalog(
            vec![local],
            vec![desk("d", "p", Some(Region::DraaTafilalet))],
        );
        let audit = audit(&c, TODAY);
        assert_eq!(audit.no_door_programs.len(), 1);
        assert_eq!(audit.no_door_programs[0].regions, ["draa_tafilalet"]);
        assert!(audit.no_door_programs[0].nowhere);
        assert!(render(&audit, 3).contains("local (1): no desk delivers it anywhere"));
    }

    #[test]
    fn counts_confidence_and_status() {
        let mut a = program("a", "p");
        a.confidence = Confidence::Partly;
        let b = program("b", "p");
        let mut c = program("c", "p");
        c.status = Status::Closed;
        let audit = audit(&catalog(vec![a, b, c], vec![]), TODAY);
        let get = |v: &[Count], k: &str| v.iter().find(|c| c.value == k).map(|c| c.programs);
        assert_eq!(get(&audit.confidence, "confirmed"), Some(2));
        assert_eq!(get(&audit.confidence, "partly"), Some(1));
        assert_eq!(get(&audit.confidence, "uncertain"), Some(0));
        assert_eq!(get(&audit.status, "closed"), Some(1));
        assert_eq!(get(&audit.status, "open"), Some(2));
        // The JSON form is the struct as documented.
        let json = serde_json::to_value(&audit).expect("serializes");
        assert_eq!(json["totals"]["programs"], 3);
        assert_eq!(json["confidence"][1]["value"], "partly");
    }
}
