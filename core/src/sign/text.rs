//! Small fixed-size texts the signers produce on every call (hex digests, decimal timestamps,
//! credential dates), written into stack buffers so signing allocates as little as possible.

use std::fmt;

/// Lower-case hex digits, indexed by nibble.
const HEX_DIGITS: &[u8; 16] = b"0123456789abcdef";

/// A SHA-256 value written as 64 lower-case hex digits, as TC3 uses it everywhere (payload hash,
/// canonical request hash, signature).
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct HexDigest([u8; 64]);

impl HexDigest {
    /// Writes 32 bytes as lower-case hex.
    pub fn from_bytes(bytes: &[u8; 32]) -> Self {
        let mut out = [0u8; 64];
        for (pair, byte) in out.chunks_exact_mut(2).zip(bytes) {
            pair[0] = HEX_DIGITS[usize::from(byte >> 4)];
            pair[1] = HEX_DIGITS[usize::from(byte & 0x0f)];
        }
        Self(out)
    }

    /// The 64 hex digits as bytes: what a hash is fed, without the UTF-8 check of
    /// [`HexDigest::as_str`].
    pub fn as_bytes(&self) -> &[u8; 64] {
        &self.0
    }

    /// The 64 hex digits.
    pub fn as_str(&self) -> &str {
        // Only ASCII hex digits are ever stored, so this conversion cannot fail; the empty
        // fallback exists only to avoid a panic path.
        std::str::from_utf8(&self.0).unwrap_or_default()
    }
}

impl fmt::Display for HexDigest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Debug for HexDigest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "HexDigest({})", self.as_str())
    }
}

/// A `u64` in decimal, without leading zeros (the form of `X-TC-Timestamp` and `Timestamp`).
#[derive(Clone, Copy)]
pub(crate) struct Decimal {
    buf: [u8; 20],
    start: usize,
}

impl Decimal {
    /// Formats `value`; `u64::MAX` has 20 digits, which is the buffer's size.
    pub(crate) fn new(mut value: u64) -> Self {
        let mut buf = [b'0'; 20];
        let mut start = buf.len();
        loop {
            start -= 1;
            buf[start] = b'0' + (value % 10) as u8;
            value /= 10;
            if value == 0 {
                break;
            }
        }
        Self { buf, start }
    }

    /// The digits as bytes (for hashes and header values, which need no UTF-8 check).
    pub(crate) fn as_bytes(&self) -> &[u8] {
        self.buf.get(self.start..).unwrap_or_default()
    }

    /// The digits.
    pub(crate) fn as_str(&self) -> &str {
        self.buf
            .get(self.start..)
            .and_then(|digits| std::str::from_utf8(digits).ok())
            .unwrap_or_default()
    }
}

/// The `YYYY-MM-DD` UTC date of a Unix timestamp, the first element of a TC3 credential scope.
///
/// Years past 9999 (timestamps no real request carries) are written with more digits rather
/// than wrapped, so a date is never wrong, only unusual.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct CredentialDate {
    buf: [u8; 24],
    len: usize,
}

impl CredentialDate {
    /// The UTC calendar date of `timestamp` (seconds since 1970-01-01T00:00:00Z).
    ///
    /// Civil-from-days conversion in the proleptic Gregorian calendar, done with integers so
    /// no clock or time library is involved: shift the epoch to 0000-03-01 so leap days fall
    /// at the end of a year, split into 400-year eras of 146 097 days, then into years and
    /// months of a March-based year.
    pub fn from_timestamp(timestamp: u64) -> Self {
        let days = timestamp / 86_400;
        let shifted = days + 719_468;
        let era = shifted / 146_097;
        let day_of_era = shifted - era * 146_097;
        let year_of_era =
            (day_of_era - day_of_era / 1_460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
        let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
        let month_from_march = (5 * day_of_year + 2) / 153;
        let day = day_of_year - (153 * month_from_march + 2) / 5 + 1;
        let month = if month_from_march < 10 {
            month_from_march + 3
        } else {
            month_from_march - 9
        };
        let year = year_of_era + era * 400 + u64::from(month <= 2);

        let mut date = Self {
            buf: [0; 24],
            len: 0,
        };
        let year_digits = Decimal::new(year);
        for _ in year_digits.as_bytes().len()..4 {
            date.push(b'0');
        }
        for &digit in year_digits.as_bytes() {
            date.push(digit);
        }
        date.push(b'-');
        date.push_two_digits(month);
        date.push(b'-');
        date.push_two_digits(day);
        date
    }

    /// The date as `YYYY-MM-DD` bytes (for hashes, which need no UTF-8 check).
    pub(crate) fn as_bytes(&self) -> &[u8] {
        self.buf.get(..self.len).unwrap_or_default()
    }

    /// The date as `YYYY-MM-DD`.
    pub fn as_str(&self) -> &str {
        self.buf
            .get(..self.len)
            .and_then(|text| std::str::from_utf8(text).ok())
            .unwrap_or_default()
    }

    fn push(&mut self, byte: u8) {
        // The longest possible date (a 12-digit year, from `u64::MAX`) is 18 bytes, below the
        // buffer's 24.
        if let Some(slot) = self.buf.get_mut(self.len) {
            *slot = byte;
            self.len += 1;
        }
    }

    fn push_two_digits(&mut self, value: u64) {
        self.push(b'0' + (value / 10 % 10) as u8);
        self.push(b'0' + (value % 10) as u8);
    }
}

impl fmt::Display for CredentialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Debug for CredentialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "CredentialDate({})", self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_digest_is_lower_case_and_ordered_high_nibble_first() {
        let mut bytes = [0u8; 32];
        bytes[0] = 0xab;
        bytes[31] = 0x0f;
        let hex = HexDigest::from_bytes(&bytes);
        assert!(hex.as_str().starts_with("ab00"));
        assert!(hex.as_str().ends_with("000f"));
        assert_eq!(hex.as_str().len(), 64);
    }

    #[test]
    fn decimal_covers_zero_and_the_largest_value() {
        assert_eq!(Decimal::new(0).as_str(), "0");
        assert_eq!(Decimal::new(1_551_113_065).as_str(), "1551113065");
        assert_eq!(Decimal::new(u64::MAX).as_str(), u64::MAX.to_string());
    }

    #[test]
    fn credential_date_follows_utc_midnight() {
        // The date rule of docs/protocol.md sections 1.1 and 2.1: 1551139199 is still
        // 2019-02-25 in UTC.
        for (timestamp, date) in [
            (0, "1970-01-01"),
            (1_551_113_065, "2019-02-25"),
            (1_551_139_199, "2019-02-25"),
            (1_551_139_200, "2019-02-26"),
            (1_539_084_154, "2018-10-09"),
            (951_782_400, "2000-02-29"),
            (253_402_300_799, "9999-12-31"),
        ] {
            assert_eq!(
                CredentialDate::from_timestamp(timestamp).as_str(),
                date,
                "{timestamp}"
            );
        }
    }

    #[test]
    fn credential_date_past_year_9999_keeps_every_digit() {
        assert_eq!(
            CredentialDate::from_timestamp(253_402_300_800).as_str(),
            "10000-01-01"
        );
        let last = CredentialDate::from_timestamp(u64::MAX);
        let (year, month_day) = last.as_str().split_at(last.as_str().len() - 6);
        assert!(
            year.len() > 4 && year.bytes().all(|b| b.is_ascii_digit()),
            "{last:?}"
        );
        assert!(
            month_day.starts_with('-') && month_day.as_bytes()[3] == b'-',
            "{last:?}"
        );
    }

    proptest::proptest! {
        /// `httpdate` formats the same instant through `SystemTime`, an independent calendar.
        #[test]
        fn credential_date_agrees_with_httpdate(timestamp in 0u64..253_402_300_800) {
            let instant = std::time::UNIX_EPOCH + std::time::Duration::from_secs(timestamp);
            let http = httpdate::fmt_http_date(instant);
            // "Mon, 25 Feb 2019 16:44:25 GMT"
            let mut parts = http.split(' ').skip(1);
            let day = parts.next().unwrap_or_default();
            let month = parts.next().unwrap_or_default();
            let year = parts.next().unwrap_or_default();
            let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
            let month_number = months.iter().position(|m| *m == month).map_or(0, |i| i + 1);
            let expected = format!("{year:0>4}-{month_number:02}-{day:0>2}");
            let date = CredentialDate::from_timestamp(timestamp);
            proptest::prop_assert_eq!(date.as_str(), expected);
        }
    }
}
