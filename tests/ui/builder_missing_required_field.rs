use tencentcloud_core::{action, model, service};

#[service(name = "ses", version = "2020-10-02")]
pub struct Ses;

#[model]
pub struct Reply {
    pub request_id: String,
}

#[action(service = Ses, response = Reply, builder = true)]
pub struct SendThing {
    pub from: String,
    pub subject: String,
    pub cc: Option<Vec<String>>,
}

fn main() {
    let _ = SendThing::builder().from("a@example.com").build();
}
