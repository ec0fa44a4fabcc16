//! Credentials from the INI credentials file (`~/.tencentcloud/credentials`), with named
//! profiles.
//!
//! ```ini
//! [default]
//! secret_id = AKID...
//! secret_key = ...
//!
//! [staging]
//! secret_id = AKID...
//! secret_key = ...
//! token = ...        ; optional, for temporary credentials
//! ```

use std::collections::HashMap;
use std::path::PathBuf;

use super::{Credentials, CredentialsError, CredentialsFuture, Environment, ProvideCredentials};

/// Overrides the path of the credentials file.
pub const CREDENTIALS_FILE: &str = "TENCENTCLOUD_CREDENTIALS_FILE";
/// Selects a named profile of the credentials file; `default` otherwise.
pub const PROFILE: &str = "TENCENTCLOUD_PROFILE";
/// The profile used when none is selected.
pub const DEFAULT_PROFILE: &str = "default";

/// Reads a profile of the credentials file on every call.
#[derive(Debug, Clone, Default)]
pub struct ProfileFileProvider {
    env: Environment,
}

/// One `[section]` of the file: its keys and values.
type Section = HashMap<String, String>;

impl ProfileFileProvider {
    /// A provider that finds the file and profile through the given environment.
    pub fn new(env: Environment) -> Self {
        Self { env }
    }

    /// The file named by `TENCENTCLOUD_CREDENTIALS_FILE`. Empty (or blank) counts as unset, as
    /// for every other variable: a container started with `-e TENCENTCLOUD_CREDENTIALS_FILE=`
    /// means "no file of my own", not a file with an empty name.
    fn explicit_path(&self) -> Option<String> {
        self.env
            .get(CREDENTIALS_FILE)
            .filter(|path| !path.trim().is_empty())
    }

    /// The file to read: the one named, or the default under the home directory (`None` when
    /// there is no home directory either).
    fn path(&self) -> Option<PathBuf> {
        match self.explicit_path() {
            Some(path) => Some(PathBuf::from(path)),
            // `USERPROFILE` is where Windows keeps the home directory when `HOME` is unset.
            None => ["HOME", "USERPROFILE"]
                .into_iter()
                .find_map(|name| self.env.get(name).filter(|home| !home.is_empty()))
                .map(|home| {
                    PathBuf::from(home)
                        .join(".tencentcloud")
                        .join("credentials")
                }),
        }
    }

    /// Loads the selected profile if the file exists. Records what was looked at in `tried`.
    ///
    /// # Errors
    /// When the file exists but cannot be read or parsed, the profile is missing, or its values
    /// are incomplete or malformed.
    pub(crate) fn load(
        &self,
        tried: &mut Vec<String>,
    ) -> Result<Option<Credentials>, CredentialsError> {
        let explicit = self.explicit_path().is_some();
        let Some(path) = self.path() else {
            tried.push("credentials file (neither HOME nor USERPROFILE is set)".to_owned());
            return Ok(None);
        };
        let profile = self
            .env
            .get(PROFILE)
            .filter(|p| !p.is_empty())
            .unwrap_or_else(|| DEFAULT_PROFILE.to_owned());
        let shown = path.display().to_string();
        let source_name = format!("credentials file {shown}, profile [{profile}]");
        let broken = |problem: String| CredentialsError::Broken {
            source_name: source_name.clone(),
            problem,
        };
        let text = match std::fs::read(&path) {
            Ok(bytes) => String::from_utf8(bytes)
                .map_err(|_| broken("the file is not valid UTF-8".to_owned()))?,
            // A missing default file simply means "not configured here"; a missing file the
            // user pointed at explicitly is a mistake worth reporting.
            Err(e) if e.kind() == std::io::ErrorKind::NotFound && !explicit => {
                tried.push(format!("credentials file {shown} (does not exist)"));
                return Ok(None);
            }
            Err(e) => return Err(broken(format!("cannot be read: {e}"))),
        };
        let sections = parse_ini(&text).map_err(broken)?;
        let Some(section) = sections.get(&profile) else {
            let mut names: Vec<&str> = sections.keys().map(String::as_str).collect();
            names.sort_unstable();
            return Err(broken(format!(
                "the profile does not exist (profiles in the file: {})",
                if names.is_empty() {
                    "none".to_owned()
                } else {
                    names.join(", ")
                }
            )));
        };
        let id = section.get("secret_id");
        let key = section.get("secret_key");
        let (Some(id), Some(key)) = (id, key) else {
            return Err(broken(
                "the profile needs both secret_id and secret_key".to_owned(),
            ));
        };
        // `token =` with nothing after it is how a file says "no token".
        let result = match section.get("token").filter(|token| !token.is_empty()) {
            Some(token) => Credentials::with_token(id.clone(), key.clone(), token.clone()),
            None => Credentials::new(id.clone(), key.clone()),
        };
        result.map(Some).map_err(|e| broken(e.to_string()))
    }
}

/// Parses the INI subset the SDKs write: `[section]` headers, `key = value` lines, blank lines
/// and `#`/`;` comments. Values are trimmed (the file format pads `=` with spaces).
fn parse_ini(text: &str) -> Result<HashMap<String, Section>, String> {
    let mut sections: HashMap<String, Section> = HashMap::new();
    let mut current: Option<String> = None;
    // Editors on Windows may start a UTF-8 file with a byte-order mark, which is not text.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    for (index, raw) in text.lines().enumerate() {
        let line_no = index + 1;
        let line = raw.trim();
        if line.is_empty() || line.starts_with('#') || line.starts_with(';') {
            continue;
        }
        if let Some(rest) = line.strip_prefix('[') {
            let name = rest
                .strip_suffix(']')
                .map(str::trim)
                .filter(|name| !name.is_empty())
                .ok_or_else(|| format!("line {line_no}: malformed section header"))?;
            sections.entry(name.to_owned()).or_default();
            current = Some(name.to_owned());
            continue;
        }
        let Some((key, value)) = line.split_once('=') else {
            return Err(format!(
                "line {line_no}: expected `key = value` or `[section]`"
            ));
        };
        let Some(section) = current.as_ref() else {
            return Err(format!(
                "line {line_no}: a key appears before any [section]"
            ));
        };
        let key = key.trim();
        if key.is_empty() {
            return Err(format!("line {line_no}: empty key"));
        }
        sections
            .entry(section.clone())
            .or_default()
            .insert(key.to_owned(), value.trim().to_owned());
    }
    Ok(sections)
}

impl ProvideCredentials for ProfileFileProvider {
    fn provide_credentials(&self) -> CredentialsFuture<'_> {
        super::ready_or_not_found(|tried| self.load(tried))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::credentials::DefaultChain;

    struct TempFile(PathBuf);

    impl TempFile {
        fn new(name: &str, contents: &[u8]) -> Self {
            let dir = std::env::temp_dir().join(format!(
                "tc-creds-{}-{}",
                std::process::id(),
                fastrand::u64(..)
            ));
            std::fs::create_dir_all(&dir).unwrap();
            let path = dir.join(name);
            std::fs::write(&path, contents).unwrap();
            Self(path)
        }
        fn path(&self) -> String {
            self.0.display().to_string()
        }
    }

    impl Drop for TempFile {
        fn drop(&mut self) {
            if let Some(dir) = self.0.parent() {
                let _ = std::fs::remove_dir_all(dir);
            }
        }
    }

    const FILE: &str = "# comment\n[default]\nsecret_id = AKIDdefault\nsecret_key = keydefault\n\n\
                        ; another\n[staging]\nsecret_id=AKIDstaging\nsecret_key=keystaging\ntoken = tok\n";

    fn load(pairs: &[(&str, &str)]) -> Result<Option<Credentials>, CredentialsError> {
        ProfileFileProvider::new(Environment::from_pairs(pairs.iter().copied()))
            .load(&mut Vec::new())
    }

    #[test]
    fn reads_the_default_and_named_profiles() {
        let file = TempFile::new("credentials", FILE.as_bytes());
        let c = load(&[(CREDENTIALS_FILE, &file.path())]).unwrap().unwrap();
        assert_eq!(
            (c.secret_id(), c.secret_key(), c.token()),
            ("AKIDdefault", "keydefault", None)
        );
        let c = load(&[(CREDENTIALS_FILE, &file.path()), (PROFILE, "staging")])
            .unwrap()
            .unwrap();
        assert_eq!((c.secret_id(), c.token()), ("AKIDstaging", Some("tok")));
    }

    /// A home directory holding `FILE` as its default credentials file, inside `file`'s
    /// folder (removed with it).
    fn home_beside(file: &TempFile) -> PathBuf {
        let home = file.0.parent().unwrap().join("home");
        std::fs::create_dir_all(home.join(".tencentcloud")).unwrap();
        std::fs::write(home.join(".tencentcloud/credentials"), FILE).unwrap();
        home
    }

    #[test]
    fn finds_the_file_under_home() {
        let file = TempFile::new("credentials", FILE.as_bytes());
        let home = home_beside(&file);
        let c = load(&[("HOME", &home.display().to_string())])
            .unwrap()
            .unwrap();
        assert_eq!(c.secret_id(), "AKIDdefault");
        let c = load(&[("USERPROFILE", &home.display().to_string())])
            .unwrap()
            .unwrap();
        assert_eq!(c.secret_id(), "AKIDdefault", "Windows' home directory");
    }

    #[test]
    fn a_byte_order_mark_and_an_empty_token_are_tolerated() {
        let text = "\u{feff}[default]\nsecret_id = AKIDbom\nsecret_key = key\ntoken =\n";
        let file = TempFile::new("credentials", text.as_bytes());
        let c = load(&[(CREDENTIALS_FILE, &file.path())]).unwrap().unwrap();
        assert_eq!((c.secret_id(), c.token()), ("AKIDbom", None));
    }

    #[test]
    fn broken_files_are_reported_with_the_line_and_profile() {
        let cases: [(&[u8], &str, &str); 7] = [
            (
                b"[default\nsecret_id = a\n",
                "default",
                "line 1: malformed section header",
            ),
            (
                b"secret_id = a\n",
                "default",
                "line 1: a key appears before any [section]",
            ),
            (
                b"[default]\njunk\n",
                "default",
                "line 2: expected `key = value`",
            ),
            (
                b"[default]\nsecret_id = a\n",
                "default",
                "needs both secret_id and secret_key",
            ),
            (
                b"[other]\nsecret_id = a\nsecret_key = b\n",
                "default",
                "profile does not exist (profiles in the file: other)",
            ),
            (
                b"[default]\nsecret_id = a\nsecret_key =\n",
                "default",
                "secret key is empty",
            ),
            (b"\xff\xfe", "default", "not valid UTF-8"),
        ];
        for (contents, profile, expected) in cases {
            let file = TempFile::new("credentials", contents);
            let err = load(&[(CREDENTIALS_FILE, &file.path()), (PROFILE, profile)])
                .unwrap_err()
                .to_string();
            assert!(err.contains(expected), "{err}");
            assert!(err.contains(&format!("profile [{profile}]")), "{err}");
        }
    }

    #[test]
    fn an_explicit_missing_file_is_an_error_but_a_missing_default_is_skipped() {
        let err = load(&[(CREDENTIALS_FILE, "/nonexistent/credentials")]).unwrap_err();
        assert!(err.to_string().contains("cannot be read"), "{err}");
        assert!(load(&[("HOME", "/nonexistent-home")]).unwrap().is_none());
    }

    #[test]
    fn an_empty_file_variable_counts_as_unset() {
        let file = TempFile::new("credentials", FILE.as_bytes());
        let home = home_beside(&file);
        for empty in ["", "  "] {
            let c = load(&[
                (CREDENTIALS_FILE, empty),
                ("HOME", &home.display().to_string()),
            ])
            .unwrap()
            .expect("the default file is read");
            assert_eq!(c.secret_id(), "AKIDdefault");
        }
        assert!(
            load(&[(CREDENTIALS_FILE, ""), ("HOME", "/nonexistent-home")])
                .unwrap()
                .is_none()
        );
    }

    #[test]
    fn the_chain_lists_every_place_it_tried() {
        let chain = DefaultChain::new(Environment::from_pairs([("HOME", "/nonexistent-home")]));
        let err = chain.resolve().unwrap_err().to_string();
        assert!(
            err.contains("TENCENTCLOUD_SECRET_ID and TENCENTCLOUD_SECRET_KEY are not set"),
            "{err}"
        );
        assert!(
            err.contains("/nonexistent-home/.tencentcloud/credentials (does not exist)"),
            "{err}"
        );
    }

    #[test]
    fn the_environment_wins_over_the_file() {
        let file = TempFile::new("credentials", FILE.as_bytes());
        let chain = DefaultChain::new(Environment::from_pairs([
            (CREDENTIALS_FILE, file.path().as_str()),
            ("TENCENTCLOUD_SECRET_ID", "AKIDenv"),
            ("TENCENTCLOUD_SECRET_KEY", "keyenv"),
        ]));
        assert_eq!(chain.resolve().unwrap().secret_id(), "AKIDenv");
    }
}
