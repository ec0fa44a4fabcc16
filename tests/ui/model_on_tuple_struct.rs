use tencentcloud_core::model;

#[model]
pub struct MessageId(pub String);

fn main() {}
