//! When a program takes applications, and how narrowly it is bound to a place.

use crate::catalog::{Date, Program, Status};

/// How narrowly a program is bound to a place.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Locality {
    Province,
    Region,
    National,
}

impl Locality {
    pub fn of(program: &Program) -> Locality {
        if !program.criteria.provinces.is_empty() {
            Locality::Province
        } else if !program.criteria.regions.is_empty() {
            Locality::Region
        } else {
            Locality::National
        }
    }
}

/// Whether a program takes applications on the day of the ranking.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Timing {
    /// Closes within [`CLOSING_SOON_DAYS`] days.
    ClosingSoon {
        closes: Date,
        days: u16,
    },
    Open,
    /// Calls open at intervals.
    Seasonal,
    /// Not yet open; `opens` when a source gives the day.
    Announced {
        opens: Option<Date>,
    },
    Paused,
    BudgetExhausted,
    /// Ended, with the closing date when known.
    Closed {
        closed: Option<Date>,
    },
}

pub const CLOSING_SOON_DAYS: i64 = 60;

impl Timing {
    pub fn of(program: &Program, today: Date) -> Timing {
        Timing::at(program.status, program.opens, program.closes, today)
    }

    /// [`Timing::of`] from a program's status and dates.
    pub(super) fn at(
        status: Status,
        opens: Option<Date>,
        closes: Option<Date>,
        today: Date,
    ) -> Timing {
        if let Some(closes) = closes
            && closes.days_until(today) > 0
        {
            return Timing::Closed {
                closed: Some(closes),
            };
        }
        match status {
            Status::Closed => Timing::Closed { closed: closes },
            Status::BudgetExhausted => Timing::BudgetExhausted,
            Status::Paused => Timing::Paused,
            Status::Announced => match opens {
                Some(o) if o.days_until(today) >= 0 => Timing::Open,
                opens => Timing::Announced { opens },
            },
            Status::Open | Status::Seasonal => match closes {
                Some(c) if today.days_until(c) <= CLOSING_SOON_DAYS => Timing::ClosingSoon {
                    closes: c,
                    days: today.days_until(c).clamp(0, CLOSING_SOON_DAYS) as u16,
                },
                _ if status == Status::Seasonal => Timing::Seasonal,
                _ => Timing::Open,
            },
        }
    }

    /// Whether the program takes no applications now and may never again.
    pub fn is_shut(self) -> bool {
        matches!(
            self,
            Timing::Closed { .. } | Timing::BudgetExhausted | Timing::Paused
        )
    }

    pub(super) fn order(self) -> u64 {
        match self {
            Timing::ClosingSoon { .. } => 0,
            Timing::Open => 1,
            Timing::Seasonal => 2,
            Timing::Announced { .. } => 3,
            _ => 4,
        }
    }
}
