use tencentcloud_core::{action, model, service};

#[service(name = "cls", version = "2020-10-16")]
pub struct Cls;

#[model]
pub struct Reply {
    pub request_id: String,
}

#[action(service = Cls, response = Reply, content = "octet-stream")]
pub struct UploadLog {
    pub topic_id: String,
}

fn main() {}
