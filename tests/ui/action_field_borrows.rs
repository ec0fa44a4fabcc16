use tencentcloud_core::{action, model, service};

#[service(name = "ses", version = "2020-10-02")]
pub struct Ses;

#[model]
pub struct Reply {
    pub request_id: String,
}

#[action(service = Ses, response = Reply)]
pub struct SendThing {
    pub to: &'static str,
    pub cc: Option<Vec<&'static str>>,
    pub subject: String,
}

fn main() {}
