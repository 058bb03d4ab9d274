//! Mentions of one entity over time: bars per day, week or month across the
//! collection's date range, with undated articles counted apart.

use crate::article::Date;
use crate::entity::{EntityId, EntityIndex};

/// The span of time one bar covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// One calendar day.
    Day,
    /// A week from Monday to Sunday.
    Week,
    /// A calendar month.
    Month,
}

/// One bar of a [`Timeline`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Bar {
    /// The first day of the bar's span (a Monday for weeks, the 1st for months).
    pub start: Date,
    /// Mentions in articles dated within the span.
    pub mentions: u32,
    /// Articles dated within the span that mention the entity.
    pub articles: u32,
}

/// Mentions of one entity per day, week or month, over the whole collection's
/// date range (empty spans included). The bars' mentions plus
/// `undated_mentions` add up to the entity's mention count.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Timeline {
    /// The span of each bar, chosen from the length of the range.
    pub unit: Unit,
    /// Consecutive bars from the collection's first date to its last.
    pub bars: Vec<Bar>,
    /// Mentions in articles without a date.
    pub undated_mentions: u32,
    /// Articles without a date that mention the entity.
    pub undated_articles: u32,
}

/// Ranges up to this many days get one bar per day.
const MAX_DAYS: i64 = 62;
/// Ranges up to this many days get one bar per week; longer ones one per month.
const MAX_WEEKS_SPAN: i64 = 2 * 366;

/// The earliest and latest date of the indexed articles.
pub fn date_range(index: &EntityIndex) -> Option<(Date, Date)> {
    let mut dates = index.dates().iter().filter_map(|&d| d);
    let first = dates.next()?;
    Some(dates.fold((first, first), |(lo, hi), d| (lo.min(d), hi.max(d))))
}

/// Days since 1970-01-01 (negative before), proleptic Gregorian.
fn days(d: Date) -> i64 {
    let (m, day) = (i64::from(d.month), i64::from(d.day));
    let y = i64::from(d.year) - i64::from(m <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The date `n` days after 1970-01-01.
fn date_of(n: i64) -> Date {
    let z = n + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    let year = (yoe + era * 400 + i64::from(month <= 2)) as u16;
    Date { year, month, day }
}

/// Months since year 0, for month buckets.
fn months(d: Date) -> i64 {
    i64::from(d.year) * 12 + i64::from(d.month) - 1
}

/// The Monday on or before `n` (days since the epoch, a Thursday).
fn monday(n: i64) -> i64 {
    n - (n + 3).rem_euclid(7)
}

impl Unit {
    /// The unit that gives a readable number of bars for `first..=last`.
    pub fn for_range(first: Date, last: Date) -> Unit {
        let span = days(last) - days(first);
        if span < MAX_DAYS {
            Unit::Day
        } else if span < MAX_WEEKS_SPAN {
            Unit::Week
        } else {
            Unit::Month
        }
    }

    /// The bucket number of `d` counted from the bucket holding `first`.
    fn bucket(self, first: Date, d: Date) -> i64 {
        match self {
            Unit::Day => days(d) - days(first),
            Unit::Week => (monday(days(d)) - monday(days(first))) / 7,
            Unit::Month => months(d) - months(first),
        }
    }

    /// The first day of bucket `i` counted from the bucket holding `first`.
    fn start(self, first: Date, i: i64) -> Date {
        match self {
            Unit::Day => date_of(days(first) + i),
            Unit::Week => date_of(monday(days(first)) + 7 * i),
            Unit::Month => {
                let m = months(first) + i;
                Date {
                    year: (m / 12) as u16,
                    month: (m % 12 + 1) as u8,
                    day: 1,
                }
            }
        }
    }
}

impl Timeline {
    /// The timeline of entity `id` over `range` (the collection's, from
    /// [`date_range`]; `None` when no article is dated).
    pub fn build(index: &EntityIndex, id: EntityId, range: Option<(Date, Date)>) -> Timeline {
        let unit = range.map_or(Unit::Day, |(first, last)| Unit::for_range(first, last));
        let mut bars: Vec<Bar> = match range {
            Some((first, last)) => (0..=unit.bucket(first, last))
                .map(|i| Bar {
                    start: unit.start(first, i),
                    mentions: 0,
                    articles: 0,
                })
                .collect(),
            None => Vec::new(),
        };
        let (mut undated_mentions, mut undated_articles) = (0, 0);
        for (a, slot) in index.positions_of(id) {
            let n = index.mentions_of(&index.of_article(a as usize)[slot]).len() as u32;
            let date = index.date(a as usize);
            let bar = match (date, range) {
                (Some(d), Some((first, _))) => usize::try_from(unit.bucket(first, d))
                    .ok()
                    .and_then(|i| bars.get_mut(i)),
                _ => None,
            };
            match bar {
                Some(bar) => {
                    bar.mentions += n;
                    bar.articles += 1;
                }
                None => {
                    undated_mentions += n;
                    undated_articles += 1;
                }
            }
        }
        Timeline {
            unit,
            bars,
            undated_mentions,
            undated_articles,
        }
    }

    /// All mentions counted: the bars' and the undated ones.
    pub fn total_mentions(&self) -> u32 {
        self.bars.iter().map(|b| b.mentions).sum::<u32>() + self.undated_mentions
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: u16, m: u8, day: u8) -> Date {
        Date::new(y, m, day).unwrap()
    }

    #[test]
    fn day_numbers_round_trip_across_leap_years_and_centuries() {
        assert_eq!(days(d(1970, 1, 1)), 0);
        assert_eq!(days(d(2000, 3, 1)) - days(d(2000, 2, 28)), 2);
        assert_eq!(days(d(1900, 3, 1)) - days(d(1900, 2, 28)), 1);
        for n in (-719_000..800_000).step_by(997) {
            assert_eq!(days(date_of(n)), n);
        }
        // 2025-07-10 was a Thursday; its week starts Monday 2025-07-07.
        assert_eq!(date_of(monday(days(d(2025, 7, 10)))), d(2025, 7, 7));
        assert_eq!(date_of(monday(days(d(2025, 7, 7)))), d(2025, 7, 7));
    }

    #[test]
    fn unit_grows_with_the_range() {
        assert_eq!(Unit::for_range(d(2025, 7, 1), d(2025, 7, 31)), Unit::Day);
        assert_eq!(Unit::for_range(d(2025, 1, 1), d(2025, 12, 31)), Unit::Week);
        assert_eq!(Unit::for_range(d(2020, 1, 1), d(2025, 12, 31)), Unit::Month);
    }

    #[test]
    fn bucket_starts_follow_the_calendar() {
        let first = d(2024, 11, 20);
        assert_eq!(Unit::Month.start(first, 2), d(2025, 1, 1));
        assert_eq!(Unit::Month.bucket(first, d(2025, 1, 31)), 2);
        assert_eq!(Unit::Week.start(first, 0), d(2024, 11, 18));
        assert_eq!(Unit::Week.bucket(first, d(2024, 11, 25)), 1);
        assert_eq!(Unit::Day.start(first, 11), d(2024, 12, 1));
    }
}
