use tencentcloud_core::service;

#[service(name = "ses", version = "latest")]
pub struct Ses;

fn main() {}
