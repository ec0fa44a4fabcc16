//! Every valid pairing of method, signing scheme and body encoding, with and without an explicit
//! `content`, read back through the `Action` trait.
#![deny(warnings, missing_docs, unused_qualifications)]

use tencentcloud_core::{Action, BodyEncoding, HttpMethod, SigningScheme, action, model, service};

/// Cloud Virtual Machine.
#[service(name = "cvm", version = "2017-03-12")]
pub struct Cvm;

/// The common reply.
#[model]
pub struct Reply {
    /// The id of the call.
    pub request_id: String,
}

/// POST, TC3, JSON by default.
#[action(service = Cvm, response = Reply)]
pub struct PostTc3Default {}

/// POST, TC3, JSON written out.
#[action(service = Cvm, response = Reply, method = "POST", signing = "TC3-HMAC-SHA256", content = "json")]
pub struct PostTc3Json {}

/// POST, TC3, multipart.
#[action(service = Cvm, response = Reply, content = "multipart")]
pub struct PostTc3Multipart {}

/// POST, TC3, raw bytes.
#[action(service = Cvm, response = Reply, content = "octet-stream")]
pub struct PostTc3OctetStream {
    /// The body, base64 in the struct and raw bytes on the wire.
    #[tc(file)]
    pub data: String,
}

/// POST, HmacSHA256, form by default.
#[action(service = Cvm, response = Reply, signing = "HmacSHA256")]
pub struct PostSha256Default {}

/// POST, HmacSHA256, form written out.
#[action(service = Cvm, response = Reply, signing = "HmacSHA256", content = "form")]
pub struct PostSha256Form {}

/// POST, HmacSHA1, form by default.
#[action(service = Cvm, response = Reply, signing = "HmacSHA1")]
pub struct PostSha1Default {}

/// POST, HmacSHA1, form written out.
#[action(service = Cvm, response = Reply, signing = "HmacSHA1", content = "form")]
pub struct PostSha1Form {}

/// GET, TC3, query string.
#[action(service = Cvm, response = Reply, method = "GET")]
pub struct GetTc3Default {}

/// GET, TC3, urlencoded like a form: still the query string.
#[action(service = Cvm, response = Reply, method = "GET", content = "form")]
pub struct GetTc3Form {}

/// GET, HmacSHA256, query string.
#[action(service = Cvm, response = Reply, method = "GET", signing = "HmacSHA256")]
pub struct GetSha256Default {}

/// GET, HmacSHA256, form written out.
#[action(service = Cvm, response = Reply, method = "GET", signing = "HmacSHA256", content = "form")]
pub struct GetSha256Form {}

/// GET, HmacSHA1, query string.
#[action(service = Cvm, response = Reply, method = "GET", signing = "HmacSHA1")]
pub struct GetSha1Default {}

/// GET, HmacSHA1, form written out.
#[action(service = Cvm, response = Reply, method = "GET", signing = "HmacSHA1", content = "form")]
pub struct GetSha1Form {}

/// The three constants that depend on the combination, as one comparable value.
fn wire<A: Action>() -> (HttpMethod, SigningScheme, BodyEncoding) {
    (A::METHOD, A::SIGNING, A::ENCODING)
}

fn main() {
    use BodyEncoding as E;
    use HttpMethod::{Get, Post};
    use SigningScheme::{HmacSha1 as Sha1, HmacSha256 as Sha256, Tc3HmacSha256 as Tc3};
    assert_eq!(wire::<PostTc3Default>(), (Post, Tc3, E::Json));
    assert_eq!(wire::<PostTc3Json>(), (Post, Tc3, E::Json));
    assert_eq!(wire::<PostTc3Multipart>(), (Post, Tc3, E::Multipart));
    assert_eq!(wire::<PostTc3OctetStream>(), (Post, Tc3, E::OctetStream));
    assert_eq!(wire::<PostSha256Default>(), (Post, Sha256, E::Form));
    assert_eq!(wire::<PostSha256Form>(), (Post, Sha256, E::Form));
    assert_eq!(wire::<PostSha1Default>(), (Post, Sha1, E::Form));
    assert_eq!(wire::<PostSha1Form>(), (Post, Sha1, E::Form));
    assert_eq!(wire::<GetTc3Default>(), (Get, Tc3, E::Query));
    assert_eq!(wire::<GetTc3Form>(), (Get, Tc3, E::Query));
    assert_eq!(wire::<GetSha256Default>(), (Get, Sha256, E::Query));
    assert_eq!(wire::<GetSha256Form>(), (Get, Sha256, E::Query));
    assert_eq!(wire::<GetSha1Default>(), (Get, Sha1, E::Query));
    assert_eq!(wire::<GetSha1Form>(), (Get, Sha1, E::Query));
    let _ = (
        Cvm,
        Reply {
            request_id: String::new(),
        },
    );
    let _ = (
        PostTc3Default {},
        PostTc3Json {},
        PostTc3Multipart {},
        PostTc3OctetStream { data: String::new() },
    );
    let _ = (
        PostSha256Default {},
        PostSha256Form {},
        PostSha1Default {},
        PostSha1Form {},
    );
    let _ = (
        GetTc3Default {},
        GetTc3Form {},
        GetSha256Default {},
        GetSha256Form {},
    );
    let _ = (GetSha1Default {}, GetSha1Form {});
}
