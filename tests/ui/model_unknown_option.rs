use tencentcloud_core::model;

#[model(rename_all = "camelCase")]
pub struct Reply {
    pub request_id: String,
}

fn main() {}
