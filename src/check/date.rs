//! Dates and the deadline: the date on a report against when the report on its year is due.

use serde::Serialize;

/// A calendar date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    pub year: u32,
    pub month: u32,
    pub day: u32,
}

impl Date {
    /// The date of a signing line (`2025年2月20日`, `二〇二五年二月二十日`), if it is a real day.
    pub fn parse(line: &str) -> Option<Date> {
        let (year, month, day) = crate::text::parse_date(line)?;
        (day <= days_in_month(year, month)).then_some(Date { year, month, day })
    }

    /// Days since 1970-01-01 (negative before): civil-from-days inverted, for any Gregorian date.
    fn days(self) -> i64 {
        let (y, m, d) = (i64::from(self.year), i64::from(self.month), i64::from(self.day));
        let y = if m <= 2 { y - 1 } else { y };
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// Days from `earlier` to this date.
    pub fn since(self, earlier: Date) -> i64 {
        self.days() - earlier.days()
    }
}

impl std::fmt::Display for Date {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// When a report is due: this month and day of the year after the one it reports on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Due {
    pub month: u32,
    pub day: u32,
}

pub fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        2 if year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400)) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Where a report's date stands against its deadline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    OnTime,
    Late,
    /// Dated before the year it reports on had ended.
    Early,
    Undated,
}

/// The deadline of one report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Deadline {
    /// When the report on its year is due; `None` when neither its year nor its date is known.
    pub due: Option<Date>,
    pub status: Status,
    /// Days after the deadline, when late.
    pub days_late: Option<i64>,
}

impl Deadline {
    /// The deadline of a report on `year` (its title's; without one, the year before its date, or
    /// the date's own year for a report dated in the second half of a year) dated `dated`.
    pub fn new(year: Option<u32>, dated: Option<Date>, due: Due) -> Deadline {
        let year = year.or_else(|| dated.map(|d| if d.month <= 6 { d.year - 1 } else { d.year }));
        let due_date = year.map(|y| Date {
            year: y + 1,
            month: due.month,
            day: due.day.min(days_in_month(y + 1, due.month)),
        });
        let (status, days_late) = match (dated, year, due_date) {
            (None, _, _) | (_, None, _) | (_, _, None) => (Status::Undated, None),
            (Some(d), Some(y), _) if d.year <= y => (Status::Early, None),
            (Some(d), _, Some(due)) if d > due => (Status::Late, Some(d.since(due))),
            _ => (Status::OnTime, None),
        };
        Deadline {
            due: due_date,
            status,
            days_late,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const Q1: Due = Due { month: 3, day: 31 };

    fn date(s: &str) -> Option<Date> {
        Date::parse(s)
    }

    #[test]
    fn days_between_dates_count_leap_years() {
        let d = |y, m, day| Date { year: y, month: m, day };
        assert_eq!(d(2025, 5, 12).since(d(2025, 3, 31)), 42);
        assert_eq!(d(2024, 3, 1).since(d(2024, 2, 28)), 2);
        assert_eq!(d(2025, 1, 1).since(d(2024, 1, 1)), 366);
        assert_eq!(d(1970, 1, 1).days(), 0);
        assert!(Date::parse("2025年2月30日").is_none());
    }

    #[test]
    fn every_date_case_against_the_first_quarter() {
        let on_time = Deadline::new(Some(2024), date("2025年2月20日"), Q1);
        assert_eq!(
            (on_time.status, on_time.due.map(|d| d.to_string())),
            (Status::OnTime, Some("2025-03-31".into()))
        );
        assert_eq!(
            Deadline::new(Some(2024), date("2025年3月31日"), Q1).status,
            Status::OnTime
        );
        let late = Deadline::new(Some(2024), date("二〇二五年五月十二日"), Q1);
        assert_eq!((late.status, late.days_late), (Status::Late, Some(42)));
        assert_eq!(
            Deadline::new(Some(2024), date("2024年11月20日"), Q1).status,
            Status::Early
        );
        assert_eq!(Deadline::new(Some(2024), None, Q1).status, Status::Undated);
        // Without a year in the title, the date tells it.
        assert_eq!(Deadline::new(None, date("2025年3月27日"), Q1).status, Status::OnTime);
        // A province's 1 March.
        let march = Due { month: 3, day: 1 };
        assert_eq!(
            Deadline::new(Some(2024), date("2025年3月27日"), march).days_late,
            Some(26)
        );
    }
}
