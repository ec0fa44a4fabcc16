//! A small process-wide cache of TC3 signing keys, ready to use as HMAC states, so signing many
//! requests on one day derives the key once instead of three HMACs per request.
//!
//! Entries are found by a SHA-256 fingerprint of the secret key, never the key itself; the
//! cached HMAC states and fingerprints are wiped when an entry is evicted (the `zeroize`
//! features of `hmac` and `sha2` clear the hash states on drop).

use std::sync::{PoisonError, RwLock};

use hmac::Hmac;
use sha2::{Digest, Sha256};
use zeroize::Zeroizing;

use super::CredentialDate;
use super::mac::keyed;
use super::tc3::signing_key;

/// How many (key, date, service) combinations are kept. A client uses one key with a few
/// services; an emulator a handful of keys. Around midnight UTC two dates of each are live.
const CAPACITY: usize = 16;

/// Separates these fingerprints from any other SHA-256 of the same key. Short, so that with a
/// usual 32-byte secret key the fingerprint costs one SHA-256 block.
const FINGERPRINT_DOMAIN: &[u8] = b"tc3 key cache\0";

/// One cached signing key.
struct Entry {
    fingerprint: KeyFingerprint,
    date: CredentialDate,
    service: Box<str>,
    /// HMAC-SHA256 keyed with `SecretSigning`, before any message bytes.
    mac: Hmac<Sha256>,
}

/// Most recently inserted last; the first entry is evicted when full. A read-write lock: every
/// signature reads it, from many threads at once, and only a new day or key writes to it.
static CACHE: RwLock<Vec<Entry>> = RwLock::new(Vec::new());

/// A secret key's SHA-256 under a domain prefix: how the cache recognises a key without
/// holding it. [`Credentials`](crate::Credentials) compute theirs once; a caller of the public
/// signer without credentials pays for it per signature.
#[derive(Clone, PartialEq, Eq)]
pub(crate) struct KeyFingerprint(Zeroizing<[u8; 32]>);

impl KeyFingerprint {
    /// The fingerprint of `secret_key`.
    pub(crate) fn of(secret_key: &str) -> Self {
        let mut hasher = Sha256::new();
        hasher.update(FINGERPRINT_DOMAIN);
        hasher.update(secret_key.as_bytes());
        Self(Zeroizing::new(hasher.finalize().into()))
    }
}

impl std::fmt::Debug for KeyFingerprint {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("KeyFingerprint(** redacted **)")
    }
}

/// An HMAC-SHA256 state keyed with the TC3 signing key of `secret_key` (whose fingerprint is
/// `fingerprint`) for `date` and `service`, ready for the string to sign.
pub(crate) fn signing_mac(
    secret_key: &str,
    fingerprint: &KeyFingerprint,
    date: &CredentialDate,
    service: &str,
) -> Hmac<Sha256> {
    // A poisoned lock only means another thread panicked while holding it; the entries are
    // still whole (every update is a single push or remove), so keep using them.
    {
        let entries = CACHE.read().unwrap_or_else(PoisonError::into_inner);
        if let Some(entry) = entries.iter().find(|entry| {
            entry.fingerprint == *fingerprint && entry.date == *date && &*entry.service == service
        }) {
            return entry.mac.clone();
        }
    }

    // Derive outside the lock so other signers are not held up.
    let key = signing_key(secret_key, date.as_str(), service);
    let mac = keyed::<Sha256>(key.as_bytes());
    let entry = Entry {
        fingerprint: fingerprint.clone(),
        date: *date,
        service: service.into(),
        mac: mac.clone(),
    };
    let mut entries = CACHE.write().unwrap_or_else(PoisonError::into_inner);
    if entries.len() >= CAPACITY {
        entries.remove(0);
    }
    entries.push(entry);
    mac
}

#[cfg(test)]
mod tests {
    use hmac::Mac;

    use super::*;

    fn tag(mut mac: Hmac<Sha256>) -> Vec<u8> {
        mac.update(b"message");
        mac.finalize().into_bytes().to_vec()
    }

    /// The tag of "message" under the cached state for `secret_key`, as credentials sign.
    fn cached_tag(secret_key: &str, date: &CredentialDate, service: &str) -> Vec<u8> {
        tag(signing_mac(
            secret_key,
            &KeyFingerprint::of(secret_key),
            date,
            service,
        ))
    }

    #[test]
    fn cached_state_equals_a_freshly_derived_key() {
        let date = CredentialDate::from_timestamp(1_551_113_065);
        for round in 0..2 {
            let cached = cached_tag("cache-test-key", &date, "ses");
            let fresh = signing_key("cache-test-key", "2019-02-25", "ses");
            assert_eq!(
                cached,
                crate::sign::mac::hmac_sha256(fresh.as_bytes(), b"message"),
                "round {round}"
            );
        }
    }

    #[test]
    fn keys_dates_and_services_do_not_share_entries() {
        let day = CredentialDate::from_timestamp(1_551_113_065);
        let next = CredentialDate::from_timestamp(1_551_139_200);
        let base = cached_tag("cache-key-a", &day, "ses");
        assert_ne!(base, cached_tag("cache-key-b", &day, "ses"));
        assert_ne!(base, cached_tag("cache-key-a", &next, "ses"));
        assert_ne!(base, cached_tag("cache-key-a", &day, "cvm"));
        assert_eq!(base, cached_tag("cache-key-a", &day, "ses"));
    }

    #[test]
    fn more_combinations_than_capacity_still_sign_correctly() {
        let date = CredentialDate::from_timestamp(0);
        for index in 0..CAPACITY * 2 {
            let key = format!("capacity-key-{index}");
            let fresh = signing_key(&key, "1970-01-01", "ses");
            assert_eq!(
                cached_tag(&key, &date, "ses"),
                crate::sign::mac::hmac_sha256(fresh.as_bytes(), b"message")
            );
        }
        let entries = CACHE.read().unwrap_or_else(PoisonError::into_inner);
        assert!(entries.len() <= CAPACITY);
    }
}
