use tencentcloud_core::service;

#[service(name = "SES", version = "latest")]
pub struct Ses;

fn main() {}
