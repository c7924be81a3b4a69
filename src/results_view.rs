//! What the results page shows and in which order: pure rules over the engine's ranking,
//! tested natively. The engine decides the order of programs (docs/ranking.md); this module only
//! lays them out, so that the first screen answers what the holder asked:
//!
//! 1. **Best for you**: the engine's first [`BEST`] programs for the stated needs, whatever
//!    the filters (they sit below it);
//! 2. one group per stated need, in the order the holder gave the needs (a program once, under
//!    the first of their needs it answers), each in the engine's order; with no need stated,
//!    one group of the other programs for them;
//! 3. also open to them, not taking applications now, within reach with one step.
//!
//! Pathways, the answers, the programs not for them, sharing and the printed sheet come after
//! (the component decides that; nothing here depends on the DOM). Each rule is in one place:
//! what a filter keeps, how many cards a group shows before "show all", the featured partner's
//! programs first, which programs go on paper, the counts of the summary.

use crate::catalog::Need;
use crate::engine::{Ranked, Ranking, Verdict, small_sort_by};

/// Programs in "Best for you": the first screen of a phone holds the first of them, a kiosk
/// two or three.
pub const BEST: usize = 3;
/// Cards a group shows before its "show all" button.
pub const FIRST_CARDS: usize = 2;
/// Programs on the printed sheet: each with its verdict, cautions and desk, on one A4 page in
/// every language (measured with Chromium's print to PDF, tests/e2e/results-first.spec.ts).
pub const ON_PAPER: usize = 5;

/// A group of cards on the results page.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Group {
    Best,
    /// The holder's other programs for one of their stated needs.
    Need(Need),
    /// The holder's other programs when no need was stated.
    MoreFits,
    AlsoOpen,
    Closed,
    NearMisses,
}

impl Group {
    /// A stable id for the DOM (`data-group`, heading ids, tests).
    pub fn id(self) -> &'static str {
        match self {
            Group::Best => "best",
            Group::Need(n) => match n {
                Need::Financing => "need-financing",
                Need::Coaching => "need-coaching",
                Need::Incubation => "need-incubation",
                Need::MarketAccess => "need-market-access",
                Need::Formalisation => "need-formalisation",
            },
            Group::MoreFits => "fits",
            Group::AlsoOpen => "also-open",
            Group::Closed => "closed",
            Group::NearMisses => "near-misses",
        }
    }
}

/// The holder's filters, shown below "Best for you".
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    /// Only programs giving this kind of help.
    pub need: Option<Need>,
    /// Only programs whose every rule is met (near-misses are never filtered out by it: they
    /// are not eligible by definition, and say which step opens them).
    pub eligible_only: bool,
}

impl Filter {
    pub fn is_active(self) -> bool {
        self.need.is_some() || self.eligible_only
    }

    /// Whether a program in `group` stays under this filter.
    pub fn keeps(self, group: Group, r: &Ranked<'_>) -> bool {
        let kind = self
            .need
            .is_none_or(|n| r.program.kinds.iter().any(|k| k.need() == n));
        let verdict =
            group == Group::NearMisses || !self.eligible_only || r.verdict == Verdict::Eligible;
        kind && verdict
    }
}

/// The stated needs in the holder's order, each once; empty when unknown or "nothing in
/// particular".
pub fn stated_needs(needs: Option<&[Need]>) -> Vec<Need> {
    let mut out: Vec<Need> = Vec::new();
    for n in needs.unwrap_or_default() {
        if !out.contains(n) {
            out.push(*n);
        }
    }
    out
}

/// The filter chips' needs: the stated ones first, in the holder's order, then the others.
pub fn chip_order(needs: Option<&[Need]>) -> Vec<Need> {
    let stated = stated_needs(needs);
    let others = Need::ALL.iter().filter(|n| !stated.contains(n));
    stated.iter().chain(others).copied().collect()
}

/// One group as laid out: its programs in order (all of them; how many are drawn is
/// [`shown`]).
#[derive(Clone, Debug)]
pub struct Laid<'r, 'a> {
    pub group: Group,
    pub items: Vec<&'r Ranked<'a>>,
}

/// A partner's own programs first, the engine's order kept otherwise (a stable sort).
fn featured_first<'r, 'a>(items: &mut [&'r Ranked<'a>], featured: Option<&str>) {
    if let Some(f) = featured {
        // The engine's small stable sort: the standard one is ~4 KB of wasm per use.
        let theirs = |r: &&Ranked<'_>| r.program.provider == f;
        small_sort_by(items, |a, b| theirs(a) && !theirs(b));
    }
}

/// The groups of the results page, in order, empty ones left out.
pub fn layout<'r, 'a>(
    ranking: &'r Ranking<'a>,
    needs: Option<&[Need]>,
    filter: Filter,
    featured: Option<&str>,
) -> Vec<Laid<'r, 'a>> {
    let mut fits: Vec<&Ranked<'a>> = ranking.fits.iter().collect();
    featured_first(&mut fits, featured);
    let best: Vec<_> = fits.iter().take(BEST).copied().collect();
    // Under an active filter the groups below are the complete list for it, the best ones
    // included: a holder who picks "Financing" expects every financing program there.
    let rest: Vec<_> = fits
        .iter()
        .skip(if filter.is_active() { 0 } else { best.len() })
        .copied()
        .filter(|r| filter.keeps(Group::MoreFits, r))
        .collect();
    let mut out = vec![Laid {
        group: Group::Best,
        items: best,
    }];
    let stated = stated_needs(needs);
    if stated.is_empty() {
        out.push(Laid {
            group: Group::MoreFits,
            items: rest,
        });
    } else {
        let mut groups: Vec<Laid> = stated
            .iter()
            .map(|n| Laid {
                group: Group::Need(*n),
                items: Vec::new(),
            })
            .collect();
        for r in rest {
            // Under the first stated need it answers; a fit answers one by definition, but a
            // program without any (a catalog slip) still shows, under the first need.
            let i = stated
                .iter()
                .position(|n| r.program.kinds.iter().any(|k| k.need() == *n))
                .unwrap_or(0);
            groups[i].items.push(r);
        }
        out.extend(groups);
    }
    for (group, list) in [
        (Group::AlsoOpen, &ranking.also_open),
        (Group::Closed, &ranking.closed),
        (Group::NearMisses, &ranking.near_misses),
    ] {
        let mut items: Vec<_> = list.iter().filter(|r| filter.keeps(group, r)).collect();
        featured_first(&mut items, featured);
        out.push(Laid { group, items });
    }
    out.retain(|g| !g.items.is_empty());
    out
}

/// How many of a group's `total` programs are drawn: all in "Best for you" and in an unfolded
/// group, the first [`FIRST_CARDS`] otherwise.
pub fn shown(group: Group, total: usize, unfolded: bool) -> usize {
    if group == Group::Best || unfolded {
        total
    } else {
        total.min(FIRST_CARDS)
    }
}

/// The slots of the first screen, drawn one per task on a cheap phone (`ui::ranked`): each
/// group's first cards ([`shown`] folded) in the order of the page, with the filters as one
/// slot after "Best for you".
pub fn first_slots(laid: &[Laid<'_, '_>]) -> usize {
    let cards: usize = laid
        .iter()
        .map(|g| shown(g.group, g.items.len(), false))
        .sum();
    cards + 1
}

/// The slot at which each group's first card is drawn (see [`first_slots`]): "Best for you"
/// from 0, the filters after it, then the groups below in order.
pub fn first_slot_of(laid: &[Laid<'_, '_>]) -> Vec<(Group, usize)> {
    // Without "Best for you" (nothing fits), the filters come first.
    let mut next = usize::from(laid.first().is_none_or(|g| g.group != Group::Best));
    laid.iter()
        .map(|g| {
            let at = next;
            next += shown(g.group, g.items.len(), false);
            if g.group == Group::Best {
                // The filters' slot.
                next += 1;
            }
            (g.group, at)
        })
        .collect()
}

/// The summary's counts: programs open to the holder whose every rule is met, and those with
/// rules still to check.
pub fn counts(ranking: &Ranking<'_>) -> (usize, usize) {
    let open = ranking.fits.len() + ranking.also_open.len();
    let eligible = ranking
        .fits
        .iter()
        .chain(&ranking.also_open)
        .filter(|x| x.verdict == Verdict::Eligible)
        .count();
    (eligible, open - eligible)
}

/// The programs on the printed sheet: the best for the stated needs, then those also open when
/// there are fewer than [`ON_PAPER`].
pub fn on_paper<'r, 'a>(ranking: &'r Ranking<'a>) -> Vec<&'r Ranked<'a>> {
    ranking
        .fits
        .iter()
        .chain(&ranking.also_open)
        .take(ON_PAPER)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::{Date, embedded};
    use crate::engine::{Profile, rank};

    const TODAY: Date = Date::ymd(2026, 11, 30);

    fn profile(needs: &[Need]) -> Profile {
        Profile {
            needs: Some(needs.to_vec()),
            ..Profile::default()
        }
    }

    fn ids<'a>(g: &Laid<'_, 'a>) -> Vec<&'a str> {
        g.items.iter().map(|r| r.program.id.as_str()).collect()
    }

    fn groups(l: &[Laid<'_, '_>]) -> Vec<Group> {
        l.iter().map(|g| g.group).collect()
    }

    #[test]
    fn best_first_then_the_needs_in_the_holders_order() {
        let c = embedded();
        let p = profile(&[Need::MarketAccess, Need::Coaching]);
        let r = rank(c, &p, TODAY);
        let l = layout(&r, p.needs.as_deref(), Filter::default(), None);
        let g = groups(&l);
        assert_eq!(g[0], Group::Best);
        // Market access before coaching, as the holder said them; never financing, not asked.
        let market = g.iter().position(|x| *x == Group::Need(Need::MarketAccess));
        let coaching = g.iter().position(|x| *x == Group::Need(Need::Coaching));
        assert!(market < coaching, "{g:?}");
        assert!(!g.contains(&Group::Need(Need::Financing)), "{g:?}");
        // The best are the engine's first programs, in its order.
        let engine: Vec<_> = r
            .fits
            .iter()
            .take(BEST)
            .map(|x| x.program.id.as_str())
            .collect();
        assert_eq!(ids(&l[0]), engine);
    }

    #[test]
    fn every_fit_once_and_the_engine_order_kept_in_each_group() {
        let c = embedded();
        let p = profile(&[Need::Coaching, Need::Financing]);
        let r = rank(c, &p, TODAY);
        let l = layout(&r, p.needs.as_deref(), Filter::default(), None);
        let shown_fits: Vec<&str> = l
            .iter()
            .filter(|g| matches!(g.group, Group::Best | Group::Need(_)))
            .flat_map(ids)
            .collect();
        let mut sorted = shown_fits.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(sorted.len(), shown_fits.len(), "a program twice");
        assert_eq!(shown_fits.len(), r.fits.len());
        let rank_of = |id: &str| r.all().position(|x| x.program.id == id).unwrap();
        for g in &l {
            let order: Vec<_> = ids(g).into_iter().map(rank_of).collect();
            assert!(order.windows(2).all(|w| w[0] < w[1]), "{:?}", g.group);
        }
        // A coaching program sits under coaching, the holder's first need, even if it finances.
        for g in &l {
            if g.group == Group::Need(Need::Financing) {
                for x in &g.items {
                    assert!(!x.program.kinds.iter().any(|k| k.need() == Need::Coaching));
                }
            }
        }
    }

    #[test]
    fn no_need_stated_one_group_of_the_others() {
        let c = embedded();
        for p in [Profile::default(), profile(&[])] {
            let r = rank(c, &p, TODAY);
            let l = layout(&r, p.needs.as_deref(), Filter::default(), None);
            assert_eq!(l[0].group, Group::Best);
            assert!(l.iter().all(|g| !matches!(g.group, Group::Need(_))));
            if r.fits.len() > BEST {
                assert_eq!(l[1].group, Group::MoreFits);
            }
        }
    }

    #[test]
    fn a_filter_leaves_the_best_alone_and_lists_everything_it_keeps_below() {
        let c = embedded();
        let p = profile(&[Need::Financing, Need::Coaching]);
        let r = rank(c, &p, TODAY);
        let plain = layout(&r, p.needs.as_deref(), Filter::default(), None);
        let f = Filter {
            need: Some(Need::Coaching),
            eligible_only: false,
        };
        let l = layout(&r, p.needs.as_deref(), f, None);
        assert_eq!(ids(&l[0]), ids(&plain[0]));
        let below: Vec<&str> = l[1..]
            .iter()
            .filter(|g| matches!(g.group, Group::Need(_)))
            .flat_map(ids)
            .collect();
        let expected: Vec<&str> = r
            .fits
            .iter()
            .filter(|x| x.program.kinds.iter().any(|k| k.need() == Need::Coaching))
            .map(|x| x.program.id.as_str())
            .collect();
        let mut b = below.clone();
        b.sort();
        let mut e = expected.clone();
        e.sort();
        assert_eq!(b, e);
        let eligible = Filter {
            need: None,
            eligible_only: true,
        };
        for g in layout(&r, p.needs.as_deref(), eligible, None)
            .iter()
            .skip(1)
        {
            if g.group != Group::NearMisses {
                assert!(g.items.iter().all(|x| x.verdict == Verdict::Eligible));
            }
        }
    }

    #[test]
    fn a_partners_programs_first_in_each_group() {
        let c = embedded();
        let p = profile(&[Need::Financing]);
        let r = rank(c, &p, TODAY);
        let Some(provider) = r.fits.get(5).map(|x| x.program.provider.clone()) else {
            return;
        };
        let l = layout(&r, p.needs.as_deref(), Filter::default(), Some(&provider));
        assert_eq!(l[0].items[0].program.provider, provider);
        // Theirs first, then the others; the engine's order kept within each part.
        let rank_of = |id: &str| r.all().position(|x| x.program.id == id).unwrap();
        for g in &l {
            let theirs: Vec<bool> = g
                .items
                .iter()
                .map(|x| x.program.provider == provider)
                .collect();
            assert!(theirs.windows(2).all(|w| w[0] >= w[1]), "{:?}", g.group);
            for part in [true, false] {
                let order: Vec<usize> = g
                    .items
                    .iter()
                    .filter(|x| (x.program.provider == provider) == part)
                    .map(|x| rank_of(&x.program.id))
                    .collect();
                assert!(order.windows(2).all(|w| w[0] < w[1]), "{:?}", g.group);
            }
        }
    }

    #[test]
    fn cards_before_show_all() {
        assert_eq!(shown(Group::Best, 3, false), 3);
        assert_eq!(shown(Group::AlsoOpen, 7, false), FIRST_CARDS);
        assert_eq!(shown(Group::AlsoOpen, 1, false), 1);
        assert_eq!(shown(Group::AlsoOpen, 7, true), 7);
    }

    #[test]
    fn one_slot_per_first_card_and_one_for_the_filters() {
        let c = embedded();
        let p = profile(&[Need::Financing, Need::Coaching]);
        let r = rank(c, &p, TODAY);
        let l = layout(&r, p.needs.as_deref(), Filter::default(), None);
        let at = first_slot_of(&l);
        assert_eq!(at.len(), l.len());
        assert_eq!(at[0], (Group::Best, 0));
        let best = shown(Group::Best, l[0].items.len(), false);
        if let Some((_, second)) = at.get(1) {
            assert_eq!(*second, best + 1, "the filters sit between");
        }
        // Each group starts where the one before it ends, and the last ends at the total.
        for (w, g) in at.windows(2).zip(&l) {
            let gap = shown(g.group, g.items.len(), false) + usize::from(g.group == Group::Best);
            assert_eq!(w[1].1 - w[0].1, gap);
        }
        let last = l.last().unwrap();
        let end = at.last().unwrap().1
            + shown(last.group, last.items.len(), false)
            + usize::from(last.group == Group::Best);
        assert_eq!(end, first_slots(&l));
        assert!(first_slots(&l) <= BEST + 1 + FIRST_CARDS * (l.len() - 1));
    }

    #[test]
    fn chips_follow_the_stated_needs() {
        let needs = [Need::Formalisation, Need::Coaching];
        let c = chip_order(Some(&needs));
        assert_eq!(&c[..2], &needs);
        assert_eq!(c.len(), Need::ALL.len());
        assert_eq!(chip_order(None), Need::ALL.to_vec());
        assert_eq!(
            stated_needs(Some(&[Need::Coaching, Need::Coaching])),
            vec![Need::Coaching]
        );
    }

    #[test]
    fn counts_and_paper() {
        let c = embedded();
        let p = profile(&[Need::Financing]);
        let r = rank(c, &p, TODAY);
        let (e, q) = counts(&r);
        assert_eq!(e + q, r.fits.len() + r.also_open.len());
        let paper = on_paper(&r);
        assert!(paper.len() <= ON_PAPER);
        assert_eq!(
            paper.first().map(|x| &x.program.id),
            r.fits.first().map(|x| &x.program.id)
        );
    }
}
