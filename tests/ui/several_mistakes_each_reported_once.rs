use tencentcloud_core::{action, model, service};

#[service(name = "ses", version = "2020-10-02")]
pub struct Ses;

#[model]
pub struct Reply {
    pub request_id: String,
}

// Three independent mistakes, in the options and in the struct: each gets exactly one
// message, and nothing else follows from them.
#[action(service = Ses, response = Reply, sigining = "HmacSHA1", idempotent = "no")]
pub struct SendThing(pub String);

fn main() {}
