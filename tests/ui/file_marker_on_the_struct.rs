use tencentcloud_core::{action, model, service};

#[service(name = "ses", version = "2020-10-02")]
pub struct Ses;

#[model]
pub struct Reply {
    pub request_id: String,
}

#[action(service = Ses, response = Reply, content = "multipart")]
#[tc(file)]
pub struct SendThing {
    pub attachment: String,
}

fn main() {}
