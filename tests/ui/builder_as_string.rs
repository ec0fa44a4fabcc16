use tencentcloud_core::model;

#[model(builder = "yes")]
pub struct Sender {
    pub address: String,
}

fn main() {}
