//! Calendar arithmetic for the wire's date formats: `YYYY-MM-DD` days and `YYYY-MM-DD HH:MM:SS`
//! timestamps, converted to and from Unix seconds.
//!
//! The emulator keeps every time in UTC (the real service works in China Standard Time; a fixed
//! zone is all that matters for tests, and UTC needs no offset bookkeeping). Only the proleptic
//! Gregorian calendar from 1970 to 9999 is accepted, which covers every realistic request and
//! keeps the arithmetic in plain integers.

/// Seconds in one day.
pub(super) const DAY: u64 = 86_400;

/// The last year a date may have.
const MAX_YEAR: u64 = 9999;

/// A calendar day, counted from 1970-01-01 (day 0).
pub(super) type Day = u64;

/// The day a Unix time falls on.
pub(super) fn day_of(unix: u64) -> Day {
    unix / DAY
}

/// The first second of the day after the one `unix` falls on; `None` when that lies beyond
/// what a `u64` counts (a clock set to the far end of time has no tomorrow).
pub(super) fn start_of_next_day(unix: u64) -> Option<u64> {
    day_of(unix).checked_add(1)?.checked_mul(DAY)
}

/// Whether `year` has a 29th of February.
fn is_leap(year: u64) -> bool {
    (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400)
}

/// How many days `month` (1-12) of `year` has.
fn month_len(year: u64, month: u64) -> u64 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days from 1970-01-01 to the first of January of `year` (1970 or later).
fn days_before_year(year: u64) -> u64 {
    // Leap years in [1970, year): count the multiples of 4, 100 and 400 below `year` and
    // subtract those below 1970, so no loop over the years is needed.
    let leaps_below = |y: u64| (y - 1) / 4 - (y - 1) / 100 + (y - 1) / 400;
    (year - 1970) * 365 + leaps_below(year) - leaps_below(1970)
}

/// The day number of a calendar date, if the date exists and lies in 1970..=9999.
fn day_from_civil(year: u64, month: u64, day: u64) -> Option<Day> {
    if !(1970..=MAX_YEAR).contains(&year) || !(1..=12).contains(&month) {
        return None;
    }
    if day == 0 || day > month_len(year, month) {
        return None;
    }
    let before_month: u64 = (1..month).map(|m| month_len(year, m)).sum();
    Some(days_before_year(year) + before_month + day - 1)
}

/// The calendar date (year, month, day) of a day number.
fn civil_from_day(mut day: Day) -> (u64, u64, u64) {
    let mut year = 1970;
    // Jump whole 400-year cycles first (146,097 days each) so far dates stay cheap.
    year += day / 146_097 * 400;
    day %= 146_097;
    loop {
        let len = if is_leap(year) { 366 } else { 365 };
        if day < len {
            break;
        }
        day -= len;
        year += 1;
    }
    let mut month = 1;
    while day >= month_len(year, month) {
        day -= month_len(year, month);
        month += 1;
    }
    (year, month, day + 1)
}

/// Formats a day as `YYYY-MM-DD`.
pub(super) fn format_day(day: Day) -> String {
    let (year, month, dom) = civil_from_day(day);
    format!("{year:04}-{month:02}-{dom:02}")
}

/// Formats a Unix time as `YYYY-MM-DD HH:MM:SS`.
pub(super) fn format_datetime(unix: u64) -> String {
    let seconds = unix % DAY;
    format!(
        "{} {:02}:{:02}:{:02}",
        format_day(day_of(unix)),
        seconds / 3600,
        seconds % 3600 / 60,
        seconds % 60
    )
}

/// Formats a Unix time as `YYYYMMDDHHMMSS`, the stamp inside message ids.
pub(super) fn format_compact(unix: u64) -> String {
    format_datetime(unix).replace(['-', ' ', ':'], "")
}

/// Reads a run of ASCII digits as a number; `None` for anything else.
fn digits(text: &str) -> Option<u64> {
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

/// Parses a `YYYY-MM-DD` day; `None` when the text is not exactly that or names no real day.
pub(super) fn parse_day(text: &str) -> Option<Day> {
    let bytes = text.as_bytes();
    if bytes.len() != 10 || bytes.get(4) != Some(&b'-') || bytes.get(7) != Some(&b'-') {
        return None;
    }
    let year = digits(text.get(0..4)?)?;
    let month = digits(text.get(5..7)?)?;
    let day = digits(text.get(8..10)?)?;
    day_from_civil(year, month, day)
}

/// Parses a `YYYY-MM-DD HH:MM:SS` timestamp into Unix seconds.
pub(super) fn parse_datetime(text: &str) -> Option<u64> {
    let (date, clock) = text.split_once(' ')?;
    let day = parse_day(date)?;
    let bytes = clock.as_bytes();
    if bytes.len() != 8 || bytes.get(2) != Some(&b':') || bytes.get(5) != Some(&b':') {
        return None;
    }
    let hour = digits(clock.get(0..2)?)?;
    let minute = digits(clock.get(3..5)?)?;
    let second = digits(clock.get(6..8)?)?;
    if hour > 23 || minute > 59 || second > 59 {
        return None;
    }
    Some(day * DAY + hour * 3600 + minute * 60 + second)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_days_match_their_unix_times() {
        // 2021-01-05 06:48:18 UTC is 1609829298 (the GetSendEmailStatus example's era),
        // computed independently: 18632 days * 86400 + 6*3600 + 48*60 + 18.
        assert_eq!(parse_datetime("2021-01-05 06:48:18"), Some(1_609_829_298));
        assert_eq!(format_datetime(1_609_829_298), "2021-01-05 06:48:18");
        assert_eq!(parse_day("1970-01-01"), Some(0));
        assert_eq!(parse_day("2000-03-01"), Some(11_017));
        assert_eq!(format_day(11_016), "2000-02-29");
        assert_eq!(format_compact(1_609_829_298), "20210105064818");
        // 2021-01-06 00:00:00 UTC: 18633 days * 86400.
        assert_eq!(start_of_next_day(1_609_829_298), Some(1_609_891_200));
        assert_eq!(start_of_next_day(u64::MAX), None);
    }

    #[test]
    fn every_day_round_trips_through_its_text() {
        let last = parse_day("9999-12-31").unwrap_or(0);
        assert!(last > 2_900_000);
        for day in (0..=last).step_by(97).chain([last]) {
            assert_eq!(parse_day(&format_day(day)), Some(day), "day {day}");
        }
    }

    #[test]
    fn malformed_or_impossible_dates_are_refused() {
        for text in [
            "2021-02-29",
            "2100-02-29",
            "2021-13-01",
            "2021-00-10",
            "2021-1-01",
            "1969-12-31",
            "2021/01/01",
            "２０２１-01-01",
            "",
        ] {
            assert_eq!(parse_day(text), None, "{text}");
        }
        for text in [
            "2021-01-01 24:00:00",
            "2021-01-01 10:60:00",
            "2021-01-01T10:00:00",
        ] {
            assert_eq!(parse_datetime(text), None, "{text}");
        }
    }
}
