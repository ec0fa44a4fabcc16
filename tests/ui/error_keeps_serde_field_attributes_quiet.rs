use tencentcloud_core::{action, model, service};

#[service(name = "ses", version = "2020-10-02")]
pub struct Ses;

#[model]
pub struct Reply {
    pub request_id: String,
}

#[action(service = Ses, response = Reply, signing = "HmacSHA1", content = "json")]
pub struct SendThing {
    /// Documented, renamed and optional: none of it adds an error.
    #[serde(rename = "ToAddress")]
    pub to: Option<String>,
}

fn main() {}
