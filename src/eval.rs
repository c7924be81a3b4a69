//! The evaluation set: holder cases written from the sources (`tests/cases/*.toml`), run through
//! the engine over a catalog, and scored. `docs/evaluation.md` defines every metric; this module
//! is the definition in code. Pure apart from reading the case files: it returns a [`Report`],
//! and `catalog eval` and `tests/eval_set.rs` print it.
//!
//! Everything the evaluation asks of the engine goes through [`engine_view`] and
//! [`first_door`]: when the ranking API changes, those two functions are the only ones to adapt.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use serde_json::{Value, json};

use crate::catalog::{Catalog, Date, Program, Region};
use crate::engine::{Profile, Verdict};

/// Size of the window the top-N precision looks at.
pub const PRECISION_WINDOW: usize = 5;

/// Tags a case may carry, so the report can count cases by kind of holder.
pub const TAGS: &[&str] = &[
    "informal",
    "rural",
    "women",
    "young",
    "older",
    "diaspora",
    "cooperative",
    "association",
    "established-firm",
    "auto-entrepreneur",
    "innovative",
    "unknown",
    "regional-report",
    "issue-example",
    "existing-holder",
];

// ---------------------------------------------------------------------------------------------
// Cases
// ---------------------------------------------------------------------------------------------

/// "These programs must be among the first `top` fits" (or, for `not_top`, must not be).
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TopN {
    pub top: usize,
    pub programs: Vec<String>,
}

/// The first door expected for a program: the first desk the app shows for it to this holder.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DeskExpectation {
    pub program: String,
    pub first: String,
}

/// One holder and what a good adviser expects the app to show them.
#[derive(Clone, Debug, PartialEq)]
pub struct Case {
    pub id: String,
    /// Why these expectations: which source says so.
    pub reason: String,
    pub tags: Vec<String>,
    /// The file the case was read from.
    pub file: PathBuf,
    pub profile: Profile,
    pub must_show: Vec<TopN>,
    pub never_eligible: Vec<String>,
    pub not_top: Vec<TopN>,
    pub desk: Vec<DeskExpectation>,
    /// A ranking question the engine does not settle yet, in words: the case is reported as a
    /// known gap instead of broken, and breaks the day it passes (remove the mark then).
    pub known_gap: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CaseFile {
    #[serde(default)]
    case: Vec<toml::Value>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCase {
    id: String,
    reason: String,
    #[serde(default)]
    tags: Vec<String>,
    #[serde(default)]
    profile: Option<toml::Table>,
    #[serde(default)]
    profile_file: Option<String>,
    #[serde(default)]
    must_show: Option<toml::Value>,
    #[serde(default)]
    never_eligible: Vec<String>,
    #[serde(default)]
    not_top: Option<toml::Value>,
    #[serde(default)]
    desk: Vec<DeskExpectation>,
    #[serde(default)]
    known_gap: Option<String>,
}

/// A case file or case that cannot be read: bad input, not a failing expectation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CaseError {
    pub file: PathBuf,
    /// The case's id, or its position (`case #3`) when the id itself is missing.
    pub case: Option<String>,
    pub message: String,
}

impl fmt::Display for CaseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.case {
            Some(c) => write!(f, "{}: case `{c}`: {}", self.file.display(), self.message),
            None => write!(f, "{}: {}", self.file.display(), self.message),
        }
    }
}

/// Parses profile JSON as `catalog match` does: the same reader for the same holders.
/// (The one place to follow the engine's profile validator.)
fn parse_profile(json: &str) -> Result<Profile, String> {
    Profile::from_json(json)
}

/// Reads every `*.toml` under `dir` (sorted, recursively). Every problem is reported, each
/// naming its file and case; any problem means no case is returned.
pub fn load_cases(dir: &Path) -> Result<Vec<Case>, Vec<CaseError>> {
    let mut files = Vec::new();
    if let Err(e) = collect_toml(dir, &mut files) {
        return Err(vec![CaseError {
            file: dir.to_path_buf(),
            case: None,
            message: format!("cannot read the cases directory: {e}"),
        }]);
    }
    if files.is_empty() {
        return Err(vec![CaseError {
            file: dir.to_path_buf(),
            case: None,
            message: "no .toml case file found".into(),
        }]);
    }
    let mut cases = Vec::new();
    let mut errors = Vec::new();
    for file in &files {
        match std::fs::read_to_string(file) {
            Ok(text) => parse_case_file(file, &text, &mut cases, &mut errors),
            Err(e) => errors.push(CaseError {
                file: file.clone(),
                case: None,
                message: format!("cannot read: {e}"),
            }),
        }
    }
    let mut seen: HashMap<String, PathBuf> = HashMap::new();
    for c in &cases {
        if let Some(first) = seen.insert(c.id.clone(), c.file.clone()) {
            errors.push(CaseError {
                file: c.file.clone(),
                case: Some(c.id.clone()),
                message: format!("the id is already used in {}", first.display()),
            });
        }
    }
    if errors.is_empty() {
        Ok(cases)
    } else {
        Err(errors)
    }
}

fn collect_toml(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)?
        .map(|e| e.map(|e| e.path()))
        .collect::<Result<_, _>>()?;
    entries.sort();
    for path in entries {
        if path.is_dir() {
            collect_toml(&path, out)?;
        } else if path.extension().is_some_and(|e| e == "toml") {
            out.push(path);
        }
    }
    Ok(())
}

fn one_line(e: impl fmt::Display) -> String {
    e.to_string().trim_end().replace('\n', "\n    ")
}

/// Parses one case file's text; `file` names it in errors and anchors `profile_file` paths.
pub fn parse_case_file(
    file: &Path,
    text: &str,
    cases: &mut Vec<Case>,
    errors: &mut Vec<CaseError>,
) {
    let err = |case: Option<String>, message: String| CaseError {
        file: file.to_path_buf(),
        case,
        message,
    };
    let parsed: CaseFile = match toml::from_str(text) {
        Ok(f) => f,
        Err(e) => {
            errors.push(err(None, one_line(e)));
            return;
        }
    };
    if parsed.case.is_empty() {
        errors.push(err(None, "no [[case]] in this file".into()));
    }
    for (i, value) in parsed.case.into_iter().enumerate() {
        let fallback = value
            .get("id")
            .and_then(|v| v.as_str())
            .map(str::to_string)
            .unwrap_or_else(|| format!("#{}", i + 1));
        let raw: RawCase = match value.try_into() {
            Ok(r) => r,
            Err(e) => {
                errors.push(err(Some(fallback), one_line(e)));
                continue;
            }
        };
        match build_case(file, raw) {
            Ok(c) => cases.push(c),
            Err(message) => errors.push(err(Some(fallback), message)),
        }
    }
}

fn top_lists(field: &str, value: Option<toml::Value>) -> Result<Vec<TopN>, String> {
    let lists = match value {
        None => Vec::new(),
        Some(v @ toml::Value::Table(_)) => vec![
            v.try_into::<TopN>()
                .map_err(|e| format!("`{field}`: {}", one_line(e)))?,
        ],
        Some(toml::Value::Array(items)) => items
            .into_iter()
            .map(|v| {
                v.try_into::<TopN>()
                    .map_err(|e| format!("`{field}`: {}", one_line(e)))
            })
            .collect::<Result<_, _>>()?,
        Some(_) => {
            return Err(format!(
                "`{field}` must be a table {{ top = 5, programs = [..] }} or an array of them"
            ));
        }
    };
    for l in &lists {
        if l.top == 0 {
            return Err(format!("`{field}`: `top` must be at least 1"));
        }
        if l.programs.is_empty() {
            return Err(format!("`{field}`: `programs` is empty"));
        }
    }
    Ok(lists)
}

fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

fn build_case(file: &Path, raw: RawCase) -> Result<Case, String> {
    if !valid_id(&raw.id) {
        return Err("`id` must be lowercase letters, digits and dashes".into());
    }
    let reason = raw.reason.trim();
    if reason.is_empty() || reason.contains('\n') {
        return Err("`reason` must be one non-empty line".into());
    }
    for t in &raw.tags {
        if !TAGS.contains(&t.as_str()) {
            return Err(format!("unknown tag `{t}`: use one of {}", TAGS.join(", ")));
        }
    }
    let json = match (raw.profile, raw.profile_file) {
        (Some(table), None) => serde_json::to_string(&table).map_err(|e| e.to_string())?,
        (None, Some(rel)) => {
            let path = file.parent().unwrap_or(Path::new(".")).join(&rel);
            std::fs::read_to_string(&path)
                .map_err(|e| format!("cannot read profile_file {}: {e}", path.display()))?
        }
        (Some(_), Some(_)) => return Err("give `profile` or `profile_file`, not both".into()),
        (None, None) => return Err("`profile` is missing (an empty table is allowed)".into()),
    };
    let profile = parse_profile(&json).map_err(|e| format!("profile: {}", one_line(e)))?;
    let must_show = top_lists("must_show", raw.must_show)?;
    let not_top = top_lists("not_top", raw.not_top)?;
    if must_show.is_empty()
        && raw.never_eligible.is_empty()
        && not_top.is_empty()
        && raw.desk.is_empty()
    {
        return Err("no expectation: give must_show, never_eligible, not_top or desk".into());
    }
    for id in must_show
        .iter()
        .chain(&not_top)
        .flat_map(|l| &l.programs)
        .chain(&raw.never_eligible)
        .chain(raw.desk.iter().map(|d| &d.program))
        .chain(raw.desk.iter().map(|d| &d.first))
    {
        if !valid_id(id) {
            return Err(format!("`{id}` is not a catalog id"));
        }
    }
    for m in &must_show {
        for p in &m.programs {
            if raw.never_eligible.contains(p) {
                return Err(format!("`{p}` is both in must_show and never_eligible"));
            }
            if not_top
                .iter()
                .any(|n| n.programs.contains(p) && n.top >= m.top)
            {
                return Err(format!(
                    "`{p}` must be in the top {} and not in a wider top: contradiction",
                    m.top
                ));
            }
        }
    }
    Ok(Case {
        id: raw.id,
        reason: reason.to_string(),
        tags: raw.tags,
        file: file.to_path_buf(),
        profile,
        must_show,
        never_eligible: raw.never_eligible,
        not_top,
        desk: raw.desk,
        known_gap: raw.known_gap,
    })
}

// ---------------------------------------------------------------------------------------------
// The engine, as the evaluation sees it
// ---------------------------------------------------------------------------------------------

/// How the app presents one program to one holder.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Shown {
    /// Listed among the fits, every rule met.
    Eligible,
    /// Listed among the fits, some rule still to check.
    ToCheck,
    /// Not eligible, but a step the holder can take would change that.
    WithinReach,
    /// Not eligible.
    NotEligible,
    /// Shown as closed (past its closing date, or budget exhausted).
    Closed,
}

impl Shown {
    pub fn id(self) -> &'static str {
        match self {
            Shown::Eligible => "eligible",
            Shown::ToCheck => "to_check",
            Shown::WithinReach => "within_reach",
            Shown::NotEligible => "not_eligible",
            Shown::Closed => "closed",
        }
    }

    /// Presented to the holder as something they can use now.
    pub fn is_fit(self) -> bool {
        matches!(self, Shown::Eligible | Shown::ToCheck)
    }
}

/// The engine's answer for one profile, reduced to what the evaluation looks at.
pub struct EngineView<'a> {
    /// Programs the app lists as fits, in the app's order (its fit groups, one after another).
    pub fits: Vec<&'a Program>,
    /// How every program of the catalog is presented.
    pub shown: HashMap<&'a str, Shown>,
}

/// Runs the engine. The one place that follows the ranking API: the app lists the fits that
/// serve a stated need, then those "also open to you"; both are fits, in that order.
pub fn engine_view<'a>(catalog: &'a Catalog, profile: &Profile, today: Date) -> EngineView<'a> {
    let ranking = crate::engine::rank(catalog, profile, today);
    let mut shown = HashMap::new();
    let listed = ranking.fits.iter().chain(&ranking.also_open);
    let fits: Vec<&Program> = listed.clone().map(|r| r.program).collect();
    for r in listed {
        let s = match r.verdict {
            Verdict::Eligible => Shown::Eligible,
            _ => Shown::ToCheck,
        };
        shown.insert(r.program.id.as_str(), s);
    }
    for r in &ranking.closed {
        shown.insert(r.program.id.as_str(), Shown::Closed);
    }
    for r in &ranking.near_misses {
        shown.insert(r.program.id.as_str(), Shown::WithinReach);
    }
    for r in &ranking.others {
        shown.insert(r.program.id.as_str(), Shown::NotEligible);
    }
    EngineView { fits, shown }
}

/// The first door the app shows for `program` to this holder. The one place that follows the
/// engine's desk routing.
pub fn first_door<'a>(
    catalog: &'a Catalog,
    program: &'a Program,
    profile: &Profile,
) -> Option<&'a str> {
    crate::engine::doors(catalog, program, profile)
        .first()
        .map(|d| d.desk.id.as_str())
}

/// Whether a program gives something the holder said they need, judged from the catalog's
/// kinds of support, independently of the engine. With no stated need, every program does.
pub fn serves_stated_need(program: &Program, profile: &Profile) -> bool {
    match &profile.needs {
        None => true,
        Some(needs) if needs.is_empty() => true,
        Some(needs) => program.kinds.iter().any(|k| needs.contains(&k.need())),
    }
}

// ---------------------------------------------------------------------------------------------
// Scoring
// ---------------------------------------------------------------------------------------------

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MustShow {
    pub program: String,
    pub top: usize,
    /// 1-based position among the fits, if listed.
    pub position: Option<usize>,
    /// How the program is shown when it is not a fit (None: not in the catalog).
    pub shown: Option<Shown>,
}

impl MustShow {
    pub fn hit(&self) -> bool {
        self.position.is_some_and(|p| p <= self.top)
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NeverEligible {
    pub program: String,
    /// None: not in the catalog.
    pub shown: Option<Shown>,
    pub position: Option<usize>,
}

impl NeverEligible {
    /// Wrongly eligible: listed among the fits (eligible or to check).
    pub fn wrong(&self) -> bool {
        self.shown.is_some_and(Shown::is_fit)
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NotTop {
    pub program: String,
    pub top: usize,
    pub position: Option<usize>,
    pub known: bool,
}

impl NotTop {
    pub fn violated(&self) -> bool {
        self.position.is_some_and(|p| p <= self.top)
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DeskCheck {
    pub program: String,
    pub expected: String,
    /// The first door shown, if any.
    pub got: Option<String>,
    pub program_known: bool,
    pub desk_known: bool,
}

impl DeskCheck {
    pub fn hit(&self) -> bool {
        self.got.as_deref() == Some(self.expected.as_str())
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct CaseResult {
    pub id: String,
    pub file: PathBuf,
    pub reason: String,
    pub tags: Vec<String>,
    pub region: Option<Region>,
    pub must_show: Vec<MustShow>,
    pub never_eligible: Vec<NeverEligible>,
    pub not_top: Vec<NotTop>,
    pub desks: Vec<DeskCheck>,
    /// The first fits (up to [`PRECISION_WINDOW`]) and whether each is judged relevant.
    pub window: Vec<(String, bool)>,
    /// Number of fits in all.
    pub fit_count: usize,
    pub known_gap: Option<String>,
}

impl CaseResult {
    pub fn relevant(&self) -> usize {
        self.window.iter().filter(|(_, r)| *r).count()
    }

    /// Top-N precision of this case; None when nothing fits.
    pub fn precision(&self) -> Option<f64> {
        (!self.window.is_empty()).then(|| self.relevant() as f64 / self.window.len() as f64)
    }

    /// Each failed expectation, in words.
    pub fn failures(&self) -> Vec<String> {
        let mut out = Vec::new();
        let place = |p: Option<usize>, s: Option<Shown>| match (p, s) {
            (Some(p), _) => format!("at {p}"),
            (None, Some(s)) => format!("not a fit ({})", s.id()),
            (None, None) => "not in the catalog".to_string(),
        };
        for m in self.must_show.iter().filter(|m| !m.hit()) {
            out.push(format!(
                "must_show top {}: {} {}",
                m.top,
                m.program,
                place(m.position, m.shown)
            ));
        }
        for n in &self.never_eligible {
            if n.wrong() {
                out.push(format!(
                    "never_eligible: {} is {} (at {})",
                    n.program,
                    n.shown.map(Shown::id).unwrap_or("?"),
                    n.position.map(|p| p.to_string()).unwrap_or_default()
                ));
            } else if n.shown.is_none() {
                out.push(format!(
                    "never_eligible: {} is not in the catalog (check the id)",
                    n.program
                ));
            }
        }
        for n in &self.not_top {
            if n.violated() {
                out.push(format!(
                    "not_top {}: {} at {}",
                    n.top,
                    n.program,
                    n.position.unwrap_or(0)
                ));
            } else if !n.known {
                out.push(format!(
                    "not_top: {} is not in the catalog (check the id)",
                    n.program
                ));
            }
        }
        for d in self.desks.iter().filter(|d| !d.hit()) {
            let mut line = format!(
                "desk {}: expected {}, got {}",
                d.program,
                d.expected,
                d.got.as_deref().unwrap_or("no desk")
            );
            if !d.program_known {
                line.push_str(" (program not in the catalog)");
            } else if !d.desk_known {
                line.push_str(" (desk not in the catalog)");
            }
            out.push(line);
        }
        out
    }

    /// An expectation fails (and the case is not a known gap), or a known gap now passes.
    pub fn broken(&self) -> bool {
        self.failures().is_empty() == self.known_gap.is_some()
    }

    /// A known gap whose expectations still fail.
    pub fn is_known_gap(&self) -> bool {
        self.known_gap.is_some() && !self.failures().is_empty()
    }
}

/// Scores one case against the engine's answer. Pure: the unit tests feed it synthetic catalogs.
pub fn score_case(catalog: &Catalog, case: &Case, today: Date) -> CaseResult {
    let view = engine_view(catalog, &case.profile, today);
    let position = |id: &str| view.fits.iter().position(|p| p.id == id).map(|i| i + 1);
    let must_show = case
        .must_show
        .iter()
        .flat_map(|l| {
            l.programs.iter().map(|p| MustShow {
                program: p.clone(),
                top: l.top,
                position: position(p),
                shown: view.shown.get(p.as_str()).copied(),
            })
        })
        .collect();
    let never_eligible = case
        .never_eligible
        .iter()
        .map(|p| NeverEligible {
            program: p.clone(),
            shown: view.shown.get(p.as_str()).copied(),
            position: position(p),
        })
        .collect();
    let not_top = case
        .not_top
        .iter()
        .flat_map(|l| {
            l.programs.iter().map(|p| NotTop {
                program: p.clone(),
                top: l.top,
                position: position(p),
                known: catalog.program(p).is_some(),
            })
        })
        .collect();
    let desk_ids: HashSet<&str> = catalog.desks.iter().map(|d| d.id.as_str()).collect();
    let desks = case
        .desk
        .iter()
        .map(|d| {
            let program = catalog.program(&d.program);
            DeskCheck {
                program: d.program.clone(),
                expected: d.first.clone(),
                got: program
                    .and_then(|p| first_door(catalog, p, &case.profile))
                    .map(str::to_string),
                program_known: program.is_some(),
                desk_known: desk_ids.contains(d.first.as_str()),
            }
        })
        .collect();
    let listed = |list: &[TopN], id: &str| list.iter().any(|l| l.programs.iter().any(|p| p == id));
    let window = view
        .fits
        .iter()
        .take(PRECISION_WINDOW)
        .map(|p| {
            let relevant = listed(&case.must_show, &p.id)
                || (serves_stated_need(p, &case.profile)
                    && !case.never_eligible.contains(&p.id)
                    && !listed(&case.not_top, &p.id));
            (p.id.clone(), relevant)
        })
        .collect();
    CaseResult {
        id: case.id.clone(),
        file: case.file.clone(),
        reason: case.reason.clone(),
        tags: case.tags.clone(),
        region: case.profile.effective_region(),
        must_show,
        never_eligible,
        not_top,
        desks,
        window,
        fit_count: view.fits.len(),
        known_gap: case.known_gap.clone(),
    }
}

/// Sums over the set. See `docs/evaluation.md` for the definitions.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Totals {
    pub cases: usize,
    pub broken: usize,
    /// Cases marked `known_gap` whose expectations still fail (their misses count in the
    /// other totals).
    pub known_gaps: usize,
    pub must_show_hits: usize,
    pub must_show_expected: usize,
    /// Programs of `never_eligible` lists listed among the fits.
    pub wrong_eligible: usize,
    pub never_eligible_checked: usize,
    pub not_top_violations: usize,
    pub not_top_checked: usize,
    pub desk_hits: usize,
    pub desk_expected: usize,
    /// Relevant programs among the first fits, over all cases (micro-average numerator).
    pub precision_relevant: usize,
    /// Fits looked at (up to [`PRECISION_WINDOW`] per case).
    pub precision_window: usize,
}

impl Totals {
    pub fn precision(&self) -> Option<f64> {
        (self.precision_window > 0)
            .then(|| self.precision_relevant as f64 / self.precision_window as f64)
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Report {
    pub today: Date,
    pub cases: Vec<CaseResult>,
    pub totals: Totals,
}

impl Report {
    pub fn broken(&self) -> impl Iterator<Item = &CaseResult> {
        self.cases.iter().filter(|c| c.broken())
    }

    /// Cases per region (`none` when no place is known), in the order of [`Region::ALL`].
    pub fn by_region(&self) -> Vec<(String, usize, usize)> {
        let mut rows: Vec<(String, usize, usize)> = Region::ALL
            .iter()
            .map(|r| (r.id().to_string(), 0, 0))
            .collect();
        rows.push(("none".into(), 0, 0));
        for c in &self.cases {
            let i = c.region.map(Region::index).unwrap_or(Region::ALL.len());
            rows[i].1 += 1;
            rows[i].2 += usize::from(c.broken());
        }
        rows
    }

    /// Cases per tag, in the order of [`TAGS`].
    pub fn by_tag(&self) -> Vec<(&'static str, usize, usize)> {
        TAGS.iter()
            .map(|t| {
                let with: Vec<_> = self
                    .cases
                    .iter()
                    .filter(|c| c.tags.iter().any(|x| x == t))
                    .collect();
                (*t, with.len(), with.iter().filter(|c| c.broken()).count())
            })
            .collect()
    }
}

/// Runs every case and sums the metrics.
pub fn evaluate(catalog: &Catalog, cases: &[Case], today: Date) -> Report {
    let results: Vec<CaseResult> = cases
        .iter()
        .map(|c| score_case(catalog, c, today))
        .collect();
    let mut t = Totals {
        cases: results.len(),
        ..Totals::default()
    };
    for r in &results {
        t.broken += usize::from(r.broken());
        t.known_gaps += usize::from(r.is_known_gap());
        t.must_show_expected += r.must_show.len();
        t.must_show_hits += r.must_show.iter().filter(|m| m.hit()).count();
        t.never_eligible_checked += r.never_eligible.len();
        t.wrong_eligible += r.never_eligible.iter().filter(|n| n.wrong()).count();
        t.not_top_checked += r.not_top.len();
        t.not_top_violations += r.not_top.iter().filter(|n| n.violated()).count();
        t.desk_expected += r.desks.len();
        t.desk_hits += r.desks.iter().filter(|d| d.hit()).count();
        t.precision_relevant += r.relevant();
        t.precision_window += r.window.len();
    }
    Report {
        today,
        cases: results,
        totals: t,
    }
}

// ---------------------------------------------------------------------------------------------
// Output
// ---------------------------------------------------------------------------------------------

fn ratio(n: usize, d: usize) -> String {
    if d == 0 {
        format!("{n}/{d}")
    } else {
        format!("{n}/{d} ({:.1} %)", 100.0 * n as f64 / d as f64)
    }
}

/// The report as text: one block per case (broken ones with what failed), then the totals.
pub fn render_text(report: &Report) -> String {
    use std::fmt::Write;
    let mut s = String::new();
    for c in &report.cases {
        let mut failures = c.failures();
        let status = match (failures.is_empty(), c.known_gap.is_some()) {
            (true, false) => "ok",
            (false, true) => "GAP",
            _ => "BROKEN",
        };
        if failures.is_empty() && c.known_gap.is_some() {
            failures.push("passes now: remove its `known_gap` mark".into());
        }
        let precision = c
            .precision()
            .map(|_| format!("{}/{}", c.relevant(), c.window.len()))
            .unwrap_or_else(|| "no fit".into());
        let _ = writeln!(
            s,
            "{status:<7}{}  [{}; {} fits; top-{PRECISION_WINDOW} precision {precision}]",
            c.id,
            c.region.map(Region::id).unwrap_or("no region"),
            c.fit_count,
        );
        for f in &failures {
            let _ = writeln!(s, "         - {f}");
        }
        if let (Some(gap), "GAP") = (&c.known_gap, status) {
            let _ = writeln!(s, "         known gap: {gap}");
        }
        if !failures.is_empty() {
            let top: Vec<String> = c
                .window
                .iter()
                .map(|(id, r)| if *r { id.clone() } else { format!("{id} (x)") })
                .collect();
            let _ = writeln!(s, "         first fits: {}", top.join(", "));
            let _ = writeln!(s, "         ({})", c.file.display());
        }
    }
    let t = &report.totals;
    let _ = writeln!(
        s,
        "\nEvaluation as of {}: {} cases, {} broken, {} known gaps",
        report.today, t.cases, t.broken, t.known_gaps
    );
    let _ = writeln!(
        s,
        "  must-show hits        {}",
        ratio(t.must_show_hits, t.must_show_expected)
    );
    let _ = writeln!(
        s,
        "  wrong-eligible        {} (of {} never-eligible expectations)",
        t.wrong_eligible, t.never_eligible_checked
    );
    let _ = writeln!(
        s,
        "  top-{PRECISION_WINDOW} precision       {}",
        ratio(t.precision_relevant, t.precision_window)
    );
    let _ = writeln!(
        s,
        "  not-top violations    {} (of {} not-top expectations)",
        t.not_top_violations, t.not_top_checked
    );
    let _ = writeln!(
        s,
        "  desk hits             {}",
        ratio(t.desk_hits, t.desk_expected)
    );
    s
}

/// The report as JSON (`catalog eval --json`).
pub fn to_json(report: &Report) -> Value {
    let cases: Vec<Value> = report
        .cases
        .iter()
        .map(|c| {
            json!({
                "id": c.id,
                "file": c.file.display().to_string(),
                "region": c.region.map(Region::id),
                "tags": c.tags,
                "broken": c.broken(),
                "known_gap": c.known_gap,
                "failures": c.failures(),
                "must_show": c.must_show.iter().map(|m| json!({"program": m.program, "top": m.top, "position": m.position, "hit": m.hit()})).collect::<Vec<_>>(),
                "never_eligible": c.never_eligible.iter().map(|n| json!({"program": n.program, "shown": n.shown.map(Shown::id), "wrong": n.wrong()})).collect::<Vec<_>>(),
                "not_top": c.not_top.iter().map(|n| json!({"program": n.program, "top": n.top, "position": n.position, "violated": n.violated()})).collect::<Vec<_>>(),
                "desks": c.desks.iter().map(|d| json!({"program": d.program, "expected": d.expected, "got": d.got, "hit": d.hit()})).collect::<Vec<_>>(),
                "first_fits": c.window.iter().map(|(id, r)| json!({"program": id, "relevant": r})).collect::<Vec<_>>(),
                "fits": c.fit_count,
                "precision": c.precision(),
            })
        })
        .collect();
    let t = &report.totals;
    let by_region: BTreeMap<String, Value> = report
        .by_region()
        .into_iter()
        .map(|(r, n, b)| (r, json!({"cases": n, "broken": b})))
        .collect();
    let by_tag: BTreeMap<&str, Value> = report
        .by_tag()
        .into_iter()
        .map(|(tag, n, b)| (tag, json!({"cases": n, "broken": b})))
        .collect();
    json!({
        "today": report.today.to_string(),
        "cases": cases,
        "totals": {
            "cases": t.cases,
            "broken": t.broken,
            "known_gaps": t.known_gaps,
            "must_show_hits": t.must_show_hits,
            "must_show_expected": t.must_show_expected,
            "wrong_eligible": t.wrong_eligible,
            "never_eligible_checked": t.never_eligible_checked,
            "top5_precision": t.precision(),
            "precision_relevant": t.precision_relevant,
            "precision_window": t.precision_window,
            "not_top_violations": t.not_top_violations,
            "not_top_checked": t.not_top_checked,
            "desk_hits": t.desk_hits,
            "desk_expected": t.desk_expected,
            "by_region": by_region,
            "by_tag": by_tag,
        }
    })
}
