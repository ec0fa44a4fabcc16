use tencentcloud_core::{action, model, service};

#[service(name = "ses", version = "2020-10-02")]
pub struct Ses;

#[model]
pub struct Reply {
    pub request_id: String,
}

// One mistake, one error: the misspelt `service` is not also reported as missing.
#[action(servce = Ses, response = Reply)]
pub struct SendThing {
    pub to: String,
}

fn main() {}
