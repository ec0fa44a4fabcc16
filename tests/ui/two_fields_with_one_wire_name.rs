use tencentcloud_core::{action, model, service};

#[service(name = "ses", version = "2020-10-02")]
pub struct Ses;

#[model]
pub struct Reply {
    pub request_id: String,
}

#[action(service = Ses, response = Reply)]
pub struct SendThing {
    pub template_id: u64,
    #[serde(rename = "TemplateId")]
    pub other_id: u64,
}

fn main() {}
