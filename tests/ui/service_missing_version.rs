use tencentcloud_core::service;

#[service(name = "ses")]
pub struct Ses;

fn main() {}
