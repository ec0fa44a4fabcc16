//! The header values an action's declaration fixes (`X-TC-Action`, `X-TC-Version`), checked
//! and built when the program is compiled rather than on every call.
//!
//! A declaration's texts are `&'static str` constants, so whether they can be sent as header
//! values is known at compile time. An associated constant per action holds the finished value
//! (a `HeaderValue` over the static text: no copy, no check left for run time), or `None` for a
//! text that cannot be a header, which each call then reports as an invalid request: a bad
//! declaration is an error, never a panic.

use std::marker::PhantomData;

use http::HeaderValue;

use crate::action::{Action, Service};

/// The fixed header values of one action.
#[derive(Debug, Clone)]
pub(crate) struct DeclaredHeaders {
    /// `X-TC-Action`, or `None` when the declared name cannot be a header value.
    pub(crate) action: Option<HeaderValue>,
    /// `X-TC-Version`, or `None` when the declared version cannot be a header value.
    pub(crate) version: Option<HeaderValue>,
}

impl DeclaredHeaders {
    /// The values of `A`, computed by the compiler.
    pub(crate) fn of<A: Action>() -> Self {
        Self {
            action: Texts::<A>::ACTION,
            version: Texts::<A>::VERSION,
        }
    }
}

/// Holds the per-action constants: an impl over a type parameter is how a constant can depend
/// on `A`.
struct Texts<A>(PhantomData<A>);

impl<A: Action> Texts<A> {
    const ACTION: Option<HeaderValue> = static_value(A::NAME);
    const VERSION: Option<HeaderValue> = static_value(<A::Service as Service>::VERSION);
}

/// `text` as a header value, if it is visible ASCII (or tab) throughout: the rule
/// `HeaderValue::from_static` itself checks, so the call below cannot fail (and were it to, in
/// a constant it would stop the build, not the program).
const fn static_value(text: &'static str) -> Option<HeaderValue> {
    let bytes = text.as_bytes();
    let mut index = 0;
    while index < bytes.len() {
        let byte = bytes[index];
        if byte != b'\t' && !(byte >= 0x20 && byte < 0x7f) {
            return None;
        }
        index += 1;
    }
    Some(HeaderValue::from_static(text))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_visible_ascii_becomes_a_value() {
        assert_eq!(static_value("SendEmail").unwrap(), "SendEmail");
        assert_eq!(static_value("2020-10-02").unwrap(), "2020-10-02");
        assert_eq!(static_value("a\tb").unwrap(), "a\tb");
        for bad in ["Send\nEmail", "Send\rEmail", "2020-10-02é", "\u{7f}", "x\0"] {
            assert!(static_value(bad).is_none(), "{bad:?}");
        }
    }
}
