use tencentcloud_core::model;

#[model(builder = true)]
pub struct Mail {
    pub cc: Option<String>,
    pub maybe_cc: u64,
}

fn main() {}
