//! The hashing plumbing shared by the signers: HMAC construction without a failure path, and a
//! [`Sink`] that lets one writer feed the same text to a `String` (for tests and debugging) or
//! straight into a hash (for speed, with no intermediate string).

use hmac::digest::Key;
use hmac::{EagerHash, Hmac, KeyInit, Mac};
use sha2::{Digest, Sha256};
use zeroize::Zeroize;

/// Something the pieces of a canonical request or string to sign can be written into.
pub(crate) trait Sink {
    /// Appends `text`.
    fn put(&mut self, text: &str);

    /// Appends text that is ASCII by construction (hex digests, digits, dates), given as bytes:
    /// a hash takes them as they are, where a `&str` would first cost a UTF-8 check, and
    /// signing writes several such texts per request.
    fn put_ascii(&mut self, ascii: &[u8]);
}

impl Sink for String {
    fn put(&mut self, text: &str) {
        self.push_str(text);
    }

    fn put_ascii(&mut self, ascii: &[u8]) {
        // Byte for char is exact for ASCII, and this sink only serves tests and debugging.
        self.extend(ascii.iter().copied().map(char::from));
    }
}

impl Sink for Sha256 {
    fn put(&mut self, text: &str) {
        Digest::update(self, text.as_bytes());
    }

    fn put_ascii(&mut self, ascii: &[u8]) {
        Digest::update(self, ascii);
    }
}

impl<D: EagerHash> Sink for Hmac<D> {
    fn put(&mut self, text: &str) {
        Mac::update(self, text.as_bytes());
    }

    fn put_ascii(&mut self, ascii: &[u8]) {
        Mac::update(self, ascii);
    }
}

/// An HMAC keyed with `key`, for a key of any length.
///
/// `KeyInit::new_from_slice` returns a `Result` although HMAC accepts every key length; to keep
/// a panic-free path this prepares the block-sized key as RFC 2104 section 2 describes (keys
/// longer than a block are hashed first, then zero padded) and uses the infallible
/// `KeyInit::new`. The temporary key block is wiped afterwards.
pub(crate) fn keyed<D>(key: &[u8]) -> Hmac<D>
where
    D: EagerHash,
    Hmac<D>: KeyInit,
{
    // HMAC's key size is the hash's block size.
    let mut block = Key::<Hmac<D>>::default();
    if key.len() <= block.len() {
        if let Some(prefix) = block.get_mut(..key.len()) {
            prefix.copy_from_slice(key);
        }
    } else {
        let mut hashed = D::digest(key);
        for (slot, byte) in block.iter_mut().zip(hashed.iter()) {
            *slot = *byte;
        }
        hashed.as_mut_slice().zeroize();
    }
    let mac = <Hmac<D> as KeyInit>::new(&block);
    block.as_mut_slice().zeroize();
    mac
}

/// HMAC-SHA256 of `message` under `key`, as raw bytes.
pub(crate) fn hmac_sha256(key: &[u8], message: &[u8]) -> [u8; 32] {
    let mut mac = keyed::<Sha256>(key);
    Mac::update(&mut mac, message);
    mac.finalize().into_bytes().into()
}

/// SHA-256 of `bytes`.
pub(crate) fn sha256(bytes: &[u8]) -> [u8; 32] {
    Sha256::digest(bytes).into()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// RFC 4231 test case 1 (20-byte key) and test case 6 (131-byte key, hashed first).
    #[test]
    fn keyed_hmac_matches_rfc_4231() {
        let short = hmac_sha256(&[0x0b; 20], b"Hi There");
        assert_eq!(
            hex::encode(short),
            "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"
        );
        let long = hmac_sha256(
            &[0xaa; 131],
            b"Test Using Larger Than Block-Size Key - Hash Key First",
        );
        assert_eq!(
            hex::encode(long),
            "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"
        );
    }

    /// RFC 2202 test case 1 for HMAC-SHA1.
    #[test]
    fn keyed_hmac_sha1_matches_rfc_2202() {
        let mut mac = keyed::<sha1::Sha1>(&[0x0b; 20]);
        Mac::update(&mut mac, b"Hi There");
        assert_eq!(
            hex::encode(mac.finalize().into_bytes()),
            "b617318655057264e28bc0b6fb378c8ef146be00"
        );
    }
}
