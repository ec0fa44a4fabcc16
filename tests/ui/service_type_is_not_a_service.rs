use tencentcloud_core::{action, model};

#[model]
pub struct Reply {
    pub request_id: String,
}

#[action(service = Reply, response = Reply)]
pub struct SendThing {
    pub to: String,
}

fn main() {}
