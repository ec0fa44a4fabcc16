use tencentcloud_core::model;

#[model]
pub struct Nothing;

fn main() {}
