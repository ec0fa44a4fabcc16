use tencentcloud_core::model;

#[model]
pub enum Status {
    Sent,
}

fn main() {}
