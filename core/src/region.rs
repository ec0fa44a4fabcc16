//! Regions: where a call's data lives, sent as `X-TC-Region` (or the v1 `Region` parameter).
//!
//! The region is independent of the host a request goes to: the nearest-region domain serves
//! every region, and the region header says which one is addressed.

use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

/// A Tencent Cloud region id such as `ap-guangzhou`.
///
/// The constants cover the regions of the API 3.0 request-structure page; any other well-formed
/// id is accepted by [`Region::new`] because new regions appear over time.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Region(Cow<'static, str>);

/// The regions named on the request-structure page, with their display names.
const KNOWN: [(&str, &str); 16] = [
    ("ap-guangzhou", "South China (Guangzhou)"),
    ("ap-shanghai", "East China (Shanghai)"),
    ("ap-nanjing", "East China (Nanjing)"),
    ("ap-beijing", "North China (Beijing)"),
    ("ap-chengdu", "Southwest China (Chengdu)"),
    ("ap-chongqing", "Southwest China (Chongqing)"),
    (
        "ap-hongkong",
        "Hong Kong, Macau and Taiwan (China) (Hong Kong, China)",
    ),
    ("ap-singapore", "Southeast Asia (Singapore)"),
    ("ap-jakarta", "Southeast Asia (Jakarta)"),
    ("ap-bangkok", "Southeast Asia (Bangkok)"),
    ("ap-seoul", "Northeast Asia (Seoul)"),
    ("ap-tokyo", "Northeast Asia (Tokyo)"),
    ("na-ashburn", "US East (Virginia)"),
    ("na-siliconvalley", "US West (Silicon Valley)"),
    ("sa-saopaulo", "South America (São Paulo)"),
    ("eu-frankfurt", "Europe (Frankfurt)"),
];

/// The longest region id accepted; real ids are far shorter (`ap-shanghai-fsi` is 15).
const MAX_LEN: usize = 48;

impl Region {
    /// South China (Guangzhou).
    pub const AP_GUANGZHOU: Self = Self::from_static("ap-guangzhou");
    /// East China (Shanghai).
    pub const AP_SHANGHAI: Self = Self::from_static("ap-shanghai");
    /// East China (Nanjing).
    pub const AP_NANJING: Self = Self::from_static("ap-nanjing");
    /// North China (Beijing).
    pub const AP_BEIJING: Self = Self::from_static("ap-beijing");
    /// Southwest China (Chengdu).
    pub const AP_CHENGDU: Self = Self::from_static("ap-chengdu");
    /// Southwest China (Chongqing).
    pub const AP_CHONGQING: Self = Self::from_static("ap-chongqing");
    /// Hong Kong, China.
    pub const AP_HONGKONG: Self = Self::from_static("ap-hongkong");
    /// Southeast Asia (Singapore); the region of SES on the international site.
    pub const AP_SINGAPORE: Self = Self::from_static("ap-singapore");
    /// Southeast Asia (Jakarta).
    pub const AP_JAKARTA: Self = Self::from_static("ap-jakarta");
    /// Southeast Asia (Bangkok).
    pub const AP_BANGKOK: Self = Self::from_static("ap-bangkok");
    /// Northeast Asia (Seoul).
    pub const AP_SEOUL: Self = Self::from_static("ap-seoul");
    /// Northeast Asia (Tokyo).
    pub const AP_TOKYO: Self = Self::from_static("ap-tokyo");
    /// US East (Virginia).
    pub const NA_ASHBURN: Self = Self::from_static("na-ashburn");
    /// US West (Silicon Valley).
    pub const NA_SILICONVALLEY: Self = Self::from_static("na-siliconvalley");
    /// South America (São Paulo).
    pub const SA_SAOPAULO: Self = Self::from_static("sa-saopaulo");
    /// Europe (Frankfurt).
    pub const EU_FRANKFURT: Self = Self::from_static("eu-frankfurt");

    const fn from_static(id: &'static str) -> Self {
        Self(Cow::Borrowed(id))
    }

    /// Checks and wraps a region id.
    ///
    /// A region id is two or more groups of lower-case ASCII letters and digits joined by single
    /// hyphens, starting with a letter: `ap-guangzhou`, `ap-shanghai-fsi`, `eu-frankfurt`.
    ///
    /// # Errors
    /// [`InvalidRegion`] for anything else (empty, spaces, upper case, dots, slashes, ...). The
    /// check matters because the id may end up in a host name.
    pub fn new(id: impl Into<String>) -> Result<Self, InvalidRegion> {
        let id = id.into();
        if let Some(known) = KNOWN.iter().find(|(known, _)| *known == id) {
            return Ok(Self::from_static(known.0));
        }
        validate(&id)?;
        Ok(Self(Cow::Owned(id)))
    }

    /// The id as sent on the wire, e.g. `ap-guangzhou`.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The human-readable name of a known region, e.g. "South China (Guangzhou)"; `None` for an
    /// id this release does not know.
    pub fn display_name(&self) -> Option<&'static str> {
        KNOWN
            .iter()
            .find(|(id, _)| *id == self.as_str())
            .map(|(_, name)| *name)
    }

    /// Every region this release knows by name, in the order of the request-structure page.
    pub fn known() -> impl Iterator<Item = Region> {
        KNOWN.iter().map(|(id, _)| Self::from_static(id))
    }
}

fn validate(id: &str) -> Result<(), InvalidRegion> {
    let reason = if id.is_empty() {
        Some("it is empty")
    } else if id.len() > MAX_LEN {
        Some("it is too long")
    } else if !id
        .bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
    {
        Some("it contains a character other than a-z, 0-9 and '-'")
    } else if !id.starts_with(|c: char| c.is_ascii_lowercase()) {
        Some("it does not start with a letter")
    } else if id.split('-').any(str::is_empty) {
        Some("it has an empty part between hyphens")
    } else if !id.contains('-') {
        Some("it has no hyphen")
    } else {
        None
    };
    match reason {
        None => Ok(()),
        Some(reason) => Err(InvalidRegion {
            input: id.chars().take(MAX_LEN).collect(),
            reason,
        }),
    }
}

impl FromStr for Region {
    type Err = InvalidRegion;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::new(s)
    }
}

impl TryFrom<&str> for Region {
    type Error = InvalidRegion;

    fn try_from(value: &str) -> Result<Self, Self::Error> {
        Self::new(value)
    }
}

impl TryFrom<String> for Region {
    type Error = InvalidRegion;

    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::new(value)
    }
}

impl AsRef<str> for Region {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl fmt::Display for Region {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Debug for Region {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Region({})", self.as_str())
    }
}

/// A region id that is not well formed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "invalid region {input:?}: {reason}; a region looks like `ap-guangzhou`: lower-case letters \
     and digits in hyphen-separated parts"
)]
pub struct InvalidRegion {
    input: String,
    reason: &'static str,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn constants_are_the_sixteen_known_regions_with_names() {
        let all: Vec<Region> = Region::known().collect();
        assert_eq!(all.len(), 16);
        assert_eq!(all[0], Region::AP_GUANGZHOU);
        assert_eq!(
            Region::AP_GUANGZHOU.display_name(),
            Some("South China (Guangzhou)")
        );
        assert_eq!(Region::EU_FRANKFURT.as_str(), "eu-frankfurt");
        for region in all {
            assert_eq!(Region::new(region.as_str()), Ok(region.clone()));
            assert!(region.display_name().is_some());
        }
    }

    #[test]
    fn new_well_formed_regions_are_accepted_without_a_name() {
        for id in ["ap-shanghai-fsi", "ap-mumbai", "me-riyadh2", "na-toronto"] {
            let region: Region = id.parse().expect(id);
            assert_eq!(region.as_str(), id);
        }
        assert_eq!(Region::new("ap-mumbai").unwrap().display_name(), None);
    }

    #[test]
    fn malformed_regions_are_rejected_with_a_description_of_the_format() {
        for bad in [
            "",
            " ap-guangzhou",
            "ap-guangzhou ",
            "ap guangzhou",
            "AP-GUANGZHOU",
            "ap-guangzhou.evil.com/",
            "ap--guangzhou",
            "-ap",
            "ap-",
            "guangzhou",
            "1p-guangzhou",
            "ap-广州",
            "ap-guangzhou\n",
            &"a-".repeat(40),
        ] {
            let err = Region::new(bad).expect_err(bad);
            let text = err.to_string();
            assert!(
                text.contains("a region looks like `ap-guangzhou`"),
                "{text}"
            );
        }
    }
}
